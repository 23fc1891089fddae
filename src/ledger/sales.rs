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

/// The aggregation, in two steps chosen so that SQLite streams the big one:
///
/// 1. `lines` gives each line's first failing reason (computed once per line)
///    in agreement order, and `agreements` folds the lines of each agreement
///    into one row as they stream past. The agreement's lines share its
///    reseller and customer (the import keeps an agreement's header fields
///    equal on all its lines), so both are taken from the group as they are.
///    `LIMIT -1` keeps SQLite from flattening `lines` into `agreements`, which
///    would repeat the reason's CASE in every aggregate; its `ORDER BY` is
///    the table's own order when every line is read, so nothing is sorted.
/// 2. The agreements are summed per reseller. A customer is new when the
///    reseller's first-ever sale to it is on/after sales_from and one of its
///    lines counts: for the customers of counted agreements only, one probe
///    of the reseller index finds whether the reseller sold to it earlier.
///
/// `:scope` names the agreement of each reseller's claim (if any); it is
/// bound as `[]` when every reseller is counted.
fn aggregation_sql(source: &str) -> String {
    format!(
        "WITH lines AS (
            SELECT l.agreement_number, l.reseller_id, l.customer_id, l.sale_date,
                   l.quantity, l.net_minor, {REASON} AS reason
            FROM {source}
            ORDER BY l.agreement_number LIMIT -1
        ),
        agreements AS (
            SELECT reseller_id, customer_id,
                   count(*) AS total,
                   count(*) FILTER (WHERE reason = 0) AS counted,
                   count(*) FILTER (WHERE reason = 1) AS x1,
                   count(*) FILTER (WHERE reason = 2) AS x2,
                   count(*) FILTER (WHERE reason = 3) AS x3,
                   count(*) FILTER (WHERE reason = 4) AS x4,
                   count(*) FILTER (WHERE reason = 5) AS x5,
                   count(*) FILTER (WHERE reason = 6) AS x6,
                   count(*) FILTER (WHERE reason = 7) AS x7,
                   sum(quantity) FILTER (WHERE reason = 0) AS quantity,
                   sum(net_minor) FILTER (WHERE reason = 0) AS net_minor,
                   max(sale_date) FILTER (WHERE reason = 0) AS last_counted,
                   CASE WHEN count(*) FILTER (WHERE reason = 0) > 0
                         AND reseller_id || char(31) || agreement_number IN (
                             SELECT (value->>'reseller') || char(31) || (value->>'agreement')
                             FROM json_each(:scope) WHERE value->>'agreement' IS NOT NULL)
                        THEN 1 ELSE 0 END AS qualifies
            FROM lines
            GROUP BY agreement_number
        )
        SELECT reseller_id, sum(total), sum(counted),
               sum(x1), sum(x2), sum(x3), sum(x4), sum(x5), sum(x6), sum(x7),
               coalesce(sum(quantity), 0), coalesce(sum(net_minor), 0),
               count(DISTINCT customer_id) FILTER (WHERE counted > 0 AND NOT EXISTS (
                   SELECT 1 FROM agreement_lines AS e
                   WHERE e.reseller_id = agreements.reseller_id
                     AND e.customer_id = agreements.customer_id
                     AND e.sale_date < :sales_from)),
               max(last_counted), max(qualifies)
        FROM agreements
        GROUP BY reseller_id
        ORDER BY reseller_id"
    )
}

/// Every line of the ledger, in one sequential pass.
const ALL_LINES: &str = "agreement_lines AS l";

/// The lines of the resellers in `:scope` (a JSON array of
/// `{"reseller": id, "agreement": number-or-null}`), through the reseller
/// index: for a few resellers.
const SCOPE_BY_INDEX: &str = "(SELECT value->>'reseller' AS reseller FROM json_each(:scope)) AS s
                              JOIN agreement_lines AS l ON l.reseller_id = s.reseller";

/// The same lines in one sequential pass, for resellers that hold a good
/// part of the ledger's lines: looking each line up through the index would
/// cost more than reading them all. The `+` keeps the planner off the index.
const SCOPE_BY_SCAN: &str = "agreement_lines AS l
                             WHERE +l.reseller_id IN (SELECT value->>'reseller' FROM json_each(:scope))";

