//! A concession inside the author's own sentence: "Although X, Y", "While some think X, I
//! contend Y", "It is true that X, but Y". The conceded clause X is a position the author
//! addresses (a counterclaim); the clause Y is the author's own, and may be a key claim.
//! One sentence then holds two items, each shown as its clause.

use std::ops::Range;

use super::Sentence;
use super::cues::NONE;
use super::lexicon::CueKind;

/// The two clauses of a conceding sentence, as byte ranges of its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    pub conceded: Range<usize>,
    pub asserted: Range<usize>,
}

/// Openings that subordinate a conceded clause to the main one.
const SUBORDINATORS: &[&str] = &[
    "Although ",
    "Though ",
    "Even though ",
    "Even if ",
    "While ",
    "Whilst ",
    "Granted that ",
    "Granted, ",
];

/// Fewest words a clause needs to stand as a claim.
const MIN_WORDS: usize = 3;

/// The conceded and the asserted clause of `s`, if it concedes and answers in one sentence.
pub fn split(s: &Sentence) -> Option<Split> {
    let text = s.text;
    let lead = s.f.lead as usize;
    let rest = text.get(lead..)?;
    let found = if SUBORDINATORS.iter().any(|o| rest.starts_with(o)) {
        // "Although X, Y": the main clause starts after the first comma outside quotes
        // and brackets.
        let comma = top_level_comma(rest)?;
        Split {
            conceded: lead..lead + comma,
            asserted: lead + comma + 1..text.len(),
        }
    } else {
        // "It is true that X, but Y": the answer starts at the contrast after the
        // concession.
        let conceded_at = s.f.first_at(CueKind::Concession);
        let contrast_at = s.f.first_at(CueKind::Contrast);
        if conceded_at == NONE || contrast_at == NONE || contrast_at <= conceded_at {
            return None;
        }
        let start = if conceded_at as usize <= lead + 4 {
            lead
        } else {
            conceded_at as usize
        };
        let contrast_len = usize::from(s.f.first_len[CueKind::Contrast as usize]);
        Split {
            conceded: start..contrast_at as usize,
            asserted: contrast_at as usize + contrast_len..text.len(),
        }
    };
    let conceded = trim(text, found.conceded);
    let asserted = trim(text, found.asserted);
    let words = |r: &Range<usize>| text[r.clone()].split_whitespace().count();
    (words(&conceded) >= MIN_WORDS && words(&asserted) >= MIN_WORDS)
        .then_some(Split { conceded, asserted })
}

/// The byte offset of the first comma not inside quotation marks or brackets.
fn top_level_comma(text: &str) -> Option<usize> {
    let mut depth = 0i32;
    let mut quoted = false;
    for (i, c) in text.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            '"' => quoted = !quoted,
            '“' => quoted = true,
            '”' => quoted = false,
            ',' if depth <= 0 && !quoted => return Some(i),
            _ => {}
        }
    }
    None
}

/// `range` of `text` without white space and joining punctuation at either end.
fn trim(text: &str, range: Range<usize>) -> Range<usize> {
    let part = &text[range.clone()];
    let strip = |c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '—' | '–');
    let start = range.start + (part.len() - part.trim_start_matches(strip).len());
    let end = range.end - (part.len() - part.trim_end_matches(strip).len());
    start..end.max(start)
}

#[cfg(test)]
mod tests {
    use super::super::cues;
    use super::super::title::Title;
    use super::*;
    use crate::document::SentenceRef;

    fn clauses(text: &str) -> Option<(String, String)> {
        let title = Title::new(None, None);
        let f = cues::features(text, &title);
        let s = Sentence {
            at: SentenceRef {
                paragraph: 0,
                sentence: 0,
            },
            text,
            f,
            title: 0.0,
            others: 0.0,
            pos: Default::default(),
        };
        split(&s).map(|s| (text[s.conceded].to_string(), text[s.asserted].to_string()))
    }

    #[test]
    fn splits_a_subordinate_concession_from_the_main_clause() {
        assert_eq!(
            clauses(
                "While some see leadership as bold decision making, I would argue that listening is braver."
            ),
            Some((
                "While some see leadership as bold decision making".into(),
                "I would argue that listening is braver.".into()
            ))
        );
        assert_eq!(
            clauses(
                "Although the levy is small, \"it adds up\", say hoteliers, it will pay for the buses."
            ),
            Some((
                "Although the levy is small".into(),
                "\"it adds up\", say hoteliers, it will pay for the buses.".into()
            ))
        );
    }

    #[test]
    fn splits_a_concession_answered_by_a_contrast() {
        assert_eq!(
            clauses(
                "It is true that the night bus carries fewer passengers, but those passengers have no alternative."
            ),
            Some((
                "It is true that the night bus carries fewer passengers".into(),
                "those passengers have no alternative.".into()
            ))
        );
    }

    #[test]
    fn leaves_other_sentences_whole() {
        assert_eq!(clauses("The council should keep the night bus."), None);
        assert_eq!(clauses("Although short, it works."), None);
    }
}
