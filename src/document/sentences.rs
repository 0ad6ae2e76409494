//! Sentence splitting with offsets.

use std::ops::Range;

/// Splits a paragraph into sentences: byte ranges into `text`, trimmed of surrounding
/// white space, in order. Abbreviations ("U.S.", "Mr.", "e.g.", "Jan.") and initials do
/// not end a sentence.
pub fn split(text: &str) -> Vec<Range<usize>> {
    // Placeholder until the real splitter lands: the whole paragraph is one sentence.
    let start = text.len() - text.trim_start().len();
    let end = text.trim_end().len();
    if start >= end {
        Vec::new()
    } else {
        vec![start..end]
    }
}
