//! Why the detector chose an item, kept as a set of reasons (one bit each) and put into
//! words only when someone reads them. A long article's map has hundreds of thousands of
//! items; written out, their evidence would be as large as the items themselves, and only the
//! selected item's is ever shown. Everything a reason quotes (a cue, the title's words,
//! the start of a rebuttal) is found again in the sentence, which is read the same way.

use super::cues::{self, Features};
use super::lexicon::CueKind;
use super::title::Title;
use crate::argument::Item;
use crate::document::Document;

/// One reason, in the order the lines are shown. The detector notes them in this order
/// too: a key claim's features ([`super::claims`]), with the reported voice
/// ([`super::attribution`]) among them, or a counterclaim's voice, concession and answer
/// ([`super::counter`]); then the model's probability or the refutation that follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Reason {
    MatchesTitle,
    ThesisMarker,
    Stance,
    ConclusionMarker,
    Signpost,
    OpensSo,
    Evaluative,
    ConclusionParagraph,
    EndsIntroduction,
    TopicSentence,
    ClosesParagraph,
    OpeningStatement,
    OtherSide,
    OpposingView,
    CommonView,
    Attribution,
    Quotation,
    Distancing,
    Concession,
    AnsweredWithin,
    ReportedNotAnswered,
    Contested,
    AuthorAgrees,
    OpensParagraph,
    Question,
    Narrative,
    General,
    Aside,
    AnswersCounter,
    KeyModel,
    RefutationFollows,
}

impl Reason {
    const ALL: [Reason; 31] = [
        Reason::MatchesTitle,
        Reason::ThesisMarker,
        Reason::Stance,
        Reason::ConclusionMarker,
        Reason::Signpost,
        Reason::OpensSo,
        Reason::Evaluative,
        Reason::ConclusionParagraph,
        Reason::EndsIntroduction,
        Reason::TopicSentence,
        Reason::ClosesParagraph,
        Reason::OpeningStatement,
        Reason::OtherSide,
        Reason::OpposingView,
        Reason::CommonView,
        Reason::Attribution,
        Reason::Quotation,
        Reason::Distancing,
        Reason::Concession,
        Reason::AnsweredWithin,
        Reason::ReportedNotAnswered,
        Reason::Contested,
        Reason::AuthorAgrees,
        Reason::OpensParagraph,
        Reason::Question,
        Reason::Narrative,
        Reason::General,
        Reason::Aside,
        Reason::AnswersCounter,
        Reason::KeyModel,
        Reason::RefutationFollows,
    ];
}

/// A set of [`Reason`]s.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub struct Reasons(u32);

