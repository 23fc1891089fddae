//! `cashback backup FILE`: a consistent copy of the ledger taken with
//! SQLite's online backup while other commands may be writing. The copy
//! holds bank details, so it is created 0600; it is written under a
//! temporary name and appears at FILE only when complete, never replacing
//! an existing file.

use std::fs::OpenOptions;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::Context;
use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags, OptionalExtension};
use serde_json::{Value, json};

use crate::app::App;
use crate::cli::BackupArgs;
use crate::error::Failure;
use crate::render::object;

pub fn run(app: &App, args: BackupArgs) -> anyhow::Result<()> {
    let target = args.file;
    refuse_existing(&target)?;
    let ledger = app.ledger()?;
    let temp = TempCopy::create(&target)?;
    let summary = copy_into(&ledger.conn, temp.path(), app.busy_timeout())?;
    temp.publish(&target)?;
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

/// The copy under a temporary name beside the target, created empty and
/// 0600 before SQLite writes a byte to it; removed unless published.
struct TempCopy {
    path: PathBuf,
    published: bool,
}

impl TempCopy {
    fn create(target: &Path) -> Result<TempCopy, Failure> {
        let name = target
            .file_name()
            .ok_or_else(|| Failure::Invalid(format!("{}: not a file path", target.display())))?;
        let folder = target
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let path = folder.join(format!(
            ".{}.{}.backup-tmp",
            name.to_string_lossy(),
            std::process::id()
        ));
        OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&path)
            .map_err(|e| Failure::Invalid(format!("{}: cannot write it: {e}", target.display())))?;
        Ok(TempCopy {
            path,
            published: false,
        })
    }

    fn path(&self) -> &Path {
        &self.path
    }

    /// Makes the finished copy appear at `target`, refusing (exit 4) if a
    /// file appeared there meanwhile: a hard link never replaces a name.
    fn publish(mut self, target: &Path) -> anyhow::Result<()> {
        std::fs::File::open(&self.path)
            .and_then(|f| f.sync_all())
            .with_context(|| format!("syncing {}", self.path.display()))?;
        match std::fs::hard_link(&self.path, target) {
            Ok(()) => {
                let _ = std::fs::remove_file(&self.path);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                refuse_existing(target)?;
                return Err(e)
                    .with_context(|| format!("linking the backup to {}", target.display()));
            }
            // Some file systems have no hard links: rename, after one more look.
            Err(_) => {
                refuse_existing(target)?;
                std::fs::rename(&self.path, target)
                    .with_context(|| format!("moving the backup to {}", target.display()))?;
            }
        }
        self.published = true;
        Ok(())
    }
}

impl Drop for TempCopy {
    fn drop(&mut self) {
        if !self.published {
            let _ = std::fs::remove_file(&self.path);
            for suffix in ["-journal", "-wal", "-shm"] {
                let mut side = self.path.clone().into_os_string();
                side.push(suffix);
                let _ = std::fs::remove_file(PathBuf::from(side));
            }
        }
    }
}
