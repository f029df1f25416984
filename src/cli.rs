//! The command line: clap types, loading the registry the flags describe, and the
//! non-interactive commands. Each command returns an exit code; main only maps it.

mod calendars;
mod completion;
mod import;
mod json;
mod manual;
mod open;
mod owner;
mod paint;
mod paths;
pub(crate) mod show;
mod sources;
mod sync;
mod table;
mod when;

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use crate::formats::Format;
use crate::model::{Problem, Registry};
use crate::registry::{self, Loaded};
use crate::search::{Query, SearchIndex};
pub use completion::answer_if_asked as answer_completion_request;
pub use paint::{ColorChoice, Paint};
pub use paths::Dirs;
use table::{Cell, Give, Table};

/// Browse the working groups of open-source communities: who leads them, where they chat,
/// and when they next meet in your time zone.
#[derive(Debug, Parser)]
#[command(name = "townhall", version, about, long_about = None)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Options every command understands, before or after the subcommand.
#[derive(Debug, Args, Clone, Default)]
pub struct Global {
    /// Also read this registry file or folder of `*.yaml` (repeatable; later wins).
    #[arg(long = "registry", value_name = "PATH", global = true)]
    pub registries: Vec<PathBuf>,
    /// Leave out the registry compiled into townhall (and the synced copies of it).
    #[arg(long, global = true)]
    pub no_builtin: bool,
    /// Compute meeting times as if it were this moment (RFC 3339, e.g. 2026-03-10T12:00:00Z).
    #[arg(long, value_name = "RFC3339", global = true)]
    pub now: Option<jiff::Timestamp>,
    /// Show times in this zone (IANA name such as Europe/Berlin, or PT, CET, IST...);
    /// default: the system's zone.
    #[arg(long, value_name = "ZONE", global = true)]
    pub tz: Option<String>,
    /// Don't capture the mouse in the interactive browser (lets the terminal select text).
    #[arg(long, global = true)]
    pub no_mouse: bool,
    /// Read the --registry files as this format instead of telling it from their content:
    /// kubernetes, opentelemetry, cncf-tags, cloudfoundry or townhall.
    #[arg(long, value_name = "FORMAT", global = true, value_parser = parse_format,
          add = completion::format_names())]
    pub format: Option<Format>,
    /// When to style the output: auto (in a terminal, unless NO_COLOR is set), always or never.
    #[arg(long, value_name = "WHEN", global = true, value_enum, default_value_t)]
    pub color: ColorChoice,
    /// Only groups of this community (`cncf`, `cloudfoundry`, `kubernetes`, ...); in the
    /// browser, the community shown first (`c` changes it).
    #[arg(long, value_name = "ID", global = true, add = completion::community_ids())]
    pub community: Option<String>,
    /// Never use the network (also TOWNHALL_OFFLINE=1): `sync` refuses, and the browser
    /// doesn't sync by itself.
    #[arg(long, global = true)]
    pub offline: bool,
    /// Also read this community calendar (an iCalendar export) as the truth about when its
    /// meetings happen; COMMUNITY= may be left out when the file is named COMMUNITY.ics
    /// (repeatable).
    #[arg(long = "calendar", value_name = "[COMMUNITY=]PATH", global = true, value_parser = calendars::parse_arg)]
    pub calendars: Vec<calendars::CalendarArg>,
}

fn parse_format(s: &str) -> Result<Format, String> {
    s.parse()
}