impl Reasons {
    pub fn add(&mut self, reason: Reason) {
        self.0 |= 1 << reason as u8;
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    fn iter(self) -> impl Iterator<Item = Reason> {
        Reason::ALL
            .into_iter()
            .filter(move |&r| self.0 & (1 << r as u8) != 0)
    }
}

impl FromIterator<Reason> for Reasons {
    fn from_iter<I: IntoIterator<Item = Reason>>(reasons: I) -> Self {
        let mut set = Reasons::default();
        for reason in reasons {
            set.add(reason);
        }
        set
    }
}

impl std::fmt::Debug for Reasons {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

/// What the words of the reasons are taken from.
pub(super) struct Said<'a> {
    pub text: &'a str,
    pub f: &'a Features,
    pub title: &'a Title,
    /// The key-claim model's probability.
    pub probability: f32,
    /// The first sentence that answers a counterclaim.
    pub rebuttal: Option<&'a str>,
}

/// The reasons in words, one line each.
pub(super) fn lines(reasons: Reasons, said: &Said) -> Vec<String> {
    reasons.iter().filter_map(|r| line(r, said)).collect()
}

fn line(reason: Reason, said: &Said) -> Option<String> {
    use Reason as R;
    let cue = |kind: CueKind, label: &str| {
        said.f
            .cue_text(said.text, kind)
            .map(|c| format!("{label}: '{c}'"))
    };
    let fixed = |text: &str| Some(text.to_string());
    match reason {
        R::MatchesTitle => Some(format!(
            "matches title: {}",
            said.title.words(said.f.title_mask).join(", ")
        )),
        R::ThesisMarker => cue(CueKind::Thesis, "thesis marker"),
        R::Stance => cue(CueKind::Stance, "stance"),
        R::ConclusionMarker => cue(CueKind::Conclusion, "conclusion marker"),
        R::Signpost => cue(CueKind::Signpost, "signpost"),
        R::OpensSo => fixed("conclusion marker: 'So'"),
        R::Evaluative => cue(CueKind::Evaluative, "evaluative"),
        R::ConclusionParagraph => fixed("thesis position: conclusion paragraph"),
        R::EndsIntroduction => fixed("thesis position: ends the introduction"),
        R::TopicSentence => fixed("thesis position: topic sentence"),
        R::ClosesParagraph => fixed("thesis position: closes a paragraph"),
        R::OpeningStatement => fixed("thesis position: opening statement"),
        R::OtherSide => fixed("spoken by the other side"),
        R::OpposingView => cue(CueKind::Objection, "opposing view"),
        R::CommonView => {
            let rest = said.text.get(said.f.lead as usize..).unwrap_or("");
            let group: Vec<&str> = rest.split(' ').take(2).collect();
            Some(format!("common view: '{}'", group.join(" ")))
        }
        R::Attribution => cue(CueKind::Attribution, "attribution"),
        R::Quotation => Some(format!("quotation: {} quoted words", said.f.quoted_words)),
        R::Distancing => cue(CueKind::Distancing, "distancing"),
        R::Concession => cue(CueKind::Concession, "concession"),
        R::AnsweredWithin => fixed("answered in the same sentence"),
        R::ReportedNotAnswered => fixed("reported voice, not answered"),
        R::Contested => fixed("reported as contested"),
        R::AuthorAgrees => fixed("the author agrees with it"),
        R::OpensParagraph => fixed("opens a paragraph"),
        R::Question => fixed("question"),
        R::Narrative => fixed("narrative or background"),
        R::General => fixed("general statement"),
        R::Aside => cue(CueKind::Aside, "aside"),
        R::AnswersCounter => fixed("answers a counterclaim"),
        R::KeyModel => Some(format!("key-claim model: p = {:.2}", said.probability)),
        R::RefutationFollows => said
            .rebuttal
            .map(|r| format!("refutation follows: '{}'", super::excerpt(r))),
    }
}

/// The evidence of a detected `item` of `doc`, in words.
pub fn explain(doc: &Document, item: &Item) -> Vec<String> {
    let text_of = |at| doc.contains(at).then(|| doc.sentence_text(at));
    let Some(text) = text_of(item.anchor) else {
        return Vec::new();
    };
    let title = Title::new(doc.meta.title.as_deref(), doc.meta.dek.as_deref());
    let f = cues::features(text, &title);
    let rebuttal = item.rebuttals.first().and_then(|&r| text_of(r));
    lines(
        item.evidence,
        &Said {
            text,
            f: &f,
            title: &title,
            probability: item.confidence,
            rebuttal,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reason_has_its_own_bit_in_order() {
        for (i, r) in Reason::ALL.iter().enumerate() {
            assert_eq!(*r as usize, i);
        }
        assert!(Reasons::default().is_empty());
        let set: Reasons = [Reason::RefutationFollows, Reason::MatchesTitle]
            .into_iter()
            .collect();
        assert_eq!(format!("{set:?}"), "{MatchesTitle, RefutationFollows}");
        assert_eq!(
            set.iter().collect::<Vec<_>>(),
            [Reason::MatchesTitle, Reason::RefutationFollows]
        );
    }
}
