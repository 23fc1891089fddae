//! `cashback claim submit|list|show|validate|request-invoice|receive-invoice|reject|reopen`.

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

use rusqlite::Connection;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::app::App;
use crate::cli::{
    ClaimCommand, ClaimListArgs, ClaimOnArgs, ReasonArgs, ReceiveInvoiceArgs, SubmitArgs,
};
use crate::domain::claim::{ClaimEvent, ClaimStatus, next_status, refusal};
use crate::domain::eligibility::{self, SubmissionFacts, Thresholds};
use crate::domain::money::Currency;
use crate::error::{Failure, RuleFailure};
use crate::ledger::claims::{self, Claim};
use crate::ledger::events::hex;
use crate::ledger::{offers, resellers, sales};
use crate::render::object;

use super::check::{evaluate_claim, get_offer, rule_failures};

/// The claim record of SPEC section 11, then `calculated_on`.
pub const COLUMNS: [&str; 11] = [
    "id",
    "offer",
    "reseller_id",
    "agreement_number",
    "status",
    "submitted_on",
    "terms_version",
    "amount",
    "currency",
    "reason",
    "calculated_on",
];

pub fn run(app: &App, command: ClaimCommand) -> anyhow::Result<()> {
    match command {
        ClaimCommand::Submit(args) => submit(app, args),
        ClaimCommand::List(args) => list(app, args),
        ClaimCommand::Show(args) => show(app, args.claim),
        ClaimCommand::Validate(args) => validate(app, args),
        ClaimCommand::RequestInvoice(args) => request_invoice(app, args),
        ClaimCommand::ReceiveInvoice(args) => receive_invoice(app, args),
        ClaimCommand::Reject(args) => reject(app, args),
        ClaimCommand::Reopen(args) => reopen(app, args),
    }
}

/// A claim as a record; `currency` is its offer's. The amount is the one
/// `calculate` fixed (null before).
pub fn claim_json(claim: &Claim, currency: &str) -> Value {
    let digits = Currency::from_code(currency)
        .map(|c| c.minor_digits())
        .unwrap_or(2);
    object([
        ("id", json!(claim.id)),
        ("offer", json!(claim.offer_code)),
        ("reseller_id", json!(claim.reseller_id)),
        ("agreement_number", json!(claim.agreement_number)),
        ("status", json!(claim.status.as_str())),
        ("submitted_on", json!(claim.submitted_on.to_string())),
        ("terms_version", json!(claim.terms_version)),
        (
            "amount",
            json!(
                claim
                    .amount_minor
                    .map(|m| crate::domain::money::format_minor(m, digits))
            ),
        ),
        ("currency", json!(currency)),
        ("reason", json!(claim.reason)),
        (
            "calculated_on",
            json!(claim.calculated_on.map(|d| d.to_string())),
        ),
    ])
}

/// Every offer's currency, by offer code.
pub fn offer_currencies(conn: &Connection) -> anyhow::Result<HashMap<String, String>> {
    Ok(offers::all(conn)?
        .into_iter()
        .map(|o| (o.code, o.currency))
        .collect())
}

fn print_claim(app: &App, conn: &Connection, claim: &Claim) -> anyhow::Result<()> {
    let currency = get_offer(conn, &claim.offer_code)?.currency;
    app.print_record(&claim_json(claim, &currency))
}

