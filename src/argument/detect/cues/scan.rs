//! Leftmost-longest matching of the cue lexicon with a tight loop over a transition
//! table.
//!
//! Why not `AhoCorasick::find_iter`: cue matches are rare (about one per sentence), so
//! nearly all of the time goes to the per-byte loop, and the crate's generic search loop
//! (bounds checks on its `Input`, the haystack and the prefilter hook on each byte) costs
//! about 17 instructions a byte. Walking the crate's own DFA through its `Automaton` trait
//! still came to 15: the compiler kept several counters and shuffled registers. So the
//! DFA the crate builds is copied once, on the first detection, into a plain table whose
//! state numbering makes the per-byte test one comparison: the dead state and the match
//! states come first, so `state < first_plain` means "look closer".
//!
//! The semantics are the crate's own, step for step (`automaton::try_find_fwd_imp` in
//! aho-corasick 1.1, for a DFA without a prefilter): run from the unanchored start state,
//! remember the last match state seen, stop at the dead state (which a leftmost DFA
//! enters once no longer match is possible) or at the end of the text; the next search
//! starts where the match ended. The tests compare every match with `find_iter`.

use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind, StartKind};

pub struct Scanner {
    /// Byte to equivalence class: bytes that every state treats alike share a column.
    classes: [u8; 256],
    /// `transitions[state + class]`; states are premultiplied by the number of classes.
    transitions: Vec<u32>,
    start: u32,
    /// States below this are the dead state (0) and the match states.
    first_plain: u32,
    /// Per state index (state / stride), for match states: pattern and its length.
    matches: Vec<(u32, u32)>,
    stride: u32,
}

/// One match: pattern index and byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub pattern: usize,
    pub start: usize,
    pub end: usize,
}

const DEAD: u32 = 0;

