//! One module per subcommand family; `run` dispatches to them.

pub mod agreement;
pub mod audit;
pub mod backup;
pub mod bank;
pub mod calculate;
pub mod calendar;
pub mod check;
pub mod claim;
pub mod deadlines;
pub mod demo;
pub mod export;
pub mod notice;
pub mod offer;
pub mod payout;
pub mod reseller;
pub mod shell;
pub mod sweep;

use clap::ArgMatches;

use crate::app::App;
use crate::cli::{Cli, Command};
use crate::error::Failure;
use crate::ledger::Ledger;

pub fn run(cli: Cli, matches: &ArgMatches) -> anyhow::Result<()> {
    // These need no ledger and no settings.
    match &cli.command {
        Command::Completions(args) => return shell::completions(args.shell),
        Command::Man => return shell::man(),
        Command::Demo => {
            // The demo never touches a real ledger: CASHBACK_DB is ignored.
            let db = cli
                .global
                .db
                .as_deref()
                .filter(|_| crate::app::from_command_line(matches, "db"));
            return demo::run(db, cli.global.quiet);
        }
        _ => {}
    }
    let app = App::from_args(&cli.global, matches)?;
    match cli.command {
        Command::Init => init(&app),
        Command::Reseller(command) => reseller::run(&app, command),
        Command::Offer(command) => offer::run(&app, command),
        Command::Agreement(command) => agreement::run(&app, command),
        Command::Claim(command) => claim::run(&app, command),
        Command::Check(args) => check::run(&app, args),
        Command::Calculate(args) => calculate::run(&app, args),
        Command::Export(args) => export::run(&app, args),
        Command::Payout(command) => payout::run(&app, command),
        Command::Notice(command) => notice::run(&app, command),
        Command::Bank(command) => bank::run(&app, command),
        Command::Sweep(args) => sweep::run(&app, args),
        Command::Deadlines(args) => deadlines::run(&app, args),
        Command::Audit(command) => audit::run(&app, command),
        Command::Backup(args) => backup::run(&app, args),
        Command::Calendar(args) => calendar::run(&app, args),
        other => Err(Failure::Usage(format!("{other:?} is not available yet")).into()),
    }
}

fn init(app: &App) -> anyhow::Result<()> {
    if Ledger::create(&app.db_path, app.busy_timeout())? {
        app.info(format!("created the ledger at {}", app.db_path.display()));
    } else {
        app.info(format!(
            "a ledger already exists at {}; nothing changed",
            app.db_path.display()
        ));
    }
    Ok(())
}
