//! A config file error: one line naming the file, the line and what is wrong.

use std::fmt;
use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub path: PathBuf,
    /// 1-based; `None` when the file as a whole is the problem (it cannot be read).
    pub line: Option<usize>,
    pub message: String,
}

impl ConfigError {
    /// An error at a byte offset of `text`.
    pub fn at(path: PathBuf, text: &str, offset: usize, message: String) -> Self {
        ConfigError {
            path,
            line: Some(line_of(text, offset)),
            message,
        }
    }
}

/// The 1-based line of a byte offset.
pub fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}: line {line}: {}", self.path.display(), self.message),
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

impl std::error::Error for ConfigError {}
