//! Similarity to the title and standfirst: which of their content words a sentence uses,
//! weighted by how rare each word is in the article (a title word that every paragraph
//! repeats says little about which sentence states the thesis).
//!
//! One small Aho-Corasick automaton per document holds the title stems; a stem matches at
//! the start of a word followed by at most a short suffix.

use aho_corasick::{AhoCorasick, MatchKind};

use super::words::content_stems;

/// Longest word ending a stem may have and still count ("confront" + "ation").
const MAX_TAIL: usize = 5;
/// At most this many title stems are used (they are tracked in a 64-bit mask).
const MAX_STEMS: usize = 64;

pub struct Title {
    stems: Vec<String>,
    automaton: Option<AhoCorasick>,
    weights: Vec<f32>,
}

impl Title {
    /// The content stems of the title and standfirst.
    pub fn new(title: Option<&str>, dek: Option<&str>) -> Title {
        let mut stems = content_stems(title.unwrap_or(""));
        for s in content_stems(dek.unwrap_or("")) {
            if !stems.contains(&s) {
                stems.push(s);
            }
        }
        stems.truncate(MAX_STEMS);
        let automaton = if stems.is_empty() {
            None
        } else {
            AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostLongest)
                .build(&stems)
                .ok()
        };
        let weights = vec![1.0; stems.len()];
        Title {
            stems,
            automaton,
            weights,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.stems.is_empty()
    }

    /// The set of title stems `sentence` uses, as a bit mask. Capitalised words after
    /// the sentence's first word (`lead` is where it starts) are names: the subject of the
    /// article ("The Salt Orchard"), not a sign that the sentence states its thesis.
    pub fn matches(&self, sentence: &str, lead: usize) -> u64 {
        let Some(automaton) = &self.automaton else {
            return 0;
        };
        let bytes = sentence.as_bytes();
        let mut mask = 0u64;
        for m in automaton.find_iter(sentence) {
            if m.start() > 0 && bytes[m.start() - 1].is_ascii_alphanumeric() {
                continue;
            }
            if m.start() > lead && bytes[m.start()].is_ascii_uppercase() {
                continue;
            }
            let tail = bytes[m.end()..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count();
            if tail <= MAX_TAIL {
                mask |= 1 << m.pattern().as_usize();
            }
        }
        mask
    }

    /// Sets the weight of each stem from the masks of every sentence: inverse document
    /// frequency over sentences.
    pub fn weigh(&mut self, masks: impl Iterator<Item = u64>) {
        let mut frequency = vec![0u32; self.stems.len()];
        let mut total = 0u32;
        for mask in masks {
            total += 1;
            for (i, f) in frequency.iter_mut().enumerate() {
                *f += ((mask >> i) & 1) as u32;
            }
        }
        for (w, f) in self.weights.iter_mut().zip(frequency) {
            *w = (1.0 + total as f32 / (1.0 + f as f32)).ln();
        }
    }

    /// How much of the title `mask` covers, 0–1, by weight.
    pub fn coverage(&self, mask: u64) -> f32 {
        let all: f32 = self.weights.iter().sum();
        if all <= 0.0 {
            return 0.0;
        }
        let hit: f32 = self
            .weights
            .iter()
            .enumerate()
            .filter(|(i, _)| (mask >> i) & 1 == 1)
            .map(|(_, w)| w)
            .sum();
        hit / all
    }

    /// The title words in `mask`, for evidence.
    pub fn words(&self, mask: u64) -> Vec<&str> {
        self.stems
            .iter()
            .enumerate()
            .filter(|(i, _)| (mask >> i) & 1 == 1)
            .map(|(_, s)| s.as_str())
            .collect()
    }
}
