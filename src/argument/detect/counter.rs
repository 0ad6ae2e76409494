//! Counterclaim scoring: how likely a sentence states a position of others that the
//! author addresses.
//!
//! A counterclaim is marked by its voice (attribution, a common view, a quoted opponent,
//! distancing such as "so-called") or by concession ("admittedly", "it is true that"),
//! and it is *addressed*: a refutation follows within a few sentences or at the start of
//! the next paragraph. Reported speech that nobody answers is background, so the follow-up
//! carries as much weight as the marker.

use super::Sentence;
use super::attribution;
use super::lexicon::CueKind;
use super::reasons::{Reason, Reasons};

/// Whether a contrast ("but", "yet") follows the concession cue inside the sentence.
pub fn answered_within(f: &super::cues::Features) -> bool {
    let conceded_at = f.first_at(CueKind::Concession);
    let contrast_at = f.first_at(CueKind::Contrast);
    conceded_at != super::cues::NONE
        && contrast_at != super::cues::NONE
        && contrast_at > conceded_at
}

/// The score at which a counterclaim has confidence 0.5.
pub const MIDPOINT: f32 = 1.6;

/// Score of `sentences[i]` as a counterclaim, given its voice (`others`) and the strongest
/// refutation that follows it (`follow`, from `rebuttal::follow_up`).
pub fn score(s: &Sentence, others: f32, follow: f32, mut why: Option<&mut Reasons>) -> f32 {
    let f = &s.f;
    let mut score = 1.5 * others.min(1.6);
    if others > 0.0
        && let Some(out) = why.as_deref_mut()
    {
        attribution::explain(s.text, f, out);
    }
    let mut note = |reason: Reason| {
        if let Some(out) = why.as_deref_mut() {
            out.add(reason);
        }
    };
    let conceded = f.has(CueKind::Concession);
    if f.cue_text(s.text, CueKind::Concession).is_some() {
        score += if f.opens_with(CueKind::Concession) {
            1.3
        } else {
            0.5
        };
        note(Reason::Concession);
    }
    let marked = others > 0.0 || conceded;
    // "It is true that X, but Y": the concession is answered in its own sentence.
    let mut follow = follow;
    if conceded && answered_within(f) {
        follow = follow.max(1.0);
        note(Reason::AnsweredWithin);
    }
    let answered = follow >= 0.8;
    let opposed = others > 0.0 && attribution::opposed(s.text, f);
    // A voice merely reported ("X said", a quotation) is a counterclaim only when the
    // author answers it: unanswered, it is background or an ally quoted in support. A
    // position named as opposing ("critics", "the myth that") or reported with a verb that
    // keeps its distance ("claims", "insists", "alleged") stands without an answer next
    // to it: the answer may come later, or only implicitly.
    if others > 0.0 && !conceded && !answered && !opposed {
        // Someone the writer quotes with "said" or "told me" is a source, seldom an opponent.
        score -= if attribution::testimony(s.text, f) {
            1.2
        } else {
            0.5
        };
        note(Reason::ReportedNotAnswered);
    }
    if opposed && !f.has(CueKind::Objection) {
        score += 0.3;
        note(Reason::Contested);
    }
    if others > 0.0 && !conceded && attribution::allied(s.text) {
        score -= 1.2;
        note(Reason::AuthorAgrees);
    }
    // Writers introduce an opposing view at the head of a paragraph and answer it there.
    if marked && s.pos.first_in_paragraph && s.pos.paragraph_sentences > 1 {
        score += 0.4;
        note(Reason::OpensParagraph);
    }
    score += if marked { 0.9 } else { 0.25 } * follow.min(2.0);
    if follow < 0.8 && !opposed {
        score -= 0.5;
    }
    if f.has(CueKind::Refutation) && !conceded {
        score -= 0.5;
    }
    if f.opens_with(CueKind::Contrast) && !conceded {
        score -= 0.4;
    }
    if attribution::author_thesis(f) {
        score -= 0.8;
    }
    score -= 0.3 * f.count(CueKind::Narrative).min(2.0);
    score
}
