//! The plain-text loader: finds the article inside a page dump (menus, share widgets and
//! footers around it) and its title, standfirst, byline and date.

use crate::document::{Document, Metadata};

/// Parses plain text into a document, dropping boilerplate.
pub fn parse(text: &str) -> Document {
    // Placeholder until the cleaner lands: every blank-line-separated block is a paragraph.
    let blocks: Vec<&str> = text
        .split("\n\n")
        .map(str::trim)
        .filter(|b| !b.is_empty())
        .collect();
    Document::from_paragraphs(Metadata::default(), &blocks)
}
