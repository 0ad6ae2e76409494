//! Automatic detection of key claims, counterclaims and rebuttals, for any argumentative
//! article.
//!
//! Design. Every sentence is scored once with weighted, interpretable features; nothing
//! is learnt from, or tuned to, a particular text:
//!
//! 1. `cues`: one pass of one case-insensitive Aho-Corasick automaton over the sentence
//!    finds every lexicon cue (`lexicon`: stance, thesis, evaluation, conclusion,
//!    attribution, distancing, concession, contrast, refutation, evidence, negation,
//!    narrative, signposts, examples), and one byte pass counts words, capitals, numbers,
//!    past tense, quoted words and a final question mark. A reporting verb is resolved by
//!    its subject: "critics argue" is attribution, "I argue" is the author's thesis, "the
//!    data suggest" is evidence.
//! 2. `title`: overlap with the rarer content words of the title and standfirst.
//! 3. `attribution`: whose voice the sentence speaks in.
//! 4. `rebuttal::strength`: context-free refutation strength of each sentence.
//! 5. `counter`: voice or concession, plus a refutation that follows (a counterclaim is a
//!    position the author addresses). The best above a confidence floor are kept.
//! 6. `rebuttal::link`: rebuttals go to the nearest preceding counterclaim in a short
//!    window, content-word overlap breaking ties.
//! 7. `claims`: title similarity, stance and position minus attribution, questions,
//!    narrative, examples and rebuttal role; the best are kept (`rank`), their number
//!    growing with the article's length.
//!
//! In a transcript (`speakers`: "NAME:" turns) the speaker decides the voice: the other
//! side's sentences are scored as its own key claims and become counterclaims, and the
//! moderator's words are neither.
//!
//! Cost: linear in the text, with constant work per sentence (a fixed-size feature record,
//! no allocation); only the bounded set of chosen items gets evidence strings and
//! content-word comparisons.

mod attribution;
mod claims;
mod counter;
mod cues;
mod lexicon;
mod rank;
mod rebuttal;
mod speakers;
mod title;
mod words;

use super::{ArgumentMap, ClaimKind, Item, Origin};
use crate::document::{Document, ParagraphKind, SentenceRef};
use cues::Features;
use title::Title;

/// Where a sentence stands in the article.
#[derive(Debug, Clone, Copy, Default)]
struct Position {
    /// Before the introduction (byline, dateline) or after the conclusion (author's note,
    /// sign-off).
    preamble: bool,
    first_paragraph: bool,
    last_paragraph: bool,
    first_in_paragraph: bool,
    last_in_paragraph: bool,
    paragraph_sentences: usize,
    /// Who speaks, in a transcript.
    turn: Option<speakers::Turn>,
}

/// One sentence with everything the scorers read.
#[derive(Clone, Copy)]
struct Sentence<'a> {
    at: SentenceRef,
    text: &'a str,
    f: Features,
    title_mask: u64,
    /// Weighted title coverage, 0–1.
    title: f32,
    /// How strongly its wording speaks for others ([`attribution::others`]), computed once
    /// for every scorer.
    others: f32,
    pos: Position,
}

/// Detects the argument of `doc`. Every item is marked [`Origin::Detected`] and carries
/// its evidence and a confidence.
pub fn detect(doc: &Document) -> ArgumentMap {
    let Some(analysis) = Analysis::new(doc) else {
        return ArgumentMap::default();
    };
    let (title, sentences, counters) = (&analysis.title, &analysis.sentences, &analysis.counters);
    let key_scores: Vec<f32> = (0..sentences.len())
        .map(|i| claims::score(&sentences[i], title, analysis.key_role(i), None))
        .collect();
    let keys = analysis.choose_keys(&key_scores);

    let mut items = Vec::with_capacity(keys.len() + counters.len());
    for &k in &keys {
        let s = &sentences[k];
        let mut evidence = Vec::new();
        let score = claims::score(s, title, analysis.key_role(k), Some(&mut evidence));
        items.push(Item {
            kind: ClaimKind::Key,
            anchor: s.at,
            rebuttals: Vec::new(),
            origin: Origin::Detected,
            evidence,
            confidence: rank::confidence(score, claims::MIDPOINT),
            note: None,
        });
    }
    for (slot, &c) in counters.iter().enumerate() {
        let s = &sentences[c];
        let mut evidence = Vec::new();
        let score = counter_score(
            sentences,
            &analysis.strengths,
            title,
            analysis.voice[c],
            c,
            Some(&mut evidence),
        );
        let links = &analysis.links[slot];
        if let Some(&first) = links.first() {
            evidence.push(format!(
                "refutation follows: '{}'",
                excerpt(sentences[first].text)
            ));
        }
        items.push(Item {
            kind: ClaimKind::Counter,
            anchor: s.at,
            rebuttals: links.iter().map(|&r| sentences[r].at).collect(),
            origin: Origin::Detected,
            evidence,
            confidence: rank::confidence(score, counter::MIDPOINT),
            note: None,
        });
    }
    ArgumentMap::new(items)
}

