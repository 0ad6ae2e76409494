//! The links overlay: every link target of the document as a numbered reference, with the
//! linked text and its paragraph, one line each (cut to the width), scrolled with ↓/↑.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Widget};

use super::cells::put_line;
use crate::ui::state::App;

/// The lines of the list: "[3] ¶2 linked text → https://…".
pub fn lines(app: &App) -> Vec<(String, String)> {
    let doc = &app.doc;
    doc.links
        .iter()
        .enumerate()
        .map(|(i, link)| {
            let text = doc
                .paragraph_text(link.paragraph)
                .get(link.range.clone())
                .unwrap_or_default();
            (
                format!("[{}] ¶{} {text}", i + 1, link.paragraph + 1),
                format!(" → {}", link.target),
            )
        })
        .collect()
}

pub fn render(app: &App, scroll: u16, screen: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let entries = lines(app);
    let width = screen
        .width
        .saturating_sub(4)
        .clamp(10, 120)
        .min(screen.width);
    let height = (entries.len() as u16 + 2).min(screen.height);
    let area = Rect::new(
        screen.x + (screen.width - width) / 2,
        screen.y + (screen.height - height) / 2,
        width,
        height,
    );
    Clear.render(area, buf);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme.border_focused)
        .title(format!(
            " Links ({}) · ↓/↑ scroll, Esc closes ",
            entries.len()
        ));
    let inner = block.inner(area);
    block.style(theme.overlay).render(area, buf);
    let visible = usize::from(inner.height);
    let scroll = usize::from(scroll).min(entries.len().saturating_sub(visible));
    for (offset, (label, target)) in entries.iter().skip(scroll).take(visible).enumerate() {
        let line = Line::from(vec![
            Span::styled(label.as_str(), theme.text),
            Span::styled(target.as_str(), theme.link),
        ]);
        put_line(buf, inner.x, inner.y + offset as u16, &line, inner.width);
    }
}
