//! The document model: the article's metadata and its body as paragraphs of sentences.
//!
//! The body text is held once, in `Document::text`; paragraphs and sentences are byte
//! ranges into it, so a large document is not copied per paragraph.

pub mod language;
mod sentence_ranges;
pub mod sentences;

pub use sentence_ranges::SentenceRanges;

use std::ops::Range;

/// Title, standfirst, byline and date, as found by a loader.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    pub title: Option<String>,
    /// The standfirst (dek): the one-sentence summary under the title.
    pub dek: Option<String>,
    pub byline: Option<String>,
    pub date: Option<String>,
}

/// What kind of body block a paragraph is; decides how it is laid out and shown.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum ParagraphKind {
    #[default]
    Body,
    /// A block quote (indented in the reading pane).
    Quote,
    /// A list item with its marker ("•", "1.").
    ListItem { marker: String, depth: usize },
    /// Preformatted text: kept verbatim, never wrapped.
    Code,
    /// A table drawn as an aligned grid (one line per row): verbatim, like code.
    Table,
}

impl ParagraphKind {
    /// Code and tables: lines kept as they are, never wrapped, scrolled sideways.
    pub fn is_verbatim(&self) -> bool {
        matches!(self, ParagraphKind::Code | ParagraphKind::Table)
    }

    /// The kind of a paragraph opened inside `lists` nested lists (a further paragraph of
    /// an item: indented, without a marker) or inside a block quote.
    pub fn in_context(lists: usize, quote_depth: usize) -> ParagraphKind {
        if lists > 0 {
            ParagraphKind::ListItem {
                marker: String::new(),
                depth: lists - 1,
            }
        } else if quote_depth > 0 {
            ParagraphKind::Quote
        } else {
            ParagraphKind::Body
        }
    }
}

/// Inline emphasis inside a paragraph (Markdown and HTML loaders produce these).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InlineStyle {
    Emphasis,
    Strong,
    Code,
    Link,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StyledSpan {
    /// Byte range relative to the paragraph's text.
    pub range: Range<usize>,
    pub style: InlineStyle,
}

/// One body paragraph: a range of `Document::text` and its sentences.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Paragraph {
    pub kind: ParagraphKind,
    /// Byte range into `Document::text`.
    pub range: Range<usize>,
    /// Sentence byte ranges relative to the paragraph's text, in order, non-overlapping.
    pub sentences: SentenceRanges,
    pub spans: Vec<StyledSpan>,
}

/// A section heading, shown before paragraph `first_paragraph`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub title: String,
    /// 1 for a top-level heading, 2 for a sub-heading, …
    pub level: u8,
    /// Index of the first paragraph of the section (may equal `paragraphs.len()` for an
    /// empty trailing section).
    pub first_paragraph: usize,
}

/// A link target (Markdown or HTML): the linked text is shown as a [`InlineStyle::Link`]
/// span; the target is kept here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub paragraph: usize,
    /// Byte range of the linked text, relative to the paragraph's text.
    pub range: Range<usize>,
    pub target: String,
}

/// A block the plain-text loader took for page furniture (a menu, a share bar, a rights
/// notice): not part of the body, but kept so the reader can show it in place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Furniture {
    /// The body paragraph it stood before (`paragraphs.len()`: after the body); `None`
    /// above the header.
    pub before: Option<usize>,
    pub text: String,
}

/// Where a sentence is: paragraph index and sentence index within it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub struct SentenceRef {
    pub paragraph: usize,
    pub sentence: usize,
}

/// A loaded article.
#[derive(Debug, Clone, Default)]
pub struct Document {
    pub meta: Metadata,
    text: String,
    pub paragraphs: Vec<Paragraph>,
    pub sections: Vec<Section>,
    /// Trailing notes that are not part of the argument (e.g. "The author is …").
    pub notes: Vec<String>,
    /// Link targets of the Markdown and HTML loaders, in reading order.
    pub links: Vec<Link>,
    /// Horizontal rules (Markdown `---`, HTML `<hr>`): the paragraph each stands before
    /// (`paragraphs.len()` after the last), in order.
    pub rules: Vec<usize>,
    /// Page furniture the loader hid, in reading order.
    pub furniture: Vec<Furniture>,
    /// For a later part of a streamed file that was cut inside a paragraph (a paragraph
    /// longer than a part): what joins its first paragraph to the previous part's last
    /// one (`" "` after a cut at a space, `""` after a cut between characters).
    pub joins_previous: Option<&'static str>,
    /// The last paragraph goes on in a part of the file not loaded yet.
    pub last_paragraph_continues: bool,
}

impl Document {
    /// Starts an empty document; paragraphs are appended with [`Document::push_paragraph`].
    pub fn new(meta: Metadata) -> Self {
        Document {
            meta,
            ..Document::default()
        }
    }

    /// Appends a paragraph, splitting it into sentences. Empty text is ignored.
    pub fn push_paragraph(&mut self, kind: ParagraphKind, text: &str, spans: Vec<StyledSpan>) {
        if text.trim().is_empty() {
            return;
        }
        let start = self.text.len();
        self.text.push_str(text);
        let sentences = if kind.is_verbatim() {
            vec![0..text.len()]
        } else {
            sentences::split(text)
        }
        .into();
        self.paragraphs.push(Paragraph {
            kind,
            range: start..self.text.len(),
            sentences,
            spans,
        });
    }

    /// Appends a horizontal rule before the next paragraph.
    pub fn push_rule(&mut self) {
        self.rules.push(self.paragraphs.len());
    }

