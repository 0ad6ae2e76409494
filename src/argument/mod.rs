//! The argument map: key claims, counterclaims and the rebuttals that answer them, each
//! anchored to a sentence of the document. Annotations (read from a `.claims.toml` file)
//! and automatic detection produce the same types.

pub mod annotations;
pub mod baseline;
pub mod crossmap;
pub mod detect;
pub mod edit;
pub mod eval;
pub mod export;
pub mod import;
pub mod sources;
pub mod store;
pub mod tree;

use crate::document::{Document, SentenceRef};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    /// A claim the author makes.
    Key,
    /// A position of others that the article addresses.
    Counter,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    Annotated,
    Detected,
}

/// One entry of the argument map.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub kind: ClaimKind,
    pub anchor: SentenceRef,
    /// Sentences that rebut this item (counterclaims only), in reading order.
    pub rebuttals: Vec<SentenceRef>,
    pub origin: Origin,
    /// Why the item is here: for detected items, the detector's reasons, worded by
    /// [`Item::evidence_lines`] ("attribution: 'America claims'"); empty for annotated
    /// ones. A set of bits: a long article's map has hundreds of thousands of items and
    /// only the selected one's evidence is read.
    pub evidence: detect::Reasons,
    /// 0.0–1.0; annotated items are 1.0.
    pub confidence: f32,
    pub note: Option<Box<str>>,
    /// Byte range, within the anchor sentence, of the clause the item is when it is not
    /// the whole sentence: "While some think X, I contend Y" holds a counterclaim (X) and
    /// a key claim (Y).
    pub clause: Option<std::ops::Range<u32>>,
}

/// A detected item the reader rejected; remembered in the annotation file so the detection
/// stays hidden.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rejected {
    pub kind: ClaimKind,
    pub anchor: SentenceRef,
}

impl Item {
    /// A reader's own item: no evidence, full confidence.
    pub fn annotated(kind: ClaimKind, anchor: SentenceRef, rebuttals: Vec<SentenceRef>) -> Self {
        Item {
            kind,
            anchor,
            rebuttals,
            origin: Origin::Annotated,
            evidence: Default::default(),
            confidence: 1.0,
            note: None,
            clause: None,
        }
    }

    /// `clause` as an item keeps it: 32-bit offsets, as a long article's map holds hundreds
    /// of thousands of items. `None` in a sentence of 4 GiB or more.
    pub fn narrow_clause(clause: std::ops::Range<usize>) -> Option<std::ops::Range<u32>> {
        Some(u32::try_from(clause.start).ok()?..u32::try_from(clause.end).ok()?)
    }

    /// The byte range of its clause within the anchor sentence, when it is a clause.
    pub fn clause_range(&self) -> Option<std::ops::Range<usize>> {
        self.clause
            .as_ref()
            .map(|clause| clause.start as usize..clause.end as usize)
    }

    /// The item's evidence, a line each, worded from `doc`, the document it was found in.
    pub fn evidence_lines(&self, doc: &Document) -> Vec<String> {
        if self.evidence.is_empty() {
            return Vec::new();
        }
        detect::explain(doc, self)
    }

    /// What the item says: its clause, or its whole sentence.
    pub fn text<'d>(&self, doc: &'d Document) -> &'d str {
        let sentence = doc.sentence_text(self.anchor);
        self.clause_range()
            .and_then(|clause| sentence.get(clause))
            .unwrap_or(sentence)
    }
}

/// The argument of one document, in sidebar order: key claims, then counterclaims, each in
/// reading order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArgumentMap {
    /// Shared between copies until one is changed ([`ArgumentMap::items_mut`]): the reader
    /// shows the detected map of a long article, hundreds of thousands of items, as its
    /// working map until the reader edits it.
    pub items: std::sync::Arc<Vec<Item>>,
}

impl ArgumentMap {
    /// Builds a map from items in any order, putting them into sidebar order.
    pub fn new(mut items: Vec<Item>) -> Self {
        let order = |item: &Item| (item.kind != ClaimKind::Key, item.anchor);
        // The detector's items come in this order already; a stable sort would still
        // allocate a buffer of half the items, at the moment the detector's memory peaks.
        if !items.is_sorted_by_key(order) {
            items.sort_by_key(order);
        }
        for item in &mut items {
            item.rebuttals.sort();
            item.rebuttals.dedup();
        }
        ArgumentMap {
            items: items.into(),
        }
    }

    /// The items, to change: copied first if another map shares them.
    pub fn items_mut(&mut self) -> &mut Vec<Item> {
        std::sync::Arc::make_mut(&mut self.items)
    }

    pub fn of_kind(&self, kind: ClaimKind) -> impl Iterator<Item = (usize, &Item)> {
        self.items
            .iter()
            .enumerate()
            .filter(move |(_, item)| item.kind == kind)
    }

    /// The key claim that is the thesis: the one whose note says it is ("Thesis…"), else
    /// the first in reading order. Annotated or detected alike.
    pub fn thesis(&self) -> Option<usize> {
        let noted = self.of_kind(ClaimKind::Key).find(|(_, item)| {
            item.note
                .as_deref()
                .is_some_and(|n| n.trim_start().to_lowercase().starts_with("thesis"))
        });
        noted
            .or_else(|| self.of_kind(ClaimKind::Key).next())
            .map(|(index, _)| index)
    }

    /// Index of the first item anchored at `at`.
    pub fn position(&self, at: SentenceRef) -> Option<usize> {
        self.items.iter().position(|item| item.anchor == at)
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Whether every anchor and rebuttal names a sentence of `doc`.
    pub fn fits(&self, doc: &Document) -> bool {
        self.items
            .iter()
            .all(|i| doc.contains(i.anchor) && i.rebuttals.iter().all(|r| doc.contains(*r)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_item_stays_small() {
        // A long article's detected map holds hundreds of thousands of items.
        assert!(
            std::mem::size_of::<Item>() <= 80,
            "{}",
            std::mem::size_of::<Item>()
        );
    }
}
