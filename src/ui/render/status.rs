//! The status line: file, position, notices and key hints.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use crate::ui::state::{App, Focus};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    buf.set_style(area, theme.status);
    let paragraphs = app.doc.paragraphs.len();
    let position = match app.visible_paragraphs() {
        Some((first, _)) => format!("¶{}/{paragraphs}", first + 1),
        None => format!("¶–/{paragraphs}"),
    };
    let total = app.layout.total_rows().max(1);
    let bottom = app.layout.row_of(app.top) + u64::from(app.viewport_rows());
    // The last block's blank gap row is never needed on screen: at it, the end is shown.
    let percent = if bottom + 1 >= total {
        100
    } else {
        bottom * 100 / total
    };
    let mut left = format!(" {}  {position}  {percent}%", app.name);
    if !app.notices.is_empty() {
        left.push_str(&format!("  [{}]", app.notices.join("; ")));
    }
    let focus = match app.focus {
        Focus::Reading => "reading",
        Focus::Sidebar => "sidebar",
    };
    let hints = format!("{focus} · Tab switch · ? help · q quit ");
    let mut spans = vec![Span::styled(left.clone(), theme.status)];
    if let Some(message) = &app.message {
        spans.push(Span::styled(format!("  {message}"), theme.status_message));
    }
    let used: usize = spans.iter().map(|s| s.content.width()).sum();
    let room = usize::from(area.width);
    if used + hints.width() < room {
        spans.push(Span::styled(
            " ".repeat(room - used - hints.width()),
            theme.status,
        ));
        spans.push(Span::styled(hints, theme.status));
    }
    buf.set_line(area.x, area.y, &Line::from(spans), area.width);
}
