//! The document's structure beyond its paragraphs: code and tables scrolled sideways, the
//! page furniture the loader hid shown in place, and the list of link targets.

use crate::layout::{Anchor, BlockKind};
use crate::ui::sideways;
use crate::ui::state::{App, Overlay};

use super::reading;

/// Scrolls code and tables sideways by half the text column, as far as the widest of
/// those on screen reaches.
pub fn scroll_sideways(app: &mut App, right: bool) {
    let step = (app.layout.width() / 2).max(4);
    if !right {
        app.hscroll = app.hscroll.saturating_sub(step);
        return;
    }
    let beyond = widest_on_screen(app).saturating_sub(app.layout.width().saturating_sub(2));
    if beyond == 0 {
        app.message = Some("no code or table line on screen is wider than the pane".into());
        return;
    }
    app.hscroll = (app.hscroll + step).min(beyond + 1);
}

/// The widest verbatim line (code, table) on screen, in columns.
fn widest_on_screen(app: &mut App) -> usize {
    let rows = app.viewport_rows();
    app.layout.ensure_rows(&app.doc, app.top, rows);
    let last = app
        .layout
        .anchor_at(app.layout.row_of(app.top) + u64::from(rows.saturating_sub(1)));
    let end = last.block.min(app.layout.block_count().saturating_sub(1));
    (app.top.block..=end)
        .filter_map(|block| match app.layout.kind(block) {
            BlockKind::Paragraph(p) if app.doc.paragraphs[p].kind.is_verbatim() => {
                let lines = app.layout.block_lines(block)?;
                Some(sideways::widest(app.doc.paragraph_text(p), &lines))
            }
            _ => None,
        })
        .max()
        .unwrap_or(0)
}

/// Shows or hides the hidden page furniture; the paragraph at the top stays there.
pub fn toggle_furniture(app: &mut App) {
    let count = app.doc.furniture.len();
    if count == 0 {
        app.message = Some("no page furniture was hidden".into());
        return;
    }
    let shown = !app.layout.furniture_shown();
    let top = match app
        .layout
        .kind(app.top.block.min(app.layout.block_count() - 1))
    {
        BlockKind::Paragraph(p) => Some((p, app.top.row)),
        _ => None,
    };
    app.layout.show_furniture(&app.doc, shown);
    let anchor = match top {
        Some((p, row)) => Anchor {
            block: app.layout.block_of_paragraph(p),
            row,
        },
        None => Anchor::default(),
    };
    reading::set_top(app, anchor);
    let blocks = if count == 1 { "block" } else { "blocks" };
    app.message = Some(if shown {
        format!("{count} {blocks} of page furniture shown, dimmed · H hides them")
    } else {
        format!("{count} {blocks} of page furniture hidden")
    });
}

/// Opens the list of link targets.
pub fn show_links(app: &mut App) {
    if app.doc.links.is_empty() {
        app.message = Some("this document has no links".into());
        return;
    }
    app.overlay = Some(Overlay::Links { scroll: 0 });
}
