//! Reading an agreements CSV (SPEC section 5) as a stream: the header mapped
//! to the import's columns, one record at a time with the physical line it
//! starts on, the SHA-256 of every byte read, and the two conditions that stop
//! an import whatever the flags: input that is not UTF-8 and a record longer
//! than 1 MiB.

use std::cell::Cell;
use std::io::{self, Read};
use std::rc::Rc;

use csv::StringRecord;
use sha2::{Digest, Sha256};

use crate::domain::agreement::{COLUMNS, ERROR_COLUMN, RawLine};
use crate::domain::codes::suggest;

/// The longest record an import accepts.
pub const MAX_RECORD_BYTES: u64 = 1024 * 1024;

const BUFFER_BYTES: usize = 64 * 1024;

/// Why reading stopped: the whole import is refused (exit 4).
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The header is missing or names the wrong columns.
    #[error("{0}")]
    Header(String),
    /// The input cannot be read on from a line on (not UTF-8, overlong record).
    #[error("{0}")]
    Stopped(String),
    #[error("{0}")]
    Io(String),
}

/// Counts and hashes every byte the CSV parser reads, and refuses to feed it
/// more than one record's limit past the start of the current record, so a
/// record without an end cannot fill memory.
struct MeteredInput<R> {
    inner: R,
    hasher: Sha256,
    meter: Rc<Meter>,
}

#[derive(Default)]
struct Meter {
    consumed: Cell<u64>,
    record_start: Cell<u64>,
    overlong: Cell<bool>,
}

impl<R: Read> Read for MeteredInput<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let meter = &self.meter;
        let allowed = meter.record_start.get() + MAX_RECORD_BYTES + BUFFER_BYTES as u64;
        if meter.consumed.get() >= allowed {
            meter.overlong.set(true);
            return Err(io::Error::other("record longer than 1 MiB"));
        }
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        meter.consumed.set(meter.consumed.get() + n as u64);
        Ok(n)
    }
}

/// One record as read.
pub struct Record<'r> {
    /// The physical line (1-based) where the record starts.
    pub line_no: u64,
    /// The import's 14 fields in `COLUMNS` order, or `None` when the record
    /// has a different number of fields than the header.
    pub fields: Option<RawLine<'r>>,
    /// Every field as read, in the file's column order.
    pub record: &'r StringRecord,
}

/// An agreements CSV being read.
pub struct AgreementsCsv<R> {
    reader: csv::Reader<MeteredInput<R>>,
    meter: Rc<Meter>,
    header: StringRecord,
    /// For each of `COLUMNS`, its index in the file's records.
    positions: [usize; 14],
    /// The index of an `error` column (from a rejects file), if any.
    error_column: Option<usize>,
    record: StringRecord,
    name: String,
}

impl<R: Read> AgreementsCsv<R> {
    /// Opens the stream and reads the header. `name` is how messages name the
    /// input (`FILE:LINE: ...`).
    pub fn new(input: R, name: &str) -> Result<AgreementsCsv<R>, ReadError> {
        let meter = Rc::new(Meter::default());
        let reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .buffer_capacity(BUFFER_BYTES)
            .from_reader(MeteredInput {
                inner: input,
                hasher: Sha256::new(),
                meter: Rc::clone(&meter),
            });
        let mut csv = AgreementsCsv {
            reader,
            meter,
            header: StringRecord::new(),
            positions: [0; 14],
            error_column: None,
            record: StringRecord::new(),
            name: name.to_string(),
        };
        let mut header = StringRecord::new();
        if !csv.read_into(&mut header)? {
            return Err(ReadError::Header(format!(
                "{name}: the file is empty; its first line must be the header {}",
                COLUMNS.join(",")
            )));
        }
        // A byte-order mark (spreadsheet exports) is not part of the name.
        let header: StringRecord = header
            .iter()
            .enumerate()
            .map(|(i, h)| {
                if i == 0 {
                    h.trim_start_matches('\u{feff}')
                } else {
                    h
                }
            })
            .collect();
        csv.map_header(&header)?;
        csv.header = header;
        Ok(csv)
    }

