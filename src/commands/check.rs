//! `cashback check`: eligibility rule by rule for a claim, for a reseller
//! (what-if), or for every reseller with sales in an offer. The facts the
//! rules need are gathered here for `claim validate` and `calculate` too, so
//! every verdict comes from the same aggregation and the same domain code.

use std::collections::HashMap;
use std::io::Write;
use std::time::Duration;

use chrono::NaiveDate;
use rusqlite::Connection;
use serde_json::{Map, Value, json};

use crate::app::App;
use crate::cli::{CheckArgs, Format};
use crate::domain::eligibility::{
    self, ClaimFacts, EXCLUSION_REASONS, Evaluation, ResellerFacts, Thresholds,
};
use crate::domain::email::{domain_of, is_personal_domain};
use crate::domain::offer::Offer;
use crate::error::{Failure, RuleFailure};
use crate::io::config::Config;
use crate::ledger::claims::{self, Claim};
use crate::ledger::resellers::{self, Reseller};
use crate::ledger::sales::{self, ResellerSales, Scope};
use crate::ledger::{agreements, offers};
use crate::render::{self, object};

/// The columns of a `check --all` row (SPEC section 11).
pub const ALL_COLUMNS: [&str; 7] = [
    "reseller_id",
    "eligible",
    "quantity",
    "net_amount",
    "new_customers",
    "incentive",
    "currency",
];

/// The CSV columns of one check: one row per rule, the rest repeated.
pub const CSV_COLUMNS: [&str; 23] = [
    "eligible",
    "offer",
    "reseller_id",
    "claim_id",
    "rules.id",
    "rules.verdict",
    "rules.detail",
    "sales.lines_counted",
    "sales.excluded.sale_date",
    "sales.excluded.product",
    "sales.excluded.license_type",
    "sales.excluded.segment",
    "sales.excluded.country",
    "sales.excluded.currency",
    "sales.excluded.returned",
    "sales.quantity",
    "sales.net_amount",
    "sales.new_customers",
    "incentive",
    "provisional",
    "currency",
    "earliest_on",
    "pay_by",
];

pub fn run(app: &App, args: CheckArgs) -> anyhow::Result<()> {
    match (
        args.claim,
        args.offer.as_deref(),
        args.reseller.as_deref(),
        args.all,
    ) {
        (Some(id), None, None, false) => check_claim(app, id),
        (None, Some(offer), Some(reseller), false) => check_reseller(app, offer, reseller),
        (None, Some(offer), None, true) => check_all(app, offer),
        (None, Some(_), None, false) => Err(Failure::Usage(
            "check --offer needs --reseller ID (what-if) or --all".into(),
        )
        .into()),
        _ => Err(Failure::Usage(
            "check takes --claim CLAIM, --offer CODE --reseller ID, or --offer CODE --all".into(),
        )
        .into()),
    }
}

/// The offer, or exit 3 naming it.
pub fn get_offer(conn: &Connection, code: &str) -> anyhow::Result<Offer> {
    offers::find(conn, code)?
        .ok_or_else(|| Failure::NotFound(format!("no offer with code {code}")).into())
}

/// What the rules need to know of a registered reseller.
fn registered_facts(
    config: &Config,
    reseller: &Reseller,
    enrollments: Vec<(String, NaiveDate, NaiveDate)>,
) -> ResellerFacts {
    let (email_domain, personal_email) = match domain_of(&reseller.email) {
        Some(domain) => {
            let personal = is_personal_domain(&domain, &config.domains);
            (domain, personal)
        }
        // Stored addresses were checked when registered; an address that no
        // longer parses cannot be shown to be on a business domain.
        None => (reseller.email.clone(), true),
    };
    ResellerFacts::Registered {
        registered_on: reseller.registered_on,
        email_domain,
        personal_email,
        enrollments,
    }
}

/// The facts of one reseller (registered or not).
pub fn reseller_facts(
    conn: &Connection,
    config: &Config,
    reseller_id: &str,
) -> anyhow::Result<ResellerFacts> {
    let Some(reseller) = resellers::find(conn, reseller_id)? else {
        return Ok(ResellerFacts::NotRegistered);
    };
    let enrollments = resellers::enrollments(conn, Some(reseller_id))?
        .into_iter()
        .map(|e| (e.program, e.from, e.to))
        .collect();
    Ok(registered_facts(config, &reseller, enrollments))
}

