//! Drawing the state. Everything here takes the state by shared reference: rendering never
//! changes what is shown, it only shows it.

mod cells;
mod help;
mod reading;
pub mod sidebar;
mod status;
mod text_spans;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Paragraph;

use super::screen::{MIN_HEIGHT, MIN_WIDTH};
use super::state::{App, Overlay};

pub fn render(app: &App, frame: &mut Frame) {
    let Some(areas) = app.areas() else {
        let notice = format!("terminal too small: need {MIN_WIDTH}×{MIN_HEIGHT}");
        let area = frame.area();
        frame.render_widget(
            Paragraph::new(notice),
            Rect::new(0, 0, area.width, area.height),
        );
        return;
    };
    reading::render(app, &areas, frame.buffer_mut());
    sidebar::render(app, areas.sidebar, frame.buffer_mut());
    status::render(app, areas.status, frame.buffer_mut());
    if let Some(Overlay::Help { scroll }) = app.overlay {
        help::render(app, scroll, frame.area(), frame.buffer_mut());
    }
}
