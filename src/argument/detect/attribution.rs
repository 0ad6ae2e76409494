//! Whose voice a sentence speaks in: reported speech ("critics argue that", "according
//! to"), a common view ("it is often said", "the conventional wisdom"), a quoted speaker,
//! or the author. Attribution is negative evidence for a key claim and the main positive
//! evidence for a counterclaim.

use super::cues::Features;
use super::lexicon::CueKind;
use super::reasons::{Reason, Reasons};

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
    // "I think critics are wrong": the author speaks about others. ("Critics argue we
    // should …" is the critics' thesis, not the author's.)
    if author_thesis(f) {
        strength *= 0.5;
    }
    strength
}

/// A thesis cue in the author's voice: one that comes before any attribution or objection
/// cue, not inside the reported words ("Many argue that we should …").
pub fn author_thesis(f: &Features) -> bool {
    let thesis = f.first_at(CueKind::Thesis);
    let voice = f
        .first_at(CueKind::Attribution)
        .min(f.first_at(CueKind::Objection));
    f.has(CueKind::Thesis) && thesis < voice
}

/// "Some economists …", "Some early reviews …": an unnamed group's view. Not "Some of
/// you …" or "Some time ago …".
fn opens_with_some_group(text: &str, f: &Features) -> bool {
    let rest = text.get(f.lead as usize..).unwrap_or("");
    let Some(after) = rest.strip_prefix("Some ") else {
        return false;
    };
    let next = after.split(' ').next().unwrap_or("");
    // "Some are …", "Some will …": a quantity, not a group with a view.
    !matches!(
        next,
        "of" | "time"
            | "day"
            | "days"
            | "years"
            | "months"
            | "weeks"
            | "things"
            | "are"
            | "is"
            | "were"
            | "was"
            | "will"
            | "would"
            | "may"
            | "might"
            | "can"
            | "could"
            | "have"
            | "had"
    )
}

/// Reporting verbs that keep their distance from what they report: a position the author
/// contests, not a neutral report ("said", "told me").
const CONTESTED_VERBS: &[&str] = &[
    "claim",
    "claims",
    "claimed",
    "claiming",
    "allege",
    "alleges",
    "alleged",
    "insist",
    "insists",
    "insisted",
    "contend",
    "contends",
    "contended",
    "assert",
    "asserts",
    "asserted",
    "accuse",
    "accuses",
    "accused",
    "would have us believe",
    "want us to believe",
    "tell you",
    "tell us",
    "supporters",
    "proponents",
    "advocates",
    "defenders",
    "champions of",
];

/// Neutral reporting verbs: how a writer cites a source they quote.
const SOURCE_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "explained",
    "explains",
    "added",
    "adds",
    "recalled",
    "recalls",
    "noted",
    "notes",
    "remembered",
    "remembers",
    "wrote",
    "writes",
];

/// Subjects that stand for an unnamed side of the debate ("They say …", "Most scientists
/// believe …").
const UNNAMED_GROUPS: &[&str] = &["they", "many", "most", "others", "everyone"];

/// Words with which the author endorses a voice they report.
const ENDORSEMENTS: &[&str] = &[
    "rightly",
    "correctly",
    "wisely",
    "aptly",
    "as he notes",
    "as she notes",
    "as they note",
    "as he points out",
    "as she points out",
    "as they point out",
    "is right that",
    "are right that",
    "was right that",
    "were right that",
];

/// Whether a sentence that reports others names the position as one the author opposes:
/// an objection or a distancing cue, an unnamed group's view ("Some economists …"), or a
/// contested reporting verb.
pub fn opposed(text: &str, f: &Features) -> bool {
    let unnamed = f.cue_text(text, CueKind::Attribution).is_some_and(|cue| {
        cue.split(' ')
            .next()
            .is_some_and(|w| UNNAMED_GROUPS.iter().any(|g| g.eq_ignore_ascii_case(w)))
    });
    unnamed
        || f.has(CueKind::Objection)
        || f.has(CueKind::Distancing)
        || opens_with_some_group(text, f)
        || has_any_word(text, CONTESTED_VERBS)
}

/// Whether the voice is a source the writer quotes ("…," Hale told me; "…," said Tom
/// Reyes): a quotation cited with a neutral verb.
pub fn testimony(text: &str, f: &Features) -> bool {
    quoted_speech(f) && has_any_word(text, SOURCE_VERBS)
}

/// Verbs with which "As X …" cites a voice in support ("As the majority notes, …").
const CITING_VERBS: &[&str] = &[
    "notes",
    "noted",
    "acknowledges",
    "acknowledged",
    "recognizes",
    "recognized",
    "recognises",
    "recognised",
    "observes",
    "observed",
    "explains",
    "explained",
    "points out",
    "pointed out",
    "concedes",
    "conceded",
    "says",
    "said",
    "put it",
    "puts it",
];

/// Whether the author endorses the voice they report ("as she rightly says", "As the
/// majority notes, …").
pub fn allied(text: &str) -> bool {
    if has_any_word(text, ENDORSEMENTS) {
        return true;
    }
    // "As X notes, …": the citation clause ends at the first comma.
    let rest = text.trim_start_matches(|c: char| !c.is_alphanumeric());
    rest.strip_prefix("As ")
        .and_then(|clause| clause.split(',').next())
        .is_some_and(|clause| clause.split(' ').count() <= 8 && has_any_word(clause, CITING_VERBS))
}

/// Whether `text` holds one of the lower-case `phrases` between word boundaries.
fn has_any_word(text: &str, phrases: &[&str]) -> bool {
    let lower = text.to_lowercase();
    phrases.iter().any(|phrase| {
        lower.match_indices(phrase).any(|(at, _)| {
            let before = lower[..at].chars().next_back();
            let after = lower[at + phrase.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    })
}

/// A quotation long enough to be someone's words.
pub fn quoted_speech(f: &Features) -> bool {
    f.quoted_words >= SPEECH_QUOTE_WORDS
}

/// The reasons to show for [`others`].
pub fn explain(sentence: &str, f: &Features, out: &mut Reasons) {
    let mut cue = |kind: CueKind, reason: Reason| {
        if f.cue_text(sentence, kind).is_some() {
            out.add(reason);
        }
    };
    cue(CueKind::Objection, Reason::OpposingView);
    cue(CueKind::Attribution, Reason::Attribution);
    cue(CueKind::Distancing, Reason::Distancing);
    if opens_with_some_group(sentence, f) {
        out.add(Reason::CommonView);
    }
    if quoted_speech(f) {
        out.add(Reason::Quotation);
    }
}
