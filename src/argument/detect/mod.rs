//! Automatic detection of key claims, counterclaims and rebuttals, for any argumentative
//! article.
//!
//! Design. Every sentence is scored once with weighted, interpretable features; the only
//! learnt part is the key-claim model's weights, fitted on development texts:
//!
//! 1. `cues`: one pass of one case-insensitive Aho-Corasick automaton over the sentence
//!    finds every lexicon cue (`lexicon`: stance, thesis, evaluation, conclusion,
//!    attribution, distancing, concession, contrast, refutation, evidence, negation,
//!    narrative, signposts, examples), and one byte pass counts words, capitals, numbers,
//!    past tense, quoted words and a final question mark. A reporting verb is resolved by
//!    its subject: "critics argue" is attribution, "I argue" is the author's thesis, "the
//!    data suggest" is evidence.
//! 2. `title`: overlap with the rarer content words of the title and standfirst.
//! 3. `attribution`: whose voice the sentence speaks in, and whether the author opposes it
//!    (a contested report, an opposing group) or cites it in support (a source quoted with
//!    "said", "As X notes, …").
//! 4. `rebuttal::strength`: context-free refutation strength of each sentence.
//! 5. `counter`: voice or concession, plus a refutation that follows (a counterclaim is a
//!    position the author addresses; a voice merely reported and never answered is not).
//!    The best above a confidence floor are kept. `clauses`: a concession inside the
//!    author's own sentence ("Although X, Y") is the clause X, and Y may be a key claim.
//! 6. `rebuttal::link`: rebuttals go to the nearest preceding counterclaim in a short
//!    window, content-word overlap breaking ties.
//! 7. `claims` and `model`: title similarity, stance and position minus attribution,
//!    questions, narrative, examples and rebuttal role, plus the neighbours' cues and the
//!    paragraph's make-up, weighed by a logistic regression (`assets/key_model.json`);
//!    each paragraph gives its most likely sentence from one threshold and more from a
//!    second, and a text that reaches neither still gets its most likely thesis.
//!
//! In a transcript (`speakers`: "NAME:" turns) the speaker decides the voice: the other
//! side's sentences are scored as its own key claims and become counterclaims, and the
//! moderator's words are neither.
//!
//! Cost: linear in the text, with constant work per sentence (a fixed-size feature record,
//! no allocation, except a lower-cased copy of the sentences that report others); only the
//! chosen items get evidence strings and content-word comparisons.

mod attribution;
mod claims;
mod clauses;
mod counter;
mod cues;
mod lexicon;
mod model;
mod rank;
mod rebuttal;
mod speakers;
mod title;
pub(crate) mod words;

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

/// One sentence with everything the scorers read. One is held for every sentence of the
/// document while the detector runs, so it is kept small (see `cues::offsets`).
#[derive(Clone)]
struct Sentence<'a> {
    at: SentenceRef,
    text: &'a str,
    f: Features,
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
    // The cues and the model are English: on other languages they find only noise.
    if !crate::document::language::reads_as_english(doc) {
        return ArgumentMap::default();
    }
    let Some(analysis) = Analysis::new(doc) else {
        return ArgumentMap::default();
    };
    let (title, sentences, counters) = (&analysis.title, &analysis.sentences, &analysis.counters);
    let model = model::embedded();
    let probabilities = analysis.key_probabilities(model);
    let keys = analysis.choose_keys(&probabilities, model);

    let mut items = Vec::with_capacity(keys.len() + counters.len());
    for &k in &keys {
        let s = &sentences[k];
        let mut evidence = Vec::new();
        claims::score(s, title, analysis.key_role(k), Some(&mut evidence));
        evidence.push(format!("key-claim model: p = {:.2}", probabilities[k]));
        items.push(Item {
            kind: ClaimKind::Key,
            anchor: s.at,
            rebuttals: Vec::new(),
            origin: Origin::Detected,
            evidence,
            confidence: probabilities[k],
            note: None,
            clause: analysis.split(k).map(|split| split.asserted.clone()),
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
            clause: analysis.split(c).map(|split| split.conceded.clone()),
        });
    }
    // The reader keeps the detected map for the whole session (an item has a few lines of
    // evidence, and a 60 MB article a quarter of a million items): no spare capacity.
    for item in &mut items {
        item.evidence.shrink_to_fit();
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
    /// The counterclaims that concede in a clause of the author's own sentence, by
    /// sentence index (sorted): the sentence's other clause may be a key claim.
    splits: Vec<(usize, clauses::Split)>,
}