/// The facts of every registered reseller, in two queries.
pub fn all_reseller_facts(
    conn: &Connection,
    config: &Config,
) -> anyhow::Result<HashMap<String, ResellerFacts>> {
    let mut enrollments: HashMap<String, Vec<(String, NaiveDate, NaiveDate)>> = HashMap::new();
    for e in resellers::enrollments(conn, None)? {
        enrollments
            .entry(e.reseller_id)
            .or_default()
            .push((e.program, e.from, e.to));
    }
    Ok(resellers::all(conn)?
        .into_iter()
        .map(|r| {
            let facts = registered_facts(config, &r, enrollments.remove(&r.id).unwrap_or_default());
            (r.id, facts)
        })
        .collect())
}

/// The facts of a claim, given whether its named agreement qualifies.
pub fn claim_facts(
    conn: &Connection,
    claim: &Claim,
    agreement_qualifies: bool,
) -> anyhow::Result<ClaimFacts> {
    Ok(ClaimFacts {
        submitted_on: claim.submitted_on,
        terms_version: claim.terms_version.clone(),
        agreement_number: claim.agreement_number.clone(),
        agreement_reseller: sales::agreement_owner(conn, &claim.agreement_number)?,
        agreement_qualifies,
        invoice: claims::invoice_state(conn, claim.id)?,
    })
}

/// A claim's sales and every rule's verdict as of `as_of`, with returns
/// judged up to `returns_until`.
pub fn evaluate_claim(
    conn: &Connection,
    config: &Config,
    claim: &Claim,
    offer: &Offer,
    as_of: NaiveDate,
    returns_until: NaiveDate,
    thresholds: Thresholds,
) -> anyhow::Result<(ResellerSales, Evaluation)> {
    let sales = sales::aggregate_one(
        conn,
        offer,
        returns_until,
        &claim.reseller_id,
        Some(&claim.agreement_number),
    )?;
    let reseller = reseller_facts(conn, config, &claim.reseller_id)?;
    let facts = claim_facts(conn, claim, sales.agreement_qualifies == Some(true))?;
    let evaluation = eligibility::evaluate(
        offer,
        &claim.reseller_id,
        &reseller,
        Some(&facts),
        &sales.figures,
        as_of,
        thresholds,
    )
    .map_err(|e| Failure::Invalid(e.to_string()))?;
    Ok((sales, evaluation))
}

/// The failing (or pending) rules of an evaluation as rule failures for an
/// error report.
pub fn rule_failures<'a>(
    rules: impl Iterator<Item = &'a eligibility::RuleVerdict>,
) -> Vec<RuleFailure> {
    rules.map(|r| RuleFailure::new(r.id, &r.detail)).collect()
}

/// How a check's incentive is shown: computed (provisional) or the amount
/// `calculate` fixed.
pub struct Incentive {
    pub minor: i64,
    pub provisional: bool,
    pub earliest_on: NaiveDate,
}

/// One check as the JSON record of SPEC section 11.
pub fn check_json(
    offer: &Offer,
    reseller_id: &str,
    claim_id: Option<i64>,
    sales: &ResellerSales,
    evaluation: &Evaluation,
    incentive: &Incentive,
) -> Value {
    let amount = |minor: i64| eligibility::format_amount(offer, minor);
    let figures = &sales.figures;
    let excluded: Map<String, Value> = EXCLUSION_REASONS
        .iter()
        .zip(figures.excluded)
        .map(|(reason, count)| (reason.to_string(), json!(count)))
        .collect();
    let rules: Vec<Value> = evaluation
        .rules
        .iter()
        .map(|r| {
            object([
                ("id", json!(r.id)),
                ("verdict", json!(r.verdict.as_str())),
                ("detail", json!(r.detail)),
            ])
        })
        .collect();
    object([
        ("eligible", json!(evaluation.eligible)),
        ("offer", json!(offer.code)),
        ("reseller_id", json!(reseller_id)),
        ("claim_id", json!(claim_id)),
        ("rules", Value::Array(rules)),
        (
            "sales",
            object([
                ("lines_counted", json!(figures.lines_counted)),
                ("excluded", Value::Object(excluded)),
                ("quantity", json!(figures.quantity)),
                ("net_amount", json!(amount(figures.net_minor))),
                ("new_customers", json!(figures.new_customers)),
            ]),
        ),
        ("incentive", json!(amount(incentive.minor))),
        ("provisional", json!(incentive.provisional)),
        ("currency", json!(offer.currency)),
        ("earliest_on", json!(incentive.earliest_on.to_string())),
        ("pay_by", json!(evaluation.pay_by.to_string())),
    ])
}

