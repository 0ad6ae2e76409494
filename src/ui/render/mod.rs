//! Drawing the state. Everything here takes the state by shared reference: rendering never
//! changes what is shown, it only shows it.

mod cells;
mod help;
pub mod links;
mod outline;
mod reading;
pub mod sidebar;
mod status;
mod text_spans;

use ratatui::buffer::Buffer;
use ratatui::widgets::{Paragraph, Widget};

use ratatui::layout::Rect;

use super::screen::{Areas, MIN_HEIGHT, MIN_WIDTH};
use super::state::{App, Overlay};

/// Draws the whole screen into `buf`, which is the size of the terminal; with ASCII
/// stand-ins for its glyphs when the theme asks (a locale that is not UTF-8).
pub fn render(app: &App, buf: &mut Buffer) {
    draw(app, buf);
    if app.theme.ascii {
        super::glyphs::to_ascii(buf);
    }
}

fn draw(app: &App, buf: &mut Buffer) {
    let Some(areas) = app.areas() else {
        let notice = format!("terminal too small: need {MIN_WIDTH}×{MIN_HEIGHT}");
        Paragraph::new(notice).render(buf.area, buf);
        return;
    };
    reading::render(app, &areas, buf);
    sidebar::render(app, areas.sidebar, buf);
    status::render(app, areas.status, buf);
    render_overlay(app, buf);
}

/// Draws an article's reading pane at `areas` (which may stand anywhere on the screen: the
/// pair reader puts two side by side).
pub fn render_reading(app: &App, areas: &Areas, buf: &mut Buffer) {
    reading::render(app, areas, buf);
}

/// Draws an article's sidebar in `area`.
pub fn render_sidebar(app: &App, area: Rect, buf: &mut Buffer) {
    sidebar::render(app, area, buf);
}

/// Draws an article's status line in `area`.
pub fn render_status(app: &App, area: Rect, buf: &mut Buffer) {
    status::render(app, area, buf);
}

/// Draws an article's open overlay (help, outline, links) over the whole screen.
pub fn render_overlay(app: &App, buf: &mut Buffer) {
    match app.overlay {
        Some(Overlay::Help { scroll }) => help::render(app, scroll, buf.area, buf),
        Some(Overlay::Outline { selected }) => outline::render(app, selected, buf.area, buf),
        Some(Overlay::Links { scroll }) => links::render(app, scroll, buf.area, buf),
        None => {}
    }
}