impl<'a> Analysis<'a> {
    /// `None` for a document with no prose.
    fn new(doc: &'a Document) -> Option<Analysis<'a>> {
        let mut title = Title::new(doc.meta.title.as_deref(), doc.meta.dek.as_deref());
        let (mut sentences, paragraphs) = collect(doc, &title);
        if sentences.is_empty() {
            return None;
        }
        title.weigh(sentences.iter().map(|s| s.f.title_mask));
        if !title.is_empty() {
            for s in &mut sentences {
                s.title = title.coverage(s.f.title_mask);
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
            rank::counter_budget(paragraphs),
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
        let splits = counters
            .iter()
            .filter(|&&c| sentences[c].f.has(lexicon::CueKind::Concession))
            .filter_map(|&c| clauses::split(&sentences[c]).map(|split| (c, split)))
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
            splits,
        })
    }

    /// The clauses of `sentences[i]`, if it is a counterclaim conceded in a clause.
    fn split(&self, i: usize) -> Option<&clauses::Split> {
        self.splits
            .binary_search_by_key(&i, |(c, _)| *c)
            .ok()
            .map(|at| &self.splits[at].1)
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

    /// The key-claim model's inputs for every sentence.
    fn key_inputs(&self) -> Vec<[f32; model::INPUTS]> {
        model::all_inputs(&self.sentences, |i| self.key_role(i))
    }

    fn key_probabilities(&self, model: &model::Model) -> Vec<f32> {
        let mut probabilities = Vec::with_capacity(self.sentences.len());
        model::paragraph_inputs(
            &self.sentences,
            |i| self.key_role(i),
            |inputs| probabilities.extend(inputs.iter().map(|x| model.probability(x))),
        );
        probabilities
    }

    /// Whether `sentences[i]` may be one of the author's key claims: not a counterclaim
    /// (unless it concedes in one clause and asserts in the other), not the other side's or the moderator's words in a transcript.
    fn may_be_key(&self, i: usize) -> bool {
        (self.role[i] != Role::Counter || self.split(i).is_some())
            && !matches!(
                self.sentences[i].pos.turn,
                Some(speakers::Turn::Opponent | speakers::Turn::Moderator)
            )
    }

    /// The key claims shown, in reading order, given every sentence's probability: per
    /// paragraph, its best sentence from `model.first` and further ones from `model.more`.
    fn choose_keys(&self, probabilities: &[f32], model: &model::Model) -> Vec<usize> {
        let sentences = &self.sentences;
        let mut chosen = Vec::new();
        for span in paragraph_spans(sentences) {
            let mut ranked: Vec<usize> = span.filter(|&i| self.may_be_key(i)).collect();
            ranked.sort_by(|&a, &b| {
                probabilities[b]
                    .total_cmp(&probabilities[a])
                    .then(a.cmp(&b))
            });
            for (place, &i) in ranked.iter().take(rank::KEYS_PER_PARAGRAPH).enumerate() {
                let threshold = if place == 0 { model.first } else { model.more };
                if probabilities[i] < threshold {
                    break;
                }
                chosen.push(i);
            }
        }
        if chosen.is_empty() {
            // An argument has at least a thesis: when no sentence reaches the threshold (a
            // column of quotations, a speech of stories), the most likely one stands for
            // it, unless nothing is a plausible claim at all (a manual, a news report).
            chosen.extend(
                (0..sentences.len())
                    .filter(|&i| self.may_be_key(i) && probabilities[i] >= rank::LAST_RESORT)
                    .max_by(|&a, &b| {
                        probabilities[a]
                            .total_cmp(&probabilities[b])
                            .then(b.cmp(&a))
                    }),
            );
        }
        chosen.sort_unstable();
        chosen
    }
}

/// The key-claim model's inputs for every sentence of a document, for fitting
/// `assets/key_model.json` (`examples/fit_key_model.rs`); `counterpoint` does not use it.
#[doc(hidden)]
pub struct KeyTable<'a> {
    analysis: Option<Analysis<'a>>,
    /// Per sentence: its anchor and its inputs.
    pub rows: Vec<(SentenceRef, [f32; model::INPUTS])>,
}

#[doc(hidden)]
pub use model::{INPUTS, Model, input_names};

impl<'a> KeyTable<'a> {
    pub fn new(doc: &'a Document) -> KeyTable<'a> {
        let analysis = Analysis::new(doc);
        let rows = analysis.as_ref().map_or_else(Vec::new, |a| {
            a.key_inputs()
                .into_iter()
                .enumerate()
                .map(|(i, x)| (a.sentences[i].at, x))
                .collect()
        });
        KeyTable { analysis, rows }
    }

    /// The sentences `detect` would show as key claims under `model`.
    pub fn choose(&self, model: &Model) -> Vec<SentenceRef> {
        let Some(analysis) = &self.analysis else {
            return Vec::new();
        };
        let probabilities: Vec<f32> = self
            .rows
            .iter()
            .map(|(_, x)| model.probability(x))
            .collect();
        analysis
            .choose_keys(&probabilities, model)
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
            let mut own = s.clone();
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

/// One line per sentence: key-claim probability (in the role the detector gives the
/// sentence), counter score, refutation strength and the start of the text. For tuning and debugging
/// (`counterpoint` does not show it).
#[doc(hidden)]
pub fn trace(doc: &Document) -> String {
    let Some(analysis) = Analysis::new(doc) else {
        return String::new();
    };
    let (title, sentences, strengths) = (&analysis.title, &analysis.sentences, &analysis.strengths);
    let probabilities = analysis.key_probabilities(model::embedded());
    let mut out = String::new();
    for (i, s) in sentences.iter().enumerate() {
        let mut why = Vec::new();
        claims::score(s, title, analysis.key_role(i), Some(&mut why));
        let voice = analysis.voice[i];
        let c = counter_score(sentences, strengths, title, voice, i, Some(&mut why));
        out.push_str(&format!(
            "{:>3}.{:<2} key p {:>4.2} counter {:>5.2} refute {:>5.2}  {}\n        {}\n",
            s.at.paragraph,
            s.at.sentence,
            probabilities[i],
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
        .filter(|(_, p)| !p.kind.is_verbatim() && !p.sentences.is_empty())
        .map(|(i, _)| i)
        .collect();
    let total: usize = prose
        .iter()
        .map(|&i| doc.paragraphs[i].sentences.len())
        .sum();
    // A list item's "Label: text" ("- Safety: …") is a label, not a speaker: only other
    // paragraphs open turns.
    let turns = speakers::turns(prose.iter().map(|&i| match doc.paragraphs[i].kind {
        ParagraphKind::ListItem { .. } => "",
        _ => doc.paragraph_text(i),
    }));
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
                others: attribution::others(text, &f),
                f,
                title: 0.0,
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

/// The sentences of each paragraph, as ranges of `sentences` (in reading order).
fn paragraph_spans<'s>(
    sentences: &'s [Sentence<'_>],
) -> impl Iterator<Item = std::ops::Range<usize>> + 's {
    let mut start = 0;
    std::iter::from_fn(move || {
        let paragraph = sentences.get(start)?.at.paragraph;
        let end = (start..sentences.len())
            .find(|&i| sentences[i].at.paragraph != paragraph)
            .unwrap_or(sentences.len());
        let span = start..end;
        start = end;
        Some(span)
    })
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
