//! The help overlay, generated from the keymap so it shows the real bindings.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use crate::ui::state::App;

pub fn render(app: &App, screen: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let rows = app.keymap.describe();
    let key_width = rows
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0);
    let mut lines: Vec<Line> = rows
        .iter()
        .map(|(keys, action)| {
            Line::from(vec![
                Span::styled(format!(" {keys:<key_width$}  "), theme.sidebar_heading),
                Span::styled(action.describe(), theme.text),
            ])
        })
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        " In the sidebar, ↓/↑ select; Enter jumps. ≈ marks detected items.",
        theme.sidebar_rebuttal,
    ));
    let width = (lines.iter().map(Line::width).max().unwrap_or(0) as u16 + 2).min(screen.width);
    let height = (lines.len() as u16 + 2).min(screen.height);
    let area = Rect::new(
        screen.x + (screen.width - width) / 2,
        screen.y + (screen.height - height) / 2,
        width,
        height,
    );
    Clear.render(area, buf);
    Paragraph::new(lines)
        .block(
            Block::new()
                .borders(Borders::ALL)
                .border_style(theme.border_focused)
                .title(" Keys (? or Esc closes) "),
        )
        .style(theme.overlay)
        .render(area, buf);
}