    fn map_header(&mut self, header: &StringRecord) -> Result<(), ReadError> {
        let name = &self.name;
        let mut found: [Option<usize>; 14] = [None; 14];
        let mut unknown = Vec::new();
        for (index, column) in header.iter().enumerate() {
            if let Some(c) = COLUMNS.iter().position(|c| *c == column) {
                if found[c].is_some() {
                    return Err(ReadError::Header(format!(
                        "{name}:1: {column}: the column appears twice in the header"
                    )));
                }
                found[c] = Some(index);
            } else if column == ERROR_COLUMN {
                if self.error_column.is_some() {
                    return Err(ReadError::Header(format!(
                        "{name}:1: {column}: the column appears twice in the header"
                    )));
                }
                self.error_column = Some(index);
            } else {
                unknown.push(match suggest(column, &COLUMNS) {
                    Some(close) => format!("`{column}` (did you mean `{close}`?)"),
                    None => format!("`{column}`"),
                });
            }
        }
        let missing: Vec<&str> = COLUMNS
            .iter()
            .zip(found.iter())
            .filter(|(_, f)| f.is_none())
            .map(|(c, _)| *c)
            .collect();
        let mut problems = Vec::new();
        if !unknown.is_empty() {
            problems.push(format!("unknown column {}", unknown.join(", ")));
        }
        if !missing.is_empty() {
            problems.push(format!("missing column {}", missing.join(", ")));
        }
        if !problems.is_empty() {
            return Err(ReadError::Header(format!(
                "{name}:1: header: {}; the columns are {} (any order)",
                problems.join("; "),
                COLUMNS.join(",")
            )));
        }
        for (slot, position) in self.positions.iter_mut().zip(found) {
            *slot = position.expect("every column found");
        }
        Ok(())
    }

    /// The header as read (the rejects file starts with it).
    pub fn header(&self) -> &StringRecord {
        &self.header
    }

    /// The index of the header's `error` column, if it has one.
    pub fn error_column(&self) -> Option<usize> {
        self.error_column
    }

