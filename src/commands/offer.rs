//! `cashback offer add|list|show`.

use std::path::Path;

use serde_json::{Value, json};

use crate::app::App;
use crate::cli::{OfferAddArgs, OfferCommand};
use crate::domain::offer::Offer;
use crate::error::Failure;
use crate::io::offer_toml::parse_offer;
use crate::ledger::offers;
use crate::render::object;

pub const COLUMNS: [&str; 11] = [
    "code",
    "name",
    "currency",
    "regions",
    "terms_version",
    "opens_on",
    "submit_before",
    "sales_from",
    "sales_to",
    "calculation_date",
    "payout_within_days",
];

pub fn run(app: &App, command: OfferCommand) -> anyhow::Result<()> {
    match command {
        OfferCommand::Add(args) => add(app, args),
        OfferCommand::List => list(app),
        OfferCommand::Show(args) => show(app, &args.code),
    }
}

/// The listing fields of SPEC section 11.
pub fn offer_json(offer: &Offer) -> Value {
    let d = &offer.dates;
    object([
        ("code", json!(offer.code)),
        ("name", json!(offer.name)),
        ("currency", json!(offer.currency)),
        ("regions", json!(offer.regions)),
        ("terms_version", json!(offer.terms_version)),
        ("opens_on", json!(d.opens_on.to_string())),
        ("submit_before", json!(d.submit_before.to_string())),
        ("sales_from", json!(d.sales_from.to_string())),
        ("sales_to", json!(d.sales_to.to_string())),
        ("calculation_date", json!(d.calculation_date.to_string())),
        ("payout_within_days", json!(d.payout_within_days)),
    ])
}

/// Everything: the listing fields plus criteria, exclusion, incentive,
/// notices and returns. Amounts are decimal strings.
pub fn offer_detail_json(offer: &Offer) -> Value {
    let mut value = offer_json(offer);
    let c = &offer.criteria;
    value["criteria"] = json!({
        "products": c.products,
        "license_types": c.license_types,
        "segments": c.segments,
        "min_quantity": c.min_quantity,
        "min_new_customers": c.min_new_customers,
    });
    value["exclusion"] = match &offer.exclusion {
        Some(e) => {
            json!({"program": e.program, "from": e.from.to_string(), "to": e.to.to_string()})
        }
        None => Value::Null,
    };
    let text = |d: Option<rust_decimal::Decimal>| d.map(|d| d.to_string());
    value["incentive"] = json!({
        "kind": offer.incentive.kind,
        "rate": text(offer.incentive.rate),
        "amount": text(offer.incentive.amount),
        "cap": text(offer.incentive.cap),
    });
    value["notices"] = json!({
        "response_days": offer.notices.response_days,
        "max_notices": offer.notices.max_notices,
    });
    value["returns"] = json!({"return_days": offer.returns.return_days});
    value
}

/// Reads and validates an offer file; problems are exit 4 naming file and key.
pub fn read_offer_file(path: &Path) -> Result<(Offer, Vec<u8>), Failure> {
    let bytes = std::fs::read(path)
        .map_err(|e| Failure::Invalid(format!("{}: cannot read it: {e}", path.display())))?;
    let text = std::str::from_utf8(&bytes)
        .map_err(|_| Failure::Invalid(format!("{}: not UTF-8 text", path.display())))?;
    let offer =
        parse_offer(text).map_err(|p| Failure::Invalid(format!("{}: {p}", path.display())))?;
    Ok((offer, bytes))
}

/// What `offer add` did.
enum Added {
    New,
    Replaced,
    Unchanged,
}

fn add(app: &App, args: OfferAddArgs) -> anyhow::Result<()> {
    let (offer, bytes) = read_offer_file(&args.file)?;
    let mut ledger = app.ledger()?;
    let today = app.today;
    let file = args.file.display().to_string();
    let sha256 = crate::ledger::events::hex(&sha2::Digest::finalize(
        <sha2::Sha256 as sha2::Digest>::new_with_prefix(&bytes),
    ));
    // Every check is made inside the write transaction: two `offer add` of
    // one code at the same moment must not both see it missing.
    let added = ledger.write(&app.event_context(), |tx, events| {
        let existing = offers::find(tx, &offer.code)?;
        match &existing {
            Some(_) if !args.replace => {
                return Err(Failure::rule(
                    "offer.exists",
                    format!(
                        "an offer with code {} exists; use --replace to replace it",
                        offer.code
                    ),
                )
                .into());
            }
            Some(old) if old == &offer => return Ok(Added::Unchanged),
            Some(_) => {
                let claims = offers::claim_count(tx, &offer.code)?;
                if claims > 0 {
                    return Err(Failure::rule(
                        "offer.has_claims",
                        format!(
                            "offer {} has {claims} claim(s); its rules can no longer change",
                            offer.code
                        ),
                    )
                    .into());
                }
            }
            None => {}
        }
        let action = if existing.is_some() {
            "offer.replace"
        } else {
            "offer.add"
        };
        offers::save(tx, &offer)?;
        let mut details =
            json!({"file": file, "sha256": sha256, "offer": offer_detail_json(&offer)});
        if let Some(old) = &existing {
            details["old"] = offer_detail_json(old);
        }
        events.record(tx, today, action, &format!("offer:{}", offer.code), details)?;
        Ok(if existing.is_some() {
            Added::Replaced
        } else {
            Added::New
        })
    })?;
    match added {
        Added::New => app.info(format!("added offer {}", offer.code)),
        Added::Replaced => app.info(format!("replaced offer {}", offer.code)),
        Added::Unchanged => app.info(format!(
            "offer {} is already recorded with this definition; nothing changed",
            offer.code
        )),
    }
    app.print_key_values(&offer_detail_json(&offer))
}

fn list(app: &App) -> anyhow::Result<()> {
    let ledger = app.ledger()?;
    let rows: Vec<Value> = offers::all(&ledger.conn)?.iter().map(offer_json).collect();
    app.print_list(&COLUMNS, &rows)
}

fn show(app: &App, code: &str) -> anyhow::Result<()> {
    let ledger = app.ledger()?;
    let offer = offers::find(&ledger.conn, code)?
        .ok_or_else(|| Failure::NotFound(format!("no offer with code {code}")))?;
    app.print_key_values(&offer_detail_json(&offer))
}
