//! Hostile text: removes every terminal control character and escape sequence, and the
//! invisible characters that can reorder or hide text, so nothing in a document can drive
//! the terminal or disguise what it says.
//!
//! A small ECMA-48 recogniser rather than the `vte` crate: `vte` works on bytes and does
//! not treat the 8-bit C1 controls (U+0080–U+009F, as they appear in decoded text) as
//! sequence introducers, and it reports no extent for a sequence. Here every sequence is
//! removed whole, whatever it would do:
//! - CSI: `ESC [` or U+009B, parameter bytes, intermediate bytes, one final byte (SGR
//!   colours are the `m` final);
//! - OSC: `ESC ]` or U+009D up to BEL or ST (`ESC \` or U+009C);
//! - DCS / SOS / PM / APC: `ESC P` / `ESC X` / `ESC ^` / `ESC _` (or U+0090, U+0098,
//!   U+009E, U+009F) up to ST (BEL accepted too);
//! - other escapes: `ESC`, intermediate bytes, one final byte;
//! - any other C0 control except `\n` and `\t`, DEL, any other C1 control.
//!
//! A string sequence (OSC, DCS, …) never crosses a line break: one still open at the end of
//! its line ends there (what it held on that line is removed, the line break stays), so a
//! stray `ESC ]` hides at most the rest of its line, never the paragraphs up to the next
//! BEL. One still open at the end of a text with no line break after it (a minified page on
//! one line) loses only its introducer, so it cannot hide the rest of that text either.

/// Text with controls removed, and how much was removed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cleaned {
    pub text: String,
    /// Escape sequences and lone control characters removed.
    pub sequences: usize,
    /// Zero-width and bidirectional formatting characters removed.
    pub invisible: usize,
}

/// Removes controls from `text`, keeping `\n` and `\t`.
pub fn clean(text: &str) -> Cleaned {
    let mut cleaner = Cleaner::new(text, true, None);
    cleaner.run();
    cleaner.finish()
}

/// `text` made safe to print as one line of a message: cleaned as a document is (every
/// escape sequence and control removed whole), then line breaks and tabs turned into
/// spaces. Messages quote annotation files, maps, config values and paths, which can hold
/// anything a document can.
pub fn one_line(text: &str) -> String {
    clean(text)
        .text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// Removes controls from `text` (tabs become spaces) and returns, for every byte offset of
/// `text` (and its end), the corresponding offset in the cleaned text, so ranges computed
/// on `text` can be carried over.
pub fn clean_mapped(text: &str) -> (Cleaned, Vec<usize>) {
    let mut map = vec![0; text.len() + 1];
    let mut cleaner = Cleaner::new(text, false, Some(&mut map));
    cleaner.run();
    let cleaned = cleaner.finish();
    (cleaned, map)
}

/// Whether `text` holds anything [`clean`] would remove (a fast check before cleaning).
pub fn needs_cleaning(text: &str) -> bool {
    text.chars()
        .any(|c| c.is_control() && c != '\n' || is_invisible(c))
}

/// Characters that are never shown: zero-width spaces and joiners, word joiner and
/// invisible operators, the byte-order mark, and bidirectional embeddings, overrides and
/// isolates (which could reorder the text on screen).
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}'
        | '\u{2060}'..='\u{2064}'
        | '\u{FEFF}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
        | '\u{061C}')
}

const ESC: char = '\u{1B}';
const BEL: char = '\u{07}';
const ST: char = '\u{9C}';

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Ground,
    /// After ESC.
    Escape,
    /// After ESC and intermediate bytes, waiting for the final byte.
    EscapeIntermediate,
    /// Inside CSI parameters / intermediates.
    Csi,
    /// Inside an OSC, DCS, SOS, PM or APC string; holds the offset just after the
    /// introducer, to resume from if no terminator follows.
    String {
        resume_at: usize,
    },
    /// Inside a string, after an ESC that may start ST.
    StringEscape {
        resume_at: usize,
    },
}

struct Cleaner<'a, 'm> {
    input: &'a str,
    keep_tabs: bool,
    map: Option<&'m mut Vec<usize>>,
    out: String,
    sequences: usize,
    invisible: usize,
    /// Set once a string sequence ran to the end of the text unterminated: no terminator
    /// exists further on, so later string introducers are dropped alone.
    no_terminator_ahead: bool,
}

impl<'a, 'm> Cleaner<'a, 'm> {
    fn new(input: &'a str, keep_tabs: bool, map: Option<&'m mut Vec<usize>>) -> Self {
        Cleaner {
            input,
            keep_tabs,
            map,
            out: String::with_capacity(input.len()),
            sequences: 0,
            invisible: 0,
            no_terminator_ahead: false,
        }
    }

