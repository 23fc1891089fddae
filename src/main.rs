//! `cashback`: parse the command line, run the command, map the outcome to
//! an exit code (SPEC section 1).

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

use cashback::cli::{Cli, Format};
use cashback::error::{classify, io_error_kind};

/// Clap's own errors (exit 2) in its words, except that with `--format json`
/// a script gets the same single JSON object on stderr as for any failure.
fn usage_error(error: clap::Error) -> ! {
    use clap::error::ErrorKind;
    let shows_help = matches!(
        error.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    );
    if shows_help || !json_format_requested() {
        error.exit();
    }
    let text = error.to_string();
    let message = text
        .trim_start_matches("error: ")
        .split("\n\n")
        .next()
        .unwrap_or_default()
        .trim()
        .replace('\n', " ");
    let report = serde_json::json!({
        "exit": error.exit_code(),
        "message": message,
        "rules": [],
        "recorded": false,
    });
    eprintln!("{report}");
    std::process::exit(error.exit_code());
}

/// `--format json` (or `CASHBACK_FORMAT=json`) as written, for when the
/// command line as a whole could not be parsed.
fn json_format_requested() -> bool {
    // args_os: an argument that is not UTF-8 must not panic here.
    let args: Vec<String> = std::env::args_os()
        .map(|arg| arg.to_string_lossy().into_owned())
        .collect();
    let flag = args.iter().enumerate().rev().find_map(|(i, arg)| {
        if arg == "--format" {
            args.get(i + 1).cloned()
        } else {
            arg.strip_prefix("--format=").map(str::to_string)
        }
    });
    flag.or_else(|| std::env::var("CASHBACK_FORMAT").ok())
        .is_some_and(|format| format == "json")
}

fn main() -> ExitCode {
    let matches = match Cli::command().try_get_matches() {
        Ok(matches) => matches,
        Err(e) => usage_error(e),
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => usage_error(e),
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
    io_error_kind(error) == Some(std::io::ErrorKind::BrokenPipe)
}
