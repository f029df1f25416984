use std::ffi::OsString;
use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use clap::error::ErrorKind;
use townhall::cli::{self, Cli, Dirs};
use townhall::untrusted::{Layout, escape, output};

fn main() -> ExitCode {
    cli::answer_completion_request();
    let args: Vec<OsString> = std::env::args_os().collect();
    match Cli::try_parse_from(&args) {
        Ok(cli) => cli::run(cli, &Dirs::from_env()),
        Err(e) => usage(&e, &args),
    }
}

/// clap's messages quote the values typed, and printed plainly clap strips anything that
/// looks like a terminal sequence, a typed one included, so the value would vanish from the
/// message. The error is made again from the arguments escaped (their control and invisible
/// characters written out), which clap then quotes as they are. Help and version quote
/// nothing and keep clap's own styling.
fn usage(e: &clap::Error, args: &[OsString]) -> ExitCode {
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        let _ = e.print();
        return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
    }
    let shown: Vec<String> = args
        .iter()
        .map(|a| escape(&a.to_string_lossy(), Layout::Line).into_owned())
        .collect();
    let message = match Cli::try_parse_from(&shown) {
        Err(again) if again.kind() == e.kind() => again.render().to_string(),
        _ => e.render().to_string(),
    };
    let _ = write!(output::stderr(), "{message}");
    ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2))
}

#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;
