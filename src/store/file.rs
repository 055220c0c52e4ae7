//! The database file on disk: created private (0600, its folder 0700, whatever the umask), and
//! watched so that a file deleted or replaced while the daemon runs is noticed before any write
//! lands in an unlinked inode (the store then refuses writes and turns unready).

use std::{
    os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt, PermissionsExt},
    path::{Path, PathBuf},
    sync::{
        atomic::{AtomicBool, Ordering},
        Arc,
    },
};

/// Creates the database file (and a missing parent folder) readable by its owner only, and
/// tightens an existing file and its `-wal`/`-shm` companions to 0600. SQLite gives the `-wal`
/// and `-shm` files it creates the database file's own mode, so they follow.
pub fn prepare(path: &Path) -> std::io::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        if !dir.exists() {
            std::fs::DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(dir)?;
        }
    }
    if !path.exists() {
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(path)?;
    }
    for file in [
        path.to_path_buf(),
        companion(path, "-wal"),
        companion(path, "-shm"),
    ] {
        if let Ok(meta) = std::fs::metadata(&file) {
            if meta.permissions().mode() & 0o077 != 0 {
                std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600))?;
                tracing::info!(file = %file.display(), "database file made private (0600)");
            }
        }
    }
    Ok(())
}

fn companion(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

/// Which file the store opened (device and inode), and whether it is still the one at its path.
#[derive(Clone, Debug)]
pub struct FileIdentity {
    path: PathBuf,
    dev: u64,
    ino: u64,
    lost: Arc<AtomicBool>,
}

impl FileIdentity {
    /// The identity of the file now at `path`.
    pub fn of(path: &Path) -> std::io::Result<FileIdentity> {
        let meta = std::fs::metadata(path)?;
        Ok(FileIdentity {
            path: path.to_path_buf(),
            dev: meta.dev(),
            ino: meta.ino(),
            lost: Default::default(),
        })
    }

    /// `Ok` while the path still names the file that was opened. Once it does not (deleted,
    /// renamed over, moved away) it never becomes `Ok` again in this process: writes would land
    /// in a file nobody can open any more, so only a restart (which opens the new file) helps.
    pub fn check(&self) -> Result<(), String> {
        if self.lost.load(Ordering::Relaxed) {
            return Err(self.problem());
        }
        let same = std::fs::metadata(&self.path)
            .map(|m| m.dev() == self.dev && m.ino() == self.ino)
            .unwrap_or(false);
        if same {
            return Ok(());
        }
        if !self.lost.swap(true, Ordering::Relaxed) {
            tracing::error!(
                database = %self.path.display(),
                "the database file was deleted or replaced while running: refusing writes; restart the daemon (restore the file from a backup first if it was deleted)"
            );
        }
        Err(self.problem())
    }

    fn problem(&self) -> String {
        format!(
            "the database file {} was deleted or replaced while running; restart the daemon",
            self.path.display()
        )
    }

    /// `dev:inode` of the opened file, as `/readyz` reports it.
    pub fn describe(&self) -> String {
        format!(
            "{} (device {}, inode {})",
            self.path.display(),
            self.dev,
            self.ino
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_database_file_and_its_folder_are_private_whatever_the_umask() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("state/agent.db");
        prepare(&db).unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&db), 0o600);
        assert_eq!(mode(db.parent().unwrap()), 0o700);
    }

    #[test]
    fn an_existing_readable_database_and_wal_are_tightened() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("agent.db");
        for f in [&db, &companion(&db, "-wal")] {
            std::fs::write(f, b"").unwrap();
            std::fs::set_permissions(f, std::fs::Permissions::from_mode(0o644)).unwrap();
        }
        prepare(&db).unwrap();
        for f in [&db, &companion(&db, "-wal")] {
            assert_eq!(
                std::fs::metadata(f).unwrap().permissions().mode() & 0o777,
                0o600
            );
        }
    }

    #[test]
    fn a_deleted_or_replaced_file_is_noticed_and_stays_noticed() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("agent.db");
        std::fs::write(&db, b"x").unwrap();
        let id = FileIdentity::of(&db).unwrap();
        assert!(id.check().is_ok());
        let other = dir.path().join("other.db");
        std::fs::write(&other, b"y").unwrap();
        std::fs::rename(&other, &db).unwrap();
        assert!(id.check().unwrap_err().contains("deleted or replaced"));
        std::fs::remove_file(&db).unwrap();
        assert!(id.check().is_err());
    }
}
