//! Anchoring an imported statement's text to a sentence of the article: the exact
//! sentence first, then the sentence equal once case, white space and punctuation are
//! folded, then the one sentence sharing the most words (Dice coefficient of the word
//! sets ≥ 0.6, with no tie for best).

use std::collections::HashSet;

use crate::document::{Document, SentenceRef};

const MIN_OVERLAP: f64 = 0.6;

/// A sentence with its text collapsed, its text folded and its folded words.
struct Sentence {
    at: SentenceRef,
    exact: String,
    folded: String,
    words: HashSet<String>,
}

pub(super) struct Anchorer {
    sentences: Vec<Sentence>,
    used: HashSet<SentenceRef>,
}

impl Anchorer {
    pub(super) fn new(doc: &Document) -> Self {
        let sentences = doc
            .sentence_refs()
            .map(|at| {
                let text = doc.sentence_text(at);
                let exact = collapse(text);
                let folded = normalise(text);
                let words = folded.split(' ').map(String::from).collect();
                Sentence {
                    at,
                    exact,
                    folded,
                    words,
                }
            })
            .collect();
        Anchorer {
            sentences,
            used: HashSet::new(),
        }
    }

    /// The sentence `text` names. Among several equal sentences, the hinted one, else the
    /// first not yet taken by an earlier statement.
    pub(super) fn place(&mut self, text: &str, hint: Option<SentenceRef>) -> Option<SentenceRef> {
        let exact = collapse(text);
        let folded = normalise(text);
        if folded.is_empty() {
            return None;
        }
        let pick = |matches: Vec<SentenceRef>, used: &HashSet<SentenceRef>| {
            if matches.is_empty() {
                return None;
            }
            hint.filter(|h| matches.contains(h))
                .or_else(|| matches.iter().find(|m| !used.contains(m)).copied())
                .or(Some(matches[0]))
        };
        let same = |f: &dyn Fn(&Sentence) -> bool| {
            self.sentences
                .iter()
                .filter(|s| f(s))
                .map(|s| s.at)
                .collect()
        };
        let found = pick(same(&|s| s.exact == exact), &self.used)
            .or_else(|| pick(same(&|s| s.folded == folded), &self.used))
            .or_else(|| self.best_overlap(&folded));
        if let Some(at) = found {
            self.used.insert(at);
        }
        found
    }

    fn best_overlap(&self, folded: &str) -> Option<SentenceRef> {
        let words: HashSet<&str> = folded.split(' ').collect();
        let mut best: Option<(f64, SentenceRef)> = None;
        let mut tied = false;
        for sentence in &self.sentences {
            let shared = words
                .iter()
                .filter(|w| sentence.words.contains(**w))
                .count();
            let score = 2.0 * shared as f64 / (words.len() + sentence.words.len()) as f64;
            match best {
                Some((top, _)) if score < top => {}
                Some((top, _)) if score == top => tied = true,
                _ => {
                    best = Some((score, sentence.at));
                    tied = false;
                }
            }
        }
        best.filter(|(score, _)| *score >= MIN_OVERLAP && !tied)
            .map(|(_, at)| at)
    }
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Lower case, punctuation as white space, white space collapsed.
pub(super) fn normalise(text: &str) -> String {
    let folded: String = text
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .flat_map(char::to_lowercase)
        .collect();
    collapse(&folded)
}
