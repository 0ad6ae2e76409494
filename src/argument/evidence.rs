//! Why an item is in the map: a few readable lines ("attribution: 'America claims'",
//! "key-claim model: p = 0.71"). The detector keeps only its reasons, a few bits, and
//! words them when the item is shown ([`Item::evidence_lines`]); lines given otherwise
//! are held in one shared allocation.

use super::Item;
use super::detect::Reasons;
use crate::document::Document;
use std::fmt;
use std::sync::Arc;

/// Lines of evidence; empty for an annotated item. Cloning shares the text.
#[derive(Clone, PartialEq)]
pub enum Evidence {
    /// The detector's reasons, put into words from the item's sentence.
    Detected(Reasons),
    /// Lines given as text.
    Written(Arc<str>),
}

impl Default for Evidence {
    fn default() -> Self {
        Evidence::Detected(Reasons::default())
    }
}

/// Between two lines in the shared text (a control character, which sanitised document
/// text never holds; one inside a line is replaced).
const SEPARATOR: char = '\u{1f}';

impl Evidence {
    pub fn is_empty(&self) -> bool {
        match self {
            Evidence::Detected(reasons) => reasons.is_empty(),
            Evidence::Written(_) => false,
        }
    }
}

impl Item {
    /// The item's evidence, a line each, worded from `doc`, the document it was found in.
    pub fn evidence_lines(&self, doc: &Document) -> Vec<String> {
        match &self.evidence {
            Evidence::Detected(reasons) if reasons.is_empty() => Vec::new(),
            Evidence::Detected(reasons) => super::detect::explain(doc, self, *reasons),
            Evidence::Written(text) => text.split(SEPARATOR).map(str::to_string).collect(),
        }
    }
}

impl<S: AsRef<str>> FromIterator<S> for Evidence {
    fn from_iter<I: IntoIterator<Item = S>>(lines: I) -> Self {
        let mut text = String::new();
        let mut count = 0;
        for line in lines {
            if count > 0 {
                text.push(SEPARATOR);
            }
            count += 1;
            text.extend(
                line.as_ref()
                    .chars()
                    .map(|c| if c == SEPARATOR { ' ' } else { c }),
            );
        }
        // No line at all is no evidence; one empty line is still a line.
        if count == 0 {
            Evidence::default()
        } else {
            Evidence::Written(Arc::from(text))
        }
    }
}

impl From<Vec<String>> for Evidence {
    fn from(lines: Vec<String>) -> Self {
        lines.into_iter().collect()
    }
}

impl<const N: usize> From<[&str; N]> for Evidence {
    fn from(lines: [&str; N]) -> Self {
        lines.into_iter().collect()
    }
}

/// Written lines as a list, like the `Vec<String>` they stand for; reasons as a set.
impl fmt::Debug for Evidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Evidence::Detected(reasons) => reasons.fmt(f),
            Evidence::Written(text) => f.debug_list().entries(text.split(SEPARATOR)).finish(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::argument::ClaimKind;
    use crate::document::SentenceRef;

    fn lines(evidence: Evidence) -> Vec<String> {
        let mut item = Item::annotated(
            ClaimKind::Key,
            SentenceRef {
                paragraph: 0,
                sentence: 0,
            },
            Vec::new(),
        );
        item.evidence = evidence;
        item.evidence_lines(&Document::default())
    }

    #[test]
    fn lines_come_back_as_given() {
        let evidence = Evidence::from(vec!["stance: 'should'".to_string(), "p = 0.71".into()]);
        assert!(!evidence.is_empty());
        assert_eq!(
            format!("{evidence:?}"),
            r#"["stance: 'should'", "p = 0.71"]"#
        );
        assert_eq!(lines(evidence), ["stance: 'should'", "p = 0.71"]);
    }

    #[test]
    fn no_lines_is_empty_and_a_separator_inside_a_line_is_a_space() {
        let none = Evidence::from(Vec::new());
        assert!(none.is_empty());
        assert!(lines(none).is_empty());
        assert_eq!(lines(Evidence::from(["a\u{1f}b"])), ["a b"]);
    }

    #[test]
    fn evidence_is_two_words_wide() {
        // An item of a long article's map carries its evidence inline.
        assert_eq!(std::mem::size_of::<Evidence>(), 16);
    }
}
