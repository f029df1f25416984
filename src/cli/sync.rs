//! `townhall sync [ID...] [--json]`: fetch the sources into the store, with a progress bar on
//! a terminal, a plain line per source in a pipe, or JSON.

use std::io::{self, Write};
use std::process::ExitCode;

use indicatif::{ProgressBar, ProgressStyle};

use super::{Dirs, EXIT_BROKEN_REGISTRY, EXIT_PROBLEMS, Global, json};
use crate::config::Config;
use crate::sources::store::Store;
use crate::sources::{Source, resolve};
use crate::sync::{Outcome, Status, sync};
use crate::untrusted::{self, Layout};

/// The environment variable that forbids network use, like `--offline`.
pub const OFFLINE_VAR: &str = "TOWNHALL_OFFLINE";

/// Whether the network is off limits: `--offline`, or `TOWNHALL_OFFLINE` set to anything but
/// empty, `0`, `false` or `no`.
pub fn offline(global: &Global) -> bool {
    global.offline
        || std::env::var(OFFLINE_VAR).is_ok_and(|v| {
            !matches!(
                v.trim().to_ascii_lowercase().as_str(),
                "" | "0" | "false" | "no"
            )
        })
}

/// The config, the sources it and the catalog describe, and the store: what every command
/// that loads or syncs data needs.
pub struct Setup {
    pub config: Config,
    /// Problems with config.yaml or its `sources:`, for stderr or the status line.
    pub warnings: Vec<String>,
    pub sources: Vec<Source>,
    pub store: Store,
}

impl Setup {
    pub fn new(dirs: &Dirs) -> Setup {
        let (config, warning) = Config::load(&dirs.config);
        let (sources, problems) = resolve(&config.sources, &dirs.config);
        let path = dirs.config.join(crate::config::FILE_NAME);
        let warnings = warning
            .into_iter()
            .chain(
                problems
                    .into_iter()
                    .map(|p| format!("{}: {p}; ignored", path.display())),
            )
            .collect();
        Setup {
            config,
            warnings,
            sources,
            store: Store::new(&dirs.data),
        }
    }
}

/// Whether stderr is a terminal, for the progress bar; nothing is written here.
#[allow(clippy::disallowed_methods)]
fn stderr_is_terminal() -> bool {
    use std::io::IsTerminal;
    io::stderr().is_terminal()
}

pub fn run(global: &Global, dirs: &Dirs, ids: &[String], as_json: bool) -> ExitCode {
    let setup = Setup::new(dirs);
    for w in &setup.warnings {
        crate::errln!("townhall: {w}");
    }
    let chosen: Vec<Source> = if ids.is_empty() {
        setup.sources.clone()
    } else {
        let mut chosen = Vec::new();
        for id in ids {
            match setup.sources.iter().find(|s| &s.id == id) {
                Some(s) if !chosen.contains(s) => chosen.push(s.clone()),
                Some(_) => {}
                None => {
                    let known: Vec<&str> = setup.sources.iter().map(|s| s.id.as_str()).collect();
                    crate::errln!(
                        "townhall: sync: no source `{id}` (known: {})",
                        known.join(", ")
                    );
                    return ExitCode::from(EXIT_BROKEN_REGISTRY);
                }
            }
        }
        chosen
    };
    if offline(global) {
        let remote: Vec<&str> = chosen
            .iter()
            .filter(|s| s.location.is_remote())
            .map(|s| s.id.as_str())
            .collect();
        if !remote.is_empty() {
            crate::errln!(
                "townhall: sync: offline (--offline or {OFFLINE_VAR}=1), so nothing is fetched; \
                 {} would need the network. The data townhall has stays in use.",
                remote.join(", ")
            );
            return ExitCode::from(EXIT_BROKEN_REGISTRY);
        }
    }
    let now = global.now.unwrap_or_else(jiff::Timestamp::now);
    let bar = (!as_json && stderr_is_terminal()).then(|| progress(chosen.len()));
    let plain = !as_json && bar.is_none();
    let landed = |o: &Outcome| {
        if let Some(bar) = &bar {
            bar.inc(1);
            // indicatif writes to the terminal itself, so the line is escaped here.
            bar.println(untrusted::escape(&line(o), Layout::Line));
        } else if plain {
            let _ = writeln!(untrusted::output::stdout(), "{}", line(o));
        }
    };
    let outcomes = sync(&chosen, &setup.store, &setup.config.sync, now, &landed);
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    if as_json
        && let Err(e) = json::write(&mut untrusted::output::stdout(), &outcomes)
        && e.kind() != io::ErrorKind::BrokenPipe
    {
        crate::errln!("townhall: {e}");
    }
    let failed = outcomes
        .iter()
        .filter(|o| o.status == Status::Failed)
        .count();
    if failed > 0 {
        if !as_json {
            for o in outcomes.iter().filter(|o| o.status == Status::Failed) {
                for p in &o.problems {
                    crate::errln!("{p}");
                }
            }
        }
        crate::errln!(
            "townhall: {failed} of {} source(s) failed; their last good copies stay in use",
            outcomes.len()
        );
        return ExitCode::from(EXIT_PROBLEMS);
    }
    ExitCode::SUCCESS
}

fn progress(total: usize) -> ProgressBar {
    let bar = ProgressBar::new(total as u64);
    if let Ok(style) = ProgressStyle::with_template("syncing {bar:30} {pos}/{len} sources") {
        bar.set_style(style);
    }
    bar
}

/// One tab-separated line per source: id, status, then the group (or event) count or the
/// reason.
fn line(o: &Outcome) -> String {
    let status = match o.status {
        Status::Updated => "updated",
        Status::Unchanged => "unchanged",
        Status::Failed => "failed",
    };
    let detail = match (&o.error, o.groups, o.events) {
        (Some(e), ..) => e.clone(),
        (None, Some(n), _) => format!("{n} groups"),
        (None, None, Some(n)) => format!("{n} events"),
        (None, None, None) => String::new(),
    };
    format!("{}\t{status}\t{detail}", o.id)
}
