//! Counting sales for an offer: one set-based aggregation over the agreement
//! lines, for every reseller or for a few, giving the figures the
//! eligibility rules and the incentive are computed from (SPEC section 6).

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::types::ToSql;
use rusqlite::{Connection, OptionalExtension, Transaction};
use serde_json::json;

use crate::domain::eligibility::SalesFigures;
use crate::domain::offer::Offer;

/// The first reason a line does not count, as a number: 0 = counts, then
/// 1..=7 in the order of `EXCLUSION_REASONS` (sale_date, product,
/// license_type, segment, country, currency, returned). An empty criteria
/// list means any value.
const REASON: &str = "CASE
    WHEN l.sale_date < :sales_from OR l.sale_date > :sales_to THEN 1
    WHEN :products <> '[]' AND l.product NOT IN (SELECT value FROM json_each(:products)) THEN 2
    WHEN :license_types <> '[]' AND l.license_type NOT IN (SELECT value FROM json_each(:license_types)) THEN 3
    WHEN :segments <> '[]' AND l.segment NOT IN (SELECT value FROM json_each(:segments)) THEN 4
    WHEN :regions <> '[]' AND l.country NOT IN (SELECT value FROM json_each(:regions)) THEN 5
    WHEN l.currency <> :currency THEN 6
    WHEN l.returned_on IS NOT NULL AND l.returned_on <= :evaluated_on THEN 7
    ELSE 0
END";

/// Which resellers to count.
#[derive(Debug, Clone, Copy)]
pub enum Scope<'a> {
    /// Every reseller with lines in the ledger.
    All,
    /// These resellers, each with the agreement its claim names (if any).
    Resellers(&'a [ScopeEntry]),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScopeEntry {
    pub reseller_id: String,
    pub agreement_number: Option<String>,
}

/// One reseller's figures for an offer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ResellerSales {
    pub reseller_id: String,
    /// Every line of the reseller in the ledger, counted or not.
    pub lines_total: u64,
    pub figures: SalesFigures,
    /// Whether the named agreement has a counted line (`None` without one).
    pub agreement_qualifies: Option<bool>,
}

/// The offer's criteria as named parameters of `REASON`.
struct Criteria {
    sales_from: NaiveDate,
    sales_to: NaiveDate,
    products: String,
    license_types: String,
    segments: String,
    regions: String,
    currency: String,
    evaluated_on: NaiveDate,
}

impl Criteria {
    fn new(offer: &Offer, evaluated_on: NaiveDate) -> Criteria {
        let list = |items: &[String]| json!(items).to_string();
        Criteria {
            sales_from: offer.dates.sales_from,
            sales_to: offer.dates.sales_to,
            products: list(&offer.criteria.products),
            license_types: list(&offer.criteria.license_types),
            segments: list(&offer.criteria.segments),
            regions: list(&offer.regions),
            currency: offer.currency.clone(),
            evaluated_on,
        }
    }

    fn params(&self) -> Vec<(&'static str, &dyn ToSql)> {
        vec![
            (":sales_from", &self.sales_from),
            (":sales_to", &self.sales_to),
            (":products", &self.products),
            (":license_types", &self.license_types),
            (":segments", &self.segments),
            (":regions", &self.regions),
            (":currency", &self.currency),
            (":evaluated_on", &self.evaluated_on),
        ]
    }
}

