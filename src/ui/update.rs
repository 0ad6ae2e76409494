//! Applies an action to the state. No terminal here: everything is testable on a value.

use crate::argument::{ClaimKind, Origin};
use crate::document::SentenceRef;
use crate::layout::{Anchor, BlockKind};

use super::action::Action;
use super::sidebar;
use super::state::{App, Focus, Overlay, Quit};

pub fn update(app: &mut App, action: Action) {
    app.message = None;
    if let Action::Resize(width, height) = action {
        resize(app, width, height);
        return;
    }
    if action == Action::Interrupt {
        app.quit = Some(Quit::Interrupted);
        return;
    }
    if app.overlay.is_some() {
        match action {
            Action::Cancel | Action::ToggleHelp | Action::Quit => app.overlay = None,
            _ => {}
        }
        return;
    }
    match (action, app.focus) {
        (Action::Quit | Action::Cancel, _) => app.quit = Some(Quit::Normal),
        (Action::ToggleHelp, _) => app.overlay = Some(Overlay::Help),
        (Action::SwitchFocus, _) => switch_focus(app),
        (Action::ToggleSource, _) => toggle_source(app),
        (Action::Jump, Focus::Sidebar) => jump_to_selected(app),
        (Action::JumpToRebuttal, _) => jump_to_rebuttal(app),
        (Action::Down, Focus::Sidebar) => select_by(app, 1),
        (Action::Up, Focus::Sidebar) => select_by(app, -1),
        (Action::PageDown | Action::HalfPageDown, Focus::Sidebar) => select_by(app, 5),
        (Action::PageUp | Action::HalfPageUp, Focus::Sidebar) => select_by(app, -5),
        (Action::Top, Focus::Sidebar) => select_by(app, isize::MIN / 2),
        (Action::Bottom, Focus::Sidebar) => select_by(app, isize::MAX / 2),
        (Action::Down, Focus::Reading) => scroll_by(app, 1),
        (Action::Up, Focus::Reading) => scroll_by(app, -1),
        (Action::PageDown, Focus::Reading) => scroll_by(app, page(app)),
        (Action::PageUp, Focus::Reading) => scroll_by(app, -page(app)),
        (Action::HalfPageDown, Focus::Reading) => scroll_by(app, half_page(app)),
        (Action::HalfPageUp, Focus::Reading) => scroll_by(app, -half_page(app)),
        (Action::Top, Focus::Reading) => set_top(app, Anchor::default()),
        (Action::Bottom, Focus::Reading) => set_top(app, app.layout.end()),
        (Action::NextParagraph, _) => next_paragraph(app),
        (Action::PreviousParagraph, _) => previous_paragraph(app),
        (Action::Jump, Focus::Reading) => {}
        // Placeholder so the comfort branch compiles; the lead's update.rs implements these.
        (
            Action::SearchForward
            | Action::SearchBackward
            | Action::NextMatch
            | Action::PreviousMatch
            | Action::JumpBack
            | Action::JumpForward
            | Action::SetMark
            | Action::GoToMark
            | Action::ToggleSidebar
            | Action::SidebarNarrower
            | Action::SidebarWider
            | Action::CycleMeasure,
            _,
        ) => {}
        (Action::Resize(..) | Action::Interrupt, _) => unreachable!("handled above"),
    }
}

fn page(app: &App) -> i64 {
    i64::from(app.viewport_rows().saturating_sub(1).max(1))
}

fn half_page(app: &App) -> i64 {
    i64::from((app.viewport_rows() / 2).max(1))
}

fn resize(app: &mut App, width: u16, height: u16) {
    app.size = (width, height);
    let Some(areas) = app.areas() else { return };
    // Keep the same text at the top: the anchor names a block, not an absolute row, so
    // only the row inside the block is scaled to the new wrapping.
    let old_height = app.layout.height(
        app.top
            .block
            .min(app.layout.block_count().saturating_sub(1)),
    );
    let fraction = f64::from(app.top.row) / f64::from(old_height.max(1));
    app.layout
        .set_width(&app.doc, usize::from(areas.text.width));
    if app.top.block < app.layout.block_count() {
        app.layout.ensure(&app.doc, app.top.block);
        app.top.row = (fraction * f64::from(app.layout.height(app.top.block))) as u32;
    }
    set_top(app, app.top);
    keep_selection_visible(app);
}

/// Places the top of the reading pane, clamped so the last page stays full, and wraps
/// what will be drawn.
fn set_top(app: &mut App, top: Anchor) {
    let rows = app.viewport_rows();
    app.top = app.layout.clamp_top(&app.doc, top, rows);
    app.layout.ensure_rows(&app.doc, app.top, rows);
}

fn scroll_by(app: &mut App, delta: i64) {
    let top = app.layout.offset(&app.doc, app.top, delta);
    set_top(app, top);
}

fn next_paragraph(app: &mut App) {
    let start = app.top.block + 1;
    let next = (start..app.layout.block_count())
        .find(|&b| matches!(app.layout.kind(b), BlockKind::Paragraph(_)));
    if let Some(block) = next {
        set_top(app, Anchor { block, row: 0 });
    }
}

