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

/// Whether a read looks at its first block and stops there when it is binary, or reads
/// everything (when the bytes are expected to hold NULs: UTF-16 named by `--encoding`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sniff {
    RefuseBinary,
    ReadAll,
}

/// Reads a file, refusing directories, files over `max_bytes` and (with
/// [`Sniff::RefuseBinary`]) binary files, the latter from their first block.
pub fn read_path(path: &Path, max_bytes: u64, sniff: Sniff) -> Result<Vec<u8>, LoadError> {
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
        sniff,
    )
    .map_err(|e| match e {
        LimitedReadError::TooLarge => {
            LoadError::new(&label, LoadErrorKind::TooLarge { limit: max_bytes })
        }
        LimitedReadError::Binary => LoadError::new(&label, LoadErrorKind::Binary),
        LimitedReadError::Io(error) => fail(error),
    })
}

/// Reads standard input up to `max_bytes` (see [`read_path`] for `sniff`).
pub fn read_stdin(max_bytes: u64, sniff: Sniff) -> Result<Vec<u8>, LoadError> {
    read_limited_into(io::stdin().lock(), max_bytes, Vec::new(), sniff).map_err(|e| match e {
        LimitedReadError::TooLarge => {
            LoadError::new("stdin", LoadErrorKind::TooLarge { limit: max_bytes })
        }
        LimitedReadError::Binary => LoadError::new("stdin", LoadErrorKind::Binary),
        LimitedReadError::Io(error) => LoadError::new("stdin", io_kind(&error)),
    })
}

pub enum LimitedReadError {
    TooLarge,
    /// The first block looks binary (only with [`Sniff::RefuseBinary`]).
    Binary,
    Io(io::Error),
}

/// Reads everything, failing once more than `max_bytes` arrive (a file may grow while read,
/// a pipe has no length).
pub fn read_limited(reader: impl Read, max_bytes: u64) -> Result<Vec<u8>, LimitedReadError> {
    read_limited_into(reader, max_bytes, Vec::new(), Sniff::ReadAll)
}

/// [`read_limited`] into `bytes` (empty; its capacity is used first). With
/// [`Sniff::RefuseBinary`] the first block is read and judged before the rest, so a device
/// like `/dev/zero` with a high `--max-size` is refused at once instead of after a gigabyte.
fn read_limited_into(
    mut reader: impl Read,
    max_bytes: u64,
    mut bytes: Vec<u8>,
    sniff: Sniff,
) -> Result<Vec<u8>, LimitedReadError> {
    let limit = max_bytes.saturating_add(1);
    if sniff == Sniff::RefuseBinary {
        (&mut reader)
            .take(limit.min(SNIFF_LEN as u64))
            .read_to_end(&mut bytes)
            .map_err(LimitedReadError::Io)?;
        if !super::decode::has_utf16_bom(&bytes)
            && super::decode::utf16_without_bom(&bytes).is_none()
            && looks_binary(&bytes)
        {
            return Err(LimitedReadError::Binary);
        }
    }
    let rest = limit.saturating_sub(bytes.len() as u64);
    reader
        .take(rest)
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
    fn a_binary_start_stops_the_read() {
        // Endless zeros: only the first block is read before the refusal.
        let zeros = std::io::repeat(0);
        assert!(matches!(
            read_limited_into(zeros, u64::MAX - 1, Vec::new(), Sniff::RefuseBinary),
            Err(LimitedReadError::Binary)
        ));
        let utf16: Vec<u8> = [0xFF, 0xFE, b'a', 0].repeat(3000);
        assert!(read_limited_into(&utf16[..], 1 << 20, Vec::new(), Sniff::RefuseBinary).is_ok());
        let text = b"words ".repeat(5000);
        let read = read_limited_into(&text[..], 1 << 20, Vec::new(), Sniff::RefuseBinary);
        assert_eq!(read.ok(), Some(text));
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
