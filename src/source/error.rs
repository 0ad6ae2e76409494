//! Why a document could not be loaded, as one line naming the file or URL.

use std::fmt;

/// A failed load. `Display` is one line that names the input and the problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    /// The path, URL or "stdin", as the reader gave it.
    pub input: String,
    pub kind: LoadErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadErrorKind {
    NotFound,
    IsDirectory,
    PermissionDenied,
    Binary,
    /// Empty, or no readable text after loading.
    Empty,
    TooLarge {
        limit: u64,
    },
    UnknownEncoding(String),
    /// Any other read error (the OS message).
    Io(String),
    // URL problems
    UnresolvedHost,
    ConnectionRefused,
    /// The whole fetch took longer than `--timeout` (this many seconds).
    TimedOut {
        seconds: u64,
    },
    /// The user cancelled the fetch (`q`, Ctrl-C).
    Cancelled,
    Http {
        status: u16,
        reason: String,
    },
    NotText(String),
    TooManyRedirects,
    /// A redirect to another scheme than http or https (this one).
    UnsupportedRedirect(String),
    /// Any other network failure (the library's message).
    Network(String),
}

impl LoadError {
    pub fn new(input: impl Into<String>, kind: LoadErrorKind) -> Self {
        LoadError {
            input: super::input::printable_name(&input.into()),
            kind,
        }
    }
}

/// "256 MiB", "1.5 GiB", "300 bytes".
pub fn human_size(bytes: u64) -> String {
    const UNITS: [(&str, u64); 3] = [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)];
    for (unit, size) in UNITS {
        if bytes >= size {
            return if bytes.is_multiple_of(size) {
                format!("{} {unit}", bytes / size)
            } else {
                format!("{:.1} {unit}", bytes as f64 / size as f64)
            };
        }
    }
    format!("{bytes} bytes")
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let input = &self.input;
        match &self.kind {
            LoadErrorKind::Empty => write!(f, "nothing to read in {input}"),
            kind => {
                write!(f, "{input}: ")?;
                match kind {
                    LoadErrorKind::NotFound => write!(f, "no such file"),
                    LoadErrorKind::IsDirectory => write!(f, "is a directory"),
                    LoadErrorKind::PermissionDenied => write!(f, "permission denied"),
                    LoadErrorKind::Binary => write!(f, "looks like a binary file"),
                    LoadErrorKind::TooLarge { limit } => write!(
                        f,
                        "file is larger than the {} limit (use --max-size to raise it)",
                        human_size(*limit)
                    ),
                    LoadErrorKind::UnknownEncoding(label) => {
                        write!(f, "unknown encoding '{label}'")
                    }
                    LoadErrorKind::Io(message) => write!(f, "{}", one_line(message)),
                    LoadErrorKind::UnresolvedHost => write!(f, "could not resolve host"),
                    LoadErrorKind::ConnectionRefused => write!(f, "connection refused"),
                    LoadErrorKind::TimedOut { seconds } => write!(
                        f,
                        "timed out: not loaded within {seconds} s (--timeout {seconds})"
                    ),
                    LoadErrorKind::Cancelled => write!(f, "loading cancelled"),
                    LoadErrorKind::Http { status, reason } => {
                        write!(f, "HTTP {status}")?;
                        if !reason.is_empty() {
                            write!(f, " {reason}")?;
                        }
                        Ok(())
                    }
                    LoadErrorKind::NotText(media) => {
                        write!(f, "not a text document ({})", one_line(media))
                    }
                    LoadErrorKind::TooManyRedirects => write!(f, "too many redirects"),
                    LoadErrorKind::UnsupportedRedirect(scheme) => write!(
                        f,
                        "redirect to an unsupported scheme refused ({}:)",
                        super::sanitize::one_line(scheme)
                    ),
                    LoadErrorKind::Network(message) => write!(f, "{}", one_line(message)),
                    LoadErrorKind::Empty => unreachable!("handled above"),
                }
            }
        }
    }
}

impl std::error::Error for LoadError {}

/// Messages from the OS or a library, cut to their first line.
fn one_line(message: &str) -> &str {
    message.lines().next().unwrap_or("").trim()
}
