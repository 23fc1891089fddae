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

/// Runs `agreement import` with the file given as `-` and `stdin` fed to it.
fn import_stdin(ledger: &TestLedger, content: &[u8], extra: &[&str]) -> std::process::Output {
    let mut args = vec!["agreement", "import", "-", "--format", "json"];
    args.extend_from_slice(extra);
    ledger
        .cmd(&args)
        .write_stdin(content.to_vec())
        .output()
        .expect("run cashback")
}

#[test]
fn imports_from_stdin() {
    let ledger = TestLedger::new();
    let output = import_stdin(&ledger, sample().as_bytes(), &[]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let summary: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(counts(&summary), (3, 0, 0, 0));
    let details = &events(&ledger)[0].2;
    assert_eq!(details["file"], "stdin");
}

#[test]
fn a_key_repeated_in_the_file_is_invalid() {
    let ledger = TestLedger::new();
    let content = csv(&[
        row(1, 1, "nordic-it", 1, "1.00", ""),
        row(2, 1, "nordic-it", 1, "1.00", ""),
        row(1, 1, "nordic-it", 2, "1.00", ""),
    ]);
    let path = ledger.write_file("dup.csv", &content);
    let stderr = ledger.refused(4, &["agreement", "import", path.to_str().unwrap()]);
    assert!(
        stderr.contains("dup.csv:4: line: agreement V0000001 line 1 appears already on line 2"),
        "{stderr}"
    );
    assert!(!stderr.contains("dup.csv:2:"), "{stderr}");
}

#[test]
fn lines_of_one_agreement_must_agree_within_the_file() {
    let ledger = TestLedger::new();
    let content = csv(&[
        row(1, 2, "nordic-it", 1, "1.00", "").replace("2015-08-14", "2015-08-15"),
        row(1, 1, "nordic-it", 1, "1.00", ""),
        row(1, 3, "fjord-data", 1, "1.00", ""),
    ]);
    let path = ledger.write_file("mixed.csv", &content);
    let stderr = ledger.refused(4, &["agreement", "import", path.to_str().unwrap()]);
    // the lowest line number (line 1, on file line 3) is the reference
    assert!(
        stderr.contains("mixed.csv:2: sale_date: `2015-08-15` differs from `2015-08-14` on line 3"),
        "{stderr}"
    );
    assert!(
        stderr.contains("mixed.csv:4: reseller_id: `fjord-data` differs from `nordic-it`"),
        "{stderr}"
    );
    assert!(stderr.contains("2 invalid rows"), "{stderr}");
}

#[test]
fn header_fields_must_agree_with_the_ledger_unless_amending() {
    let ledger = TestLedger::new();
    import(&ledger, "sales.csv", &sample(), &[]);
    // a third line for V0000001 under another customer name
    let renamed =
        |line: u32| row(1, line, "nordic-it", 1, "1.00", "").replace("Kunde 1, AS", "Kunde Én AS");
    let content = csv(&[renamed(3)]);
    let path = ledger.write_file("renamed.csv", &content);
    let stderr = ledger.refused(4, &["agreement", "import", path.to_str().unwrap()]);
    assert!(
        stderr.contains("renamed.csv:2: customer_name: `Kunde Én AS` differs from `Kunde 1, AS` stored for agreement V0000001; use --amend"),
        "{stderr}"
    );

    // --amend: every line of the agreement takes the new values
    let summary = import(&ledger, "renamed.csv", &content, &["--amend"]);
    assert_eq!(counts(&summary), (1, 2, 0, 0));
    let shown = ledger.json(&["agreement", "show", "V0000001"]);
    assert_eq!(shown["customer_name"], "Kunde Én AS");
    for line in shown["lines"].as_array().unwrap() {
        assert_eq!(line["customer_name"], "Kunde Én AS");
    }
    assert_eq!(
        shown["lines"][0]["quantity"], 10,
        "other fields of stored lines are kept"
    );
    // the other agreement is untouched
    assert_eq!(
        ledger.json(&["agreement", "show", "V0000002"])["customer_name"],
        "Kunde 2, AS"
    );
    // and the same file again changes nothing
    let again = import(&ledger, "renamed.csv", &content, &["--amend"]);
    assert_eq!(counts(&again), (0, 0, 1, 0));
}

#[test]
fn amend_dry_run_counts_what_it_would_change() {
    let ledger = TestLedger::new();
    import(&ledger, "sales.csv", &sample(), &[]);
    let content =
        csv(&[row(1, 1, "nordic-it", 10, "1234.50", "").replace("commercial", "education")]);
    let before = ledger.dump();
    let summary = import(&ledger, "seg.csv", &content, &["--amend", "--dry-run"]);
    assert_eq!(counts(&summary), (0, 2, 0, 0));
    assert_eq!(before, ledger.dump());
    let summary = import(&ledger, "seg.csv", &content, &["--amend"]);
    assert_eq!(counts(&summary), (0, 2, 0, 0));
}

fn bad_and_good() -> String {
    csv(&[
        row(1, 1, "nordic-it", 10, "1234.50", ""),
        row(1, 2, "nordic-it", 0, "99.00", ""),
        row(2, 1, "fjord-data", 3, "10.00", ""),
        row(2, 1, "fjord-data", 3, "10.00", ""),
        row(3, 1, "fjord-data", 3, "10.5", "")
            .replace("fjord-data,C3", "fjord-data,C3X")
            .replace(",NOK,", ",EUR,"),
        "V0000004,1,short".to_string(),
    ])
}

#[test]
fn skip_invalid_writes_the_rejects_and_imports_the_rest() {
    let ledger = TestLedger::new();
    let rejects = ledger.dir.path().join("rejects.csv");
    let summary = import(
        &ledger,
        "mixed.csv",
        &bad_and_good(),
        &["--skip-invalid", "--rejects", rejects.to_str().unwrap()],
    );
    assert_eq!(counts(&summary), (3, 0, 0, 3));
    let text = std::fs::read_to_string(&rejects).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let header = reader.headers().unwrap().clone();
    assert_eq!(
        header.iter().collect::<Vec<_>>().join(","),
        format!("{CSV_HEADER},error")
    );
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), 3, "{text}");
    // exactly the bad rows, as read, in file order, with the problem last
    assert_eq!(&records[0][1], "2");
    assert_eq!(&records[0][10], "0");
    assert!(records[0][14].starts_with("quantity: "), "{text}");
    assert_eq!(&records[1][0], "V0000002");
    assert!(
        records[1][14].starts_with("line: agreement V0000002 line 1 appears already on line 4"),
        "{text}"
    );
    assert_eq!(&records[2][0], "V0000004");
    assert!(records[2][14].starts_with("record: has 3 fields"), "{text}");
    // the row with a different currency was fine on its own
    assert_eq!(
        ledger.json(&["agreement", "show", "V0000003"])["lines"][0]["net_amount"],
        "10.50"
    );

    // corrected and re-imported as it is (the error column is ignored)
    let corrected = text
        .replace(
            "nordic-it,C1,\"Kunde 1, AS\",commercial,NO,2015-08-14,Office 365 E3,cloud-open,0,",
            "nordic-it,C1,\"Kunde 1, AS\",commercial,NO,2015-08-14,Office 365 E3,cloud-open,5,",
        )
        .lines()
        .filter(|l| !l.starts_with("V0000002") && !l.starts_with("V0000004"))
        .collect::<Vec<_>>()
        .join("\n");
    let summary = import(&ledger, "rejects-fixed.csv", &corrected, &[]);
    assert_eq!(counts(&summary), (1, 0, 0, 0));
    assert_eq!(
        ledger.json(&["agreement", "show", "V0000001"])["lines"][1]["quantity"],
        5
    );
}

