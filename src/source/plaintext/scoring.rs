//! jusText-style classification of units: each is scored alone (length, stopword
//! density, separator density, sentence punctuation, boilerplate cues), then short and
//! near-good units take the class of their context.

use super::blocks::{Unit, list_marker};
use super::{cues, stopwords};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    Bad,
    Short,
    NearGood,
    Good,
}

/// Below this many words a unit is too short to judge alone.
const SHORT_WORDS: usize = 10;
/// From this many words a unit with enough stopwords is good on its own.
const LONG_WORDS: usize = 30;
const STOPWORDS_LOW: f64 = 0.30;
const STOPWORDS_HIGH: f64 = 0.32;
/// Separators ("|", "•", column gaps) per word above which a unit is a menu or link list.
const MAX_SEPARATOR_DENSITY: f64 = 0.2;

#[derive(Debug, Clone, Copy)]
pub struct Features {
    pub words: usize,
    pub stopwords: usize,
    pub separators: usize,
    /// Ends with sentence punctuation (possibly followed by a quote or bracket).
    pub sentence_end: bool,
    pub boilerplate: bool,
}

pub fn features(unit: &Unit) -> Features {
    let (words, stopwords) = stopwords::count(&unit.text);
    let mut separators = unit.wide_gaps;
    for (k, c) in unit.text.char_indices() {
        let bullet_of_list_item = k == 0 && list_marker(&unit.text).is_some();
        if matches!(c, '|' | '•' | '·' | '»' | '«' | '›' | '‹' | '◦' | '▪') && !bullet_of_list_item
        {
            separators += 1;
        }
    }
    let sentence_end = unit
        .text
        .trim_end_matches(['"', '\'', ')', ']', '”', '’'])
        .ends_with(['.', '!', '?', '…']);
    Features {
        words,
        stopwords,
        separators,
        sentence_end,
        boilerplate: cues::is_boilerplate(&unit.text, words),
    }
}

/// The context-free class of one unit.
pub fn classify(f: &Features) -> Class {
    if f.boilerplate {
        return Class::Bad;
    }
    if f.words < SHORT_WORDS {
        // jusText drops short blocks with any link; one gap in a sentence is a typo.
        let furniture = f.separators >= 2 || (f.separators == 1 && !f.sentence_end);
        return if furniture { Class::Bad } else { Class::Short };
    }
    let words = f.words as f64;
    if f.separators as f64 / words > MAX_SEPARATOR_DENSITY {
        return Class::Bad;
    }
    let density = f.stopwords as f64 / words;
    if density >= STOPWORDS_HIGH {
        if f.words >= LONG_WORDS {
            Class::Good
        } else {
            Class::NearGood
        }
    } else if density >= STOPWORDS_LOW || (f.sentence_end && f.words >= 15) {
        // The second case keeps terse but real prose for the context pass to decide.
        Class::NearGood
    } else {
        Class::Bad
    }
}

/// Context pass: runs of three or more short unpunctuated units are link lists; short
/// units take the class of their good/bad neighbours; near-good units are good unless
/// both neighbours are bad (jusText's rules; the document edges count as bad).
pub fn revise(classes: &mut [Class], features: &[Features]) {
    let n = classes.len();
    let list_like: Vec<bool> = (0..n)
        .map(|k| classes[k] == Class::Short && !features[k].sentence_end)
        .collect();
    let mut k = 0;
    while k < n {
        let run = list_like[k..].iter().take_while(|&&l| l).count();
        if run >= 3 {
            classes[k..k + run].fill(Class::Bad);
        }
        k += run.max(1);
    }

    let original = classes.to_vec();
    let back = Neighbours::new(&original, Direction::Back);
    let forward = Neighbours::new(&original, Direction::Forward);
    for k in 0..n {
        if original[k] != Class::Short {
            continue;
        }
        let (previous, next) = (back.strict[k], forward.strict[k]);
        // The document edge counts as bad, except for a real sentence next to good text
        // (a short closing line of a plain essay).
        let edge_and_good = (back.at_edge[k] && next == Class::Good)
            || (forward.at_edge[k] && previous == Class::Good);
        classes[k] = match (previous, next) {
            _ if edge_and_good && features[k].sentence_end => Class::Good,
            (Class::Good, Class::Good) => Class::Good,
            (Class::Bad, Class::Bad) => Class::Bad,
            _ => {
                let near_good_bridge = (previous == Class::Bad && back.loose[k] == Class::NearGood)
                    || (next == Class::Bad && forward.loose[k] == Class::NearGood);
                if near_good_bridge {
                    Class::Good
                } else {
                    Class::Bad
                }
            }
        };
    }

    let resolved = classes.to_vec();
    let back = Neighbours::new(&resolved, Direction::Back);
    let forward = Neighbours::new(&resolved, Direction::Forward);
    for k in 0..n {
        if resolved[k] == Class::NearGood {
            let both_bad = back.strict[k] == Class::Bad && forward.strict[k] == Class::Bad;
            classes[k] = if both_bad { Class::Bad } else { Class::Good };
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Direction {
    Back,
    Forward,
}

/// For every unit, the class of the nearest unit in one direction that is not short
/// (`loose`) or neither short nor near-good (`strict`); the document edge counts as bad.
/// Computed in one sweep so the pass stays linear on long runs of short lines.
struct Neighbours {
    strict: Vec<Class>,
    loose: Vec<Class>,
    /// No unit that is neither short nor near-good lies in that direction.
    at_edge: Vec<bool>,
}

impl Neighbours {
    fn new(classes: &[Class], direction: Direction) -> Self {
        let n = classes.len();
        let mut strict = vec![Class::Bad; n];
        let mut loose = vec![Class::Bad; n];
        let mut at_edge = vec![true; n];
        let (mut last_strict, mut last_loose, mut edge) = (Class::Bad, Class::Bad, true);
        let mut visit = |k: usize| {
            strict[k] = last_strict;
            loose[k] = last_loose;
            at_edge[k] = edge;
            let c = classes[k];
            if c != Class::Short {
                last_loose = c;
                if c != Class::NearGood {
                    last_strict = c;
                    edge = false;
                }
            }
        };
        if direction == Direction::Back {
            (0..n).for_each(&mut visit);
        } else {
            (0..n).rev().for_each(&mut visit);
        }
        Neighbours {
            strict,
            loose,
            at_edge,
        }
    }
}
