//! `townhall man`: the manual page, drawn from the same clap definitions as `--help` so the
//! two can't disagree. One page holds every command (there are no `townhall-show(1)` pages
//! to install), followed by what `--help` has no room for: exit codes, the environment, the
//! files.

use std::io::{self, Write};

use clap::{Arg, ArgAction, Command, CommandFactory};
use clap_mangen::Man;
use clap_mangen::roff::{Roff, bold, italic, roman};

use super::Cli;

pub fn write(out: &mut impl Write) -> io::Result<()> {
    let mut cmd = Cli::command();
    cmd.build();
    let man = Man::new(cmd.clone());
    let mut page = Vec::new();
    man.render_title(&mut page)?;
    man.render_name_section(&mut page)?;
    man.render_synopsis_section(&mut page)?;
    man.render_description_section(&mut page)?;
    man.render_options_section(&mut page)?;
    let mut roff = Roff::new();
    commands(&mut roff, &cmd);
    extra_sections(&mut roff);
    roff.to_writer(&mut page)?;
    man.render_version_section(&mut page)?;
    out.write_all(&page)
}

/// Each command with its synopsis, its description and its own options; the options every
/// command shares are in OPTIONS above.
fn commands(roff: &mut Roff, cmd: &Command) {
    roff.control("SH", ["COMMANDS"]);
    roff.text([roman(
        "Without a command, townhall opens the interactive browser (keys: press ? in it).",
    )]);
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        if sub.get_name() == "help" {
            continue;
        }
        roff.control("TP", []);
        roff.text(synopsis(sub));
        if let Some(about) = sub.get_long_about().or_else(|| sub.get_about()) {
            roff.text([roman(about.to_string())]);
        }
        let own: Vec<&Arg> = sub
            .get_arguments()
            .filter(|a| !a.is_global_set() && !a.is_hide_set() && !is_builtin_help(a))
            .collect();
        if own.is_empty() {
            continue;
        }
        roff.control("RS", []);
        for arg in own {
            roff.control("TP", []);
            roff.text(arg_name(arg));
            if let Some(help) = arg.get_long_help().or_else(|| arg.get_help()) {
                roff.text([roman(help.to_string())]);
            }
        }
        roff.control("RE", []);
    }
}

fn is_builtin_help(arg: &Arg) -> bool {
    matches!(
        arg.get_action(),
        ArgAction::Help | ArgAction::HelpShort | ArgAction::HelpLong
    )
}

/// "townhall show [--json] ID": the command in bold, arguments in italics.
fn synopsis(sub: &Command) -> Vec<clap_mangen::roff::Inline> {
    let mut parts = vec![bold(format!("townhall {}", sub.get_name()))];
    for arg in sub
        .get_arguments()
        .filter(|a| !a.is_global_set() && !a.is_hide_set() && !is_builtin_help(a))
    {
        parts.push(roman(" "));
        let required = arg.is_required_set();
        let (open, close) = if required { ("", "") } else { ("[", "]") };
        parts.push(roman(open));
        match arg.get_long() {
            Some(long) => {
                parts.push(bold(format!("--{long}")));
                if arg.get_action().takes_values() {
                    parts.push(roman(" "));
                    parts.push(italic(value_name(arg)));
                }
            }
            None => parts.push(italic(value_name(arg))),
        }
        if matches!(arg.get_action(), ArgAction::Append) {
            parts.push(roman("..."));
        }
        parts.push(roman(close));
    }
    parts
}

fn value_name(arg: &Arg) -> String {
    arg.get_value_names()
        .and_then(|names| names.first())
        .map_or_else(|| arg.get_id().as_str().to_uppercase(), |n| n.to_string())
}

/// "-o, --output FILE", "--json", "ID".
fn arg_name(arg: &Arg) -> Vec<clap_mangen::roff::Inline> {
    let flag = match (arg.get_short(), arg.get_long()) {
        (Some(s), Some(l)) => format!("-{s}, --{l}"),
        (None, Some(l)) => format!("--{l}"),
        _ => return vec![italic(value_name(arg))],
    };
    let mut parts = vec![bold(flag)];
    if arg.get_action().takes_values() {
        parts.push(roman(" "));
        parts.push(italic(value_name(arg)));
    }
    parts
}

/// Facts the README documents and a man page reader looks for under these headings.
fn extra_sections(roff: &mut Roff) {
    let table = |roff: &mut Roff, heading: &str, rows: &[(&str, &str)]| {
        roff.control("SH", [heading]);
        for (term, text) in rows {
            roff.control("TP", []);
            roff.text([bold(*term)]);
            roff.text([roman(*text)]);
        }
    };
    table(
        roff,
        "EXIT STATUS",
        &[
            ("0", "Success."),
            (
                "1",
                "Nothing found (an unknown group id, a search without hits, a repository no \
                 group owns, a link the group doesn't have, nothing to export), or validate \
                 found errors.",
            ),
            (
                "2",
                "The registry has errors (every command but validate refuses to run on a broken \
                 registry), or the command line is wrong.",
            ),
        ],
    );
    table(
        roff,
        "ENVIRONMENT",
        &[
            (
                "BROWSER",
                "Program that opens links (the URL is its last argument); without it, the \
                 desktop's opener. Only http, https, mailto and tel links are opened.",
            ),
            ("NO_COLOR", "When set, no colours (unless --color always)."),
            (
                "COLORFGBG",
                "Tells the browser whether the background is light, unless config.yaml sets theme.",
            ),
            (
                "TOWNHALL_CONFIG_DIR",
                "Folder of config.yaml and the user registry folder registry/.",
            ),
            (
                "TOWNHALL_DATA_DIR",
                "Folder of state.json (favorites) and exported calendars.",
            ),
            ("COLUMNS", "Width that tables fit in a terminal."),
        ],
    );
    table(
        roff,
        "FILES",
        &[
            (
                "config.yaml",
                "In the config folder: working hours and theme: light or dark (townhall paths prints the folders).",
            ),
            (
                "registry/*.yaml",
                "In the config folder: registry files loaded after the built-in ones; a group \
                 whose id is already loaded replaces it.",
            ),
            (
                "state.json",
                "In the state folder: favorites and the last selected group.",
            ),
        ],
    );
}