/// Everything known about a document before its key claims are chosen: the sentences
/// with their features, the counterclaims and their rebuttals.
struct Analysis<'a> {
    title: Title,
    sentences: Vec<Sentence<'a>>,
    strengths: Vec<f32>,
    voice: Vec<f32>,
    /// Indices of the counterclaims, in reading order.
    counters: Vec<usize>,
    /// The rebuttals of each counterclaim.
    links: Vec<Vec<usize>>,
    role: Vec<Role>,
    /// Paragraphs that state and answer a counterclaim.
    debated: Vec<usize>,
}

impl<'a> Analysis<'a> {
    /// `None` for a document with no prose.
    fn new(doc: &'a Document) -> Option<Analysis<'a>> {
        let mut title = Title::new(doc.meta.title.as_deref(), doc.meta.dek.as_deref());
        let (mut sentences, paragraphs) = collect(doc, &title);
        if sentences.is_empty() {
            return None;
        }
        title.weigh(sentences.iter().map(|s| s.title_mask));
        if !title.is_empty() {
            for s in &mut sentences {
                s.title = title.coverage(s.title_mask);
            }
        }
        let voice: Vec<f32> = sentences.iter().map(voice_of).collect();
        let strengths: Vec<f32> = sentences.iter().map(|s| rebuttal::strength(&s.f)).collect();

        let mut counter_scores: Vec<f32> = (0..sentences.len())
            .map(|i| counter_score(&sentences, &strengths, &title, voice[i], i, None))
            .collect();
        merge_elaborations(&sentences, &strengths, &mut counter_scores);
        let mut counters = rank::top(
            &counter_scores,
            counter::MIDPOINT,
            rank::Budget::fixed(rank::counter_budget(paragraphs)),
            |i| sentences[i].at.paragraph,
            |_| true,
            |_| rank::COUNTERS_PER_PARAGRAPH,
        );
        counters.sort_unstable();
        let links = rebuttal::link(&sentences, &strengths, &counters);

        let mut role = vec![Role::None; sentences.len()];
        for (slot, &c) in counters.iter().enumerate() {
            role[c] = Role::Counter;
            for &r in &links[slot] {
                if role[r] == Role::None {
                    role[r] = Role::Rebuttal;
                }
            }
        }
        let debated = counters
            .iter()
            .map(|&c| sentences[c].at.paragraph)
            .collect();
        Some(Analysis {
            title,
            sentences,
            strengths,
            voice,
            counters,
            links,
            role,
            debated,
        })
    }

    fn key_role(&self, i: usize) -> claims::Role {
        match self.role[i] {
            Role::Rebuttal => claims::Role::Rebuttal,
            _ if self.debated.contains(&self.sentences[i].at.paragraph) => {
                claims::Role::DebatedParagraph
            }
            _ => claims::Role::Plain,
        }
    }

    /// The key claims shown, given every sentence's key score, best first.
    fn choose_keys(&self, scores: &[f32]) -> Vec<usize> {
        let sentences = &self.sentences;
        rank::top(
            scores,
            claims::SHOWN,
            rank::key_budget(sentences.iter().map(|s| usize::from(s.f.words)).sum()),
            |i| sentences[i].at.paragraph,
            |i| self.role[i] != Role::Counter,
            |i| {
                let s = &sentences[i];
                // An enumeration ("First, … Second, … Third, …") may fill a paragraph.
                if s.f.opens_with(lexicon::CueKind::Signpost) {
                    usize::MAX
                } else if s.pos.last_paragraph {
                    rank::IN_CONCLUSION
                } else {
                    rank::PER_PARAGRAPH
                }
            },
        )
    }
}

/// The key-claim features of every sentence of a document, for fitting
/// [`claims::WEIGHTS`] (`examples/fit_key_weights.rs`); `counterpoint` does not use it.
#[doc(hidden)]
pub struct KeyTable<'a> {
    analysis: Option<Analysis<'a>>,
    features: Vec<[f32; claims::FEATURES]>,
}

