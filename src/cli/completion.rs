//! Shell completion: `townhall completions SHELL` prints a small script that calls townhall
//! back while the user presses Tab, so group and community ids come from the registry that
//! is loaded then (built in, the user's folder, and any `--registry` on the line being
//! completed) instead of a list frozen into the script.
//!
//! The call back is clap_complete's environment protocol, under townhall's own variable so
//! a `COMPLETE` meant for another program never turns townhall into a completer.

use std::ffi::OsString;
use std::io::{self, Write};

use clap::{CommandFactory, FromArgMatches, ValueEnum};
use clap_complete::engine::{ArgValueCandidates, CompletionCandidate};
use clap_complete::env::{CompleteEnv, Shells};

use super::{Cli, Dirs, Global, sources};
use crate::formats::Format;
use crate::model::Registry;

/// The environment variable the scripts set when they ask townhall for candidates.
pub const VAR: &str = "TOWNHALL_COMPLETE";

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Elvish,
    Powershell,
}

impl Shell {
    fn name(self) -> &'static str {
        match self {
            Shell::Bash => "bash",
            Shell::Zsh => "zsh",
            Shell::Fish => "fish",
            Shell::Elvish => "elvish",
            Shell::Powershell => "powershell",
        }
    }
}

/// Answers a completion request and exits when the scripts asked for one; otherwise returns
/// and townhall runs as usual. Called first thing in `main`, before anything is printed.
pub fn answer_if_asked() {
    CompleteEnv::with_factory(Cli::command).var(VAR).complete();
}

/// The script for `shell`. It calls the program the way it was started here: a bare
/// `townhall` (found on `PATH` when Tab is pressed, so an upgrade needs no new script) or,
/// when started by a path, the absolute path of this binary so the script works anywhere.
pub fn write_script(shell: Shell, out: &mut impl Write) -> io::Result<()> {
    let started_as = std::env::args_os()
        .next()
        .unwrap_or_else(|| OsString::from("townhall"));
    let mut program = std::path::PathBuf::from(started_as);
    if program.components().count() > 1
        && let Ok(exe) = std::env::current_exe()
    {
        program = exe;
    }
    let shells = Shells::builtins();
    let completer = shells
        .completer(shell.name())
        .ok_or_else(|| io::Error::other(format!("no completion support for {}", shell.name())))?;
    let mut script = Vec::new();
    completer.write_registration(
        VAR,
        "townhall",
        "townhall",
        &program.to_string_lossy(),
        &mut script,
    )?;
    out.write_all(&script)
}

/// The registry the command line being completed would load. The line is often half
/// typed, so parse errors are ignored and whatever flags were read are used.
fn registry_of_line() -> Registry {
    let words: Vec<OsString> = std::env::args_os()
        .skip_while(|a| a != "--")
        .skip(1)
        .collect();
    let global = Cli::command()
        .ignore_errors(true)
        .try_get_matches_from(words)
        .ok()
        .and_then(|m| Global::from_arg_matches(&m).ok())
        .unwrap_or_default();
    let dirs = Dirs::from_env();
    let setup = super::sync::Setup::new(&dirs);
    let mut registry =
        crate::registry::snapshot::load(&sources(&global, &dirs, &setup), Some(&dirs.cache))
            .registry;
    if let Some(c) = &global.community
        && registry.community(c).is_some()
    {
        registry.groups.retain(|g| g.community == *c);
    }
    registry
}

/// Group ids, each with its name as the description shells show beside it.
pub fn group_ids() -> ArgValueCandidates {
    ArgValueCandidates::new(|| {
        registry_of_line()
            .groups
            .iter()
            .map(|g| CompletionCandidate::new(&g.id).help(Some(g.name.clone().into())))
            .collect::<Vec<_>>()
    })
}

pub fn community_ids() -> ArgValueCandidates {
    // Every community, not only one a `--community` on the line already chose.
    ArgValueCandidates::new(|| {
        registry_of_line()
            .communities
            .iter()
            .map(|c| CompletionCandidate::new(&c.id).help(Some(c.name.clone().into())))
            .collect::<Vec<_>>()
    })
}

pub fn format_names() -> ArgValueCandidates {
    ArgValueCandidates::new(|| {
        Format::ALL
            .iter()
            .map(|f| CompletionCandidate::new(f.name()).help(Some(f.description().into())))
            .collect::<Vec<_>>()
    })
}

/// The words `townhall open ID WHAT` understands (numbers too, but those are the user's).
pub fn link_kinds() -> ArgValueCandidates {
    ArgValueCandidates::new(|| {
        super::open::What::WORDS
            .iter()
            .map(|(word, help)| CompletionCandidate::new(*word).help(Some((*help).into())))
            .collect::<Vec<_>>()
    })
}
