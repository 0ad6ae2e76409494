//! Cue matching: one pass of one Aho-Corasick automaton over a sentence, plus one byte
//! pass for surface statistics, filling a fixed-size [`Features`] record.
//!
//! Why one automaton: every lexicon entry is matched in a single left-to-right scan
//! (ASCII case-insensitive, leftmost-longest), so the cost per sentence is linear in its
//! bytes and independent of the number of cues. Word boundaries are checked on each match
//! instead of being compiled in. Nothing is allocated per sentence.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::lexicon::{
    AUTHOR_SUBJECTS, CUES, CueKind, EVIDENCE_SUBJECTS, KINDS, NOT_SUBJECTS, PASSIVE_MARKERS,
    REPORTING_VERBS, SELF_REFERENCE,
};

/// What one lexicon pattern means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Entry {
    Kind(CueKind),
    /// A reporting verb, resolved by its subject.
    Reporting,
}

struct Matcher {
    automaton: AhoCorasick,
    entries: Vec<Entry>,
}

static MATCHER: LazyLock<Matcher> = LazyLock::new(|| {
    let mut patterns: Vec<String> = Vec::new();
    let mut entries = Vec::new();
    let mut add = |pattern: &str, entry: Entry| {
        patterns.push(pattern.to_string());
        entries.push(entry);
        // Typographic apostrophes are common in pasted text.
        if pattern.contains('\'') {
            patterns.push(pattern.replace('\'', "\u{2019}"));
            entries.push(entry);
        }
    };
    for verb in REPORTING_VERBS {
        add(verb, Entry::Reporting);
    }
    for (kind, words) in CUES {
        for word in *words {
            add(word, Entry::Kind(*kind));
        }
    }
    let automaton = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::DFA))
        .build(&patterns)
        .expect("the cue lexicon compiles");
    Matcher { automaton, entries }
});

/// Marker for "no match of this kind".
pub const NONE: u32 = u32::MAX;

/// The cues and surface statistics of one sentence. Offsets are bytes from the start of
/// the sentence.
#[derive(Debug, Clone, Copy)]
pub struct Features {
    /// Matches per cue kind (saturating).
    pub count: [u8; KINDS],
    /// Where the first match of each kind starts ([`NONE`] if none). For an attribution
    /// made by a reporting verb, this is where its subject starts ("critics say").
    pub first_at: [u32; KINDS],
    /// Length of that first match (with the subject, for reporting verbs).
    pub first_len: [u8; KINDS],
    /// Offset of the first letter (after opening quotes and white space).
    pub lead: u32,
    pub words: u16,
    /// Capitalised words that do not start the sentence (names, places, organisations).
    pub capitalised: u16,
    /// Tokens that start with a digit (dates, figures).
    pub numbers: u16,
    /// Past-tense markers: "-ed" words, "was", "were", "had".
    pub past: u16,
    /// Words inside quotation marks.
    pub quoted_words: u16,
    pub question: bool,
}

impl Default for Features {
    fn default() -> Self {
        Features {
            count: [0; KINDS],
            first_at: [NONE; KINDS],
            first_len: [0; KINDS],
            lead: 0,
            words: 0,
            capitalised: 0,
            numbers: 0,
            past: 0,
            quoted_words: 0,
            question: false,
        }
    }
}

impl Features {
    pub fn has(&self, kind: CueKind) -> bool {
        self.count[kind as usize] > 0
    }

    pub fn count(&self, kind: CueKind) -> f32 {
        f32::from(self.count[kind as usize])
    }

    /// Whether the sentence opens with a cue of `kind` (within its first two words).
    pub fn opens_with(&self, kind: CueKind) -> bool {
        let at = self.first_at[kind as usize];
        at != NONE && at <= self.lead + 4
    }

