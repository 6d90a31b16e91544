//! Thin: parse the command line, then hand over to `cli`.

use std::process::ExitCode;

use clap::Parser;

#[tokio::main]
async fn main() -> ExitCode {
    let cli = common_ground::cli::Cli::parse();
    common_ground::cli::run(cli).await
}
