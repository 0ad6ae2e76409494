//! Ranking: a sidebar short enough to read. The number of items grows with the article's
//! length; the strongest candidates are kept, at most a few per paragraph so that one
//! dense paragraph does not crowd out the rest of the argument.

/// Key claims shown for an article of `words` words of prose: usually about √words / 3.6
/// (a 500-word essay 6, a 1,500-word op-ed 11). An essay that states a claim in every
/// paragraph has more than its length suggests, so sentences the detector is sure of
/// ([`claims::SURE`](super::claims::SURE)) may double the list.
pub fn key_budget(words: usize) -> Budget {
    let usual = ((words as f32).sqrt() / 3.6).round().clamp(4.0, 12.0) as usize;
    Budget {
        usual,
        sure: super::claims::SURE,
        most: usual * 2,
    }
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

/// How many items a list holds.
#[derive(Debug, Clone, Copy)]
pub struct Budget {
    /// The usual number.
    pub usual: usize,
    /// Items scoring at least this are kept beyond the usual number, up to `most`.
    pub sure: f32,
    pub most: usize,
}

impl Budget {
    /// Exactly `n` at most.
    pub fn fixed(n: usize) -> Budget {
        Budget {
            usual: n,
            sure: f32::INFINITY,
            most: n,
        }
    }
}

/// The indices of the `budget` best scores at or above `floor` (skipping those `eligible`
/// rejects), at most `cap(i)` from the paragraph of `i` (see [`PER_PARAGRAPH`]; one more
/// for a sure item), best first.
pub fn top(
    scores: &[f32],
    floor: f32,
    budget: Budget,
    paragraph_of: impl Fn(usize) -> usize,
    eligible: impl Fn(usize) -> bool,
    cap: impl Fn(usize) -> usize,
) -> Vec<usize> {
    let mut candidates: Vec<usize> = (0..scores.len())
        .filter(|&i| scores[i] >= floor && eligible(i))
        .collect();
    let by_score = |a: &usize, b: &usize| scores[*b].total_cmp(&scores[*a]).then(a.cmp(b));
    // Only the best few matter: partition before sorting (large documents).
    let keep = budget.most * (PER_PARAGRAPH + 1);
    if candidates.len() > keep {
        candidates.select_nth_unstable_by(keep, by_score);
        candidates.truncate(keep);
    }
    candidates.sort_by(by_score);
    let mut chosen: Vec<usize> = Vec::with_capacity(budget.most);
    for i in candidates {
        if chosen.len() == budget.most || (chosen.len() >= budget.usual && scores[i] < budget.sure)
        {
            break;
        }
        let p = paragraph_of(i);
        let extra = usize::from(scores[i] >= budget.sure);
        if chosen.iter().filter(|&&c| paragraph_of(c) == p).count() < cap(i).saturating_add(extra) {
            chosen.push(i);
        }
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sure_items_go_beyond_the_usual_number_up_to_the_most() {
        let scores = [2.0, 1.0, 1.5, 1.45, 0.9, 1.6];
        let budget = Budget {
            usual: 2,
            sure: 1.4,
            most: 3,
        };
        // Every item in a paragraph of its own.
        let own_paragraph = |i: usize| i;
        let chosen = top(&scores, 0.5, budget, own_paragraph, |_| true, |_| 1);
        assert_eq!(chosen, vec![0, 5, 2]);
        let wide = Budget { most: 10, ..budget };
        let chosen = top(&scores, 0.5, wide, own_paragraph, |_| true, |_| 1);
        assert_eq!(chosen, vec![0, 5, 2, 3]);
        let fixed = top(
            &scores,
            0.5,
            Budget::fixed(2),
            own_paragraph,
            |_| true,
            |_| 1,
        );
        assert_eq!(fixed, vec![0, 5]);
    }

    #[test]
    fn the_floor_and_the_paragraph_cap_hold() {
        let scores = [2.0, 1.9, 1.8, 0.4];
        let budget = Budget::fixed(4);
        let chosen = top(&scores, 0.5, budget, |_| 0, |_| true, |_| 2);
        assert_eq!(chosen, vec![0, 1]);
        let chosen = top(&scores, 0.5, budget, |i| i, |i| i != 1, |_| 2);
        assert_eq!(chosen, vec![0, 2]);
        // A sure item may go one beyond its paragraph's cap.
        let sure = Budget {
            sure: 1.75,
            ..budget
        };
        let chosen = top(&scores, 0.5, sure, |_| 0, |_| true, |_| 2);
        assert_eq!(chosen, vec![0, 1, 2]);
    }
}
