//! Command-line definitions (clap derive) and nothing else: the checked
//! settings a command runs on are built from these in `app.rs`.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

/// Offline-first claim manager for reseller cash-back programs.
#[derive(Debug, Parser)]
#[command(name = "cashback", version, about, max_term_width = 100)]
#[command(after_help = "Example: cashback --today 2015-12-01 claim list --format json")]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// The ledger file [default: <data dir>/ledger.sqlite3]
    #[arg(long, global = true, env = "CASHBACK_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Optional settings file [default: <config dir>/config.toml]
    #[arg(long, global = true, env = "CASHBACK_CONFIG", value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// The business date every rule uses [default: the local calendar date]
    #[arg(long, global = true, env = "CASHBACK_TODAY", value_name = "DATE", value_parser = parse_date)]
    pub today: Option<NaiveDate>,
    /// How records are printed (`export` takes csv or json and defaults to csv)
    #[arg(long, global = true, env = "CASHBACK_FORMAT", value_name = "FORMAT")]
    pub format: Option<Format>,
    /// Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]
    #[arg(long, global = true, env = "CASHBACK_ACTOR", value_name = "NAME")]
    pub actor: Option<String>,
    /// Answer yes to confirmations; never prompt (never accepts an offer's terms)
    #[arg(short = 'y', long, global = true)]
    pub yes: bool,
    /// No progress bars, no informational lines
    #[arg(short = 'q', long, global = true)]
    pub quiet: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
    Csv,
}

/// Parses an ISO `YYYY-MM-DD` date; anything else is a usage error (exit 2).
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    let well_formed = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    let parsed = well_formed
        .then(|| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok())
        .flatten();
    parsed.ok_or_else(|| format!("`{text}` is not a date of the form YYYY-MM-DD"))
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create the ledger (does nothing on an existing one)
    #[command(after_help = "Example: cashback --db ./ledger.sqlite3 init")]
    Init,
    /// Register, correct, enrol and list resellers
    #[command(subcommand)]
    Reseller(ResellerCommand),
    /// Add and show offers (TOML files)
    #[command(subcommand)]
    Offer(OfferCommand),
    /// Import and show Open agreements (sales lines)
    #[command(subcommand)]
    Agreement(AgreementCommand),
    /// Submit, validate, reject, reopen and list claims
    #[command(subcommand)]
    Claim(ClaimCommand),
    /// Check eligibility rule by rule (a claim, a what-if, or every reseller)
    #[command(after_help = "Example: cashback check --offer 10at5-cloud-open --reseller nordic-it")]
    Check(CheckArgs),
    /// Fix the amounts of an offer's claims on its calculation date
    #[command(
        after_help = "Example: cashback --today 2016-01-31 calculate --offer 10at5-cloud-open"
    )]
    Calculate(CalculateArgs),
    /// Send and list bank-details notices
    #[command(subcommand)]
    Notice(NoticeCommand),
    /// Record and show bank details
    #[command(subcommand)]
    Bank(BankCommand),
    /// Overdue items and those falling due soon
    #[command(after_help = "Example: cashback deadlines --within 7")]
    Deadlines(WithinArgs),
    /// The deadlines as an iCalendar file
    #[command(after_help = "Example: cashback calendar --within 60 --output program.ics")]
    Calendar(CalendarArgs),
    /// Forfeit claims whose last notice expired unanswered
    #[command(after_help = "Example: cashback --yes sweep --dry-run")]
    Sweep(SweepArgs),
    /// Payout schedule, payments and failed transfers
    #[command(subcommand)]
    Payout(PayoutCommand),
    /// Read and verify the audit trail
    #[command(subcommand)]
    Audit(AuditCommand),
    /// Export a table as CSV (default) or JSON
    #[command(after_help = "Example: cashback export claims --output claims.csv")]
    Export(ExportArgs),
    /// Take a consistent copy of the ledger
    #[command(after_help = "Example: cashback backup /backups/ledger-2016-01-31.sqlite3")]
    Backup(BackupArgs),
    /// Walk a whole program cycle on a built-in example
    #[command(after_help = "Example: cashback demo")]
    Demo,
    /// Print a shell completion script
    #[command(after_help = "Example: cashback completions bash > /etc/bash_completion.d/cashback")]
    Completions(CompletionsArgs),
    /// Print the man page
    #[command(after_help = "Example: cashback man > cashback.1")]
    Man,
}

