//! `cashback backup FILE`: a consistent copy of the ledger taken with
//! SQLite's online backup while other commands may be writing. The copy
//! holds bank details, so it is created 0600; it is written under a
//! temporary name and appears at FILE only when complete, never replacing
//! an existing file.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::Context;
use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags, OptionalExtension};
use serde_json::{Value, json};

use crate::app::App;
use crate::cli::BackupArgs;
use crate::error::Failure;
use crate::io::files::AtomicFile;
use crate::render::object;

pub fn run(app: &App, args: BackupArgs) -> anyhow::Result<()> {
    let target = args.file;
    refuse_existing(&target)?;
    let ledger = app.ledger()?;
    // Made 0600 before SQLite writes a byte to it; appears at `target` only
    // when complete, and never replaces a file that appeared meanwhile.
    let copy = AtomicFile::create(&target, true, false)?;
    let summary = copy_into(&ledger.conn, copy.temp_path(), app.busy_timeout())
        .inspect_err(|_| remove_side_files(copy.temp_path()))?;
    copy.commit()
        .with_context(|| format!("placing the backup at {}", target.display()))?;
    let size = std::fs::metadata(&target).map(|m| m.len()).unwrap_or(0);
    app.info(format!(
        "backed up the ledger to {} ({} events{})",
        target.display(),
        summary.events,
        match &summary.head {
            Some((seq, hash)) => format!(", head seq {seq} hash {hash}"),
            None => String::new(),
        }
    ));
    app.print_record(&object([
        ("file", json!(target.display().to_string())),
        ("bytes", json!(size)),
        ("events", json!(summary.events)),
        (
            "head",
            match summary.head {
                Some((seq, hash)) => json!({"seq": seq, "hash": hash}),
                None => Value::Null,
            },
        ),
    ]))
}

fn refuse_existing(target: &Path) -> Result<(), Failure> {
    // symlink_metadata: a dangling link is an existing name too.
    if std::fs::symlink_metadata(target).is_ok() {
        return Err(Failure::Invalid(format!(
            "{}: the file already exists; a backup never overwrites one",
            target.display()
        )));
    }
    Ok(())
}

struct CopySummary {
    events: i64,
    head: Option<(i64, String)>,
}

/// Copies the whole ledger into the empty file at `dest` in one backup step
/// (one read snapshot: writers go on, the copy is consistent), retrying
/// while the ledger is busy, then checks the copy.
fn copy_into(
    source: &Connection,
    dest: &Path,
    busy_timeout: Duration,
) -> anyhow::Result<CopySummary> {
    let mut copy = Connection::open_with_flags(dest, OpenFlags::SQLITE_OPEN_READ_WRITE)
        .with_context(|| format!("opening the backup file {}", dest.display()))?;
    {
        let backup = Backup::new(source, &mut copy).context("starting the backup")?;
        let started = Instant::now();
        loop {
            match backup.step(-1).context("copying the ledger")? {
                StepResult::Done => break,
                _ => {
                    if started.elapsed() > busy_timeout {
                        return Err(Failure::Ledger(
                            "the ledger is busy: another cashback command is writing to it; try the backup again when it has finished".into(),
                        )
                        .into());
                    }
                    std::thread::sleep(Duration::from_millis(50));
                }
            }
        }
    }
    let check: String = copy
        .query_row("PRAGMA quick_check", [], |row| row.get(0))
        .context("checking the backup")?;
    if check != "ok" {
        return Err(Failure::Ledger(format!("the backup copy failed its check: {check}")).into());
    }
    let events: i64 = copy.query_row("SELECT count(*) FROM events", [], |row| row.get(0))?;
    let head = copy
        .query_row(
            "SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1",
            [],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .optional()?;
    copy.close()
        .map_err(|(_, e)| e)
        .context("closing the backup")?;
    Ok(CopySummary { events, head })
}

/// SQLite may leave a journal beside a copy it did not finish.
fn remove_side_files(copy: &Path) {
    for suffix in ["-journal", "-wal", "-shm"] {
        let mut side = copy.as_os_str().to_owned();
        side.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(side));
    }
}
