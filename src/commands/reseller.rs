//! `cashback reseller register|update|enroll|list|show`.

use anyhow::Context;
use serde_json::{Value, json};

use crate::app::App;
use crate::cli::{EnrollArgs, RegisterArgs, ResellerCommand, UpdateArgs};
use crate::domain::codes::{is_country, is_program_code, is_reseller_id};
use crate::domain::email::{domain_of, is_personal_domain};
use crate::error::{Failure, RuleFailure};
use crate::ledger::resellers::{self, Enrollment, Reseller};
use crate::render::object;

pub const COLUMNS: [&str; 5] = ["id", "name", "email", "country", "registered_on"];
pub const ENROLLMENT_COLUMNS: [&str; 4] = ["reseller_id", "program", "from", "to"];

pub fn run(app: &App, command: ResellerCommand) -> anyhow::Result<()> {
    match command {
        ResellerCommand::Register(args) => register(app, args),
        ResellerCommand::Update(args) => update(app, args),
        ResellerCommand::Enroll(args) => enroll(app, args),
        ResellerCommand::List => list(app),
        ResellerCommand::Show(args) => show(app, &args.id),
    }
}

pub fn reseller_json(reseller: &Reseller) -> Value {
    object([
        ("id", json!(reseller.id)),
        ("name", json!(reseller.name)),
        ("email", json!(reseller.email)),
        ("country", json!(reseller.country)),
        ("registered_on", json!(reseller.registered_on.to_string())),
    ])
}

pub fn enrollment_json(enrollment: &Enrollment) -> Value {
    object([
        ("reseller_id", json!(enrollment.reseller_id)),
        ("program", json!(enrollment.program)),
        ("from", json!(enrollment.from.to_string())),
        ("to", json!(enrollment.to.to_string())),
    ])
}

/// Checks the form of a name, e-mail and country (exit 4) and returns the
/// business-email rule's failure, if any (exit 1).
fn check_fields(
    app: &App,
    name: &str,
    email: &str,
    country: Option<&str>,
) -> anyhow::Result<Option<RuleFailure>> {
    if name.trim().is_empty() {
        return Err(Failure::Invalid("--name: the company name must not be empty".into()).into());
    }
    let Some(domain) = domain_of(email) else {
        return Err(Failure::Invalid(format!(
            "--email: `{email}` is not a well-formed e-mail address"
        ))
        .into());
    };
    if let Some(country) = country
        && !is_country(country)
    {
        return Err(Failure::Invalid(format!(
            "--country: `{country}` is not an ISO 3166 alpha-2 country code (e.g. NO)"
        ))
        .into());
    }
    Ok(is_personal_domain(&domain, &app.config.domains).then(|| {
        RuleFailure::new(
            "registration.business_email",
            format!("{domain} is a personal or free-mail domain; register with a business address"),
        )
    }))
}

fn check_id(id: &str) -> Result<(), Failure> {
    if is_reseller_id(id) {
        Ok(())
    } else {
        Err(Failure::Invalid(format!(
            "--id: `{id}` is not 1-32 characters of A-Za-z0-9._- starting with a letter or digit"
        )))
    }
}

fn register(app: &App, args: RegisterArgs) -> anyhow::Result<()> {
    let id = app.required_value(args.id, "--id", "Reseller id")?;
    check_id(&id)?;
    let name = app.required_value(args.name, "--name", "Company legal name")?;
    let email = app.required_value(args.email, "--email", "Business e-mail")?;
    let country = args.country.map(|c| c.trim().to_string());
    let mut ledger = app.ledger()?;
    let registered_on = app.event_date(&ledger, args.on.on, None)?;
    let email_refusal = check_fields(app, &name, &email, country.as_deref())?;
    let reseller = Reseller {
        id: id.clone(),
        name: name.trim().to_string(),
        email: email.trim().to_string(),
        country,
        registered_on,
    };
    ledger.write(&app.event_context(), |tx, events| {
        // Checked inside the write transaction, so that two registrations of
        // one id at the same moment end as one success and one refusal.
        let mut refusals: Vec<RuleFailure> = Vec::new();
        if resellers::find(tx, &id)?.is_some() {
            refusals.push(RuleFailure::new(
                "reseller.exists",
                format!("a reseller with id {id} is already registered"),
            ));
        }
        refusals.extend(email_refusal);
        if !refusals.is_empty() {
            return Err(Failure::rules(format!("registration of {id} refused"), refusals).into());
        }
        resellers::insert(tx, &reseller)?;
        events.record(
            tx,
            registered_on,
            "reseller.register",
            &format!("reseller:{id}"),
            reseller_json(&reseller),
        )?;
        Ok(())
    })?;
    app.info(format!("registered reseller {id}"));
    app.print_record(&reseller_json(&reseller))
}

