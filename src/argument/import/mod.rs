//! Importing argument maps made elsewhere (AIF JSON, Argdown) onto the article.
//!
//! Each statement's text is anchored to a sentence (see [`anchor`]); kinds come from the
//! relations: statements attacking a root (the thesis, which supports or attacks nothing)
//! are counterclaims, statements attacking a counterclaim are its rebuttals, and the rest
//! are key claims.

mod aif;
mod anchor;
mod argdown;

use anyhow::Result;

use super::export::ARTICLE_STATEMENT;
use super::{ArgumentMap, ClaimKind, Item};
use crate::document::{Document, SentenceRef};

/// A map read from another tool, anchored in the article.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub map: ArgumentMap,
    /// The texts of statements no sentence of the article matches.
    pub unplaced: Vec<String>,
}

/// Reads AIFdb JSON (`nodes`, `edges`): I-nodes are statements, RA-nodes supports and
/// CA-nodes attacks.
pub fn from_aif(json: &str, doc: &Document) -> Result<Imported> {
    Ok(aif::parse(json)?.place(doc))
}

/// Reads a map file: AIF JSON (a `.json` name or a `{` first) or else Argdown.
pub fn from_file(path: &std::path::Path, doc: &Document) -> Result<Imported> {
    use crate::source::small_file;
    use anyhow::Context;
    let text = small_file::read_text(path, small_file::SMALL_FILE_LIMIT)
        .with_context(|| format!("{}: cannot read", path.display()))?;
    let is_json = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
        || text.trim_start().starts_with('{');
    let imported = if is_json {
        from_aif(&text, doc)
    } else {
        from_argdown(&text, doc)
    };
    imported.with_context(|| path.display().to_string())
}

/// Reads an Argdown document: statements, arguments and their `+`/`-` relations.
pub fn from_argdown(text: &str, doc: &Document) -> Result<Imported> {
    Ok(argdown::parse(text)?.place(doc))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Relation {
    Support,
    Attack,
}

#[derive(Debug, Clone, Default)]
struct Statement {
    text: String,
    /// Where the exporter said the sentence was, to tell duplicate sentences apart.
    hint: Option<SentenceRef>,
    note: Option<String>,
}

/// Statements and relations, `(from, relation, to)` as indices into `statements`.
#[derive(Debug, Default)]
struct Graph {
    statements: Vec<Statement>,
    relations: Vec<(usize, Relation, usize)>,
}

impl Graph {
    fn place(&self, doc: &Document) -> Imported {
        let n = self.statements.len();
        let mut outgoing = vec![0; n];
        let mut incoming = vec![0; n];
        for &(from, _, to) in &self.relations {
            outgoing[from] += 1;
            incoming[to] += 1;
        }
        let is_root = |i: usize| outgoing[i] == 0 && incoming[i] > 0;
        let counter: Vec<bool> = (0..n)
            .map(|i| {
                self.relations
                    .iter()
                    .any(|&(from, rel, to)| from == i && rel == Relation::Attack && is_root(to))
            })
            .collect();
        // An attack on a counterclaim is a rebuttal of it.
        let rebuts = |_from: usize, to: usize| counter[to];
        let only_rebuttal: Vec<bool> = (0..n)
            .map(|i| {
                outgoing[i] > 0
                    && self
                        .relations
                        .iter()
                        .filter(|r| r.0 == i)
                        .all(|&(_, rel, to)| rel == Relation::Attack && rebuts(i, to))
            })
            .collect();

        let mut anchors = anchor::Anchorer::new(doc);
        let mut placed: Vec<Option<SentenceRef>> = vec![None; n];
        let mut unplaced = Vec::new();
        for (i, statement) in self.statements.iter().enumerate() {
            placed[i] = anchors.place(&statement.text, statement.hint);
            if placed[i].is_none() && !is_article(&statement.text, doc) {
                unplaced.push(statement.text.clone());
            }
        }

        let mut items = Vec::new();
        for (i, statement) in self.statements.iter().enumerate() {
            let Some(anchor) = placed[i] else { continue };
            let kind = if counter[i] {
                ClaimKind::Counter
            } else if only_rebuttal[i] {
                continue;
            } else {
                ClaimKind::Key
            };
            let rebuttals = match kind {
                ClaimKind::Key => Vec::new(),
                ClaimKind::Counter => self
                    .relations
                    .iter()
                    .filter(|&&(from, rel, to)| {
                        to == i && rel == Relation::Attack && rebuts(from, to)
                    })
                    .filter_map(|&(from, _, _)| placed[from])
                    .collect(),
            };
            items.push(Item {
                note: statement.note.as_deref().map(Box::from),
                ..Item::annotated(kind, anchor, rebuttals)
            });
        }
        Imported {
            map: ArgumentMap::new(items),
            unplaced,
        }
    }
}

/// Whether a statement stands for the article itself (see [`ARTICLE_STATEMENT`]).
fn is_article(text: &str, doc: &Document) -> bool {
    let text = anchor::normalise(text);
    text == anchor::normalise(ARTICLE_STATEMENT)
        || doc
            .meta
            .title
            .as_deref()
            .is_some_and(|title| anchor::normalise(title) == text)
}
