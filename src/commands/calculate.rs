//! `cashback calculate --offer CODE [--claim CLAIM --recalculate]`: fixes the
//! amounts of an offer's approved, payable and payment_failed claims as of
//! its calculation date, rejecting those whose rules now fail.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::Transaction;
use serde_json::{Value, json};

use crate::app::App;
use crate::cli::CalculateArgs;
use crate::domain::claim::{ClaimEvent, ClaimStatus};
use crate::domain::eligibility::{
    self, ClaimFacts, Evaluation, InvoiceState, ResellerFacts, Thresholds,
};
use crate::domain::offer::Offer;
use crate::error::{Failure, RuleFailure};
use crate::io::config::Config;
use crate::ledger::EventSink;
use crate::ledger::claims::{self, Claim};
use crate::ledger::sales::{self, ResellerSales, Scope, ScopeEntry};
use crate::render::object;

use super::check::{all_reseller_facts, evaluate_claim, get_offer, rule_failures};

pub const COLUMNS: [&str; 6] = [
    "claim_id",
    "reseller_id",
    "result",
    "amount",
    "currency",
    "reason",
];

pub fn run(app: &App, args: CalculateArgs) -> anyhow::Result<()> {
    let mut ledger = app.ledger()?;
    let offer = get_offer(&ledger.conn, &args.offer)?;
    let calculation_date = offer.dates.calculation_date;
    if app.today < calculation_date {
        return Err(Failure::rule(
            "calculation.too_early",
            format!(
                "offer {} is calculated on or after its calculation date {calculation_date}; today is {}",
                offer.code, app.today
            ),
        )
        .into());
    }
    let today = app.today;
    let config = &app.config;
    let rows = ledger.write(&app.event_context(), |tx, events| match args.claim {
        Some(id) => recalculate(tx, events, config, &offer, id, today).map(|row| vec![row]),
        None => calculate(tx, events, config, &offer, today),
    })?;
    app.print_list(&COLUMNS, &rows)?;
    let count = |result: &str| rows.iter().filter(|r| r["result"] == result).count();
    if rows.is_empty() {
        app.info(format!(
            "offer {}: no claim without an amount to calculate; nothing changed",
            offer.code
        ));
    } else if args.claim.is_some() {
        app.info(format!(
            "claim {}: {}",
            rows[0]["claim_id"],
            rows[0]["result"].as_str().unwrap_or("")
        ));
    } else {
        app.info(format!(
            "offer {}: {} claim(s) fixed, {} rejected",
            offer.code,
            count("fixed"),
            count("rejected")
        ));
    }
    Ok(())
}

fn row(
    claim: &Claim,
    result: &str,
    amount: Option<String>,
    offer: &Offer,
    reason: Option<String>,
) -> Value {
    object([
        ("claim_id", json!(claim.id)),
        ("reseller_id", json!(claim.reseller_id)),
        ("result", json!(result)),
        ("amount", json!(amount)),
        ("currency", json!(offer.currency)),
        ("reason", json!(reason)),
    ])
}

/// Rejects a claim whose rules now fail, recording the failing rule ids.
fn reject(
    tx: &Transaction<'_>,
    events: &mut EventSink<'_>,
    claim: &Claim,
    evaluation: &Evaluation,
    offer: &Offer,
    today: NaiveDate,
) -> anyhow::Result<Value> {
    let failing: Vec<RuleFailure> = rule_failures(evaluation.failing());
    let ids: Vec<&str> = failing.iter().map(|f| f.id.as_str()).collect();
    let reason = ids.join(", ");
    claims::transition(
        tx,
        events,
        claim,
        ClaimEvent::CalculationFailed,
        today,
        Some(&reason),
        json!({"rules": failing}),
    )?;
    Ok(row(claim, "rejected", None, offer, Some(reason)))
}

fn calculation_details(
    offer: &Offer,
    sales: &ResellerSales,
    amount: i64,
    evaluated_on: NaiveDate,
) -> Value {
    let f = &sales.figures;
    json!({
        "amount": eligibility::format_amount(offer, amount),
        "currency": offer.currency,
        "returns_until": evaluated_on.to_string(),
        "lines_counted": f.lines_counted,
        "quantity": f.quantity,
        "net_amount": eligibility::format_amount(offer, f.net_minor),
        "new_customers": f.new_customers,
    })
}