/// Whether the resellers of `scope` hold more than a quarter of the lines,
/// where one sequential pass beats a look-up per line (measured: looking a
/// line up through the index costs about four times reading it in order).
/// Both counts read only the reseller index.
fn scope_holds_many_lines(conn: &Connection, scope: &str) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT (SELECT count(*) FROM agreement_lines
                 WHERE reseller_id IN (SELECT value->>'reseller' FROM json_each(?1))) * 4
                > (SELECT count(*) FROM agreement_lines)",
        [scope],
        |row| row.get(0),
    )
}

/// Counts the offer's sales per reseller as of `evaluated_on` (the date
/// returns are judged on). Resellers without lines are absent.
pub fn aggregate(
    conn: &Connection,
    offer: &Offer,
    evaluated_on: NaiveDate,
    scope: Scope<'_>,
) -> rusqlite::Result<Vec<ResellerSales>> {
    let criteria = Criteria::new(offer, evaluated_on);
    let (scope_json, source) = match scope {
        Scope::All => ("[]".to_string(), ALL_LINES),
        Scope::Resellers(entries) => {
            // A reseller named twice would have its lines counted twice.
            let mut seen = std::collections::HashSet::new();
            let scope_json = json!(
                entries
                    .iter()
                    .filter(|e| seen.insert(e.reseller_id.as_str()))
                    .map(|e| json!({"reseller": e.reseller_id, "agreement": e.agreement_number}))
                    .collect::<Vec<_>>()
            )
            .to_string();
            let source = if seen.len() > 1 && scope_holds_many_lines(conn, &scope_json)? {
                SCOPE_BY_SCAN
            } else {
                SCOPE_BY_INDEX
            };
            (scope_json, source)
        }
    };
    let with_agreement = matches!(scope, Scope::Resellers(_));
    run_aggregation(conn, &criteria, &scope_json, source, with_agreement)
}

