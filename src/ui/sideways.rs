//! Sideways scrolling of verbatim lines (code, tables), as `less -S` does: the part of a
//! line from a column on, and whether the line goes on to the left or the right of it.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// The part of `text[line]` shown from display column `offset` in `width` columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Window {
    pub range: Range<usize>,
    /// Text of the line lies left of the window.
    pub more_left: bool,
    /// Text of the line lies right of the window.
    pub more_right: bool,
}

/// The window of `text[line]` from column `offset`, `width` columns wide. A wide character
/// cut by either edge is left out.
pub fn window(text: &str, line: Range<usize>, offset: usize, width: usize) -> Window {
    let shown = &text[line.clone()];
    let (mut start, mut end) = (None, line.end);
    let mut column = 0;
    for (at, grapheme) in shown.grapheme_indices(true) {
        let columns = grapheme.width();
        if start.is_none() && column >= offset {
            start = Some(line.start + at);
        }
        if start.is_some() && column + columns > offset + width {
            end = line.start + at;
            break;
        }
        column += columns;
    }
    let start = start.unwrap_or(line.end).min(end);
    Window {
        range: start..end,
        more_left: start > line.start,
        more_right: end < line.end,
    }
}

/// Display width of the widest of `lines` of `text`.
pub fn widest(text: &str, lines: &[Range<usize>]) -> usize {
    lines
        .iter()
        .map(|l| text[l.clone()].width())
        .max()
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_of_a_long_line() {
        let text = "fn main() { println!(\"hello\"); }";
        let all = 0..text.len();
        let w = window(text, all.clone(), 0, 10);
        assert_eq!(&text[w.range.clone()], "fn main() ");
        assert!(!w.more_left && w.more_right);
        let w = window(text, all.clone(), 12, 100);
        assert_eq!(&text[w.range.clone()], "println!(\"hello\"); }");
        assert!(w.more_left && !w.more_right);
        let w = window(text, all, 100, 10);
        assert!(w.range.is_empty() && w.more_left && !w.more_right);
    }

    #[test]
    fn wide_characters_are_not_cut() {
        let text = "日本語のテキスト";
        let w = window(text, 0..text.len(), 1, 5);
        // Column 1 is inside 日: the window starts at 本 and holds two characters.
        assert_eq!(&text[w.range], "本語");
        assert_eq!(widest(text, &[0..text.len(), 0..3]), 16);
    }
}