#[derive(Debug, Subcommand)]
pub enum ResellerCommand {
    /// Register a reseller (business e-mail required)
    #[command(
        after_help = "Example: cashback reseller register --id nordic-it --name \"Nordic IT AS\" --email post@nordic-it.no --country NO"
    )]
    Register(RegisterArgs),
    /// Correct a registration (the old values stay in the audit log)
    #[command(
        after_help = "Example: cashback reseller update nordic-it --email finance@nordic-it.no"
    )]
    Update(UpdateArgs),
    /// Record an enrolment in another incentive program
    #[command(
        after_help = "Example: cashback reseller enroll fjord-data --program MRI --from 2015-01-01 --to 2015-12-31"
    )]
    Enroll(EnrollArgs),
    /// List resellers
    #[command(after_help = "Example: cashback reseller list --format csv")]
    List,
    /// Show one reseller with its enrolments
    #[command(after_help = "Example: cashback reseller show nordic-it")]
    Show(IdArg),
}

#[derive(Debug, Args)]
pub struct RegisterArgs {
    /// 1-32 characters of A-Za-z0-9._- starting with a letter or digit
    #[arg(long)]
    pub id: Option<String>,
    /// The company's legal name (the bank payee must equal it)
    #[arg(long)]
    pub name: Option<String>,
    /// A business e-mail address
    #[arg(long)]
    pub email: Option<String>,
    /// ISO 3166 alpha-2 country code
    #[arg(long, value_name = "CC")]
    pub country: Option<String>,
    #[command(flatten)]
    pub on: OnArg,
}

#[derive(Debug, Args)]
pub struct UpdateArgs {
    pub id: String,
    #[arg(long)]
    pub name: Option<String>,
    #[arg(long)]
    pub email: Option<String>,
    #[arg(long, value_name = "CC")]
    pub country: Option<String>,
}

#[derive(Debug, Args)]
pub struct EnrollArgs {
    pub id: String,
    /// The program's code, e.g. MRI
    #[arg(long, value_name = "CODE")]
    pub program: String,
    /// First day of the enrolment (inclusive)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub from: NaiveDate,
    /// Last day of the enrolment (inclusive)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub to: NaiveDate,
}

#[derive(Debug, Args)]
pub struct IdArg {
    pub id: String,
}

#[derive(Debug, Args)]
pub struct OnArg {
    /// The date the event happened [default: today]
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub on: Option<NaiveDate>,
}

#[derive(Debug, Subcommand)]
pub enum OfferCommand {
    /// Add an offer from a TOML file
    #[command(after_help = "Example: cashback offer add examples/10at5-cloud-open.toml")]
    Add(OfferAddArgs),
    /// List offers
    #[command(after_help = "Example: cashback offer list")]
    List,
    /// Show one offer with its criteria, incentive, notices and returns
    #[command(after_help = "Example: cashback offer show 10at5-cloud-open")]
    Show(CodeArg),
}

#[derive(Debug, Args)]
pub struct OfferAddArgs {
    pub file: PathBuf,
    /// Replace an offer with the same code (refused once it has claims)
    #[arg(long)]
    pub replace: bool,
}

#[derive(Debug, Args)]
pub struct CodeArg {
    pub code: String,
}

#[derive(Debug, Subcommand)]
pub enum AgreementCommand {
    /// Import agreement lines from CSV (a file, or - for stdin)
    #[command(after_help = "Example: cashback agreement import sales-2015-11.csv")]
    Import(ImportArgs),
    /// List agreements
    #[command(after_help = "Example: cashback agreement list --reseller nordic-it")]
    List(AgreementListArgs),
    /// Show one agreement with its lines
    #[command(after_help = "Example: cashback agreement show V1000001")]
    Show(NumberArg),
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The CSV file, or - for standard input
    pub file: PathBuf,
    /// Validate and count; write nothing to the ledger
    #[arg(long)]
    pub dry_run: bool,
    /// Let the file correct stored agreements' header fields
    #[arg(long)]
    pub amend: bool,
    /// Import the valid rows; write the invalid ones to --rejects
    #[arg(long, requires = "rejects")]
    pub skip_invalid: bool,
    /// Where --skip-invalid writes the invalid rows
    #[arg(long, value_name = "FILE", requires = "skip_invalid")]
    pub rejects: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct AgreementListArgs {
    #[arg(long, value_name = "ID")]
    pub reseller: Option<String>,
}

#[derive(Debug, Args)]
pub struct NumberArg {
    pub number: String,
}

#[derive(Debug, Subcommand)]
pub enum ClaimCommand {
    /// Submit a claim for an offer naming one agreement
    #[command(
        after_help = "Example: cashback claim submit --offer 10at5-cloud-open --reseller nordic-it --agreement V1000001 --accept-terms"
    )]
    Submit(SubmitArgs),
    /// List claims
    #[command(after_help = "Example: cashback claim list --status approved")]
    List(ClaimListArgs),
    /// Show one claim
    #[command(after_help = "Example: cashback claim show 1")]
    Show(ClaimArg),
    /// Approve a claim when every rule passes, reject it when one fails
    #[command(after_help = "Example: cashback claim validate 1")]
    Validate(ClaimOnArgs),
    /// Ask the reseller for a copy of the customer invoice
    #[command(after_help = "Example: cashback claim request-invoice 1")]
    RequestInvoice(ClaimOnArgs),
    /// Record the customer invoice as received
    #[command(after_help = "Example: cashback claim receive-invoice 1 --file invoice-4711.pdf")]
    ReceiveInvoice(ReceiveInvoiceArgs),
    /// Reject a claim
    #[command(after_help = "Example: cashback claim reject 1 --reason \"duplicate request\"")]
    Reject(ReasonArgs),
    /// Undo a rejection or forfeit made in error
    #[command(after_help = "Example: cashback claim reopen 1 --reason \"payee name typed wrong\"")]
    Reopen(ReasonArgs),
}

