//! Trivial baselines that the detector must beat, scored by `counterpoint eval
//! --baselines`: a detector that does no better than these is no use to a reader.
//!
//! - Key claims: the first and the last sentence of every prose paragraph (topic and
//!   closing sentences, where writers put claims).
//! - Counterclaims: every sentence with an opposing-view phrase ("some people",
//!   "opponents", "it is argued", "although", …), the kind of ten-line regular expression a
//!   newcomer would write; no rebuttals.

use super::{ArgumentMap, ClaimKind, Item};
use crate::document::{Document, SentenceRef};

/// Phrases of the counterclaim baseline, matched in lower case at word boundaries.
const OPPOSING_PHRASES: &[&str] = &[
    "some people",
    "some argue",
    "some say",
    "some believe",
    "some claim",
    "opponents",
    "critics",
    "it is argued",
    "it is said",
    "it is claimed",
    "others argue",
    "others believe",
    "many people believe",
    "although",
    "even though",
    "admittedly",
    "it is true that",
    "one might argue",
    "one could argue",
];

/// The first and last sentence of every prose paragraph, as key claims.
pub fn first_and_last(doc: &Document) -> ArgumentMap {
    let mut items = Vec::new();
    for (p, paragraph) in prose(doc) {
        let last = paragraph.sentences.len() - 1;
        for sentence in if last == 0 { vec![0] } else { vec![0, last] } {
            let at = SentenceRef {
                paragraph: p,
                sentence,
            };
            items.push(Item::annotated(ClaimKind::Key, at, Vec::new()));
        }
    }
    ArgumentMap::new(items)
}

/// Every sentence with an opposing-view phrase, as a counterclaim.
pub fn opposing_phrases(doc: &Document) -> ArgumentMap {
    let mut items = Vec::new();
    for (p, paragraph) in prose(doc) {
        for sentence in 0..paragraph.sentences.len() {
            let at = SentenceRef {
                paragraph: p,
                sentence,
            };
            let text = doc.sentence_text(at).to_lowercase();
            if OPPOSING_PHRASES
                .iter()
                .any(|phrase| has_phrase(&text, phrase))
            {
                items.push(Item::annotated(ClaimKind::Counter, at, Vec::new()));
            }
        }
    }
    ArgumentMap::new(items)
}

/// `phrase` in `text` between word boundaries.
fn has_phrase(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + phrase.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

fn prose(doc: &Document) -> impl Iterator<Item = (usize, &crate::document::Paragraph)> {
    doc.paragraphs
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.kind.is_verbatim() && !p.sentences.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Metadata;

    #[test]
    fn first_and_last_sentences_and_opposing_phrases() {
        let doc = Document::from_paragraphs(
            Metadata::default(),
            &[
                "One sentence only here.",
                "Critics say it fails. I disagree. The data show it works.",
            ],
        );
        let keys: Vec<SentenceRef> = first_and_last(&doc)
            .items
            .iter()
            .map(|i| i.anchor)
            .collect();
        let at = |paragraph, sentence| SentenceRef {
            paragraph,
            sentence,
        };
        assert_eq!(keys, vec![at(0, 0), at(1, 0), at(1, 2)]);
        let counters: Vec<SentenceRef> = opposing_phrases(&doc)
            .items
            .iter()
            .map(|i| i.anchor)
            .collect();
        assert_eq!(counters, vec![at(1, 0)]);
        assert!(!has_phrase("hypocritics abound", "critics"));
    }
}
