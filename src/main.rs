use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use clap::error::ErrorKind;
use townhall::cli::{self, Cli, Dirs};
use townhall::untrusted::output;

fn main() -> ExitCode {
    match Cli::try_parse() {
        Ok(cli) => cli::run(cli, &Dirs::from_env()),
        Err(e) => usage(&e),
    }
}

/// clap's messages quote the values typed, so they are printed escaped like any other
/// outside text; help and version hold none and keep clap's own styling.
fn usage(e: &clap::Error) -> ExitCode {
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        let _ = e.print();
    } else {
        let _ = write!(output::stderr(), "{}", e.render());
    }
    ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2))
}
