//! The outline of two articles printed by `counterpoint outline A B`: both outlines and the
//! links between their arguments, as JSON or as readable Markdown.

use serde::Serialize;

use crate::argument::ArgumentMap;
use crate::argument::crossmap::{self, End, Link, Relation, Status};
use crate::document::Document;
use crate::outline::Outline;

#[derive(Debug, Serialize)]
pub struct PairOutline<'a> {
    pub articles: [Outline<'a>; 2],
    pub links: Vec<LinkOut<'a>>,
}

#[derive(Debug, Serialize)]
pub struct LinkOut<'a> {
    pub from: EndOut<'a>,
    pub to: EndOut<'a>,
    pub relation: Relation,
    pub confidence: f32,
    pub evidence: Vec<&'a str>,
    pub status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct EndOut<'a> {
    pub article: usize,
    /// Index into that article's `claims`: the item at the sentence, or the counterclaim
    /// it rebuts; `null` for a sentence that is neither (a link made by hand).
    pub claim: Option<usize>,
    /// When the sentence is a rebuttal: its index in that claim's `rebuttals`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rebuttal: Option<usize>,
    pub paragraph: usize,
    pub text: &'a str,
}

impl<'a> PairOutline<'a> {
    /// `links`: the links to print (shown ones; see `Link::shown`).
    pub fn new(docs: [&'a Document; 2], maps: [&'a ArgumentMap; 2], links: &'a [Link]) -> Self {
        let end = |end: End| {
            let (claim, rebuttal) = crossmap::item_of(maps[end.article], end.at)
                .map_or((None, None), |(claim, rebuttal)| (Some(claim), rebuttal));
            EndOut {
                article: end.article,
                claim,
                rebuttal,
                paragraph: end.at.paragraph,
                text: docs[end.article].sentence_text(end.at),
            }
        };
        PairOutline {
            articles: [
                Outline::new(docs[0], maps[0]),
                Outline::new(docs[1], maps[1]),
            ],
            links: links
                .iter()
                .filter(|l| l.shown())
                .map(|link| LinkOut {
                    from: end(link.from),
                    to: end(link.to),
                    relation: link.relation,
                    confidence: (link.confidence * 100.0).round() / 100.0,
                    evidence: link.evidence.iter().map(String::as_str).collect(),
                    status: link.status,
                    note: link.note.as_deref(),
                })
                .collect(),
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("an outline always serialises")
    }

    /// Both outlines, then the links in words.
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        for (index, outline) in self.articles.iter().enumerate() {
            out.push_str(&format!("<!-- article {} -->\n", letter(index)));
            out.push_str(&outline.to_markdown());
            out.push_str("\n---\n\n");
        }
        out.push_str("# Links\n\n");
        if self.links.is_empty() {
            out.push_str("None found: neither article answers the other.\n");
        }
        for link in &self.links {
            let how = match link.status {
                Status::Detected => format!("confidence {:.2}", link.confidence),
                Status::Confirmed => "confirmed".to_string(),
                Status::Added => "added by hand".to_string(),
                Status::Rejected => "rejected".to_string(),
            };
            out.push_str(&format!(
                "- {} ¶{} {} {} ¶{} ({how})\n  - {}: {}\n  - {}: {}\n",
                letter(link.from.article),
                link.from.paragraph + 1,
                link.relation.name(),
                letter(link.to.article),
                link.to.paragraph + 1,
                letter(link.from.article),
                link.from.text,
                letter(link.to.article),
                link.to.text,
            ));
            if !link.evidence.is_empty() {
                out.push_str(&format!("  - evidence: {}\n", link.evidence.join("; ")));
            }
        }
        out
    }
}

/// "A" for the first article, "B" for the second.
pub fn letter(article: usize) -> char {
    if article == 0 { 'A' } else { 'B' }
}
