//! Key-claim scoring: how likely a sentence states the author's thesis or a main claim.
//!
//! Positive evidence: it shares the title's rarer words; it carries stance (modal "should",
//! "must", explicit thesis phrasing, comparison "is better than"), evaluative words, a
//! conclusion marker or a signpost; it sits where writers put claims (the opening and
//! closing paragraphs, the end of the introduction, a body paragraph's topic sentence or
//! closing sentence, the last sentence). Negative evidence: the sentence reports others
//! (attribution, quotation), is a question, concedes, tells a story (past tense, dates,
//! numbers, names, "recently"), illustrates ("for example"), or answers a counterclaim.

use super::Sentence;
use super::attribution;
use super::cues::Features;
use super::lexicon::CueKind;
use super::title::Title;

/// The score above which a sentence is a plausible key claim (confidence 0.5).
pub const MIDPOINT: f32 = 1.0;
/// Sentences scoring below this are never shown as key claims, however short the list.
pub const FLOOR: f32 = 0.3;

const GENERAL: f32 = 0.4;

/// Where a sentence stands in the argument found so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Nothing known.
    Plain,
    /// In a paragraph that states and answers a counterclaim.
    DebatedParagraph,
    /// Answers a counterclaim.
    Rebuttal,
}

/// Score of `s` as a key claim; pushes readable reasons into `why` when given.
pub fn score(s: &Sentence, title: &Title, role: Role, mut why: Option<&mut Vec<String>>) -> f32 {
    let f = &s.f;
    let mut score = 0.0;
    // Reasons are formatted only when asked for.
    macro_rules! note {
        ($($arg:tt)*) => {
            if let Some(out) = why.as_deref_mut() {
                out.push(format!($($arg)*));
            }
        };
    }

    if s.title > 0.0 {
        score += 1.0 * s.title;
        if s.title >= 0.2 {
            note!("matches title: {}", title.words(s.title_mask).join(", "));
        }
    }
    score += stance(s.text, f, why.as_deref_mut());

    // Narrative: past-tense event reporting with dates, numbers and names. A narrative
    // sentence in a thesis position (a news-style opening) gets half the position's weight.
    let words = f32::from(f.words.max(1));
    let narrative = 0.5 * f.count(CueKind::Narrative).min(3.0)
        + 0.15 * f32::from(f.numbers.min(4))
        + 3.0 * (f32::from(f.past) / words - 0.05).max(0.0)
        + 0.8 * (f32::from(f.capitalised) / words - 0.1).max(0.0);
    let storytelling = narrative > 0.35;

    let (mut bonus, place) = position(&s.pos);
    // An opening hook is rarely the thesis, but an opening that takes a stance may be.
    if s.pos.first_paragraph && bonus < 0.0 && (f.has(CueKind::Stance) || f.has(CueKind::Thesis)) {
        bonus = 0.0;
    }
    if bonus != 0.0 {
        score += if storytelling && bonus > 0.0 {
            bonus * 0.5
        } else {
            bonus
        };
        if bonus > 0.0 {
            note!("thesis position: {place}");
        }
    }

    // Negative evidence.
    if s.pos.turn == Some(super::speakers::Turn::Opponent) {
        score -= 2.0;
        note!("spoken by the other side");
    }
    let others = attribution::others(s.text, f);
    if others > 0.0 {
        score -= 1.4 * others;
        if let Some(out) = why.as_deref_mut() {
            attribution::explain(s.text, f, out);
        }
    }
    if f.question {
        score -= 1.5;
        note!("question");
    }
    if f.opens_with(CueKind::Concession) {
        score -= 0.7;
    }
    if f.opens_with(CueKind::Example) {
        score -= 0.8;
    } else if f.has(CueKind::Example) {
        score -= 0.3;
    }
    if storytelling {
        note!("narrative or background");
    }
    score -= narrative;
    // A general statement about how things are, in the author's voice, with no figures,
    // names or story: "A heat plan is not a favour to the workforce."
    let general = f.present > 0
        && f.past == 0
        && f.numbers == 0
        && f.capitalised <= 1
        && !f.question
        && !f.has(CueKind::FirstPerson)
        && others == 0.0;
    if general {
        score += GENERAL;
        note!("general statement");
    }
    if let Some(c) = f.cue_text(s.text, CueKind::Aside) {
        score -= 0.8;
        note!("aside: '{c}'");
    }
    if f.words < 3 {
        score -= 0.6;
    }
    match role {
        Role::Plain => {}
        // The paragraph is given to an opposing view and its answer.
        Role::DebatedParagraph => score -= 0.4,
        Role::Rebuttal => {
            score -= 0.8;
            note!("answers a counterclaim");
        }
    }
    score
}

/// The bonus for where a sentence stands, and its name for evidence.
fn position(p: &super::Position) -> (f32, &'static str) {
    let several = p.paragraph_sentences > 1;
    // In a transcript the author states the case in the opening turn; later turns answer
    // the other side, and a turn has no topic sentence.
    let transcript = p.turn.is_some();
    if p.preamble {
        (-0.8, "before the introduction")
    } else if p.last_paragraph && (p.first_in_paragraph || p.last_in_paragraph) {
        (1.2, "conclusion paragraph")
    } else if p.last_paragraph {
        (0.2, "conclusion paragraph")
    } else if transcript && p.first_paragraph {
        (0.6, "opening statement")
    } else if transcript {
        (-0.3, "a reply in the debate")
    } else if p.first_paragraph && p.last_in_paragraph && several {
        (1.2, "ends the introduction")
    } else if p.first_paragraph {
        (-0.3, "introduction")
    } else if p.first_in_paragraph && several {
        (0.8, "topic sentence")
    } else if p.last_in_paragraph && several {
        (0.2, "closes a paragraph")
    } else {
        (0.0, "")
    }
}

/// The stance part of the score: modality, thesis phrasing, evaluation, conclusions.
fn stance(text: &str, f: &Features, mut why: Option<&mut Vec<String>>) -> f32 {
    let mut score = 0.0;
    let mut cue = |kind: CueKind, weight: f32, label: &str| {
        if let Some(c) = f.cue_text(text, kind) {
            score += weight;
            if let Some(out) = why.as_deref_mut() {
                out.push(format!("{label}: '{c}'"));
            }
        }
    };
    cue(CueKind::Thesis, 1.1, "thesis marker");
    cue(CueKind::Stance, 0.9, "stance");
    cue(CueKind::Conclusion, 0.6, "conclusion marker");
    if f.opens_with(CueKind::Signpost) {
        cue(CueKind::Signpost, 0.8, "signpost");
    }
    if f.opens_with(CueKind::Conclusion) {
        score += 0.3;
    } else if text[f.lead as usize..].starts_with("So ")
        && !text[f.lead as usize..].starts_with("So far")
    {
        score += 0.6;
        if let Some(out) = why.as_deref_mut() {
            out.push("conclusion marker: 'So'".into());
        }
    }
    if f.has(CueKind::Evaluative) {
        score += 0.3 * f.count(CueKind::Evaluative).min(3.0);
        if let (Some(c), Some(out)) = (f.cue_text(text, CueKind::Evaluative), why) {
            out.push(format!("evaluative: '{c}'"));
        }
    }
    if f.has(CueKind::Prediction) {
        score += 0.25;
    }
    if f.has(CueKind::FirstPerson) {
        score += 0.15;
    }
    score
}
