//! Searching the body text: smart case (case-insensitive unless the pattern has a
//! capital), every match found once per pattern, stepping forward or backward with wrap.

use std::ops::Range;

/// One occurrence: a byte range of a paragraph's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub paragraph: usize,
    pub range: Range<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Forward,
    Backward,
}

/// A search in progress: its pattern, direction and matches.
#[derive(Debug, Clone)]
pub struct Search {
    pub pattern: String,
    pub direction: Direction,
    /// In reading order.
    pub matches: Vec<Match>,
    /// Index of the current match.
    pub current: Option<usize>,
}

/// What stepping to a match did, for the status line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Found { index: usize, wrapped: bool },
    NotFound,
}

impl Search {
    /// Finds every match of `pattern` in `paragraphs` (each given as its text).
    pub fn new<'a>(
        pattern: &str,
        direction: Direction,
        paragraphs: impl Iterator<Item = &'a str>,
    ) -> Self {
        let matches = if pattern.is_empty() {
            Vec::new()
        } else {
            find_all(pattern, paragraphs)
        };
        Search {
            pattern: pattern.to_string(),
            direction,
            matches,
            current: None,
        }
    }

    /// Moves to the next match in the search's direction (the other way when `reverse`),
    /// starting after or before `from` (a paragraph and byte offset), or at it when
    /// `inclusive`.
    pub fn step(&mut self, from: (usize, usize), inclusive: bool, reverse: bool) -> Step {
        if self.matches.is_empty() {
            self.current = None;
            return Step::NotFound;
        }
        let forward = (self.direction == Direction::Forward) != reverse;
        let key = |m: &Match| (m.paragraph, m.range.start);
        let (index, wrapped) = if forward {
            match self
                .matches
                .iter()
                .position(|m| key(m) > from || (inclusive && key(m) == from))
            {
                Some(i) => (i, false),
                None => (0, true),
            }
        } else {
            match self
                .matches
                .iter()
                .rposition(|m| key(m) < from || (inclusive && key(m) == from))
            {
                Some(i) => (i, false),
                None => (self.matches.len() - 1, true),
            }
        };
        self.current = Some(index);
        Step::Found { index, wrapped }
    }

    pub fn current_match(&self) -> Option<&Match> {
        self.current.and_then(|i| self.matches.get(i))
    }

    /// Matches inside one paragraph (for highlighting what is on screen).
    pub fn in_paragraph(&self, paragraph: usize) -> &[Match] {
        let start = self.matches.partition_point(|m| m.paragraph < paragraph);
        let end = self.matches.partition_point(|m| m.paragraph <= paragraph);
        &self.matches[start..end]
    }
}

/// Whether `text` contains `pattern`, by the same smart-case rule as searches.
pub fn contains_smart_case(text: &str, pattern: &str) -> bool {
    if pattern.chars().any(char::is_uppercase) {
        text.contains(pattern)
    } else {
        find_ignoring_case(text, &pattern.to_lowercase())
            .next()
            .is_some()
    }
}

/// Smart case: a pattern with a capital letter is matched exactly, otherwise without case.
fn find_all<'a>(pattern: &str, paragraphs: impl Iterator<Item = &'a str>) -> Vec<Match> {
    let exact = pattern.chars().any(char::is_uppercase);
    let needle = if exact {
        pattern.to_string()
    } else {
        pattern.to_lowercase()
    };
    let mut matches = Vec::new();
    for (paragraph, text) in paragraphs.enumerate() {
        if exact {
            matches.extend(text.match_indices(&needle).map(|(start, m)| Match {
                paragraph,
                range: start..start + m.len(),
            }));
        } else {
            matches
                .extend(find_ignoring_case(text, &needle).map(|range| Match { paragraph, range }));
        }
    }
    matches
}