    /// Appends a section heading before the next paragraph.
    pub fn push_section(&mut self, title: &str, level: u8) {
        self.sections.push(Section {
            title: title.to_string(),
            level,
            first_paragraph: self.paragraphs.len(),
        });
    }

    /// Appends the paragraphs, sections, links and notes of a later part of the same
    /// article (streamed loading). The part's metadata is ignored; its notes, if any,
    /// replace these (notes follow the body, so only the last part has them).
    ///
    /// A part that [`Document::joins_previous`] continues the last paragraph: its first
    /// paragraph is joined to it, and the sentences from the last one on are split again,
    /// so the paragraph is the same as if the file had been loaded whole.
    pub fn append(&mut self, part: Document) {
        let joiner = part.joins_previous.filter(|_| {
            let last = self.paragraphs.last();
            last.is_some_and(|p| p.kind == ParagraphKind::Body && p.range.end == self.text.len())
                && part
                    .paragraphs
                    .first()
                    .is_some_and(|p| p.kind == ParagraphKind::Body && p.range.start == 0)
        });
        if let Some(joiner) = joiner {
            self.text.push_str(joiner);
        }
        let text_offset = self.text.len();
        // Paragraph `i` of the part becomes paragraph `i + paragraph_offset`.
        let paragraph_offset = self.paragraphs.len() - usize::from(joiner.is_some());
        self.text.push_str(&part.text);
        let mut paragraphs = part.paragraphs.into_iter();
        if joiner.is_some()
            && let (Some(last), Some(first)) = (self.paragraphs.last_mut(), paragraphs.next())
        {
            let shift = text_offset - last.range.start;
            last.range.end = text_offset + first.range.end;
            last.spans.extend(first.spans.into_iter().map(|mut span| {
                span.range = span.range.start + shift..span.range.end + shift;
                span
            }));
            // The last sentence may go on in the part: split again from where it starts
            // (a sentence start of the whole text too: the scanner starts afresh there).
            let kept = last.sentences.len().saturating_sub(1);
            let from = last.sentences.last().map_or(0, |s| s.start);
            let tail = &self.text[last.range.start + from..last.range.end];
            last.sentences.replace_from(
                kept,
                sentences::split(tail)
                    .into_iter()
                    .map(|s| s.start + from..s.end + from),
            );
        }
        self.paragraphs.extend(paragraphs.map(|mut p| {
            p.range = p.range.start + text_offset..p.range.end + text_offset;
            p
        }));
        self.sections.extend(part.sections.into_iter().map(|mut s| {
            s.first_paragraph += paragraph_offset;
            s
        }));
        self.links.extend(part.links.into_iter().map(|mut l| {
            if l.paragraph == 0 && joiner.is_some() {
                let start = self.paragraphs[paragraph_offset].range.start;
                let shift = text_offset - start;
                l.range = l.range.start + shift..l.range.end + shift;
            }
            l.paragraph += paragraph_offset;
            l
        }));
        self.rules
            .extend(part.rules.into_iter().map(|r| r + paragraph_offset));
        // Furniture above a later part's "header" is still inside the body.
        self.furniture
            .extend(part.furniture.into_iter().map(|mut f| {
                f.before = Some(f.before.unwrap_or(0) + paragraph_offset);
                f
            }));
        if !part.notes.is_empty() {
            self.notes = part.notes;
        }
        self.last_paragraph_continues = part.last_paragraph_continues;
    }

    /// Builds a document of plain body paragraphs (used by tests and simple loaders).
    pub fn from_paragraphs<S: AsRef<str>>(meta: Metadata, paragraphs: &[S]) -> Self {
        let mut doc = Document::new(meta);
        for p in paragraphs {
            doc.push_paragraph(ParagraphKind::Body, p.as_ref(), Vec::new());
        }
        doc
    }

    pub fn paragraph_text(&self, index: usize) -> &str {
        &self.text[self.paragraphs[index].range.clone()]
    }

    pub fn sentence_text(&self, at: SentenceRef) -> &str {
        let paragraph = &self.paragraphs[at.paragraph];
        let text = &self.text[paragraph.range.clone()];
        &text[paragraph.sentences.range(at.sentence)]
    }

    /// Whether `at` names an existing sentence.
    pub fn contains(&self, at: SentenceRef) -> bool {
        self.paragraphs
            .get(at.paragraph)
            .is_some_and(|p| at.sentence < p.sentences.len())
    }

    /// Every sentence in reading order.
    pub fn sentence_refs(&self) -> impl Iterator<Item = SentenceRef> + '_ {
        self.paragraphs
            .iter()
            .enumerate()
            .flat_map(|(paragraph, p)| {
                (0..p.sentences.len()).map(move |sentence| SentenceRef {
                    paragraph,
                    sentence,
                })
            })
    }

    /// The whole body text (paragraphs concatenated without separators).
    pub fn text(&self) -> &str {
        &self.text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appending_a_part_shifts_its_ranges_and_sections() {
        let mut doc = Document::from_paragraphs(Metadata::default(), &["One. Two.", "Three."]);
        let mut part = Document::new(Metadata::default());
        part.push_section("Later", 2);
        part.push_paragraph(ParagraphKind::Body, "Four. Five.", Vec::new());
        part.notes = vec!["A note.".into()];
        doc.append(part);
        assert_eq!(doc.paragraphs.len(), 3);
        assert_eq!(doc.paragraph_text(2), "Four. Five.");
        assert_eq!(
            doc.sentence_text(SentenceRef {
                paragraph: 2,
                sentence: 1
            }),
            "Five."
        );
        assert_eq!(doc.sections[0].first_paragraph, 2);
        assert_eq!(doc.notes, ["A note."]);
    }
}
