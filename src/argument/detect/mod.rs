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
//! chosen items get content-word comparisons and their reasons (a set of bits, worded
//! only when the item is shown: `reasons`). Memory: the records of one block of paragraphs
//! at a time (`prose`), and a score and a probability for every sentence; the title's
//! weights take one more pass over the cues first.

mod attribution;
mod claims;
mod clauses;
mod counter;
mod cues;
mod lexicon;
mod model;
mod prose;
mod rank;
mod reasons;
mod rebuttal;
mod speakers;
mod title;
pub(crate) mod words;

use super::{ArgumentMap, ClaimKind, Item, Origin};
use crate::document::{Document, SentenceRef};
use cues::Features;
use prose::Prose;
pub(crate) use reasons::explain;
pub use reasons::{Reason, Reasons};
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

/// One sentence with everything the scorers read. One is held for every sentence of a
/// block while the detector runs, so it is kept small (see `cues::offsets`).
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

/// Sentences whose records are held at once: about 160 bytes each, so a long article is
/// analysed a block of whole paragraphs at a time and its peak memory does not grow with it.
const BLOCK_SENTENCES: usize = 4096;

/// Detects the argument of `doc`. Every item is marked [`Origin::Detected`] and carries
/// its evidence and a confidence.
pub fn detect(doc: &Document) -> ArgumentMap {
    detect_in_blocks(doc, BLOCK_SENTENCES)
}

/// [`detect`], holding the records of about `block` sentences at a time (whole paragraphs,
/// at least one). The map does not depend on `block`; tests compare block sizes.
#[doc(hidden)]
pub fn detect_in_blocks(doc: &Document, block: usize) -> ArgumentMap {
    // The cues and the model are English: on other languages they find only noise.
    if !crate::document::language::reads_as_english(doc) {
        return ArgumentMap::default();
    }
    match Analysis::new(doc, block) {
        Some(analysis) => analysis.into_map(),
        None => ArgumentMap::default(),
    }
}

/// A document analysed: every sentence's key-claim probability, the counterclaims with
/// their rebuttals, and the items found. Only the chosen sentences keep more than a
/// probability; feature records are made a block of paragraphs at a time.
struct Analysis<'a> {
    prose: Prose<'a>,
    title: Title,
    /// Per sentence, in the role the counterclaims give it.
    probabilities: Vec<f32>,
    /// Indices of the counterclaims, in reading order.
    counters: Vec<usize>,
    /// Sentences that answer a counterclaim and are not one (sorted).
    rebuttals: Vec<usize>,
    /// Paragraphs (document indices) that state and answer a counterclaim.
    debated: Vec<usize>,
    /// The counterclaims that concede in a clause of the author's own sentence, by
    /// sentence index (sorted): the sentence's other clause may be a key claim.
    splits: Vec<(usize, clauses::Split)>,
    /// The items, each kind in reading order.
    keys: Vec<Item>,
    counter_items: Vec<Item>,
}