    /// The text of the first cue of `kind` in `sentence`, for evidence.
    pub fn cue_text<'a>(&self, sentence: &'a str, kind: CueKind) -> Option<&'a str> {
        let at = self.first_at[kind as usize];
        if at == NONE {
            return None;
        }
        let start = at as usize;
        let end = start + usize::from(self.first_len[kind as usize]);
        sentence.get(start..end.min(sentence.len()))
    }

    fn record(&mut self, kind: CueKind, at: usize, len: usize) {
        let k = kind as usize;
        self.count[k] = self.count[k].saturating_add(1);
        if self.first_at[k] == NONE {
            self.first_at[k] = at as u32;
            self.first_len[k] = len.min(255) as u8;
        }
    }
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// Computes the features of one sentence.
pub fn features(sentence: &str) -> Features {
    let mut f = Features::default();
    surface(sentence.as_bytes(), &mut f);
    let matcher = &*MATCHER;
    let bytes = sentence.as_bytes();
    for m in matcher.automaton.find_iter(sentence) {
        let (start, end) = (m.start(), m.end());
        // A pattern starting with punctuation (", so") carries its own boundary.
        if start > 0 && is_word_byte(bytes[start]) && is_word_byte(bytes[start - 1]) {
            continue;
        }
        // A pattern ending in punctuation ("true,") carries its own boundary.
        if end < bytes.len() && is_word_byte(bytes[end]) && is_word_byte(bytes[end - 1]) {
            continue;
        }
        match matcher.entries[m.pattern().as_usize()] {
            Entry::Kind(kind) => f.record(kind, start, end - start),
            Entry::Reporting => {
                let (subject_start, subject) = subject_before(sentence, start);
                let is =
                    |list: &[&str], word: &str| list.iter().any(|s| s.eq_ignore_ascii_case(word));
                if is(NOT_SUBJECTS, subject) {
                    // "a proposed plan", "to argue", "it says": not someone's position.
                    continue;
                }
                let (_, determiner) = word_before(sentence, subject_start);
                let kind = if is(PASSIVE_MARKERS, subject) {
                    // "it is often said": a common view.
                    CueKind::Attribution
                } else if is(EVIDENCE_SUBJECTS, subject) {
                    CueKind::Evidence
                } else if is(AUTHOR_SUBJECTS, subject) || is(SELF_REFERENCE, determiner) {
                    // "I argue", "this essay argues".
                    CueKind::Thesis
                } else {
                    CueKind::Attribution
                };
                f.record(kind, subject_start, end - subject_start);
            }
        }
    }
    f
}

/// The word before `at` that is the likely subject of a verb there, skipping one
/// adverb or auxiliary ("critics *often* say", "I *would* argue"). Returns its start and
/// text (empty at the start of the sentence).
fn subject_before(sentence: &str, at: usize) -> (usize, &str) {
    let (mut start, mut word) = word_before(sentence, at);
    let lower_is = |w: &str, list: &[&str]| list.iter().any(|x| x.eq_ignore_ascii_case(w));
    if word.len() > 2
        && (word.to_ascii_lowercase().ends_with("ly")
            || lower_is(
                word,
                &[
                    "would", "do", "does", "did", "also", "still", "now", "often", "even", "will",
                    "can", "may", "might", "must", "have", "has", "always", "further",
                ],
            ))
    {
        let (s, w) = word_before(sentence, start);
        if !w.is_empty() {
            start = s;
            word = w;
        }
    }
    (start, word)
}

fn word_before(sentence: &str, at: usize) -> (usize, &str) {
    let bytes = sentence.as_bytes();
    let mut end = at;
    // "Farah Idris, contends": the subject before an apposition comma.
    while end > 0 && matches!(bytes[end - 1], b' ' | b',') {
        end -= 1;
    }
    let mut start = end;
    while start > 0 && (is_word_byte(bytes[start - 1]) || bytes[start - 1] == b'\'') {
        start -= 1;
    }
    // Stay on a char boundary if the word ends in a non-ASCII letter.
    while !sentence.is_char_boundary(start) {
        start += 1;
    }
    (start, &sentence[start..end])
}

