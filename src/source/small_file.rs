//! Reading the small files a user keeps beside a document: annotation files, imported maps,
//! the config file. Only regular files are read, and only up to a size limit, so a name
//! linked to `/dev/zero` cannot fill the memory, a FIFO cannot block the reader forever, and
//! a huge file is refused before it is parsed (TOML takes some thirty times a file's size).

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use super::error::human_size;

/// The largest annotation file, map or config read: far beyond any hand-made map (some
/// 40,000 claims), far below what parsing would make of a file too large to be one.
pub const SMALL_FILE_LIMIT: u64 = 8 << 20;

/// The bytes of `path`, a regular file of at most `limit` bytes. The errors are one-line
/// `io::Error`s: `NotFound` (so callers can treat a missing file as none), `IsADirectory`,
/// `InvalidInput` (not a regular file), `FileTooLarge`, or what the system says.
pub fn read(path: &Path, limit: u64) -> io::Result<Vec<u8>> {
    let file = open_without_waiting(path)?;
    // Checked on the open file, not the name, so it cannot be swapped in between.
    let metadata = file.metadata()?;
    if metadata.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::IsADirectory,
            "is a directory",
        ));
    }
    if !metadata.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "not a regular file (a device, FIFO or socket)",
        ));
    }
    if metadata.len() > limit {
        return Err(too_large(limit));
    }
    let expected = usize::try_from(metadata.len()).unwrap_or(0);
    let mut bytes = Vec::with_capacity(expected.saturating_add(1));
    // The file may grow while it is read.
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(limit));
    }
    Ok(bytes)
}

/// [`read`] as UTF-8 text (`InvalidData` if it is not).
pub fn read_text(path: &Path, limit: u64) -> io::Result<String> {
    String::from_utf8(read(path, limit)?)
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "not UTF-8 text"))
}

fn too_large(limit: u64) -> io::Error {
    io::Error::new(
        io::ErrorKind::FileTooLarge,
        format!(
            "larger than the {} limit for this kind of file",
            human_size(limit)
        ),
    )
}

/// Opens for reading without blocking: opening a FIFO waits for a writer otherwise.
#[cfg(unix)]
fn open_without_waiting(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_without_waiting(path: &Path) -> io::Result<File> {
    File::open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_files_within_the_limit_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        std::fs::write(&path, "x = 1\n").unwrap();
        assert_eq!(read_text(&path, 100).unwrap(), "x = 1\n");
        assert_eq!(
            read(&path, 3).unwrap_err().kind(),
            io::ErrorKind::FileTooLarge
        );
        assert_eq!(
            read(&dir.path().join("none"), 3).unwrap_err().kind(),
            io::ErrorKind::NotFound
        );
        assert_eq!(
            read(dir.path(), 3).unwrap_err().kind(),
            io::ErrorKind::IsADirectory
        );
    }

    #[cfg(unix)]
    #[test]
    fn devices_are_refused_unread() {
        let error = read(Path::new("/dev/zero"), SMALL_FILE_LIMIT).unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::InvalidInput);
        assert!(error.to_string().contains("not a regular file"), "{error}");
    }
}
