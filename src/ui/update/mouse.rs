//! The mouse: the wheel scrolls the pane under the pointer, a click on a sidebar entry
//! jumps to it, a click in the reading pane focuses it.

use ratatui::layout::Position;

use crate::ui::action::{MouseInput, MouseKind};
use crate::ui::render;
use crate::ui::state::{App, Focus};

use super::{reading, sidebar};

/// Lines a wheel notch scrolls the reading pane.
const WHEEL_LINES: i64 = 3;

pub fn input(app: &mut App, input: MouseInput) {
    let Some(areas) = app.areas() else { return };
    let at = Position::new(input.column, input.row);
    if app.overlay.is_some() || app.expects_text() {
        return;
    }
    if areas.reading.contains(at) {
        match input.kind {
            MouseKind::ScrollDown => reading::scroll_by(app, WHEEL_LINES),
            MouseKind::ScrollUp => reading::scroll_by(app, -WHEEL_LINES),
            MouseKind::Click => app.focus = Focus::Reading,
        }
    } else if areas.sidebar.contains(at) {
        match input.kind {
            MouseKind::ScrollDown | MouseKind::ScrollUp => {
                if let Some(panel) = render::sidebar::panel_at(app, areas.sidebar, at.y) {
                    let down = input.kind == MouseKind::ScrollDown;
                    let scroll = &mut app.sidebar_scroll[panel];
                    *scroll = if down {
                        *scroll + 1
                    } else {
                        scroll.saturating_sub(1)
                    };
                    let panels = render::sidebar::panels(app, areas.sidebar);
                    app.sidebar_scroll[panel] =
                        render::sidebar::clamped_scroll(app.sidebar_scroll[panel], &panels[panel]);
                }
            }
            MouseKind::Click => {
                app.focus = Focus::Sidebar;
                if let Some(entry) = render::sidebar::entry_at(app, areas.sidebar, at.y) {
                    app.selected = Some(entry);
                    sidebar::keep_selection_visible(app);
                    sidebar::jump_to_selected(app);
                }
            }
        }
    }
}
