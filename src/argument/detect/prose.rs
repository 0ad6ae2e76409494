//! The document's prose as the detector reads it: the paragraphs that hold sentences (code
//! blocks are not prose), where each stands in the article, and the feature records of any
//! run of them, made on demand so that a long article is analysed a block at a time.
//!
//! Sentences are numbered across the prose (the detector's index), paragraphs by rank
//! among the prose paragraphs.

use std::ops::Range;

use super::speakers::{self, Turn};
use super::title::Title;
use super::{Position, Sentence, attribution, cues, lexicon};
use crate::document::{Document, ParagraphKind, SentenceRef};

pub struct Prose<'a> {
    doc: &'a Document,
    /// The document index of each prose paragraph, in reading order.
    paragraphs: Vec<usize>,
    /// The index of each prose paragraph's first sentence, then the number of sentences.
    starts: Vec<usize>,
    /// Who speaks in each paragraph, in a transcript.
    turns: Option<Vec<Option<Turn>>>,
    /// The ranks of the introduction and the conclusion.
    intro: usize,
    conclusion: usize,
}

impl<'a> Prose<'a> {
    /// `None` for a document with no prose.
    pub fn new(doc: &'a Document, title: &Title) -> Option<Prose<'a>> {
        let paragraphs: Vec<usize> = doc
            .paragraphs
            .iter()
            .enumerate()
            .filter(|(_, p)| !p.kind.is_verbatim() && !p.sentences.is_empty())
            .map(|(i, _)| i)
            .collect();
        if paragraphs.is_empty() {
            return None;
        }
        let mut starts = Vec::with_capacity(paragraphs.len() + 1);
        let mut total = 0;
        for &p in &paragraphs {
            starts.push(total);
            total += doc.paragraphs[p].sentences.len();
        }
        starts.push(total);
        // A list item's "Label: text" ("- Safety: …") is a label, not a speaker: only other
        // paragraphs open turns.
        let turns = speakers::turns(paragraphs.iter().map(|&i| match doc.paragraphs[i].kind {
            ParagraphKind::ListItem { .. } => "",
            _ => doc.paragraph_text(i),
        }));
        let mut prose = Prose {
            doc,
            paragraphs,
            starts,
            turns,
            intro: 0,
            conclusion: 0,
        };
        let n = prose.len();
        prose.intro = (0..n).position(|r| prose.is_real(r, title)).unwrap_or(0);
        prose.conclusion = (0..n)
            .rposition(|r| prose.is_real(r, title))
            .unwrap_or(n - 1);
        Some(prose)
    }

    /// The number of prose paragraphs.
    pub fn len(&self) -> usize {
        self.paragraphs.len()
    }

    /// The number of prose sentences.
    pub fn sentences(&self) -> usize {
        self.starts[self.len()]
    }

    /// The index of the first sentence of the paragraph of rank `rank` (the number of
    /// sentences for `len()`).
    pub fn start(&self, rank: usize) -> usize {
        self.starts[rank]
    }

    /// The rank of the paragraph that holds sentence `i`.
    pub fn rank_of(&self, i: usize) -> usize {
        self.starts.partition_point(|&s| s <= i) - 1
    }

    /// Where sentence `i` is in the document.
    pub fn at(&self, i: usize) -> SentenceRef {
        let rank = self.rank_of(i);
        SentenceRef {
            paragraph: self.paragraphs[rank],
            sentence: i - self.starts[rank],
        }
    }

    pub fn turn(&self, rank: usize) -> Option<Turn> {
        self.turns.as_ref().and_then(|t| t[rank])
    }

    /// The end of the paragraphs a sentence before rank `end` may look ahead to: a
    /// refutation may open the next paragraph, after any number of the moderator's turns
    /// (`rebuttal::window`).
    pub fn lookahead_end(&self, end: usize) -> usize {
        let mut next = end;
        while next < self.len() && self.turn(next) == Some(Turn::Moderator) {
            next += 1;
        }
        (next + 1).min(self.len())
    }

    /// Runs of whole paragraphs of about `sentences` sentences (at least one paragraph).
    pub fn blocks(&self, sentences: usize) -> impl Iterator<Item = Range<usize>> + '_ {
        let mut rank = 0;
        std::iter::from_fn(move || {
            if rank == self.len() {
                return None;
            }
            let start = rank;
            rank += 1;
            while rank < self.len() && self.starts[rank + 1] - self.starts[start] <= sentences {
                rank += 1;
            }
            Some(start..rank)
        })
    }

    /// The title stems each sentence matches, in order, for weighing the title.
    pub fn title_masks<'t>(&'t self, title: &'t Title) -> impl Iterator<Item = u64> + 't {
        (0..self.len())
            .flat_map(move |rank| self.refs(rank))
            .map(move |at| cues::title_mask(self.doc.sentence_text(at), title))
    }

    /// The records of the sentences of the paragraphs `ranks`, in order, their title
    /// coverage by the weights of `title` (weighed first, [`Prose::title_masks`]).
    pub fn records(&self, ranks: Range<usize>, title: &Title) -> Vec<Sentence<'a>> {
        let mut out = Vec::with_capacity(self.starts[ranks.end] - self.starts[ranks.start]);
        for rank in ranks {
            let n = self.doc.paragraphs[self.paragraphs[rank]].sentences.len();
            let turn = self.turn(rank);
            for at in self.refs(rank) {
                let text = self.doc.sentence_text(at);
                let f = cues::features(text, title);
                let coverage = if !title.is_empty() {
                    title.coverage(f.title_mask)
                } else {
                    0.0
                };
                out.push(Sentence {
                    at,
                    text,
                    others: attribution::others(text, &f),
                    f,
                    title: coverage,
                    pos: Position {
                        preamble: rank < self.intro
                            || rank > self.conclusion
                            || turn == Some(Turn::Moderator),
                        first_paragraph: rank == self.intro,
                        last_paragraph: rank == self.conclusion,
                        first_in_paragraph: at.sentence == 0,
                        last_in_paragraph: at.sentence + 1 == n,
                        paragraph_sentences: n,
                        turn,
                    },
                });
            }
        }
        out
    }

    fn refs(&self, rank: usize) -> impl Iterator<Item = SentenceRef> + use<> {
        let paragraph = self.paragraphs[rank];
        (0..self.doc.paragraphs[paragraph].sentences.len()).map(move |sentence| SentenceRef {
            paragraph,
            sentence,
        })
    }

    /// The introduction is the first real paragraph: a byline, a dateline or a heading the
    /// loader left in the body is a short one-sentence block. Likewise the conclusion is
    /// the last real one: an author's note, a sign-off or a "Thank you." may follow it, but
    /// a short last paragraph that takes a stance ("We must act now.") is the conclusion.
    /// In a transcript they are the author's first and last turns.
    fn is_real(&self, rank: usize, title: &Title) -> bool {
        (self.turns.is_none() || self.turn(rank) == Some(Turn::Author))
            && (self.starts[rank + 1] - self.starts[rank] > 1
                || self.refs(rank).any(|at| {
                    let f = cues::features(self.doc.sentence_text(at), title);
                    f.words >= 15
                        || f.has(lexicon::CueKind::Stance)
                        || f.has(lexicon::CueKind::Thesis)
                }))
    }
}
