//! Writing annotation files: the inverse of [`super::parse_file`].
//!
//! Each item is written as the quote of its whole sentence. A prefix (or, failing that, a
//! suffix) is added only when the quote occurs more than once, and is the shortest run of
//! preceding words that makes it unique, so the file stays readable and survives edits
//! elsewhere in the article.

use serde::Serialize;

use super::quote::{Context, collapse_whitespace, matches};
use crate::argument::{ArgumentMap, ClaimKind, Rejected};
use crate::document::{Document, SentenceRef};

#[derive(Serialize)]
struct FileOut {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    claim: Vec<ClaimOut>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    rejected: Vec<RejectedOut>,
}

#[derive(Serialize)]
struct ClaimOut {
    kind: ClaimKind,
    #[serde(flatten)]
    selector: SelectorOut,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    rebuttals: Vec<RebuttalOut>,
}

#[derive(Serialize)]
struct RejectedOut {
    kind: ClaimKind,
    #[serde(flatten)]
    selector: SelectorOut,
}

#[derive(Serialize)]
#[serde(untagged)]
enum RebuttalOut {
    Quote(String),
    Selector(SelectorOut),
}

#[derive(Serialize, Debug, PartialEq)]
pub(super) struct SelectorOut {
    pub(super) quote: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) prefix: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) suffix: Option<String>,
}

const HEADER: &str = "\
# Argument annotations written by counterpoint.
# kind: \"key\" (a claim the author makes) or \"counter\" (a position the article addresses).
# quote: the sentence, verbatim; prefix/suffix: text just before/after it, present only when
# the quote occurs more than once. [[rejected]]: detected items the reader rejected.

";

/// Serialises `map` (the reader's annotated items) and the rejected detections to the
/// `claims.toml` format; [`super::parse_file`] reads it back to the same map.
pub fn to_toml(map: &ArgumentMap, doc: &Document, rejected: &[Rejected]) -> String {
    let file = FileOut {
        claim: map
            .items
            .iter()
            .map(|item| ClaimOut {
                kind: item.kind,
                selector: selector(doc, item.anchor),
                note: item
                    .note
                    .as_deref()
                    .filter(|n| !n.trim().is_empty())
                    .map(String::from),
                rebuttals: item
                    .rebuttals
                    .iter()
                    .map(|at| match selector(doc, *at) {
                        SelectorOut {
                            quote,
                            prefix: None,
                            suffix: None,
                        } => RebuttalOut::Quote(quote),
                        selector => RebuttalOut::Selector(selector),
                    })
                    .collect(),
            })
            .collect(),
        rejected: rejected
            .iter()
            .map(|r| RejectedOut {
                kind: r.kind,
                selector: selector(doc, r.anchor),
            })
            .collect(),
    };
    let body = toml::to_string_pretty(&file).expect("annotation files always serialise");
    format!("{HEADER}{body}")
}

/// The shortest selector that names `at` and nothing else.
pub(super) fn selector(doc: &Document, at: SentenceRef) -> SelectorOut {
    let quote = collapse_whitespace(doc.sentence_text(at));
    // The places the quote matches are found once; each context tried filters them (a
    // sentence repeated throughout a long text would otherwise cost a pass over the text
    // for every word of context).
    let places = matches(doc, &quote);
    let names_only = |prefix: Option<&str>, suffix: Option<&str>| {
        let context = Context::new(prefix, suffix);
        let mut found = places.iter().filter(|m| context.holds(doc, m));
        found.next().map(|m| m.at) == Some(at) && found.next().is_none()
    };
    let mut out = SelectorOut {
        quote: quote.clone(),
        prefix: None,
        suffix: None,
    };
    if names_only(None, None) {
        return out;
    }
    let paragraph = &doc.paragraphs[at.paragraph];
    let sentence = paragraph.sentences.range(at.sentence);
    let start = paragraph.range.start + sentence.start;
    let end = paragraph.range.start + sentence.end;
    let before = doc.text()[..start].trim_end();
    let after = doc.text()[end..].trim_start();
    if let Some(prefix) = shortest_context(before, true, |p| names_only(Some(p), None)) {
        out.prefix = Some(prefix);
    } else if let Some(suffix) = shortest_context(after, false, |s| names_only(None, Some(s))) {
        out.suffix = Some(suffix);
    } else {
        // Only the whole context on both sides tells this place apart.
        let prefix = collapse_whitespace(before);
        let suffix = shortest_context(after, false, |s| names_only(Some(&prefix), Some(s)))
            .unwrap_or_else(|| collapse_whitespace(after));
        out.prefix = Some(prefix).filter(|p| !p.is_empty());
        out.suffix = Some(suffix).filter(|s| !s.is_empty());
    }
    out
}

/// Grows a context word by word (backwards from the end of `text` for a prefix, forwards
/// from its start for a suffix) until `unique` accepts it. Words are taken as needed: the
/// text may be the whole article.
fn shortest_context(text: &str, backwards: bool, unique: impl Fn(&str) -> bool) -> Option<String> {
    let words: Box<dyn Iterator<Item = &str>> = if backwards {
        Box::new(text.split_whitespace().rev())
    } else {
        Box::new(text.split_whitespace())
    };
    let mut taken = Vec::new();
    for word in words {
        taken.push(word);
        let context = if backwards {
            taken.iter().rev().copied().collect::<Vec<_>>().join(" ")
        } else {
            taken.join(" ")
        };
        if unique(&context) {
            return Some(context);
        }
    }
    None
}