/// Every claim of the offer that has no amount yet, as of the calculation
/// date, with final thresholds. One aggregation for all of them.
fn calculate(
    tx: &Transaction<'_>,
    events: &mut EventSink<'_>,
    config: &Config,
    offer: &Offer,
    today: NaiveDate,
) -> anyhow::Result<Vec<Value>> {
    let calculation_date = offer.dates.calculation_date;
    let claims = claims::to_calculate(tx, &offer.code)?;
    if claims.is_empty() {
        return Ok(Vec::new());
    }
    let scope: Vec<ScopeEntry> = claims
        .iter()
        .map(|c| ScopeEntry {
            reseller_id: c.reseller_id.clone(),
            agreement_number: Some(c.agreement_number.clone()),
        })
        .collect();
    let mut sales_by: HashMap<String, ResellerSales> =
        sales::aggregate(tx, offer, calculation_date, Scope::Resellers(&scope))?
            .into_iter()
            .map(|s| (s.reseller_id.clone(), s))
            .collect();
    let resellers = all_reseller_facts(tx, config)?;
    let numbers: Vec<&str> = claims.iter().map(|c| c.agreement_number.as_str()).collect();
    let owners = sales::agreement_owners(tx, &numbers)?;
    let ids: Vec<i64> = claims.iter().map(|c| c.id).collect();
    let invoices = claims::invoice_states(tx, &ids)?;

    let mut rows = Vec::new();
    let mut fixed = Vec::new();
    for claim in &claims {
        let sales = sales_by
            .remove(&claim.reseller_id)
            .unwrap_or_else(|| ResellerSales {
                reseller_id: claim.reseller_id.clone(),
                agreement_qualifies: Some(false),
                ..ResellerSales::default()
            });
        let facts = ClaimFacts {
            submitted_on: claim.submitted_on,
            terms_version: claim.terms_version.clone(),
            agreement_number: claim.agreement_number.clone(),
            agreement_reseller: owners.get(&claim.agreement_number).cloned(),
            agreement_qualifies: sales.agreement_qualifies == Some(true),
            invoice: invoices
                .get(&claim.id)
                .copied()
                .unwrap_or(InvoiceState::NotRequested),
        };
        let evaluation = eligibility::evaluate(
            offer,
            &claim.reseller_id,
            resellers
                .get(&claim.reseller_id)
                .unwrap_or(&ResellerFacts::NotRegistered),
            Some(&facts),
            &sales.figures,
            calculation_date,
            Thresholds::Final,
        )
        .map_err(|e| Failure::Invalid(e.to_string()))?;
        if !evaluation.eligible {
            rows.push(reject(tx, events, claim, &evaluation, offer, today)?);
            continue;
        }
        let amount = evaluation.incentive_minor;
        events.record(
            tx,
            today,
            "claim.calculate",
            &claim.entity(),
            calculation_details(offer, &sales, amount, calculation_date),
        )?;
        fixed.push((claim.id, amount));
        rows.push(row(
            claim,
            "fixed",
            Some(eligibility::format_amount(offer, amount)),
            offer,
            None,
        ));
    }
    claims::fix_amounts(tx, &fixed, today)?;
    let fixed_ids: Vec<i64> = fixed.iter().map(|(id, _)| *id).collect();
    sales::record_counted_lines(tx, offer, calculation_date, &fixed_ids)?;
    Ok(rows)
}

/// Re-fixes one claim's amount, counting returns up to today (the old
/// amount stays in the audit log).
fn recalculate(
    tx: &Transaction<'_>,
    events: &mut EventSink<'_>,
    config: &Config,
    offer: &Offer,
    id: i64,
    today: NaiveDate,
) -> anyhow::Result<Value> {
    let claim = claims::get(tx, id)?;
    if claim.offer_code != offer.code {
        return Err(Failure::NotFound(format!(
            "claim {id} is a claim on offer {}, not {}",
            claim.offer_code, offer.code
        ))
        .into());
    }
    if !matches!(
        claim.status,
        ClaimStatus::Approved | ClaimStatus::Payable | ClaimStatus::PaymentFailed
    ) {
        return Err(Failure::rule(
            "claim.state",
            format!(
                "claim {id}: cannot recalculate a claim that is {} (only approved, payable or payment_failed)",
                claim.status
            ),
        )
        .into());
    }
    let (sales, evaluation) =
        evaluate_claim(tx, config, &claim, offer, today, today, Thresholds::Final)?;
    if !evaluation.eligible {
        return reject(tx, events, &claim, &evaluation, offer, today);
    }
    let amount = evaluation.incentive_minor;
    let lines_before = sales::counted_lines(tx, claim.id)?;
    sales::record_counted_lines(tx, offer, today, &[claim.id])?;
    let lines_after = sales::counted_lines(tx, claim.id)?;
    let formatted = Some(eligibility::format_amount(offer, amount));
    if claim.amount_minor == Some(amount) && lines_before == lines_after {
        return Ok(row(&claim, "unchanged", formatted, offer, None));
    }
    claims::fix_amounts(tx, &[(claim.id, amount)], today)?;
    let mut details = calculation_details(offer, &sales, amount, today);
    details["old_amount"] = json!(
        claim
            .amount_minor
            .map(|m| eligibility::format_amount(offer, m))
    );
    details["old_calculated_on"] = json!(claim.calculated_on.map(|d| d.to_string()));
    events.record(tx, today, "claim.recalculate", &claim.entity(), details)?;
    Ok(row(&claim, "recalculated", formatted, offer, None))
}
