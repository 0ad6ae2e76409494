//! A block too long to wrap at once (a paragraph of many screens: text exported without
//! blank lines, a transcript pasted as one block) is cut into chunks that are wrapped one
//! at a time, when first shown.
//!
//! Chunks are byte ranges of the block's text, cut at sentence starts (else after a space,
//! else between characters), and do not depend on the width: a resize re-wraps only the
//! chunks on screen. Each chunk starts a line of its own, so a chunk's lines are those of
//! wrapping the block whole with a line break at every chunk start (a sentence start, one
//! every few kilobytes). Chunks not yet wrapped carry an estimated row count, corrected
//! when they are wrapped; a Fenwick tree of row counts finds the chunk of a row.

use std::ops::Range;

use unicode_width::UnicodeWidthChar;

use super::prefix_sums::PrefixSums;
use super::wrap;
use crate::document::SentenceRanges;

/// Blocks longer than this (in bytes: about five screens of a 78-column text) are chunked.
pub const CHUNKED_ABOVE: usize = 16 << 10;
/// Bytes a chunk aims at: about a hundred lines of 78 columns, wrapped in less than a
/// millisecond.
pub const CHUNK: usize = 8 << 10;
/// Bytes the first chunk aims at: a large screen's worth (55 lines of 78 columns), so the
/// first frame of a file that opens with a long paragraph wraps no more than that.
pub const FIRST_CHUNK: usize = 4 << 10;

/// The chunks of one block and their wrapped lines.
#[derive(Debug, Clone)]
pub struct Chunks {
    /// Where each chunk starts in the block's text, then the text's length.
    bounds: Vec<usize>,
    /// Each chunk's lines (byte ranges of the block's text), once wrapped.
    lines: Vec<Option<Vec<Range<usize>>>>,
    /// Rows of each chunk, estimated until it is wrapped; the last chunk's include the
    /// blank rows after the block.
    rows: PrefixSums,
    gap: u32,
}

/// Where chunks start in `text` (a block's text), given its sentences (byte ranges, in
/// order; empty for blocks without sentences), then `text.len()`.
pub fn bounds(text: &str, sentences: &SentenceRanges) -> Vec<usize> {
    let mut bounds = vec![0];
    let mut start = 0;
    let mut size = FIRST_CHUNK;
    // The last chunk takes up to one and a half chunks rather than leave a sliver.
    while text.len() - start > size + size / 2 {
        let next = cut_after(text, sentences, start, size);
        size = CHUNK;
        if next >= text.len() {
            break;
        }
        bounds.push(next);
        start = next;
    }
    bounds.push(text.len());
    bounds
}

/// The start of the chunk after the one starting at `start`: the first sentence start at
/// least `size` bytes on, else the first word after that point, else the first character
/// (never inside a sequence of combining marks), within twice `size`.
fn cut_after(text: &str, sentences: &SentenceRanges, start: usize, size: usize) -> usize {
    let target = start + size;
    let limit = (start + 2 * size).min(text.len());
    let next_sentence = sentences.partition_point(|s| s.start < target);
    if let Some(sentence) = sentences.get(next_sentence)
        && sentence.start <= limit
    {
        return sentence.start;
    }
    let bytes = text.as_bytes();
    if let Some(space) = bytes[target..limit]
        .iter()
        .position(|b| b.is_ascii_whitespace())
    {
        let after = target + space;
        let word = bytes[after..limit]
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .map_or(limit, |w| after + w);
        if word < limit {
            return word;
        }
    }
    let mut at = target;
    while !text.is_char_boundary(at) {
        at += 1;
    }
    // Combining marks and joiners stay with the character before them.
    while let Some(c) = text[at..].chars().next() {
        if c.width() != Some(0) || at >= limit {
            break;
        }
        at += c.len_utf8();
    }
    at
}

impl Chunks {
    /// Chunks at `bounds`, none wrapped yet, with rows estimated by `estimate` (from a
    /// chunk's byte length).
    pub fn new(bounds: Vec<usize>, gap: u32, estimate: impl Fn(usize) -> u32) -> Self {
        let count = bounds.len() - 1;
        let mut rows: Vec<u32> = bounds.windows(2).map(|b| estimate(b[1] - b[0])).collect();
        if let Some(last) = rows.last_mut() {
            *last += gap;
        }
        Chunks {
            bounds,
            lines: vec![None; count],
            rows: PrefixSums::new(rows),
            gap,
        }
    }

    /// The same chunks for a new width or gap: none wrapped, rows estimated again.
    pub fn reset(self, gap: u32, estimate: impl Fn(usize) -> u32) -> Self {
        Chunks::new(self.bounds, gap, estimate)
    }