#[test]
fn a_rejects_file_replaces_an_existing_error_column() {
    let ledger = TestLedger::new();
    let content = format!(
        "error,{CSV_HEADER}\nold,{}\nolder,{}\n",
        row(1, 1, "nordic-it", 1, "1.00", ""),
        row(1, 2, "nordic-it", 0, "1.00", "")
    );
    let rejects = ledger.dir.path().join("again.csv");
    let summary = import(
        &ledger,
        "old-rejects.csv",
        &content,
        &["--skip-invalid", "--rejects", rejects.to_str().unwrap()],
    );
    assert_eq!(counts(&summary), (1, 0, 0, 1));
    let text = std::fs::read_to_string(&rejects).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], format!("{CSV_HEADER},error"));
    assert!(lines[1].starts_with("V0000001,2,"), "{text}");
    assert!(
        lines[1].ends_with(",quantity: `0` is not a positive whole number"),
        "{text}"
    );
    assert_eq!(lines.len(), 2);
}

#[test]
fn an_existing_rejects_file_is_refused_and_skip_needs_rejects() {
    let ledger = TestLedger::new();
    let path = ledger.write_file("mixed.csv", &bad_and_good());
    let existing = ledger.write_file("rejects.csv", "keep me");
    let stderr = ledger.refused(
        4,
        &[
            "agreement",
            "import",
            path.to_str().unwrap(),
            "--skip-invalid",
            "--rejects",
            existing.to_str().unwrap(),
        ],
    );
    assert!(stderr.contains("already exists"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&existing).unwrap(), "keep me");
    ledger.refused(
        2,
        &[
            "agreement",
            "import",
            path.to_str().unwrap(),
            "--skip-invalid",
        ],
    );
}

