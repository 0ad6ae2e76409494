//! Drawing with ASCII under a locale that is not UTF-8 (`LANG=C`, `LC_ALL=POSIX`, a Latin-1
//! locale): a terminal set up for it shows the reader's box drawing, scrollbar, marks and
//! arrows as mojibake. The frame is drawn as usual, then every cell holding one of those
//! glyphs (or common typographic punctuation) gets its ASCII stand-in, one cell for one,
//! so the layout is unchanged. Letters of the document are left as they are.

use std::ffi::OsStr;

use ratatui::buffer::Buffer;

/// Whether the locale's character set is UTF-8, by the POSIX order: the first of
/// `LC_ALL`, `LC_CTYPE` and `LANG` that is set and not empty decides; none means the "C"
/// locale, which is ASCII.
pub fn utf8_locale() -> bool {
    let var = |name| std::env::var_os(name);
    utf8_locale_from(var("LC_ALL"), var("LC_CTYPE"), var("LANG"))
}

/// [`utf8_locale`] for given values, so it can be tested without the environment.
pub fn utf8_locale_from(
    lc_all: Option<impl AsRef<OsStr>>,
    lc_ctype: Option<impl AsRef<OsStr>>,
    lang: Option<impl AsRef<OsStr>>,
) -> bool {
    let values = [
        lc_all.map(|v| v.as_ref().to_owned()),
        lc_ctype.map(|v| v.as_ref().to_owned()),
        lang.map(|v| v.as_ref().to_owned()),
    ];
    values
        .into_iter()
        .flatten()
        .find(|v| !v.is_empty())
        .is_some_and(|v| {
            let v = v.to_string_lossy().to_ascii_lowercase();
            v.contains("utf-8") || v.contains("utf8")
        })
}

/// Replaces the glyphs of `buf` that have an ASCII stand-in (see [`ascii_for`]).
pub fn to_ascii(buf: &mut Buffer) {
    for cell in &mut buf.content {
        let mut chars = cell.symbol().chars();
        if let (Some(c), None) = (chars.next(), chars.next())
            && !c.is_ascii()
            && let Some(ascii) = ascii_for(c)
        {
            cell.set_char(ascii);
        }
    }
}

/// The ASCII stand-in of a glyph the reader draws, or of typographic punctuation: box
/// drawing as `-`, `|` and `+`, blocks (the scrollbar's thumb) as `#`, the on-screen mark
/// `▌` as `*`, arrows as `<`, `>`, `^`, `v` (both ways, `↔`, as `=`), `¶` and `§` as `#`, a progress bar's `▰▱` as
/// `#-`, `…` as `.`, `≈` as `~`, `·` as `-`, dashes, quotes and bullets as their plain
/// forms.
pub fn ascii_for(c: char) -> Option<char> {
    Some(match c {
        '▌' => '*',
        '\u{2580}'..='\u{259F}' => '#',
        '─' | '━' | '┄' | '┅' | '┈' | '┉' | '╌' | '╍' | '═' | '╴' | '╶' | '╸' | '╺' | '╼' | '╾' => {
            '-'
        }
        '│' | '┃' | '┆' | '┇' | '┊' | '┋' | '╎' | '╏' | '║' | '╵' | '╷' | '╹' | '╻' | '╽' | '╿' => {
            '|'
        }
        '╱' => '/',
        '╲' => '\\',
        '\u{2500}'..='\u{257F}' => '+',
        '←' | '◀' | '◄' | '⇐' | '↵' => '<',
        '→' | '▶' | '►' | '⇒' | '↳' | '›' => '>',
        '‹' => '<',
        '↑' | '▲' | '⇑' => '^',
        '↓' | '▼' | '⇓' => 'v',
        // A link across a pair of articles: "↔ answered in B ¶4".
        '↔' | '⇔' => '=',
        '¶' | '§' => '#',
        // The progress bar of a streamed file: "loading ▰▰▰▱▱".
        '▰' => '#',
        '▱' => '-',
        '…' => '.',
        '≈' | '∼' => '~',
        '·' => '-',
        '•' | '◦' | '▪' | '●' | '○' => '*',
        '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' => '-',
        '‘' | '’' | '‚' | '′' => '\'',
        '“' | '”' | '„' | '″' | '«' | '»' => '"',
        '×' => 'x',
        '\u{a0}' | '\u{2002}'..='\u{200a}' => ' ',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;
    use ratatui::style::Style;

    #[test]
    fn the_locale_decides_in_posix_order() {
        let none: Option<&str> = None;
        assert!(utf8_locale_from(none, none, Some("en_GB.UTF-8")));
        assert!(utf8_locale_from(none, none, Some("C.utf8")));
        assert!(!utf8_locale_from(none, none, Some("C")));
        assert!(!utf8_locale_from(none, none, none));
        assert!(!utf8_locale_from(none, none, Some("de_DE.ISO-8859-1")));
        // LC_ALL wins over everything, LC_CTYPE over LANG; empty values are skipped.
        assert!(!utf8_locale_from(Some("C"), none, Some("en_US.UTF-8")));
        assert!(!utf8_locale_from(Some("POSIX"), Some("en_US.UTF-8"), none));
        assert!(utf8_locale_from(Some(""), Some("en_US.UTF-8"), Some("C")));
        assert!(!utf8_locale_from(none, Some("C"), Some("en_US.UTF-8")));
    }

    #[test]
    fn glyphs_become_ascii_cell_for_cell() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 24, 1));
        buf.set_string(0, 0, "┌─┐│▐▌¶3 …↳↓↑≈ · 日é▰▱", Style::new());
        to_ascii(&mut buf);
        let row: String = buf.content.iter().map(|c| c.symbol()).collect();
        // The wide character keeps its two cells; a letter is left alone.
        assert_eq!(row, "+-+|#*#3 .>v^~ - 日 é#-  ");
    }
}
