//! What to open (a path, standard input, a URL or the embedded article) and reading it
//! with a size limit.

use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use super::error::{LoadError, LoadErrorKind};

/// Where a document comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputSpec {
    /// The article built into the binary.
    Embedded,
    Stdin,
    Path(PathBuf),
    Url(String),
}

impl InputSpec {
    /// From a command-line argument: "-" is standard input, `http://` and `https://` are
    /// URLs, anything else a path.
    pub fn from_arg(arg: &str) -> InputSpec {
        let lower = arg.get(..8).unwrap_or(arg).to_ascii_lowercase();
        if arg == "-" {
            InputSpec::Stdin
        } else if lower.starts_with("http://") || lower.starts_with("https://") {
            InputSpec::Url(arg.to_string())
        } else {
            InputSpec::Path(PathBuf::from(arg))
        }
    }

    /// How the input is named in messages: the path as given, the URL, or "stdin".
    pub fn label(&self) -> String {
        match self {
            InputSpec::Embedded => crate::EMBEDDED_NAME.to_string(),
            InputSpec::Stdin => "stdin".to_string(),
            InputSpec::Path(path) => path.display().to_string(),
            InputSpec::Url(url) => url.clone(),
        }
    }
}

/// Replaces control characters in a name (a file name can hold escape sequences) so it is
/// safe to print.
pub fn printable_name(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_control() || super::sanitize::is_invisible(c) {
                '?'
            } else {
                c
            }
        })
        .collect()
}

/// Reads a file, refusing directories and files over `max_bytes`.
pub fn read_path(path: &Path, max_bytes: u64) -> Result<Vec<u8>, LoadError> {
    let label = path.display().to_string();
    let fail = |error: io::Error| LoadError::new(&label, io_kind(&error));
    let metadata = std::fs::metadata(path).map_err(fail)?;
    if metadata.is_dir() {
        return Err(LoadError::new(&label, LoadErrorKind::IsDirectory));
    }
    if metadata.is_file() && metadata.len() > max_bytes {
        return Err(LoadError::new(
            &label,
            LoadErrorKind::TooLarge { limit: max_bytes },
        ));
    }
    let file = File::open(path).map_err(fail)?;
    // Room for the whole file at once (one read, not a doubling buffer's dozen); the file
    // may still grow, which `read_limited` allows for.
    let expected = usize::try_from(metadata.len().min(max_bytes)).unwrap_or(0);
    read_limited_into(
        file,
        max_bytes,
        Vec::with_capacity(expected.saturating_add(1)),
    )
    .map_err(|e| match e {
        LimitedReadError::TooLarge => {
            LoadError::new(&label, LoadErrorKind::TooLarge { limit: max_bytes })
        }
        LimitedReadError::Io(error) => fail(error),
    })
}

/// Reads standard input up to `max_bytes`.
pub fn read_stdin(max_bytes: u64) -> Result<Vec<u8>, LoadError> {
    read_limited(io::stdin().lock(), max_bytes).map_err(|e| match e {
        LimitedReadError::TooLarge => {
            LoadError::new("stdin", LoadErrorKind::TooLarge { limit: max_bytes })
        }
        LimitedReadError::Io(error) => LoadError::new("stdin", io_kind(&error)),
    })
}

pub enum LimitedReadError {
    TooLarge,
    Io(io::Error),
}

/// Reads everything, failing once more than `max_bytes` arrive (a file may grow while read,
/// a pipe has no length).
pub fn read_limited(reader: impl Read, max_bytes: u64) -> Result<Vec<u8>, LimitedReadError> {
    read_limited_into(reader, max_bytes, Vec::new())
}

/// [`read_limited`] into `bytes` (empty; its capacity is used first).
fn read_limited_into(
    reader: impl Read,
    max_bytes: u64,
    mut bytes: Vec<u8>,
) -> Result<Vec<u8>, LimitedReadError> {
    reader
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(LimitedReadError::Io)?;
    if bytes.len() as u64 > max_bytes {
        return Err(LimitedReadError::TooLarge);
    }
    Ok(bytes)
}

pub fn io_kind(error: &io::Error) -> LoadErrorKind {
    match error.kind() {
        io::ErrorKind::NotFound => LoadErrorKind::NotFound,
        io::ErrorKind::PermissionDenied => LoadErrorKind::PermissionDenied,
        io::ErrorKind::IsADirectory => LoadErrorKind::IsDirectory,
        _ => LoadErrorKind::Io(error.to_string()),
    }
}

/// How much of the start is examined to tell text from binary.
const SNIFF_LEN: usize = 8 * 1024;

/// Whether the bytes look like a binary file: a NUL byte, or more than one in ten bytes
/// being control bytes other than whitespace and ESC, in the first 8 KiB. (Callers skip
/// this for UTF-16, where NUL bytes are normal.)
pub fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(SNIFF_LEN)];
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1B)) || b == 0x7F)
        .count();
    controls * 10 > head.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments() {
        assert_eq!(InputSpec::from_arg("-"), InputSpec::Stdin);
        assert_eq!(
            InputSpec::from_arg("HTTPS://example.org/a"),
            InputSpec::Url("HTTPS://example.org/a".into())
        );
        assert_eq!(
            InputSpec::from_arg("notes.md"),
            InputSpec::Path("notes.md".into())
        );
    }

    #[test]
    fn binary_detection() {
        assert!(looks_binary(b"\x7fELF\x02\x01\x01\0\0\0"));
        assert!(!looks_binary("plain text\twith tabs\r\n\x1b[1m".as_bytes()));
        assert!(looks_binary(&[1, 2, 3, 4, b'a', b'b']));
    }

    #[test]
    fn limited_read() {
        assert!(matches!(
            read_limited(&b"12345"[..], 4),
            Err(LimitedReadError::TooLarge)
        ));
        assert_eq!(read_limited(&b"1234"[..], 4).ok(), Some(b"1234".to_vec()));
    }
}