fn submit(app: &App, args: SubmitArgs) -> anyhow::Result<()> {
    let mut ledger = app.ledger()?;
    let offer = get_offer(&ledger.conn, &args.offer)?;
    let reseller = resellers::find(&ledger.conn, &args.reseller)?
        .ok_or_else(|| Failure::NotFound(format!("no reseller {}", args.reseller)))?;
    let date = app.event_date(&ledger, args.on.on, None)?;
    let failures = |conn: &Connection, terms_accepted: bool| -> anyhow::Result<Vec<RuleFailure>> {
        let owner = sales::agreement_owner(conn, &args.agreement)?;
        let facts = SubmissionFacts {
            date,
            terms_accepted,
            existing_claim: claims::find_for(conn, &offer.code, &reseller.id)?,
            agreement_number: &args.agreement,
            agreement_reseller: owner.as_deref(),
        };
        Ok(
            eligibility::submission_failures(&offer, &reseller.id, &facts)
                .into_iter()
                .map(|(id, detail)| RuleFailure::new(id, detail))
                .collect(),
        )
    };
    // The terms are asked at a terminal only when nothing else refuses the
    // submission; --yes never accepts them.
    let mut terms_accepted = args.accept_terms;
    if !terms_accepted && app.can_prompt() {
        let others = failures(&ledger.conn, true)?;
        if !others.is_empty() {
            return Err(refused(others).into());
        }
        terms_accepted = dialoguer::Confirm::new()
            .with_prompt(format!(
                "Does {} accept the terms of offer {} (version {})?",
                reseller.id, offer.code, offer.terms_version
            ))
            .default(false)
            .interact()?;
    }
    let claim = ledger.write(&app.event_context(), |tx, events| {
        let failing = failures(tx, terms_accepted)?;
        if !failing.is_empty() {
            return Err(refused(failing).into());
        }
        let id = claims::insert(
            tx,
            &offer.code,
            &reseller.id,
            &args.agreement,
            date,
            &offer.terms_version,
        )?;
        events.record(
            tx,
            date,
            "claim.submit",
            &claims::entity(id),
            json!({
                "offer": offer.code,
                "reseller_id": reseller.id,
                "agreement_number": args.agreement,
                "terms_version": offer.terms_version,
            }),
        )?;
        claims::get(tx, id)
    })?;
    app.info(format!(
        "submitted claim {} of {} on offer {}",
        claim.id, claim.reseller_id, claim.offer_code
    ));
    app.print_record(&claim_json(&claim, &offer.currency))
}

/// The refusal of a submission; each failing rule is printed with its sentence.
fn refused(failures: Vec<RuleFailure>) -> Failure {
    Failure::rules("claim submission refused; nothing recorded", failures)
}

fn list(app: &App, args: ClaimListArgs) -> anyhow::Result<()> {
    let status = args
        .status
        .as_deref()
        .map(str::parse::<ClaimStatus>)
        .transpose()
        .map_err(|e| Failure::Usage(format!("--status: {e}")))?;
    let ledger = app.ledger()?;
    let conn = &ledger.conn;
    if let Some(code) = &args.offer {
        get_offer(conn, code)?;
    }
    if let Some(id) = &args.reseller
        && resellers::find(conn, id)?.is_none()
    {
        return Err(Failure::NotFound(format!("no reseller {id}")).into());
    }
    let currencies = offer_currencies(conn)?;
    let rows: Vec<Value> = claims::list(
        conn,
        args.offer.as_deref(),
        args.reseller.as_deref(),
        status,
    )?
    .iter()
    .map(|c| {
        let currency = currencies
            .get(&c.offer_code)
            .map(String::as_str)
            .unwrap_or("");
        claim_json(c, currency)
    })
    .collect();
    app.print_list(&COLUMNS, &rows)
}

fn show(app: &App, id: i64) -> anyhow::Result<()> {
    let ledger = app.ledger()?;
    let claim = claims::get(&ledger.conn, id)?;
    print_claim(app, &ledger.conn, &claim)
}

/// Refuses (claim.state) when the diagram has no arrow for `event` from
/// the claim's state.
fn allowed(claim: &Claim, event: ClaimEvent) -> Result<(), Failure> {
    match next_status(claim.status, event) {
        Some(_) => Ok(()),
        None => Err(Failure::rule(
            "claim.state",
            format!("claim {}: {}", claim.id, refusal(claim.status, event)),
        )),
    }
}

/// The claim as it is inside the command's transaction (another command may
/// have moved it since it was first read), refused if `event` no longer applies.
fn reread(conn: &Connection, claim: &Claim, event: ClaimEvent) -> anyhow::Result<Claim> {
    let current = claims::get(conn, claim.id)?;
    allowed(&current, event)?;
    Ok(current)
}

enum Validation {
    Approved(Claim),
    Rejected(Vec<RuleFailure>),
}

