//! Writing files that replace user data: to a temporary file beside the
//! target, then renamed into place, so a crash never leaves half a file.

use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use crate::error::Failure;

/// A file being written; it appears at its path only on `commit`.
pub struct AtomicFile {
    target: PathBuf,
    temp: PathBuf,
    overwrite: bool,
    writer: Option<BufWriter<File>>,
}

impl AtomicFile {
    /// Starts writing `target`. `private` makes it 0600 (files holding bank
    /// details). With `overwrite` false an existing target is refused (exit 4).
    pub fn create(target: &Path, private: bool, overwrite: bool) -> Result<AtomicFile, Failure> {
        if !overwrite && std::fs::symlink_metadata(target).is_ok() {
            return Err(Failure::Invalid(format!(
                "{}: the file already exists",
                target.display()
            )));
        }
        let name = target
            .file_name()
            .ok_or_else(|| Failure::Invalid(format!("{}: not a file path", target.display())))?;
        let folder = target
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let temp = folder.join(format!(
            ".{}.{}.tmp",
            name.to_string_lossy(),
            std::process::id()
        ));
        let file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(if private { 0o600 } else { 0o644 })
            .open(&temp)
            .map_err(|e| Failure::Invalid(format!("{}: cannot write it: {e}", target.display())))?;
        Ok(AtomicFile {
            target: target.to_path_buf(),
            temp,
            overwrite,
            writer: Some(BufWriter::new(file)),
        })
    }

    /// Where the file is being written, for writers that open it themselves
    /// (SQLite's online backup).
    pub fn temp_path(&self) -> &Path {
        &self.temp
    }

    /// Flushes, syncs and moves the file into place, then syncs its folder
    /// so the new name survives a power cut. Without `overwrite`, a file that
    /// appeared at the target meanwhile is kept and this one is dropped.
    pub fn commit(mut self) -> io::Result<()> {
        let writer = self.writer.take().expect("not yet committed");
        let written = writer
            .into_inner()
            .map_err(|e| e.into_error())
            .and_then(|file| file.sync_all());
        if let Err(e) = written {
            let _ = std::fs::remove_file(&self.temp);
            return Err(e);
        }
        let placed = if self.overwrite {
            std::fs::rename(&self.temp, &self.target)
        } else {
            // A hard link never replaces an existing file, unlike rename.
            match std::fs::hard_link(&self.temp, &self.target) {
                Ok(()) => std::fs::remove_file(&self.temp),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(io::Error::new(
                    e.kind(),
                    format!("{}: the file already exists", self.target.display()),
                )),
                // File systems without hard links: the check in `create` stands.
                Err(_) => std::fs::rename(&self.temp, &self.target),
            }
        };
        if let Err(e) = placed {
            let _ = std::fs::remove_file(&self.temp);
            return Err(e);
        }
        if let Some(folder) = self.target.parent() {
            let folder = if folder.as_os_str().is_empty() {
                Path::new(".")
            } else {
                folder
            };
            File::open(folder)?.sync_all()?;
        }
        Ok(())
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.writer.as_mut().expect("not yet committed").write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.writer.as_mut().expect("not yet committed").flush()
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if self.writer.is_some() {
            let _ = std::fs::remove_file(&self.temp);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn appears_only_on_commit() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.csv");
        let mut file = AtomicFile::create(&target, true, false).unwrap();
        file.write_all(b"a,b\n").unwrap();
        assert!(!target.exists());
        file.commit().unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "a,b\n");
        let mode = std::fs::metadata(&target).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        assert!(AtomicFile::create(&target, false, false).is_err());
    }

    #[test]
    fn never_replaces_a_file_that_appeared_meanwhile() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("backup.sqlite3");
        let mut file = AtomicFile::create(&target, true, false).unwrap();
        file.write_all(b"new").unwrap();
        std::fs::write(&target, b"someone else's").unwrap();
        let err = file.commit().unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read(&target).unwrap(), b"someone else's");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn overwrite_replaces_whole() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("program.ics");
        std::fs::write(&target, b"old").unwrap();
        let mut file = AtomicFile::create(&target, false, true).unwrap();
        file.write_all(b"new").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"old");
        file.commit().unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"new");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn dropped_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.csv");
        drop(AtomicFile::create(&target, false, false).unwrap());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
