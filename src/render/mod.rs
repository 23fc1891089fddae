//! Printing records as tables (for people), JSON or CSV (for scripts) over
//! any `Write`. Records are JSON objects whose keys are SPEC section 11's
//! field names, in order.

use std::io::{self, Write};

use comfy_table::{ContentArrangement, Table, presets};
use serde_json::{Map, Value};

pub use crate::cli::Format;

/// The text of one value in a table cell or CSV field: null is empty, a list
/// of plain values is joined with `;`, anything deeper is compact JSON.
pub fn cell(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::Array(items) if items.iter().all(|v| !v.is_array() && !v.is_object()) => {
            items.iter().map(cell).collect::<Vec<_>>().join(";")
        }
        other => other.to_string(),
    }
}

/// A table with the house look, sized to the terminal.
pub fn new_table(header: &[&str]) -> Table {
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(header.iter().copied());
    table
}

/// Prints a listing: a JSON array, CSV with a header row, or a table.
pub fn list(
    out: &mut dyn Write,
    format: Format,
    columns: &[&str],
    rows: &[Value],
) -> io::Result<()> {
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, rows)?;
            writeln!(out)
        }
        Format::Csv => {
            let mut writer = csv::Writer::from_writer(out);
            writer.write_record(columns)?;
            for row in rows {
                writer.write_record(columns.iter().map(|c| cell(&row[*c])))?;
            }
            writer.flush()
        }
        Format::Table => {
            if rows.is_empty() {
                return writeln!(out, "(none)");
            }
            let mut table = new_table(columns);
            for row in rows {
                table.add_row(columns.iter().map(|c| cell(&row[*c])));
            }
            writeln!(out, "{table}")
        }
    }
}

/// Prints one record: a JSON object; CSV with a header row and one row
/// (nested objects flattened to dotted column names); or, for people, a
/// two-column table of fields and values.
pub fn record(out: &mut dyn Write, format: Format, value: &Value) -> io::Result<()> {
    match format {
        Format::Csv => {
            let fields = flatten(value);
            let mut writer = csv::Writer::from_writer(out);
            writer.write_record(fields.iter().map(|(key, _)| key))?;
            writer.write_record(fields.iter().map(|(_, value)| cell(value)))?;
            writer.flush()
        }
        _ => key_values(out, format, value),
    }
}

/// Prints one record as `key,value` CSV rows (nested objects flattened to
/// dotted keys): the form of a record too wide for one row, such as an
/// offer. JSON and table output are as `record`'s.
pub fn key_values(out: &mut dyn Write, format: Format, value: &Value) -> io::Result<()> {
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, value)?;
            writeln!(out)
        }
        Format::Csv => {
            let mut writer = csv::Writer::from_writer(out);
            writer.write_record(["key", "value"])?;
            for (key, value) in flatten(value) {
                writer.write_record([key, cell(&value)])?;
            }
            writer.flush()
        }
        Format::Table => {
            let mut table = new_table(&["field", "value"]);
            for (key, value) in flatten(value) {
                table.add_row([key, cell(&value)]);
            }
            writeln!(out, "{table}")
        }
    }
}

/// Nested objects as dotted keys: `{"a": {"b": 1}}` -> `[("a.b", 1)]`.
pub fn flatten(value: &Value) -> Vec<(String, Value)> {
    let mut rows = Vec::new();
    flatten_into("", value, &mut rows);
    rows
}

fn flatten_into(prefix: &str, value: &Value, rows: &mut Vec<(String, Value)>) {
    match value {
        Value::Object(map) => {
            for (key, value) in map {
                let key = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                flatten_into(&key, value, rows);
            }
        }
        other => rows.push((prefix.to_string(), other.clone())),
    }
}

/// Builds a JSON object from field names and values, in order.
pub fn object<const N: usize>(fields: [(&str, Value); N]) -> Value {
    let mut map = Map::new();
    for (key, value) in fields {
        map.insert(key.to_string(), value);
    }
    Value::Object(map)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn csv_listing_flattens_lists_and_nulls() {
        let rows = vec![json!({"code": "a,b", "regions": ["NO", "SE"], "cap": null})];
        let mut out = Vec::new();
        list(&mut out, Format::Csv, &["code", "regions", "cap"], &rows).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "code,regions,cap\n\"a,b\",NO;SE,\n"
        );
    }

    #[test]
    fn record_csv_is_a_header_and_one_row() {
        let mut out = Vec::new();
        let value = json!({"code": "x", "dates": {"opens_on": "2015-07-01"}});
        record(&mut out, Format::Csv, &value).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "code,dates.opens_on\nx,2015-07-01\n"
        );
    }

    #[test]
    fn key_values_csv_is_key_value_rows() {
        let mut out = Vec::new();
        let value = json!({"code": "x", "dates": {"opens_on": "2015-07-01"}});
        key_values(&mut out, Format::Csv, &value).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "key,value\ncode,x\ndates.opens_on,2015-07-01\n"
        );
    }

    #[test]
    fn json_listing_keeps_field_order() {
        let mut out = Vec::new();
        list(
            &mut out,
            Format::Json,
            &[],
            &[object([("z", json!(1)), ("a", json!(2))])],
        )
        .unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.find("\"z\"").unwrap() < text.find("\"a\"").unwrap());
    }
}