fn validate(app: &App, args: ClaimOnArgs) -> anyhow::Result<()> {
    let mut ledger = app.ledger()?;
    let claim = claims::get(&ledger.conn, args.claim)?;
    let date = app.event_date(&ledger, args.on.on, Some(&claim.entity()))?;
    allowed(&claim, ClaimEvent::Approve)?;
    let offer = get_offer(&ledger.conn, &claim.offer_code)?;
    let config = &app.config;
    let outcome = ledger.write(&app.event_context(), |tx, events| {
        let claim = reread(tx, &claim, ClaimEvent::Approve)?;
        let (sales, evaluation) = evaluate_claim(
            tx,
            config,
            &claim,
            &offer,
            date,
            eligibility::evaluation_date(&offer, date),
            Thresholds::PendingWhileSalesOpen,
        )?;
        let failing = rule_failures(evaluation.failing());
        if !failing.is_empty() {
            let ids: Vec<&str> = failing.iter().map(|f| f.id.as_str()).collect();
            claims::transition(
                tx,
                events,
                &claim,
                ClaimEvent::ValidationFailed,
                date,
                Some(&ids.join(", ")),
                json!({"rules": failing}),
            )?;
            return Ok(Validation::Rejected(failing));
        }
        let pending = rule_failures(evaluation.pending());
        if !pending.is_empty() {
            let ids: Vec<&str> = pending.iter().map(|f| f.id.as_str()).collect();
            return Err(Failure::rules(
                format!(
                    "claim {} cannot be decided yet, nothing recorded: pending {}",
                    claim.id,
                    ids.join(", ")
                ),
                pending,
            )
            .into());
        }
        let figures = &sales.figures;
        let approved = claims::transition(
            tx,
            events,
            &claim,
            ClaimEvent::Approve,
            date,
            None,
            json!({
                "quantity": figures.quantity,
                "net_amount": eligibility::format_amount(&offer, figures.net_minor),
                "new_customers": figures.new_customers,
                "provisional_incentive": eligibility::format_amount(&offer, evaluation.incentive_minor),
            }),
        )?;
        Ok(Validation::Approved(approved))
    })?;
    match outcome {
        Validation::Approved(approved) => {
            app.info(format!("approved claim {}", approved.id));
            app.print_record(&claim_json(&approved, &offer.currency))
        }
        Validation::Rejected(failing) => {
            let ids: Vec<&str> = failing.iter().map(|f| f.id.as_str()).collect();
            Err(Failure::Rules {
                message: format!("claim {} rejected (recorded): {}", claim.id, ids.join(", ")),
                rules: failing,
                recorded: true,
            }
            .into())
        }
    }
}

fn request_invoice(app: &App, args: ClaimOnArgs) -> anyhow::Result<()> {
    let mut ledger = app.ledger()?;
    let claim = claims::get(&ledger.conn, args.claim)?;
    let date = app.event_date(&ledger, args.on.on, Some(&claim.entity()))?;
    allowed(&claim, ClaimEvent::RequestInvoice)?;
    let (updated, number) = ledger.write(&app.event_context(), |tx, events| {
        let claim = reread(tx, &claim, ClaimEvent::RequestInvoice)?;
        let number = claims::insert_invoice_notice(tx, &claim, date)?;
        let updated = claims::transition(
            tx,
            events,
            &claim,
            ClaimEvent::RequestInvoice,
            date,
            None,
            json!({"notice": {"kind": "invoice", "number": number, "cycle": claim.cycle}}),
        )?;
        Ok((updated, number))
    })?;
    app.info(format!(
        "requested the customer invoice for claim {} (invoice notice {number})",
        updated.id
    ));
    print_claim(app, &ledger.conn, &updated)
}

/// The file's name and the lower-case hex SHA-256 of its content.
fn file_digest(path: &Path) -> Result<(String, String), Failure> {
    let unreadable =
        |e: std::io::Error| Failure::Invalid(format!("{}: cannot read it: {e}", path.display()));
    let mut file = std::fs::File::open(path).map_err(unreadable)?;
    let mut hasher = Sha256::new();
    let mut buffer = vec![0u8; 64 * 1024];
    loop {
        let read = file.read(&mut buffer).map_err(unreadable)?;
        if read == 0 {
            break;
        }
        hasher.update(&buffer[..read]);
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| Failure::Invalid(format!("{}: not a file", path.display())))?;
    Ok((name, hex(&hasher.finalize())))
}

