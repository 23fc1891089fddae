//! `agreement import|list|show` and `export agreements` (SPEC sections 5, 8).

mod common;

use common::{CSV_HEADER, TestLedger};
use serde_json::Value;

/// A valid row: `V100000N`, line, reseller, quantity, amount, returned_on.
fn row(
    number: u32,
    line: u32,
    reseller: &str,
    quantity: u32,
    amount: &str,
    returned: &str,
) -> String {
    format!(
        "V{number:07},{line},{reseller},C{number},\"Kunde {number}, AS\",commercial,NO,2015-08-14,Office 365 E3,cloud-open,{quantity},{amount},NOK,{returned}"
    )
}

fn csv(rows: &[String]) -> String {
    let mut text = String::from(CSV_HEADER);
    text.push('\n');
    for row in rows {
        text.push_str(row);
        text.push('\n');
    }
    text
}

fn sample() -> String {
    csv(&[
        row(1, 1, "nordic-it", 10, "1234.50", ""),
        row(1, 2, "nordic-it", 5, "99.00", ""),
        row(2, 1, "fjord-data", 3, "10.00", ""),
    ])
}

fn import(ledger: &TestLedger, name: &str, content: &str, extra: &[&str]) -> Value {
    let path = ledger.write_file(name, content);
    let mut args = vec!["agreement", "import", path.to_str().unwrap()];
    args.extend_from_slice(extra);
    ledger.json(&args)
}

fn counts(summary: &Value) -> (i64, i64, i64, i64) {
    let n = |k: &str| {
        summary[k]
            .as_i64()
            .unwrap_or_else(|| panic!("{k} in {summary}"))
    };
    (n("new"), n("updated"), n("unchanged"), n("rejected"))
}

/// The audit events as (action, entity, details), read from the ledger file.
fn events(ledger: &TestLedger) -> Vec<(String, String, Value)> {
    let conn = rusqlite::Connection::open(&ledger.path).unwrap();
    let mut stmt = conn
        .prepare("SELECT action, entity, details FROM events ORDER BY seq")
        .unwrap();
    stmt.query_map([], |r| {
        let details: String = r.get(2)?;
        Ok((
            r.get(0)?,
            r.get(1)?,
            serde_json::from_str(&details).unwrap(),
        ))
    })
    .unwrap()
    .map(Result::unwrap)
    .collect()
}

#[test]
fn imports_lists_and_shows() {
    let ledger = TestLedger::new();
    let summary = import(&ledger, "sales.csv", &sample(), &[]);
    assert_eq!(counts(&summary), (3, 0, 0, 0));

    let list = ledger.json(&["agreement", "list"]);
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0]["agreement_number"], "V0000001");
    assert_eq!(list[0]["lines"], 2);
    assert_eq!(list[0]["quantity"], 15);
    assert_eq!(list[0]["net_amount"], "1333.50");
    assert_eq!(list[0]["customer_name"], "Kunde 1, AS");

    let mine = ledger.json(&["agreement", "list", "--reseller", "fjord-data"]);
    assert_eq!(mine.as_array().unwrap().len(), 1);
    assert_eq!(mine[0]["agreement_number"], "V0000002");

    let shown = ledger.json(&["agreement", "show", "V0000001"]);
    assert_eq!(shown["reseller_id"], "nordic-it");
    let lines = shown["lines"].as_array().unwrap();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["net_amount"], "1234.50");
    assert_eq!(lines[0]["quantity"], 10);
    assert_eq!(lines[1]["line"], 2);
    assert_eq!(lines[1]["returned_on"], Value::Null);
    let keys: Vec<&str> = lines[0]
        .as_object()
        .unwrap()
        .keys()
        .map(|k| k.as_str())
        .collect();
    assert_eq!(keys.join(","), CSV_HEADER);
}