/// Runs the aggregation over `source` (one of the line sources above).
fn run_aggregation(
    conn: &Connection,
    criteria: &Criteria,
    scope_json: &str,
    source: &str,
    with_agreement: bool,
) -> rusqlite::Result<Vec<ResellerSales>> {
    let mut params = criteria.params();
    params.push((":scope", &scope_json));
    let mut stmt = conn.prepare(&aggregation_sql(source))?;
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

    fn plan(source: &str, scope: &str) -> Vec<String> {
        let conn = ledger();
        let offer = example_offer();
        let criteria = Criteria::new(&offer, date("2015-12-01"));
        let mut params = criteria.params();
        let scope = scope.to_string();
        params.push((":scope", &scope));
        let mut stmt = conn
            .prepare(&format!("EXPLAIN QUERY PLAN {}", aggregation_sql(source)))
            .unwrap();
        stmt.query_map(params.as_slice(), |row| row.get(3))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    }

    #[test]
    fn queries_use_the_reseller_index_for_one_reseller() {
        let plan = plan(SCOPE_BY_INDEX, r#"[{"reseller":"r1","agreement":null}]"#);
        assert!(
            plan.iter()
                .any(|p| p.contains("agreement_lines_reseller (reseller_id=?)")),
            "{plan:?}"
        );
    }

    #[test]
    fn every_line_is_read_once_in_table_order_without_sorting_the_lines() {
        for source in [ALL_LINES, SCOPE_BY_SCAN] {
            let plan = plan(source, "[]");
            // the lines stream in the table's own order: no look-up through
            // the reseller index per line, no sort before the agreements
            assert!(plan.iter().any(|p| p == "SCAN l"), "{plan:?}");
            assert!(
                !plan.iter().any(|p| p.contains("FOR ORDER BY")
                    || p.contains("TERMS OF ORDER BY")
                    || p.starts_with("SCAN l USING")),
                "{plan:?}"
            );
        }
    }

    /// Lines of several resellers and customers, some before the window.
    fn several_resellers(conn: &Connection) {
        let resellers = ["r1", "r2", "r3", "r4"];
        for (i, reseller) in resellers.iter().enumerate() {
            for n in 0..6_i64 {
                let agreement = format!("V{i}{n}");
                let customer = format!("C{}", n % 3);
                let sale_date = if n == 0 { "2015-06-01" } else { "2015-08-01" };
                for line_no in 1..=(1 + n % 3) {
                    insert(
                        conn,
                        &Line {
                            customer: &customer,
                            sale_date,
                            quantity: n + line_no,
                            product: if line_no == 2 {
                                "Visio"
                            } else {
                                "Office 365 E3"
                            },
                            returned_on: (n == 4 && line_no == 1).then_some("2015-08-05"),
                            ..line(&agreement, line_no, reseller)
                        },
                    );
                }
            }
        }
    }

    #[test]
    fn the_scan_and_the_index_give_the_same_figures() {
        let conn = ledger();
        several_resellers(&conn);
        let offer = example_offer();
        let criteria = Criteria::new(&offer, date("2015-12-01"));
        let scope = r#"[{"reseller":"r1","agreement":"V01"},{"reseller":"r2","agreement":"V10"},
                        {"reseller":"r4","agreement":"V35"}]"#;
        let by_index = run_aggregation(&conn, &criteria, scope, SCOPE_BY_INDEX, true).unwrap();
        let by_scan = run_aggregation(&conn, &criteria, scope, SCOPE_BY_SCAN, true).unwrap();
        assert_eq!(by_index, by_scan);
        let ids: Vec<&str> = by_scan.iter().map(|s| s.reseller_id.as_str()).collect();
        assert_eq!(ids, ["r1", "r2", "r4"]);
        // V10 is sold before the window: it does not qualify
        let qualifies: Vec<Option<bool>> = by_scan.iter().map(|s| s.agreement_qualifies).collect();
        assert_eq!(qualifies, [Some(true), Some(false), Some(true)]);
        // and every reseller's figures equal its own one-reseller count and
        // its row of the whole-ledger count
        let all = aggregate(&conn, &offer, date("2015-12-01"), Scope::All).unwrap();
        for sales in &by_scan {
            let single = one(&conn, &sales.reseller_id, None, "2015-12-01");
            assert_eq!(single.figures, sales.figures);
            let row = all
                .iter()
                .find(|a| a.reseller_id == sales.reseller_id)
                .unwrap();
            assert_eq!(row.figures, sales.figures);
            assert_eq!(row.lines_total, sales.lines_total);
            assert_eq!(sales.lines_total, 12);
            // C0 was first sold to before the window; C1 and C2 are new
            assert_eq!(sales.figures.new_customers, 2);
            assert_eq!(sales.figures.excluded[0], 1);
            assert_eq!(sales.figures.excluded[1], 4);
            assert_eq!(sales.figures.excluded[6], 1);
        }
    }

    #[test]
    fn an_agreement_named_by_another_reseller_does_not_qualify_for_its_owner() {
        let conn = ledger();
        insert(&conn, &line("V1", 1, "r1"));
        insert(&conn, &line("V2", 1, "r2"));
        insert(
            &conn,
            &Line {
                segment: "education",
                ..line("V3", 1, "r2")
            },
        );
        let offer = example_offer();
        let criteria = Criteria::new(&offer, date("2015-12-01"));
        // r1 names r2's V2; r2 names its own V3, which does not count
        let scope = r#"[{"reseller":"r1","agreement":"V2"},{"reseller":"r2","agreement":"V3"}]"#;
        for source in [SCOPE_BY_INDEX, SCOPE_BY_SCAN] {
            let found = run_aggregation(&conn, &criteria, scope, source, true).unwrap();
            let qualifies: Vec<Option<bool>> =
                found.iter().map(|s| s.agreement_qualifies).collect();
            assert_eq!(qualifies, [Some(false), Some(false)], "{source}");
        }
    }

    #[test]
    fn a_scope_holding_most_lines_is_read_in_one_pass() {
        let conn = ledger();
        several_resellers(&conn);
        insert(&conn, &line("W1", 1, "small"));
        let scope = |ids: &[&str]| {
            json!(
                ids.iter()
                    .map(|r| json!({"reseller": r}))
                    .collect::<Vec<_>>()
            )
            .to_string()
        };
        assert!(scope_holds_many_lines(&conn, &scope(&["r1", "r2"])).unwrap());
        // 12 of 49 lines: under a quarter
        assert!(!scope_holds_many_lines(&conn, &scope(&["r1", "nobody"])).unwrap());
        assert!(!scope_holds_many_lines(&conn, &scope(&["nobody", "small"])).unwrap());
    }
}
