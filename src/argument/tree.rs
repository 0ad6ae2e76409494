//! The argument as a tree: the thesis first; then the other key claims in reading order;
//! then each counterclaim with the sentences that rebut it nested under it. The outline
//! overlay (`o`) shows it and `counterpoint outline --format markdown` prints it.

use super::{ArgumentMap, ClaimKind, Origin};
use crate::document::{Document, SentenceRef};

/// What a node of the tree is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Thesis,
    Key,
    Counter,
    /// Under the counterclaim before it.
    Rebuttal,
}

/// One node: a claim or a rebuttal, with the sentence to jump to and what it says.
#[derive(Debug, Clone, PartialEq)]
pub struct Node<'d> {
    pub role: Role,
    pub at: SentenceRef,
    pub text: &'d str,
    /// The map item it stands for; `None` for a rebuttal.
    pub item: Option<usize>,
    pub origin: Origin,
}

impl Node<'_> {
    /// Levels below the top: rebuttals sit under their counterclaim.
    pub fn depth(&self) -> usize {
        usize::from(self.role == Role::Rebuttal)
    }
}

/// How many nodes [`tree`] makes of `map`, without making them.
pub fn len(map: &ArgumentMap) -> usize {
    map.items.len()
        + map
            .of_kind(ClaimKind::Counter)
            .map(|(_, item)| item.rebuttals.len())
            .sum::<usize>()
}

/// Where each part of the tree starts among its nodes, in order: the thesis, the other key
/// claims, the counterclaims with their rebuttals (an empty part has no start).
pub fn part_starts(map: &ArgumentMap) -> Vec<usize> {
    let keys = map.of_kind(ClaimKind::Key).count();
    let thesis = usize::from(map.thesis().is_some());
    let mut starts = Vec::new();
    if thesis == 1 {
        starts.push(0);
    }
    if keys > thesis {
        starts.push(thesis);
    }
    if len(map) > keys {
        starts.push(keys);
    }
    starts
}

/// The nodes of `map` in tree order (see the module's comment).
pub fn tree<'d>(doc: &'d Document, map: &ArgumentMap) -> Vec<Node<'d>> {
    nodes_from(doc, map, 0).collect()
}

/// The nodes of [`tree`] from node `first` on, made as they are read: a view of a few of a
/// long map's hundreds of thousands of nodes makes those only.
pub fn nodes_from<'d, 'm>(
    doc: &'d Document,
    map: &'m ArgumentMap,
    first: usize,
) -> impl Iterator<Item = Node<'d>> + use<'d, 'm> {
    places(map).skip(first).map(move |(role, index, at)| {
        let item = &map.items[index];
        Node {
            role,
            at,
            text: match role {
                Role::Rebuttal => doc.sentence_text(at),
                _ => item.text(doc),
            },
            item: (role != Role::Rebuttal).then_some(index),
            origin: item.origin,
        }
    })
}

/// The nodes in tree order before their text is looked up: role, the map item (for a
/// rebuttal, its counterclaim) and the sentence.
fn places(map: &ArgumentMap) -> impl Iterator<Item = (Role, usize, SentenceRef)> + '_ {
    let thesis = map.thesis();
    let place = move |role, index: usize| (role, index, map.items[index].anchor);
    let keys = map
        .of_kind(ClaimKind::Key)
        .filter(move |(i, _)| Some(*i) != thesis)
        .map(move |(i, _)| place(Role::Key, i));
    let counters = map
        .of_kind(ClaimKind::Counter)
        .flat_map(move |(index, item)| {
            std::iter::once(place(Role::Counter, index)).chain(
                item.rebuttals
                    .iter()
                    .map(move |&at| (Role::Rebuttal, index, at)),
            )
        });
    thesis
        .map(|i| place(Role::Thesis, i))
        .into_iter()
        .chain(keys)
        .chain(counters)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::argument::Item;
    use crate::document::Metadata;

    #[test]
    fn the_thesis_comes_first_and_rebuttals_under_their_counterclaim() {
        let doc = Document::from_paragraphs(
            Metadata::default(),
            &[
                "Intro claim.",
                "Some say no.",
                "They are wrong.",
                "Main point.",
            ],
        );
        let at = |paragraph| SentenceRef {
            paragraph,
            sentence: 0,
        };
        let mut thesis = Item::annotated(ClaimKind::Key, at(3), vec![]);
        thesis.note = Some("Thesis.".into());
        let map = ArgumentMap::new(vec![
            Item::annotated(ClaimKind::Counter, at(1), vec![at(2)]),
            thesis,
            Item::annotated(ClaimKind::Key, at(0), vec![]),
        ]);
        let nodes = tree(&doc, &map);
        assert_eq!(len(&map), nodes.len());
        assert_eq!(part_starts(&map), [0, 1, 2]);
        let shape: Vec<(Role, usize, &str)> =
            nodes.iter().map(|n| (n.role, n.depth(), n.text)).collect();
        assert_eq!(
            shape,
            [
                (Role::Thesis, 0, "Main point."),
                (Role::Key, 0, "Intro claim."),
                (Role::Counter, 0, "Some say no."),
                (Role::Rebuttal, 1, "They are wrong."),
            ]
        );
        // Without a note, the first key claim is the thesis.
        let plain = ArgumentMap::new(vec![
            Item::annotated(ClaimKind::Key, at(3), vec![]),
            Item::annotated(ClaimKind::Key, at(0), vec![]),
        ]);
        assert_eq!(tree(&doc, &plain)[0].text, "Intro claim.");
        assert!(tree(&doc, &ArgumentMap::default()).is_empty());
    }

    /// `len` and `part_starts` say what the nodes themselves say, whatever the map holds.
    #[test]
    fn the_counts_agree_with_the_nodes() {
        let doc = Document::from_paragraphs(
            Metadata::default(),
            &[
                "One is here. Two is there. Three is now.",
                "Four is again. Five is last.",
            ],
        );
        let at = |paragraph, sentence| SentenceRef {
            paragraph,
            sentence,
        };
        let key = |p, s| Item::annotated(ClaimKind::Key, at(p, s), vec![]);
        let counter = |p, s, r| Item::annotated(ClaimKind::Counter, at(p, s), r);
        let maps = [
            vec![],
            vec![key(0, 0)],
            vec![key(0, 0), key(1, 1)],
            vec![counter(0, 1, vec![at(0, 2), at(1, 0)])],
            vec![
                key(1, 0),
                counter(0, 1, vec![]),
                counter(0, 2, vec![at(1, 1)]),
            ],
            vec![key(0, 0), key(1, 0), counter(0, 1, vec![at(0, 2)])],
        ];
        for items in maps {
            let map = ArgumentMap::new(items);
            let nodes = tree(&doc, &map);
            let part = |role| match role {
                Role::Thesis => 0,
                Role::Key => 1,
                Role::Counter | Role::Rebuttal => 2,
            };
            let starts: Vec<usize> = (0..nodes.len())
                .filter(|&i| i == 0 || part(nodes[i].role) != part(nodes[i - 1].role))
                .collect();
            assert_eq!(len(&map), nodes.len(), "{map:?}");
            assert_eq!(part_starts(&map), starts, "{map:?}");
        }
    }
}
