//! The cross-map of two articles: for each key claim of one, the items of the other that
//! address it (a counterclaim that states it, a rebuttal that answers it, a key claim that
//! denies or agrees with it), each link with its relation, confidence and evidence.
//!
//! `pairing` finds the links from the two argument maps (annotated or detected alike);
//! `evidence` says why two sentences are about the same thing; `relation` says how one
//! answers the other; `file` reads and writes the links a reader confirmed, rejected or
//! added (`A.B.links.toml`); `eval` scores found links against hand-made ones.

pub mod catalogue;
pub mod eval;
pub mod evidence;
pub mod file;
pub mod pairing;
pub mod relation;

use crate::argument::{ArgumentMap, ClaimKind};
use crate::document::{Document, SentenceRef};

pub use pairing::compute;

/// Links with at least this confidence are shown in the sidebar, printed by `outline` and
/// scored by `eval`; weaker ones are dropped. Chosen on the pairs corpus for precision: at
/// 0.5 a third more gold links are found, at half the precision.
pub const SHOWN_CONFIDENCE: f32 = 0.6;

/// One end of a link: a sentence of article 0 (A, opened first) or 1 (B).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct End {
    pub article: usize,
    pub at: SentenceRef,
}

/// How the answering item (`from`) treats the claim it addresses (`to`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    /// Answers or denies it.
    Rebuts,
    /// Grants it, in whole or in part.
    Concedes,
    /// Asserts the same position.
    Agrees,
    /// Presents the other side's position (a counterclaim stating the claim).
    Restates,
}

impl Relation {
    pub const ALL: [Relation; 4] = [
        Relation::Rebuts,
        Relation::Concedes,
        Relation::Agrees,
        Relation::Restates,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Relation::Rebuts => "rebuts",
            Relation::Concedes => "concedes",
            Relation::Agrees => "agrees",
            Relation::Restates => "restates",
        }
    }

    /// The relation a letter names when a link is added by hand: r, c, a or s.
    pub fn from_letter(letter: char) -> Option<Relation> {
        match letter {
            'r' => Some(Relation::Rebuts),
            'c' => Some(Relation::Concedes),
            'a' => Some(Relation::Agrees),
            's' => Some(Relation::Restates),
            _ => None,
        }
    }
}

/// Where a link comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Found by `pairing`, not yet judged by a reader.
    Detected,
    /// Found, and confirmed by a reader (or written by hand in a gold file).
    Confirmed,
    /// Found, and rejected by a reader: kept in the link file so it stays hidden.
    Rejected,
    /// Made by a reader.
    Added,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    /// The answering item.
    pub from: End,
    /// The claim of the other article it addresses.
    pub to: End,
    pub relation: Relation,
    /// 0.0–1.0; links a reader confirmed or added are 1.0.
    pub confidence: f32,
    /// Why the link is there, one reason each ("shared words: 'tax', 'abuse'").
    pub evidence: Vec<String>,
    pub status: Status,
    pub note: Option<String>,
}

impl Link {
    /// The two ends in a fixed order: the same link listed either way round.
    pub fn ends(&self) -> (End, End) {
        if self.from <= self.to {
            (self.from, self.to)
        } else {
            (self.to, self.from)
        }
    }

    /// Whether the sidebar shows it: judged links a reader kept, and found ones that are
    /// confident enough.
    pub fn shown(&self) -> bool {
        match self.status {
            Status::Confirmed | Status::Added => true,
            Status::Rejected => false,
            Status::Detected => self.confidence >= SHOWN_CONFIDENCE,
        }
    }

    /// The end in `article`, and the other end.
    pub fn end_in(&self, article: usize) -> Option<(End, End)> {
        if self.from.article == article {
            Some((self.from, self.to))
        } else if self.to.article == article {
            Some((self.to, self.from))
        } else {
            None
        }
    }
}

/// One article of a pair: its text and the argument map its links are found from.
#[derive(Debug, Clone, Copy)]
pub struct Side<'a> {
    pub doc: &'a Document,
    pub map: &'a ArgumentMap,
}

/// The found links with the reader's judgements applied: a link the reader confirmed,
/// rejected or added replaces the found one with the same ends; rejected ones stay in the
/// list (hidden, see [`Link::shown`]) so that saving keeps them.
pub fn merge(found: Vec<Link>, judged: &[Link]) -> Vec<Link> {
    let mut out: Vec<Link> = judged.to_vec();
    for link in found {
        if !judged.iter().any(|j| j.ends() == link.ends()) {
            out.push(link);
        }
    }
    out.sort_by_key(|l| (l.from.article, l.from.at, l.to.at));
    out
}

/// The item of `map` a sentence belongs to: the item anchored there, else the
/// counterclaim it rebuts. With the index of the rebuttal in that counterclaim's list.
pub fn item_of(map: &ArgumentMap, at: SentenceRef) -> Option<(usize, Option<usize>)> {
    if let Some(index) = map.position(at) {
        return Some((index, None));
    }
    map.items.iter().enumerate().find_map(|(index, item)| {
        let rebuttal = item.rebuttals.iter().position(|r| *r == at)?;
        (item.kind == ClaimKind::Counter).then_some((index, Some(rebuttal)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn end(article: usize, paragraph: usize) -> End {
        End {
            article,
            at: SentenceRef {
                paragraph,
                sentence: 0,
            },
        }
    }

    fn link(from: End, to: End, status: Status, confidence: f32) -> Link {
        Link {
            from,
            to,
            relation: Relation::Rebuts,
            confidence,
            evidence: Vec::new(),
            status,
            note: None,
        }
    }

    #[test]
    fn judged_links_replace_found_ones_listed_either_way_round() {
        let found = vec![
            link(end(1, 2), end(0, 1), Status::Detected, 0.7),
            link(end(1, 3), end(0, 4), Status::Detected, 0.6),
            link(end(1, 5), end(0, 5), Status::Detected, 0.2),
        ];
        let judged = vec![link(end(0, 1), end(1, 2), Status::Rejected, 1.0)];
        let merged = merge(found, &judged);
        assert_eq!(merged.len(), 3);
        let shown: Vec<_> = merged.iter().filter(|l| l.shown()).collect();
        assert_eq!(shown.len(), 1);
        assert_eq!(shown[0].from, end(1, 3));
    }
}
