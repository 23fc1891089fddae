//! Fixtures for the claims, check and calculate tests: sales lines as CSV
//! rows with qualifying defaults, offers varied from the spec's example, and
//! a ledger with a registered reseller ready to claim.
#![allow(dead_code)]

use serde_json::Value;

use crate::common::{CSV_HEADER, OFFER_TOML, TestLedger};

pub const OFFER: &str = "10at5-cloud-open";

/// One agreement line; every field qualifies for the example offer unless
/// changed.
#[derive(Clone)]
pub struct Sale {
    pub agreement: String,
    pub line: u32,
    pub reseller: String,
    pub customer: String,
    pub segment: String,
    pub country: String,
    pub sale_date: String,
    pub product: String,
    pub license_type: String,
    pub quantity: u32,
    pub net_amount: String,
    pub currency: String,
    pub returned_on: String,
}

pub fn sale(agreement: &str, line: u32, reseller: &str) -> Sale {
    Sale {
        agreement: agreement.into(),
        line,
        reseller: reseller.into(),
        customer: "C1".into(),
        segment: "commercial".into(),
        country: "NO".into(),
        sale_date: "2015-08-01".into(),
        product: "Office 365 E3".into(),
        license_type: "cloud-open".into(),
        quantity: 1,
        net_amount: "100.00".into(),
        currency: "NOK".into(),
        returned_on: String::new(),
    }
}

impl Sale {
    pub fn customer(mut self, id: &str) -> Sale {
        self.customer = id.into();
        self
    }
    pub fn on(mut self, date: &str) -> Sale {
        self.sale_date = date.into();
        self
    }
    pub fn product(mut self, product: &str) -> Sale {
        self.product = product.into();
        self
    }
    pub fn license(mut self, license_type: &str) -> Sale {
        self.license_type = license_type.into();
        self
    }
    pub fn segment(mut self, segment: &str) -> Sale {
        self.segment = segment.into();
        self
    }
    pub fn country(mut self, country: &str) -> Sale {
        self.country = country.into();
        self
    }
    pub fn currency(mut self, currency: &str) -> Sale {
        self.currency = currency.into();
        self
    }
    pub fn seats(mut self, quantity: u32) -> Sale {
        self.quantity = quantity;
        self
    }
    pub fn net(mut self, amount: &str) -> Sale {
        self.net_amount = amount.into();
        self
    }
    pub fn returned(mut self, date: &str) -> Sale {
        self.returned_on = date.into();
        self
    }

    fn row(&self) -> String {
        format!(
            "{},{},{},{},Customer {},{},{},{},{},{},{},{},{},{}",
            self.agreement,
            self.line,
            self.reseller,
            self.customer,
            self.customer,
            self.segment,
            self.country,
            self.sale_date,
            self.product,
            self.license_type,
            self.quantity,
            self.net_amount,
            self.currency,
            self.returned_on
        )
    }
}

/// Imports sales lines with `agreement import` (new or changed rows).
pub fn import(ledger: &TestLedger, sales: &[Sale]) {
    let mut csv = String::from(CSV_HEADER);
    csv.push('\n');
    for sale in sales {
        csv.push_str(&sale.row());
        csv.push('\n');
    }
    let path = ledger.write_file("sales.csv", &csv);
    ledger.ok(&["agreement", "import", path.to_str().unwrap()]);
}

pub fn register(ledger: &TestLedger, id: &str, email: &str) {
    ledger.ok(&[
        "reseller",
        "register",
        "--id",
        id,
        "--name",
        "Nordic IT AS",
        "--email",
        email,
        "--country",
        "NO",
    ]);
}

/// Adds an offer made from the example by replacing text in its TOML.
pub fn add_offer_with(ledger: &TestLedger, replacements: &[(&str, &str)]) {
    let mut toml = OFFER_TOML.to_string();
    for (from, to) in replacements {
        assert!(toml.contains(from), "the example offer has no `{from}`");
        toml = toml.replacen(from, to, 1);
    }
    let path = ledger.write_file("offer-variant.toml", &toml);
    ledger.ok(&["offer", "add", path.to_str().unwrap()]);
}

/// A ledger with the example offer, nordic-it registered and 6 qualifying
/// seats of two customers in agreement V1000001, today 2015-10-01.
pub fn ready() -> TestLedger {
    let mut ledger = TestLedger::new();
    ledger.add_example_offer();
    register(&ledger, "nordic-it", "post@nordic-it.no");
    import(
        &ledger,
        &[
            sale("V1000001", 1, "nordic-it").seats(4).net("1200.00"),
            sale("V1000001", 2, "nordic-it").seats(2).net("600.00"),
        ],
    );
    ledger.set_today("2015-10-01");
    ledger
}

/// Submits nordic-it's claim on the example offer; returns its id.
pub fn submit(ledger: &TestLedger) -> i64 {
    let claim = ledger.json(&[
        "claim",
        "submit",
        "--offer",
        OFFER,
        "--reseller",
        "nordic-it",
        "--agreement",
        "V1000001",
        "--accept-terms",
    ]);
    claim["id"].as_i64().expect("claim id")
}

/// The verdict and detail of one rule in a check record.
pub fn rule<'a>(check: &'a Value, id: &str) -> (&'a str, &'a str) {
    let rule = check["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .find(|r| r["id"] == id)
        .unwrap_or_else(|| panic!("no rule {id} in {check}"));
    (
        rule["verdict"].as_str().unwrap(),
        rule["detail"].as_str().unwrap(),
    )
}

/// Runs a check that may exit 0 or 1 and parses its JSON record.
pub fn check_json(ledger: &TestLedger, args: &[&str]) -> (i32, Value) {
    let mut all = vec!["check"];
    all.extend_from_slice(args);
    all.extend(["--format", "json"]);
    let output = ledger.run(&all);
    let code = output.status.code().expect("exit code");
    assert!(
        code == 0 || code == 1,
        "check {args:?} exited {code}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let value = serde_json::from_slice(&output.stdout).expect("JSON check record");
    (code, value)
}

/// The claim's row as stored, through `claim show`.
pub fn show(ledger: &TestLedger, id: i64) -> Value {
    ledger.json(&["claim", "show", &id.to_string()])
}

/// Runs SQL against the ledger file (read-only) and returns the first column
/// of each row as text.
pub fn query(ledger: &TestLedger, sql: &str) -> Vec<String> {
    let conn = rusqlite::Connection::open_with_flags(
        &ledger.path,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
    )
    .expect("open ledger");
    let mut stmt = conn.prepare(sql).expect("SQL");
    stmt.query_map([], |row| {
        let value: rusqlite::types::Value = row.get(0)?;
        Ok(match value {
            rusqlite::types::Value::Null => "NULL".to_string(),
            rusqlite::types::Value::Integer(i) => i.to_string(),
            rusqlite::types::Value::Text(t) => t,
            other => format!("{other:?}"),
        })
    })
    .expect("query")
    .map(Result::unwrap)
    .collect()
}