fn previous_paragraph(app: &mut App) {
    let current_started_above =
        app.top.row > 0 && matches!(app.layout.kind(app.top.block), BlockKind::Paragraph(_));
    let target = if current_started_above {
        Some(app.top.block)
    } else {
        (0..app.top.block.min(app.layout.block_count()))
            .rev()
            .find(|&b| matches!(app.layout.kind(b), BlockKind::Paragraph(_)))
    };
    set_top(
        app,
        Anchor {
            block: target.unwrap_or(0),
            row: 0,
        },
    );
}

fn switch_focus(app: &mut App) {
    app.focus = match app.focus {
        Focus::Reading => Focus::Sidebar,
        Focus::Sidebar => Focus::Reading,
    };
    if app.focus == Focus::Sidebar && app.selected.is_none() && !app.map().is_empty() {
        app.selected = Some(0);
        keep_selection_visible(app);
    }
}

fn toggle_source(app: &mut App) {
    if app.maps.annotated.is_none() {
        app.message = Some("no annotation file: showing detected items".into());
        return;
    }
    app.showing = match app.showing {
        Origin::Annotated => Origin::Detected,
        Origin::Detected => Origin::Annotated,
    };
    let count = app.map().items.len();
    app.selected = match app.selected {
        _ if count == 0 => None,
        Some(i) => Some(i.min(count - 1)),
        None => None,
    };
    app.sidebar_scroll = [0; 2];
    keep_selection_visible(app);
    app.message = Some(match app.showing {
        Origin::Annotated => "showing annotated items".into(),
        Origin::Detected => "showing detected items".into(),
    });
}

fn select_by(app: &mut App, delta: isize) {
    let count = app.map().items.len();
    if count == 0 {
        return;
    }
    let current = app.selected.unwrap_or(0) as isize;
    let next = if app.selected.is_none() {
        0
    } else {
        current.saturating_add(delta).clamp(0, count as isize - 1)
    };
    app.selected = Some(next as usize);
    keep_selection_visible(app);
}

/// Scrolls the sidebar so the selected entry is fully on screen.
fn keep_selection_visible(app: &mut App) {
    let (Some(selected), Some(areas)) = (app.selected, app.areas()) else {
        return;
    };
    let Some(kind) = app.map().items.get(selected).map(|item| item.kind) else {
        return;
    };
    let panels = super::render::sidebar::panels(app, areas.sidebar);
    let index = sidebar::panel_index(kind);
    let panel = &panels[index];
    let Some((first, last)) = sidebar::item_rows(&panel.rows, selected) else {
        return;
    };
    let mut scroll = super::render::sidebar::clamped_scroll(app.sidebar_scroll[index], panel);
    if first < scroll {
        scroll = first;
    } else if last >= scroll + panel.height {
        scroll = (last + 1).saturating_sub(panel.height).min(first);
    }
    app.sidebar_scroll[index] = scroll;
}

fn jump_to_selected(app: &mut App) {
    let Some(item) = app.selected.and_then(|i| app.map().items.get(i)) else {
        return;
    };
    let anchor = item.anchor;
    jump_to_sentence(app, anchor);
}

fn jump_to_rebuttal(app: &mut App) {
    let Some(item) = app.selected.and_then(|i| app.map().items.get(i)) else {
        app.message = Some("select a counterclaim in the sidebar first (Tab)".into());
        return;
    };
    if item.kind != ClaimKind::Counter {
        app.message = Some("a key claim has no rebuttal: select a counterclaim".into());
        return;
    }
    if item.rebuttals.is_empty() {
        app.message = Some("no rebuttal marked for this counterclaim".into());
        return;
    }
    // Pressing again moves on to the next rebuttal of the same counterclaim.
    let next = match app.highlight {
        Some(at) => item
            .rebuttals
            .iter()
            .position(|r| *r == at)
            .map_or(0, |i| (i + 1) % item.rebuttals.len()),
        None => 0,
    };
    let target = item.rebuttals[next];
    let total = item.rebuttals.len();
    jump_to_sentence(app, target);
    if total > 1 {
        app.message = Some(format!("rebuttal {}/{total}", next + 1));
    }
}

/// Puts the sentence's paragraph at the top of the reading pane (unless the end of the
/// document comes first) and highlights the sentence. If the sentence would still be
/// below the pane, scrolls until it is in view.
pub fn jump_to_sentence(app: &mut App, at: SentenceRef) {
    if !app.doc.contains(at) {
        return;
    }
    let block = app.layout.block_of_paragraph(at.paragraph);
    app.highlight = Some(at);
    set_top(app, Anchor { block, row: 0 });
    let sentence_start = app.doc.paragraphs[at.paragraph].sentences[at.sentence].start;
    let line = app
        .layout
        .lines(block)
        .and_then(|lines| lines.iter().rposition(|l| l.start <= sentence_start))
        .unwrap_or(0) as u32;
    let rows = app.viewport_rows();
    let top_row = app.layout.row_of(app.top);
    let sentence_row = app.layout.first_row(block) + u64::from(line);
    if sentence_row >= top_row + u64::from(rows) {
        set_top(
            app,
            Anchor {
                block,
                row: line.saturating_sub(rows / 3),
            },
        );
    }
}