/// The aggregation: lines grouped per reseller, customer and first failing
/// reason (so the reason is computed once per line), then per reseller and
/// customer (a customer is new when the reseller's first-ever sale to it is
/// on/after sales_from and one of its lines counts), then per reseller.
fn aggregation_sql(source: &str) -> String {
    format!(
        "WITH classified AS (
            SELECT l.reseller_id, l.customer_id, {REASON} AS reason,
                   count(*) AS lines, sum(l.quantity) AS quantity, sum(l.net_minor) AS net_minor,
                   min(l.sale_date) AS first_sale, max(l.sale_date) AS last_sale,
                   max(l.agreement_number = named) AS named
            FROM {source}
            GROUP BY l.reseller_id, l.customer_id, reason
        ),
        customers AS (
            SELECT reseller_id,
                   sum(lines) AS total,
                   sum(CASE WHEN reason = 0 THEN lines ELSE 0 END) AS counted,
                   sum(CASE WHEN reason = 1 THEN lines ELSE 0 END) AS x1,
                   sum(CASE WHEN reason = 2 THEN lines ELSE 0 END) AS x2,
                   sum(CASE WHEN reason = 3 THEN lines ELSE 0 END) AS x3,
                   sum(CASE WHEN reason = 4 THEN lines ELSE 0 END) AS x4,
                   sum(CASE WHEN reason = 5 THEN lines ELSE 0 END) AS x5,
                   sum(CASE WHEN reason = 6 THEN lines ELSE 0 END) AS x6,
                   sum(CASE WHEN reason = 7 THEN lines ELSE 0 END) AS x7,
                   sum(CASE WHEN reason = 0 THEN quantity ELSE 0 END) AS quantity,
                   sum(CASE WHEN reason = 0 THEN net_minor ELSE 0 END) AS net_minor,
                   min(first_sale) AS first_sale,
                   max(CASE WHEN reason = 0 THEN last_sale END) AS last_counted,
                   max(reason = 0 AND named IS 1) AS qualifies
            FROM classified
            GROUP BY reseller_id, customer_id
        )
        SELECT reseller_id, sum(total), sum(counted),
               sum(x1), sum(x2), sum(x3), sum(x4), sum(x5), sum(x6), sum(x7),
               sum(quantity), sum(net_minor),
               sum(counted > 0 AND first_sale >= :sales_from),
               max(last_counted), max(qualifies)
        FROM customers
        GROUP BY reseller_id
        ORDER BY reseller_id"
    )
}

/// Every line of the ledger, in one sequential pass.
const ALL_LINES: &str = "agreement_lines AS l, (SELECT NULL AS named)";

/// The lines of the resellers in `:scope` (a JSON array of
/// `{"reseller": id, "agreement": number-or-null}`), through the reseller index.
const SCOPE_LINES: &str = "(SELECT value->>'reseller' AS reseller, value->>'agreement' AS named
                            FROM json_each(:scope)) AS s
                           JOIN agreement_lines AS l ON l.reseller_id = s.reseller";

/// Counts the offer's sales per reseller as of `evaluated_on` (the date
/// returns are judged on). Resellers without lines are absent.
pub fn aggregate(
    conn: &Connection,
    offer: &Offer,
    evaluated_on: NaiveDate,
    scope: Scope<'_>,
) -> rusqlite::Result<Vec<ResellerSales>> {
    let criteria = Criteria::new(offer, evaluated_on);
    let mut params = criteria.params();
    let scope_json;
    let sql = match scope {
        Scope::All => aggregation_sql(ALL_LINES),
        Scope::Resellers(entries) => {
            // A reseller named twice would have its lines counted twice.
            let mut seen = std::collections::HashSet::new();
            scope_json = json!(
                entries
                    .iter()
                    .filter(|e| seen.insert(e.reseller_id.as_str()))
                    .map(|e| json!({"reseller": e.reseller_id, "agreement": e.agreement_number}))
                    .collect::<Vec<_>>()
            )
            .to_string();
            params.push((":scope", &scope_json));
            aggregation_sql(SCOPE_LINES)
        }
    };
    let with_agreement = matches!(scope, Scope::Resellers(_));
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(params.as_slice(), |row| {
        let count = |i: usize| -> rusqlite::Result<u64> {
            Ok(u64::try_from(row.get::<_, i64>(i)?).unwrap_or(0))
        };
        let mut excluded = [0u64; 7];
        for (i, slot) in excluded.iter_mut().enumerate() {
            *slot = count(3 + i)?;
        }
        let qualifies: Option<i64> = row.get(14)?;
        Ok(ResellerSales {
            reseller_id: row.get(0)?,
            lines_total: count(1)?,
            figures: SalesFigures {
                lines_counted: count(2)?,
                excluded,
                quantity: row.get(10)?,
                net_minor: row.get(11)?,
                new_customers: count(12)?,
                last_counted_sale: row.get(13)?,
            },
            agreement_qualifies: with_agreement.then_some(qualifies == Some(1)),
        })
    })?;
    rows.collect()
}

/// One reseller's figures (zero when it has no lines), with whether the
/// named agreement qualifies.
pub fn aggregate_one(
    conn: &Connection,
    offer: &Offer,
    evaluated_on: NaiveDate,
    reseller_id: &str,
    agreement_number: Option<&str>,
) -> rusqlite::Result<ResellerSales> {
    let entry = [ScopeEntry {
        reseller_id: reseller_id.to_string(),
        agreement_number: agreement_number.map(str::to_string),
    }];
    let found = aggregate(conn, offer, evaluated_on, Scope::Resellers(&entry))?;
    Ok(found.into_iter().next().unwrap_or_else(|| ResellerSales {
        reseller_id: reseller_id.to_string(),
        agreement_qualifies: Some(false),
        ..ResellerSales::default()
    }))
}

