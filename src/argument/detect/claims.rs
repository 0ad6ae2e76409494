//! Key-claim features: what says that a sentence states the author's thesis or a main
//! claim. The key-claim model (`model.rs`) weighs them, with learnt weights; the hand-set
//! [`WEIGHTS`] here score the other side's sentences in a transcript (their claims are the
//! author's counterclaims) and say which features to name as evidence. Positive evidence: the sentence shares the title's rarer words; it
//! carries stance (modal "should", "must", explicit thesis phrasing, comparison "is better
//! than"), evaluative words, a conclusion marker or a signpost; it makes a general
//! statement about how things are; it sits where writers put claims (the opening and
//! closing paragraphs, the end of the introduction, a body paragraph's topic sentence or
//! closing sentence). Negative evidence: the sentence reports others (attribution,
//! quotation), is a question, concedes, tells a story (past tense, dates, numbers, names,
//! "recently"), illustrates ("for example"), is an aside to the reader, or answers a
//! counterclaim.

use super::Sentence;
use super::attribution;
use super::lexicon::CueKind;
use super::reasons::{Reason, Reasons};
use super::speakers::Turn;

/// In a transcript, the other side's sentences that score at least this as claims of
/// their speaker are the author's candidate counterclaims.
pub const FLOOR: f32 = 0.3;

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

/// What the key-claim score weighs. Values are 0 or 1 unless said otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Feature {
    /// Weighted share of the title's words, 0–1.
    Title,
    Thesis,
    Stance,
    Conclusion,
    /// Opens with a signpost ("Another reason is …").
    Signpost,
    /// Opens with a conclusion marker ("Therefore, …").
    OpensConclusion,
    /// Opens with "So" (not "So far").
    OpensSo,
    /// Evaluative words, up to three.
    Evaluative,
    Prediction,
    FirstPerson,
    /// Sits in the conclusion as its first or last sentence (halved in a narrative
    /// sentence, as are the other thesis positions).
    ConclusionEdge,
    /// Sits inside the conclusion.
    ConclusionInner,
    /// Closes the introduction.
    IntroductionEnd,
    /// Elsewhere in the introduction, with no stance: an opening hook.
    IntroductionHook,
    /// Opens a body paragraph.
    TopicSentence,
    /// Closes a body paragraph.
    ClosingSentence,
    /// In a transcript, in the author's opening statement.
    OpeningStatement,
    /// In a transcript, in a later turn of the author's.
    Reply,
    /// Before the introduction or after the conclusion.
    Preamble,
    /// In a transcript, spoken by the other side.
    Opponent,
    /// How strongly it speaks for others ([`attribution::others`]).
    Others,
    Question,
    OpensConcession,
    OpensExample,
    /// Gives an example later in the sentence.
    Example,
    /// Narrative strength: story cues, numbers, past tense, names.
    Narrative,
    /// Present tense with no figures, names, story, first person or other voice.
    General,
    Aside,
    /// Fewer than three words.
    Fragment,
    DebatedParagraph,
    Rebuttal,
}

/// Number of [`Feature`]s.
pub const FEATURES: usize = Feature::Rebuttal as usize + 1;

impl Feature {
    /// Every feature, in order.
    pub const ALL: [Feature; FEATURES] = [
        Feature::Title,
        Feature::Thesis,
        Feature::Stance,
        Feature::Conclusion,
        Feature::Signpost,
        Feature::OpensConclusion,
        Feature::OpensSo,
        Feature::Evaluative,
        Feature::Prediction,
        Feature::FirstPerson,
        Feature::ConclusionEdge,
        Feature::ConclusionInner,
        Feature::IntroductionEnd,
        Feature::IntroductionHook,
        Feature::TopicSentence,
        Feature::ClosingSentence,
        Feature::OpeningStatement,
        Feature::Reply,
        Feature::Preamble,
        Feature::Opponent,
        Feature::Others,
        Feature::Question,
        Feature::OpensConcession,
        Feature::OpensExample,
        Feature::Example,
        Feature::Narrative,
        Feature::General,
        Feature::Aside,
        Feature::Fragment,
        Feature::DebatedParagraph,
        Feature::Rebuttal,
    ];
}

