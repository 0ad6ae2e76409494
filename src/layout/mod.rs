//! Layout: the document as rows of wrapped text for one width.
//!
//! The document is a sequence of blocks (title, standfirst, byline, section headings,
//! paragraphs, notes). Each block is wrapped on its own, when first needed, and cached for
//! the current width; a Fenwick tree of block heights answers "first row of block N" and
//! "which block holds row R" in O(log n). Blocks not yet wrapped carry an estimated height,
//! so opening or resizing costs only what the visible rows need.

mod order;
mod prefix_sums;
pub mod wrap;

use std::ops::Range;

use unicode_width::UnicodeWidthStr;

use crate::document::{Document, ParagraphKind};
use prefix_sums::PrefixSums;

/// What a block of the reading pane shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Title,
    Dek,
    Byline,
    /// The argument's thesis, under the byline: empty (no rows) when the map has none.
    Thesis,
    Section(usize),
    Paragraph(usize),
    /// A horizontal rule (`Document::rules`).
    Rule(usize),
    /// Page furniture the loader hid (`Document::furniture`), while shown.
    Furniture(usize),
    NotesHeading,
    Note(usize),
}

/// A position in the laid-out document: a block and a row inside it. Positions are kept as
/// anchors rather than absolute rows so that a resize keeps the same text at the top.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Anchor {
    pub block: usize,
    pub row: u32,
}

/// Rows after each block: a blank line between paragraphs, none inside the header or
/// between the items of one list.
fn gap_after(doc: &Document, kind: BlockKind, next: Option<BlockKind>) -> u32 {
    let is_list_item = |kind| {
        matches!(kind, Some(BlockKind::Paragraph(p))
            if matches!(doc.paragraphs[p].kind, ParagraphKind::ListItem { .. }))
    };
    match kind {
        BlockKind::Title | BlockKind::Dek | BlockKind::NotesHeading => 0,
        // Set with the thesis (`Layout::set_thesis`).
        BlockKind::Thesis => 0,
        _ if is_list_item(Some(kind)) && is_list_item(next) => 0,
        _ => 1,
    }
}

/// Heading of the notes that follow the body.
pub const NOTES_HEADING: &str = "Notes";

#[derive(Debug, Clone)]
pub struct Layout {
    width: usize,
    blocks: Vec<BlockKind>,
    byline: String,
    /// What the thesis block shows ("Thesis (¶6): …"); empty when there is none.
    thesis: String,
    thesis_block: usize,
    paragraph_blocks: Vec<usize>,
    /// Blank rows after each block.
    gaps: Vec<u8>,
    wrapped: Vec<Option<Vec<Range<usize>>>>,
    heights: PrefixSums,
    /// Whether the page furniture the loader hid is laid out (dimmed) in place.
    furniture_shown: bool,
}

impl Layout {
    /// Lays out `doc` for a text column `width` columns wide. Nothing is wrapped yet.
    pub fn new(doc: &Document, width: usize) -> Self {
        Layout::with_furniture(doc, width, false)
    }

    /// [`Layout::new`], with the hidden page furniture shown in place if `furniture`.
    pub fn with_furniture(doc: &Document, width: usize, furniture: bool) -> Self {
        let mut blocks = Vec::with_capacity(doc.paragraphs.len() + doc.sections.len() + 4);
        if furniture {
            blocks.extend(order::furniture_above(doc));
        }
        let meta = &doc.meta;
        if meta.title.is_some() {
            blocks.push(BlockKind::Title);
        }
        if meta.dek.is_some() {
            blocks.push(BlockKind::Dek);
        }
        let byline = byline_text(doc);
        if !byline.is_empty() {
            blocks.push(BlockKind::Byline);
        }
        // Always there, so that block numbers stay put when the map (and its thesis)
        // changes; it has no rows while there is no thesis.
        let thesis_block = blocks.len();
        blocks.push(BlockKind::Thesis);
        let mut paragraph_blocks = Vec::with_capacity(doc.paragraphs.len());
        order::push_body(doc, 0, furniture, &mut blocks, &mut paragraph_blocks);
        if !doc.notes.is_empty() {
            blocks.push(BlockKind::NotesHeading);
            blocks.extend((0..doc.notes.len()).map(BlockKind::Note));
        }
        let gaps = (0..blocks.len())
            .map(|b| gap_after(doc, blocks[b], blocks.get(b + 1).copied()) as u8)
            .collect();
        let mut layout = Layout {
            gaps,
            width: width.max(1),
            wrapped: vec![None; blocks.len()],
            heights: PrefixSums::default(),
            blocks,
            byline,
            thesis: String::new(),
            thesis_block,
            paragraph_blocks,
            furniture_shown: furniture,
        };
        layout.estimate_heights(doc);
        layout
    }

