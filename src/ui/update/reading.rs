//! Moving through the reading pane: lines, pages, paragraphs, the ends, and jumps to a
//! sentence.

use crate::document::SentenceRef;
use crate::layout::{Anchor, BlockKind};
use crate::ui::state::App;

use super::history;

pub fn page(app: &App) -> i64 {
    i64::from(app.viewport_rows().saturating_sub(1).max(1))
}

pub fn half_page(app: &App) -> i64 {
    i64::from((app.viewport_rows() / 2).max(1))
}

/// Places the top of the reading pane, clamped so the last page stays full, and wraps
/// what will be drawn.
pub fn set_top(app: &mut App, top: Anchor) {
    let rows = app.viewport_rows();
    app.top = app.layout.clamp_top(&app.doc, top, rows);
    app.layout.ensure_rows(&app.doc, app.top, rows);
}

pub fn scroll_by(app: &mut App, delta: i64) {
    let top = app.layout.offset(&app.doc, app.top, delta);
    set_top(app, top);
}

pub fn jump_to_top(app: &mut App) {
    history::record(app);
    set_top(app, Anchor::default());
}

pub fn jump_to_end(app: &mut App) {
    history::record(app);
    let end = app.layout.end();
    set_top(app, end);
    app.follow_end = app.loading.is_some();
}

pub fn next_paragraph(app: &mut App) {
    let start = app.top.block + 1;
    let next = (start..app.layout.block_count())
        .find(|&b| matches!(app.layout.kind(b), BlockKind::Paragraph(_)));
    if let Some(block) = next {
        set_top(app, Anchor { block, row: 0 });
    }
}

pub fn previous_paragraph(app: &mut App) {
    let current_started_above =
        app.top.row > 0 && matches!(app.layout.kind(app.top.block), BlockKind::Paragraph(_));
    let target = if current_started_above {
        Some(app.top.block)
    } else {
        (0..app.top.block.min(app.layout.block_count()))
            .rev()
            .find(|&b| matches!(app.layout.kind(b), BlockKind::Paragraph(_)))
    };
    let block = target.unwrap_or(0);
    set_top(app, Anchor { block, row: 0 });
}

/// Puts the sentence's paragraph at the top of the reading pane (unless the end of the
/// document comes first) and highlights the sentence. If the sentence would still be
/// below the pane, scrolls until it is in view. Recorded in the jump history.
pub fn jump_to_sentence(app: &mut App, at: SentenceRef) {
    if !app.doc.contains(at) {
        return;
    }
    history::record(app);
    app.highlight = Some(at);
    let start = app.doc.paragraphs[at.paragraph]
        .sentences
        .range(at.sentence)
        .start;
    show_offset(app, at.paragraph, start);
}

/// Scrolls as little as needed to bring the line holding byte `offset` of `paragraph`
/// on screen.
pub fn keep_in_view(app: &mut App, paragraph: usize, offset: usize) {
    let block = app.layout.block_of_paragraph(paragraph);
    let line = line_of(app, block, offset);
    let rows = app.viewport_rows();
    let target = Anchor { block, row: line };
    let target_row = app.layout.row_of(target);
    let top_row = app.layout.row_of(app.top);
    if target_row < top_row {
        set_top(app, target);
    } else if target_row >= top_row + u64::from(rows) {
        let top = app
            .layout
            .offset(&app.doc, target, -i64::from(rows.saturating_sub(1)));
        set_top(app, top);
    }
}

/// Puts paragraph `paragraph` at the top, then makes sure the line holding byte `offset`
/// of it is on screen (a third of the way down if it had to scroll).
pub fn show_offset(app: &mut App, paragraph: usize, offset: usize) {
    let block = app.layout.block_of_paragraph(paragraph);
    show_in_block(app, block, offset);
}

/// Puts `block` (a paragraph, a heading, the title, a note) at the top, then makes sure
/// the line holding byte `offset` of its text is on screen.
pub fn show_in_block(app: &mut App, block: usize, offset: usize) {
    if block >= app.layout.block_count() {
        return;
    }
    set_top(app, Anchor { block, row: 0 });
    let line = line_of(app, block, offset);
    let rows = app.viewport_rows();
    let top_row = app.layout.row_of(app.top);
    let target_row = app.layout.first_row(block) + u64::from(line);
    if target_row >= top_row + u64::from(rows) || target_row < top_row {
        let row = line.saturating_sub(rows / 3);
        set_top(app, Anchor { block, row });
    }
}

/// Where the top row of the pane starts: its block and the byte offset of its line.
pub fn top_offset(app: &App) -> (usize, usize) {
    let Anchor { block, row } = app.top;
    let offset = if block < app.layout.block_count() {
        app.layout.line(block, row).map_or(0, |line| line.start)
    } else {
        0
    };
    (block, offset)
}

/// `10G`, `:10`: paragraph `number` (counted from 1, as the status line shows it) at the
/// top; past the last, the last. Recorded in the jump history.
pub fn go_to_paragraph(app: &mut App, number: u32) {
    let count = app.doc.paragraphs.len();
    if count == 0 {
        return;
    }
    let paragraph = (number.max(1) as usize).min(count) - 1;
    history::record(app);
    app.highlight = None;
    let block = app.layout.block_of_paragraph(paragraph);
    set_top(app, Anchor { block, row: 0 });
}

/// `50p`, `50%`: the row that far through the article at the top (0: the top). Recorded
/// in the jump history.
pub fn go_to_percent(app: &mut App, percent: u32) {
    history::record(app);
    let percent = u64::from(percent.min(100));
    if percent >= 100 {
        return jump_end_unrecorded(app);
    }
    // Heights of blocks not yet wrapped are estimates, so the landing is approximate
    // in a long article, as less's is (it counts bytes).
    let row = app.layout.total_rows() * percent / 100;
    let at = app.layout.anchor_at(row);
    set_top(app, at);
}

fn jump_end_unrecorded(app: &mut App) {
    let end = app.layout.end();
    set_top(app, end);
}

/// The wrapped line of `block` holding byte `offset` of its text (only its chunk is
/// wrapped, in a long paragraph).
fn line_of(app: &mut App, block: usize, offset: usize) -> u32 {
    app.layout.row_of_offset(&app.doc, block, offset)
}
