//! How many lines each entry's label takes. A detected map may hold hundreds of thousands
//! of items (one or two per paragraph of a book-length text): wrapping every label on
//! every frame made each frame cost more than half a second. So the counts are kept per
//! map, width and line limit, and most of them are found without wrapping at all.

use std::borrow::Cow;
use std::sync::{Arc, Weak};

use textwrap::core::display_width;

use crate::argument::{ArgumentMap, ClaimKind, Item, Origin};
use crate::document::Document;

/// "¶4 The sentence…", with a mark for detected items.
pub fn entry_label(doc: &Document, item: &Item) -> String {
    let mark = match item.origin {
        Origin::Annotated => "",
        Origin::Detected => "≈",
    };
    format!("{mark}¶{} {}", item.anchor.paragraph + 1, item.text(doc))
}

/// The lines of `label` wrapped first-fit to `width`, over no more of it than `keep`
/// lines can show: they hold at most `keep` times the width plus the spaces between them.
pub fn wrap(label: &str, keep: usize, width: usize) -> Vec<Cow<'_, str>> {
    let options = textwrap::Options::new(width).wrap_algorithm(textwrap::WrapAlgorithm::FirstFit);
    textwrap::wrap(
        lead(label, width.saturating_add(1).saturating_mul(keep)),
        options,
    )
}

/// `wrap(label, keep, width).len().min(keep)`, mostly without wrapping: a label that fits
/// is one line, and one with more ink (columns that are not spaces) than `keep - 1` lines
/// hold takes all `keep`, since wrapping drops only spaces and no line is wider than
/// `width`.
pub fn count(label: &str, keep: usize, width: usize) -> usize {
    let shown = lead(label, width.saturating_add(1).saturating_mul(keep));
    if !shown.contains('\n') {
        let columns = display_width(shown);
        if columns <= width {
            return 1;
        }
        let ink = columns - shown.bytes().filter(|&b| b == b' ').count();
        if ink > width.saturating_mul(keep - 1) {
            return keep;
        }
    }
    wrap(label, keep, width).len().min(keep)
}

/// The start of `text` up to the first character that is not white space past `width`
/// columns (all of it if it is no wider): white space alone would wrap away.
pub fn lead(text: &str, width: usize) -> &str {
    let mut columns = 0;
    for (at, c) in text.char_indices() {
        columns += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if columns > width && !c.is_whitespace() {
            return &text[..at + c.len_utf8()];
        }
    }
    text
}

/// What the counts were made for besides the map: a width, a line limit and a document
/// length (labels of a document still loading change as it grows).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Made {
    items: usize,
    width: usize,
    keep: usize,
    text_len: usize,
}

impl Made {
    fn of(doc: &Document, map: &ArgumentMap, keep: usize, width: usize) -> Made {
        Made {
            items: map.items.len(),
            width,
            keep,
            text_len: doc.text().len(),
        }
    }
}

/// The lines each item's label takes when not selected, by item index, for the map, width
/// and line limit they were counted for.
#[derive(Debug, Clone, Default)]
pub struct LabelLines {
    made: Option<Made>,
    /// The items counted. Held weakly, it tells a map from any other without looking at
    /// its items: while it is held, no other map's items can take its place in memory,
    /// and a change to them (`ArgumentMap::items_mut`) moves them to a new place.
    counted: Weak<Vec<Item>>,
    lines: Vec<u8>,
    /// The row each item's entry starts at when the panels list every item with none
    /// selected (its label's lines, and a counterclaim's rebuttal line), counted from the
    /// first item of its kind's panel; one more entry ends each panel.
    starts: Vec<u32>,
    /// The first counterclaim, when the map lists its key claims and then its
    /// counterclaims (the order `ArgumentMap::new` gives).
    split: Option<usize>,
}

