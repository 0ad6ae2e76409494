//! Similarity to the title and standfirst: which of their content words a sentence uses,
//! weighted by how rare each word is in the article (a title word that every paragraph
//! repeats says little about which sentence states the thesis).
//!
//! Title stems are matched per word during the surface pass over each sentence (see
//! `cues.rs`): a stem matches a word that starts with it and goes on for at most a short
//! suffix. An index by first letter keeps the cost per word constant.

use super::words::content_stems;

/// Longest word ending a stem may have and still count ("confront" + "ation").
const MAX_TAIL: usize = 5;
/// At most this many title stems are used (they are tracked in a 64-bit mask).
const MAX_STEMS: usize = 64;

#[derive(Clone)]
pub struct Title {
    stems: Vec<String>,
    /// Per first letter (a–z, then everything else), the stems that start with it.
    by_letter: [u64; 27],
    weights: Vec<f32>,
}

fn bucket(first: u8) -> usize {
    let lower = first.to_ascii_lowercase();
    if lower.is_ascii_lowercase() {
        usize::from(lower - b'a')
    } else {
        26
    }
}

impl Title {
    /// The content stems of the title and standfirst.
    pub fn new(title: Option<&str>, dek: Option<&str>) -> Title {
        // A byline taken for a title ("By Jane Doe", "Posted by …") names no topic.
        let byline = |t: &&str| t.split_whitespace().any(|w| w.eq_ignore_ascii_case("by"));
        let title = title.filter(|t| !byline(t));
        let dek = dek.filter(|t| !byline(t));
        let mut stems = content_stems(title.unwrap_or(""));
        for s in content_stems(dek.unwrap_or("")) {
            if !stems.contains(&s) {
                stems.push(s);
            }
        }
        stems.truncate(MAX_STEMS);
        let mut by_letter = [0u64; 27];
        for (i, stem) in stems.iter().enumerate() {
            by_letter[bucket(stem.as_bytes()[0])] |= 1 << i;
        }
        let weights = vec![1.0; stems.len()];
        Title {
            stems,
            by_letter,
            weights,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.stems.is_empty()
    }

    /// The title stems that `word` matches, as a bit mask. A capitalised word inside a
    /// sentence is a name: the subject of the article ("The Salt Orchard"), not a sign that
    /// the sentence states its thesis, so callers pass `name` and it matches nothing.
    #[inline]
    pub fn word(&self, word: &[u8], name: bool) -> u64 {
        let mut candidates = self.by_letter[bucket(word[0])];
        if candidates == 0 || name {
            return 0;
        }
        let mut mask = 0;
        while candidates != 0 {
            let i = candidates.trailing_zeros() as usize;
            candidates &= candidates - 1;
            let stem = self.stems[i].as_bytes();
            if word.len() >= stem.len()
                && word.len() - stem.len() <= MAX_TAIL
                && word[..stem.len()].eq_ignore_ascii_case(stem)
            {
                mask |= 1 << i;
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
