//! Sentence-level evaluation of a detected argument map against a gold (annotated) one.
//!
//! Units: a key claim or counterclaim is its anchor sentence; a rebuttal link is the pair
//! (counterclaim sentence, rebuttal sentence). A predicted unit is a true positive when the
//! gold map has the same unit; duplicates count once. Totals are micro-averaged with
//! [`Scores::add`].

use std::collections::BTreeSet;
use std::fmt::Write;

use super::{ArgumentMap, ClaimKind};
use crate::document::SentenceRef;

/// True positives, false positives and false negatives of one category.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    /// Precision; 1.0 when nothing was predicted (nothing wrong was said).
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    /// Recall; 1.0 when there was nothing to find.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    pub fn add(&mut self, other: &Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }

    fn of<T: Ord>(gold: &BTreeSet<T>, predicted: &BTreeSet<T>) -> Counts {
        let tp = predicted.intersection(gold).count();
        Counts {
            tp,
            fp: predicted.len() - tp,
            fn_: gold.len() - tp,
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// Scores per category.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scores {
    pub key: Counts,
    pub counter: Counts,
    /// (counterclaim, rebuttal) sentence pairs.
    pub rebuttal: Counts,
}

impl Scores {
    /// Adds another article's counts (micro-averaging).
    pub fn add(&mut self, other: &Scores) {
        self.key.add(&other.key);
        self.counter.add(&other.counter);
        self.rebuttal.add(&other.rebuttal);
    }
}

fn anchors(map: &ArgumentMap, kind: ClaimKind) -> BTreeSet<SentenceRef> {
    map.of_kind(kind).map(|(_, item)| item.anchor).collect()
}

fn links(map: &ArgumentMap) -> BTreeSet<(SentenceRef, SentenceRef)> {
    map.of_kind(ClaimKind::Counter)
        .flat_map(|(_, item)| item.rebuttals.iter().map(move |r| (item.anchor, *r)))
        .collect()
}

/// Scores `predicted` against `gold`, sentence by sentence.
pub fn score(gold: &ArgumentMap, predicted: &ArgumentMap) -> Scores {
    Scores {
        key: Counts::of(
            &anchors(gold, ClaimKind::Key),
            &anchors(predicted, ClaimKind::Key),
        ),
        counter: Counts::of(
            &anchors(gold, ClaimKind::Counter),
            &anchors(predicted, ClaimKind::Counter),
        ),
        rebuttal: Counts::of(&links(gold), &links(predicted)),
    }
}

/// A table with one row per article and a micro-average row: P, R and F1 for key claims,
/// counterclaims and rebuttal links.
pub fn table(rows: &[(String, Scores)], total: &Scores) -> String {
    let width = rows
        .iter()
        .map(|(name, _)| name.chars().count())
        .chain(["micro-average".len(), "article".len()])
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:width$}  {:^17}  {:^17}  {:^17}",
        "", "key claims", "counterclaims", "rebuttal links"
    );
    let _ = writeln!(
        out,
        "{:width$}  {:>5} {:>5} {:>5}  {:>5} {:>5} {:>5}  {:>5} {:>5} {:>5}",
        "article", "P", "R", "F1", "P", "R", "F1", "P", "R", "F1"
    );
    let line = |out: &mut String, name: &str, s: &Scores| {
        let _ = write!(out, "{name:width$}");
        for c in [&s.key, &s.counter, &s.rebuttal] {
            let _ = write!(
                out,
                "  {:>5.2} {:>5.2} {:>5.2}",
                c.precision(),
                c.recall(),
                c.f1()
            );
        }
        out.push('\n');
    };
    for (name, s) in rows {
        line(&mut out, name, s);
    }
    let _ = writeln!(out, "{}", "-".repeat(width + 3 * 19));
    line(&mut out, "micro-average", total);
    let c = |c: &Counts| format!("{}/{}/{}", c.tp, c.fp, c.fn_);
    let _ = writeln!(
        out,
        "{:width$}  tp/fp/fn: key {}, counter {}, links {}",
        "",
        c(&total.key),
        c(&total.counter),
        c(&total.rebuttal)
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::argument::Item;

    fn at(paragraph: usize, sentence: usize) -> SentenceRef {
        SentenceRef {
            paragraph,
            sentence,
        }
    }

    fn item(kind: ClaimKind, anchor: SentenceRef, rebuttals: Vec<SentenceRef>) -> Item {
        Item::annotated(kind, anchor, rebuttals)
    }

    #[test]
    fn counts_per_category() {
        let gold = ArgumentMap::new(vec![
            item(ClaimKind::Key, at(0, 0), vec![]),
            item(ClaimKind::Key, at(2, 1), vec![]),
            item(ClaimKind::Counter, at(1, 0), vec![at(1, 1), at(1, 2)]),
        ]);
        let predicted = ArgumentMap::new(vec![
            item(ClaimKind::Key, at(0, 0), vec![]),
            item(ClaimKind::Key, at(1, 1), vec![]),
            item(ClaimKind::Counter, at(1, 0), vec![at(1, 1)]),
            item(ClaimKind::Counter, at(2, 0), vec![at(2, 1)]),
        ]);
        let s = score(&gold, &predicted);
        assert_eq!(
            s.key,
            Counts {
                tp: 1,
                fp: 1,
                fn_: 1
            }
        );
        assert_eq!(
            s.counter,
            Counts {
                tp: 1,
                fp: 1,
                fn_: 0
            }
        );
        assert_eq!(
            s.rebuttal,
            Counts {
                tp: 1,
                fp: 1,
                fn_: 1
            }
        );
        assert!((s.counter.precision() - 0.5).abs() < 1e-9);
        assert!((s.counter.recall() - 1.0).abs() < 1e-9);
        assert!((s.key.f1() - 0.5).abs() < 1e-9);

        let mut total = Scores::default();
        total.add(&s);
        total.add(&s);
        assert_eq!(total.key.tp, 2);
        let text = table(&[("a.txt".into(), s), ("b.txt".into(), s)], &total);
        assert!(text.contains("micro-average"));
        assert!(text.contains("a.txt"));
        assert!(text.contains(" 0.50"));
        // Rows are aligned: every row has the same length.
        let lengths: Vec<usize> = text
            .lines()
            .filter(|l| l.starts_with("a.txt") || l.starts_with("micro"))
            .map(|l| l.chars().count())
            .collect();
        assert!(lengths.windows(2).all(|w| w[0] == w[1]));
    }

    #[test]
    fn empty_maps_are_perfect() {
        let s = score(&ArgumentMap::default(), &ArgumentMap::default());
        assert_eq!(s.counter.f1(), 1.0);
    }
}
