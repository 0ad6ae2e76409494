//! The machine-readable outline printed by `counterpoint outline`: the article's metadata,
//! body paragraphs and argument map, as JSON or as a readable Markdown outline.

use serde::Serialize;

use crate::argument::tree::{self, Role};
use crate::argument::{ArgumentMap, ClaimKind, Item, Origin};
use crate::document::{Document, SentenceRef};

#[derive(Debug, Serialize)]
pub struct Outline<'a> {
    pub title: Option<&'a str>,
    pub dek: Option<&'a str>,
    pub byline: Option<&'a str>,
    pub date: Option<&'a str>,
    /// Body paragraphs in reading order; claims refer to them by 0-based index.
    pub paragraphs: Vec<&'a str>,
    pub sections: Vec<SectionOut<'a>>,
    pub notes: Vec<&'a str>,
    /// Link targets in reading order, numbered from 1 as the reader's link list (`f`)
    /// numbers them.
    pub links: Vec<LinkOut<'a>>,
    /// Key claims, then counterclaims, each in reading order (sidebar order).
    pub claims: Vec<ClaimOut<'a>>,
    /// The argument as a tree, for the Markdown outline (not in the JSON, whose claims say
    /// which one is the thesis).
    #[serde(skip)]
    pub tree: Vec<tree::Node<'a>>,
}

#[derive(Debug, Serialize)]
pub struct SectionOut<'a> {
    pub title: &'a str,
    pub level: u8,
    /// Index of the section's first paragraph.
    pub paragraph: usize,
}

#[derive(Debug, Serialize)]
pub struct LinkOut<'a> {
    pub paragraph: usize,
    /// The linked text.
    pub text: &'a str,
    pub target: &'a str,
}

#[derive(Debug, Serialize)]
pub struct ClaimOut<'a> {
    pub kind: ClaimKind,
    /// On the key claim that is the thesis (see `ArgumentMap::thesis`) only.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub thesis: bool,
    pub paragraph: usize,
    /// The exact sentence as it stands in the paragraph.
    pub text: &'a str,
    pub source: Origin,
    pub rebuttals: Vec<SentenceOut<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<String>,
    pub confidence: f32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct SentenceOut<'a> {
    pub paragraph: usize,
    pub text: &'a str,
}

impl<'a> Outline<'a> {
    pub fn new(doc: &'a Document, map: &'a ArgumentMap) -> Self {
        let meta = &doc.meta;
        let thesis = map.thesis();
        Outline {
            title: meta.title.as_deref(),
            dek: meta.dek.as_deref(),
            byline: meta.byline.as_deref(),
            date: meta.date.as_deref(),
            paragraphs: (0..doc.paragraphs.len())
                .map(|i| doc.paragraph_text(i))
                .collect(),
            sections: doc
                .sections
                .iter()
                .map(|s| SectionOut {
                    title: &s.title,
                    level: s.level,
                    paragraph: s.first_paragraph,
                })
                .collect(),
            notes: doc.notes.iter().map(String::as_str).collect(),
            links: doc
                .links
                .iter()
                .map(|l| LinkOut {
                    paragraph: l.paragraph,
                    text: doc
                        .paragraph_text(l.paragraph)
                        .get(l.range.clone())
                        .unwrap_or_default(),
                    target: &l.target,
                })
                .collect(),
            claims: map
                .items
                .iter()
                .enumerate()
                .map(|(index, item)| claim(doc, item, thesis == Some(index)))
                .collect(),
            tree: tree::tree(doc, map),
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("an outline always serialises")
    }

    /// A readable outline: metadata, then the claims with their rebuttals.
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        out.push_str(&format!("# {}\n\n", self.title.unwrap_or("Untitled")));
        if let Some(dek) = self.dek {
            out.push_str(&format!("*{dek}*\n\n"));
        }
        let by: Vec<String> = [
            self.byline.map(|b| format!("By {b}")),
            self.date.map(String::from),
        ]
        .into_iter()
        .flatten()
        .collect();
        if !by.is_empty() {
            out.push_str(&format!("{}\n\n", by.join(" · ")));
        }
        out.push_str(&format!("{} paragraphs.\n", self.paragraphs.len()));
        // The tree: the thesis under its own heading, then the other key claims, then the
        // counterclaims with their rebuttals nested.
        let sections = [
            (Role::Thesis, "Thesis"),
            (Role::Key, "Key claims"),
            (Role::Counter, "Counterclaims"),
        ];
        for (role, heading) in sections {
            out.push_str(&format!("\n## {heading}\n\n"));
            let mut any = false;
            for node in &self.tree {
                let under = node.role == Role::Rebuttal && role == Role::Counter;
                if node.role != role && !under {
                    continue;
                }
                any = true;
                let mark = if node.origin == Origin::Detected && !under {
                    " (detected)"
                } else {
                    ""
                };
                let paragraph = node.at.paragraph + 1;
                if under {
                    out.push_str(&format!("  - rebutted in ¶{paragraph}: {}\n", node.text));
                } else {
                    out.push_str(&format!("- ¶{paragraph}{mark}: {}\n", node.text));
                }
            }
            if !any {
                out.push_str("None found.\n");
            }
        }
        if !self.links.is_empty() {
            out.push_str("\n## Links\n\n");
            for (number, link) in self.links.iter().enumerate() {
                out.push_str(&format!(
                    "{}. ¶{} {}: <{}>\n",
                    number + 1,
                    link.paragraph + 1,
                    link.text,
                    link.target
                ));
            }
        }
        out
    }
}

fn claim<'a>(doc: &'a Document, item: &'a Item, thesis: bool) -> ClaimOut<'a> {
    ClaimOut {
        kind: item.kind,
        thesis,
        paragraph: item.anchor.paragraph,
        text: item.text(doc),
        source: item.origin,
        rebuttals: item.rebuttals.iter().map(|r| sentence(doc, *r)).collect(),
        evidence: item.evidence_lines(doc),
        confidence: item.confidence,
        note: item.note.as_deref(),
    }
}

fn sentence(doc: &Document, at: SentenceRef) -> SentenceOut<'_> {
    SentenceOut {
        paragraph: at.paragraph,
        text: doc.sentence_text(at),
    }
}
