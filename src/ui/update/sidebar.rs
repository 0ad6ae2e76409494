//! The sidebar: focus, selection, which map it shows, and jumps to what is selected.

use crate::argument::{ClaimKind, Origin};
use crate::layout::Anchor;
use crate::ui::render;
use crate::ui::sidebar::{self, Entry};
use crate::ui::state::{App, Focus};

use super::{history, reading};

pub fn switch_focus(app: &mut App) {
    app.focus = match app.focus {
        Focus::Reading => Focus::Sidebar,
        Focus::Sidebar => Focus::Reading,
    };
    if app.focus == Focus::Sidebar && app.selected.is_none() {
        app.selected = app.sidebar_view().visible_entries().first().copied();
        keep_selection_visible(app);
    }
}

pub fn toggle_source(app: &mut App) {
    if app.maps.annotated.is_none() {
        app.message = Some("no annotation file: showing detected items".into());
        return;
    }
    app.showing = match app.showing {
        Origin::Annotated => Origin::Detected,
        Origin::Detected => Origin::Annotated,
    };
    clamp_selection(app);
    app.sidebar_scroll = [0; sidebar::MAX_PANELS];
    super::map_shown(app);
    keep_selection_visible(app);
    app.message = Some(match app.showing {
        Origin::Annotated => "showing annotated items".into(),
        Origin::Detected => "showing detected items".into(),
    });
}

pub fn toggle_sections(app: &mut App) {
    if app.doc.sections.is_empty() {
        app.message = Some("this article has no section headings".into());
        return;
    }
    app.sections_open = !app.sections_open;
    clamp_selection(app);
    keep_selection_visible(app);
}

/// After the entries changed: keep the selection on a listed entry, or drop it.
fn clamp_selection(app: &mut App) {
    let visible = app.sidebar_view().visible_entries();
    app.selected = match app.selected {
        Some(s) if visible.contains(&s) => Some(s),
        Some(s) => visible
            .iter()
            .rev()
            .find(|&&v| v <= s)
            .or(visible.first())
            .copied(),
        None => None,
    };
}

/// Moves the selection by `delta` listed entries, stopping at the ends.
pub fn select_by(app: &mut App, delta: isize) {
    let visible = app.sidebar_view().visible_entries();
    if visible.is_empty() {
        return;
    }
    let position = app
        .selected
        .and_then(|s| visible.iter().position(|&v| v == s));
    let next = match position {
        None => 0,
        Some(p) => (p as isize)
            .saturating_add(delta)
            .clamp(0, visible.len() as isize - 1) as usize,
    };
    app.selected = Some(visible[next]);
    keep_selection_visible(app);
}

/// Counts the lines of the sidebar's entries again if the map shown, the sidebar's width
/// or the line limit changed: frames and scrolling then read the counts.
pub fn count_label_lines(app: &mut App) {
    let Some(areas) = app.areas() else {
        return;
    };
    let width = sidebar::text_width(render::sidebar::inner_width(areas.sidebar));
    let mut counts = std::mem::take(&mut app.label_lines);
    counts.refresh(
        &app.doc,
        app.map(),
        usize::from(app.prefs.sidebar_lines),
        width,
    );
    app.label_lines = counts;
}

/// Scrolls the sidebar so the selected entry is fully on screen.
pub fn keep_selection_visible(app: &mut App) {
    let (Some(selected), Some(areas)) = (app.selected, app.areas()) else {
        return;
    };
    let Some(kind) = app.sidebar_view().panel_of(selected) else {
        return;
    };
    count_label_lines(app);
    let panels = render::sidebar::panels(app, areas.sidebar);
    let Some(index) = panels.iter().position(|p| p.kind == kind) else {
        return;
    };
    let panel = &panels[index];
    let Some((first, last)) = panel.entry_rows(selected) else {
        return;
    };
    let mut scroll = render::sidebar::clamped_scroll(app.sidebar_scroll[index], panel);
    if first < scroll {
        scroll = first;
    } else if last >= scroll + panel.height {
        // Start the panel at an entry's first line, not at the tail of the one above.
        scroll = panel.entry_start_from((last + 1).saturating_sub(panel.height).min(first));
    }
    drop(panels);
    app.sidebar_scroll[index] = scroll;
}

pub fn jump_to_selected(app: &mut App) {
    match app.selected.and_then(|i| app.sidebar_view().entry(i)) {
        Some(Entry::Item(i)) => {
            let anchor = app.map().items[i].anchor;
            reading::jump_to_sentence(app, anchor);
        }
        Some(Entry::Section(i)) => {
            history::record(app);
            let block = app.layout.block_of_section(i);
            app.highlight = None;
            reading::set_top(app, Anchor { block, row: 0 });
        }
        None => {}
    }
}

pub fn jump_to_rebuttal(app: &mut App) {
    let item = match app.selected.and_then(|i| app.sidebar_view().entry(i)) {
        Some(Entry::Item(i)) => &app.map().items[i],
        _ => {
            app.message = Some("select a counterclaim in the sidebar first (Tab)".into());
            return;
        }
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
    reading::jump_to_sentence(app, target);
    if total > 1 {
        app.message = Some(format!("rebuttal {}/{total}", next + 1));
    }
}
