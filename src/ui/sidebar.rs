//! The sidebar's rows: the argument map as headed, wrapped entries for a given width.
//! A pure function of the state, used by `update` (to keep the selection in view) and by
//! `render`.

use unicode_width::UnicodeWidthStr;

use crate::argument::{ArgumentMap, ClaimKind, Item, Origin};
use crate::document::Document;

/// Lines of sentence text shown per entry before it is cut with "…".
const ENTRY_LINES: usize = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    Heading,
    /// A line of an entry's sentence; `first` marks its first line.
    Entry {
        first: bool,
    },
    /// Where a counterclaim is rebutted.
    Rebuttal,
    /// "none found" under an empty section.
    Empty,
    Blank,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub kind: RowKind,
    /// The map item this row belongs to.
    pub item: Option<usize>,
    pub text: String,
}

/// Columns before an entry's text: an on-screen mark and a space.
pub const ENTRY_INDENT: usize = 2;

pub fn rows(doc: &Document, map: &ArgumentMap, width: usize) -> Vec<Row> {
    let text_width = width.saturating_sub(ENTRY_INDENT + 1).max(8);
    let mut rows = Vec::new();
    for (kind, title) in [
        (ClaimKind::Key, "Key claims"),
        (ClaimKind::Counter, "Counterclaims"),
    ] {
        if !rows.is_empty() {
            rows.push(blank());
        }
        let items: Vec<(usize, &Item)> = map.of_kind(kind).collect();
        rows.push(Row {
            kind: RowKind::Heading,
            item: None,
            text: format!("{title} ({})", items.len()),
        });
        if items.is_empty() {
            rows.push(Row {
                kind: RowKind::Empty,
                item: None,
                text: "none found".into(),
            });
        }
        for (index, item) in items {
            let label = entry_label(doc, item);
            let lines = clip_lines(
                textwrap::wrap(&label, text_width)
                    .into_iter()
                    .map(|l| l.into_owned()),
                text_width,
            );
            for (n, line) in lines.into_iter().enumerate() {
                rows.push(Row {
                    kind: RowKind::Entry { first: n == 0 },
                    item: Some(index),
                    text: line,
                });
            }
            if kind == ClaimKind::Counter {
                rows.push(Row {
                    kind: RowKind::Rebuttal,
                    item: Some(index),
                    text: rebuttal_label(item),
                });
            }
        }
    }
    rows
}

/// "¶4 The sentence…", with a mark for detected items.
fn entry_label(doc: &Document, item: &Item) -> String {
    let mark = match item.origin {
        Origin::Annotated => "",
        Origin::Detected => "≈",
    };
    format!(
        "{mark}¶{} {}",
        item.anchor.paragraph + 1,
        doc.sentence_text(item.anchor)
    )
}

fn rebuttal_label(item: &Item) -> String {
    if item.rebuttals.is_empty() {
        return "↳ no rebuttal marked".into();
    }
    let mut paragraphs: Vec<usize> = item.rebuttals.iter().map(|r| r.paragraph + 1).collect();
    paragraphs.dedup();
    let list: Vec<String> = paragraphs.iter().map(|p| format!("¶{p}")).collect();
    format!("↳ rebutted in {}", list.join(", "))
}

/// Keeps the first `ENTRY_LINES` lines, ending the last kept one with "…" if cut.
fn clip_lines(lines: impl Iterator<Item = String>, width: usize) -> Vec<String> {
    let mut all: Vec<String> = lines.collect();
    if all.len() > ENTRY_LINES {
        all.truncate(ENTRY_LINES);
        let last = &mut all[ENTRY_LINES - 1];
        while last.width() + 1 > width && last.pop().is_some() {}
        last.push('…');
    }
    all
}

fn blank() -> Row {
    Row {
        kind: RowKind::Blank,
        item: None,
        text: String::new(),
    }
}

/// The first and last row of an item, to scroll it into view.
pub fn item_rows(rows: &[Row], item: usize) -> Option<(usize, usize)> {
    let first = rows.iter().position(|r| r.item == Some(item))?;
    let last = rows.iter().rposition(|r| r.item == Some(item))?;
    Some((first, last))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::argument::Item;
    use crate::document::{Metadata, SentenceRef};

    #[test]
    fn rows_have_both_headings_and_rebuttal_lines() {
        let doc = Document::from_paragraphs(
            Metadata::default(),
            &[
                "Cats are best.",
                "Some say dogs are loyal.",
                "They are not.",
            ],
        );
        let at = |paragraph| SentenceRef {
            paragraph,
            sentence: 0,
        };
        let item = |kind, anchor, rebuttals| Item {
            kind,
            anchor,
            rebuttals,
            origin: Origin::Annotated,
            evidence: Vec::new(),
            confidence: 1.0,
            note: None,
        };
        let map = ArgumentMap::new(vec![
            item(ClaimKind::Counter, at(1), vec![at(2)]),
            item(ClaimKind::Key, at(0), vec![]),
        ]);
        let rows = rows(&doc, &map, 30);
        let texts: Vec<&str> = rows.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Key claims (1)",
                "¶1 Cats are best.",
                "",
                "Counterclaims (1)",
                "¶2 Some say dogs are loyal.",
                "↳ rebutted in ¶3"
            ]
        );
        assert_eq!(item_rows(&rows, 1), Some((4, 5)));
    }

    #[test]
    fn long_entries_are_clipped_with_an_ellipsis() {
        let lines = clip_lines((0..5).map(|i| format!("line {i}")), 6);
        assert_eq!(lines.len(), ENTRY_LINES);
        assert!(lines[2].ends_with('…'));
        assert!(lines[2].width() <= 6);
    }
}
