//! Writing text into the screen buffer: the same cells as ratatui's `Buffer::set_stringn`,
//! `set_string` and `set_line`, with printable ASCII put straight into its cell. ratatui
//! runs every string through grapheme segmentation and measures each grapheme: about a
//! fifth of the time the program's own code spent before the first frame (BENCHMARKS.md,
//! "Fifth stop").

use ratatui::buffer::{Buffer, CellWidth};
use ratatui::style::Style;
use ratatui::text::Line;
use unicode_segmentation::UnicodeSegmentation;

/// Writes `text` on row `y` from column `x`, in at most `max_width` columns (and within the
/// buffer), and returns the column after the last one written. Like `set_stringn`,
/// graphemes holding control characters and zero-width ones are left out, and the text
/// stops at the first grapheme that does not fit.
pub fn put_stringn(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    text: &str,
    max_width: u16,
    style: Style,
) -> u16 {
    let right = buf.area.right().min(x.saturating_add(max_width));
    let bytes = text.as_bytes();
    let (mut x, mut i) = (x, 0);
    while i < bytes.len() && x < right {
        // A printable ASCII character followed by ASCII (or nothing) is a grapheme of its
        // own, one column wide; anything after it that is not ASCII may combine with it.
        if is_printable_ascii(bytes[i]) && bytes.get(i + 1).is_none_or(u8::is_ascii) {
            buf[(x, y)].set_char(char::from(bytes[i])).set_style(style);
            x += 1;
            i += 1;
            continue;
        }
        // Two ASCII characters always have a grapheme boundary between them unless they
        // are CR LF, so the text up to the next printable one after ASCII segments alone.
        let end = (i + 1..bytes.len())
            .find(|&j| bytes[j - 1].is_ascii() && is_printable_ascii(bytes[j]))
            .unwrap_or(bytes.len());
        for grapheme in text[i..end].graphemes(true) {
            if grapheme.contains(char::is_control) {
                continue;
            }
            let width = grapheme.cell_width();
            if width == 0 {
                continue;
            }
            if width > right - x {
                return x;
            }
            buf[(x, y)].set_symbol(grapheme).set_style(style);
            // The cells a wide grapheme covers are blanked, as ratatui does.
            for covered in x + 1..x + width {
                buf[(covered, y)].reset();
            }
            x += width;
        }
        i = end;
    }
    x
}

/// [`put_stringn`] with no limit but the buffer's edge, like `set_string`.
pub fn put_string(buf: &mut Buffer, x: u16, y: u16, text: &str, style: Style) -> u16 {
    put_stringn(buf, x, y, text, u16::MAX, style)
}

/// Writes the spans of `line` one after another, like `set_line`: each span in the line's
/// style patched with its own, all within `max_width` columns.
pub fn put_line(buf: &mut Buffer, x: u16, y: u16, line: &Line, max_width: u16) -> u16 {
    let right = x.saturating_add(max_width);
    let mut x = x;
    for span in line {
        if x >= right {
            break;
        }
        let style = line.style.patch(span.style);
        x = put_stringn(buf, x, y, &span.content, right - x, style);
    }
    x
}

fn is_printable_ascii(byte: u8) -> bool {
    (0x20..0x7f).contains(&byte)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;
    use ratatui::style::{Color, Modifier};
    use ratatui::text::Span;

    /// Both writers on the same starting buffer must leave the same cells.
    fn same_as_ratatui(text: &str, x: u16, max_width: u16) {
        let area = Rect::new(0, 0, 12, 1);
        let style = Style::new().fg(Color::Red).add_modifier(Modifier::BOLD);
        let mut expected = Buffer::filled(area, ratatui::buffer::Cell::new("·"));
        let mut actual = expected.clone();
        let (end, _) = expected.set_stringn(x, 0, text, usize::from(max_width), style);
        let put_end = put_stringn(&mut actual, x, 0, text, max_width, style);
        assert_eq!(actual, expected, "{text:?} at {x}, {max_width} columns");
        assert_eq!(put_end, end, "{text:?} at {x}, {max_width} columns");
    }

    #[test]
    fn ascii_and_everything_else_match_ratatui() {
        for text in [
            "",
            "plain ascii text that runs past the edge",
            "cafe\u{301} au lait",
            "e\u{301}",
            "naïve résumé",
            "日本語のテキスト",
            "ab日本",
            "a\u{fe0f}b ☺\u{fe0f} x",
            "👩\u{200d}🔬 science",
            "🇫🇷🇩🇪 flags",
            "tab\there\r\nline\u{7}bell\u{1b}[31m",
            "\u{200b}zero\u{200b}width",
            "ｶﾞ half-width",
            "x\u{600}y prepend",
        ] {
            for x in [0, 1, 5, 11] {
                for max_width in [0, 1, 2, 3, 7, 12, 40] {
                    same_as_ratatui(text, x, max_width);
                }
            }
        }
    }

    #[test]
    fn a_line_matches_ratatuis_set_line() {
        let area = Rect::new(0, 0, 20, 1);
        let line = Line::from(vec![
            Span::styled("¶1 ", Style::new().fg(Color::Blue)),
            Span::raw("wide 日本 and "),
            Span::styled("bold", Style::new().add_modifier(Modifier::BOLD)),
        ])
        .style(Style::new().bg(Color::Black));
        for (x, max_width) in [(0, 20), (2, 9), (3, 14), (0, 0)] {
            let mut expected = Buffer::empty(area);
            let mut actual = Buffer::empty(area);
            let (end, _) = expected.set_line(x, 0, &line, max_width);
            assert_eq!(put_line(&mut actual, x, 0, &line, max_width), end);
            assert_eq!(actual, expected);
        }
    }
}