#[test]
fn dry_run_counts_and_writes_only_the_rejects() {
    let ledger = TestLedger::new();
    import(&ledger, "sales.csv", &sample(), &[]);
    let before = ledger.dump();
    let rejects = ledger.dir.path().join("dry-rejects.csv");
    let content = csv(&[
        row(1, 1, "nordic-it", 10, "1234.50", ""),
        row(1, 2, "nordic-it", 5, "99.00", "2015-09-01"),
        row(5, 1, "nordic-it", 1, "1.00", ""),
        row(6, 1, "nordic-it", 0, "1.00", ""),
    ]);
    let summary = import(
        &ledger,
        "dry.csv",
        &content,
        &[
            "--dry-run",
            "--skip-invalid",
            "--rejects",
            rejects.to_str().unwrap(),
        ],
    );
    assert_eq!(counts(&summary), (1, 1, 1, 1));
    assert_eq!(
        before,
        ledger.dump(),
        "a dry run writes nothing to the ledger"
    );
    assert_eq!(
        std::fs::read_to_string(&rejects).unwrap().lines().count(),
        2
    );
    // without --skip-invalid a dry run still refuses an invalid file
    let path = ledger.write_file("dry.csv", &content);
    ledger.refused(
        4,
        &["agreement", "import", path.to_str().unwrap(), "--dry-run"],
    );
}

#[test]
fn not_utf8_and_overlong_records_stop_the_import_whatever_the_flags() {
    let ledger = TestLedger::new();
    let mut latin1 = csv(&[row(1, 1, "nordic-it", 1, "1.00", "")]).into_bytes();
    latin1.extend_from_slice(
        b"V0000002,1,nordic-it,C2,Bl\xe5b\xe6r AS,commercial,NO,2015-08-14,P,L,1,1.00,NOK,\n",
    );
    let rejects = ledger.dir.path().join("r.csv");
    let before = ledger.dump();
    let output = import_stdin(
        &ledger,
        &latin1,
        &["--skip-invalid", "--rejects", rejects.to_str().unwrap()],
    );
    assert_eq!(output.status.code(), Some(4));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("stdin:3: customer_name: the input is not UTF-8"),
        "{stderr}"
    );
    assert_eq!(before, ledger.dump());
    assert!(!rejects.exists(), "a stopped import writes no rejects file");

    let mut long = csv(&[row(1, 1, "nordic-it", 1, "1.00", "")]).into_bytes();
    long.extend_from_slice(
        format!(
            "V0000002,1,nordic-it,C2,\"{}\",commercial",
            "x".repeat(1_100_000)
        )
        .as_bytes(),
    );
    let output = import_stdin(
        &ledger,
        &long,
        &["--skip-invalid", "--rejects", rejects.to_str().unwrap()],
    );
    assert_eq!(output.status.code(), Some(4));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("stdin:3: the record is longer than 1 MiB"),
        "{stderr}"
    );
    assert_eq!(before, ledger.dump());
}