#[derive(Debug, Args)]
pub struct SubmitArgs {
    #[arg(long, value_name = "CODE")]
    pub offer: String,
    #[arg(long, value_name = "ID")]
    pub reseller: String,
    #[arg(long, value_name = "NUMBER")]
    pub agreement: String,
    /// Accept the offer's terms (--yes never does)
    #[arg(long)]
    pub accept_terms: bool,
    #[command(flatten)]
    pub on: OnArg,
}

#[derive(Debug, Args)]
pub struct ClaimListArgs {
    #[arg(long, value_name = "CODE")]
    pub offer: Option<String>,
    #[arg(long, value_name = "ID")]
    pub reseller: Option<String>,
    /// submitted, invoice_requested, approved, payable, paid, payment_failed, rejected, forfeited
    #[arg(long, value_name = "S")]
    pub status: Option<String>,
}

#[derive(Debug, Args)]
pub struct ClaimArg {
    pub claim: i64,
}

#[derive(Debug, Args)]
pub struct ClaimOnArgs {
    pub claim: i64,
    #[command(flatten)]
    pub on: OnArg,
}

#[derive(Debug, Args)]
pub struct ReceiveInvoiceArgs {
    pub claim: i64,
    /// The invoice file (its name and SHA-256 are recorded)
    #[arg(long, value_name = "PATH")]
    pub file: Option<PathBuf>,
    #[command(flatten)]
    pub on: OnArg,
}

#[derive(Debug, Args)]
pub struct ReasonArgs {
    pub claim: i64,
    /// Why (recorded in the audit log; asked for at a terminal when missing)
    #[arg(long)]
    pub reason: Option<String>,
    #[command(flatten)]
    pub on: OnArg,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// A submitted claim
    #[arg(long, conflicts_with_all = ["offer", "reseller", "all"])]
    pub claim: Option<i64>,
    #[arg(long, value_name = "CODE")]
    pub offer: Option<String>,
    /// A reseller, whether or not it has a claim (what-if)
    #[arg(long, value_name = "ID", conflicts_with = "all")]
    pub reseller: Option<String>,
    /// Every reseller with sales in the offer
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, Args)]
pub struct CalculateArgs {
    #[arg(long, value_name = "CODE")]
    pub offer: String,
    /// One claim (with --recalculate)
    #[arg(long, requires = "recalculate")]
    pub claim: Option<i64>,
    /// Re-fix the claim's amount after lines it counted were returned
    #[arg(long, requires = "claim")]
    pub recalculate: bool,
}

#[derive(Debug, Subcommand)]
pub enum NoticeCommand {
    /// Record the next bank-details notice of a claim
    #[command(after_help = "Example: cashback notice send 1")]
    Send(ClaimOnArgs),
    /// Claims that need a notice today (cron)
    #[command(after_help = "Example: cashback notice due --send --format json")]
    Due(NoticeDueArgs),
    /// List notices
    #[command(after_help = "Example: cashback notice list --claim 1")]
    List(NoticeListArgs),
}

#[derive(Debug, Args)]
pub struct NoticeDueArgs {
    /// Record every due notice
    #[arg(long)]
    pub send: bool,
}

#[derive(Debug, Args)]
pub struct NoticeListArgs {
    #[arg(long, value_name = "CLAIM")]
    pub claim: Option<i64>,
}