    /// Whether the hidden page furniture is laid out.
    pub fn furniture_shown(&self) -> bool {
        self.furniture_shown
    }

    /// Lays the document out again with the hidden furniture shown or not; the width and
    /// the thesis stay. Block numbers change: callers re-anchor by paragraph.
    pub fn show_furniture(&mut self, doc: &Document, shown: bool) {
        if shown == self.furniture_shown {
            return;
        }
        let thesis = std::mem::take(&mut self.thesis);
        *self = Layout::with_furniture(doc, self.width, shown);
        self.set_thesis(doc, (!thesis.is_empty()).then_some(thesis));
    }

    /// Shows `thesis` (already labelled) under the byline, or nothing. Only the thesis
    /// block changes: block numbers, and so anchors, stay valid.
    pub fn set_thesis(&mut self, doc: &Document, thesis: Option<String>) {
        let thesis = thesis.unwrap_or_default();
        if thesis == self.thesis {
            return;
        }
        self.thesis = thesis;
        let block = self.thesis_block;
        self.gaps[block] = u8::from(!self.thesis.is_empty());
        self.wrapped[block] = None;
        let estimate = self.estimate(doc, block);
        self.heights.set(block, estimate);
    }

    /// The block of the thesis (empty when there is none).
    pub fn thesis_block(&self) -> usize {
        self.thesis_block
    }

    /// Takes in paragraphs (and sections, notes) appended to `doc` since the layout was
    /// made: their blocks go after the body so far; wrapped blocks stay wrapped.
    pub fn extend(&mut self, doc: &Document) {
        let old_paragraphs = self.paragraph_blocks.len();
        if old_paragraphs == doc.paragraphs.len() {
            return;
        }
        // Notes come after the body: take them off, add the new body, put them back.
        let body_end = self
            .blocks
            .iter()
            .position(|kind| *kind == BlockKind::NotesHeading)
            .unwrap_or(self.blocks.len());
        self.blocks.truncate(body_end);
        self.wrapped.truncate(body_end);
        order::push_body(
            doc,
            old_paragraphs,
            self.furniture_shown,
            &mut self.blocks,
            &mut self.paragraph_blocks,
        );
        if !doc.notes.is_empty() {
            self.blocks.push(BlockKind::NotesHeading);
            self.blocks
                .extend((0..doc.notes.len()).map(BlockKind::Note));
        }
        self.wrapped.resize(self.blocks.len(), None);
        // The block before the new ones may have lost or gained a list neighbour.
        let first_new = body_end.saturating_sub(1);
        for wrapped in &mut self.wrapped[first_new..] {
            *wrapped = None;
        }
        let thesis_gap = self.gaps[self.thesis_block];
        self.gaps = (0..self.blocks.len())
            .map(|b| gap_after(doc, self.blocks[b], self.blocks.get(b + 1).copied()) as u8)
            .collect();
        self.gaps[self.thesis_block] = thesis_gap;
        let heights: Vec<u32> = (0..self.blocks.len())
            .map(|b| {
                if b < first_new {
                    self.heights.get(b)
                } else {
                    self.estimate(doc, b)
                }
            })
            .collect();
        self.heights = PrefixSums::new(heights);
    }

    /// Changes the width: cached lines are dropped and re-wrapped as they are needed.
    pub fn set_width(&mut self, doc: &Document, width: usize) {
        let width = width.max(1);
        if width != self.width {
            self.width = width;
            self.wrapped.iter_mut().for_each(|w| *w = None);
            self.estimate_heights(doc);
        }
    }