impl<'a> Analysis<'a> {
    /// `None` for a document with no prose.
    ///
    /// Three passes: the title's words are weighed over every sentence; then, a block at a
    /// time, every sentence gets its counterclaim score and its key-claim probability as
    /// if no counterclaim were found, and each paragraph its key claims; last, once the
    /// counterclaims are chosen, the paragraphs they and their rebuttals touch are scored
    /// again in their roles.
    fn new(doc: &'a Document, block: usize) -> Option<Analysis<'a>> {
        let mut title = Title::new(doc.meta.title.as_deref(), doc.meta.dek.as_deref());
        let prose = Prose::new(doc, &title)?;
        if !title.is_empty() {
            let matcher = title.clone();
            title.weigh(prose.title_masks(&matcher));
        }
        let model = model::embedded();
        let total = prose.sentences();
        let mut counter_scores = vec![f32::NEG_INFINITY; total];
        let mut probabilities = vec![0.0; total];
        let mut keys = Vec::new();
        let mut head = None;
        // Before the counterclaims are known, any sentence of the author's may be a key claim.
        let may_be_key = |s: &Sentence| !other_speaker(s);
        for ranks in prose.blocks(block) {
            let base = prose.start(ranks.start);
            let owned = prose.start(ranks.end) - base;
            let sentences = prose.records(ranks.start..prose.lookahead_end(ranks.end), &title);
            let strengths: Vec<f32> = sentences.iter().map(|s| rebuttal::strength(&s.f)).collect();
            for i in 0..owned {
                let voice = voice_of(&sentences[i]);
                counter_scores[base + i] = counter_score(&sentences, &strengths, voice, i, None);
            }
            merge_elaborations(
                &sentences[..owned],
                &strengths,
                base,
                &mut counter_scores,
                &mut head,
            );
            model::paragraph_inputs(
                &sentences[..owned],
                base,
                total,
                |_| claims::Role::Plain,
                |part, inputs| {
                    let p = &mut probabilities[base + part.start..base + part.end];
                    for (p, x) in p.iter_mut().zip(inputs) {
                        *p = model.probability(x);
                    }
                },
            );
            let chosen = paragraph_spans(&sentences[..owned]).flat_map(|span| {
                choose_in_paragraph(
                    span,
                    &probabilities[base..],
                    |i| may_be_key(&sentences[i]),
                    model,
                )
            });
            for i in chosen {
                let p = probabilities[base + i];
                keys.push(key_item(&sentences[i], claims::Role::Plain, p, None));
            }
        }
        let counters = {
            let mut counters = rank::top(
                &counter_scores,
                counter::MIDPOINT,
                rank::counter_budget(prose.len()),
                |i| prose.at(i).paragraph,
                |_| true,
                |_| rank::COUNTERS_PER_PARAGRAPH,
            );
            counters.sort_unstable();
            counters
        };
        drop(counter_scores);
        let mut analysis = Analysis {
            prose,
            title,
            probabilities,
            counters,
            rebuttals: Vec::new(),
            debated: Vec::new(),
            splits: Vec::new(),
            keys: Vec::new(),
            counter_items: Vec::new(),
        };
        analysis.answer_counters();
        analysis.rescore_debated(keys);
        Some(analysis)
    }

    /// Chooses the rebuttals of the counterclaims and makes their items. Each counterclaim
    /// is read with the paragraphs its answer may reach; overlapping reaches are read
    /// together, since a later counterclaim closes the window of an earlier one.
    fn answer_counters(&mut self) {
        let prose = &self.prose;
        let mut reaches: Vec<std::ops::Range<usize>> = Vec::new();
        for &c in &self.counters {
            let rank = prose.rank_of(c);
            let reach = rank..prose.lookahead_end(rank + 1);
            match reaches.last_mut() {
                Some(last) if reach.start < last.end => last.end = last.end.max(reach.end),
                _ => reaches.push(reach),
            }
        }
        let mut answers = Vec::new();
        for reach in reaches {
            let base = prose.start(reach.start);
            let end = prose.start(reach.end);
            let sentences = prose.records(reach, &self.title);
            let strengths: Vec<f32> = sentences.iter().map(|s| rebuttal::strength(&s.f)).collect();
            let counters: Vec<usize> = self
                .counters
                .iter()
                .filter(|&&c| (base..end).contains(&c))
                .map(|&c| c - base)
                .collect();
            let found = rebuttal::link(&sentences, &strengths, &counters);
            for (&c, local) in counters.iter().zip(found) {
                let s = &sentences[c];
                let split =
                    s.f.has(lexicon::CueKind::Concession)
                        .then(|| clauses::split(s))
                        .flatten();
                let mut reasons = Reasons::default();
                let voice = voice_of(s);
                let score = counter_score(&sentences, &strengths, voice, c, Some(&mut reasons));
                if !local.is_empty() {
                    reasons.add(Reason::RefutationFollows);
                }
                self.counter_items.push(Item {
                    kind: ClaimKind::Counter,
                    anchor: s.at,
                    rebuttals: local.iter().map(|&r| sentences[r].at).collect(),
                    origin: Origin::Detected,
                    evidence: reasons,
                    confidence: rank::confidence(score, counter::MIDPOINT),
                    note: None,
                    clause: split
                        .as_ref()
                        .and_then(|split| Item::narrow_clause(split.conceded.clone())),
                });
                if let Some(split) = split {
                    self.splits.push((base + c, split));
                }
                answers.extend(local.into_iter().map(|r| base + r));
            }
        }
        self.rebuttals = answers
            .into_iter()
            .filter(|r| self.counters.binary_search(r).is_err())
            .collect();
        self.rebuttals.sort_unstable();
        self.rebuttals.dedup();
        self.debated = self
            .counters
            .iter()
            .map(|&c| prose.at(c).paragraph)
            .collect();
    }

    /// Scores again, in their roles, the paragraphs the counterclaims and their rebuttals
    /// are in, replacing those paragraphs' key claims in `keys` (chosen as if no
    /// counterclaim were found); a text left with no key claim gets its most likely thesis.
    fn rescore_debated(&mut self, mut keys: Vec<Item>) {
        let mut touched: Vec<usize> = self
            .counters
            .iter()
            .chain(&self.rebuttals)
            .map(|&i| self.prose.rank_of(i))
            .collect();
        touched.sort_unstable();
        touched.dedup();
        let paragraphs: Vec<usize> = touched
            .iter()
            .map(|&rank| self.prose.at(self.prose.start(rank)).paragraph)
            .collect();
        keys.retain(|item| paragraphs.binary_search(&item.anchor.paragraph).is_err());
        let model = model::embedded();
        let total = self.prose.sentences();
        for &rank in &touched {
            let base = self.prose.start(rank);
            let sentences = self.prose.records(rank..rank + 1, &self.title);
            let mut probabilities = Vec::with_capacity(sentences.len());
            model::paragraph_inputs(
                &sentences,
                base,
                total,
                |i| self.key_role(base + i),
                |_, inputs| probabilities.extend(inputs.iter().map(|x| model.probability(x))),
            );
            self.probabilities[base..base + sentences.len()].copy_from_slice(&probabilities);
            let chosen = choose_in_paragraph(
                0..sentences.len(),
                &self.probabilities[base..],
                |i| self.may_be_key(base + i),
                model,
            );
            for i in chosen {
                keys.push(self.key_item(&sentences[i], base + i));
            }
        }
        if keys.is_empty()
            && let Some(k) = last_resort(&self.probabilities, |i| self.may_be_key(i))
        {
            let rank = self.prose.rank_of(k);
            let base = self.prose.start(rank);
            let sentences = self.prose.records(rank..rank + 1, &self.title);
            keys.push(self.key_item(&sentences[k - base], k));
        }
        // One key claim a sentence: the order is total.
        keys.sort_unstable_by_key(|item| item.anchor);
        self.keys = keys;
    }

    /// The key-claim item of sentence `i` (record `s`), in its role.
    fn key_item(&self, s: &Sentence, i: usize) -> Item {
        key_item(
            s,
            self.key_role(i),
            self.probabilities[i],
            self.split(i).map(|split| split.asserted.clone()),
        )
    }

    fn into_map(self) -> ArgumentMap {
        let mut items = self.keys;
        items.extend(self.counter_items);
        ArgumentMap::new(items)
    }

    /// The clauses of sentence `i`, if it is a counterclaim conceded in a clause.
    fn split(&self, i: usize) -> Option<&clauses::Split> {
        self.splits
            .binary_search_by_key(&i, |(c, _)| *c)
            .ok()
            .map(|at| &self.splits[at].1)
    }

    fn key_role(&self, i: usize) -> claims::Role {
        if self.rebuttals.binary_search(&i).is_ok() {
            claims::Role::Rebuttal
        } else if self.debated.contains(&self.prose.at(i).paragraph) {
            claims::Role::DebatedParagraph
        } else {
            claims::Role::Plain
        }
    }

    /// Whether sentence `i` may be one of the author's key claims: not a counterclaim
    /// (unless it concedes in one clause and asserts in the other), not the other side's
    /// or the moderator's words in a transcript.
    fn may_be_key(&self, i: usize) -> bool {
        (self.counters.binary_search(&i).is_err() || self.split(i).is_some())
            && !matches!(
                self.prose.turn(self.prose.rank_of(i)),
                Some(speakers::Turn::Opponent | speakers::Turn::Moderator)
            )
    }
}

/// In a transcript, the other side's or the moderator's words.
fn other_speaker(s: &Sentence) -> bool {
    matches!(
        s.pos.turn,
        Some(speakers::Turn::Opponent | speakers::Turn::Moderator)
    )
}

/// The key-claim item of sentence `s`, with the features that speak for it as evidence.
fn key_item(
    s: &Sentence,
    role: claims::Role,
    probability: f32,
    clause: Option<std::ops::Range<usize>>,
) -> Item {
    let clause = clause.and_then(Item::narrow_clause);
    let mut reasons = Reasons::default();
    claims::score(s, role, Some(&mut reasons));
    reasons.add(Reason::KeyModel);
    Item {
        kind: ClaimKind::Key,
        anchor: s.at,
        rebuttals: Vec::new(),
        origin: Origin::Detected,
        evidence: reasons,
        confidence: probability,
        note: None,
        clause,
    }
}

/// The key claims of the paragraph `span` (indices into `probabilities`), in reading
/// order: its most likely `eligible` sentence from `model.first` and further ones, up to
/// [`rank::KEYS_PER_PARAGRAPH`], from `model.more`.
fn choose_in_paragraph(
    span: std::ops::Range<usize>,
    probabilities: &[f32],
    eligible: impl Fn(usize) -> bool,
    model: &model::Model,
) -> Vec<usize> {
    let mut ranked: Vec<usize> = span.filter(|&i| eligible(i)).collect();
    ranked.sort_by(|&a, &b| {
        probabilities[b]
            .total_cmp(&probabilities[a])
            .then(a.cmp(&b))
    });
    let mut chosen = Vec::new();
    for (place, &i) in ranked.iter().take(rank::KEYS_PER_PARAGRAPH).enumerate() {
        let threshold = if place == 0 { model.first } else { model.more };
        if probabilities[i] < threshold {
            break;
        }
        chosen.push(i);
    }
    chosen.sort_unstable();
    chosen
}

/// An argument has at least a thesis: when no sentence reaches the threshold (a column of
/// quotations, a speech of stories), the most likely one stands for it, unless nothing is
/// a plausible claim at all (a manual, a news report).
fn last_resort(probabilities: &[f32], eligible: impl Fn(usize) -> bool) -> Option<usize> {
    (0..probabilities.len())
        .filter(|&i| eligible(i) && probabilities[i] >= rank::LAST_RESORT)
        .max_by(|&a, &b| {
            probabilities[a]
                .total_cmp(&probabilities[b])
                .then(b.cmp(&a))
        })
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
        let analysis = Analysis::new(doc, BLOCK_SENTENCES);
        let rows = analysis.as_ref().map_or_else(Vec::new, |a| {
            let sentences = a.records();
            model::all_inputs(&sentences, |i| a.key_role(i))
                .into_iter()
                .zip(&sentences)
                .map(|(x, s)| (s.at, x))
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
        let prose = &analysis.prose;
        let eligible = |i| analysis.may_be_key(i);
        let mut chosen: Vec<usize> = (0..prose.len())
            .flat_map(|rank| {
                choose_in_paragraph(
                    prose.start(rank)..prose.start(rank + 1),
                    &probabilities,
                    eligible,
                    model,
                )
            })
            .collect();
        if chosen.is_empty() {
            chosen.extend(last_resort(&probabilities, eligible));
        }
        chosen.into_iter().map(|i| prose.at(i)).collect()
    }
}

impl<'a> Analysis<'a> {
    /// The records of every sentence (for the tools that fit and trace the detector).
    fn records(&self) -> Vec<Sentence<'a>> {
        self.prose.records(0..self.prose.len(), &self.title)
    }
}

/// Score of `sentences[i]` as a counterclaim. In a transcript the other side's key claims
/// are the author's counterclaims, so its sentences are scored as key claims of their
/// speaker.
fn counter_score(
    sentences: &[Sentence],
    strengths: &[f32],
    voice: f32,
    i: usize,
    why: Option<&mut Reasons>,
) -> f32 {
    let s = &sentences[i];
    let follow = rebuttal::follow_up(sentences, strengths, i);
    match s.pos.turn {
        Some(speakers::Turn::Opponent) => {
            let mut own = s.clone();
            own.pos.turn = None;
            let claim = claims::score(&own, claims::Role::Plain, why);
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
/// point.") continues its run. `sentences` start at sentence `base` of the prose; `head`
/// (the run's first sentence and its paragraph) carries a run from one block to the next.
fn merge_elaborations(
    sentences: &[Sentence],
    strengths: &[f32],
    base: usize,
    scores: &mut [f32],
    head: &mut Option<(usize, usize)>,
) {
    for (i, s) in sentences.iter().enumerate() {
        let at = base + i;
        let candidate = scores[at] >= counter::MIDPOINT;
        match *head {
            Some((h, paragraph))
                if candidate
                    && s.pos.turn.is_none()
                    && (s.at.paragraph == paragraph
                        || (at == h + 1 && concedes_to_previous(s)))
                    && strengths[i] < rebuttal::THRESHOLD
                    && !another_position(s) =>
            {
                scores[h] = scores[h].max(scores[at]);
                scores[at] = f32::NEG_INFINITY;
            }
            _ => *head = candidate.then_some((at, s.at.paragraph)),
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
    let Some(analysis) = Analysis::new(doc, BLOCK_SENTENCES) else {
        return String::new();
    };
    let sentences = analysis.records();
    let title = &analysis.title;
    let strengths: Vec<f32> = sentences.iter().map(|s| rebuttal::strength(&s.f)).collect();
    let mut out = String::new();
    for (i, s) in sentences.iter().enumerate() {
        let mut as_key = Reasons::default();
        claims::score(s, analysis.key_role(i), Some(&mut as_key));
        let mut as_counter = Reasons::default();
        let c = counter_score(
            &sentences,
            &strengths,
            voice_of(s),
            i,
            Some(&mut as_counter),
        );
        let said = reasons::Said {
            text: s.text,
            f: &s.f,
            title,
            probability: analysis.probabilities[i],
            rebuttal: None,
        };
        let mut why = reasons::lines(as_key, &said);
        why.extend(reasons::lines(as_counter, &said));
        out.push_str(&format!(
            "{:>3}.{:<2} key p {:>4.2} counter {:>5.2} refute {:>5.2}  {}\n        {}\n",
            s.at.paragraph,
            s.at.sentence,
            analysis.probabilities[i],
            c,
            strengths[i],
            excerpt(s.text),
            why.join(" | ")
        ));
    }
    out
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
