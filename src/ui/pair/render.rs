//! Drawing a pair: both reading panes side by side with the focused article's sidebar and
//! status line, or the article in focus alone, as a single article is drawn.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Widget};

use super::Pair;
use super::layout::{Mode, shifted};
use crate::pair_outline::letter;
use crate::ui::render::{render, render_overlay, render_reading, render_sidebar, render_status};
use crate::ui::screen::{MIN_HEIGHT, MIN_WIDTH};

pub fn render_pair(pair: &Pair, buf: &mut Buffer) {
    let Mode::SideBySide { .. } = pair.mode else {
        return render(pair.focused(), buf);
    };
    let (width, height) = pair.size;
    if width < MIN_WIDTH || height < MIN_HEIGHT {
        let notice = format!("terminal too small: need {MIN_WIDTH}×{MIN_HEIGHT}");
        Paragraph::new(notice).render(buf.area, buf);
        return;
    }
    let focused = pair.focused();
    for (index, app) in pair.apps.iter().enumerate() {
        let Some(areas) = app.areas() else { continue };
        let areas = shifted(&areas, pair.mode.reading_shift(index));
        render_reading(app, &areas, buf);
        // The article's letter in the corner of its pane, bright on the one in focus.
        let style = if index == pair.focused {
            app.theme.border_focused
        } else {
            app.theme.border
        };
        let corner = Rect::new(areas.reading.x, areas.reading.y, 1, 1);
        if corner.width > 0 && areas.reading.height > 0 {
            buf.set_string(corner.x, corner.y, letter(index).to_string(), style);
        }
    }
    if let Some(areas) = focused.areas() {
        let sidebar = shifted(&areas, pair.mode.sidebar_shift()).sidebar;
        if sidebar.width > 0 {
            render_sidebar(focused, sidebar, buf);
        }
    }
    render_status(focused, Rect::new(0, height - 1, width, 1), buf);
    render_overlay(focused, buf);
    if focused.theme.ascii {
        crate::ui::glyphs::to_ascii(buf);
    }
}
