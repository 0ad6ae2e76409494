//! Cue matching: one pass of one Aho-Corasick automaton over a sentence (walked by
//! `cues/scan.rs`), plus one byte pass for surface statistics, filling a fixed-size
//! [`Features`] record.
//!
//! Why one automaton: every lexicon entry is matched in a single left-to-right scan
//! (ASCII case-insensitive, leftmost-longest), so the cost per sentence is linear in its
//! bytes and independent of the number of cues. Word boundaries are checked on each match
//! instead of being compiled in. Nothing is allocated per sentence.

use std::sync::LazyLock;

mod offsets;
mod scan;

use offsets::Offsets;
use scan::Scanner;

use super::title::Title;

use super::lexicon::{
    AUTHOR_SUBJECTS, CUES, CueKind, EVIDENCE_SUBJECTS, KINDS, NOT_SUBJECTS, PASSIVE_MARKERS,
    PLURAL_PRONOUNS, REPORTING_VERBS, SELF_REFERENCE, SHORT_WORDS, SINGULAR_DETERMINERS,
};

/// What one lexicon pattern means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Entry {
    Kind(CueKind),
    /// A reporting verb, resolved by its subject.
    Reporting,
    /// A reporting verb in its base form ("claim", "argue"): also a noun ("a persuasive
    /// claim", "the fear"), so it needs a plural or pronoun subject ("critics claim").
    ReportingBase,
}

struct Matcher {
    scanner: Scanner,
    entries: Vec<Entry>,
    /// The patterns, for tests that check the scanner against the crate's own search.
    #[cfg(test)]
    patterns: Vec<String>,
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
        let first = verb.split(' ').next().unwrap_or(verb);
        let inflected = first.ends_with('s')
            || first.ends_with("ed")
            || first.ends_with("ing")
            || matches!(first, "said" | "told" | "held");
        add(
            verb,
            if inflected {
                Entry::Reporting
            } else {
                Entry::ReportingBase
            },
        );
    }
    for (kind, words) in CUES {
        for word in *words {
            add(word, Entry::Kind(*kind));
        }
    }
    Matcher {
        scanner: Scanner::new(&patterns),
        entries,
        #[cfg(test)]
        patterns,
    }
});

/// Marker for "no match of this kind".
pub const NONE: u32 = u32::MAX;

/// The cues and surface statistics of one sentence. Offsets are bytes from the start of
/// the sentence.
#[derive(Debug, Clone)]
pub struct Features {
    /// Matches per cue kind (saturating).
    pub count: [u8; KINDS],
    /// Where the first match of each kind starts (read with [`Features::first_at`]). For
    /// an attribution made by a reporting verb, this is where its subject starts ("critics
    /// say").
    first_at: Offsets,
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
    /// Present-tense "is", "are", "does", "do" and their negations: a general statement
    /// about how things are.
    pub present: u16,
    /// Words inside quotation marks.
    pub quoted_words: u16,
    /// Title stems used (see `title.rs`).
    pub title_mask: u64,
    pub question: bool,
}

impl Default for Features {
    fn default() -> Self {
        Features {
            count: [0; KINDS],
            first_at: Offsets::default(),
            first_len: [0; KINDS],
            lead: 0,
            words: 0,
            capitalised: 0,
            numbers: 0,
            past: 0,
            present: 0,
            quoted_words: 0,
            title_mask: 0,
            question: false,
        }
    }
}

impl Features {
    pub fn has(&self, kind: CueKind) -> bool {
        self.count[kind as usize] > 0
    }

    /// Where the first match of `kind` starts ([`NONE`] if none).
    pub fn first_at(&self, kind: CueKind) -> u32 {
        self.first_at.get(kind as usize)
    }

    pub fn count(&self, kind: CueKind) -> f32 {
        f32::from(self.count[kind as usize])
    }

    /// Whether the sentence opens with a cue of `kind` (within its first two words).
    pub fn opens_with(&self, kind: CueKind) -> bool {
        let at = self.first_at(kind);
        at != NONE && at <= self.lead + 4
    }

    /// The text of the first cue of `kind` in `sentence`, for evidence.
    pub fn cue_text<'a>(&self, sentence: &'a str, kind: CueKind) -> Option<&'a str> {
        let at = self.first_at(kind);
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
        if self.first_at.get(k) == NONE {
            self.first_at.set(k, at);
            self.first_len[k] = len.min(255) as u8;
        }
    }
}

