//! Rebuttals: sentences that answer a counterclaim, and which counterclaim each answers.
//!
//! A sentence's refutation strength is context-free (opening contrast "However", "In
//! fact"; refutation "this is not", "there is no evidence", "fails to"; appeals to
//! evidence; negation). Linking is local: a rebuttal answers the nearest preceding
//! counterclaim within a window of a few sentences in the same paragraph, or the start of
//! the next paragraph when the counterclaim closes its paragraph, with shared content words
//! as the tie-breaker and a later counterclaim closing the window of an earlier one.
//!
//! Concession in one sentence ("It is true that X, but Y"): the counterclaim anchors to
//! the sentence. If the next sentence carries the refutation on, it is the rebuttal; if
//! not, the answer is the sentence's own second clause and the sentence is linked to
//! itself, so the map still shows that the concession is answered.

use super::Sentence;
use super::cues::Features;
use super::lexicon::CueKind;
use super::speakers::Turn;
use super::words::{content_stems, shared};

/// Sentences after a counterclaim, in its own paragraph, that may answer it.
const SAME_PARAGRAPH: usize = 6;
/// Sentences after a counterclaim in its own paragraph that still let the next paragraph
/// answer it.
const ELABORATION: usize = 3;
/// Sentences at the start of the next paragraph that may answer it.
const NEXT_PARAGRAPH: usize = 3;
/// Most rebuttals linked to one counterclaim.
const MAX_LINKS: usize = 3;
/// A counterclaim with fewer links than this gets the sentences that follow its first
/// rebuttal in the same paragraph (annotators link 1–3 sentences per counterclaim).
const CONTINUED_LINKS: usize = 3;
/// Strength from which a sentence is taken as a rebuttal.
pub const THRESHOLD: f32 = 0.9;

/// How strongly a sentence refutes or answers something, from its own cues.
pub fn strength(f: &Features) -> f32 {
    let mut r = 0.0;
    if f.opens_with(CueKind::Contrast) {
        r += 1.0;
    } else if f.has(CueKind::Contrast) {
        r += 0.35;
    }
    if f.has(CueKind::Refutation) {
        r += 1.1 + 0.3 * (f.count(CueKind::Refutation) - 1.0).min(1.0);
    }
    if f.has(CueKind::Evidence) {
        r += 0.4;
    }
    if f.has(CueKind::Negation) {
        r += 0.3 + 0.1 * (f.count(CueKind::Negation) - 1.0).min(2.0);
    }
    if f.has(CueKind::Thesis) {
        r += 0.2;
    }
    if (f.has(CueKind::Attribution) || f.has(CueKind::Objection)) && !f.has(CueKind::Refutation) {
        r -= 0.8;
    }
    if f.opens_with(CueKind::Concession) {
        r -= 0.6;
    }
    if f.question {
        r -= 0.4;
    }
    r
}

/// The sentences that may answer `sentences[i]`, with their distance in sentences. In a
/// transcript the answer may come in the next turn but one, after the moderator's words.
pub fn window<'a>(
    sentences: &'a [Sentence<'_>],
    i: usize,
) -> impl Iterator<Item = (usize, usize)> + 'a {
    let here = sentences[i].at;
    let remaining = sentences[i].pos.paragraph_sentences - here.sentence - 1;
    let same = (i + 1..=i + remaining.min(SAME_PARAGRAPH)).map(move |j| (j, j - i));
    // A counterclaim followed by at most a short elaboration in its own paragraph may be
    // answered at the start of the next one.
    let mut next = i + remaining + 1;
    while sentences
        .get(next)
        .is_some_and(|s| s.pos.turn == Some(Turn::Moderator))
    {
        next += sentences[next].pos.paragraph_sentences - sentences[next].at.sentence;
    }
    let answer = match sentences.get(next) {
        Some(s) if remaining <= ELABORATION => {
            next..next + s.pos.paragraph_sentences.min(NEXT_PARAGRAPH)
        }
        _ => next..next,
    };
    same.chain(answer.map(move |j| (j, remaining + 1 + j - next)))
}

/// The strongest refutation in the window after `i`, discounted by distance.
pub fn follow_up(sentences: &[Sentence], strengths: &[f32], i: usize) -> f32 {
    window(sentences, i)
        .map(|(j, d)| strengths[j] * decay(d))
        .fold(0.0, f32::max)
}

fn decay(distance: usize) -> f32 {
    1.0 - 0.12 * (distance.saturating_sub(1) as f32)
}

/// Links rebuttals to the chosen counterclaims (indices into `sentences`, in reading
/// order). Returns, per counterclaim, the indices of its rebuttals.
pub fn link(sentences: &[Sentence], strengths: &[f32], counters: &[usize]) -> Vec<Vec<usize>> {
    let mut links = vec![Vec::new(); counters.len()];
    let stems: Vec<Vec<String>> = counters
        .iter()
        .map(|&c| content_stems(sentences[c].text))
        .collect();
    // Candidate rebuttal → best counterclaim.
    let mut claimed: Vec<(usize, usize, f32)> = Vec::new(); // (rebuttal, counter slot, score)
    for (slot, &c) in counters.iter().enumerate() {
        for (j, distance) in window(sentences, c) {
            if counters.binary_search(&j).is_ok() {
                break; // a later counterclaim takes over
            }
            let overlap = shared(&content_stems(sentences[j].text), &stems[slot]).len() as f32;
            let r = strengths[j] + 0.25 * overlap.min(3.0);
            if r < THRESHOLD || sentences[j].others > 1.0 && strengths[j] < 1.0 {
                continue;
            }
            let score = r * decay(distance);
            match claimed.iter_mut().find(|(rj, _, _)| *rj == j) {
                Some(entry) if entry.2 < score => *entry = (j, slot, score),
                Some(_) => {}
                None => claimed.push((j, slot, score)),
            }
        }
    }
    claimed.sort_by(|a, b| b.2.total_cmp(&a.2));
    for (j, slot, _) in claimed {
        if links[slot].len() < MAX_LINKS {
            links[slot].push(j);
        }
    }
    // An answer rarely stops at one sentence: the sentences after the first rebuttal, in
    // the same paragraph, usually carry the answer on (the facts or reasons behind it).
    for (slot, &c) in counters.iter().enumerate() {
        let Some(&first) = links[slot].iter().min() else {
            continue;
        };
        let mut next = first + 1;
        while links[slot].len() < CONTINUED_LINKS
            && next < sentences.len()
            && sentences[next].at.paragraph == sentences[first].at.paragraph
            && counters.binary_search(&next).is_err()
            && next != c
            && strengths[next] >= 0.0
            && !sentences[next].f.opens_with(CueKind::Concession)
        {
            if !links[slot].contains(&next) {
                links[slot].push(next);
            }
            next += 1;
        }
    }
    // A concession answered inside its own sentence.
    for (slot, &c) in counters.iter().enumerate() {
        let f = &sentences[c].f;
        if links[slot].is_empty() && super::counter::answered_within(f) {
            links[slot].push(c);
        }
    }
    // A position stated and never visibly refuted is still answered, as a rule, by what
    // the author says next: the following sentence of its paragraph.
    for (slot, &c) in counters.iter().enumerate() {
        let next = c + 1;
        if links[slot].is_empty()
            && next < sentences.len()
            && sentences[next].at.paragraph == sentences[c].at.paragraph
            && counters.binary_search(&next).is_err()
            && strengths[next] >= 0.0
        {
            links[slot].push(next);
        }
    }
    for l in &mut links {
        l.sort_unstable();
    }
    links
}