#[doc(hidden)]
pub use claims::{FEATURES, Feature, WEIGHTS};

impl<'a> KeyTable<'a> {
    pub fn new(doc: &'a Document) -> KeyTable<'a> {
        let analysis = Analysis::new(doc);
        let features = analysis.as_ref().map_or_else(Vec::new, |a| {
            (0..a.sentences.len())
                .map(|i| claims::features(&a.sentences[i], a.key_role(i)))
                .collect()
        });
        KeyTable { analysis, features }
    }

    /// The sentences `detect` would show as key claims under `weights`.
    pub fn choose(&self, weights: &[f32; FEATURES]) -> Vec<SentenceRef> {
        let Some(analysis) = &self.analysis else {
            return Vec::new();
        };
        let scores: Vec<f32> = self
            .features
            .iter()
            .map(|x| claims::weigh(x, weights))
            .collect();
        analysis
            .choose_keys(&scores)
            .into_iter()
            .map(|i| analysis.sentences[i].at)
            .collect()
    }
}

/// Score of `sentences[i]` as a counterclaim. In a transcript the other side's key claims
/// are the author's counterclaims, so its sentences are scored as key claims of their
/// speaker.
fn counter_score(
    sentences: &[Sentence],
    strengths: &[f32],
    title: &Title,
    voice: f32,
    i: usize,
    why: Option<&mut Vec<String>>,
) -> f32 {
    let s = &sentences[i];
    let follow = rebuttal::follow_up(sentences, strengths, i);
    match s.pos.turn {
        Some(speakers::Turn::Opponent) => {
            let mut own = *s;
            own.pos.turn = None;
            let claim = claims::score(&own, title, claims::Role::Plain, why);
            counter::MIDPOINT + claim - claims::FLOOR + 0.4 * follow.min(2.0)
        }
        Some(speakers::Turn::Moderator) => f32::NEG_INFINITY,
        _ => counter::score(s, voice, follow, why),
    }
}

/// How strongly a sentence speaks for others: its wording, and in a transcript the speaker.
fn voice_of(s: &Sentence) -> f32 {
    let turn = match s.pos.turn {
        Some(speakers::Turn::Opponent) => 1.2,
        _ => 0.0,
    };
    s.others + turn
}

/// A run of counterclaim candidates in one paragraph with no refutation between them is
/// one position stated and then elaborated ("Critics say X. Some managers think so. My
/// boss insists…"): only its first sentence, the statement, stays a candidate, with the
/// run's best score. A paragraph that opens by conceding to the one before ("He has a
/// point.") continues its run.
fn merge_elaborations(sentences: &[Sentence], strengths: &[f32], scores: &mut [f32]) {
    let mut head: Option<usize> = None;
    for i in 0..sentences.len() {
        let candidate = scores[i] >= counter::MIDPOINT;
        match head {
            Some(h)
                if candidate
                    && sentences[i].pos.turn.is_none()
                    && (sentences[i].at.paragraph == sentences[h].at.paragraph
                        || (i == h + 1 && concedes_to_previous(&sentences[i])))
                    && strengths[i] < rebuttal::THRESHOLD
                    && !another_position(&sentences[i]) =>
            {
                scores[h] = scores[h].max(scores[i]);
                scores[i] = f32::NEG_INFINITY;
            }
            _ => head = candidate.then_some(i),
        }
    }
}

/// "He has a point", "They are right that …", "That is true": a concession whose pronoun
/// points back at the position just stated.
fn concedes_to_previous(s: &Sentence) -> bool {
    let rest = &s.text[s.f.lead as usize..];
    let first = rest.split(' ').next().unwrap_or("");
    s.f.opens_with(lexicon::CueKind::Concession)
        || (s.f.has(lexicon::CueKind::Concession)
            && matches!(first, "He" | "She" | "They" | "It" | "That" | "This"))
}

/// A sentence that reports a further position in its own right ("America claims …" after
/// "The 'China threat' theory …"), not a concession to, an anecdote about or a short echo
/// of the one before it ("Some managers think so.").
fn another_position(s: &Sentence) -> bool {
    use lexicon::CueKind::{Attribution, Concession, FirstPerson, Objection};
    (s.f.has(Attribution) || s.f.has(Objection))
        && !s.f.has(Concession)
        && !s.f.has(FirstPerson)
        && s.f.words >= 8
}

/// One line per sentence: key score (in the role the detector gives the sentence), counter
/// score, refutation strength and the start of the text. For tuning and debugging
/// (`counterpoint` does not show it).
#[doc(hidden)]
pub fn trace(doc: &Document) -> String {
    let Some(analysis) = Analysis::new(doc) else {
        return String::new();
    };
    let (title, sentences, strengths) = (&analysis.title, &analysis.sentences, &analysis.strengths);
    let mut out = String::new();
    for (i, s) in sentences.iter().enumerate() {
        let mut why = Vec::new();
        let k = claims::score(s, title, analysis.key_role(i), Some(&mut why));
        let voice = analysis.voice[i];
        let c = counter_score(sentences, strengths, title, voice, i, Some(&mut why));
        out.push_str(&format!(
            "{:>3}.{:<2} key {:>5.2} counter {:>5.2} refute {:>5.2}  {}\n        {}\n",
            s.at.paragraph,
            s.at.sentence,
            k,
            c,
            strengths[i],
            excerpt(s.text),
            why.join(" | ")
        ));
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    None,
    Counter,
    Rebuttal,
}

/// The sentences of the body paragraphs (code blocks are not prose), with features and
/// positions; and the number of paragraphs that hold them.
fn collect<'a>(doc: &'a Document, title: &Title) -> (Vec<Sentence<'a>>, usize) {
    let prose: Vec<usize> = doc
        .paragraphs
        .iter()
        .enumerate()
        .filter(|(_, p)| p.kind != ParagraphKind::Code && !p.sentences.is_empty())
        .map(|(i, _)| i)
        .collect();
    let total: usize = prose
        .iter()
        .map(|&i| doc.paragraphs[i].sentences.len())
        .sum();
    let turns = speakers::turns(prose.iter().map(|&i| doc.paragraph_text(i)));
    let turn = |rank: usize| turns.as_ref().and_then(|t| t[rank]);
    let mut out = Vec::with_capacity(total);
    // Sentences of each prose paragraph, as a range of `out`.
    let mut spans = Vec::with_capacity(prose.len());
    for (rank, &p) in prose.iter().enumerate() {
        let paragraph = &doc.paragraphs[p];
        let n = paragraph.sentences.len();
        spans.push(out.len()..out.len() + n);
        for sentence in 0..n {
            let at = SentenceRef {
                paragraph: p,
                sentence,
            };
            let text = doc.sentence_text(at);
            let f = cues::features(text, title);
            out.push(Sentence {
                at,
                text,
                f,
                title_mask: f.title_mask,
                title: 0.0,
                others: attribution::others(text, &f),
                pos: Position {
                    first_in_paragraph: sentence == 0,
                    last_in_paragraph: sentence + 1 == n,
                    paragraph_sentences: n,
                    turn: turn(rank),
                    ..Position::default()
                },
            });
        }
    }
    // The introduction is the first real paragraph: a byline, a dateline or a heading the
    // loader left in the body is a short one-sentence block. Likewise the conclusion is
    // the last real one: an author's note, a sign-off or a "Thank you." may follow it, but
    // a short last paragraph that takes a stance ("We must act now.") is the conclusion.
    // In a transcript they are the author's first and last turns.
    let real = |rank: usize| {
        let span = &out[spans[rank].clone()];
        (turns.is_none() || turn(rank) == Some(speakers::Turn::Author))
            && (span.len() > 1
                || span.iter().any(|s| {
                    s.f.words >= 15
                        || s.f.has(lexicon::CueKind::Stance)
                        || s.f.has(lexicon::CueKind::Thesis)
                }))
    };
    let intro = (0..prose.len()).position(real).unwrap_or(0);
    let conclusion = (0..prose.len())
        .rposition(real)
        .unwrap_or(prose.len().saturating_sub(1));
    for (rank, span) in spans.into_iter().enumerate() {
        for s in &mut out[span] {
            s.pos.first_paragraph = rank == intro;
            s.pos.last_paragraph = rank == conclusion;
            s.pos.preamble =
                rank < intro || rank > conclusion || turn(rank) == Some(speakers::Turn::Moderator);
        }
    }
    (out, prose.len())
}

/// The start of a sentence, for evidence.
fn excerpt(text: &str) -> String {
    const MAX: usize = 60;
    if text.chars().count() <= MAX {
        return text.to_string();
    }
    let cut: String = text.chars().take(MAX).collect();
    format!("{}…", cut.trim_end())
}