/// Records, for each of `claim_ids`, the lines its reseller has counted as
/// of `evaluated_on` (replacing any recorded before), so a later return of
/// one of them can be seen. One statement for all the claims.
pub fn record_counted_lines(
    tx: &Transaction<'_>,
    offer: &Offer,
    evaluated_on: NaiveDate,
    claim_ids: &[i64],
) -> rusqlite::Result<usize> {
    let ids = json!(claim_ids).to_string();
    tx.execute(
        "DELETE FROM claim_lines WHERE claim_id IN (SELECT value FROM json_each(?1))",
        [&ids],
    )?;
    let criteria = Criteria::new(offer, evaluated_on);
    let mut params = criteria.params();
    params.push((":claims", &ids));
    tx.execute(
        &format!(
            "INSERT INTO claim_lines (claim_id, agreement_number, line)
             SELECT c.id, l.agreement_number, l.line
             FROM json_each(:claims) AS j
             JOIN claims AS c ON c.id = j.value
             JOIN agreement_lines AS l ON l.reseller_id = c.reseller_id
             WHERE ({REASON}) = 0"
        ),
        params.as_slice(),
    )
}

/// The lines a claim's fixed amount counted: (agreement number, line).
pub fn counted_lines(conn: &Connection, claim_id: i64) -> rusqlite::Result<Vec<(String, i64)>> {
    let mut stmt = conn.prepare(
        "SELECT agreement_number, line FROM claim_lines WHERE claim_id = ?1
         ORDER BY agreement_number, line",
    )?;
    stmt.query_map([claim_id], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect()
}

/// The latest sale_date among the lines a claim's fixed amount counted.
pub fn last_counted_sale(conn: &Connection, claim_id: i64) -> rusqlite::Result<Option<NaiveDate>> {
    conn.query_row(
        "SELECT max(l.sale_date) FROM claim_lines AS c
         JOIN agreement_lines AS l
           ON l.agreement_number = c.agreement_number AND l.line = c.line
         WHERE c.claim_id = ?1",
        [claim_id],
        |row| row.get(0),
    )
}

/// The reseller an agreement belongs to; `None` when the ledger has no such
/// agreement.
pub fn agreement_owner(conn: &Connection, number: &str) -> rusqlite::Result<Option<String>> {
    conn.query_row(
        "SELECT reseller_id FROM agreement_lines WHERE agreement_number = ?1 LIMIT 1",
        [number],
        |row| row.get(0),
    )
    .optional()
}

/// The owners of several agreements at once (unknown ones are absent).
pub fn agreement_owners(
    conn: &Connection,
    numbers: &[&str],
) -> rusqlite::Result<HashMap<String, String>> {
    let list = json!(numbers).to_string();
    let mut stmt = conn.prepare(
        "SELECT l.agreement_number, min(l.reseller_id)
         FROM json_each(?1) AS j
         JOIN agreement_lines AS l ON l.agreement_number = j.value
         GROUP BY l.agreement_number",
    )?;
    stmt.query_map([&list], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect()
}

#[cfg(test)]
pub mod tests {
    use super::*;
    use crate::domain::offer::tests::{date, example_offer};

    pub fn ledger() -> Connection {
        let mut conn = Connection::open_in_memory().unwrap();
        crate::ledger::schema::migrations()
            .to_latest(&mut conn)
            .unwrap();
        conn
    }

    /// A line with the example offer's qualifying values unless overridden.
    pub struct Line<'a> {
        pub agreement: &'a str,
        pub line: i64,
        pub reseller: &'a str,
        pub customer: &'a str,
        pub segment: &'a str,
        pub country: &'a str,
        pub sale_date: &'a str,
        pub product: &'a str,
        pub license_type: &'a str,
        pub quantity: i64,
        pub net_minor: i64,
        pub currency: &'a str,
        pub returned_on: Option<&'a str>,
    }

    pub fn line<'a>(agreement: &'a str, number: i64, reseller: &'a str) -> Line<'a> {
        Line {
            agreement,
            line: number,
            reseller,
            customer: "C1",
            segment: "commercial",
            country: "NO",
            sale_date: "2015-08-01",
            product: "Office 365 E3",
            license_type: "cloud-open",
            quantity: 1,
            net_minor: 10_000,
            currency: "NOK",
            returned_on: None,
        }
    }

    pub fn insert(conn: &Connection, l: &Line<'_>) {
        conn.execute(
            "INSERT INTO agreement_lines VALUES (?1, ?2, ?3, ?4, 'Customer', ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            rusqlite::params![
                l.agreement, l.line, l.reseller, l.customer, l.segment, l.country, l.sale_date,
                l.product, l.license_type, l.quantity, l.net_minor, l.currency, l.returned_on
            ],
        )
        .unwrap();
    }

    fn one(conn: &Connection, reseller: &str, agreement: Option<&str>, on: &str) -> ResellerSales {
        aggregate_one(conn, &example_offer(), date(on), reseller, agreement).unwrap()
    }

    #[test]
    fn each_exclusion_reason_is_counted_under_the_first_failing_one() {
        let conn = ledger();
        insert(&conn, &line("V1", 1, "r1"));
        insert(
            &conn,
            &Line {
                sale_date: "2015-06-30",
                product: "Other",
                ..line("V1", 2, "r1")
            },
        );
        insert(
            &conn,
            &Line {
                sale_date: "2016-01-01",
                ..line("V1", 3, "r1")
            },
        );
        insert(
            &conn,
            &Line {
                product: "Visio",
                license_type: "retail",
                ..line("V1", 4, "r1")
            },
        );
        insert(
            &conn,
            &Line {
                license_type: "retail",
                segment: "education",
                ..line("V1", 5, "r1")
            },
        );
        insert(
            &conn,
            &Line {
                segment: "government",
                country: "SE",
                ..line("V1", 6, "r1")
            },
        );
        insert(
            &conn,
            &Line {
                country: "SE",
                currency: "SEK",
                ..line("V1", 7, "r1")
            },
        );
        insert(
            &conn,
            &Line {
                currency: "SEK",
                returned_on: Some("2015-08-02"),
                ..line("V1", 8, "r1")
            },
        );
        insert(
            &conn,
            &Line {
                returned_on: Some("2015-08-02"),
                ..line("V1", 9, "r1")
            },
        );
        // returned after the evaluation date: still counts
        insert(
            &conn,
            &Line {
                returned_on: Some("2015-09-02"),
                quantity: 4,
                ..line("V1", 10, "r1")
            },
        );
        let sales = one(&conn, "r1", Some("V1"), "2015-09-01");
        assert_eq!(sales.lines_total, 10);
        assert_eq!(sales.figures.lines_counted, 2);
        assert_eq!(sales.figures.excluded, [2, 1, 1, 1, 1, 1, 1]);
        assert_eq!(sales.figures.quantity, 5);
        assert_eq!(sales.figures.net_minor, 20_000);
        assert_eq!(sales.agreement_qualifies, Some(true));
        // on the return date the line is returned
        let sales = one(&conn, "r1", Some("V1"), "2015-09-02");
        assert_eq!(sales.figures.excluded[6], 2);
        assert_eq!(sales.figures.quantity, 1);
    }

    #[test]
    fn sales_window_edges_are_inclusive() {
        let conn = ledger();
        insert(
            &conn,
            &Line {
                sale_date: "2015-07-01",
                ..line("V1", 1, "r1")
            },
        );
        insert(
            &conn,
            &Line {
                sale_date: "2015-12-31",
                ..line("V1", 2, "r1")
            },
        );
        insert(
            &conn,
            &Line {
                sale_date: "2015-06-30",
                ..line("V1", 3, "r1")
            },
        );
        let sales = one(&conn, "r1", None, "2016-01-31");
        assert_eq!(sales.figures.lines_counted, 2);
        assert_eq!(sales.figures.last_counted_sale, Some(date("2015-12-31")));
        assert_eq!(sales.agreement_qualifies, Some(false));
    }

    #[test]
    fn new_customers() {
        let conn = ledger();
        // C1: first sold to before sales_from: not new, though it has a counted line
        insert(
            &conn,
            &Line {
                customer: "C1",
                sale_date: "2015-03-01",
                product: "Visio",
                ..line("V1", 1, "r1")
            },
        );
        insert(
            &conn,
            &Line {
                customer: "C1",
                ..line("V2", 1, "r1")
            },
        );
        // C2: first sold to in the window, counted: new (two lines, one customer)
        insert(
            &conn,
            &Line {
                customer: "C2",
                ..line("V3", 1, "r1")
            },
        );
        insert(
            &conn,
            &Line {
                customer: "C2",
                ..line("V3", 2, "r1")
            },
        );
        // C3: first sold to in the window but nothing counts: not new
        insert(
            &conn,
            &Line {
                customer: "C3",
                segment: "education",
                ..line("V4", 1, "r1")
            },
        );
        // C4: first sale on sales_from exactly, counted: new
        insert(
            &conn,
            &Line {
                customer: "C4",
                sale_date: "2015-07-01",
                ..line("V5", 1, "r1")
            },
        );
        // C2 is not new for r2 just because r1 sold to it: r2's own first sale counts
        insert(
            &conn,
            &Line {
                customer: "C2",
                ..line("V6", 1, "r2")
            },
        );
        insert(
            &conn,
            &Line {
                customer: "C1",
                sale_date: "2015-06-30",
                ..line("V7", 1, "r2")
            },
        );
        insert(
            &conn,
            &Line {
                customer: "C1",
                ..line("V7", 2, "r2")
            },
        );
        assert_eq!(
            one(&conn, "r1", None, "2015-12-01").figures.new_customers,
            2
        );
        assert_eq!(
            one(&conn, "r2", None, "2015-12-01").figures.new_customers,
            1
        );
    }

    #[test]
    fn all_and_one_give_the_same_figures() {
        let conn = ledger();
        insert(&conn, &line("V1", 1, "r1"));
        insert(
            &conn,
            &Line {
                quantity: 3,
                ..line("V1", 2, "r1")
            },
        );
        insert(
            &conn,
            &Line {
                customer: "C9",
                ..line("V2", 1, "r2")
            },
        );
        insert(
            &conn,
            &Line {
                currency: "SEK",
                ..line("V3", 1, "r3")
            },
        );
        let all = aggregate(&conn, &example_offer(), date("2015-12-01"), Scope::All).unwrap();
        assert_eq!(all.len(), 3);
        for sales in &all {
            let single = one(&conn, &sales.reseller_id, None, "2015-12-01");
            assert_eq!(single.figures, sales.figures);
            assert_eq!(single.lines_total, sales.lines_total);
            assert_eq!(sales.agreement_qualifies, None);
        }
        assert_eq!(all[0].figures.quantity, 4);
        assert_eq!(all[2].figures.lines_counted, 0);
    }

    #[test]
    fn a_reseller_without_lines_has_zero_figures() {
        let conn = ledger();
        let sales = one(&conn, "nobody", Some("V1"), "2015-12-01");
        assert_eq!(sales.lines_total, 0);
        assert_eq!(sales.figures, SalesFigures::default());
        assert_eq!(sales.agreement_qualifies, Some(false));
    }

    #[test]
    fn an_agreement_of_another_reseller_does_not_qualify() {
        let conn = ledger();
        insert(&conn, &line("V1", 1, "r1"));
        insert(&conn, &line("V2", 1, "r2"));
        assert_eq!(
            one(&conn, "r1", Some("V2"), "2015-12-01").agreement_qualifies,
            Some(false)
        );
        assert_eq!(agreement_owner(&conn, "V2").unwrap().as_deref(), Some("r2"));
        assert_eq!(agreement_owner(&conn, "V3").unwrap(), None);
        let owners = agreement_owners(&conn, &["V1", "V2", "V3"]).unwrap();
        assert_eq!(owners.len(), 2);
        assert_eq!(owners["V1"], "r1");
    }

    #[test]
    fn empty_criteria_lists_mean_any() {
        let conn = ledger();
        insert(
            &conn,
            &Line {
                product: "Anything",
                license_type: "x",
                segment: "charity",
                country: "SE",
                ..line("V1", 1, "r1")
            },
        );
        let mut offer = example_offer();
        offer.criteria.products.clear();
        offer.criteria.license_types.clear();
        offer.criteria.segments.clear();
        offer.regions.clear();
        let sales = aggregate_one(&conn, &offer, date("2015-12-01"), "r1", None).unwrap();
        assert_eq!(sales.figures.lines_counted, 1);
    }

    #[test]
    fn queries_use_the_reseller_index_for_one_reseller() {
        let conn = ledger();
        let offer = example_offer();
        let criteria = Criteria::new(&offer, date("2015-12-01"));
        let mut params = criteria.params();
        let scope = r#"[{"reseller":"r1","agreement":null}]"#.to_string();
        params.push((":scope", &scope));
        let mut stmt = conn
            .prepare(&format!(
                "EXPLAIN QUERY PLAN {}",
                aggregation_sql(SCOPE_LINES)
            ))
            .unwrap();
        let plan: Vec<String> = stmt
            .query_map(params.as_slice(), |row| row.get(3))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert!(
            plan.iter().any(|p| p.contains("agreement_lines_reseller")),
            "{plan:?}"
        );
    }
}