    fn estimate_heights(&mut self, doc: &Document) {
        let estimates = (0..self.blocks.len())
            .map(|block| self.estimate(doc, block))
            .collect();
        self.heights = PrefixSums::new(estimates);
    }

    /// A block's height before it is wrapped: its length over the width.
    fn estimate(&self, doc: &Document, block: usize) -> u32 {
        let text = self.block_text(doc, block);
        if self.is_empty_block(block) {
            return 0;
        }
        let width = self.text_width(doc, block).max(1);
        let lines = if self.is_verbatim(doc, block) {
            text.lines().count().max(1)
        } else {
            text.len().div_ceil(width).max(1)
        };
        lines as u32 + u32::from(self.gaps[block])
    }

    pub fn width(&self) -> usize {
        self.width
    }

    pub fn block_count(&self) -> usize {
        self.blocks.len()
    }

    pub fn kind(&self, block: usize) -> BlockKind {
        self.blocks[block]
    }

    pub fn block_of_paragraph(&self, paragraph: usize) -> usize {
        self.paragraph_blocks[paragraph]
    }

    /// The block of a section heading (headings are few: a scan is fine).
    pub fn block_of_section(&self, section: usize) -> usize {
        self.blocks
            .iter()
            .position(|kind| *kind == BlockKind::Section(section))
            .unwrap_or(0)
    }

    /// The paragraph a block belongs to: itself, or for a heading the one after it.
    pub fn paragraph_at_or_after(&self, block: usize) -> Option<usize> {
        self.blocks[block..].iter().find_map(|kind| match kind {
            BlockKind::Paragraph(p) => Some(*p),
            _ => None,
        })
    }

    /// The text a block shows.
    pub fn block_text<'a>(&'a self, doc: &'a Document, block: usize) -> &'a str {
        match self.blocks[block] {
            BlockKind::Title => doc.meta.title.as_deref().unwrap_or_default(),
            BlockKind::Dek => doc.meta.dek.as_deref().unwrap_or_default(),
            BlockKind::Byline => &self.byline,
            BlockKind::Thesis => &self.thesis,
            BlockKind::Section(index) => &doc.sections[index].title,
            BlockKind::Paragraph(index) => doc.paragraph_text(index),
            BlockKind::Rule(_) => "",
            BlockKind::Furniture(index) => &doc.furniture[index].text,
            BlockKind::NotesHeading => NOTES_HEADING,
            BlockKind::Note(index) => &doc.notes[index],
        }
    }

    /// Columns a block's first line is indented by (quote bars, list markers); its text is
    /// wrapped to the width less this.
    pub fn indent(&self, doc: &Document, block: usize) -> usize {
        match self.blocks[block] {
            BlockKind::Paragraph(index) => match &doc.paragraphs[index].kind {
                ParagraphKind::Quote | ParagraphKind::Code | ParagraphKind::Table => 2,
                ParagraphKind::ListItem { marker, depth } => depth * 2 + marker.width() + 1,
                ParagraphKind::Body => 0,
            },
            _ => 0,
        }
    }

    fn text_width(&self, doc: &Document, block: usize) -> usize {
        self.width.saturating_sub(self.indent(doc, block)).max(1)
    }

    /// A block with no rows at all: the thesis block while there is no thesis.
    fn is_empty_block(&self, block: usize) -> bool {
        self.blocks[block] == BlockKind::Thesis && self.thesis.is_empty()
    }

    fn is_verbatim(&self, doc: &Document, block: usize) -> bool {
        matches!(self.blocks[block], BlockKind::Paragraph(i) if doc.paragraphs[i].kind.is_verbatim())
    }

    /// Wraps a block if it is not wrapped yet, fixing its height.
    pub fn ensure(&mut self, doc: &Document, block: usize) {
        if self.wrapped[block].is_some() {
            return;
        }
        let text = self.block_text(doc, block);
        let lines = if self.is_empty_block(block) {
            Vec::new()
        } else if self.is_verbatim(doc, block) {
            wrap::verbatim(text)
        } else {
            wrap::wrap(text, self.text_width(doc, block))
        };
        let height = lines.len() as u32 + u32::from(self.gaps[block]);
        self.heights.set(block, height);
        self.wrapped[block] = Some(lines);
    }

