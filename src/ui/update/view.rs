//! The terminal's size and the view preferences: sidebar shown, its width, the measure.
//! Every change re-lays out for the new text width and keeps the same text at the top.

use crate::config::SIDEBAR_WIDTHS;
use crate::ui::screen::AUTO_SIDEBAR_MIN;
use crate::ui::state::{App, Focus};

use super::{reading, sidebar};

pub fn resize(app: &mut App, width: u16, height: u16) {
    app.size = (width, height);
    relayout(app);
}

pub fn toggle_sidebar(app: &mut App) {
    app.prefs.sidebar_shown = !app.prefs.sidebar_shown;
    if !app.prefs.sidebar_shown {
        app.focus = Focus::Reading;
    }
    relayout(app);
}

/// `<` / `>`: from the width shown (automatic or not), narrower or wider by hand.
pub fn sidebar_width_by(app: &mut App, delta: i16) {
    let shown = app
        .areas()
        .filter(|areas| app.prefs.sidebar_shown && areas.sidebar.height == areas.reading.height)
        .map(|areas| areas.sidebar.width);
    let current = shown
        .or(app.prefs.sidebar_width)
        .unwrap_or(AUTO_SIDEBAR_MIN);
    let width = current
        .saturating_add_signed(delta)
        .clamp(*SIDEBAR_WIDTHS.start(), *SIDEBAR_WIDTHS.end());
    app.prefs.sidebar_width = Some(width);
    app.prefs.sidebar_shown = true;
    relayout(app);
    app.message = Some(format!("sidebar {width} columns"));
}

pub fn toggle_tints(app: &mut App) {
    app.prefs.tints = !app.prefs.tints;
    app.message = Some(if app.prefs.tints {
        "tints: key claims (K), counterclaims (C), rebuttals (R)".into()
    } else {
        "tints off".into()
    });
}

pub fn cycle_measure(app: &mut App) {
    app.prefs.measure = app.prefs.measure.next();
    relayout(app);
    app.message = Some(format!("measure: {}", app.prefs.measure.name()));
}

/// Re-wraps for the current text width, keeping the same text at the top: the anchor
/// names a block, so only the row inside the block (inside its chunk, for a long
/// paragraph) is scaled to the new wrapping.
pub(super) fn relayout(app: &mut App) {
    let Some(areas) = app.areas() else { return };
    let top = app
        .layout
        .set_width_keeping(&app.doc, usize::from(areas.text.width), app.top);
    reading::set_top(app, top);
    sidebar::keep_selection_visible(app);
}
