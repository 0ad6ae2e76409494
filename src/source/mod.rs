//! From bytes to a document: reading, decoding, cleaning and the per-format loaders.

pub mod plaintext;

use crate::document::Document;

/// The formats counterpoint reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
}

/// Parses already-decoded text in the given format.
pub fn parse(text: &str, format: Format) -> Document {
    match format {
        Format::Text => plaintext::parse(text),
    }
}
