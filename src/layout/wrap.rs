//! Wrapping one block of text to a width, as byte ranges of the text (no copies).

use std::borrow::Cow;
use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Wraps `text` to `width` display columns (unicode width, so CJK counts double) and returns
/// each line as a byte range of `text`. Words longer than the width are broken.
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    if text.is_empty() {
        return vec![0..0];
    }
    let options = textwrap::Options::new(width).break_words(true);
    let base = text.as_ptr() as usize;
    let mut search_from = 0;
    textwrap::wrap(text, options)
        .into_iter()
        .map(|line| {
            let start = match &line {
                // textwrap hands back slices of the input unless it had to build a line.
                Cow::Borrowed(slice) => slice.as_ptr() as usize - base,
                Cow::Owned(owned) => text[search_from..]
                    .find(owned.as_str())
                    .map_or(search_from, |i| search_from + i),
            };
            let end = (start + line.len()).min(text.len());
            search_from = end;
            start..end
        })
        .flat_map(|line| refit(text, line, width))
        .collect()
}

/// textwrap measures a line as the sum of its characters' widths, but the terminal draws
/// some sequences wider than their characters ("☺\u{fe0f}" is 1 + 0 by character and 2 on
/// screen, as `unicode-width` measures strings). A line that came out too wide is cut again
/// between graphemes.
fn refit(text: &str, line: Range<usize>, width: usize) -> Vec<Range<usize>> {
    let shown = &text[line.clone()];
    if shown.width() <= width {
        return vec![line];
    }
    let mut pieces = Vec::new();
    let (mut start, mut used) = (line.start, 0);
    for (offset, grapheme) in shown.grapheme_indices(true) {
        let at = line.start + offset;
        let columns = grapheme.width();
        if used + columns > width && at > start {
            pieces.push(start..at);
            (start, used) = (at, 0);
        }
        used += columns;
    }
    pieces.push(start..line.end);
    pieces
}

/// Lines of preformatted text: split at newlines, never wrapped.
pub fn verbatim(text: &str) -> Vec<Range<usize>> {
    let mut lines = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices('\n') {
        lines.push(start..i);
        start = i + 1;
    }
    lines.push(start..text.len());
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_ranges_of_the_text_within_the_width() {
        let text = "The quick brown fox jumps over the lazy dog and keeps running far away.";
        let lines = wrap(text, 16);
        assert!(lines.len() > 3);
        for line in &lines {
            assert!(
                text[line.clone()].width() <= 16,
                "{:?}",
                &text[line.clone()]
            );
        }
        let joined: Vec<&str> = lines.iter().map(|l| &text[l.clone()]).collect();
        assert_eq!(joined.join(" "), text);
    }

    #[test]
    fn wide_characters_and_long_words_fit() {
        let text = "中文字符测试中文字符测试 supercalifragilisticexpialidocious";
        for width in 1..12 {
            for line in wrap(text, width) {
                assert!(text[line.clone()].width() <= width.max(2));
            }
        }
    }

    #[test]
    fn verbatim_keeps_lines() {
        assert_eq!(verbatim("a\n  b"), vec![0..1, 2..5]);
    }
}
