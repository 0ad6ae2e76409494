//! Leftmost-longest matching of the cue lexicon with a tight loop over the automaton's
//! transitions.
//!
//! Why not `AhoCorasick::find_iter`: cue matches are rare (about one per sentence), so
//! nearly all of the time goes to the per-byte loop, and the crate's generic search loop
//! (bounds checks on its `Input`, the haystack and the prefilter hook on each byte) costs
//! about twice what walking the same DFA over a byte slice does. The semantics are the
//! crate's own, step for step (`automaton::try_find_fwd_imp` in aho-corasick 1.1, for a
//! DFA without a prefilter): run from the unanchored start state, remember the last match
//! state seen, stop at the dead state (which a leftmost DFA enters once no longer match is
//! possible) or at the end of the text; the next search starts where the match ended. The
//! tests compare every match with `find_iter`.

use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind, StartKind};

pub struct Scanner {
    dfa: DFA,
}

/// One match: pattern index and byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub pattern: usize,
    pub start: usize,
    pub end: usize,
}

impl Scanner {
    /// ASCII case-insensitive, leftmost-longest, unanchored: the configuration the cue
    /// lexicon was written for. Patterns must not be empty.
    pub fn new<P: AsRef<[u8]>>(patterns: &[P]) -> Scanner {
        assert!(patterns.iter().all(|p| !p.as_ref().is_empty()));
        let dfa = DFA::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Unanchored)
            // This loop never consults a prefilter; not building one saves start-up time.
            .prefilter(false)
            .build(patterns)
            .expect("the cue lexicon compiles");
        Scanner { dfa }
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
    /// Kept out of line: inlined into the caller, which holds many live values, the loop
    /// spilled registers and took half again as many instructions per byte.
    #[inline(never)]
    fn find_from(&self, haystack: &[u8], from: usize) -> Option<Found> {
        let dfa = &self.dfa;
        let mut sid = dfa
            .start_state(Anchored::No)
            .expect("built with an unanchored start state");
        // No empty patterns, so the start state is never a match state.
        let mut found = None;
        let bytes = haystack.get(from..)?;
        // An index loop: with `iter().enumerate()` the compiler kept two counters and
        // reloaded the automaton's fields on every byte.
        let mut i = 0;
        while i < bytes.len() {
            sid = dfa.next_state(Anchored::No, sid, bytes[i]);
            i += 1;
            if dfa.is_special(sid) {
                if dfa.is_dead(sid) {
                    break;
                }
                if dfa.is_match(sid) {
                    // The match state is entered on the pattern's last byte.
                    let pattern = dfa.match_pattern(sid, 0);
                    let end = from + i;
                    found = Some(Found {
                        pattern: pattern.as_usize(),
                        start: end - dfa.pattern_len(pattern),
                        end,
                    });
                }
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
        ] {
            let ours: Vec<Found> = scanner.find_iter(text.as_bytes()).collect();
            assert_eq!(ours, reference(&patterns, text), "{text:?}");
        }
    }
}
