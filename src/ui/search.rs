//! Searching everything the reading pane draws (title, standfirst, byline, thesis,
//! headings, paragraphs, code, notes): a regular expression (the `regex` crate) when the
//! pattern has special characters, else the text as typed; smart case (case-insensitive
//! unless the pattern has a capital); every match found once per pattern, stepping
//! forward or backward with wrap.

use std::ops::Range;

use regex::{Regex, RegexBuilder};

/// One occurrence: a byte range of a layout block's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub block: usize,
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
    /// What the pattern was read as, when that needs saying (an invalid regular
    /// expression searched as plain text).
    pub note: Option<String>,
    matcher: Regex,
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

/// The matcher for a pattern, and a note when it could not be read as typed. A pattern
/// without special characters is literal; one that is not a valid regular expression is
/// searched as plain text, and the note says why.
pub fn matcher(pattern: &str) -> (Regex, Option<String>) {
    let build = |source: &str| {
        RegexBuilder::new(source)
            .case_insensitive(!has_capital(pattern))
            .size_limit(1 << 24)
            .build()
    };
    let literal = regex::escape(pattern);
    if literal != pattern {
        match build(pattern) {
            Ok(regex) => return (regex, None),
            Err(error) => {
                let reason = short_error(&error);
                let regex = build(&literal).expect("an escaped pattern is valid");
                let note = format!("not a regular expression ({reason}): searched as text");
                return (regex, Some(note));
            }
        }
    }
    (build(&literal).expect("an escaped pattern is valid"), None)
}

/// Smart case: a capital letter in the pattern, other than in an escape (`\S`, `\W`,
/// `\p{Lu}`), makes the search exact.
fn has_capital(pattern: &str) -> bool {
    let mut escaped = false;
    let mut in_class_name = false;
    for c in pattern.chars() {
        if in_class_name {
            in_class_name = c != '}';
            continue;
        }
        if escaped {
            escaped = false;
            in_class_name = matches!(c, 'p' | 'P');
            continue;
        }
        match c {
            '\\' => escaped = true,
            c if c.is_uppercase() => return true,
            _ => {}
        }
    }
    false
}

/// The last line of the regex crate's message ("error: unclosed group" → "unclosed group").
fn short_error(error: &regex::Error) -> String {
    let text = error.to_string();
    let last = text
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("");
    let last = last.trim().trim_start_matches("error:").trim();
    if last.is_empty() {
        "invalid".to_string()
    } else {
        crate::source::sanitize::one_line(last)
    }
}

