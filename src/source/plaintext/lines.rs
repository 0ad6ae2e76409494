//! Physical lines of a page dump, normalised: CRLF and lone CR end lines, tabs and
//! non-breaking spaces become spaces, runs of white space collapse to one space.

/// One input line after normalisation.
#[derive(Debug, Clone, Default)]
pub struct Line {
    /// Trimmed, white space collapsed; empty for a blank line.
    pub text: String,
    /// Runs of two or more spaces (or a tab) between words, not after punctuation: the
    /// column gaps of menus laid out with `&nbsp;` padding.
    pub wide_gaps: usize,
}

impl Line {
    pub fn is_blank(&self) -> bool {
        self.text.is_empty()
    }

    pub fn chars(&self) -> usize {
        self.text.chars().count()
    }
}

/// Splits `text` into normalised lines (one pass, linear in the input).
pub fn split(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut rest = text.strip_prefix('\u{feff}').unwrap_or(text);
    while !rest.is_empty() {
        let end = rest
            .bytes()
            .position(|b| b == b'\n' || b == b'\r')
            .unwrap_or(rest.len());
        lines.push(normalise(&rest[..end]));
        let bytes = rest.as_bytes();
        let skip = match (bytes.get(end), bytes.get(end + 1)) {
            (Some(b'\r'), Some(b'\n')) => 2,
            (Some(_), _) => 1,
            (None, _) => 0,
        };
        rest = &rest[end + skip..];
    }
    lines
}

fn normalise(raw: &str) -> Line {
    let mut text = String::with_capacity(raw.len());
    let mut wide_gaps = 0;
    let mut gap = 0usize;
    let mut gap_has_tab = false;
    let bytes = raw.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (end, is_space) = if b.is_ascii() {
            if matches!(b, b' ' | b'\t' | 0x0b | 0x0c) {
                gap_has_tab |= b == b'\t';
                (i + 1, true)
            } else {
                // A run of ASCII non-space bytes is copied in one go.
                let run = bytes[i..]
                    .iter()
                    .position(|&b| !b.is_ascii() || matches!(b, b' ' | b'\t' | 0x0b | 0x0c))
                    .map_or(bytes.len(), |p| i + p);
                (run, false)
            }
        } else {
            let c = raw[i..].chars().next().unwrap_or(' ');
            let end = i + c.len_utf8();
            if matches!(
                c,
                '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}' | '\u{ad}'
            ) {
                i = end;
                continue;
            }
            (end, c.is_whitespace())
        };
        if is_space {
            gap += 1;
        } else {
            if gap > 0 && !text.is_empty() {
                let after_punctuation = text.ends_with(['.', '!', '?', ':', ';', ',']);
                if (gap >= 2 || gap_has_tab) && !after_punctuation {
                    wide_gaps += 1;
                }
                text.push(' ');
            }
            gap = 0;
            gap_has_tab = false;
            text.push_str(&raw[i..end]);
        }
        i = end;
    }
    Line { text, wide_gaps }
}
