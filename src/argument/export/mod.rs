//! Exporting the argument map for argument-mapping tools: Argdown text and AIF JSON.
//!
//! Both formats get the same shape: the thesis at the root, the other key claims supporting
//! it, counterclaims attacking it, and rebuttals attacking their counterclaims. One
//! statement stands for each sentence, so a sentence that is both a key claim and a
//! rebuttal appears once with both relations.

mod aif;
mod argdown;

pub use aif::{aif, aif_at};
pub use argdown::argdown;

use super::{ArgumentMap, ClaimKind};
use crate::document::{Document, SentenceRef};

/// Text standing for the article itself when a map has counterclaims but no key claim to
/// attack; importers recognise it (or the article's title) and do not place it.
pub const ARTICLE_STATEMENT: &str = "(the article)";

/// The key claim that is the thesis (see `ArgumentMap::thesis`).
pub fn thesis(map: &ArgumentMap) -> Option<usize> {
    map.thesis()
}

/// One statement of the exported graph.
struct Statement {
    title: String,
    text: String,
    anchor: Option<SentenceRef>,
    note: Option<String>,
}

/// The map as a tree of statements around the thesis (indices into `statements`).
struct Tree {
    statements: Vec<Statement>,
    root: usize,
    supports: Vec<usize>,
    /// Each counterclaim with the statements that rebut it.
    attacks: Vec<(usize, Vec<usize>)>,
}

impl Tree {
    fn of(doc: &Document, map: &ArgumentMap) -> Option<Tree> {
        if map.is_empty() {
            return None;
        }
        let sentence = |at: SentenceRef| collapse(doc.sentence_text(at));
        let mut statements = Vec::new();
        let mut of_item = vec![0; map.items.len()];
        let thesis = thesis(map);
        let root = match thesis {
            Some(index) => index_of_item(&mut statements, "Thesis".into(), map, index, sentence),
            None => {
                let text = doc.meta.title.clone().unwrap_or(ARTICLE_STATEMENT.into());
                statements.push(Statement {
                    title: "Article".into(),
                    text: collapse(&text),
                    anchor: None,
                    note: None,
                });
                0
            }
        };
        let mut supports = Vec::new();
        let mut counters = Vec::new();
        let mut claim_number = 1;
        for (index, item) in map.items.iter().enumerate() {
            if Some(index) == thesis {
                of_item[index] = root;
                continue;
            }
            let title = match item.kind {
                ClaimKind::Key => {
                    claim_number += 1;
                    format!("Claim {claim_number}")
                }
                ClaimKind::Counter => format!("Counter {}", counters.len() + 1),
            };
            let statement = index_of_item(&mut statements, title, map, index, sentence);
            of_item[index] = statement;
            match item.kind {
                ClaimKind::Key => supports.push(statement),
                ClaimKind::Counter => counters.push(index),
            }
        }
        let mut attacks = Vec::new();
        for (number, &index) in counters.iter().enumerate() {
            let mut rebuttals = Vec::new();
            for (j, &at) in map.items[index].rebuttals.iter().enumerate() {
                let existing = statements.iter().position(|s| s.anchor == Some(at));
                rebuttals.push(existing.unwrap_or_else(|| {
                    statements.push(Statement {
                        title: format!("Rebuttal {}.{}", number + 1, j + 1),
                        text: sentence(at),
                        anchor: Some(at),
                        note: None,
                    });
                    statements.len() - 1
                }));
            }
            attacks.push((of_item[index], rebuttals));
        }
        Some(Tree {
            statements,
            root,
            supports,
            attacks,
        })
    }
}

fn index_of_item(
    statements: &mut Vec<Statement>,
    title: String,
    map: &ArgumentMap,
    index: usize,
    sentence: impl Fn(SentenceRef) -> String,
) -> usize {
    let item = &map.items[index];
    statements.push(Statement {
        title,
        text: sentence(item.anchor),
        anchor: Some(item.anchor),
        note: item.note.as_deref().map(String::from),
    });
    statements.len() - 1
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
