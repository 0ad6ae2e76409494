//! Scoring found links against hand-made (gold) ones. A found link matches a gold link
//! when its two ends are the same sentences, whichever end each lists first; relations are
//! not compared. Only links the sidebar would show count as found.

use std::collections::BTreeSet;

use super::{End, Link, Status};
use crate::argument::eval::Counts;

/// True and false positives and misses of `found` (the shown ones) against `gold` (its
/// confirmed and added links).
pub fn score(gold: &[Link], found: &[Link]) -> Counts {
    let gold: BTreeSet<(End, End)> = gold
        .iter()
        .filter(|l| matches!(l.status, Status::Confirmed | Status::Added))
        .map(Link::ends)
        .collect();
    let found: BTreeSet<(End, End)> = found.iter().filter(|l| l.shown()).map(Link::ends).collect();
    let tp = found.intersection(&gold).count();
    Counts {
        tp,
        fp: found.len() - tp,
        fn_: gold.len() - tp,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::argument::crossmap::Relation;
    use crate::document::SentenceRef;

    fn link(from: (usize, usize), to: (usize, usize), status: Status) -> Link {
        let end = |(article, paragraph)| End {
            article,
            at: SentenceRef {
                paragraph,
                sentence: 0,
            },
        };
        Link {
            from: end(from),
            to: end(to),
            relation: Relation::Rebuts,
            confidence: 0.8,
            evidence: Vec::new(),
            status,
            note: None,
        }
    }

    #[test]
    fn either_direction_of_listing_matches() {
        let gold = [
            link((1, 2), (0, 1), Status::Confirmed),
            link((1, 4), (0, 3), Status::Confirmed),
        ];
        let found = [
            link((0, 1), (1, 2), Status::Detected),
            link((1, 5), (0, 3), Status::Detected),
        ];
        let counts = score(&gold, &found);
        assert_eq!((counts.tp, counts.fp, counts.fn_), (1, 1, 1));
    }
}