impl Search {
    /// Finds every match of `pattern` in `blocks` (each given as its text, in reading
    /// order; the block number is the position).
    pub fn new<'a>(
        pattern: &str,
        direction: Direction,
        blocks: impl Iterator<Item = &'a str>,
    ) -> Self {
        let (matcher, note) = matcher(pattern);
        let mut search = Search {
            pattern: pattern.to_string(),
            direction,
            note,
            matcher,
            matches: Vec::new(),
            current: None,
        };
        if !pattern.is_empty() {
            for (block, text) in blocks.enumerate() {
                search.find_in(block, text);
            }
        }
        search
    }

    fn find_in(&mut self, block: usize, text: &str) {
        // An empty match (`x*`, `^`) shows nothing and would never move on: skipped.
        let found = self
            .matcher
            .find_iter(text)
            .filter(|m| !m.is_empty())
            .map(|m| Match {
                block,
                range: m.range(),
            });
        self.matches.extend(found);
    }

    /// Finds the matches again in the blocks from `first` on (given from `first` on),
    /// after their text or numbering changed; the current match stays current if it is
    /// still there.
    pub fn refind_from<'a>(&mut self, first: usize, blocks: impl Iterator<Item = &'a str>) {
        let current = self.current_match().map(|m| (m.block, m.range.start));
        let keep = self.matches.partition_point(|m| m.block < first);
        self.matches.truncate(keep);
        if !self.pattern.is_empty() {
            for (offset, text) in blocks.enumerate() {
                self.find_in(first + offset, text);
            }
        }
        self.restore(current);
    }

    /// Finds the matches of one block again (its text changed, not its number).
    pub fn refind_block(&mut self, block: usize, text: &str) {
        let current = self.current_match().map(|m| (m.block, m.range.start));
        let start = self.matches.partition_point(|m| m.block < block);
        let end = self.matches.partition_point(|m| m.block <= block);
        let rest = self.matches.split_off(end);
        self.matches.truncate(start);
        if !self.pattern.is_empty() {
            self.find_in(block, text);
        }
        self.matches.extend(rest);
        self.restore(current);
    }

    fn restore(&mut self, current: Option<(usize, usize)>) {
        self.current = current.and_then(|(block, start)| {
            self.matches
                .iter()
                .position(|m| m.block == block && m.range.start == start)
        });
    }

    /// Moves to the next match in the search's direction (the other way when `reverse`),
    /// starting after or before `from` (a block and byte offset), or at it when
    /// `inclusive`.
    pub fn step(&mut self, from: (usize, usize), inclusive: bool, reverse: bool) -> Step {
        if self.matches.is_empty() {
            self.current = None;
            return Step::NotFound;
        }
        let forward = (self.direction == Direction::Forward) != reverse;
        let key = |m: &Match| (m.block, m.range.start);
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

    /// Matches inside one block (for highlighting what is on screen).
    pub fn in_block(&self, block: usize) -> &[Match] {
        let start = self.matches.partition_point(|m| m.block < block);
        let end = self.matches.partition_point(|m| m.block <= block);
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
                block: 2,
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
        assert_eq!(search.in_block(0).len(), 1);
        assert!(search.in_block(1).is_empty());
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
        assert_eq!(search.matches[0].block, 1);
    }

    #[test]
    fn special_characters_make_a_regular_expression() {
        let text = ["The year 2015 and 1999.", "colour or color"];
        let years = Search::new(r"\d{4}", Direction::Forward, text.into_iter());
        assert_eq!(years.matches.len(), 2);
        assert!(years.note.is_none());
        let either = Search::new("colou?r", Direction::Forward, text.into_iter());
        assert_eq!(either.matches.len(), 2);
        // Smart case still holds, and escapes are not capitals.
        let words = Search::new(r"\Sear", Direction::Forward, text.into_iter());
        assert_eq!(words.matches.len(), 1, "{:?}", words.matches);
        let exact = Search::new("THE", Direction::Forward, text.into_iter());
        assert!(exact.matches.is_empty());
    }

    #[test]
    fn an_invalid_regular_expression_is_searched_as_text_and_says_so() {
        let text = ["f(x) = y", "f x"];
        let search = Search::new("f(x", Direction::Forward, text.into_iter());
        assert_eq!(search.matches.len(), 1);
        assert_eq!(search.matches[0].range, 0..3);
        let note = search.note.expect("a note");
        assert!(note.contains("unclosed group"), "{note}");
        assert!(!note.contains('\n'));
    }

    #[test]
    fn empty_matches_are_skipped_and_blocks_are_found_again() {
        let text = ["aaa", "b"];
        let empty = Search::new("x*", Direction::Forward, text.into_iter());
        assert!(empty.matches.is_empty());
        let mut search = Search::new("b", Direction::Forward, ["b", "a", "b"].into_iter());
        search.step((2, 0), true, false);
        search.refind_block(1, "bb");
        assert_eq!(search.matches.len(), 4);
        assert_eq!(search.current_match().map(|m| m.block), Some(2));
        search.refind_from(2, ["ab", "b"].into_iter());
        assert_eq!(search.in_block(2).len(), 1);
        assert_eq!(search.in_block(3).len(), 1);
        assert_eq!(search.current, None, "the current match moved");
    }

    proptest::proptest! {
        /// Short paragraphs and long patterns, ASCII or not, in either case: search never
        /// panics and every match is the pattern, ignoring case.
        #[test]
        fn search_never_panics_and_matches_are_real(
            paragraphs in proptest::collection::vec("[a-zA-Z .é]{0,6}", 1..6),
            pattern in "[a-z é]{1,12}",
        ) {
            let search = Search::new(&pattern, Direction::Forward, paragraphs.iter().map(String::as_str));
            for m in &search.matches {
                let found = &paragraphs[m.block][m.range.clone()];
                proptest::prop_assert_eq!(found.to_lowercase(), pattern.to_lowercase());
            }
        }
    }
}