/// Case-insensitive search that reports ranges of the original text, even where
/// lowercasing changes byte lengths.
fn find_ignoring_case<'t>(
    text: &'t str,
    needle: &'t str,
) -> impl Iterator<Item = Range<usize>> + 't {
    let ascii = text.is_ascii() && needle.is_ascii();
    let mut from = 0;
    std::iter::from_fn(move || {
        if from >= text.len() {
            return None;
        }
        {
            let found = if ascii {
                let hay = text.as_bytes();
                let n = needle.as_bytes();
                // A needle longer than the rest of the text cannot match (and must not
                // index past its end).
                let last = hay.len().checked_sub(n.len())?;
                (from..=last)
                    .find(|&i| hay[i..i + n.len()].eq_ignore_ascii_case(n))
                    .map(|i| i..i + n.len())
            } else {
                text[from..]
                    .char_indices()
                    .map(|(i, _)| from + i)
                    .find_map(|start| match_at(text, start, needle).map(|end| start..end))
            };
            let range = found?;
            from = if range.end > range.start {
                range.end
            } else {
                range.start + 1
            };
            Some(range)
        }
    })
}

/// If `text[start..]` begins with `needle` ignoring case, where the match ends.
fn match_at(text: &str, start: usize, needle: &str) -> Option<usize> {
    let mut wanted = needle.chars();
    let mut pending = String::new();
    for (offset, c) in text[start..].char_indices() {
        pending.extend(c.to_lowercase());
        for p in pending.drain(..) {
            if wanted.next() != Some(p) {
                return None;
            }
        }
        if wanted.as_str().is_empty() {
            return Some(start + offset + c.len_utf8());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: [&str; 3] = [
        "Snowden said so.",
        "Nothing here.",
        "snowden, SNOWDEN and Snowden.",
    ];

    #[test]
    fn smart_case() {
        let lower = Search::new("snowden", Direction::Forward, TEXT.into_iter());
        assert_eq!(lower.matches.len(), 4);
        let exact = Search::new("Snowden", Direction::Forward, TEXT.into_iter());
        assert_eq!(exact.matches.len(), 2);
        assert_eq!(
            exact.matches[1],
            Match {
                paragraph: 2,
                range: 21..28
            }
        );
    }

    #[test]
    fn steps_wrap_around_in_both_directions() {
        let mut search = Search::new("Snowden", Direction::Forward, TEXT.into_iter());
        assert_eq!(
            search.step((0, 0), false, false),
            Step::Found {
                index: 1,
                wrapped: false
            }
        );
        assert_eq!(
            search.step((2, 22), false, false),
            Step::Found {
                index: 0,
                wrapped: true
            }
        );
        assert_eq!(
            search.step((0, 0), false, true),
            Step::Found {
                index: 1,
                wrapped: true
            }
        );
        let mut none = Search::new("zebra", Direction::Forward, TEXT.into_iter());
        assert_eq!(none.step((0, 0), false, false), Step::NotFound);
    }

    #[test]
    fn unicode_case_folding_reports_original_ranges() {
        let text = ["Straße und STRASSE, Ärger"];
        let search = Search::new("ärger", Direction::Forward, text.into_iter());
        assert_eq!(search.matches.len(), 1);
        let m = &search.matches[0];
        assert_eq!(&text[0][m.range.clone()], "Ärger");
        assert_eq!(search.in_paragraph(0).len(), 1);
        assert!(search.in_paragraph(1).is_empty());
    }

    #[test]
    fn a_pattern_longer_than_a_paragraph_finds_nothing_there() {
        let text = ["No.", "Visitors would stay elsewhere, the council said."];
        let search = Search::new(
            "visitors would stay elsewhere",
            Direction::Forward,
            text.into_iter(),
        );
        assert_eq!(search.matches.len(), 1);
        assert_eq!(search.matches[0].paragraph, 1);
    }

    proptest::proptest! {
        /// Short paragraphs and long patterns, ASCII or not, in either case: search never
        /// panics and every match is the pattern, ignoring case.
        #[test]
        fn search_never_panics_and_matches_are_real(
            paragraphs in proptest::collection::vec("[a-zA-Z .é]{0,6}", 1..6),
            pattern in "[a-z .é]{1,12}",
        ) {
            let search = Search::new(&pattern, Direction::Forward, paragraphs.iter().map(String::as_str));
            for m in &search.matches {
                let found = &paragraphs[m.paragraph][m.range.clone()];
                proptest::prop_assert_eq!(found.to_lowercase(), pattern.to_lowercase());
            }
        }
    }
}
