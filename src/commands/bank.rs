//! `cashback bank submit|confirm|show`: a reseller's bank details, checked
//! for form (exit 4) and payee (exit 1, the refusal recorded), versioned per
//! reseller, and the claim moved to payable when they are accepted. IBANs are
//! masked in every output, message and audit event unless `--reveal`.

use chrono::NaiveDate;
use rusqlite::Transaction;
use serde_json::{Value, json};

use crate::app::App;
use crate::cli::{self, BankCommand, BankShowArgs, BankSubmitArgs, ClaimOnArgs};
use crate::domain::bank::{BankDetailsInput, HolderType, payee_refusals};
use crate::domain::claim::{ClaimEvent, ClaimStatus, refusal};
use crate::error::{Failure, RuleFailure};
use crate::ledger::EventSink;
use crate::ledger::bank::{self, BankStatus, StoredBankDetails};
use crate::ledger::claims::{self, Claim, transition};
use crate::ledger::notices;
use crate::ledger::resellers::{self, Reseller};
use crate::render::object;

/// SPEC section 11's bank-details fields, then the claim they were
/// submitted for and the rules that refused them.
pub const COLUMNS: [&str; 12] = [
    "reseller_id",
    "version",
    "holder",
    "holder_type",
    "iban",
    "bic",
    "currency",
    "address",
    "submitted_on",
    "status",
    "claim_id",
    "refused_by",
];

pub fn run(app: &App, command: BankCommand) -> anyhow::Result<()> {
    match command {
        BankCommand::Submit(args) => submit(app, args),
        BankCommand::Confirm(args) => confirm(app, args),
        BankCommand::Show(args) => show(app, args),
    }
}

/// One version of bank details as printed and exported; the IBAN in clear
/// only when `reveal`.
pub fn bank_details_json(stored: &StoredBankDetails, reveal: bool) -> Value {
    let details = &stored.details;
    let iban = if reveal {
        details.iban.reveal().to_string()
    } else {
        details.iban.masked()
    };
    object([
        ("reseller_id", json!(stored.reseller_id)),
        ("version", json!(stored.version)),
        ("holder", json!(details.holder)),
        ("holder_type", json!(details.holder_type.as_str())),
        ("iban", json!(iban)),
        ("bic", json!(details.bic)),
        ("currency", json!(details.currency)),
        ("address", json!(details.address)),
        ("submitted_on", json!(stored.submitted_on.to_string())),
        ("status", json!(stored.status.as_str())),
        ("claim_id", json!(stored.claim_id)),
        ("refused_by", json!(stored.refused_by)),
    ])
}

fn reseller_entity(id: &str) -> String {
    format!("reseller:{id}")
}

fn reseller_of(tx: &Transaction<'_>, claim: &Claim) -> anyhow::Result<Reseller> {
    resellers::find(tx, &claim.reseller_id)?.ok_or_else(|| {
        anyhow::anyhow!(
            "claim {} names reseller {}, which is not in the ledger",
            claim.id,
            claim.reseller_id
        )
    })
}

/// The claim can take bank details dated `date`: it is approved, payable or
/// payment_failed (`claim.state`), and, while it waits for details, its
/// notice cycle was not exhausted by then (`notices.exhausted`).
fn check_claim_takes_details(
    tx: &Transaction<'_>,
    claim: &Claim,
    date: NaiveDate,
) -> anyhow::Result<()> {
    if !matches!(
        claim.status,
        ClaimStatus::Approved | ClaimStatus::Payable | ClaimStatus::PaymentFailed
    ) {
        return Err(Failure::rule(
            "claim.state",
            refusal(claim.status, ClaimEvent::BankDetailsAccepted),
        )
        .into());
    }
    if claim.status == ClaimStatus::Payable {
        return Ok(());
    }
    let rules = crate::ledger::offers::find(tx, &claim.offer_code)?
        .map(|offer| offer.notices)
        .ok_or_else(|| anyhow::anyhow!("offer {} is not in the ledger", claim.offer_code))?;
    let cycle = notices::current_cycle(tx, claim)?;
    if cycle.is_exhausted(date, &rules)
        && let Some(last_by) = cycle.final_respond_by(&rules)
    {
        return Err(Failure::rule(
            "notices.exhausted",
            format!(
                "the last of {} notices had to be answered by {last_by}; details dated {date} are too late (the next `sweep` forfeits the claim)",
                rules.max_notices
            ),
        )
        .into());
    }
    Ok(())
}