    /// Wraps every block (for exact totals; costs time proportional to the document).
    pub fn ensure_all(&mut self, doc: &Document) {
        for block in 0..self.blocks.len() {
            self.ensure(doc, block);
        }
    }

    /// The wrapped lines of a block, if it has been wrapped.
    pub fn lines(&self, block: usize) -> Option<&[Range<usize>]> {
        self.wrapped[block].as_deref()
    }

    /// Rows a block takes, its gap included (an estimate until it is wrapped).
    pub fn height(&self, block: usize) -> u32 {
        self.heights.get(block)
    }

    pub fn first_row(&self, block: usize) -> u64 {
        self.heights.prefix(block)
    }

    pub fn total_rows(&self) -> u64 {
        self.heights.total()
    }

    pub fn row_of(&self, anchor: Anchor) -> u64 {
        self.first_row(anchor.block) + u64::from(anchor.row)
    }

    /// The anchor of an absolute row (clamped to the last row).
    pub fn anchor_at(&self, row: u64) -> Anchor {
        match self.heights.find(row) {
            Some((block, row)) => Anchor { block, row },
            None => self.end(),
        }
    }

    /// The anchor just past the last row.
    pub fn end(&self) -> Anchor {
        Anchor {
            block: self.blocks.len(),
            row: 0,
        }
    }

    /// Moves `anchor` by `delta` rows, wrapping the blocks it passes. Stops at the first
    /// row and at the end.
    pub fn offset(&mut self, doc: &Document, anchor: Anchor, delta: i64) -> Anchor {
        let mut at = anchor;
        if delta >= 0 {
            let mut left = delta as u64;
            while at.block < self.blocks.len() {
                self.ensure(doc, at.block);
                let rest = u64::from(self.height(at.block).saturating_sub(at.row));
                if left < rest {
                    at.row += left as u32;
                    return at;
                }
                left -= rest;
                at = Anchor {
                    block: at.block + 1,
                    row: 0,
                };
            }
            self.end()
        } else {
            let mut left = delta.unsigned_abs();
            loop {
                if left <= u64::from(at.row) {
                    at.row -= left as u32;
                    return at;
                }
                if at.block == 0 {
                    return Anchor::default();
                }
                left -= u64::from(at.row);
                at.block -= 1;
                self.ensure(doc, at.block);
                at.row = self.height(at.block);
            }
        }
    }

    /// The top anchor that shows `anchor` first but never leaves blank rows below the
    /// end of the document when it could be filled: clamps to the last full page.
    pub fn clamp_top(&mut self, doc: &Document, anchor: Anchor, viewport_rows: u32) -> Anchor {
        let anchor = if anchor.block < self.blocks.len() {
            self.ensure(doc, anchor.block);
            Anchor {
                block: anchor.block,
                row: anchor.row.min(self.height(anchor.block).saturating_sub(1)),
            }
        } else {
            self.end()
        };
        let below = self.offset(doc, anchor, i64::from(viewport_rows));
        let top = if below == self.end() {
            let last_page = self.offset(doc, self.end(), -i64::from(viewport_rows));
            // The trailing gap row of the last block need not be shown.
            let last_page = self.offset(doc, last_page, -1).max(Anchor::default());
            last_page.min(anchor)
        } else {
            anchor
        };
        // Never a block without rows (an empty thesis): the first row after it instead.
        self.offset(doc, top, 0)
    }

    /// Wraps every block that intersects `rows` rows from `top` (what a frame will draw).
    pub fn ensure_rows(&mut self, doc: &Document, top: Anchor, rows: u32) {
        self.offset(doc, top, i64::from(rows));
    }
}