fn receive_invoice(app: &App, args: ReceiveInvoiceArgs) -> anyhow::Result<()> {
    let mut ledger = app.ledger()?;
    let claim = claims::get(&ledger.conn, args.claim)?;
    let date = app.event_date(&ledger, args.on.on, Some(&claim.entity()))?;
    allowed(&claim, ClaimEvent::ReceiveInvoice)?;
    let file = args.file.as_deref().map(file_digest).transpose()?;
    let updated = ledger.write(&app.event_context(), |tx, events| {
        let claim = reread(tx, &claim, ClaimEvent::ReceiveInvoice)?;
        let number = claims::answer_invoice_notice(
            tx,
            claim.id,
            date,
            file.as_ref().map(|(n, s)| (n.as_str(), s.as_str())),
        )?;
        let mut extra = json!({"notice": {"kind": "invoice", "number": number}});
        if let Some((name, sha256)) = &file {
            extra["file"] = json!(name);
            extra["sha256"] = json!(sha256);
        }
        claims::transition(
            tx,
            events,
            &claim,
            ClaimEvent::ReceiveInvoice,
            date,
            None,
            extra,
        )
    })?;
    match &file {
        Some((name, sha256)) => app.info(format!(
            "received the invoice for claim {}: {name} (SHA-256 {sha256})",
            updated.id
        )),
        None => app.info(format!("received the invoice for claim {}", updated.id)),
    }
    print_claim(app, &ledger.conn, &updated)
}

fn reason_text(reason: &str) -> Result<&str, Failure> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(Failure::Usage("--reason must not be empty".into()));
    }
    Ok(reason)
}

fn reject(app: &App, args: ReasonArgs) -> anyhow::Result<()> {
    let reason = app.required_value(args.reason, "--reason", "Why is the claim rejected")?;
    let reason = reason_text(&reason)?;
    let mut ledger = app.ledger()?;
    let claim = claims::get(&ledger.conn, args.claim)?;
    let date = app.event_date(&ledger, args.on.on, Some(&claim.entity()))?;
    allowed(&claim, ClaimEvent::Reject)?;
    app.confirm(&format!(
        "Reject claim {} of {} ({})?",
        claim.id, claim.reseller_id, claim.status
    ))?;
    let updated = ledger.write(&app.event_context(), |tx, events| {
        let claim = reread(tx, &claim, ClaimEvent::Reject)?;
        claims::transition(
            tx,
            events,
            &claim,
            ClaimEvent::Reject,
            date,
            Some(reason),
            Value::Null,
        )
    })?;
    app.info(format!("rejected claim {}", updated.id));
    print_claim(app, &ledger.conn, &updated)
}

fn reopen(app: &App, args: ReasonArgs) -> anyhow::Result<()> {
    let reason = app.required_value(args.reason, "--reason", "Why is the claim reopened")?;
    let reason = reason_text(&reason)?;
    let mut ledger = app.ledger()?;
    let claim = claims::get(&ledger.conn, args.claim)?;
    let date = app.event_date(&ledger, args.on.on, Some(&claim.entity()))?;
    let to = reopen_target(&claim)?;
    app.confirm(&format!(
        "Reopen claim {} of {} ({}, back to {to})?",
        claim.id, claim.reseller_id, claim.status
    ))?;
    let updated = ledger.write(&app.event_context(), |tx, events| {
        let claim = claims::get(tx, claim.id)?;
        let to = reopen_target(&claim)?;
        claims::transition(
            tx,
            events,
            &claim,
            ClaimEvent::Reopen { to },
            date,
            Some(reason),
            json!({"previous_reason": claim.reason}),
        )
    })?;
    app.info(format!(
        "reopened claim {}: {} again (a new notice cycle starts)",
        updated.id, updated.status
    ));
    print_claim(app, &ledger.conn, &updated)
}

/// The state a rejected or forfeited claim returns to.
fn reopen_target(claim: &Claim) -> Result<ClaimStatus, Failure> {
    let event = |to| ClaimEvent::Reopen { to };
    match claim.reopen_to {
        Some(to) if next_status(claim.status, event(to)).is_some() => Ok(to),
        _ => Err(Failure::rule(
            "claim.state",
            format!(
                "claim {}: {}",
                claim.id,
                refusal(claim.status, event(ClaimStatus::Submitted))
            ),
        )),
    }
}
