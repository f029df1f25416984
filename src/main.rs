use std::process::ExitCode;

use clap::Parser;
use townhall::cli::{self, Cli, Dirs};

fn main() -> ExitCode {
    cli::answer_completion_request();
    let cli = Cli::parse();
    cli::run(cli, &Dirs::from_env())
}