/// Accepted details: the claim points at them, the open notice is
/// answered and the claim moves to payable (or stays payable with the new
/// details). Returns the claim as it now is.
fn accept(
    tx: &Transaction<'_>,
    events: &mut EventSink<'_>,
    claim: &Claim,
    stored: &StoredBankDetails,
    date: NaiveDate,
) -> anyhow::Result<Claim> {
    bank::attach_to_claim(tx, claim.id, stored.id)?;
    let answered = notices::answer_latest(tx, claim, date)?;
    let mut extra = json!({"bank_details_version": stored.version});
    if let Some(notice) = answered {
        extra["answered_notice"] = json!({"kind": notice.kind.as_str(), "number": notice.number});
    }
    let mut updated = transition(
        tx,
        events,
        claim,
        ClaimEvent::BankDetailsAccepted,
        date,
        None,
        extra,
    )?;
    updated.bank_details_id = Some(stored.id);
    Ok(updated)
}

/// The audit details of a bank-details event: never the IBAN in clear.
fn event_details(stored: &StoredBankDetails) -> Value {
    bank_details_json(stored, false)
}

enum SubmitOutcome {
    Accepted {
        stored: StoredBankDetails,
        claim: Claim,
    },
    Refused {
        stored: StoredBankDetails,
        refusals: Vec<RuleFailure>,
        before: ClaimStatus,
        after: ClaimStatus,
    },
}

fn submit(app: &App, args: BankSubmitArgs) -> anyhow::Result<()> {
    let holder = app.required_value(args.holder, "--holder", "Account holder's name")?;
    let holder_type = match args.holder_type {
        Some(holder_type) => holder_type,
        None => {
            let answer =
                app.required_value(None, "--holder-type", "Holder type (business or personal)")?;
            <cli::HolderType as clap::ValueEnum>::from_str(answer.trim(), true).map_err(|_| {
                Failure::Usage(format!(
                    "--holder-type: `{answer}` is neither business nor personal"
                ))
            })?
        }
    };
    let input = BankDetailsInput {
        holder,
        holder_type: match holder_type {
            cli::HolderType::Business => HolderType::Business,
            cli::HolderType::Personal => HolderType::Personal,
        },
        iban: app.required_value(args.iban, "--iban", "IBAN")?,
        bic: app.required_value(args.bic, "--bic", "BIC")?,
        currency: app.required_value(args.currency, "--currency", "Payout currency (ISO 4217)")?,
        address: app.required_value(args.address, "--address", "Holder's postal address")?,
    };
    let mut ledger = app.ledger()?;
    let claim = claims::get(&ledger.conn, args.claim)?;
    let date = app.event_date(&ledger, args.on.on, Some(&claim.entity()))?;
    let details = input.validate().map_err(|problems| {
        let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
        Failure::Invalid(format!(
            "bank details for claim {} not stored: {}",
            claim.id,
            lines.join("; ")
        ))
    })?;
    let outcome = ledger.write(&app.event_context(), |tx, events| {
        let claim = claims::get(tx, args.claim)?;
        check_claim_takes_details(tx, &claim, date)?;
        let reseller = reseller_of(tx, &claim)?;
        let refusals = payee_refusals(&details.holder, details.holder_type, &reseller.name);
        if !refusals.is_empty() {
            let ids: Vec<&str> = refusals.iter().map(|r| r.id.as_str()).collect();
            let ids = ids.join(",");
            let stored = bank::insert(
                tx,
                &reseller.id,
                claim.id,
                &details,
                date,
                BankStatus::Refused,
                Some(&ids),
            )?;
            events.record(
                tx,
                date,
                "bank.refuse",
                &reseller_entity(&reseller.id),
                event_details(&stored),
            )?;
            let after = if claim.status == ClaimStatus::Payable {
                claim.status
            } else {
                transition(
                    tx,
                    events,
                    &claim,
                    ClaimEvent::PayeeRefused,
                    date,
                    Some(&ids),
                    json!({"bank_details_version": stored.version}),
                )?
                .status
            };
            return Ok(SubmitOutcome::Refused {
                stored,
                refusals,
                before: claim.status,
                after,
            });
        }
        let stored = bank::insert(
            tx,
            &reseller.id,
            claim.id,
            &details,
            date,
            BankStatus::Accepted,
            None,
        )?;
        events.record(
            tx,
            date,
            "bank.submit",
            &reseller_entity(&reseller.id),
            event_details(&stored),
        )?;
        let claim = accept(tx, events, &claim, &stored, date)?;
        Ok(SubmitOutcome::Accepted { stored, claim })
    })?;
    match outcome {
        SubmitOutcome::Accepted { stored, claim } => {
            app.info(format!(
                "bank details version {} of {} accepted; claim {} is {}",
                stored.version, stored.reseller_id, claim.id, claim.status
            ));
            app.print_record(&bank_details_json(&stored, false))
        }
        SubmitOutcome::Refused {
            stored,
            refusals,
            before,
            after,
        } => {
            let consequence = if after == ClaimStatus::Rejected {
                format!(
                    "claim {} was {before} and is now rejected (reopen it if this was an entry error)",
                    args.claim
                )
            } else {
                format!(
                    "claim {} stays {after} with its accepted details",
                    args.claim
                )
            };
            Err(Failure::Rules {
                message: format!(
                    "bank details refused and kept for the audit as version {} of {}; {consequence}",
                    stored.version, stored.reseller_id
                ),
                rules: refusals,
                recorded: true,
            }
            .into())
        }
    }
}

