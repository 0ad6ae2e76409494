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

/// The nodes of `map` in tree order (see the module's comment).
pub fn tree<'d>(doc: &'d Document, map: &ArgumentMap) -> Vec<Node<'d>> {
    let thesis = map.thesis();
    let node = |role, index: usize| {
        let item = &map.items[index];
        Node {
            role,
            at: item.anchor,
            text: item.text(doc),
            item: Some(index),
            origin: item.origin,
        }
    };
    let mut nodes: Vec<Node> = thesis.map(|i| node(Role::Thesis, i)).into_iter().collect();
    nodes.extend(
        map.of_kind(ClaimKind::Key)
            .filter(|(i, _)| Some(*i) != thesis)
            .map(|(i, _)| node(Role::Key, i)),
    );
    for (index, item) in map.of_kind(ClaimKind::Counter) {
        nodes.push(node(Role::Counter, index));
        nodes.extend(item.rebuttals.iter().map(|&at| Node {
            role: Role::Rebuttal,
            at,
            text: doc.sentence_text(at),
            item: None,
            origin: item.origin,
        }));
    }
    nodes
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
}