/// One byte pass: word counts, capitals, numbers, past tense, quotations, question mark.
fn surface(bytes: &[u8], f: &mut Features) {
    let mut i = 0;
    let mut in_quote = false;
    let mut first_word = true;
    let mut lead_set = false;
    let n = bytes.len();
    while i < n {
        let b = bytes[i];
        // U+201C / U+201D: curly double quotes.
        if b == 0xE2 && i + 2 < n && bytes[i + 1] == 0x80 && matches!(bytes[i + 2], 0x9C | 0x9D) {
            in_quote = bytes[i + 2] == 0x9C;
            i += 3;
            continue;
        }
        if b == b'"' {
            in_quote = !in_quote;
            i += 1;
            continue;
        }
        if !is_word_byte(b) {
            i += 1;
            continue;
        }
        let start = i;
        while i < n
            && (is_word_byte(bytes[i])
                || (bytes[i] == b'\'' && i + 1 < n && bytes[i + 1].is_ascii_alphabetic()))
        {
            // Curly quotes inside a run end the word.
            if bytes[i] == 0xE2 && i + 2 < n && bytes[i + 1] == 0x80 {
                break;
            }
            i += 1;
        }
        if i == start {
            i += 1;
            continue;
        }
        let word = &bytes[start..i];
        if !lead_set {
            f.lead = start as u32;
            lead_set = true;
        }
        f.words = f.words.saturating_add(1);
        if in_quote {
            f.quoted_words = f.quoted_words.saturating_add(1);
        }
        let head = word[0];
        if head.is_ascii_digit() {
            f.numbers = f.numbers.saturating_add(1);
        } else if head.is_ascii_uppercase() && !first_word && !(word.len() == 1 && head == b'I') {
            f.capitalised = f.capitalised.saturating_add(1);
        }
        let len = word.len();
        let past = (len >= 5
            && word[len - 2].eq_ignore_ascii_case(&b'e')
            && word[len - 1].eq_ignore_ascii_case(&b'd'))
            || word.eq_ignore_ascii_case(b"was")
            || word.eq_ignore_ascii_case(b"were")
            || word.eq_ignore_ascii_case(b"had");
        if past {
            f.past = f.past.saturating_add(1);
        }
        first_word = false;
    }
    let tail = bytes
        .iter()
        .rev()
        .find(|b| !matches!(b, b' ' | b'"' | b'\'' | b')' | 0x9D | 0x99 | 0x80 | 0xE2));
    f.question = tail == Some(&b'?');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reporting_verb_is_attribution_unless_the_author_speaks() {
        let text = "The mayor often argues that the plan is too costly.";
        let f = features(text);
        assert!(f.has(CueKind::Attribution));
        assert_eq!(
            f.cue_text(text, CueKind::Attribution),
            Some("mayor often argues")
        );
        let g = features("I would argue that the plan is affordable.");
        assert!(!g.has(CueKind::Attribution));
        assert!(g.has(CueKind::Thesis));
    }

    #[test]
    fn words_inside_other_words_do_not_match() {
        let f = features("Within this business, nobody is harmed.");
        assert!(!f.has(CueKind::FirstPerson));
        assert!(!f.has(CueKind::Conclusion));
    }

    #[test]
    fn blockers_win_over_shorter_cues() {
        let f = features("So far the rules have held, and not only here but also abroad.");
        assert!(!f.has(CueKind::Conclusion));
        assert!(!f.has(CueKind::Contrast));
    }

    #[test]
    fn surface_statistics() {
        let f = features("In 2019 the Mayor of Springfield said \"we will win this\" twice?");
        assert_eq!(f.numbers, 1);
        assert!(f.capitalised >= 2);
        assert_eq!(f.quoted_words, 4);
        assert!(f.question);
    }
}