/// `--limit 0` would print nothing and then say no group matches, which is untrue.
fn parse_limit(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(0) => Err("must be at least 1 (it is how many groups to show)".into()),
        Ok(n) => Ok(n),
        Err(e) => Err(e.to_string()),
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List groups, one per line.
    List {
        /// Print JSON (the README gives its shape).
        #[arg(long)]
        json: bool,
    },
    /// Everything about one group: mission, leads, chat, meetings, projects, links.
    Show {
        /// Group id, as `list` prints it.
        #[arg(add = completion::group_ids())]
        id: String,
        /// Print JSON (the README gives its shape).
        #[arg(long)]
        json: bool,
        /// Instead of the group, which file gave each part of it (built-in data, a synced
        /// copy, your registry files).
        #[arg(long)]
        sources: bool,
    },
    /// Fuzzy-search groups by name, project, repo, person or channel (fzf syntax).
    Search {
        /// Terms all must match; 'exact ^prefix suffix$ !not and `a | b` work as in fzf.
        query: String,
        /// Show at most this many groups (1 or more).
        #[arg(long, default_value_t = 20, value_parser = parse_limit)]
        limit: usize,
        /// Print JSON (the README gives its shape).
        #[arg(long)]
        json: bool,
    },
    /// Check registry files and report every problem as path:line:column: message.
    Validate {
        /// Files or folders to check (default: everything townhall would load).
        paths: Vec<PathBuf>,
    },
    /// Meetings of every loaded group in the next days, in your time zone, in time order.
    Upcoming {
        /// How many days ahead to look (at most 366); 0 is the rest of today.
        #[arg(long, default_value_t = 7,
              value_parser = clap::value_parser!(u32).range(..=i64::from(crate::untrusted::limits::MAX_DAYS)))]
        days: u32,
        /// Only favorite groups (`f` in the browser; kept in state.json).
        #[arg(long)]
        favorites: bool,
        /// Only meetings starting within your working hours (config.yaml; `w` in the browser).
        #[arg(long)]
        within_hours: bool,
        /// Only this group (repeatable).
        #[arg(long = "group", value_name = "ID", add = completion::group_ids())]
        groups: Vec<String>,
        /// Print JSON (the README gives its shape).
        #[arg(long)]
        json: bool,
    },
    /// Write the meetings of groups as an iCalendar (.ics) file to import into a calendar.
    Ics {
        /// Group ids, as `list` prints them.
        #[arg(required = true, add = completion::group_ids())]
        ids: Vec<String>,
        /// Write here instead of to standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Which group owns a repository, or a folder in one (OWNER/REPO[/PATH] or a GitHub link).
    Owner {
        /// `cloudfoundry/uaa`, `kubernetes/kubernetes/pkg/kubelet` or a github.com link.
        repo: String,
        /// Print JSON (the README gives its shape).
        #[arg(long)]
        json: bool,
    },
    /// Print a registry another community publishes in townhall's own format.
    Import {
        /// The file's format: kubernetes, opentelemetry, cncf-tags or cloudfoundry (the
        /// WORKING-GROUPS.md page, with the pages it links read from beside it).
        #[arg(value_parser = parse_format)]
        format: Format,
        /// The file to convert.
        file: PathBuf,
        /// Upstream repository (OWNER/NAME) to record as the community's source; relative
        /// links in the file are resolved against it.
        #[arg(long, value_name = "OWNER/NAME")]
        repo: Option<String>,
        /// The file's path in that repository.
        #[arg(long, value_name = "PATH")]
        source_path: Option<String>,
        /// The upstream commit the file was copied at.
        #[arg(long)]
        commit: Option<String>,
        /// The file's license (SPDX id).
        #[arg(long)]
        license: Option<String>,
        /// Write here instead of to standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Where townhall reads its config and registry files and keeps its state.
    Paths {
        /// Print JSON (the README gives its shape).
        #[arg(long)]
        json: bool,
    },
    /// Every registry townhall can sync, where it is, and when it was last synced.
    Sources {
        #[arg(long)]
        json: bool,
    },
    /// Fetch the sources (default: all) and keep each copy that reads; the last good copy
    /// of a source that fails stays in use.
    Sync {
        /// Source ids, as `sources` lists them.
        ids: Vec<String>,
        /// One JSON object per source: id, status (updated, unchanged, failed), groups, error.
        #[arg(long)]
        json: bool,
    },
    /// Open a group's link in your browser: its next call, chat, mailing list, notes...
    Open {
        /// Group id, as `list` prints it.
        #[arg(add = completion::group_ids())]
        id: String,
        /// join (the next meeting's call), chat, list, notes, recordings, charter, or a
        /// link's number as `show` prints it.
        #[arg(default_value = "join", add = completion::link_kinds())]
        what: String,
        /// Print the link instead of opening it.
        #[arg(long)]
        print: bool,
    },
    /// Print a shell completion script (see the README for where to put it).
    Completions {
        /// bash, zsh, fish, elvish or powershell.
        #[arg(value_enum)]
        shell: completion::Shell,
    },
    /// Print the manual page as roff: `townhall man | man -l -`.
    Man,
}

/// Exit codes, as the README documents them.
pub const EXIT_PROBLEMS: u8 = 1;
pub const EXIT_BROKEN_REGISTRY: u8 = 2;

/// How messages name the files compiled into townhall (see `registry::builtin`).
const BUILT_IN: &str = "(built in)";

/// The sources the flags and the user's folders describe: the built-in data with each
/// source's synced copy in place of its snapshot (both left out by `--no-builtin`), the user
/// folder, then `--registry`.
pub fn sources(global: &Global, dirs: &Dirs, setup: &sync::Setup) -> registry::Sources {
    registry::Sources {
        builtin: !global.no_builtin,
        user_dir: Some(dirs.registry.clone()),
        paths: global.registries.clone(),
        format: global.format,
        synced: if global.no_builtin {
            Vec::new()
        } else {
            setup.store.synced(&setup.sources)
        },
    }
}

/// Loads the registry for a command that needs it whole: warnings go to stderr (see
/// [`report`]), and any error stops the command with exit code 2 so a broken file is never
/// half-used silently.
pub fn load_or_exit(global: &Global, dirs: &Dirs) -> Result<Registry, ExitCode> {
    let setup = sync::Setup::new(dirs);
    for w in &setup.warnings {
        crate::errln!("townhall: {w}");
    }
    let loaded = load_checked(global, dirs, &setup)?;
    report(&loaded.problems, &global.registries);
    Ok(loaded.registry)
}

/// Loads, and on any error prints every problem and gives the exit code; what it returns
/// has only warnings, for the caller to show its way.
fn load_checked(global: &Global, dirs: &Dirs, setup: &sync::Setup) -> Result<Loaded, ExitCode> {
    let loaded = registry::snapshot::load(&sources(global, dirs, setup), Some(&dirs.cache));
    if loaded.has_errors() {
        report(&loaded.problems, &global.registries);
        crate::errln!(
            "townhall: the registry has errors (see above); fix them or check with `townhall validate`"
        );
        return Err(ExitCode::from(EXIT_BROKEN_REGISTRY));
    }
    Ok(loaded)
}

/// A file named on the command line with at most this many warnings has them listed; more,
/// or a file the user didn't name, gets one line saying how many (`validate` lists them).
const LISTED_WARNINGS: usize = 10;

/// Errors in full; warnings about the built-in data not at all (they are for its maintainers,
/// and `townhall validate` shows them); other warnings listed for a file the user named with
/// few of them, else one line per file, so thousands of them never bury a command's output.
fn report(problems: &[Problem], named: &[PathBuf]) {
    let mut err = crate::untrusted::output::stderr();
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for p in problems.iter().filter(|p| !p.is_error()) {
        match counts.iter_mut().find(|(f, _)| *f == p.file) {
            Some((_, n)) => *n += 1,
            None => counts.push((&p.file, 1)),
        }
    }
    let listed = |file: &str| {
        let path = Path::new(file);
        let named = named.iter().any(|n| path.starts_with(n));
        let count = counts.iter().find(|(f, _)| *f == file).map_or(0, |c| c.1);
        named && count <= LISTED_WARNINGS
    };
    for p in problems
        .iter()
        .filter(|p| p.is_error() || (!p.file.ends_with(BUILT_IN) && listed(&p.file)))
    {
        let _ = writeln!(err, "{}", crate::untrusted::one_line(p));
    }
    for &(file, n) in &counts {
        if file.ends_with(BUILT_IN) || listed(file) {
            continue;
        }
        let what = if n == 1 {
            "1 warning".to_string()
        } else {
            format!("{n} warnings")
        };
        let file = crate::untrusted::one_line(&file);
        let _ = writeln!(
            err,
            "townhall: {what} in {file}; `townhall validate` lists them"
        );
    }
}

/// The warnings the browser's `!` view lists: the same ones a command would report (none
/// about the built-in data), each on one line.
fn browser_warnings(problems: &[Problem]) -> Vec<String> {
    problems
        .iter()
        .filter(|p| !p.file.ends_with(BUILT_IN))
        .map(ToString::to_string)
        .collect()
}

pub fn run(cli: Cli, dirs: &Dirs) -> ExitCode {
    let result = match cli.command {
        None => return browse(&cli.global, dirs),
        Some(Command::Validate { paths }) => return validate(&cli.global, dirs, &paths),
        Some(Command::Paths { json }) => paths::print(dirs, json),
        Some(Command::Sources { json }) => sources::run(dirs, json),
        Some(Command::Sync { ids, json }) => return sync::run(&cli.global, dirs, &ids, json),
        Some(Command::Completions { shell }) => {
            completion::write_script(shell, &mut crate::untrusted::output::stdout())
                .map(|()| ExitCode::SUCCESS)
        }
        Some(Command::Man) => {
            manual::write(&mut crate::untrusted::output::stdout()).map(|()| ExitCode::SUCCESS)
        }
        Some(Command::Import {
            format,
            file,
            repo,
            source_path,
            commit,
            license,
            output,
        }) => {
            let origin = crate::formats::Origin {
                repo,
                path: source_path,
                commit,
                license,
            };
            return import::run(format, &file, &origin, output.as_deref());
        }
        Some(command) => {
            let tz = match viewer_zone(&cli.global) {
                Ok(tz) => tz,
                Err(code) => return code,
            };
            let loaded = load_or_exit(&cli.global, dirs)
                .and_then(|r| only_community(r, cli.global.community.as_deref()));
            match loaded {
                Err(code) => return code,
                Ok(mut registry) => {
                    let now = cli.global.now.unwrap_or_else(jiff::Timestamp::now);
                    let calendars = load_calendars(&cli.global, dirs, &mut registry, now);
                    let paint = Paint::for_stdout(cli.global.color);
                    dispatch(command, &registry, &calendars, (now, &tz), dirs, paint)
                }
            }
        }
    };
    match result {
        Ok(code) => code,
        // A closed pipe (`townhall list | head`) is the reader's choice, not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            crate::errln!("townhall: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The community calendars for `registry`; messages about files that can't be used go to
/// stderr, and the command goes on without them.
fn load_calendars(
    global: &Global,
    dirs: &Dirs,
    registry: &mut Registry,
    now: jiff::Timestamp,
) -> crate::agenda::Calendars {
    let synced = synced_calendars(dirs);
    let (calendars, messages) =
        calendars::load(registry, &dirs.config, &synced, &global.calendars, now);
    for m in messages {
        crate::errln!("{m}");
    }
    calendars
}

/// The community calendars `townhall sync` keeps, for the communities that have one.
fn synced_calendars(dirs: &Dirs) -> Vec<crate::sources::store::SyncedCalendar> {
    let setup = sync::Setup::new(dirs);
    setup.store.calendars(&setup.sources)
}

fn dispatch(
    command: Command,
    registry: &Registry,
    calendars: &crate::agenda::Calendars,
    (now, tz): (jiff::Timestamp, &jiff::tz::TimeZone),
    dirs: &Dirs,
    paint: Paint,
) -> io::Result<ExitCode> {
    match command {
        Command::Upcoming {
            days,
            favorites,
            within_hours,
            groups,
            json,
        } => {
            let filters = when::Filters::read(dirs, favorites, within_hours, groups);
            when::upcoming(registry, calendars, (now, tz), days, &filters, json, paint)
        }
        Command::Ics { ids, output } => {
            when::ics(registry, calendars, &ids, output.as_deref(), now)
        }
        Command::List { json } => list(registry, json, paint),
        Command::Owner { repo, json } => owner::run(registry, &repo, json, paint),
        Command::Show { id, json, sources } => {
            let how = show::How { json, sources };
            show::run(registry, calendars, &id, how, show::Viewer { now, tz })
        }
        Command::Open { id, what, print } => open::run(registry, calendars, &id, &what, print, now),
        Command::Search { query, limit, json } => search(registry, &query, (limit, json), paint),
        Command::Validate { .. }
        | Command::Paths { .. }
        | Command::Import { .. }
        | Command::Sources { .. }
        | Command::Sync { .. }
        | Command::Completions { .. }
        | Command::Man => {
            unreachable!("handled before loading")
        }
    }
}

/// The viewer's zone from `--tz` or the system; a bad `--tz` is a usage error.
pub fn viewer_zone(global: &Global) -> Result<jiff::tz::TimeZone, ExitCode> {
    crate::schedule::viewer_zone(global.tz.as_deref()).map_err(|e| {
        crate::errln!("townhall: --tz: {e}");
        ExitCode::from(EXIT_BROKEN_REGISTRY)
    })
}

/// `townhall` alone: the interactive browser.
fn browse(global: &Global, dirs: &Dirs) -> ExitCode {
    let tz = match viewer_zone(global) {
        Ok(tz) => tz,
        Err(code) => return code,
    };
    let setup = sync::Setup::new(dirs);
    let loaded = match load_checked(global, dirs, &setup) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let mut warnings = browser_warnings(&loaded.problems);
    let mut registry = loaded.registry;
    if let Err(code) = known_community(&registry, global.community.as_deref()) {
        return code;
    }
    // The calendars' messages join the warnings: nothing is printed before the browser.
    let now = global.now.unwrap_or_else(jiff::Timestamp::now);
    let synced = setup.store.calendars(&setup.sources);
    let (calendars, messages) =
        calendars::load(&mut registry, &dirs.config, &synced, &global.calendars, now);
    warnings.extend(messages.iter().map(ToString::to_string));
    if !crate::untrusted::output::stdout_is_terminal() || !io::stdin().is_terminal() {
        crate::errln!(
            "townhall: the browser needs a terminal; in scripts use `townhall list`, `show` or `search`"
        );
        return ExitCode::from(EXIT_PROBLEMS);
    }
    let reload = {
        let (global, dirs) = (global.clone(), dirs.clone());
        move || {
            let setup = sync::Setup::new(&dirs);
            let sources = sources(&global, &dirs, &setup);
            let mut loaded = registry::snapshot::load(&sources, Some(&dirs.cache));
            if let Some(e) = loaded.problems.iter().find(|p| p.is_error()) {
                return Err(e.to_string());
            }
            // The calendars attach to the new groups; what they said at start was said then.
            let now = global.now.unwrap_or_else(jiff::Timestamp::now);
            let synced = setup.store.calendars(&setup.sources);
            let (calendars, _) = calendars::load(
                &mut loaded.registry,
                &dirs.config,
                &synced,
                &global.calendars,
                now,
            );
            Ok(crate::tui::syncing::Reloaded {
                registry: loaded.registry,
                calendars,
            })
        }
    };
    let background = crate::tui::background::Background {
        sources: setup.sources.clone(),
        store: setup.store.clone(),
        settings: setup.config.sync,
        offline: sync::offline(global),
        reload: std::sync::Arc::new(reload),
    };
    let options = crate::tui::Options {
        mouse: !global.no_mouse,
        data_dir: dirs.data.clone(),
        now: global.now,
        tz,
        config_warning: (!setup.warnings.is_empty()).then(|| setup.warnings.join("; ")),
        config: setup.config,
        community: global.community.clone(),
        background,
        color: global.color.enabled(true),
        only_named: global.no_builtin,
        calendars,
        warnings,
    };
    match crate::tui::run(registry, options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            crate::errln!("townhall: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Checks `--community` names a loaded community (a usage error, exit 2, if not).
fn known_community(registry: &Registry, community: Option<&str>) -> Result<(), ExitCode> {
    match community {
        Some(id) if registry.community(id).is_none() => {
            let known: Vec<&str> = registry.communities.iter().map(|c| c.id.as_str()).collect();
            crate::errln!(
                "townhall: --community: no community `{id}` (known: {})",
                known.join(", ")
            );
            Err(ExitCode::from(EXIT_BROKEN_REGISTRY))
        }
        _ => Ok(()),
    }
}

/// `--community` for the commands: only that community's groups remain.
fn only_community(mut registry: Registry, community: Option<&str>) -> Result<Registry, ExitCode> {
    known_community(&registry, community)?;
    if let Some(id) = community {
        registry.groups.retain(|g| g.community == id);
        registry.communities.retain(|c| c.id == id);
    }
    Ok(registry)
}

fn list(registry: &Registry, json: bool, paint: Paint) -> io::Result<ExitCode> {
    let groups: Vec<&crate::model::Group> = registry.groups.iter().collect();
    let mut out = crate::untrusted::output::stdout_styled(paint.is_on());
    if json {
        json::write(
            &mut out,
            &groups
                .iter()
                .map(|g| json::GroupSummary::of(g))
                .collect::<Vec<_>>(),
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut table = Table::new(["ID", "COMMUNITY", "KIND", "STATUS", "NAME"])
        .give(4, Give::Last)
        .painted(paint);
    for g in groups {
        table.row([
            Cell::new(&g.id),
            Cell::new(&g.community),
            Cell::new(g.kind.label()),
            Cell::new(status_text(g)),
            Cell::new(&g.name),
        ]);
    }
    table.write(&mut out, output_width())?;
    Ok(ExitCode::SUCCESS)
}

/// "renamed → cf-paketo": the status, and where the group's work went.
pub fn status_text(g: &crate::model::Group) -> String {
    match &g.successor {
        Some(s) if g.status.is_gone() => format!("{} → {s}", g.status.label()),
        _ => g.status.label().to_string(),
    }
}

fn search(
    registry: &Registry,
    query: &str,
    (limit, json): (usize, bool),
    paint: Paint,
) -> io::Result<ExitCode> {
    if let Err(e) = Query::check(query) {
        crate::errln!("townhall: search: {e}");
        return Ok(ExitCode::from(EXIT_BROKEN_REGISTRY));
    }
    let index = SearchIndex::with_communities(&registry.groups, &registry.communities);
    let hits = index.search(&Query::parse(query));
    let hits = &hits[..hits.len().min(limit)];
    let mut out = crate::untrusted::output::stdout_styled(paint.is_on());
    if json {
        let rows: Vec<_> = hits
            .iter()
            .enumerate()
            .map(|(i, h)| json::SearchHit::of(i + 1, h, &registry.groups[h.group]))
            .collect();
        json::write(&mut out, &rows)?;
    } else {
        let mut table = Table::new(["ID", "STATUS", "NAME", "MATCHED"]).painted(paint);
        for hit in hits {
            let g = &registry.groups[hit.group];
            let label = format!("{}: ", hit.field.label());
            table.row([
                Cell::new(&g.id),
                Cell::new(status_text(g)),
                Cell::new(&g.name),
                Cell::matched(&label, &hit.text, &hit.positions),
            ]);
        }
        table.write(&mut out, output_width())?;
    }
    if hits.is_empty() {
        crate::errln!("townhall: no group matches {query:?}");
        return Ok(ExitCode::from(EXIT_PROBLEMS));
    }
    Ok(ExitCode::SUCCESS)
}

/// Checks the given files (or everything that would load) and prints each problem once.
fn validate(global: &Global, dirs: &Dirs, paths: &[PathBuf]) -> ExitCode {
    // Given files are checked on top of the built-in data, so a fix file may name a built-in
    // group as successor; only the given files' problems are reported.
    let sources = if paths.is_empty() {
        sources(global, dirs, &sync::Setup::new(dirs))
    } else {
        registry::Sources {
            builtin: !global.no_builtin,
            user_dir: None,
            paths: paths.to_vec(),
            format: global.format,
            synced: Vec::new(),
        }
    };
    let loaded = registry::load(&sources);
    let checked = |file: &str| paths.is_empty() || !file.ends_with(BUILT_IN);
    let problems: Vec<_> = loaded
        .problems
        .iter()
        .filter(|p| checked(&p.file))
        .collect();
    let mut out = crate::untrusted::output::stdout();
    for p in &problems {
        let _ = writeln!(out, "{}", crate::untrusted::one_line(p));
    }
    let errors = problems.iter().filter(|p| p.is_error()).count();
    let mut warnings = problems.len() - errors;
    let mut files = loaded.files.iter().filter(|f| checked(f)).count();
    if paths.is_empty() {
        let mut registry = loaded.registry;
        let now = global.now.unwrap_or_else(jiff::Timestamp::now);
        let synced = synced_calendars(dirs);
        let (calendars, messages) =
            calendars::load(&mut registry, &dirs.config, &synced, &global.calendars, now);
        for m in &messages {
            let _ = writeln!(out, "{m}");
        }
        warnings += messages.len();
        files += messages.len();
        warnings += calendar_report(&mut out, &calendars);
        files += calendars.feeds().len();
    }
    crate::errln!("{files} file(s) checked: {errors} error(s), {warnings} warning(s)");
    if errors > 0 {
        ExitCode::from(EXIT_PROBLEMS)
    } else {
        ExitCode::SUCCESS
    }
}

/// Each calendar's warnings as `path:line: message`, and how its series matched the
/// registry; returns the number of warnings.
fn calendar_report(out: &mut impl Write, calendars: &crate::agenda::Calendars) -> usize {
    let mut warnings = 0;
    for (feed, report) in calendars.feeds().iter().zip(calendars.reports()) {
        for w in &feed.calendar.warnings {
            let _ = writeln!(out, "{}:{}: warning: {}", feed.name, w.line, w.message);
            warnings += 1;
        }
        let c = report.counts;
        let _ = writeln!(
            out,
            "{}: {} events; {} series near today: {} matched by call, {} by title, {} new meeting(s) from the calendar, {} unmatched",
            feed.name,
            report.events,
            report.active,
            c.by_call,
            c.by_title,
            c.from_calendar,
            c.unmatched
        );
        for title in &report.unmatched {
            let _ = writeln!(out, "{}: unmatched: {title}", feed.name);
        }
    }
    warnings
}

/// The terminal's width when printing to one; None (no table, plain lines) in a pipe.
fn output_width() -> Option<usize> {
    if !crate::untrusted::output::stdout_is_terminal() {
        return None;
    }
    let from_env = std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok());
    // A terminal that reports no size (some CI runners' PTYs) gets the classic width.
    from_env
        .or_else(crate::tui::columns)
        .filter(|w| *w > 0)
        .or(Some(80))
}