/// Prints one check: JSON record, CSV one row per rule, or tables for people.
fn print_check(app: &App, check: &Value) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    match app.format {
        Format::Json => render::record(&mut out, Format::Json, check)?,
        Format::Csv => {
            let mut base: Map<String, Value> = render::flatten(check).into_iter().collect();
            base.remove("rules");
            let rows: Vec<Value> = check["rules"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|rule| {
                    let mut row = base.clone();
                    for key in ["id", "verdict", "detail"] {
                        row.insert(format!("rules.{key}"), rule[key].clone());
                    }
                    Value::Object(row)
                })
                .collect();
            render::list(&mut out, Format::Csv, &CSV_COLUMNS, &rows)?;
        }
        Format::Table => {
            let mut rules = render::new_table(&["rule", "verdict", "detail"]);
            for rule in check["rules"].as_array().into_iter().flatten() {
                rules.add_row([
                    render::cell(&rule["id"]),
                    render::cell(&rule["verdict"]),
                    render::cell(&rule["detail"]),
                ]);
            }
            let verdict = if check["eligible"] == json!(true) {
                "eligible"
            } else {
                "not eligible"
            };
            let who = match check["claim_id"].as_i64() {
                Some(id) => format!("claim {id} of {}", render::cell(&check["reseller_id"])),
                None => format!("{} (no claim)", render::cell(&check["reseller_id"])),
            };
            writeln!(
                out,
                "{who}, offer {}: {verdict}",
                render::cell(&check["offer"])
            )?;
            writeln!(out, "{rules}")?;
            let sales = &check["sales"];
            let currency = render::cell(&check["currency"]);
            let mut summary = render::new_table(&["sales", ""]);
            summary.add_row([
                "lines counted".to_string(),
                render::cell(&sales["lines_counted"]),
            ]);
            for reason in EXCLUSION_REASONS {
                summary.add_row([
                    format!("excluded: {reason}"),
                    render::cell(&sales["excluded"][reason]),
                ]);
            }
            summary.add_row(["quantity".to_string(), render::cell(&sales["quantity"])]);
            summary.add_row([
                "net amount".to_string(),
                format!("{} {currency}", render::cell(&sales["net_amount"])),
            ]);
            summary.add_row([
                "new customers".to_string(),
                render::cell(&sales["new_customers"]),
            ]);
            let marker = if check["provisional"] == json!(true) {
                " (provisional)"
            } else {
                " (fixed)"
            };
            summary.add_row([
                "incentive".to_string(),
                format!("{} {currency}{marker}", render::cell(&check["incentive"])),
            ]);
            summary.add_row([
                "earliest payout".to_string(),
                render::cell(&check["earliest_on"]),
            ]);
            summary.add_row(["pay by".to_string(), render::cell(&check["pay_by"])]);
            writeln!(out, "{summary}")?;
        }
    }
    out.flush()?;
    Ok(())
}

/// Exit 0 when eligible, 1 naming the failing rules otherwise.
fn verdict_exit(evaluation: &Evaluation, subject: &str) -> anyhow::Result<()> {
    if evaluation.eligible {
        return Ok(());
    }
    let failing = rule_failures(evaluation.failing());
    Err(Failure::rules(
        format!("{subject} is not eligible: {} rule(s) fail", failing.len()),
        failing,
    )
    .into())
}

fn check_claim(app: &App, id: i64) -> anyhow::Result<()> {
    let ledger = app.ledger()?;
    let conn = &ledger.conn;
    let claim = claims::get(conn, id)?;
    let offer = get_offer(conn, &claim.offer_code)?;
    let (sales, evaluation) = evaluate_claim(
        conn,
        &app.config,
        &claim,
        &offer,
        app.today,
        eligibility::evaluation_date(&offer, app.today),
        Thresholds::PendingWhileSalesOpen,
    )?;
    let incentive = match claim.amount_minor {
        Some(minor) => Incentive {
            minor,
            provisional: false,
            earliest_on: eligibility::earliest_on(
                &offer,
                sales::last_counted_sale(conn, claim.id)?,
            ),
        },
        None => Incentive {
            minor: evaluation.incentive_minor,
            provisional: true,
            earliest_on: evaluation.earliest_on,
        },
    };
    let check = check_json(
        &offer,
        &claim.reseller_id,
        Some(claim.id),
        &sales,
        &evaluation,
        &incentive,
    );
    print_check(app, &check)?;
    verdict_exit(&evaluation, &format!("claim {id}"))
}

