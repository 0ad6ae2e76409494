//! Ranking: a sidebar short enough to read. The number of counterclaims grows with the
//! article's length; the strongest candidates are kept, at most a few per paragraph so
//! that one dense paragraph does not crowd out the rest of the argument. Key claims are
//! chosen per paragraph by the model (`model.rs`).

/// Most counterclaims shown for an article of `paragraphs` paragraphs.
pub fn counter_budget(paragraphs: usize) -> usize {
    paragraphs.div_ceil(2).clamp(1, 16)
}

/// Most counterclaims taken from one paragraph: a paragraph may survey several opposing
/// views before it answers them.
pub const COUNTERS_PER_PARAGRAPH: usize = 3;
/// Most key claims taken from one paragraph.
pub const KEYS_PER_PARAGRAPH: usize = 3;
/// When no sentence reaches the model's threshold, the most likely one is still shown as
/// the thesis if its probability is at least this.
pub const LAST_RESORT: f32 = 0.1;
/// Maps a score to a confidence in 0–1: 0.5 at `midpoint`.
pub fn confidence(score: f32, midpoint: f32) -> f32 {
    1.0 / (1.0 + (-1.5 * (score - midpoint)).exp())
}

/// The indices of the `most` best scores at or above `floor` (skipping those `eligible`
/// rejects), at most `cap(i)` from the paragraph of `i`, best first.
pub fn top(
    scores: &[f32],
    floor: f32,
    most: usize,
    paragraph_of: impl Fn(usize) -> usize,
    eligible: impl Fn(usize) -> bool,
    cap: impl Fn(usize) -> usize,
) -> Vec<usize> {
    let mut candidates: Vec<usize> = (0..scores.len())
        .filter(|&i| scores[i] >= floor && eligible(i))
        .collect();
    let by_score = |a: &usize, b: &usize| scores[*b].total_cmp(&scores[*a]).then(a.cmp(b));
    // Only the best few matter: partition before sorting (large documents).
    let keep = most * (COUNTERS_PER_PARAGRAPH + 1);
    if candidates.len() > keep {
        candidates.select_nth_unstable_by(keep, by_score);
        candidates.truncate(keep);
    }
    candidates.sort_by(by_score);
    let mut chosen: Vec<usize> = Vec::with_capacity(most);
    for i in candidates {
        if chosen.len() == most {
            break;
        }
        let p = paragraph_of(i);
        if chosen.iter().filter(|&&c| paragraph_of(c) == p).count() < cap(i) {
            chosen.push(i);
        }
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_best_above_the_floor_within_the_paragraph_cap() {
        let scores = [2.0, 1.9, 1.8, 0.4];
        let chosen = top(&scores, 0.5, 4, |_| 0, |_| true, |_| 2);
        assert_eq!(chosen, vec![0, 1]);
        let chosen = top(&scores, 0.5, 4, |i| i, |i| i != 1, |_| 2);
        assert_eq!(chosen, vec![0, 2]);
        let chosen = top(&scores, 0.5, 1, |i| i, |_| true, |_| 2);
        assert_eq!(chosen, vec![0]);
    }
}
