//! Annotation files (`NAME.claims.toml`): a reader's own map of an article's argument.
//!
//! Items name their sentence by quoting it (a unique substring, with optional prefix and
//! suffix to disambiguate), in the spirit of the W3C Web Annotation `TextQuoteSelector`, so
//! an annotation survives re-wrapping and small edits of the article.

use anyhow::{Context, Result, bail};
use serde::Deserialize;

use super::{ArgumentMap, ClaimKind, Item, Origin, Rejected};
use crate::document::{Document, SentenceRef};

mod quote;
mod update;
mod write;

pub use update::update_toml;
pub use write::to_toml;

/// Everything an annotation file holds: the reader's map and the detected items they
/// rejected (so a rejection is remembered across sessions).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AnnotationSet {
    pub map: ArgumentMap,
    pub rejected: Vec<Rejected>,
    /// What the file holds that is allowed but probably a mistake, one line each.
    pub warnings: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AnnotationFile {
    #[serde(default)]
    claim: Vec<ClaimEntry>,
    #[serde(default)]
    rejected: Vec<RejectedEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RejectedEntry {
    kind: ClaimKind,
    #[serde(flatten)]
    selector: QuoteSelector,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ClaimEntry {
    kind: ClaimKind,
    #[serde(flatten)]
    selector: QuoteSelector,
    note: Option<String>,
    #[serde(default)]
    rebuttals: Vec<RebuttalEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum RebuttalEntry {
    Quote(String),
    Selector(QuoteSelector),
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct QuoteSelector {
    quote: String,
    prefix: Option<String>,
    suffix: Option<String>,
}

impl RebuttalEntry {
    fn selector(&self) -> QuoteSelector {
        match self {
            RebuttalEntry::Quote(quote) => QuoteSelector {
                quote: quote.clone(),
                prefix: None,
                suffix: None,
            },
            RebuttalEntry::Selector(selector) => selector.clone(),
        }
    }
}

/// Parses an annotation file and anchors its items in `doc`.
///
/// `file_label` names the file in errors. A quote that is not found, or found more than
/// once without a prefix/suffix to tell the places apart, is an error naming the item.
pub fn parse(toml_text: &str, doc: &Document, file_label: &str) -> Result<ArgumentMap> {
    parse_file(toml_text, doc, file_label).map(|set| set.map)
}

/// Parses an annotation file with its `[[rejected]]` list.
///
/// Claims must anchor (as in [`parse`]); a rejected entry whose quote no longer anchors is
/// dropped, because a forgotten rejection only means a detected item shows again.
pub fn parse_file(toml_text: &str, doc: &Document, file_label: &str) -> Result<AnnotationSet> {
    let file: AnnotationFile = toml::from_str(toml_text)
        .map_err(|e| anyhow::anyhow!("{file_label}: {}", describe_toml_error(toml_text, &e)))?;
    let mut items = Vec::with_capacity(file.claim.len());
    for (index, entry) in file.claim.iter().enumerate() {
        let label = || format!("{file_label}: claim {} ({:?})", index + 1, entry.kind);
        let anchor = anchor(doc, &entry.selector).with_context(label)?;
        let mut rebuttals = Vec::new();
        for rebuttal in &entry.rebuttals {
            let at = anchor_of_rebuttal(doc, &rebuttal.selector()).with_context(label)?;
            rebuttals.push(at);
        }
        if entry.kind == ClaimKind::Key && !rebuttals.is_empty() {
            bail!("{}: only counterclaims have rebuttals", label());
        }
        items.push(Item {
            kind: entry.kind,
            anchor,
            rebuttals,
            origin: Origin::Annotated,
            evidence: Default::default(),
            confidence: 1.0,
            note: entry.note.as_deref().map(Box::from),
            clause: None,
        });
    }
    let rejected = file
        .rejected
        .iter()
        .filter_map(|entry| {
            let anchor = anchor(doc, &entry.selector).ok()?;
            Some(Rejected {
                kind: entry.kind,
                anchor,
            })
        })
        .collect();
    let warnings = same_text_as_key_and_counter(&file.claim, &items)
        .into_iter()
        .map(|(key, counter)| {
            format!(
                "{file_label}: claims {} and {} quote the same text as a key claim and as a counterclaim: \"{}\"",
                key + 1,
                counter + 1,
                collapse_whitespace(&file.claim[key].selector.quote)
            )
        })
        .collect();
    Ok(AnnotationSet {
        map: ArgumentMap::new(items),
        rejected,
        warnings,
    })
}

/// Pairs (key claim, counterclaim) of entries that quote the same text of the same
/// sentence. A sentence may hold both when they quote different clauses of it ("Although
/// critics say X, Y"), so only the same text is suspect.
fn same_text_as_key_and_counter(entries: &[ClaimEntry], items: &[Item]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    for (key, key_item) in items.iter().enumerate() {
        if key_item.kind != ClaimKind::Key {
            continue;
        }
        let key_text = collapse_whitespace(&entries[key].selector.quote);
        for (counter, counter_item) in items.iter().enumerate() {
            if counter_item.kind == ClaimKind::Counter
                && counter_item.anchor == key_item.anchor
                && collapse_whitespace(&entries[counter].selector.quote) == key_text
            {
                pairs.push((key, counter));
            }
        }
    }
    pairs
}

fn anchor_of_rebuttal(doc: &Document, selector: &QuoteSelector) -> Result<SentenceRef> {
    anchor(doc, selector).context("rebuttal")
}

/// Turns a TOML error into one line: "line L, column C: message".
fn describe_toml_error(text: &str, error: &toml::de::Error) -> String {
    let message = error.message().trim().to_string();
    match error.span() {
        Some(span) => {
            let (line, column) = line_and_column(text, span.start);
            format!("line {line}, column {column}: {message}")
        }
        None => message,
    }
}

fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// The one sentence a quote (with optional prefix and suffix) names, anchored as an
/// annotation file's quotes are; other files that quote sentences (link files) use it.
pub fn anchor_quote(
    doc: &Document,
    quote: &str,
    prefix: Option<&str>,
    suffix: Option<&str>,
) -> Result<SentenceRef> {
    anchor(
        doc,
        &QuoteSelector {
            quote: quote.to_string(),
            prefix: prefix.map(str::to_string),
            suffix: suffix.map(str::to_string),
        },
    )
}

/// The shortest quote, prefix and suffix that name `at` and nothing else, as annotation
/// files are written.
pub fn quote_of(doc: &Document, at: SentenceRef) -> (String, Option<String>, Option<String>) {
    let selector = write::selector(doc, at);
    (selector.quote, selector.prefix, selector.suffix)
}

/// Finds the one sentence a selector names.
fn anchor(doc: &Document, selector: &QuoteSelector) -> Result<SentenceRef> {
    if collapse_whitespace(&selector.quote).is_empty() {
        bail!("empty quote");
    }
    let found = quote::find(
        doc,
        &selector.quote,
        selector.prefix.as_deref(),
        selector.suffix.as_deref(),
    );
    // Quoted collapsed, so a quote written over several lines makes a one-line message.
    let quoted = collapse_whitespace(&selector.quote);
    match found.as_slice() {
        [one] => Ok(*one),
        [] => bail!("{}: \"{quoted}\"", why_not_found(doc, selector)),
        many => bail!(
            "quote is ambiguous ({} places; add a prefix or suffix): \"{quoted}\"",
            many.len(),
        ),
    }
}

/// Which part of a selector that names no place failed: the quote itself, its prefix or
/// its suffix, or the quote runs over a paragraph break.
fn why_not_found(doc: &Document, selector: &QuoteSelector) -> String {
    let QuoteSelector {
        quote,
        prefix,
        suffix,
    } = selector;
    let places = quote::find(doc, quote, None, None).len();
    if places == 0 {
        return match quote::find_across_paragraphs(doc, quote) {
            Some((first, last)) => format!(
                "quote spans paragraphs ¶{}–¶{} (a quote must fall in one paragraph)",
                first + 1,
                last + 1
            ),
            None => "quote not found in the article".to_string(),
        };
    }
    let found_in = match places {
        1 => "the quote alone is found once".to_string(),
        n => format!("the quote alone is found in {n} places"),
    };
    let fits = |prefix: Option<&str>, suffix: Option<&str>| {
        !quote::find(doc, quote, prefix, suffix).is_empty()
    };
    match (prefix.as_deref(), suffix.as_deref()) {
        (Some(p), _) if !fits(Some(p), None) => format!(
            "prefix \"{}\" does not match the text before the quote ({found_in})",
            collapse_whitespace(p)
        ),
        (_, Some(s)) if !fits(None, Some(s)) => format!(
            "suffix \"{}\" does not match the text after the quote ({found_in})",
            collapse_whitespace(s)
        ),
        _ => format!("prefix and suffix do not match at the same place ({found_in})"),
    }
}

fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Metadata;

    fn doc() -> Document {
        Document::from_paragraphs(
            Metadata::default(),
            &[
                "Cats are better than dogs.",
                "Some say dogs are loyal. That is not the point.",
            ],
        )
    }

    #[test]
    fn anchors_quotes_and_rebuttals() {
        let doc = doc();
        let map = parse(
            r#"
            [[claim]]
            kind = "key"
            quote = "Cats are   better"
            [[claim]]
            kind = "counter"
            quote = "dogs are loyal"
            rebuttals = ["That is not the point."]
            "#,
            &doc,
            "x.claims.toml",
        )
        .unwrap();
        assert_eq!(map.items.len(), 2);
        assert_eq!(map.items[0].kind, ClaimKind::Key);
        assert_eq!(map.items[0].anchor.paragraph, 0);
        assert_eq!(map.items[1].anchor.paragraph, 1);
        assert_eq!(map.items[1].rebuttals.len(), 1);
    }

    #[test]
    fn missing_quote_names_file_item_and_quote() {
        let error = parse(
            "[[claim]]\nkind = \"key\"\nquote = \"birds sing\"\n",
            &doc(),
            "x.claims.toml",
        )
        .unwrap_err();
        let message = format!("{error:#}");
        assert!(message.contains("x.claims.toml"), "{message}");
        assert!(message.contains("claim 1"), "{message}");
        assert!(message.contains("birds sing"), "{message}");
    }

    #[test]
    fn a_failing_prefix_or_suffix_is_named() {
        let doc = doc();
        let error = |extra: &str| {
            let text = format!("[[claim]]\nkind = \"key\"\nquote = \"dogs are\"\n{extra}");
            format!("{:#}", parse(&text, &doc, "x").unwrap_err())
        };
        let message = error("prefix = \"Nobody says\"\n");
        assert!(
            message.contains("prefix \"Nobody says\" does not match"),
            "{message}"
        );
        assert!(message.contains("found once"), "{message}");
        assert!(!message.contains("quote not found"), "{message}");
        let message = error("suffix = \"obedient\"\n");
        assert!(
            message.contains("suffix \"obedient\" does not match"),
            "{message}"
        );
    }

    #[test]
    fn a_quote_over_two_paragraphs_is_one_line_naming_them() {
        let text = "[[claim]]\nkind = \"key\"\nquote = \"\"\"than dogs.\n\nSome say\"\"\"\n";
        let message = format!("{:#}", parse(text, &doc(), "x").unwrap_err());
        assert!(message.contains("spans paragraphs ¶1–¶2"), "{message}");
        assert!(message.contains("\"than dogs. Some say\""), "{message}");
        assert!(!message.contains('\n'), "{message}");
    }

    #[test]
    fn the_same_text_as_key_and_counter_is_warned_about_but_clauses_are_not() {
        let doc = doc();
        let same = "[[claim]]\nkind = \"key\"\nquote = \"dogs are loyal\"\n\
                    [[claim]]\nkind = \"counter\"\nquote = \"dogs  are loyal\"\n";
        let set = parse_file(same, &doc, "x.claims.toml").unwrap();
        assert_eq!(set.map.items.len(), 2);
        assert_eq!(set.warnings.len(), 1, "{:?}", set.warnings);
        assert!(
            set.warnings[0].contains("claims 1 and 2"),
            "{:?}",
            set.warnings
        );
        let clauses = "[[claim]]\nkind = \"key\"\nquote = \"Some say\"\n\
                       [[claim]]\nkind = \"counter\"\nquote = \"dogs are loyal\"\n";
        assert!(parse_file(clauses, &doc, "x").unwrap().warnings.is_empty());
    }

    #[test]
    fn ambiguous_quote_is_an_error_unless_disambiguated() {
        let doc = doc();
        let ambiguous = "[[claim]]\nkind = \"key\"\nquote = \"dogs\"\n";
        let message = format!("{:#}", parse(ambiguous, &doc, "x").unwrap_err());
        assert!(message.contains("ambiguous"), "{message}");
        let with_prefix = "[[claim]]\nkind = \"key\"\nquote = \"dogs\"\nprefix = \"Some say\"\n";
        let map = parse(with_prefix, &doc, "x").unwrap();
        assert_eq!(map.items[0].anchor.paragraph, 1);
    }

    #[test]
    fn syntax_errors_give_line_and_column() {
        let message = format!(
            "{:#}",
            parse("[[claim]]\nkind = key\n", &doc(), "x.claims.toml").unwrap_err()
        );
        assert!(message.starts_with("x.claims.toml: line 2"), "{message}");
    }

    #[test]
    fn key_claims_cannot_have_rebuttals() {
        let text = "[[claim]]\nkind = \"key\"\nquote = \"Cats\"\nrebuttals = [\"That is not\"]\n";
        assert!(parse(text, &doc(), "x").is_err());
    }
}