/// One weight per [`Feature`], in its order.
pub const WEIGHTS: [f32; FEATURES] = [
    1.0,  // Title
    1.1,  // Thesis
    0.9,  // Stance
    0.6,  // Conclusion
    0.8,  // Signpost
    0.3,  // OpensConclusion
    0.6,  // OpensSo
    0.3,  // Evaluative
    0.25, // Prediction
    0.15, // FirstPerson
    1.2,  // ConclusionEdge
    0.2,  // ConclusionInner
    1.2,  // IntroductionEnd
    -0.3, // IntroductionHook
    0.8,  // TopicSentence
    0.2,  // ClosingSentence
    0.6,  // OpeningStatement
    -0.3, // Reply
    -0.8, // Preamble
    -2.0, // Opponent
    -1.4, // Others
    -1.5, // Question
    -0.7, // OpensConcession
    -0.8, // OpensExample
    -0.3, // Example
    -1.0, // Narrative
    0.4,  // General
    -0.8, // Aside
    -0.6, // Fragment
    -0.4, // DebatedParagraph
    -0.8, // Rebuttal
];

/// The feature values of `s` in `role`.
pub fn features(s: &Sentence, role: Role) -> [f32; FEATURES] {
    use Feature as F;
    let f = &s.f;
    let mut x = [0.0; FEATURES];
    let mut set = |feature: F, value: f32| x[feature as usize] = value;
    let flag = |b: bool| if b { 1.0 } else { 0.0 };

    set(F::Title, s.title);
    set(F::Thesis, flag(f.has(CueKind::Thesis)));
    set(F::Stance, flag(f.has(CueKind::Stance)));
    set(F::Conclusion, flag(f.has(CueKind::Conclusion)));
    set(F::Signpost, flag(f.opens_with(CueKind::Signpost)));
    let opens_conclusion = f.opens_with(CueKind::Conclusion);
    set(F::OpensConclusion, flag(opens_conclusion));
    set(F::OpensSo, flag(!opens_conclusion && opens_with_so(s)));
    set(F::Evaluative, f.count(CueKind::Evaluative).min(3.0));
    set(F::Prediction, flag(f.has(CueKind::Prediction)));
    set(F::FirstPerson, flag(f.has(CueKind::FirstPerson)));

    let narrative = narrative(s);
    // A narrative sentence in a thesis position (a news-style opening) counts half.
    let place = if narrative > 0.35 { 0.5 } else { 1.0 };
    if let Some(position) = position(s) {
        let negative = matches!(position, F::IntroductionHook | F::Reply | F::Preamble);
        set(position, if negative { 1.0 } else { place });
    }

    set(F::Opponent, flag(s.pos.turn == Some(Turn::Opponent)));
    let others = s.others;
    set(F::Others, others);
    set(F::Question, flag(f.question));
    set(F::OpensConcession, flag(f.opens_with(CueKind::Concession)));
    let opens_example = f.opens_with(CueKind::Example);
    set(F::OpensExample, flag(opens_example));
    set(F::Example, flag(!opens_example && f.has(CueKind::Example)));
    set(F::Narrative, narrative);
    let general = f.present > 0
        && f.past == 0
        && f.numbers == 0
        && f.capitalised <= 1
        && !f.question
        && !f.has(CueKind::FirstPerson)
        && others == 0.0;
    set(F::General, flag(general));
    set(F::Aside, flag(f.has(CueKind::Aside)));
    set(F::Fragment, flag(f.words < 3));
    set(F::DebatedParagraph, flag(role == Role::DebatedParagraph));
    set(F::Rebuttal, flag(role == Role::Rebuttal));
    x
}

/// Score of `s` as a key claim; notes its reasons in `why` when given.
pub fn score(s: &Sentence, role: Role, why: Option<&mut Reasons>) -> f32 {
    let x = features(s, role);
    if let Some(out) = why {
        explain(s, &x, out);
    }
    weigh(&x, &WEIGHTS)
}

/// The score of feature values `x` under `weights`.
pub fn weigh(x: &[f32; FEATURES], weights: &[f32; FEATURES]) -> f32 {
    x.iter().zip(weights).map(|(x, w)| x * w).sum()
}