    /// The next record, or `None` at the end of the input.
    pub fn next_record(&mut self) -> Result<Option<Record<'_>>, ReadError> {
        let mut record = std::mem::take(&mut self.record);
        let more = self.read_into(&mut record);
        self.record = record;
        if !more? {
            return Ok(None);
        }
        let line_no = self.record.position().map_or(0, |p| p.line());
        let fields = (self.record.len() == self.header.len()).then(|| {
            let mut fields: RawLine<'_> = [""; 14];
            for (field, position) in fields.iter_mut().zip(self.positions) {
                *field = &self.record[position];
            }
            fields
        });
        Ok(Some(Record {
            line_no,
            fields,
            record: &self.record,
        }))
    }

    /// Reads one record, enforcing the record length limit.
    fn read_into(&mut self, record: &mut StringRecord) -> Result<bool, ReadError> {
        let start = self.reader.position().clone();
        self.meter.record_start.set(start.byte());
        let result = self.reader.read_record(record);
        let overlong = |line: u64| {
            ReadError::Stopped(format!(
                "{}:{line}: the record is longer than 1 MiB; nothing was imported",
                self.name
            ))
        };
        match result {
            Ok(more) => {
                if more && self.reader.position().byte() - start.byte() > MAX_RECORD_BYTES {
                    return Err(overlong(start.line()));
                }
                Ok(more)
            }
            Err(_) if self.meter.overlong.get() => Err(overlong(start.line())),
            Err(error) => Err(self.stopped(&error, start.line())),
        }
    }

    fn stopped(&self, error: &csv::Error, line: u64) -> ReadError {
        match error.kind() {
            csv::ErrorKind::Utf8 { pos, err } => ReadError::Stopped(format!(
                "{}:{}: {}: the input is not UTF-8 text; nothing was imported (save the file as UTF-8)",
                self.name,
                pos.as_ref().map_or(line, |p| p.line()),
                self.header
                    .get(err.field())
                    .filter(|_| !self.header.is_empty())
                    .unwrap_or("record")
            )),
            csv::ErrorKind::Io(e) => {
                ReadError::Io(format!("{}:{line}: cannot read it: {e}", self.name))
            }
            _ => ReadError::Stopped(format!("{}:{line}: {error}", self.name)),
        }
    }

    /// How many bytes were read so far.
    pub fn bytes_read(&self) -> u64 {
        self.meter.consumed.get()
    }

    /// Finishes the stream: the SHA-256 (lower-case hex) and size of every
    /// byte read.
    pub fn finish(self) -> (String, u64) {
        let consumed = self.meter.consumed.get();
        let input = self.reader.into_inner();
        (
            crate::ledger::events::hex(&input.hasher.finalize()),
            consumed,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "agreement_number,line,reseller_id,customer_id,customer_name,segment,country,sale_date,product,license_type,quantity,net_amount,currency,returned_on";

    /// A record's line and its 14 fields (`None`: wrong field count).
    type Row = (u64, Option<Vec<String>>);

    fn read_all(text: &[u8]) -> Result<Vec<Row>, ReadError> {
        let mut csv = AgreementsCsv::new(text, "t.csv")?;
        let mut rows = Vec::new();
        while let Some(record) = csv.next_record()? {
            rows.push((
                record.line_no,
                record
                    .fields
                    .map(|f| f.iter().map(|s| s.to_string()).collect()),
            ));
        }
        Ok(rows)
    }

    #[test]
    fn columns_in_any_order_and_quoted_fields() {
        let text = "returned_on,currency,net_amount,quantity,license_type,product,sale_date,country,segment,customer_name,customer_id,reseller_id,line,agreement_number,error\n\
             ,NOK,10.00,1,cloud-open,P,2015-08-01,NO,commercial,\"Bær, \"\"Sønn\"\"\nAS\",C1,r1,1,V1000001,old problem\n\
             ,NOK,10.00,1,cloud-open,P,2015-08-01,NO,commercial,X,C1,r1,2,V1000001,\n";
        let rows = read_all(text.as_bytes()).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].0, 2);
        assert_eq!(
            rows[1].0, 4,
            "the second record starts after the quoted line break"
        );
        let first = rows[0].1.as_ref().unwrap();
        assert_eq!(first[0], "V1000001");
        assert_eq!(first[4], "Bær, \"Sønn\"\nAS");
    }

    #[test]
    fn header_problems_name_the_columns() {
        let err = read_all(b"agreement_number,line,colour\n").err().unwrap();
        let text = err.to_string();
        assert!(text.contains("unknown column `colour`"), "{text}");
        assert!(text.contains("missing column reseller_id"), "{text}");
        let err = read_all(format!("{HEADER},quantty\n").as_bytes())
            .err()
            .unwrap();
        assert!(err.to_string().contains("did you mean `quantity`"), "{err}");
        assert!(matches!(read_all(b""), Err(ReadError::Header(_))));
    }

    #[test]
    fn header_only_is_no_rows_and_a_bom_is_ignored() {
        assert!(
            read_all(format!("\u{feff}{HEADER}\n").as_bytes())
                .unwrap()
                .is_empty()
        );
    }

    #[test]
    fn short_rows_have_no_fields() {
        let rows = read_all(format!("{HEADER}\na,b\n").as_bytes()).unwrap();
        assert_eq!(rows, vec![(2, None)]);
    }

    #[test]
    fn not_utf8_stops() {
        let mut text = format!("{HEADER}\nV1,1,r,c,").into_bytes();
        text.extend_from_slice(b"Fjord \xe6 AS,commercial,NO,2015-08-01,P,L,1,1.00,NOK,\n");
        let err = read_all(&text).err().unwrap();
        assert!(matches!(err, ReadError::Stopped(_)));
        assert!(
            err.to_string()
                .starts_with("t.csv:2: customer_name: the input is not UTF-8"),
            "{err}"
        );
    }

    #[test]
    fn an_overlong_record_stops_without_reading_it_all() {
        let mut text = format!("{HEADER}\n\"").into_bytes();
        text.extend(std::iter::repeat_n(b'a', 3 * 1024 * 1024));
        let err = read_all(&text).err().unwrap();
        assert!(
            err.to_string()
                .starts_with("t.csv:2: the record is longer than 1 MiB"),
            "{err}"
        );
        // just over the limit, but complete
        let mut text = format!("{HEADER}\n").into_bytes();
        text.extend(std::iter::repeat_n(b'a', 1024 * 1024 + 10));
        text.push(b'\n');
        assert!(matches!(read_all(&text), Err(ReadError::Stopped(_))));
    }

    #[test]
    fn hashes_every_byte() {
        let text = format!("{HEADER}\n");
        let mut csv = AgreementsCsv::new(text.as_bytes(), "t").unwrap();
        while csv.next_record().unwrap().is_some() {}
        let (sha, size) = csv.finish();
        assert_eq!(size, text.len() as u64);
        assert_eq!(
            sha,
            crate::ledger::events::hex(&Sha256::digest(text.as_bytes()))
        );
    }

    use proptest::prelude::*;

    proptest! {
        /// Whatever the fields hold (commas, quotes, line breaks, non-ASCII)
        /// and whatever the column order, a record reads back as written,
        /// with the physical line it starts on.
        #[test]
        fn reads_back_what_csv_writes(
            order in Just((0..14usize).collect::<Vec<_>>()).prop_shuffle(),
            rows in proptest::collection::vec(
                proptest::collection::vec("[a-zæøå ,\"\n]{0,6}", 14),
                0..8,
            ),
        ) {
            let mut writer = csv::Writer::from_writer(Vec::new());
            writer.write_record(order.iter().map(|&c| COLUMNS[c])).unwrap();
            for row in &rows {
                writer.write_record(order.iter().map(|&c| row[c].as_str())).unwrap();
            }
            let text = writer.into_inner().unwrap();
            let read = read_all(&text).unwrap();
            prop_assert_eq!(read.len(), rows.len());
            let mut line = 2;
            for (row, (line_no, fields)) in rows.iter().zip(read) {
                prop_assert_eq!(line_no, line);
                prop_assert_eq!(fields.as_ref(), Some(row));
                line += row.iter().map(|f| f.matches('\n').count() as u64).sum::<u64>() + 1;
            }
        }
    }
}
