//! `cashback`: parse the command line, run the command, map the outcome to
//! an exit code (SPEC section 1).

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

use cashback::cli::{Cli, Format};
use cashback::error::classify;

fn main() -> ExitCode {
    let matches = match Cli::command().try_get_matches() {
        Ok(matches) => matches,
        Err(e) => e.exit(),
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    let json_errors = cli.global.format == Some(Format::Json);
    match cashback::commands::run(cli, &matches) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            let (code, message, rules, recorded) = classify(&error);
            if json_errors {
                let report = serde_json::json!({
                    "exit": code,
                    "message": message,
                    "rules": rules,
                    "recorded": recorded,
                });
                eprintln!("{report}");
            } else {
                eprintln!("error: {message}");
                for rule in &rules {
                    if rules.len() > 1 || !message.contains(&rule.id) {
                        eprintln!("  {}: {}", rule.id, rule.detail);
                    }
                }
            }
            ExitCode::from(u8::try_from(code).unwrap_or(5))
        }
    }
}

/// A reader that stopped early (`cashback claim list | head`) is not an error.
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