    /// Chunks at `bounds` (of a text that grew), keeping the lines of every chunk that
    /// covers the same bytes as one of `self`'s.
    pub fn regrown(
        mut self,
        bounds: Vec<usize>,
        gap: u32,
        estimate: impl Fn(usize) -> u32,
    ) -> Self {
        let mut grown = Chunks::new(bounds, gap, estimate);
        let mut old = 0;
        for new in 0..grown.count() {
            let range = grown.range(new);
            while old < self.count() && self.bounds[old] < range.start {
                old += 1;
            }
            if old < self.count()
                && self.range(old) == range
                && let Some(lines) = self.lines[old].take()
            {
                grown.set_lines(new, lines);
            }
        }
        grown
    }

    pub fn count(&self) -> usize {
        self.lines.len()
    }

    /// The byte range of chunk `chunk` in the block's text.
    pub fn range(&self, chunk: usize) -> Range<usize> {
        self.bounds[chunk]..self.bounds[chunk + 1]
    }

    /// Rows of all chunks, the gap included.
    pub fn total(&self) -> u32 {
        self.rows.total() as u32
    }

    /// Rows of chunk `chunk` (the last one's include the gap).
    pub fn rows(&self, chunk: usize) -> u32 {
        self.rows.get(chunk)
    }

    /// The block row chunk `chunk` starts at.
    pub fn first_row(&self, chunk: usize) -> u32 {
        self.rows.prefix(chunk) as u32
    }

    /// The chunk holding block row `row` and the row inside it; past the end, the last
    /// chunk's last row.
    pub fn find(&self, row: u32) -> (usize, u32) {
        self.rows.find(u64::from(row)).unwrap_or_else(|| {
            let last = self.count() - 1;
            (last, self.rows(last).saturating_sub(1))
        })
    }

    /// The chunk holding byte `offset` of the block's text.
    pub fn chunk_of_offset(&self, offset: usize) -> usize {
        self.bounds
            .partition_point(|&b| b <= offset)
            .saturating_sub(1)
            .min(self.count() - 1)
    }

    pub fn is_wrapped(&self, chunk: usize) -> bool {
        self.lines[chunk].is_some()
    }

    /// Wraps chunk `chunk` of `text` (the block's text) to `width` columns, unless it is.
    pub fn wrap(&mut self, text: &str, chunk: usize, width: usize) {
        if self.is_wrapped(chunk) {
            return;
        }
        let range = self.range(chunk);
        let lines = wrap::wrap(&text[range.clone()], width)
            .into_iter()
            .map(|line| line.start + range.start..line.end + range.start)
            .collect();
        self.set_lines(chunk, lines);
    }

    fn set_lines(&mut self, chunk: usize, lines: Vec<Range<usize>>) {
        let gap = if chunk + 1 == self.count() {
            self.gap
        } else {
            0
        };
        self.rows.set(chunk, lines.len() as u32 + gap);
        self.lines[chunk] = Some(lines);
    }

    /// The line at block row `row`: `None` in the gap or in a chunk not wrapped yet.
    pub fn line(&self, row: u32) -> Option<Range<usize>> {
        let (chunk, row) = self.rows.find(u64::from(row))?;
        self.lines[chunk].as_ref()?.get(row as usize).cloned()
    }

    /// Every line in order, if every chunk is wrapped.
    pub fn all_lines(&self) -> Option<Vec<Range<usize>>> {
        let mut all = Vec::new();
        for lines in &self.lines {
            all.extend(lines.as_ref()?.iter().cloned());
        }
        Some(all)
    }

    /// The line index inside chunk `chunk` (wrapped) that holds byte `offset`.
    pub fn line_in_chunk(&self, chunk: usize, offset: usize) -> u32 {
        self.lines[chunk].as_ref().map_or(0, |lines| {
            lines
                .partition_point(|l| l.start <= offset)
                .saturating_sub(1)
        }) as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_start_at_sentences_and_cover_the_text() {
        let text = "One sentence here, with words. ".repeat(1000);
        let text = text.trim_end();
        let sentences: SentenceRanges = crate::document::sentences::split(text).into();
        let bounds = bounds(text, &sentences);
        assert!(bounds.len() > 3);
        assert_eq!(bounds[0], 0);
        assert_eq!(*bounds.last().unwrap(), text.len());
        for pair in bounds.windows(2) {
            assert!(pair[0] < pair[1]);
        }
        for &b in &bounds[1..bounds.len() - 1] {
            assert!(
                sentences.iter().any(|s| s.start == b),
                "{b} is no sentence start"
            );
        }
    }

    #[test]
    fn text_without_sentences_or_spaces_is_cut_between_characters() {
        let words = "word ".repeat(5000);
        let bounds_words = bounds(&words, &SentenceRanges::default());
        for &b in &bounds_words[1..bounds_words.len() - 1] {
            assert_eq!(&words[b - 1..b], " ");
        }
        let cjk = "中文字符测试".repeat(3000);
        let bounds_cjk = bounds(&cjk, &SentenceRanges::default());
        assert!(bounds_cjk.len() > 3);
        assert!(bounds_cjk.iter().all(|&b| cjk.is_char_boundary(b)));
    }
}
