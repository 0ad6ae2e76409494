//! Why a detected item is in the map: a few readable lines ("attribution: 'America
//! claims'", "key-claim model: p = 0.71"). A long article's map has hundreds of thousands
//! of items, each copied into the reader's views, so the lines are held in one shared
//! allocation per item, not one string per line.

use std::fmt;
use std::sync::Arc;

/// Lines of evidence; empty for an annotated item. Cloning shares the text.
#[derive(Clone, Default, PartialEq)]
pub struct Evidence(Option<Arc<str>>);

/// Between two lines in the shared text (a control character, which sanitised document
/// text never holds; one inside a line is replaced).
const SEPARATOR: char = '\u{1f}';

impl Evidence {
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.0
            .as_deref()
            .into_iter()
            .flat_map(|t| t.split(SEPARATOR))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_none()
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
        Evidence((count > 0).then(|| Arc::from(text)))
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

/// As a list of lines, like the `Vec<String>` it stands for.
impl fmt::Debug for Evidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_come_back_as_given() {
        let evidence = Evidence::from(vec!["stance: 'should'".to_string(), "p = 0.71".into()]);
        assert_eq!(
            evidence.iter().collect::<Vec<_>>(),
            ["stance: 'should'", "p = 0.71"]
        );
        assert!(!evidence.is_empty());
        assert_eq!(
            format!("{evidence:?}"),
            r#"["stance: 'should'", "p = 0.71"]"#
        );
    }

    #[test]
    fn no_lines_is_empty_and_a_separator_inside_a_line_is_a_space() {
        let none = Evidence::from(Vec::new());
        assert!(none.is_empty());
        assert_eq!(none.iter().count(), 0);
        assert_eq!(format!("{none:?}"), "[]");
        let odd = Evidence::from(["a\u{1f}b"]);
        assert_eq!(odd.iter().collect::<Vec<_>>(), ["a b"]);
    }
}
