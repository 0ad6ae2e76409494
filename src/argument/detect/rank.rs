//! Ranking: a sidebar short enough to read. The number of items grows with the article's
//! length (in paragraphs); the strongest candidates are kept, at most a few per paragraph
//! so that one dense paragraph does not crowd out the rest of the argument.

/// Key claims shown for an article of `words` words of prose.
pub fn key_budget(words: usize) -> usize {
    ((words as f32).sqrt() / 3.6).round().clamp(4.0, 12.0) as usize
}

/// Most counterclaims shown for an article of `paragraphs` paragraphs.
pub fn counter_budget(paragraphs: usize) -> usize {
    paragraphs.div_ceil(2).clamp(1, 8)
}

/// Most items of one kind taken from one paragraph.
pub const PER_PARAGRAPH: usize = 2;
/// Most counterclaims taken from one paragraph: a paragraph may survey several opposing
/// views before it answers them.
pub const COUNTERS_PER_PARAGRAPH: usize = 3;
/// Most key claims taken from the conclusion, which often restates the thesis and adds
/// the recommendations.
pub const IN_CONCLUSION: usize = 3;

/// Maps a score to a confidence in 0–1: 0.5 at `midpoint`.
pub fn confidence(score: f32, midpoint: f32) -> f32 {
    1.0 / (1.0 + (-1.5 * (score - midpoint)).exp())
}

/// The indices of the `budget` best scores at or above `floor` (skipping those `eligible`
/// rejects), at most `cap(i)` from the paragraph of `i` (see [`PER_PARAGRAPH`]), best
/// first.
pub fn top(
    scores: &[f32],
    floor: f32,
    budget: usize,
    paragraph_of: impl Fn(usize) -> usize,
    eligible: impl Fn(usize) -> bool,
    cap: impl Fn(usize) -> usize,
) -> Vec<usize> {
    let mut candidates: Vec<usize> = (0..scores.len())
        .filter(|&i| scores[i] >= floor && eligible(i))
        .collect();
    let by_score = |a: &usize, b: &usize| scores[*b].total_cmp(&scores[*a]).then(a.cmp(b));
    // Only the best few matter: partition before sorting (large documents).
    let keep = (budget * (PER_PARAGRAPH + 1)).max(budget);
    if candidates.len() > keep {
        candidates.select_nth_unstable_by(keep, by_score);
        candidates.truncate(keep);
    }
    candidates.sort_by(by_score);
    let mut chosen: Vec<usize> = Vec::with_capacity(budget);
    for i in candidates {
        if chosen.len() == budget {
            break;
        }
        let p = paragraph_of(i);
        if chosen.iter().filter(|&&c| paragraph_of(c) == p).count() < cap(i) {
            chosen.push(i);
        }
    }
    chosen
}