    fn finish(self) -> Cleaned {
        Cleaned {
            text: self.out,
            sequences: self.sequences,
            invisible: self.invisible,
        }
    }

    fn string_state(&mut self, resume_at: usize) -> State {
        if self.no_terminator_ahead {
            self.sequences += 1;
            State::Ground
        } else {
            State::String { resume_at }
        }
    }

    fn run(&mut self) {
        let mut state = State::Ground;
        let mut at = 0;
        while at < self.input.len() {
            if state == State::Ground {
                // Printable ASCII and line breaks are copied as they are, a run at a time
                // (the common case, and what the character-wise path below would do).
                let run = self.input.as_bytes()[at..]
                    .iter()
                    .position(|&b| !matches!(b, b' '..=b'~' | b'\n'))
                    .map_or(self.input.len(), |p| at + p);
                if run > at {
                    if let Some(map) = self.map.as_deref_mut() {
                        let base = self.out.len();
                        for (k, slot) in map[at..run].iter_mut().enumerate() {
                            *slot = base + k;
                        }
                    }
                    self.out.push_str(&self.input[at..run]);
                    at = run;
                    continue;
                }
            }
            let c = self.input[at..].chars().next().unwrap_or_default();
            let next = at + c.len_utf8();
            if let Some(map) = self.map.as_deref_mut() {
                map[at..next].fill(self.out.len());
            }
            // `reprocess` leaves `at` on this character so the new state sees it.
            let mut reprocess = false;
            state = match state {
                State::Ground => self.ground(c, next),
                State::Escape => match c {
                    '[' => State::Csi,
                    ']' | 'P' | 'X' | '^' | '_' => self.string_state(next),
                    '\u{20}'..='\u{2F}' => State::EscapeIntermediate,
                    '\u{30}'..='\u{7E}' => {
                        self.sequences += 1;
                        State::Ground
                    }
                    _ => {
                        // ESC followed by something that cannot continue it: the ESC
                        // alone is removed.
                        self.sequences += 1;
                        reprocess = true;
                        State::Ground
                    }
                },
                State::EscapeIntermediate => match c {
                    '\u{20}'..='\u{2F}' => State::EscapeIntermediate,
                    '\u{30}'..='\u{7E}' => {
                        self.sequences += 1;
                        State::Ground
                    }
                    _ => {
                        self.sequences += 1;
                        reprocess = true;
                        State::Ground
                    }
                },
                State::Csi => match c {
                    '\u{20}'..='\u{3F}' => State::Csi,
                    '\u{40}'..='\u{7E}' => {
                        self.sequences += 1;
                        State::Ground
                    }
                    _ => {
                        // Interrupted: what was read so far goes, the interrupting
                        // character is looked at afresh (a newline survives).
                        self.sequences += 1;
                        reprocess = true;
                        State::Ground
                    }
                },
                State::String { resume_at } => match c {
                    BEL | ST => {
                        self.sequences += 1;
                        State::Ground
                    }
                    '\n' | '\r' => {
                        // Unterminated at the end of its line: it ends here, and the line
                        // break is read afresh (and kept).
                        self.sequences += 1;
                        reprocess = true;
                        State::Ground
                    }
                    ESC => State::StringEscape { resume_at },
                    _ => State::String { resume_at },
                },
                State::StringEscape { .. } => {
                    self.sequences += 1;
                    if c != '\\' {
                        // ESC ends the string and starts a new sequence.
                        reprocess = true;
                        State::Escape
                    } else {
                        State::Ground
                    }
                }
            };
            if reprocess && state == State::Escape {
                // The ESC that ended the string was at the previous character; `c` is
                // the one after it, which the Escape state must now read.
                continue;
            }
            if !reprocess {
                at = next;
            }
            if at >= self.input.len() {
                match state {
                    State::String { resume_at } | State::StringEscape { resume_at } => {
                        // Unterminated string: drop only its introducer and read on.
                        self.no_terminator_ahead = true;
                        self.sequences += 1;
                        at = resume_at;
                        state = State::Ground;
                    }
                    State::Escape | State::EscapeIntermediate | State::Csi => {
                        self.sequences += 1;
                        state = State::Ground;
                    }
                    State::Ground => {}
                }
            }
        }
        if let Some(map) = self.map.as_deref_mut() {
            map[self.input.len()] = self.out.len();
        }
    }