/// "By NAME · DATE", or whichever part the document has.
fn byline_text(doc: &Document) -> String {
    let byline = doc.meta.byline.as_deref().map(|b| format!("By {b}"));
    [byline.as_deref(), doc.meta.date.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Metadata;

    fn doc(paragraphs: usize) -> Document {
        let text = "word ".repeat(30);
        let meta = Metadata {
            title: Some("A Title".into()),
            ..Metadata::default()
        };
        Document::from_paragraphs(meta, &vec![text.trim().to_string(); paragraphs])
    }

    #[test]
    fn offset_walks_rows_across_blocks_and_stops_at_the_ends() {
        let doc = doc(5);
        let mut layout = Layout::new(&doc, 20);
        let top = Anchor::default();
        // Title (1 row, no gap), an empty thesis block (no rows), then paragraphs of 150
        // bytes at width 20: 8 lines + gap.
        let at = layout.offset(&doc, top, 1);
        assert_eq!(at, Anchor { block: 2, row: 0 });
        assert_eq!(layout.height(1), 0);
        assert_eq!(layout.height(2), 9);
        let at = layout.offset(&doc, at, 10);
        assert_eq!(at, Anchor { block: 3, row: 1 });
        assert_eq!(layout.offset(&doc, at, -100), Anchor::default());
        assert_eq!(layout.offset(&doc, at, 1000), layout.end());
    }

    #[test]
    fn clamp_top_keeps_the_last_page_full() {
        let doc = doc(5);
        let mut layout = Layout::new(&doc, 20);
        layout.ensure_all(&doc);
        let total = layout.total_rows();
        let last = layout.block_of_paragraph(4);
        let top = layout.clamp_top(
            &doc,
            Anchor {
                block: last,
                row: 0,
            },
            12,
        );
        // The last paragraph's gap row is not needed: its text ends at the bottom row.
        assert_eq!(layout.row_of(top), total - 1 - 12);
        let first = layout.block_of_paragraph(0);
        let top = layout.clamp_top(
            &doc,
            Anchor {
                block: first,
                row: 0,
            },
            12,
        );
        assert_eq!(
            top,
            Anchor {
                block: first,
                row: 0
            }
        );
    }

    #[test]
    fn a_resize_rewraps_lazily() {
        let doc = doc(3);
        let mut layout = Layout::new(&doc, 20);
        let first = layout.block_of_paragraph(0);
        layout.ensure(&doc, first);
        layout.set_width(&doc, 40);
        assert!(layout.lines(first).is_none());
        layout.ensure(&doc, first);
        assert_eq!(layout.lines(first).unwrap().len(), 4);
    }

    #[test]
    fn the_thesis_shows_under_the_header_without_moving_any_block() {
        let doc = doc(3);
        let mut layout = Layout::new(&doc, 20);
        layout.ensure_all(&doc);
        let blocks = layout.block_count();
        let thesis = layout.thesis_block();
        assert_eq!(layout.kind(thesis), BlockKind::Thesis);
        assert_eq!(layout.height(thesis), 0);
        let before = layout.total_rows();
        layout.set_thesis(&doc, Some("Thesis (¶1): word word word word word.".into()));
        layout.ensure(&doc, thesis);
        assert_eq!(layout.block_count(), blocks);
        assert_eq!(layout.block_of_paragraph(0), thesis + 1);
        // Two lines and a blank row before the first paragraph.
        assert_eq!(layout.height(thesis), 3);
        assert_eq!(layout.total_rows(), before + 3);
        layout.set_thesis(&doc, None);
        layout.ensure(&doc, thesis);
        assert_eq!(layout.total_rows(), before);
    }
}

#[cfg(test)]
mod extend_tests {
    use super::*;
    use crate::document::Metadata;

    #[test]
    fn extending_matches_a_fresh_layout_of_the_whole_document() {
        let text = "word ".repeat(30);
        let mut doc = Document::from_paragraphs(Metadata::default(), &[text.trim(); 3]);
        let mut layout = Layout::new(&doc, 20);
        layout.ensure_all(&doc);
        let mut part = Document::from_paragraphs(Metadata::default(), &[text.trim(); 2]);
        part.notes = vec!["A note.".into()];
        doc.append(part);
        layout.extend(&doc);
        layout.ensure_all(&doc);
        let mut fresh = Layout::new(&doc, 20);
        fresh.ensure_all(&doc);
        assert_eq!(layout.blocks, fresh.blocks);
        assert_eq!(layout.total_rows(), fresh.total_rows());
        assert_eq!(layout.block_of_paragraph(4), fresh.block_of_paragraph(4));
    }
}