fn confirm(app: &App, args: ClaimOnArgs) -> anyhow::Result<()> {
    let mut ledger = app.ledger()?;
    let claim = claims::get(&ledger.conn, args.claim)?;
    let date = app.event_date(&ledger, args.on.on, Some(&claim.entity()))?;
    let outcome = ledger.write(&app.event_context(), |tx, events| {
        let claim = claims::get(tx, args.claim)?;
        check_claim_takes_details(tx, &claim, date)?;
        let reseller = reseller_of(tx, &claim)?;
        let Some(current) = bank::current(tx, &reseller.id)? else {
            return Err(Failure::rule(
                "bank.none_on_file",
                format!(
                    "{} has no accepted bank details on file; use `bank submit`",
                    reseller.id
                ),
            )
            .into());
        };
        // The details were accepted for the reseller as it was then; a
        // later change of its registered name must not slip through.
        let refusals = payee_refusals(
            &current.details.holder,
            current.details.holder_type,
            &reseller.name,
        );
        if !refusals.is_empty() {
            return Err(Failure::rules(
                format!(
                    "the details on file (version {}) no longer fit {}; use `bank submit`",
                    current.version, reseller.id
                ),
                refusals,
            )
            .into());
        }
        if claim.status == ClaimStatus::Payable && claim.bank_details_id == Some(current.id) {
            return Ok((current, claim, false));
        }
        events.record(
            tx,
            date,
            "bank.confirm",
            &reseller_entity(&reseller.id),
            json!({"claim_id": claim.id, "version": current.version, "iban": current.details.iban.masked()}),
        )?;
        let claim = accept(tx, events, &claim, &current, date)?;
        Ok((current, claim, true))
    })?;
    let (current, claim, changed) = outcome;
    if changed {
        app.info(format!(
            "claim {} uses bank details version {} of {} and is {}",
            claim.id, current.version, current.reseller_id, claim.status
        ));
    } else {
        app.info(format!(
            "claim {} is already payable to version {} of {}; nothing changed",
            claim.id, current.version, current.reseller_id
        ));
    }
    app.print_record(&bank_details_json(&current, false))
}

fn show(app: &App, args: BankShowArgs) -> anyhow::Result<()> {
    let ledger = app.ledger()?;
    if resellers::find(&ledger.conn, &args.reseller)?.is_none() {
        return Err(Failure::NotFound(format!("no reseller with id {}", args.reseller)).into());
    }
    let mut rows = Vec::new();
    bank::list(&ledger.conn, Some(&args.reseller), |stored| {
        rows.push(bank_details_json(&stored, args.reveal));
        Ok(())
    })?;
    app.print_list(&COLUMNS, &rows)
}