/// Letters, digits and any byte of a non-ASCII character, as a table (hot loop).
static WORD_BYTE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = c.is_ascii_alphanumeric() || c >= 0x80;
        b += 1;
    }
    table
};

/// ASCII letters and digits, as a table (hot loop).
static ASCII_ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

#[inline]
fn is_word_byte(b: u8) -> bool {
    WORD_BYTE[b as usize]
}

/// The stems of `title` that `sentence` matches, as [`features`] finds them (its surface
/// pass alone), for weighing the title's words before the sentences are scored.
pub fn title_mask(sentence: &str, title: &Title) -> u64 {
    let mut f = Features {
        first_at: Offsets::for_sentence(sentence.len()),
        ..Features::default()
    };
    surface(sentence.as_bytes(), title, &mut f);
    f.title_mask
}

/// Computes the features of one sentence, matching the stems of `title`.
pub fn features(sentence: &str, title: &Title) -> Features {
    let mut f = Features {
        first_at: Offsets::for_sentence(sentence.len()),
        ..Features::default()
    };
    surface(sentence.as_bytes(), title, &mut f);
    let matcher = &*MATCHER;
    let bytes = sentence.as_bytes();
    for m in matcher.scanner.find_iter(bytes) {
        let (start, end) = (m.start, m.end);
        // A pattern starting with punctuation (", so") carries its own boundary.
        if start > 0 && is_word_byte(bytes[start]) && is_word_byte(bytes[start - 1]) {
            continue;
        }
        // A pattern ending in punctuation ("true,") carries its own boundary.
        if end < bytes.len() && is_word_byte(bytes[end]) && is_word_byte(bytes[end - 1]) {
            continue;
        }
        match matcher.entries[m.pattern] {
            Entry::Kind(kind) => f.record(kind, start, end - start),
            entry @ (Entry::Reporting | Entry::ReportingBase) => {
                let (mut subject_start, mut subject) = subject_before(sentence, start);
                // "I am asking", "critics are arguing": a progressive, not a passive;
                // the subject is before the auxiliary.
                if bytes[..end].ends_with(b"ing") {
                    if is_be(subject) {
                        (subject_start, subject) = subject_before(sentence, subject_start);
                    } else if let Some(pronoun) =
                        ["'m", "'re"].iter().find_map(|be| subject.strip_suffix(be))
                    {
                        subject = pronoun;
                    }
                }
                if entry == Entry::ReportingBase && !plural_or_pronoun(subject) {
                    // "a persuasive claim" is a noun; "the majority contend" a verb.
                    let (_, determiner) = word_before(sentence, subject_start);
                    if SINGULAR_DETERMINERS
                        .iter()
                        .any(|d| d.eq_ignore_ascii_case(determiner))
                    {
                        continue;
                    }
                }
                let is =
                    |list: &[&str], word: &str| list.iter().any(|s| s.eq_ignore_ascii_case(word));
                // "the council should say so": what someone ought to say, not what they say.
                let (_, auxiliary) = word_before(sentence, start);
                if is(&["should", "must", "ought"], auxiliary) {
                    continue;
                }
                if is(NOT_SUBJECTS, subject) {
                    // "a proposed plan", "to argue", "it says": not someone's position.
                    continue;
                }
                let (_, determiner) = word_before(sentence, subject_start);
                if is(&["no", "nobody", "none"], determiner) {
                    // "No man thinks more highly than I do": nobody's view.
                    continue;
                }
                let kind = if is(PASSIVE_MARKERS, subject) {
                    // "it is often said": a common view.
                    CueKind::Objection
                } else if is(EVIDENCE_SUBJECTS, subject) {
                    CueKind::Evidence
                } else if is(AUTHOR_SUBJECTS, subject)
                    || (is(SELF_REFERENCE, determiner) && !plural_or_pronoun(subject))
                {
                    // "I argue", "this essay argues"; but "my neighbours think" reports
                    // other people.
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

/// A form of "be" that makes a progressive before an "-ing" verb.
fn is_be(word: &str) -> bool {
    ["am", "is", "are", "was", "were"]
        .iter()
        .any(|w| w.eq_ignore_ascii_case(word))
}

/// A subject that takes a base-form verb: a plural noun or a pronoun.
fn plural_or_pronoun(subject: &str) -> bool {
    let lower = subject.as_bytes();
    (lower.len() > 3 && lower[lower.len() - 1] | 0x20 == b's' && lower[lower.len() - 2] != b'\'')
        || PLURAL_PRONOUNS
            .iter()
            .any(|p| p.eq_ignore_ascii_case(subject))
}

/// The word before `at` that is the likely subject of a verb there, skipping one
/// adverb or auxiliary ("critics *often* say", "I *would* argue"). Returns its start and
/// text (empty at the start of the sentence).
fn subject_before(sentence: &str, at: usize) -> (usize, &str) {
    let (mut start, mut word) = word_before(sentence, at);
    let lower_is = |w: &str, list: &[&str]| list.iter().any(|x| x.eq_ignore_ascii_case(w));
    // Up to two: "I do not argue", "critics would surely say".
    for _ in 0..2 {
        let skippable = word.len() > 2
            && (word.as_bytes()[word.len() - 2..].eq_ignore_ascii_case(b"ly")
                || lower_is(
                    word,
                    &[
                        "would", "do", "does", "did", "also", "still", "now", "often", "even",
                        "will", "can", "may", "might", "have", "has", "always", "further", "not",
                        "don't", "doesn't", "didn't", "never", "ever", "already", "just",
                    ],
                ));
        if !skippable {
            break;
        }
        let (s, w) = word_before(sentence, start);
        if w.is_empty() {
            break;
        }
        start = s;
        word = w;
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

/// Negation and first person among very short words, and "-n't" words.
fn word_kind(word: &[u8]) -> Option<CueKind> {
    let len = word.len();
    if len <= 2 {
        let lower = [word[0] | 0x20, word.get(1).map_or(0, |b| b | 0x20)];
        let lower = &lower[..len];
        return SHORT_WORDS
            .iter()
            .find(|(w, _)| *w == lower)
            .map(|(_, kind)| *kind);
    }
    // Every "-n't" form ends in "t" or "T": one test settles most words.
    if word[len - 1] | 0x20 != b't' {
        return None;
    }
    let tail = &word[len.saturating_sub(5)..];
    let contracted =
        tail.ends_with(b"n't") || tail.ends_with(b"N'T") || tail.ends_with("n\u{2019}t".as_bytes());
    contracted.then_some(CueKind::Negation)
}

/// "is", "are", "does", "do" and their negations (with a straight or curly apostrophe).
fn is_present(word: &[u8]) -> bool {
    const FORMS: [&[u8]; 13] = [
        b"is",
        b"are",
        b"isn't",
        b"aren't",
        b"does",
        b"doesn't",
        b"do",
        b"don't",
        b"cannot",
        "isn\u{2019}t".as_bytes(),
        "aren\u{2019}t".as_bytes(),
        "doesn\u{2019}t".as_bytes(),
        "don\u{2019}t".as_bytes(),
    ];
    // The forms start with i, a, d or c: one test settles most words.
    word.len() <= 9
        && matches!(word[0] | 0x20, b'i' | b'a' | b'd' | b'c')
        && FORMS.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// One byte pass: word counts, capitals, numbers, past tense, quotations, question mark.
fn surface(bytes: &[u8], title: &Title, f: &mut Features) {
    let mut i = 0;
    let mut in_quote = false;
    let mut first_word = true;
    let mut lead_set = false;
    let n = bytes.len();
    while i < n {
        let b = bytes[i];
        // The most common byte between words: settle it before the tests below.
        if b == b' ' {
            i += 1;
            continue;
        }
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
        loop {
            // Hot loop: ASCII letters and digits.
            while i < n && ASCII_ALNUM[bytes[i] as usize] {
                i += 1;
            }
            if i >= n {
                break;
            }
            let b = bytes[i];
            let next_is_letter = |at: usize| bytes.get(at).is_some_and(u8::is_ascii_alphabetic);
            if b == b'\'' && next_is_letter(i + 1) {
                i += 1;
            } else if b == 0xE2 && bytes.get(i + 1) == Some(&0x80) {
                // A curly apostrophe between letters stays in the word ("don’t"); other
                // punctuation from that block (quotes, dashes) ends it.
                if bytes.get(i + 2) == Some(&0x99) && next_is_letter(i + 3) {
                    i += 3;
                } else {
                    break;
                }
            } else if b >= 0x80 {
                i += 1; // part of a non-ASCII letter
            } else {
                break;
            }
        }
        if i == start {
            // Punctuation (a dash, a curly quote): skip the whole character, so that a
            // word never starts inside one.
            i += 1;
            while i < n && bytes[i] & 0xC0 == 0x80 {
                i += 1;
            }
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
        if let Some(kind) = word_kind(word) {
            f.record(kind, start, word.len());
        }
        let head = word[0];
        let name = head.is_ascii_uppercase() && !first_word && !(word.len() == 1 && head == b'I');
        if head.is_ascii_digit() {
            f.numbers = f.numbers.saturating_add(1);
        } else if name {
            f.capitalised = f.capitalised.saturating_add(1);
        }
        f.title_mask |= title.word(word, name);
        let len = word.len();
        let last = word[len - 1] | 0x20;
        let past = match len {
            3 => word.eq_ignore_ascii_case(b"was") || word.eq_ignore_ascii_case(b"had"),
            4 => word.eq_ignore_ascii_case(b"were"),
            _ => len >= 5 && last == b'd' && word[len - 2] | 0x20 == b'e',
        };
        if past {
            f.past = f.past.saturating_add(1);
        } else if is_present(word) {
            f.present = f.present.saturating_add(1);
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

    fn features(sentence: &str) -> Features {
        super::features(sentence, &Title::new(None, None))
    }

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
    fn a_progressive_reporting_verb_takes_the_subject_before_the_auxiliary() {
        let author = [
            "I am asking the council to act.",
            "I'm arguing that it works.",
        ];
        for text in author {
            let f = features(text);
            assert!(f.has(CueKind::Thesis), "{text}");
            assert!(!f.has(CueKind::Attribution), "{text}");
        }
        let f = features("The mayor is arguing that it fails.");
        assert_eq!(
            f.cue_text("The mayor is arguing that it fails.", CueKind::Attribution),
            Some("mayor is arguing")
        );
        assert!(!f.has(CueKind::Objection));
        // A passive still reports others, and a preposition is no subject.
        for text in ["I am told that it fails.", "I'm told that it fails."] {
            let f = features(text);
            assert!(
                f.has(CueKind::Attribution) || f.has(CueKind::Objection),
                "{text}"
            );
            assert!(!f.has(CueKind::Thesis), "{text}");
        }
        let f = features("Grants are paid without asking for a fee.");
        assert!(!f.has(CueKind::Attribution) && !f.has(CueKind::Objection));
    }

    #[test]
    fn a_sentence_opening_with_punctuation_outside_ascii_leads_with_a_word() {
        for text in [
            "\u{2018}So it goes,\u{2019} he said.",
            "\u{2014}So far, so good.",
        ] {
            let f = features(text);
            assert!(text.is_char_boundary(f.lead as usize), "{text}");
            assert!(text[f.lead as usize..].starts_with("So"), "{text}");
            assert_eq!(f.words, if text.contains("said") { 5 } else { 4 });
        }
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
    fn present_tense_reads_either_apostrophe() {
        for text in [
            "It doesn't pay and they aren't paid.",
            "It doesn\u{2019}t pay and they aren\u{2019}t paid.",
        ] {
            assert_eq!(features(text).present, 2, "{text}");
        }
    }

    #[test]
    fn negation_and_first_person_are_whole_words() {
        let f = features("We don\u{2019}t know, and nobody noticed the economy.");
        assert_eq!(f.count[CueKind::Negation as usize], 2);
        assert_eq!(f.count[CueKind::FirstPerson as usize], 1);
    }

    /// The scanner finds exactly what `AhoCorasick::find_iter` finds with the real lexicon,
    /// on every text of the corpus, word by word and across sentence boundaries.
    #[test]
    fn scanner_matches_find_iter_on_the_corpus() {
        use aho_corasick::{AhoCorasick, MatchKind};
        let matcher = &*MATCHER;
        let reference = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&matcher.patterns)
            .unwrap();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
        let mut texts: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect();
        texts.push(crate::synthetic::article(200_000, 7));
        assert!(texts.len() > 20);
        for text in &texts {
            let ours: Vec<(usize, usize, usize)> = matcher
                .scanner
                .find_iter(text.as_bytes())
                .map(|m| (m.pattern, m.start, m.end))
                .collect();
            let theirs: Vec<(usize, usize, usize)> = reference
                .find_iter(text)
                .map(|m| (m.pattern().as_usize(), m.start(), m.end()))
                .collect();
            assert!(ours.len() > 10);
            assert_eq!(ours, theirs);
        }
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