fn update(app: &App, args: UpdateArgs) -> anyhow::Result<()> {
    if args.name.is_none() && args.email.is_none() && args.country.is_none() {
        return Err(
            Failure::Usage("give at least one of --name, --email, --country".into()).into(),
        );
    }
    let mut ledger = app.ledger()?;
    let today = app.today;
    // Read and written in one transaction, so the old values recorded are
    // the ones this update replaced, even with another update racing it.
    let (new, changed) = ledger.write(&app.event_context(), |tx, events| {
        let old = resellers::find(tx, &args.id)?
            .ok_or_else(|| Failure::NotFound(format!("no reseller with id {}", args.id)))?;
        let mut new = old.clone();
        if let Some(name) = &args.name {
            new.name = name.trim().to_string();
        }
        if let Some(email) = &args.email {
            new.email = email.trim().to_string();
        }
        if let Some(country) = &args.country {
            new.country = Some(country.trim().to_string());
        }
        if let Some(refusal) = check_fields(app, &new.name, &new.email, new.country.as_deref())?
            && new.email != old.email
        {
            return Err(
                Failure::rules(format!("update of {} refused", new.id), vec![refusal]).into(),
            );
        }
        if new == old {
            return Ok((new, false));
        }
        resellers::update(tx, &new)?;
        let changed = |key: &str, a: &Value, b: &Value| {
            (a != b).then(|| (key.to_string(), a.clone(), b.clone()))
        };
        let (old_json, new_json) = (reseller_json(&old), reseller_json(&new));
        let mut before = serde_json::Map::new();
        let mut after = serde_json::Map::new();
        for key in ["name", "email", "country"] {
            if let Some((key, a, b)) = changed(key, &old_json[key], &new_json[key]) {
                before.insert(key.clone(), a);
                after.insert(key, b);
            }
        }
        events.record(
            tx,
            today,
            "reseller.update",
            &format!("reseller:{}", new.id),
            json!({"old": before, "new": after}),
        )?;
        Ok((new, true))
    })?;
    if !changed {
        app.info(format!(
            "reseller {} already has these values; nothing changed",
            new.id
        ));
        return app.print_record(&reseller_json(&new));
    }
    app.info(format!("updated reseller {}", new.id));
    app.print_record(&reseller_json(&new))
}

fn enroll(app: &App, args: EnrollArgs) -> anyhow::Result<()> {
    if !is_program_code(&args.program) {
        return Err(Failure::Invalid(format!(
            "--program: `{}` is not a program code such as MRI",
            args.program
        ))
        .into());
    }
    if args.from > args.to {
        return Err(
            Failure::Invalid(format!("--to {} is before --from {}", args.to, args.from)).into(),
        );
    }
    let mut ledger = app.ledger()?;
    if resellers::find(&ledger.conn, &args.id)?.is_none() {
        return Err(Failure::NotFound(format!("no reseller with id {}", args.id)).into());
    }
    let enrollment = Enrollment {
        reseller_id: args.id.clone(),
        program: args.program,
        from: args.from,
        to: args.to,
    };
    let today = app.today;
    let added = ledger.write(&app.event_context(), |tx, events| {
        let added = resellers::insert_enrollment(tx, &enrollment)?;
        if added {
            events.record(
                tx,
                today,
                "reseller.enroll",
                &format!("reseller:{}", enrollment.reseller_id),
                enrollment_json(&enrollment),
            )?;
        }
        Ok(added)
    })?;
    if added {
        app.info(format!(
            "enrolled {} in {}",
            enrollment.reseller_id, enrollment.program
        ));
    } else {
        app.info("this enrolment is already recorded; nothing changed");
    }
    app.print_record(&enrollment_json(&enrollment))
}

fn list(app: &App) -> anyhow::Result<()> {
    let ledger = app.ledger()?;
    let rows: Vec<Value> = resellers::all(&ledger.conn)?
        .iter()
        .map(reseller_json)
        .collect();
    app.print_list(&COLUMNS, &rows)
}

fn show(app: &App, id: &str) -> anyhow::Result<()> {
    let ledger = app.ledger()?;
    let reseller = resellers::find(&ledger.conn, id)
        .context("reading the reseller")?
        .ok_or_else(|| Failure::NotFound(format!("no reseller with id {id}")))?;
    let mut record = reseller_json(&reseller);
    let enrollments: Vec<Value> = resellers::enrollments(&ledger.conn, Some(id))?
        .iter()
        .map(|e| json!({"program": e.program, "from": e.from.to_string(), "to": e.to.to_string()}))
        .collect();
    record["enrollments"] = Value::Array(enrollments);
    app.print_record(&record)
}
