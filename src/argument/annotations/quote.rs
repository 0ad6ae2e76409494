//! Finding a quote in the document, the way annotation files name sentences.
//!
//! A run of white space in a quote, prefix or suffix matches any run of white space in the
//! article, so a quote survives re-wrapping. The prefix and suffix are checked against the
//! whole text before and after the match, across paragraph boundaries, so a sentence that
//! opens a paragraph can still be told apart from its duplicates.

use crate::document::{Document, SentenceRef};

/// Every sentence where `quote` starts with the given context, in reading order.
pub(crate) fn find(
    doc: &Document,
    quote: &str,
    prefix: Option<&str>,
    suffix: Option<&str>,
) -> Vec<SentenceRef> {
    let context = Context::new(prefix, suffix);
    matches(doc, &collapse_whitespace(quote))
        .into_iter()
        .filter(|m| context.holds(doc, m))
        .map(|m| m.at)
        .collect()
}

/// A place where a quote matches: its byte range in the whole text, and its sentence.
pub(crate) struct Match {
    start: usize,
    end: usize,
    pub at: SentenceRef,
}

/// Every place where `quote` (white space collapsed) matches inside one paragraph, in
/// reading order, whatever is around it.
pub(crate) fn matches(doc: &Document, quote: &str) -> Vec<Match> {
    let first_word = quote.split(' ').next().unwrap_or_default();
    let Some(first_char) = first_word.chars().next() else {
        return Vec::new();
    };
    let all = doc.text();
    let mut found = Vec::new();
    // One pass over the whole text, candidates by the first character (core's `memchr`
    // for ASCII), then the word. A substring search per paragraph was most of the
    // annotations' time before the first frame on a web page's many short paragraphs; the
    // `memchr` crate's searcher detects CPU features on first use (`cpuid`, slow in a VM).
    let starts = all
        .match_indices(first_char)
        .map(|(at, _)| at)
        .filter(|&at| all[at..].starts_with(first_word));
    for abs_start in starts {
        // Paragraph ranges are in order and do not overlap.
        let paragraph = doc.paragraphs.partition_point(|p| p.range.end <= abs_start);
        let Some(p) = doc.paragraphs.get(paragraph) else {
            break;
        };
        if abs_start < p.range.start {
            continue;
        }
        let start = abs_start - p.range.start;
        let Some(len) = match_len(&all[abs_start..p.range.end], quote) else {
            continue;
        };
        let sentence = p
            .sentences
            .partition_point(|s| s.end <= start)
            .min(p.sentences.len().saturating_sub(1));
        found.push(Match {
            start: abs_start,
            end: abs_start + len,
            at: SentenceRef {
                paragraph,
                sentence,
            },
        });
    }
    found
}

/// Text that must come before and after a match (white space collapsed; empty is none).
pub(crate) struct Context {
    prefix: Option<String>,
    suffix: Option<String>,
}

impl Context {
    pub(crate) fn new(prefix: Option<&str>, suffix: Option<&str>) -> Context {
        let given = |text: Option<&str>| text.map(collapse_whitespace).filter(|t| !t.is_empty());
        Context {
            prefix: given(prefix),
            suffix: given(suffix),
        }
    }

    /// Whether the whole text around `m` has this context, across paragraph boundaries.
    pub(crate) fn holds(&self, doc: &Document, m: &Match) -> bool {
        let all = doc.text();
        self.prefix
            .as_deref()
            .is_none_or(|pre| ends_with(all[..m.start].trim_end(), pre))
            && self
                .suffix
                .as_deref()
                .is_none_or(|suf| match_len(all[m.end..].trim_start(), suf).is_some())
    }
}

/// The first and last paragraph of the first place where `quote` is found when the breaks
/// between paragraphs count as white space: for saying why a quote that [`find`] cannot
/// place is not found (a quote must fall in one paragraph).
pub(crate) fn find_across_paragraphs(doc: &Document, quote: &str) -> Option<(usize, usize)> {
    let quote = collapse_whitespace(quote);
    let first_word = quote.split(' ').next().unwrap_or_default();
    if first_word.is_empty() {
        return None;
    }
    // The paragraphs with a line break after each, and where each starts in that text.
    let mut joined = String::with_capacity(doc.text().len() + doc.paragraphs.len());
    let mut starts = Vec::with_capacity(doc.paragraphs.len());
    for index in 0..doc.paragraphs.len() {
        starts.push(joined.len());
        joined.push_str(doc.paragraph_text(index));
        joined.push('\n');
    }
    let paragraph_at = |offset: usize| starts.partition_point(|&s| s <= offset) - 1;
    joined
        .match_indices(first_word)
        .find_map(|(at, _)| {
            let len = match_len(&joined[at..], &quote)?;
            Some((paragraph_at(at), paragraph_at(at + len.saturating_sub(1))))
        })
        .filter(|(first, last)| first != last)
}

/// The byte length of the start of `text` that `pattern` (white space collapsed) matches.
fn match_len(text: &str, pattern: &str) -> Option<usize> {
    let mut chars = text.char_indices().peekable();
    for expected in pattern.chars() {
        if expected == ' ' {
            let mut spaces = 0;
            while chars.next_if(|(_, c)| c.is_whitespace()).is_some() {
                spaces += 1;
            }
            if spaces == 0 {
                return None;
            }
        } else if chars.next().map(|(_, c)| c) != Some(expected) {
            return None;
        }
    }
    Some(chars.peek().map_or(text.len(), |(i, _)| *i))
}

/// Whether `text` ends with `pattern` (white space collapsed).
fn ends_with(text: &str, pattern: &str) -> bool {
    let mut chars = text.chars().rev().peekable();
    for expected in pattern.chars().rev() {
        if expected == ' ' {
            let mut spaces = 0;
            while chars.next_if(|c| c.is_whitespace()).is_some() {
                spaces += 1;
            }
            if spaces == 0 {
                return false;
            }
        } else if chars.next() != Some(expected) {
            return false;
        }
    }
    true
}

pub(crate) fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Metadata;

    #[test]
    fn white_space_runs_match_any_white_space() {
        assert_eq!(match_len("a \n b c", "a b"), Some(5));
        assert_eq!(match_len("ab", "a b"), None);
        assert!(ends_with("x  y\nz", "y z"));
        assert!(!ends_with("x yz", "y z"));
    }

    #[test]
    fn a_quote_over_a_paragraph_break_is_found_across_paragraphs_only() {
        let doc = Document::from_paragraphs(
            Metadata::default(),
            &["One thing.", "It ends here.", "Then another begins."],
        );
        assert!(find(&doc, "ends here. Then another", None, None).is_empty());
        assert_eq!(
            find_across_paragraphs(&doc, "ends here.\n\n  Then another"),
            Some((1, 2))
        );
        assert_eq!(find_across_paragraphs(&doc, "It ends here."), None);
        assert_eq!(find_across_paragraphs(&doc, "nowhere at all"), None);
    }

    #[test]
    fn prefix_reaches_into_the_previous_paragraph() {
        let doc =
            Document::from_paragraphs(Metadata::default(), &["One.", "Same.", "Two.", "Same."]);
        assert_eq!(find(&doc, "Same.", None, None).len(), 2);
        let found = find(&doc, "Same.", Some("Two."), None);
        assert_eq!(
            found,
            vec![SentenceRef {
                paragraph: 3,
                sentence: 0
            }]
        );
    }
}
