//! Builds a document from structured input (Markdown events, HTML nodes): paragraph text
//! with inline spans and links, whitespace collapsed, controls that entities produced
//! removed.

use crate::document::{Document, InlineStyle, Link, Metadata, ParagraphKind, StyledSpan};

use super::sanitize;

#[derive(Default)]
pub struct DocBuilder {
    doc: Document,
    kind: ParagraphKind,
    text: String,
    /// Verbatim text (code): whitespace kept as is.
    preformatted: bool,
    spans: Vec<StyledSpan>,
    open_styles: Vec<(InlineStyle, usize)>,
    links: Vec<(std::ops::Range<usize>, String)>,
    open_links: Vec<(usize, String)>,
    /// Controls and invisible characters removed from the output text.
    pub removed_sequences: usize,
    pub removed_invisible: usize,
}

impl DocBuilder {
    pub fn new() -> Self {
        DocBuilder::default()
    }

    /// Ends the current paragraph (if any) and starts one of `kind`.
    pub fn start(&mut self, kind: ParagraphKind) {
        self.finish_paragraph();
        self.preformatted = kind.is_verbatim();
        self.kind = kind;
    }

    /// Whether the current paragraph has any text yet.
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// Appends text; outside code, runs of whitespace become one space.
    pub fn text(&mut self, text: &str) {
        if self.preformatted {
            self.text.push_str(text);
            return;
        }
        for c in text.chars() {
            if c.is_whitespace() && c != '\u{A0}' {
                if !self.text.is_empty() && !self.text.ends_with(' ') {
                    self.text.push(' ');
                }
            } else {
                self.text.push(c);
            }
        }
    }

    pub fn open_style(&mut self, style: InlineStyle) {
        self.open_styles.push((style, self.text.len()));
    }

    pub fn close_style(&mut self, style: InlineStyle) {
        if let Some(i) = self.open_styles.iter().rposition(|(s, _)| *s == style) {
            let (style, start) = self.open_styles.remove(i);
            let end = self.text.trim_end().len().max(start);
            if end > start {
                self.spans.push(StyledSpan {
                    range: start..end,
                    style,
                });
            }
        }
    }

    pub fn open_link(&mut self, target: &str) {
        self.open_links
            .push((self.text.len(), target.trim().to_string()));
        self.open_style(InlineStyle::Link);
    }

    pub fn close_link(&mut self) {
        self.close_style(InlineStyle::Link);
        if let Some((start, target)) = self.open_links.pop() {
            let end = self.text.trim_end().len().max(start);
            if end > start && !target.is_empty() {
                self.links.push((start..end, target));
            }
        }
    }

    /// Adds the current paragraph to the document (nothing if it is blank).
    pub fn finish_paragraph(&mut self) {
        // Styles left open (malformed input) end with the paragraph.
        while let Some((style, _)) = self.open_styles.last().copied() {
            if style == InlineStyle::Link {
                self.close_link();
            } else {
                self.close_style(style);
            }
        }
        let raw = std::mem::take(&mut self.text);
        let mut spans = std::mem::take(&mut self.spans);
        let mut links = std::mem::take(&mut self.links);
        let kind = std::mem::take(&mut self.kind);
        let (text, map) = if sanitize::needs_cleaning(&raw) {
            let (cleaned, mut map) = sanitize::clean_mapped(&raw);
            self.removed_sequences += cleaned.sequences;
            self.removed_invisible += cleaned.invisible;
            let mut text = cleaned.text;
            if !kind.is_verbatim() {
                // What stood between two spaces may be gone.
                let (collapsed, spaces) = collapse_spaces(&text);
                for offset in &mut map {
                    *offset = spaces[*offset];
                }
                text = collapsed;
            }
            (text, Some(map))
        } else {
            (raw, None)
        };
        let remap = |r: &std::ops::Range<usize>| match &map {
            Some(map) => map[r.start]..map[r.end],
            None => r.clone(),
        };
        let (start, end) = if kind.is_verbatim() {
            // Verbatim, but without the blank lines around the block.
            let trimmed = text.trim_matches('\n');
            let start = text.len() - text.trim_start_matches('\n').len();
            (start, start + trimmed.len())
        } else {
            let start = text.len() - text.trim_start().len();
            (start, text.trim_end().len().max(start))
        };
        if start == end {
            return;
        }
        let clip = |r: std::ops::Range<usize>| {
            let s = r.start.clamp(start, end) - start;
            let e = r.end.clamp(start, end) - start;
            (e > s).then_some(s..e)
        };
        spans = spans
            .iter()
            .filter_map(|s| {
                clip(remap(&s.range)).map(|range| StyledSpan {
                    range,
                    style: s.style,
                })
            })
            .collect();
        spans.sort_by_key(|s| (s.range.start, std::cmp::Reverse(s.range.end)));
        let paragraph = self.doc.paragraphs.len();
        links = links
            .into_iter()
            .filter_map(|(r, target)| clip(remap(&r)).map(|range| (range, target)))
            .collect();
        self.doc
            .links
            .extend(links.into_iter().map(|(range, target)| Link {
                paragraph,
                range,
                target: clean_line(&target).0,
            }));
        self.doc.push_paragraph(kind, &text[start..end], spans);
    }

    /// Adds a horizontal rule before the next paragraph.
    pub fn rule(&mut self) {
        self.finish_paragraph();
        self.doc.push_rule();
    }

    /// Adds a section heading before the next paragraph.
    pub fn section(&mut self, title: &str, level: u8) {
        self.finish_paragraph();
        let title = self.clean(title);
        if !title.is_empty() {
            self.doc.push_section(&title, level);
        }
    }

    /// Text for metadata or headings: cleaned, whitespace collapsed, trimmed.
    pub fn clean(&mut self, text: &str) -> String {
        let (line, cleaned) = clean_line(text);
        self.removed_sequences += cleaned.sequences;
        self.removed_invisible += cleaned.invisible;
        line
    }

    pub fn paragraph_count(&self) -> usize {
        self.doc.paragraphs.len() + usize::from(!self.is_empty())
    }

    pub fn finish(mut self, meta: Metadata) -> (Document, usize, usize) {
        self.finish_paragraph();
        let mut meta = meta;
        for field in [
            &mut meta.title,
            &mut meta.dek,
            &mut meta.byline,
            &mut meta.date,
        ] {
            if let Some(value) = field.take() {
                let value = self.clean(&value);
                *field = (!value.is_empty()).then_some(value);
            }
        }
        self.doc.meta = meta;
        (self.doc, self.removed_sequences, self.removed_invisible)
    }
}

/// One line of clean text: controls removed, whitespace runs collapsed, trimmed.
fn clean_line(text: &str) -> (String, sanitize::Cleaned) {
    let cleaned = sanitize::clean(text);
    let line = cleaned
        .text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    (line, cleaned)
}

/// Collapses runs of spaces to one, with the offset map (as in `sanitize::clean_mapped`).
fn collapse_spaces(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len() + 1);
    for (i, c) in text.char_indices() {
        map.resize(i, out.len());
        map.push(out.len());
        if !(c == ' ' && out.ends_with(' ')) {
            out.push(c);
        }
    }
    map.resize(text.len() + 1, out.len());
    (out, map)
}