#[derive(Debug, Subcommand)]
pub enum BankCommand {
    /// Record bank details for a claim
    #[command(
        after_help = "Example: cashback bank submit 1 --holder \"Nordic IT AS\" --holder-type business --iban NO9386011117947 --bic DNBANOKK --currency NOK --address \"Storgata 1, Oslo\""
    )]
    Submit(BankSubmitArgs),
    /// Reuse the reseller's details on file for a claim
    #[command(after_help = "Example: cashback bank confirm 1")]
    Confirm(ClaimOnArgs),
    /// Show a reseller's bank details (IBAN masked unless --reveal)
    #[command(after_help = "Example: cashback bank show nordic-it")]
    Show(BankShowArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum HolderType {
    Business,
    Personal,
}

#[derive(Debug, Args)]
pub struct BankSubmitArgs {
    pub claim: i64,
    /// The account holder's name
    #[arg(long)]
    pub holder: Option<String>,
    #[arg(long, value_name = "TYPE")]
    pub holder_type: Option<HolderType>,
    #[arg(long)]
    pub iban: Option<String>,
    #[arg(long)]
    pub bic: Option<String>,
    /// The reseller's preferred payout currency
    #[arg(long, value_name = "CUR")]
    pub currency: Option<String>,
    /// The holder's postal address
    #[arg(long, value_name = "TEXT")]
    pub address: Option<String>,
    #[command(flatten)]
    pub on: OnArg,
}

#[derive(Debug, Args)]
pub struct BankShowArgs {
    pub reseller: String,
    /// Print IBANs in clear
    #[arg(long)]
    pub reveal: bool,
}

#[derive(Debug, Args)]
pub struct WithinArgs {
    /// Days ahead to include (overdue items are always shown)
    #[arg(long, value_name = "DAYS", default_value_t = 14)]
    pub within: u32,
}

#[derive(Debug, Args)]
pub struct CalendarArgs {
    /// Days ahead to include (overdue items are always shown)
    #[arg(long, value_name = "DAYS", default_value_t = 14)]
    pub within: u32,
    /// Write to this file (atomically) instead of stdout
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct SweepArgs {
    /// Show what would be forfeited; change nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Subcommand)]
pub enum PayoutCommand {
    /// Every approved, payable, failed or paid claim with its dates and status
    #[command(after_help = "Example: cashback payout schedule --status ready")]
    Schedule(ScheduleArgs),
    /// Record a payment
    #[command(
        after_help = "Example: cashback payout record 1 --reference TRF-2016-0042 --on 2016-03-01"
    )]
    Record(PayoutRecordArgs),
    /// Record a transfer that could not be made or came back
    #[command(after_help = "Example: cashback payout fail 1 --reason \"account closed\"")]
    Fail(ReasonArgs),
}

#[derive(Debug, Args)]
pub struct ScheduleArgs {
    #[arg(long, value_name = "CODE")]
    pub offer: Option<String>,
    /// paid, ready, overdue or blocked
    #[arg(long, value_name = "S")]
    pub status: Option<String>,
}

#[derive(Debug, Args)]
pub struct PayoutRecordArgs {
    pub claim: i64,
    /// The bank transfer's reference (asked for at a terminal when missing)
    #[arg(long, value_name = "REF")]
    pub reference: Option<String>,
    #[command(flatten)]
    pub on: OnArg,
}

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Print the audit trail
    #[command(after_help = "Example: cashback audit log --entity claim:1")]
    Log(AuditLogArgs),
    /// Recompute the hash chain
    #[command(after_help = "Example: cashback audit verify --expect 3f5a...")]
    Verify(AuditVerifyArgs),
}

#[derive(Debug, Args)]
pub struct AuditLogArgs {
    /// Only events of this entity (claim:12), or of every entity of a kind (claim)
    #[arg(long, value_name = "KIND:ID")]
    pub entity: Option<String>,
    /// Only events with a business date on or after this one
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub since: Option<NaiveDate>,
    /// Only actions starting with this, e.g. claim. or bank.submit
    #[arg(long, value_name = "PREFIX")]
    pub action: Option<String>,
}

#[derive(Debug, Args)]
pub struct AuditVerifyArgs {
    /// Fail unless this hash is in the chain
    #[arg(long, value_name = "HASH")]
    pub expect: Option<String>,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// offers, resellers, enrollments, agreements, claims, notices, bank_details, payouts, events
    pub table: String,
    /// Write to this file (atomically) instead of stdout
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Print IBANs in clear (the output file is made 0600)
    #[arg(long)]
    pub reveal: bool,
}

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// Where to write the copy (must not exist)
    pub file: PathBuf,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Elvish,
    Powershell,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    pub shell: Shell,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn dates_must_be_iso() {
        assert!(parse_date("2016-01-31").is_ok());
        assert!(parse_date("2016-13-45").is_err());
        assert!(parse_date("2016-1-31").is_err());
        assert!(parse_date("20160131").is_err());
        assert!(parse_date("2016-02-30").is_err());
    }
}