#[test]
fn unknown_agreement_and_reseller_are_not_found() {
    let ledger = TestLedger::new();
    import(&ledger, "sales.csv", &sample(), &[]);
    ledger.refused(3, &["agreement", "show", "V9999999"]);
    ledger.refused(3, &["agreement", "list", "--reseller", "nobody"]);
}

#[test]
fn one_audit_event_per_import_and_none_when_unchanged() {
    let ledger = TestLedger::new();
    let content = sample();
    import(&ledger, "sales.csv", &content, &[]);
    let events = events(&ledger);
    let imports: Vec<&(String, String, Value)> = events
        .iter()
        .filter(|e| e.0 == "agreement.import")
        .collect();
    assert_eq!(imports.len(), 1);
    let details = &imports[0].2;
    assert_eq!(details["new"], 3);
    assert_eq!(details["updated"], 0);
    assert_eq!(details["rejected"], 0);
    assert!(details["file"].as_str().unwrap().ends_with("sales.csv"));
    use sha2::Digest;
    let expected: String = sha2::Sha256::digest(content.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(details["sha256"], expected);

    let before = ledger.dump();
    let again = import(&ledger, "sales.csv", &content, &[]);
    assert_eq!(counts(&again), (0, 0, 3, 0));
    assert_eq!(
        before,
        ledger.dump(),
        "an unchanged re-import writes nothing"
    );
}

#[test]
fn a_changed_row_is_updated() {
    let ledger = TestLedger::new();
    import(&ledger, "sales.csv", &sample(), &[]);
    let later = csv(&[
        row(1, 1, "nordic-it", 10, "1234.50", ""),
        row(1, 2, "nordic-it", 5, "99.00", "2015-09-01"),
        row(3, 1, "nordic-it", 1, "1.00", ""),
    ]);
    let summary = import(&ledger, "returns.csv", &later, &[]);
    assert_eq!(counts(&summary), (1, 1, 1, 0));
    let shown = ledger.json(&["agreement", "show", "V0000001"]);
    assert_eq!(shown["lines"][1]["returned_on"], "2015-09-01");
    // V0000002 is not in the second file and stays as it was
    assert_eq!(
        ledger.json(&["agreement", "show", "V0000002"])["lines"][0]["quantity"],
        3
    );
}

#[test]
fn columns_in_any_order() {
    let ledger = TestLedger::new();
    let header: Vec<&str> = CSV_HEADER.split(',').rev().collect();
    let content = format!(
        "{}\n,NOK,10.00,2,cloud-open,Office 365 E3,2015-08-14,NO,commercial,\"Blåbær \"\"Øst\"\" AS\",C9,nordic-it,1,V0000009\n",
        header.join(",")
    );
    assert_eq!(
        counts(&import(&ledger, "reversed.csv", &content, &[])),
        (1, 0, 0, 0)
    );
    let shown = ledger.json(&["agreement", "show", "V0000009"]);
    assert_eq!(shown["customer_name"], "Blåbær \"Øst\" AS");
    assert_eq!(shown["lines"][0]["net_amount"], "10.00");
}

#[test]
fn header_only_imports_nothing_and_empty_file_is_invalid() {
    let ledger = TestLedger::new();
    let before = ledger.dump();
    assert_eq!(
        counts(&import(&ledger, "h.csv", &format!("{CSV_HEADER}\n"), &[])),
        (0, 0, 0, 0)
    );
    assert_eq!(before, ledger.dump());
    let path = ledger.write_file("empty.csv", "");
    let stderr = ledger.refused(4, &["agreement", "import", path.to_str().unwrap()]);
    assert!(stderr.contains("empty"), "{stderr}");
}

#[test]
fn missing_and_unknown_columns_are_named() {
    let ledger = TestLedger::new();
    let header = CSV_HEADER
        .replace(",segment", "")
        .replace("quantity", "qty");
    let path = ledger.write_file("bad-header.csv", &format!("{header}\n"));
    let stderr = ledger.refused(4, &["agreement", "import", path.to_str().unwrap()]);
    assert!(stderr.contains("unknown column `qty`"), "{stderr}");
    assert!(
        stderr.contains("missing column segment, quantity"),
        "{stderr}"
    );
    assert!(stderr.contains("bad-header.csv:1:"), "{stderr}");
}

/// Each invalid field is refused with exit 4, its line and field named, and
/// nothing imported (the valid rows of the file included).
#[test]
fn every_validation_names_line_and_field() {
    let ledger = TestLedger::new();
    let good = row(1, 1, "nordic-it", 1, "1.00", "");
    let cases: Vec<(String, &str)> = vec![
        (good.replace("V0000001", "v-1"), "agreement_number"),
        (good.replacen(",1,nordic-it", ",0,nordic-it", 1), "line"),
        (good.replacen(",1,nordic-it", ",1.0,nordic-it", 1), "line"),
        (good.replace("nordic-it", "nordic it"), "reseller_id"),
        (good.replace(",C1,", ",,"), "customer_id"),
        (good.replace("\"Kunde 1, AS\"", ""), "customer_name"),
        (good.replace("commercial", "private"), "segment"),
        (good.replace(",NO,", ",XX,"), "country"),
        (good.replace("2015-08-14", "14.08.2015"), "sale_date"),
        (good.replace("Office 365 E3", ""), "product"),
        (good.replace("cloud-open", ""), "license_type"),
        (good.replace("cloud-open,1,", "cloud-open,0,"), "quantity"),
        (good.replace("cloud-open,1,", "cloud-open,2.5,"), "quantity"),
        (good.replace("1.00,NOK", "-1.00,NOK"), "net_amount"),
        (good.replace("1.00,NOK", "1.001,NOK"), "net_amount"),
        (good.replace("1.00,NOK", "1e3,NOK"), "net_amount"),
        (good.replace("1.00,NOK", "\"1,5\",NOK"), "net_amount"),
        (good.replace("1.00,NOK", ".5,NOK"), "net_amount"),
        (good.replace("1.00,NOK", "+1,NOK"), "net_amount"),
        (good.replace(",NOK,", ",NOKK,"), "currency"),
        (format!("{good}2015-08-13"), "returned_on"),
        (format!("{good}2015-13-01"), "returned_on"),
    ];
    for (bad, field) in cases {
        let content = csv(&[row(5, 1, "nordic-it", 1, "1.00", ""), bad.clone()]);
        let path = ledger.write_file("bad.csv", &content);
        let stderr = ledger.refused(4, &["agreement", "import", path.to_str().unwrap()]);
        let expected = format!("bad.csv:3: {field}: ");
        assert!(
            stderr.contains(&expected),
            "{bad}: expected `{expected}` in {stderr}"
        );
        assert!(stderr.contains("nothing was imported"), "{stderr}");
    }
}

#[test]
fn a_record_with_the_wrong_number_of_fields_is_invalid() {
    let ledger = TestLedger::new();
    let content = csv(&[
        row(1, 1, "nordic-it", 1, "1.00", ""),
        "V0000002,1".to_string(),
    ]);
    let path = ledger.write_file("short.csv", &content);
    let stderr = ledger.refused(4, &["agreement", "import", path.to_str().unwrap()]);
    assert!(
        stderr.contains("short.csv:3: record: has 2 fields, the header has 14"),
        "{stderr}"
    );
}

#[test]
fn line_numbers_count_physical_lines() {
    let ledger = TestLedger::new();
    let multi = row(1, 1, "nordic-it", 1, "1.00", "").replace("Kunde 1, AS", "Kunde\n1 AS");
    let content = csv(&[multi, row(2, 1, "nordic-it", 0, "1.00", "")]);
    let path = ledger.write_file("multi.csv", &content);
    let stderr = ledger.refused(4, &["agreement", "import", path.to_str().unwrap()]);
    assert!(stderr.contains("multi.csv:4: quantity:"), "{stderr}");
}