    fn ground(&mut self, c: char, next: usize) -> State {
        match c {
            '\n' => {
                self.out.push(c);
                State::Ground
            }
            '\t' => {
                self.out.push(if self.keep_tabs { '\t' } else { ' ' });
                State::Ground
            }
            ESC => State::Escape,
            '\u{9B}' => State::Csi,
            '\u{9D}' | '\u{90}' | '\u{98}' | '\u{9E}' | '\u{9F}' => self.string_state(next),
            _ if c.is_control() => {
                self.sequences += 1;
                State::Ground
            }
            _ if is_invisible(c) => {
                self.invisible += 1;
                State::Ground
            }
            _ => {
                self.out.push(c);
                State::Ground
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cleaned(text: &str) -> (String, usize) {
        let c = clean(text);
        (c.text, c.sequences)
    }

    #[test]
    fn sgr_colours_leave_no_remnant() {
        assert_eq!(
            cleaned("\x1b[1;31mred\x1b[0m text"),
            ("red text".to_string(), 2)
        );
    }

    #[test]
    fn osc_with_bel_or_st() {
        assert_eq!(cleaned("a\x1b]52;c;aGk=\x07b"), ("ab".to_string(), 1));
        assert_eq!(cleaned("a\x1b]0;title\x1b\\b"), ("ab".to_string(), 1));
        assert_eq!(
            cleaned("\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\"),
            ("link".to_string(), 2)
        );
    }

    #[test]
    fn c1_introducers() {
        assert_eq!(cleaned("a\u{9B}2Jb"), ("ab".to_string(), 1));
        assert_eq!(cleaned("a\u{9D}2;t\u{9C}b"), ("ab".to_string(), 1));
        assert_eq!(cleaned("a\u{85}b"), ("ab".to_string(), 1));
    }

    #[test]
    fn dcs_and_two_byte_escapes() {
        assert_eq!(cleaned("a\x1bPq#0;2\x1b\\b"), ("ab".to_string(), 1));
        assert_eq!(cleaned("a\x1b7b\x1b(Bc"), ("abc".to_string(), 2));
    }

    #[test]
    fn unterminated_string_drops_only_introducer() {
        assert_eq!(
            cleaned("a\x1b]0;rest of text"),
            ("a0;rest of text".to_string(), 1)
        );
        // ESC ends the first string ("1" is its content); the second never ends.
        assert_eq!(cleaned("x\x1b]1\x1b]2"), ("x2".to_string(), 2));
    }

    #[test]
    fn unterminated_string_ends_at_the_end_of_its_line() {
        assert_eq!(
            cleaned("a\x1b]0;stray\nsecond line\n\nthird \x07para"),
            ("a\nsecond line\n\nthird para".to_string(), 2)
        );
        assert_eq!(
            cleaned("a\x1bPq#0\nb\u{9d}0;t\nc\x1b]0;t\x1b\nd\x07"),
            ("a\nb\nc\nd".to_string(), 5)
        );
    }

    #[test]
    fn interrupted_csi_keeps_newline() {
        assert_eq!(cleaned("a\x1b[12\nb"), ("a\nb".to_string(), 1));
    }

    #[test]
    fn string_ended_by_new_escape() {
        assert_eq!(cleaned("a\x1b]0;t\x1b[31mb"), ("ab".to_string(), 2));
    }

    #[test]
    fn invisible_and_bidi_dropped() {
        let c = clean("a\u{200B}b\u{202E}c\u{2066}d\u{FEFF}");
        assert_eq!(c.text, "abcd");
        assert_eq!(c.invisible, 4);
    }

    #[test]
    fn map_carries_offsets() {
        let (c, map) = clean_mapped("a\x1b[1mbc\tq");
        assert_eq!(c.text, "abc q");
        assert_eq!(map[0], 0);
        assert_eq!(map[5], 1); // 'b'
        assert_eq!(map[9], 5);
    }

    #[test]
    fn one_line_removes_sequences_whole_and_joins_lines() {
        assert_eq!(
            one_line("a\x1b]52;c;ZXZpbA==\x07b\x1b]0;title\x1b\\c\nd\te\u{9b}2Jf"),
            "abc d ef"
        );
        assert_eq!(one_line("plain"), "plain");
    }

    #[test]
    fn no_control_survives_any_byte() {
        let all: String = (0u32..0x250).filter_map(char::from_u32).collect();
        let text = format!("{all}{all}\x1b]{all}");
        let out = clean(&text).text;
        assert!(
            out.chars()
                .all(|c| !c.is_control() || c == '\n' || c == '\t')
        );
    }
}
