//! Where the map shown puts its key claims, counterclaims and rebuttals in the text: byte
//! ranges of paragraphs with their role, sorted by paragraph, so the reading pane finds a
//! paragraph's tints by binary search. Derived from the map whenever it changes.

use std::ops::Range;

use crate::argument::{ArgumentMap, ClaimKind};
use crate::document::{Document, SentenceRef};

/// What a tinted stretch of text is in the argument. The order is the gutter's: a
/// paragraph holding several shows the first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    Key,
    Counter,
    Rebuttal,
}

impl Role {
    /// The gutter's mark for a paragraph holding this role.
    pub fn letter(self) -> char {
        match self {
            Role::Key => 'K',
            Role::Counter => 'C',
            Role::Rebuttal => 'R',
        }
    }
}

/// A tinted stretch: paragraph, byte range within it, role. 16 bytes: a long article's
/// map tints hundreds of thousands of sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tint {
    paragraph: u32,
    start: u32,
    end: u32,
    pub role: Role,
}

impl Tint {
    /// `None` past what 32 bits hold: four billion paragraphs, or a paragraph of 4 GiB.
    fn new(paragraph: usize, range: Range<usize>, role: Role) -> Option<Tint> {
        Some(Tint {
            paragraph: u32::try_from(paragraph).ok()?,
            start: u32::try_from(range.start).ok()?,
            end: u32::try_from(range.end).ok()?,
            role,
        })
    }

    /// The byte range within the paragraph.
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tints {
    tints: Vec<Tint>,
}

impl Tints {
    pub fn of(doc: &Document, map: &ArgumentMap) -> Self {
        let sentence = |at: SentenceRef| {
            doc.contains(at)
                .then(|| doc.paragraphs[at.paragraph].sentences.range(at.sentence))
        };
        let mut tints = Vec::with_capacity(map.items.iter().map(|i| 1 + i.rebuttals.len()).sum());
        for item in map.items.iter() {
            let Some(range) = sentence(item.anchor) else {
                continue;
            };
            // A clause item tints its clause only: the rest of the sentence may be another
            // item (a key claim after a conceded counterclaim).
            let range = match item.clause_range() {
                Some(clause) if range.start + clause.end <= range.end => {
                    range.start + clause.start..range.start + clause.end
                }
                _ => range,
            };
            let role = match item.kind {
                ClaimKind::Key => Role::Key,
                ClaimKind::Counter => Role::Counter,
            };
            tints.extend(Tint::new(item.anchor.paragraph, range, role));
            for &rebuttal in &item.rebuttals {
                if let Some(range) = sentence(rebuttal) {
                    tints.extend(Tint::new(rebuttal.paragraph, range, Role::Rebuttal));
                }
            }
        }
        // Unstable (no buffer of half the tints, which a long article's map makes large),
        // and deterministic: tints with equal keys are equal.
        tints.sort_unstable_by_key(|t| (t.paragraph, t.role, t.start, t.end));
        tints.dedup();
        Tints { tints }
    }

    /// The tints of one paragraph, key claims first.
    pub fn in_paragraph(&self, paragraph: usize) -> &[Tint] {
        let start = self
            .tints
            .partition_point(|t| (t.paragraph as usize) < paragraph);
        let end = self
            .tints
            .partition_point(|t| t.paragraph as usize <= paragraph);
        &self.tints[start..end]
    }

    /// The role the gutter marks a paragraph with, if it holds any.
    pub fn mark(&self, paragraph: usize) -> Option<Role> {
        self.in_paragraph(paragraph).first().map(|t| t.role)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::argument::Item;
    use crate::document::Metadata;

    #[test]
    fn every_claim_and_rebuttal_is_found_by_its_paragraph() {
        let doc = Document::from_paragraphs(
            Metadata::default(),
            &["Claim one. Filler.", "Some say no. They are wrong."],
        );
        let at = |paragraph, sentence| SentenceRef {
            paragraph,
            sentence,
        };
        let map = ArgumentMap::new(vec![
            Item::annotated(ClaimKind::Key, at(0, 0), vec![]),
            Item::annotated(ClaimKind::Counter, at(1, 0), vec![at(1, 1)]),
        ]);
        let tints = Tints::of(&doc, &map);
        assert_eq!(
            tints.in_paragraph(0),
            [Tint::new(0, 0..10, Role::Key).unwrap()]
        );
        let second: Vec<Role> = tints.in_paragraph(1).iter().map(|t| t.role).collect();
        assert_eq!(second, [Role::Counter, Role::Rebuttal]);
        assert_eq!(tints.mark(1), Some(Role::Counter));
        assert_eq!(tints.mark(2), None);
        assert_eq!(
            &doc.paragraph_text(1)[tints.in_paragraph(1)[1].range()],
            "They are wrong."
        );
    }

    #[test]
    fn a_tint_is_sixteen_bytes() {
        assert_eq!(std::mem::size_of::<Tint>(), 16);
    }
}
