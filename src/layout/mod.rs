//! Layout: the document as rows of wrapped text for one width.
//!
//! The document is a sequence of blocks (title, standfirst, byline, section headings,
//! paragraphs, notes). Each block is wrapped on its own, when first needed, and cached for
//! the current width; a Fenwick tree of block heights answers "first row of block N" and
//! "which block holds row R" in O(log n). Blocks not yet wrapped carry an estimated height,
//! so opening or resizing costs only what the visible rows need. A block of many screens
//! is wrapped in chunks the same way (`chunks`): jumping into the middle of a paragraph of
//! 100 MB wraps a few kilobytes of it.

pub mod chunks;
mod order;
mod prefix_sums;
pub mod wrap;

use std::ops::Range;

use unicode_width::UnicodeWidthStr;

use crate::document::{Document, ParagraphKind, SentenceRanges};
use chunks::Chunks;
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

/// A block's wrapped lines: all at once, or chunk by chunk for a long block.
#[derive(Debug, Clone)]
enum Wrapped {
    Whole(Vec<Range<usize>>),
    Chunked(Box<Chunks>),
}

/// A place in the layout that stays put while chunk heights are corrected: a block, a
/// piece of it (the whole block, or one chunk) and a row inside that piece.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Place {
    block: usize,
    piece: usize,
    row: u32,
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
    wrapped: Vec<Option<Wrapped>>,
    heights: PrefixSums,
    /// Whether the page furniture the loader hid is laid out (dimmed) in place.
    furniture_shown: bool,
    /// Bytes of body text laid out (to see the last paragraph grow while streaming).
    text_len: usize,
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
            text_len: doc.text().len(),
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
        if old_paragraphs == doc.paragraphs.len() && self.text_len == doc.text().len() {
            return;
        }
        self.text_len = doc.text().len();
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
        // The block before the new ones may have lost or gained a list neighbour, and
        // grown (a paragraph continued by the new part).
        let first_new = body_end.saturating_sub(1);
        for wrapped in &mut self.wrapped[first_new + 1..] {
            *wrapped = None;
        }
        let thesis_gap = self.gaps[self.thesis_block];
        self.gaps = (0..self.blocks.len())
            .map(|b| gap_after(doc, self.blocks[b], self.blocks.get(b + 1).copied()) as u8)
            .collect();
        self.gaps[self.thesis_block] = thesis_gap;
        if first_new < self.blocks.len() {
            self.regrow(doc, first_new);
        }
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
            for block in 0..self.blocks.len() {
                self.wrapped[block] = match self.wrapped[block].take() {
                    // Chunk bounds do not depend on the width: keep them.
                    Some(Wrapped::Chunked(chunks)) => {
                        let (gap, estimate) = self.chunk_estimate(doc, block);
                        Some(Wrapped::Chunked(Box::new(chunks.reset(gap, estimate))))
                    }
                    _ => None,
                };
            }
            self.estimate_heights(doc);
        }
    }

    /// Changes the width and returns where `anchor` is at the new one: the same block,
    /// and the same share of its chunk (of the block, when it is not chunked), so the
    /// text at the top stays there.
    pub fn set_width_keeping(&mut self, doc: &Document, width: usize, anchor: Anchor) -> Anchor {
        if anchor.block >= self.blocks.len() {
            self.set_width(doc, width);
            return self.end();
        }
        let place = self.place(doc, anchor);
        let share = f64::from(place.row) / f64::from(self.piece_rows(place).max(1));
        self.set_width(doc, width);
        let mut place = Place { row: 0, ..place };
        self.settle(doc, &mut place);
        place.row = (share * f64::from(self.piece_rows(place))) as u32;
        self.anchor_of(place)
    }

    /// Takes in that block `block`'s text may have grown: its chunks that cover the same
    /// bytes keep their lines (so a view inside them stays put), the rest is estimated.
    fn regrow(&mut self, doc: &Document, block: usize) {
        self.wrapped[block] = match self.wrapped[block].take() {
            Some(Wrapped::Chunked(chunks)) if self.is_chunked(doc, block) => {
                let bounds = self.chunk_bounds(doc, block);
                let (gap, estimate) = self.chunk_estimate(doc, block);
                Some(Wrapped::Chunked(Box::new(
                    chunks.regrown(bounds, gap, estimate),
                )))
            }
            _ => None,
        };
    }

    fn estimate_heights(&mut self, doc: &Document) {
        let estimates = (0..self.blocks.len())
            .map(|block| self.estimate(doc, block))
            .collect();
        self.heights = PrefixSums::new(estimates);
    }

    /// A block's height before it is wrapped: its length over the width (for a chunked
    /// block, the sum of its chunks' estimates or wrapped heights).
    fn estimate(&self, doc: &Document, block: usize) -> u32 {
        if let Some(Wrapped::Chunked(chunks)) = &self.wrapped[block] {
            return chunks.total();
        }
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

    /// The text of a block that the document holds (not the byline or the thesis).
    fn doc_text<'d>(&self, doc: &'d Document, block: usize) -> &'d str {
        match self.blocks[block] {
            BlockKind::Title => doc.meta.title.as_deref().unwrap_or_default(),
            BlockKind::Dek => doc.meta.dek.as_deref().unwrap_or_default(),
            BlockKind::Section(index) => &doc.sections[index].title,
            BlockKind::Paragraph(index) => doc.paragraph_text(index),
            BlockKind::Furniture(index) => &doc.furniture[index].text,
            BlockKind::NotesHeading => NOTES_HEADING,
            BlockKind::Note(index) => &doc.notes[index],
            BlockKind::Byline | BlockKind::Thesis | BlockKind::Rule(_) => "",
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

    /// Whether block `block` is wrapped in chunks: a long paragraph (not verbatim), or
    /// the last one while it goes on in parts of the file not loaded yet (it is long).
    fn is_chunked(&self, doc: &Document, block: usize) -> bool {
        let len = self.block_text(doc, block).len();
        let still_loading = doc.last_paragraph_continues
            && doc
                .paragraphs
                .len()
                .checked_sub(1)
                .map(BlockKind::Paragraph)
                == Some(self.blocks[block])
            && len > chunks::FIRST_CHUNK + chunks::FIRST_CHUNK / 2;
        !self.is_verbatim(doc, block) && (len > chunks::CHUNKED_ABOVE || still_loading)
    }

    fn chunk_bounds(&self, doc: &Document, block: usize) -> Vec<usize> {
        let none = SentenceRanges::default();
        let sentences = match self.blocks[block] {
            BlockKind::Paragraph(p) => &doc.paragraphs[p].sentences,
            _ => &none,
        };
        chunks::bounds(self.block_text(doc, block), sentences)
    }

    /// The gap after block `block` and the row estimate of its chunks by byte length.
    fn chunk_estimate(&self, doc: &Document, block: usize) -> (u32, impl Fn(usize) -> u32 + use<>) {
        let width = self.text_width(doc, block).max(1);
        let gap = u32::from(self.gaps[block]);
        (gap, move |bytes: usize| bytes.div_ceil(width).max(1) as u32)
    }

    /// Prepares a block for reading: wraps a short block whole; cuts a long one into
    /// chunks (none wrapped yet). Fixes or re-estimates its height.
    fn prepare(&mut self, doc: &Document, block: usize) {
        if self.wrapped[block].is_some() {
            return;
        }
        if self.is_chunked(doc, block) {
            let bounds = self.chunk_bounds(doc, block);
            let (gap, estimate) = self.chunk_estimate(doc, block);
            let chunks = Chunks::new(bounds, gap, estimate);
            self.heights.set(block, chunks.total());
            self.wrapped[block] = Some(Wrapped::Chunked(Box::new(chunks)));
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
        self.wrapped[block] = Some(Wrapped::Whole(lines));
    }

    /// Wraps a block whole (every chunk of a long one) if it is not wrapped yet, fixing
    /// its height. Costs time proportional to the block: reading wraps only what it shows.
    pub fn ensure(&mut self, doc: &Document, block: usize) {
        self.prepare(doc, block);
        if let Some(Wrapped::Chunked(chunks)) = &self.wrapped[block] {
            for chunk in 0..chunks.count() {
                self.wrap_chunk(doc, block, chunk);
            }
        }
    }

    /// Wraps chunk `chunk` of block `block` (already cut into chunks), fixing its rows.
    fn wrap_chunk(&mut self, doc: &Document, block: usize, chunk: usize) {
        let width = self.text_width(doc, block);
        // The byline and the thesis are the layout's own text: copied (they are short).
        let own;
        let text = match self.blocks[block] {
            BlockKind::Byline | BlockKind::Thesis => {
                own = self.block_text(doc, block).to_string();
                own.as_str()
            }
            _ => self.doc_text(doc, block),
        };
        let Some(Wrapped::Chunked(chunks)) = &mut self.wrapped[block] else {
            return;
        };
        if chunks.is_wrapped(chunk) {
            return;
        }
        chunks.wrap(text, chunk, width);
        let total = chunks.total();
        self.heights.set(block, total);
    }

    /// Wraps every block (for exact totals; costs time proportional to the document).
    pub fn ensure_all(&mut self, doc: &Document) {
        for block in 0..self.blocks.len() {
            self.ensure(doc, block);
        }
    }

    /// The line drawn at row `row` of block `block`: `None` in the blank rows after it,
    /// and where it is not wrapped yet.
    pub fn line(&self, block: usize, row: u32) -> Option<Range<usize>> {
        match self.wrapped[block].as_ref()? {
            Wrapped::Whole(lines) => lines.get(row as usize).cloned(),
            Wrapped::Chunked(chunks) => chunks.line(row),
        }
    }

    /// Every wrapped line of a block, once all of it is wrapped (see [`Layout::ensure`]).
    pub fn block_lines(&self, block: usize) -> Option<Vec<Range<usize>>> {
        match self.wrapped[block].as_ref()? {
            Wrapped::Whole(lines) => Some(lines.clone()),
            Wrapped::Chunked(chunks) => chunks.all_lines(),
        }
    }

    /// How many chunks block `block` is wrapped in (1 when it is wrapped whole), and how
    /// many of them are wrapped.
    pub fn chunk_counts(&self, block: usize) -> (usize, usize) {
        match &self.wrapped[block] {
            None => (1, 0),
            Some(Wrapped::Whole(_)) => (1, 1),
            Some(Wrapped::Chunked(chunks)) => (
                chunks.count(),
                (0..chunks.count())
                    .filter(|&c| chunks.is_wrapped(c))
                    .count(),
            ),
        }
    }

    /// The row of block `block` whose line holds byte `offset` of its text, wrapping only
    /// what that needs (the chunk holding it, for a chunked block).
    pub fn row_of_offset(&mut self, doc: &Document, block: usize, offset: usize) -> u32 {
        self.prepare(doc, block);
        match &self.wrapped[block] {
            Some(Wrapped::Chunked(chunks)) => {
                let chunk = chunks.chunk_of_offset(offset);
                self.wrap_chunk(doc, block, chunk);
                let Some(Wrapped::Chunked(chunks)) = &self.wrapped[block] else {
                    return 0;
                };
                chunks.first_row(chunk) + chunks.line_in_chunk(chunk, offset)
            }
            Some(Wrapped::Whole(lines)) => lines
                .partition_point(|l| l.start <= offset)
                .saturating_sub(1) as u32,
            None => 0,
        }
    }

    /// The place of `anchor` (a block of the layout): its piece is made ready, and a row
    /// past the block's end is taken as its last row.
    fn place(&mut self, doc: &Document, anchor: Anchor) -> Place {
        self.prepare(doc, anchor.block);
        match &self.wrapped[anchor.block] {
            Some(Wrapped::Chunked(chunks)) => {
                let (piece, row) = chunks.find(anchor.row);
                let mut place = Place {
                    block: anchor.block,
                    piece,
                    row,
                };
                self.settle(doc, &mut place);
                place
            }
            _ => Place {
                block: anchor.block,
                piece: 0,
                row: anchor.row.min(self.height(anchor.block).saturating_sub(1)),
            },
        }
    }

    /// The anchor of a place, at the current heights.
    fn anchor_of(&self, place: Place) -> Anchor {
        let before = match &self.wrapped[place.block] {
            Some(Wrapped::Chunked(chunks)) => chunks.first_row(place.piece),
            _ => 0,
        };
        Anchor {
            block: place.block,
            row: before + place.row,
        }
    }

    /// Pieces of a block: its chunks, or the block as one piece.
    fn pieces(&self, block: usize) -> usize {
        match &self.wrapped[block] {
            Some(Wrapped::Chunked(chunks)) => chunks.count(),
            _ => 1,
        }
    }

    /// Rows of a place's piece (a chunk's, or the block's), blank rows included.
    fn piece_rows(&self, place: Place) -> u32 {
        match &self.wrapped[place.block] {
            Some(Wrapped::Chunked(chunks)) => chunks.rows(place.piece),
            _ => self.height(place.block),
        }
    }

    /// Wraps a place's piece, keeping its row inside the piece's new rows.
    fn settle(&mut self, doc: &Document, place: &mut Place) {
        self.prepare(doc, place.block);
        if matches!(self.wrapped[place.block], Some(Wrapped::Chunked(_))) {
            self.wrap_chunk(doc, place.block, place.piece);
        }
        place.row = place.row.min(self.piece_rows(*place).saturating_sub(1));
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

    /// Moves `anchor` by `delta` rows, wrapping the blocks (or chunks) it passes. Stops
    /// at the first row and at the end.
    pub fn offset(&mut self, doc: &Document, anchor: Anchor, delta: i64) -> Anchor {
        match self.offset_place(doc, anchor, delta) {
            Some(place) => self.anchor_of(place),
            None if delta >= 0 => self.end(),
            None => Anchor::default(),
        }
    }

    /// [`Layout::offset`] as a place; `None` at the end (forward) or the start (backward).
    fn offset_place(&mut self, doc: &Document, anchor: Anchor, delta: i64) -> Option<Place> {
        let blocks = self.blocks.len();
        if delta >= 0 {
            if anchor.block >= blocks {
                return None;
            }
            let mut left = delta as u64;
            let mut at = self.place(doc, anchor);
            loop {
                self.settle(doc, &mut at);
                let rest = u64::from(self.piece_rows(at).saturating_sub(at.row));
                if left < rest {
                    at.row += left as u32;
                    return Some(at);
                }
                left -= rest;
                at = if at.piece + 1 < self.pieces(at.block) {
                    Place {
                        piece: at.piece + 1,
                        row: 0,
                        ..at
                    }
                } else if at.block + 1 < blocks {
                    self.prepare(doc, at.block + 1);
                    Place {
                        block: at.block + 1,
                        piece: 0,
                        row: 0,
                    }
                } else {
                    return None;
                };
            }
        } else {
            let mut left = delta.unsigned_abs();
            let mut at = if anchor.block >= blocks {
                // Just past the end: the end of the last piece.
                let block = blocks.checked_sub(1)?;
                self.piece_end(doc, block, None)
            } else {
                self.place(doc, anchor)
            };
            loop {
                if left <= u64::from(at.row) {
                    at.row -= left as u32;
                    return Some(at);
                }
                left -= u64::from(at.row);
                at = if at.piece > 0 {
                    self.piece_end(doc, at.block, Some(at.piece - 1))
                } else if at.block > 0 {
                    self.piece_end(doc, at.block - 1, None)
                } else {
                    return Some(Place { row: 0, ..at });
                };
            }
        }
    }

    /// Just past the last row of piece `piece` of `block` (its last piece when `None`),
    /// the piece wrapped.
    fn piece_end(&mut self, doc: &Document, block: usize, piece: Option<usize>) -> Place {
        self.prepare(doc, block);
        let piece = piece.unwrap_or_else(|| self.pieces(block) - 1);
        let mut place = Place {
            block,
            piece,
            row: 0,
        };
        self.settle(doc, &mut place);
        place.row = self.piece_rows(place);
        place
    }

    /// The top anchor that shows `anchor` first but never leaves blank rows below the
    /// end of the document when it could be filled: clamps to the last full page.
    pub fn clamp_top(&mut self, doc: &Document, anchor: Anchor, viewport_rows: u32) -> Anchor {
        let place = (anchor.block < self.blocks.len()).then(|| self.place(doc, anchor));
        let anchor_now = |layout: &Self| place.map_or(layout.end(), |p| layout.anchor_of(p));
        let below = self.offset(doc, anchor_now(self), i64::from(viewport_rows));
        let top = if below == self.end() {
            let last_page = self.offset(doc, self.end(), -i64::from(viewport_rows));
            // The trailing gap row of the last block need not be shown.
            let last_page = self.offset(doc, last_page, -1).max(Anchor::default());
            // Wrapping near the end may have moved rows of the anchor's block.
            last_page.min(anchor_now(self))
        } else {
            anchor_now(self)
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
        assert!(layout.block_lines(first).is_none());
        layout.ensure(&doc, first);
        assert_eq!(layout.block_lines(first).unwrap().len(), 4);
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
