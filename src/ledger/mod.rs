//! The SQLite ledger: opening (with the checks that keep foreign and newer
//! files untouched), creating, and the one way to write: an IMMEDIATE
//! transaction that carries its audit events.

pub mod agreements;
pub mod bank;
pub mod claims;
pub mod events;
pub mod notices;
pub mod offers;
pub mod payouts;
pub mod resellers;
pub mod sales;
pub mod schema;

use std::fs::OpenOptions;
use std::io::Read;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

use crate::error::Failure;
pub use events::EventSink;

pub struct Ledger {
    pub conn: Connection,
}

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

fn ledger_error(path: &Path, text: impl std::fmt::Display) -> Failure {
    Failure::Ledger(format!("ledger {}: {text}", path.display()))
}

impl Ledger {
    /// Opens an existing ledger for use. Refuses (exit 5, file untouched) a
    /// missing file, a directory, a file that is not a cashback ledger and a
    /// ledger written by a newer version; applies pending migrations.
    pub fn open(path: &Path, busy_timeout: Duration) -> Result<Ledger, Failure> {
        match std::fs::metadata(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(ledger_error(
                    path,
                    "no ledger here; run `cashback init` to create it (or check --db / CASHBACK_DB)",
                ));
            }
            Err(e) => return Err(ledger_error(path, format!("cannot read it: {e}"))),
            Ok(meta) if meta.is_dir() => {
                return Err(ledger_error(path, "is a directory, not a ledger file"));
            }
            Ok(_) => {}
        }
        check_header(path)?;
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| ledger_error(path, format!("cannot open it: {e}")))?;
        conn.busy_timeout(busy_timeout)
            .map_err(|e| ledger_error(path, e))?;
        let mut ledger = Ledger { conn };
        ledger.check_identity(path)?;
        ledger.configure(path)?;
        ledger.migrate(path)?;
        Ok(ledger)
    }

    /// Creates a new ledger (file 0600, its folder 0700 when we create it).
    /// Returns `false` when a ledger already exists there (nothing changed).
    ///
    /// The ledger is built under a temporary name beside its path and linked
    /// into place only when complete, so an `init` that is killed leaves no
    /// half-made ledger, and two `init`s at once make one ledger.
    pub fn create(path: &Path, busy_timeout: Duration) -> Result<bool, Failure> {
        if path.exists() {
            Ledger::open(path, busy_timeout)?;
            return Ok(false);
        }
        let folder = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        if !folder.exists() {
            std::fs::DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(folder)
                .map_err(|e| ledger_error(path, format!("cannot create its folder: {e}")))?;
        }
        let name = path
            .file_name()
            .ok_or_else(|| ledger_error(path, "not a file path"))?;
        let temp = folder.join(format!(
            ".{}.{}.init",
            name.to_string_lossy(),
            std::process::id()
        ));
        OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&temp)
            .map_err(|e| ledger_error(path, format!("cannot create it: {e}")))?;
        let built = (|| {
            let conn = Connection::open_with_flags(&temp, OpenFlags::SQLITE_OPEN_READ_WRITE)
                .map_err(|e| ledger_error(path, format!("cannot open it: {e}")))?;
            conn.busy_timeout(busy_timeout)
                .map_err(|e| ledger_error(path, e))?;
            conn.pragma_update(None, "application_id", schema::APPLICATION_ID)
                .map_err(|e| ledger_error(path, e))?;
            let mut ledger = Ledger { conn };
            ledger.configure(path)?;
            ledger.migrate(path)?;
            // Everything into the file itself before it is linked into place.
            let busy: i64 = ledger
                .conn
                .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |row| row.get(0))
                .map_err(|e| ledger_error(path, e))?;
            if busy != 0 {
                return Err(ledger_error(path, "cannot finish writing it"));
            }
            ledger
                .conn
                .close()
                .map_err(|(_, e)| ledger_error(path, e))?;
            std::fs::File::open(&temp)
                .and_then(|file| file.sync_all())
                .map_err(|e| ledger_error(path, format!("cannot write it: {e}")))
        })();
        // A hard link never replaces a file: if another `init` finished
        // first, its ledger stands and this one is dropped.
        let placed = built.and_then(|()| match std::fs::hard_link(&temp, path) {
            Ok(()) => Ok(true),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
            Err(e) => Err(ledger_error(path, format!("cannot create it: {e}"))),
        });
        for suffix in ["", "-wal", "-shm"] {
            let mut side = temp.as_os_str().to_owned();
            side.push(suffix);
            let _ = std::fs::remove_file(side);
        }
        if let Ok(dir) = std::fs::File::open(folder) {
            let _ = dir.sync_all();
        }
        match placed? {
            true => Ok(true),
            false => {
                Ledger::open(path, busy_timeout)?;
                Ok(false)
            }
        }
    }

    fn check_identity(&self, path: &Path) -> Result<(), Failure> {
        let app_id: i32 = self
            .conn
            .pragma_query_value(None, "application_id", |row| row.get(0))
            .map_err(|e| ledger_error(path, format!("not a cashback ledger ({e})")))?;
        if app_id != schema::APPLICATION_ID {
            return Err(ledger_error(
                path,
                "is an SQLite database but not a cashback ledger; it was left untouched",
            ));
        }
        let version: i64 = self
            .conn
            .pragma_query_value(None, "user_version", |row| row.get(0))
            .map_err(|e| ledger_error(path, e))?;
        if version > schema::latest_version() {
            return Err(ledger_error(
                path,
                format!(
                    "was written by a newer version of cashback (schema {version}; this binary knows up to {}); upgrade cashback. The file was left untouched",
                    schema::latest_version()
                ),
            ));
        }
        Ok(())
    }

    fn configure(&self, path: &Path) -> Result<(), Failure> {
        let mode: String = self
            .conn
            .pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0))
            .map_err(|e| open_error(path, e))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(ledger_error(
                path,
                format!("cannot switch to WAL journal (got {mode})"),
            ));
        }
        self.conn
            // FULL: a command that reported success is on disk, even if the
            // machine loses power right after (NORMAL could lose the last
            // commits in WAL mode). One sync per command is cheap here.
            .execute_batch("PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;")
            .map_err(|e| ledger_error(path, e))
    }

    fn migrate(&mut self, path: &Path) -> Result<(), Failure> {
        let version = |conn: &Connection| -> Result<i64, Failure> {
            conn.pragma_query_value(None, "user_version", |row| row.get(0))
                .map_err(|e| ledger_error(path, e))
        };
        if version(&self.conn)? == schema::latest_version() {
            return Ok(());
        }
        match schema::migrations().to_latest(&mut self.conn) {
            Ok(()) => Ok(()),
            // Two commands opening an older ledger at once both start to
            // migrate it; the second fails once the first has committed
            // (each migration is one transaction, so nothing is half done).
            // The ledger is then up to date.
            Err(_) if version(&self.conn)? == schema::latest_version() => Ok(()),
            Err(e) => Err(ledger_error(
                path,
                format!("cannot bring the schema up to date: {e}"),
            )),
        }
    }

    /// Runs `work` in one IMMEDIATE transaction with an event sink; commits
    /// only if it succeeds. One command = one transaction.
    pub fn write<T>(
        &mut self,
        sink: &events::EventContext,
        work: impl FnOnce(&Transaction<'_>, &mut EventSink<'_>) -> anyhow::Result<T>,
    ) -> anyhow::Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut events = EventSink::new(sink);
        let value = work(&tx, &mut events)?;
        tx.commit()?;
        Ok(value)
    }
}

fn open_error(path: &Path, e: rusqlite::Error) -> Failure {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
            ledger_error(
                path,
                "the ledger is busy: another command holds it; try again later",
            )
        }
        _ => ledger_error(path, e),
    }
}

/// Reads the first bytes without SQLite, so a garbage file is refused before
/// SQLite could touch it. An empty file is no ledger either.
fn check_header(path: &Path) -> Result<(), Failure> {
    let mut file = std::fs::File::open(path)
        .map_err(|e| ledger_error(path, format!("cannot read it: {e}")))?;
    let mut header = [0u8; 16];
    let read = file
        .read(&mut header)
        .map_err(|e| ledger_error(path, format!("cannot read it: {e}")))?;
    if read < 16 || &header != SQLITE_MAGIC {
        return Err(ledger_error(
            path,
            "is not a cashback ledger (not an SQLite database); it was left untouched",
        ));
    }
    Ok(())
}