/// The reasons to show for the features that speak for or against `s`.
fn explain(s: &Sentence, x: &[f32; FEATURES], out: &mut Reasons) {
    use Feature as F;
    let f = &s.f;
    let on = |feature: F| x[feature as usize] != 0.0;
    let mut cue = |feature: F, kind: CueKind, reason: Reason| {
        if on(feature) && f.cue_text(s.text, kind).is_some() {
            out.add(reason);
        }
    };
    cue(F::Thesis, CueKind::Thesis, Reason::ThesisMarker);
    cue(F::Stance, CueKind::Stance, Reason::Stance);
    cue(F::Conclusion, CueKind::Conclusion, Reason::ConclusionMarker);
    cue(F::Signpost, CueKind::Signpost, Reason::Signpost);
    cue(F::Evaluative, CueKind::Evaluative, Reason::Evaluative);
    if s.title >= 0.2 {
        out.add(Reason::MatchesTitle);
    }
    if on(F::OpensSo) {
        out.add(Reason::OpensSo);
    }
    let place = [
        (F::ConclusionEdge, Reason::ConclusionParagraph),
        (F::ConclusionInner, Reason::ConclusionParagraph),
        (F::IntroductionEnd, Reason::EndsIntroduction),
        (F::TopicSentence, Reason::TopicSentence),
        (F::ClosingSentence, Reason::ClosesParagraph),
        (F::OpeningStatement, Reason::OpeningStatement),
    ];
    if let Some(&(_, reason)) = place.iter().find(|(feature, _)| on(*feature)) {
        out.add(reason);
    }
    if on(F::Opponent) {
        out.add(Reason::OtherSide);
    }
    if on(F::Others) {
        attribution::explain(s.text, f, out);
    }
    if on(F::Question) {
        out.add(Reason::Question);
    }
    if x[F::Narrative as usize] > 0.35 {
        out.add(Reason::Narrative);
    }
    if on(F::General) {
        out.add(Reason::General);
    }
    if f.cue_text(s.text, CueKind::Aside).is_some() {
        out.add(Reason::Aside);
    }
    if on(F::Rebuttal) {
        out.add(Reason::AnswersCounter);
    }
}

/// "So …" opening a sentence (not "So far …").
fn opens_with_so(s: &Sentence) -> bool {
    let rest = &s.text[s.f.lead as usize..];
    rest.starts_with("So ") && !rest.starts_with("So far")
}

/// Narrative: past-tense event reporting with dates, numbers and names.
pub fn narrative(s: &Sentence) -> f32 {
    let f = &s.f;
    let words = f32::from(f.words.max(1));
    0.5 * f.count(CueKind::Narrative).min(3.0)
        + 0.15 * f32::from(f.numbers.min(4))
        + 3.0 * (f32::from(f.past) / words - 0.05).max(0.0)
        + 0.8 * (f32::from(f.capitalised) / words - 0.1).max(0.0)
}

/// The position feature of `s`, if any.
fn position(s: &Sentence) -> Option<Feature> {
    use Feature as F;
    let p = &s.pos;
    let several = p.paragraph_sentences > 1;
    // In a transcript the author states the case in the opening turn; later turns answer
    // the other side, and a turn has no topic sentence.
    let transcript = p.turn.is_some();
    let stance = s.f.has(CueKind::Stance) || s.f.has(CueKind::Thesis);
    if p.preamble {
        Some(F::Preamble)
    } else if p.last_paragraph && (p.first_in_paragraph || p.last_in_paragraph) {
        Some(F::ConclusionEdge)
    } else if p.last_paragraph {
        Some(F::ConclusionInner)
    } else if transcript && p.first_paragraph {
        Some(F::OpeningStatement)
    } else if transcript {
        Some(F::Reply)
    } else if p.first_paragraph && p.last_in_paragraph && several {
        Some(F::IntroductionEnd)
    } else if p.first_paragraph {
        // An opening hook is rarely the thesis, but an opening that takes a stance may be.
        (!stance).then_some(F::IntroductionHook)
    } else if p.first_in_paragraph && several {
        Some(F::TopicSentence)
    } else if p.last_in_paragraph && several {
        Some(F::ClosingSentence)
    } else {
        None
    }
}
