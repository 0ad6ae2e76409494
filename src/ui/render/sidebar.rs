//! The sidebar: the argument map's entries, the selection, marks for the paragraphs on
//! screen, and the evidence of the selected item.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

use crate::argument::Origin;
use crate::ui::sidebar::{self, ENTRY_INDENT, RowKind};
use crate::ui::state::{App, Focus};

/// Rows of the evidence panel under the list, when an item is selected.
const DETAIL_ROWS: u16 = 5;

/// The area inside the sidebar's border.
fn inner(area: Rect) -> Rect {
    Block::new().borders(Borders::LEFT).inner(area)
}

fn detail_rows(app: &App, area: Rect) -> u16 {
    let inner = inner(area);
    if app.selected.is_some() && inner.height >= DETAIL_ROWS * 3 {
        DETAIL_ROWS
    } else {
        0
    }
}

/// Rows available to the list of entries (below the title, above the evidence panel).
pub fn list_height(app: &App, area: Rect) -> usize {
    usize::from(
        inner(area)
            .height
            .saturating_sub(1 + detail_rows(app, area)),
    )
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let border = if app.focus == Focus::Sidebar {
        theme.border_focused
    } else {
        theme.border
    };
    let frame = Block::new().borders(Borders::LEFT).border_style(border);
    let inner = frame.inner(area);
    frame.render(area, buf);
    let inner = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(1),
        ..inner
    };
    if inner.height == 0 || inner.width == 0 {
        return;
    }

    let source = match (app.showing, app.maps.annotated.is_some()) {
        (Origin::Annotated, _) => "annotated",
        (Origin::Detected, true) => "detected (d: annotated)",
        (Origin::Detected, false) => "detected",
    };
    let title = Line::from(vec![
        Span::styled("Argument map", theme.sidebar_heading),
        Span::styled(format!(" · {source}"), theme.sidebar_rebuttal),
    ]);
    buf.set_line(inner.x, inner.y, &title, inner.width);

    let map = app.map();
    let rows = sidebar::rows(&app.doc, map, usize::from(inner.width));
    let on_screen = app.visible_paragraphs();
    let list_height = list_height(app, area);
    for (offset, row) in rows
        .iter()
        .skip(app.sidebar_scroll)
        .take(list_height)
        .enumerate()
    {
        let y = inner.y + 1 + offset as u16;
        let item = row.item.map(|i| &map.items[i]);
        let selected = row.item.is_some() && row.item == app.selected;
        let style = match row.kind {
            RowKind::Heading => theme.sidebar_heading,
            RowKind::Rebuttal | RowKind::Empty => theme.sidebar_rebuttal,
            RowKind::Entry { .. } if item.is_some_and(|i| i.origin == Origin::Detected) => {
                theme.sidebar_detected
            }
            _ => theme.sidebar_entry,
        };
        let style = if selected {
            style.patch(theme.sidebar_selected)
        } else {
            style
        };
        let visible = item
            .zip(on_screen)
            .is_some_and(|(item, (first, last))| (first..=last).contains(&item.anchor.paragraph));
        let mark = if visible && row.kind == (RowKind::Entry { first: true }) {
            Span::styled("▌ ", theme.on_screen_mark)
        } else {
            Span::raw(" ".repeat(ENTRY_INDENT))
        };
        let line = match row.kind {
            RowKind::Heading | RowKind::Blank => Line::from(Span::styled(row.text.as_str(), style)),
            _ => Line::from(vec![mark, Span::styled(row.text.as_str(), style)]),
        };
        if selected {
            buf.set_style(
                Rect::new(
                    inner.x + ENTRY_INDENT as u16,
                    y,
                    inner.width.saturating_sub(ENTRY_INDENT as u16),
                    1,
                ),
                theme.sidebar_selected,
            );
        }
        buf.set_line(inner.x, y, &line, inner.width);
    }

    let detail = detail_rows(app, area);
    if detail > 0 {
        let top = inner.bottom() - detail;
        render_detail(app, Rect::new(inner.x, top, inner.width, detail), buf);
    }
}

/// Origin, confidence and evidence of the selected item.
fn render_detail(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let Some(item) = app.selected.and_then(|i| app.map().items.get(i)) else {
        return;
    };
    buf.set_string(
        area.x,
        area.y,
        "─".repeat(usize::from(area.width)),
        theme.border,
    );
    let heading = match item.origin {
        Origin::Annotated => "annotated".to_string(),
        Origin::Detected => format!("detected · confidence {:.0}%", item.confidence * 100.0),
    };
    let mut lines = vec![Line::styled(heading, theme.sidebar_heading)];
    let details: Vec<&str> = item
        .evidence
        .iter()
        .map(String::as_str)
        .chain(item.note.as_deref())
        .collect();
    for text in details {
        for wrapped in textwrap::wrap(text, usize::from(area.width).saturating_sub(2).max(4)) {
            lines.push(Line::styled(format!("  {wrapped}"), theme.sidebar_rebuttal));
        }
    }
    for (offset, line) in lines.iter().take(usize::from(area.height - 1)).enumerate() {
        buf.set_line(area.x, area.y + 1 + offset as u16, line, area.width);
    }
}