#[test]
fn reports_the_first_hundred_invalid_rows_then_a_count() {
    let ledger = TestLedger::new();
    let rows: Vec<String> = (1..=130)
        .map(|n| row(n, 1, "nordic-it", 0, "1.00", ""))
        .collect();
    let path = ledger.write_file("many.csv", &csv(&rows));
    let stderr = ledger.refused(4, &["agreement", "import", path.to_str().unwrap()]);
    assert!(stderr.contains("130 invalid rows"), "{stderr}");
    assert!(stderr.contains("many.csv:101: quantity"), "{stderr}");
    assert!(!stderr.contains("many.csv:102: quantity"), "{stderr}");
    assert!(stderr.contains("... and 30 more invalid rows"), "{stderr}");
}

#[test]
fn export_then_reimport_is_unchanged() {
    let ledger = TestLedger::new();
    let content = csv(&[
        row(1, 1, "nordic-it", 10, "1234.5", ""),
        row(1, 2, "nordic-it", 5, "0", "2015-08-20"),
        row(2, 1, "fjord-data", 3, "10.00", "")
            .replace("\"Kunde 2, AS\"", "\"Fjord \"\"Data\"\", Bø\""),
    ]);
    import(&ledger, "sales.csv", &content, &[]);
    let exported = ledger.ok(&["export", "agreements"]);
    assert!(
        exported.starts_with(&format!("{CSV_HEADER}\n")),
        "{exported}"
    );
    assert!(exported.contains("V0000001,1,nordic-it,C1,\"Kunde 1, AS\",commercial,NO,2015-08-14,Office 365 E3,cloud-open,10,1234.50,NOK,\n"), "{exported}");
    let output = ledger.dir.path().join("agreements.csv");
    ledger.ok(&["export", "agreements", "--output", output.to_str().unwrap()]);
    assert_eq!(std::fs::read_to_string(&output).unwrap(), exported);
    let before = ledger.dump();
    let summary = import(&ledger, "export.csv", &exported, &[]);
    assert_eq!(counts(&summary), (0, 0, 3, 0));
    assert_eq!(before, ledger.dump());

    let json = ledger.json(&["export", "agreements"]);
    assert_eq!(json.as_array().unwrap().len(), 3);
    assert_eq!(json[1]["returned_on"], "2015-08-20");
    assert_eq!(json[1]["net_amount"], "0.00");
}

#[test]
fn the_configured_number_pattern_applies() {
    let ledger = TestLedger::new();
    let config = ledger.write_file(
        "config.toml",
        "[agreements]\nnumber_pattern = \"^V[0-9]{7}$\"\n",
    );
    let content = csv(&[
        row(1, 1, "nordic-it", 1, "1.00", ""),
        row(2, 1, "nordic-it", 1, "1.00", "").replace("V0000002", "X0000002"),
    ]);
    let path = ledger.write_file("p.csv", &content);
    let output = ledger
        .cmd(&["agreement", "import", path.to_str().unwrap()])
        .env("CASHBACK_CONFIG", &config)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(4));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("p.csv:3: agreement_number: `X0000002` does not match the agreement number pattern ^V[0-9]{7}$"), "{stderr}");
}

#[test]
fn summary_as_table_and_csv() {
    let ledger = TestLedger::new();
    let path = ledger.write_file("sales.csv", &sample());
    let out = ledger.ok(&[
        "agreement",
        "import",
        path.to_str().unwrap(),
        "--format",
        "csv",
        "--dry-run",
    ]);
    assert_eq!(out, "new,updated,unchanged,rejected\n3,0,0,0\n");
    let out = ledger.ok(&["agreement", "import", path.to_str().unwrap()]);
    assert!(out.contains("new") && out.contains('3'), "{out}");
    let csv_show = ledger.ok(&["agreement", "show", "V0000001", "--format", "csv"]);
    assert!(
        csv_show.starts_with(&format!("{CSV_HEADER}\n")),
        "{csv_show}"
    );
}

#[test]
fn off_a_terminal_an_import_prints_nothing_on_stderr() {
    let ledger = TestLedger::new();
    let path = ledger.write_file("sales.csv", &sample());
    let output = ledger.run(&["agreement", "import", path.to_str().unwrap()]);
    assert!(output.status.success());
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "",
        "no progress bar without a terminal"
    );
}