/// The what-if check of one reseller (no claim needed): its evaluation and
/// the check record. Exit 3 for a reseller neither registered nor with sales.
pub fn what_if(
    conn: &Connection,
    config: &Config,
    offer: &Offer,
    reseller_id: &str,
    today: NaiveDate,
) -> anyhow::Result<(Evaluation, Value)> {
    let reseller = reseller_facts(conn, config, reseller_id)?;
    if reseller == ResellerFacts::NotRegistered
        && !agreements::reseller_has_lines(conn, reseller_id)?
    {
        return Err(Failure::NotFound(format!(
            "no reseller {reseller_id}: it is not registered and has no sales"
        ))
        .into());
    }
    let sales = sales::aggregate_one(
        conn,
        offer,
        eligibility::evaluation_date(offer, today),
        reseller_id,
        None,
    )?;
    let evaluation = eligibility::evaluate(
        offer,
        reseller_id,
        &reseller,
        None,
        &sales.figures,
        today,
        Thresholds::PendingWhileSalesOpen,
    )
    .map_err(|e| Failure::Invalid(e.to_string()))?;
    let incentive = Incentive {
        minor: evaluation.incentive_minor,
        provisional: true,
        earliest_on: evaluation.earliest_on,
    };
    let check = check_json(offer, reseller_id, None, &sales, &evaluation, &incentive);
    Ok((evaluation, check))
}

fn check_reseller(app: &App, offer_code: &str, reseller_id: &str) -> anyhow::Result<()> {
    let ledger = app.ledger()?;
    let offer = get_offer(&ledger.conn, offer_code)?;
    let (evaluation, check) = what_if(&ledger.conn, &app.config, &offer, reseller_id, app.today)?;
    print_check(app, &check)?;
    verdict_exit(&evaluation, reseller_id)
}

/// One `check --all` row per reseller with at least one counted line.
pub fn all_rows(
    conn: &Connection,
    config: &Config,
    offer: &Offer,
    today: NaiveDate,
) -> anyhow::Result<Vec<Value>> {
    let all = sales::aggregate(
        conn,
        offer,
        eligibility::evaluation_date(offer, today),
        Scope::All,
    )?;
    let facts = all_reseller_facts(conn, config)?;
    let mut rows = Vec::new();
    for sales in all.iter().filter(|s| s.figures.lines_counted > 0) {
        let reseller = facts
            .get(&sales.reseller_id)
            .unwrap_or(&ResellerFacts::NotRegistered);
        let evaluation = eligibility::evaluate(
            offer,
            &sales.reseller_id,
            reseller,
            None,
            &sales.figures,
            today,
            Thresholds::PendingWhileSalesOpen,
        )
        .map_err(|e| Failure::Invalid(e.to_string()))?;
        let amount = |minor: i64| eligibility::format_amount(offer, minor);
        rows.push(object([
            ("reseller_id", json!(sales.reseller_id)),
            ("eligible", json!(evaluation.eligible)),
            ("quantity", json!(sales.figures.quantity)),
            ("net_amount", json!(amount(sales.figures.net_minor))),
            ("new_customers", json!(sales.figures.new_customers)),
            ("incentive", json!(amount(evaluation.incentive_minor))),
            ("currency", json!(offer.currency)),
        ]));
    }
    Ok(rows)
}

fn check_all(app: &App, offer_code: &str) -> anyhow::Result<()> {
    let ledger = app.ledger()?;
    let offer = get_offer(&ledger.conn, offer_code)?;
    let spinner = (app.terminal && !app.quiet).then(|| {
        let bar = indicatif::ProgressBar::new_spinner();
        bar.set_message(format!("counting the sales of offer {}", offer.code));
        bar.enable_steady_tick(Duration::from_millis(120));
        bar
    });
    let rows = all_rows(&ledger.conn, &app.config, &offer, app.today);
    if let Some(bar) = spinner {
        bar.finish_and_clear();
    }
    let rows = rows?;
    app.print_list(&ALL_COLUMNS, &rows)?;
    let eligible = rows.iter().filter(|r| r["eligible"] == json!(true)).count();
    app.info(format!(
        "{} reseller(s) with counted sales in offer {}; {eligible} eligible",
        rows.len(),
        offer.code
    ));
    Ok(())
}
