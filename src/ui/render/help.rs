//! The help overlay, generated from the keymap so it shows the real bindings. Laid out in
//! two columns when it is taller than the screen and the screen is wide enough; scrolled
//! with ↓/↑ when it still does not fit.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use crate::ui::state::App;

const FOOTER: [&str; 3] = [
    "In the sidebar, ↓/↑ select; Enter jumps. ≈ marks detected items.",
    "A count repeats a motion: 5j, 3 Space; 10G goes to ¶10, 50p to 50%.",
    "Prompts: ←/→ Home/End Ctrl-a/e, Ctrl-w word, Ctrl-u line, ↑/↓ history.",
];

/// Draws the key list, scrolled by `scroll` rows when it is taller than the screen.
pub fn render(app: &App, scroll: u16, screen: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let rows = app.keymap.describe();
    let key_width = rows
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0);
    let entries: Vec<Line> = rows
        .iter()
        .map(|(keys, action)| {
            Line::from(vec![
                Span::styled(format!(" {keys:<key_width$}  "), theme.sidebar_heading),
                Span::styled(action.describe(), theme.text),
            ])
        })
        .collect();
    let column_width = entries.iter().map(Line::width).max().unwrap_or(0) as u16 + 1;
    let fits = |columns: u16| entries.len().div_ceil(usize::from(columns)) as u16 + 4;
    let columns: u16 = if fits(1) > screen.height && column_width * 2 + 2 <= screen.width {
        2
    } else {
        1
    };
    let per_column = entries.len().div_ceil(usize::from(columns));
    let mut lines: Vec<Line> = (0..per_column)
        .map(|row| {
            let mut spans = Vec::new();
            for column in 0..usize::from(columns) {
                if let Some(entry) = entries.get(column * per_column + row) {
                    let pad = usize::from(column_width).saturating_sub(entry.width());
                    spans.extend(entry.spans.iter().cloned());
                    if column + 1 < usize::from(columns) {
                        spans.push(Span::raw(" ".repeat(pad)));
                    }
                }
            }
            Line::from(spans)
        })
        .collect();
    lines.push(Line::raw(""));
    lines.extend(
        FOOTER
            .iter()
            .map(|line| Line::styled(format!(" {line}"), theme.sidebar_rebuttal)),
    );
    let width = (lines.iter().map(Line::width).max().unwrap_or(0) as u16 + 2).min(screen.width);
    let height = (lines.len() as u16 + 2).min(screen.height);
    let area = Rect::new(
        screen.x + (screen.width - width) / 2,
        screen.y + (screen.height - height) / 2,
        width,
        height,
    );
    let scroll = scroll.min((lines.len() as u16 + 2).saturating_sub(height));
    Clear.render(area, buf);
    Paragraph::new(lines)
        .scroll((scroll, 0))
        .block(
            Block::new()
                .borders(Borders::ALL)
                .border_style(theme.border_focused)
                .title(" Keys (? or Esc closes, ↓/↑ scroll) "),
        )
        .style(theme.overlay)
        .render(area, buf);
}