impl Scanner {
    /// ASCII case-insensitive, leftmost-longest, unanchored: the configuration the cue
    /// lexicon was written for. Patterns must not be empty.
    pub fn new<P: AsRef<[u8]>>(patterns: &[P]) -> Scanner {
        assert!(patterns.iter().all(|p| !p.as_ref().is_empty()));
        let dfa = DFA::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Unanchored)
            // The table never consults a prefilter; not building one saves start-up time.
            .prefilter(false)
            .build(patterns)
            .expect("the cue lexicon compiles");
        let start = dfa
            .start_state(Anchored::No)
            .expect("built with an unanchored start state");
        // Classes: a byte that occurs in some pattern (in either case: the search ignores
        // ASCII case) is a class of its own; every other byte leaves every state for the
        // same successor, so all of them share one class.
        let mut in_patterns = [false; 256];
        for pattern in patterns {
            for &b in pattern.as_ref() {
                in_patterns[usize::from(b.to_ascii_lowercase())] = true;
                in_patterns[usize::from(b.to_ascii_uppercase())] = true;
            }
        }
        let mut classes = [0u8; 256];
        // One byte of each class, by class.
        let mut representatives: Vec<u8> = Vec::new();
        if let Some(other) = (0..=255u8).find(|&b| !in_patterns[usize::from(b)]) {
            representatives.push(other);
        }
        for byte in 0..=255u8 {
            if !in_patterns[usize::from(byte)] {
                continue;
            }
            // Upper-case letters come first in byte order; a lower-case one joins its class.
            let upper = byte.to_ascii_uppercase();
            classes[usize::from(byte)] = if upper < byte {
                classes[usize::from(upper)]
            } else {
                representatives.push(byte);
                u8::try_from(representatives.len() - 1).expect("at most 256 classes")
            };
        }
        // Every state reachable from the start, numbered by position in `order`.
        let mut order = vec![start];
        let mut position = vec![u32::MAX; start.as_usize() + 1];
        position[start.as_usize()] = 0;
        let mut at = 0;
        while at < order.len() {
            let sid = order[at];
            for &byte in &representatives {
                let to = dfa.next_state(Anchored::No, sid, byte);
                let i = to.as_usize();
                if position.len() <= i {
                    position.resize(i + 1, u32::MAX);
                }
                if position[i] == u32::MAX {
                    position[i] = order.len() as u32;
                    order.push(to);
                }
            }
            at += 1;
        }
        let states = order.len();
        let successor =
            |s: usize, byte: u8| position[dfa.next_state(Anchored::No, order[s], byte).as_usize()];
        let stride = representatives.len() as u32;
        // Renumber: dead, then match states, then the rest.
        let dead = (0..states)
            .find(|&s| dfa.is_dead(order[s]))
            .expect("a leftmost DFA has a dead state");
        let mut renumbered = vec![dead];
        renumbered.extend((0..states).filter(|&s| dfa.is_match(order[s])));
        let first_plain = renumbered.len() as u32 * stride;
        renumbered.extend((0..states).filter(|&s| s != dead && !dfa.is_match(order[s])));
        let mut index = vec![0u32; states];
        for (i, &s) in renumbered.iter().enumerate() {
            index[s] = i as u32 * stride;
        }
        let mut transitions = vec![DEAD; states * stride as usize];
        let mut matches = vec![(0, 0); states];
        for (i, &s) in renumbered.iter().enumerate() {
            let row = &mut transitions[i * stride as usize..][..stride as usize];
            for (cell, &byte) in row.iter_mut().zip(&representatives) {
                *cell = index[successor(s, byte) as usize];
            }
            if dfa.is_match(order[s]) {
                let pattern = dfa.match_pattern(order[s], 0);
                matches[i] = (pattern.as_u32(), dfa.pattern_len(pattern) as u32);
            }
        }
        let start = index[0];
        Scanner {
            classes,
            transitions,
            start,
            first_plain,
            matches,
            stride,
        }
    }

    /// The leftmost-longest, non-overlapping matches in `haystack`, in order.
    pub fn find_iter<'a>(&'a self, haystack: &'a [u8]) -> impl Iterator<Item = Found> + 'a {
        let mut at = 0;
        std::iter::from_fn(move || {
            let found = self.find_from(haystack, at)?;
            at = found.end;
            Some(found)
        })
    }

    /// The leftmost-longest match that starts at or after `from`.
    ///
    #[inline]
    fn find_from(&self, haystack: &[u8], from: usize) -> Option<Found> {
        let bytes = haystack.get(from..)?;
        let mut state = self.start;
        // No empty patterns, so the start state is never a match state.
        let mut found = None;
        let mut rest = bytes.iter();
        while let Some(&byte) = rest.next() {
            state = self.transitions[(state + u32::from(self.classes[usize::from(byte)])) as usize];
            if state < self.first_plain {
                if state == DEAD {
                    break;
                }
                // The match state is entered on the pattern's last byte.
                let (pattern, len) = self.matches[(state / self.stride) as usize];
                let end = from + bytes.len() - rest.len();
                found = Some(Found {
                    pattern: pattern as usize,
                    start: end - len as usize,
                    end,
                });
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::AhoCorasick;

    fn reference(patterns: &[&str], haystack: &str) -> Vec<Found> {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(patterns)
            .unwrap()
            .find_iter(haystack)
            .map(|m| Found {
                pattern: m.pattern().as_usize(),
                start: m.start(),
                end: m.end(),
            })
            .collect()
    }

    #[test]
    fn same_matches_as_find_iter() {
        let patterns = [
            "in this essay",
            "this essay",
            "in",
            "in fact",
            "so",
            ", so",
            "also",
            "not only",
            "not",
            "true,",
            "don't",
            "b",
            "abc",
            "bcd e",
        ];
        let scanner = Scanner::new(&patterns);
        // Small deterministic generator over an alphabet rich in pattern bytes.
        let alphabet = b"inthsoaley ,'fcbdeTNI";
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        for len in 0..400 {
            let text: String = (0..len % 60)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    alphabet[(state % alphabet.len() as u64) as usize] as char
                })
                .collect();
            let ours: Vec<Found> = scanner.find_iter(text.as_bytes()).collect();
            assert_eq!(ours, reference(&patterns, &text), "{text:?}");
        }
        for text in [
            "Within this essay, in fact, so also not only True, DON'T abcd e",
            "",
            "in",
            "abcd ebcd e",
            // Bytes in no pattern: digits, other letters, UTF-8.
            "Yin 9 so\u{e9}, not-only x-in; caf\u{e9} so \u{2019}in\u{2019}",
        ] {
            let ours: Vec<Found> = scanner.find_iter(text.as_bytes()).collect();
            assert_eq!(ours, reference(&patterns, text), "{text:?}");
        }
    }
}
