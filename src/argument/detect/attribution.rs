//! Whose voice a sentence speaks in: reported speech ("critics argue that", "according
//! to"), a common view ("it is often said", "the conventional wisdom"), a quoted speaker,
//! or the author. Attribution is negative evidence for a key claim and the main positive
//! evidence for a counterclaim.

use super::cues::Features;
use super::lexicon::CueKind;

/// Quoted words from which a quotation is reported speech rather than a scare-quoted label.
const SPEECH_QUOTE_WORDS: u16 = 4;

/// How strongly the sentence reports someone else's position (0 = the author's own voice).
pub fn others(text: &str, f: &Features) -> f32 {
    let mut strength = 0.0;
    if f.has(CueKind::Objection) {
        strength += 1.3;
    }
    if f.has(CueKind::Attribution) {
        strength += 1.0 + 0.2 * (f.count(CueKind::Attribution) - 1.0).min(2.0);
    }
    if f.has(CueKind::Attribution) || f.has(CueKind::Objection) {
        if quoted_speech(f) {
            strength += 0.5;
        }
    } else if quoted_speech(f) {
        // Quoted words with no speaker named: a report, or only a phrase in quotes.
        strength += 0.2;
    }
    if opens_with_some_group(text, f) {
        strength += 0.7;
    }
    if f.has(CueKind::Distancing) {
        strength += 0.4;
    }
    // "I think critics are wrong": the author speaks about others.
    if f.has(CueKind::Thesis) {
        strength *= 0.5;
    }
    strength
}

/// "Some economists …", "Some early reviews …": an unnamed group's view. Not "Some of
/// you …" or "Some time ago …".
fn opens_with_some_group(text: &str, f: &Features) -> bool {
    let rest = text.get(f.lead as usize..).unwrap_or("");
    let Some(after) = rest.strip_prefix("Some ") else {
        return false;
    };
    let next = after.split(' ').next().unwrap_or("");
    !matches!(
        next,
        "of" | "time" | "day" | "days" | "years" | "months" | "weeks" | "things"
    )
}

/// A quotation long enough to be someone's words.
pub fn quoted_speech(f: &Features) -> bool {
    f.quoted_words >= SPEECH_QUOTE_WORDS
}

/// Human-readable reasons for [`others`].
pub fn explain(sentence: &str, f: &Features, out: &mut Vec<String>) {
    if let Some(cue) = f.cue_text(sentence, CueKind::Objection) {
        out.push(format!("opposing view: '{cue}'"));
    }
    if opens_with_some_group(sentence, f) {
        let group: String = sentence[f.lead as usize..]
            .split(' ')
            .take(2)
            .collect::<Vec<_>>()
            .join(" ");
        out.push(format!("common view: '{group}'"));
    }
    if let Some(cue) = f.cue_text(sentence, CueKind::Attribution) {
        out.push(format!("attribution: '{cue}'"));
    }
    if quoted_speech(f) {
        out.push(format!("quotation: {} quoted words", f.quoted_words));
    }
    if let Some(cue) = f.cue_text(sentence, CueKind::Distancing) {
        out.push(format!("distancing: '{cue}'"));
    }
}
