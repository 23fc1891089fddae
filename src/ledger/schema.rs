//! The ledger's schema as ordered, forward-only migrations over
//! `PRAGMA user_version`. Never edit a released migration: add one.

use rusqlite_migration::{M, Migrations};

/// `PRAGMA application_id` of every cashback ledger ("CSHB").
pub const APPLICATION_ID: i32 = 0x4353_4842;

const V1: &str = r#"
CREATE TABLE offers (
    code             TEXT PRIMARY KEY,
    name             TEXT NOT NULL,
    currency         TEXT NOT NULL,
    terms_version    TEXT NOT NULL,
    opens_on         TEXT NOT NULL,
    submit_before    TEXT NOT NULL,
    sales_from       TEXT NOT NULL,
    sales_to         TEXT NOT NULL,
    calculation_date TEXT NOT NULL,
    payout_within_days INTEGER NOT NULL,
    -- the whole offer as JSON (criteria, exclusion, incentive, notices, returns)
    definition       TEXT NOT NULL
) STRICT;

CREATE TABLE resellers (
    id            TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    email         TEXT NOT NULL,
    country       TEXT,
    registered_on TEXT NOT NULL
) STRICT;

CREATE TABLE enrollments (
    id          INTEGER PRIMARY KEY,
    reseller_id TEXT NOT NULL REFERENCES resellers(id),
    program     TEXT NOT NULL,
    from_date   TEXT NOT NULL,
    to_date     TEXT NOT NULL,
    UNIQUE (reseller_id, program, from_date, to_date)
) STRICT;

-- One row per line of an Open agreement, in the import's own columns. The
-- agreement's header fields repeat on each line; the import keeps them equal.
-- reseller_id is not a foreign key: sales often arrive before registration.
CREATE TABLE agreement_lines (
    agreement_number TEXT NOT NULL,
    line             INTEGER NOT NULL,
    reseller_id      TEXT NOT NULL,
    customer_id      TEXT NOT NULL,
    customer_name    TEXT NOT NULL,
    segment          TEXT NOT NULL,
    country          TEXT NOT NULL,
    sale_date        TEXT NOT NULL,
    product          TEXT NOT NULL,
    license_type     TEXT NOT NULL,
    quantity         INTEGER NOT NULL,
    net_minor        INTEGER NOT NULL,
    currency         TEXT NOT NULL,
    returned_on      TEXT,
    PRIMARY KEY (agreement_number, line)
) STRICT, WITHOUT ROWID;
CREATE INDEX agreement_lines_reseller ON agreement_lines (reseller_id, customer_id, sale_date);

CREATE TABLE claims (
    id               INTEGER PRIMARY KEY,
    offer_code       TEXT NOT NULL REFERENCES offers(code),
    reseller_id      TEXT NOT NULL REFERENCES resellers(id),
    agreement_number TEXT NOT NULL,
    status           TEXT NOT NULL,
    submitted_on     TEXT NOT NULL,
    terms_version    TEXT NOT NULL,
    -- fixed by calculate, in the offer currency's minor units
    amount_minor     INTEGER,
    calculated_on    TEXT,
    -- why it was rejected or forfeited (rule ids or the administrator's text)
    reason           TEXT,
    -- the state a rejected or forfeited claim left, restored by reopen
    reopen_to        TEXT,
    -- the current notice cycle: 0 before the first, +1 on entering
    -- approved or payment_failed and on reopen
    cycle            INTEGER NOT NULL DEFAULT 0,
    -- the bank details the claim is to be paid to
    bank_details_id  INTEGER REFERENCES bank_details(id),
    UNIQUE (offer_code, reseller_id)
) STRICT;
CREATE INDEX claims_status ON claims (status);

-- The lines a fixed amount counted, so a later return of one is seen.
CREATE TABLE claim_lines (
    claim_id         INTEGER NOT NULL REFERENCES claims(id),
    agreement_number TEXT NOT NULL,
    line             INTEGER NOT NULL,
    PRIMARY KEY (claim_id, agreement_number, line)
) STRICT, WITHOUT ROWID;

CREATE TABLE notices (
    id          INTEGER PRIMARY KEY,
    claim_id    INTEGER NOT NULL REFERENCES claims(id),
    cycle       INTEGER NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('bank_details', 'bank_correction', 'invoice')),
    number      INTEGER NOT NULL,
    sent_on     TEXT NOT NULL,
    respond_by  TEXT,
    answered_on TEXT,
    -- for invoice notices: the received file
    file_name   TEXT,
    file_sha256 TEXT,
    UNIQUE (claim_id, kind, cycle, number)
) STRICT;

CREATE TABLE bank_details (
    id           INTEGER PRIMARY KEY,
    reseller_id  TEXT NOT NULL REFERENCES resellers(id),
    version      INTEGER NOT NULL,
    claim_id     INTEGER REFERENCES claims(id),
    holder       TEXT NOT NULL,
    holder_type  TEXT NOT NULL CHECK (holder_type IN ('business', 'personal')),
    iban         TEXT NOT NULL,
    bic          TEXT NOT NULL,
    currency     TEXT NOT NULL,
    address      TEXT NOT NULL,
    submitted_on TEXT NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('accepted', 'refused')),
    refused_by   TEXT,
    UNIQUE (reseller_id, version)
) STRICT;

CREATE TABLE payments (
    id              INTEGER PRIMARY KEY,
    claim_id        INTEGER NOT NULL REFERENCES claims(id),
    paid_on         TEXT NOT NULL,
    reference       TEXT NOT NULL,
    amount_minor    INTEGER NOT NULL,
    currency        TEXT NOT NULL,
    bank_details_id INTEGER REFERENCES bank_details(id),
    returned_on     TEXT,
    return_reason   TEXT
) STRICT;
CREATE INDEX payments_claim ON payments (claim_id);

-- The audit trail: append-only, hash-chained (SPEC section 8).
CREATE TABLE events (
    seq           INTEGER PRIMARY KEY,
    at            TEXT NOT NULL,
    business_date TEXT NOT NULL,
    actor         TEXT NOT NULL,
    action        TEXT NOT NULL,
    entity        TEXT NOT NULL,
    details       TEXT NOT NULL,
    hash          TEXT NOT NULL
) STRICT;
CREATE INDEX events_entity ON events (entity);
"#;

pub fn migrations() -> Migrations<'static> {
    Migrations::new(vec![M::up(V1)])
}

/// The schema version this binary writes.
pub fn latest_version() -> i64 {
    migrations_count() as i64
}

fn migrations_count() -> usize {
    // Keep in step with `migrations()`.
    1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        assert!(migrations().validate().is_ok());
    }

    #[test]
    fn migrations_apply_on_an_empty_database() {
        let mut conn = rusqlite::Connection::open_in_memory().unwrap();
        migrations().to_latest(&mut conn).unwrap();
        let version: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(version, latest_version());
    }
}
