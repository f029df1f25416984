//! `townhall sources [--json]`: every source townhall can sync, where it is, and what its
//! last sync left (or that the built-in snapshot is in use).

use std::io::{self, Write};
use std::process::ExitCode;

use jiff::Timestamp;
use serde::Serialize;

use super::sync::Setup;
use super::table::{Cell, Table};
use super::{Dirs, json, output_width};
use crate::registry::builtin;
use crate::sources::Source;
use crate::sources::state::{Failure, State};

/// One row of `sources --json`.
#[derive(Serialize)]
struct Row {
    id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    community: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    format: Option<String>,
    url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    homepage: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    license: Option<String>,
    /// `synced` (a synced copy is in use), `built-in` (the snapshot compiled into townhall)
    /// or `none` (never synced, nothing built in).
    state: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    synced_at: Option<Timestamp>,
    #[serde(skip_serializing_if = "Option::is_none")]
    changed_at: Option<Timestamp>,
    #[serde(skip_serializing_if = "Option::is_none")]
    etag: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    last_modified: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    groups: Option<usize>,
    /// A calendar's events, in place of groups.
    #[serde(skip_serializing_if = "Option::is_none")]
    events: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    snapshot: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    failure: Option<Failure>,
}

impl Row {
    fn of(source: &Source, state: State, has_copy: bool) -> Row {
        let snapshot = builtin::FILES
            .iter()
            .any(|f| f.source == Some(source.id.as_str()))
            .then_some(builtin::SNAPSHOT_DATE);
        let synced = state.synced.filter(|_| has_copy);
        let primary = synced.as_ref().and_then(|s| s.documents.first());
        Row {
            id: source.id.clone(),
            community: source.community.clone(),
            format: source.format_name().map(str::to_string),
            url: source.location.to_string(),
            homepage: source.homepage.clone(),
            license: source.license.clone(),
            state: match (&synced, snapshot) {
                (Some(_), _) => "synced",
                (None, Some(_)) => "built-in",
                (None, None) => "none",
            },
            synced_at: synced.as_ref().map(|s| s.at),
            changed_at: synced.as_ref().map(|s| s.changed),
            etag: primary.and_then(|v| v.etag.clone()),
            last_modified: primary.and_then(|v| v.last_modified.clone()),
            groups: synced
                .as_ref()
                .filter(|s| s.events.is_none())
                .map(|s| s.groups),
            events: synced.as_ref().and_then(|s| s.events),
            snapshot,
            failure: state.failure,
        }
    }

    /// "synced 2026-12-01 12:00 UTC, 35 groups, ETag "v1"; last sync failed ...".
    fn state_text(&self) -> String {
        let minute = |t: &Timestamp| t.strftime("%Y-%m-%d %H:%M UTC").to_string();
        let mut text = match (self.synced_at, self.snapshot) {
            (Some(at), _) => {
                let mut parts = vec![format!("synced {}", minute(&at))];
                if let Some(n) = self.groups {
                    parts.push(format!("{n} groups"));
                }
                if let Some(n) = self.events {
                    parts.push(format!("{n} events"));
                }
                if let Some(etag) = &self.etag {
                    parts.push(format!("ETag {etag}"));
                } else if let Some(date) = &self.last_modified {
                    parts.push(format!("Last-Modified {date}"));
                }
                parts.join(", ")
            }
            (None, Some(date)) => format!("built-in snapshot of {date}"),
            (None, None) => "never synced".into(),
        };
        if let Some(f) = &self.failure {
            text.push_str(&format!(
                "; last sync failed {}: {}",
                minute(&f.at),
                f.reason
            ));
        }
        text
    }
}

pub fn run(dirs: &Dirs, as_json: bool) -> io::Result<ExitCode> {
    let setup = Setup::new(dirs);
    for w in &setup.warnings {
        crate::errln!("townhall: {w}");
    }
    let rows: Vec<Row> = setup
        .sources
        .iter()
        .map(|s| {
            let has_copy = setup.store.copy_path(s).is_file();
            Row::of(s, setup.store.state(&s.id), has_copy)
        })
        .collect();
    let mut out = crate::untrusted::output::stdout();
    if as_json {
        json::write(&mut out, &rows)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut table = Table::new(["ID", "COMMUNITY", "FORMAT", "URL", "STATE"]);
    for r in &rows {
        table.row([
            Cell::new(&r.id),
            Cell::new(r.community.as_deref().unwrap_or("-")),
            Cell::new(r.format.as_deref().unwrap_or("detect")),
            Cell::new(&r.url),
            Cell::new(r.state_text()),
        ]);
    }
    table.write(&mut out, output_width())?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