impl LabelLines {
    /// Counts again if the map, the width, the line limit or the document changed.
    pub fn refresh(&mut self, doc: &Document, map: &ArgumentMap, keep: usize, width: usize) {
        let keep = keep.clamp(1, usize::from(u8::MAX));
        let made = Made::of(doc, map, keep, width);
        if self.made == Some(made) && Weak::as_ptr(&self.counted) == Arc::as_ptr(&map.items) {
            return;
        }
        self.counted = Arc::downgrade(&map.items);
        self.lines = map
            .items
            .iter()
            .map(|item| count(&entry_label(doc, item), keep, width) as u8)
            .collect();
        let items = &map.items;
        let split = items
            .iter()
            .position(|item| item.kind == ClaimKind::Counter)
            .unwrap_or(items.len());
        self.split = items[split..]
            .iter()
            .all(|item| item.kind == ClaimKind::Counter)
            .then_some(split);
        self.starts = Vec::with_capacity(items.len() + 2);
        for (kind, range) in [
            (ClaimKind::Key, 0..split),
            (ClaimKind::Counter, split..items.len()),
        ] {
            let mut row = 0u32;
            self.starts.push(row);
            for n in &self.lines[range] {
                row += u32::from(*n) + u32::from(kind == ClaimKind::Counter);
                self.starts.push(row);
            }
        }
        self.made = Some(made);
    }

    /// The items of `kind`'s panel and the row each starts at (then the panel's rows),
    /// when counted for this many items, width and line limit and the map lists its
    /// key claims first.
    pub fn panel(
        &self,
        doc: &Document,
        items: usize,
        kind: ClaimKind,
        keep: usize,
        width: usize,
    ) -> Option<(std::ops::Range<usize>, &[u32])> {
        let split = self
            .split
            .filter(|_| self.counted_for(doc, items, keep, width))?;
        Some(match kind {
            ClaimKind::Key => (0..split, &self.starts[..=split]),
            ClaimKind::Counter => (split..items, &self.starts[split + 1..]),
        })
    }

    /// The lines of item `index`, if counted for this many items, width and line limit
    /// (the map itself is checked by `refresh`, which every update ends with).
    pub fn get(
        &self,
        doc: &Document,
        items: usize,
        index: usize,
        keep: usize,
        width: usize,
    ) -> Option<usize> {
        self.counted_for(doc, items, keep, width)
            .then(|| self.lines.get(index).map(|&n| usize::from(n)))?
    }

    /// Whether the counts were made for this many items, width and line limit, and this
    /// document (the map itself is checked by `refresh`, which every update ends with).
    fn counted_for(&self, doc: &Document, items: usize, keep: usize, width: usize) -> bool {
        self.made.is_some_and(|made| {
            made.items == items
                && made.width == width
                && made.keep == keep
                && made.text_len == doc.text().len()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_line_holds_as_many_words_as_fit() {
        assert_eq!(lead("ab¶c", 2), "ab¶");
        assert_eq!(lead("ab", 2), "ab");
        assert_eq!(count("short", 3, 10), 1);
        assert_eq!(count("one two three four five six", 3, 10), 3);
        assert_eq!(count("one two three", 3, 10), 2);
    }

    /// A map changed in place, to the same number of items, is counted again; the same
    /// map shared by another view is not.
    #[test]
    fn counts_follow_the_map_not_its_length() {
        use crate::argument::ClaimKind;
        use crate::document::{Metadata, SentenceRef};
        let doc = Document::from_paragraphs(
            Metadata::default(),
            &[
                "Short.",
                "A much longer sentence that takes several lines of the sidebar.",
            ],
        );
        let at = |paragraph| SentenceRef {
            paragraph,
            sentence: 0,
        };
        let mut map = ArgumentMap::new(vec![Item::annotated(ClaimKind::Key, at(0), vec![])]);
        let mut counts = LabelLines::default();
        counts.refresh(&doc, &map, 5, 20);
        assert_eq!(counts.get(&doc, 1, 0, 5, 20), Some(1));
        let shared = map.clone();
        counts.refresh(&doc, &shared, 5, 20);
        assert_eq!(counts.get(&doc, 1, 0, 5, 20), Some(1));
        drop(shared);
        // The only holder of its items changes one.
        map.items_mut()[0].anchor = at(1);
        counts.refresh(&doc, &map, 5, 20);
        assert_eq!(counts.get(&doc, 1, 0, 5, 20), Some(4));
    }

    proptest! {
        /// The count is that of the wrapped lines, whichever way it is found.
        #[test]
        fn counting_agrees_with_wrapping(
            label in "[a-z ,.¶≈]{0,12}( [a-zé-]{1,14}| 漢字かな| {2,3}|\n){0,30}",
            keep in 1usize..6,
            width in 8usize..60,
        ) {
            prop_assert_eq!(count(&label, keep, width), wrap(&label, keep, width).len().min(keep));
        }
    }
}
