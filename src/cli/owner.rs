//! `townhall owner OWNER/REPO`: which group to talk to about a repository.

use std::io;
use std::process::ExitCode;

use serde::Serialize;

use crate::model::{Registry, Status};
use crate::owner::{Claim, Owner, RepoPath, find};

use super::table::{Cell, Table};
use super::{EXIT_BROKEN_REGISTRY, EXIT_PROBLEMS, json, output_width, status_text};

/// One row of `owner --json`.
#[derive(Serialize)]
struct Row<'a> {
    group: &'a str,
    name: &'a str,
    community: &'a str,
    status: Status,
    project: &'a str,
    /// `repository` (the project lists it) or `owners` (an OWNERS file of the project).
    claim: &'static str,
    /// The OWNERS file's folder; absent for the repository's root.
    #[serde(skip_serializing_if = "Option::is_none")]
    folder: Option<&'a str>,
}

pub fn run(
    registry: &Registry,
    asked: &str,
    as_json: bool,
    paint: super::Paint,
) -> io::Result<ExitCode> {
    let asked = match RepoPath::parse(asked) {
        Ok(r) => r,
        Err(e) => {
            crate::errln!("townhall: owner: {e}");
            return Ok(ExitCode::from(EXIT_BROKEN_REGISTRY));
        }
    };
    let owners = find(registry, &asked);
    let mut out = crate::untrusted::output::stdout_styled(paint.is_on());
    if as_json {
        let rows: Vec<Row> = owners.iter().map(row).collect();
        json::write(&mut out, &rows)?;
    } else {
        let mut table = Table::new(["ID", "GROUP", "STATUS", "PROJECT", "BECAUSE"]).painted(paint);
        for o in &owners {
            table.row([
                Cell::new(&o.group.id),
                Cell::new(&o.group.name),
                Cell::new(status_text(o.group)),
                Cell::new(&o.project.name),
                Cell::new(because(o)),
            ]);
        }
        table.write(&mut out, output_width())?;
    }
    if owners.is_empty() {
        crate::errln!(
            "townhall: no loaded group claims {asked}; `townhall search {}` looks wider",
            asked.repo.rsplit('/').next().unwrap_or(&asked.repo)
        );
        return Ok(ExitCode::from(EXIT_PROBLEMS));
    }
    Ok(ExitCode::SUCCESS)
}

fn row<'a>(o: &'a Owner<'a>) -> Row<'a> {
    let (claim, folder) = match &o.claim {
        Claim::Repository => ("repository", None),
        Claim::Folder(folder) => ("owners", folder.as_deref()),
    };
    Row {
        group: &o.group.id,
        name: &o.group.name,
        community: &o.group.community,
        status: o.group.status,
        project: &o.project.name,
        claim,
        folder,
    }
}

fn because(o: &Owner) -> String {
    match &o.claim {
        Claim::Repository => "lists the repository".to_string(),
        Claim::Folder(None) => "OWNERS at the root".to_string(),
        Claim::Folder(Some(folder)) => format!("OWNERS in {folder}/"),
    }
}
