//! The sidebar: a panel per kind of item, each with its heading always on screen, the
//! selection, marks for entries whose paragraph is on screen, and the evidence of the
//! selected item.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

use super::cells::{put_line, put_string};
use crate::argument::Origin;
use crate::ui::sidebar::{self, ENTRY_INDENT, Panel, RowKind};
use crate::ui::state::{App, Focus};

/// Rows of the evidence panel under the lists, when an item is selected.
const DETAIL_ROWS: u16 = 5;

/// The area inside the sidebar's border and margin.
fn inner(area: Rect) -> Rect {
    let inner = Block::new().borders(Borders::LEFT).inner(area);
    Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(1),
        ..inner
    }
}

/// Columns inside the sidebar's border and margin.
pub fn inner_width(area: Rect) -> usize {
    usize::from(inner(area).width)
}

fn detail_rows(app: &App, area: Rect) -> u16 {
    let item_selected = app.selected.is_some_and(|i| i < app.map().items.len());
    if item_selected && inner(area).height >= DETAIL_ROWS * 3 {
        DETAIL_ROWS
    } else {
        0
    }
}

/// The panels as laid out in this sidebar area (below its title, above the evidence).
pub fn panels(app: &App, area: Rect) -> Vec<Panel<'_>> {
    let inner = inner(area);
    let height = inner.height.saturating_sub(1 + detail_rows(app, area));
    sidebar::panels(
        app.sidebar_view(),
        usize::from(inner.width),
        usize::from(height),
    )
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let border = if app.focus == Focus::Sidebar {
        theme.border_focused
    } else {
        theme.border
    };
    Block::new()
        .borders(Borders::LEFT)
        .border_style(border)
        .render(area, buf);
    let inner = inner(area);
    if inner.height == 0 || inner.width == 0 {
        return;
    }

    let title = match app.showing {
        Origin::Annotated => "Annotated map",
        Origin::Detected => "Detected map",
    };
    // Beside another article: whose map this is.
    let title = match &app.pair {
        Some(pair) => format!("{} · {title}", pair.letter),
        None => title.to_string(),
    };
    let title = title.as_str();
    put_string(buf, inner.x, inner.y, title, theme.sidebar_heading);
    if let Some(progress) = progress_label(app) {
        let x = inner
            .right()
            .saturating_sub(progress.chars().count() as u16);
        if x > inner.x + title.len() as u16 {
            put_string(buf, x, inner.y, &progress, theme.on_screen_mark);
        }
    } else if app.maps.annotated.is_some() {
        let hint = "d switches";
        let x = inner.right().saturating_sub(hint.len() as u16);
        if x > inner.x + title.len() as u16 {
            put_string(buf, x, inner.y, hint, theme.sidebar_rebuttal);
        }
    }

    let on_screen = app.visible_paragraphs();
    for (panel, heading_y, shown, scroll) in placement(app, area) {
        if heading_y >= inner.bottom() {
            break;
        }
        put_string(
            buf,
            inner.x,
            heading_y,
            &panel.heading,
            theme.sidebar_heading,
        );
        let hidden_below = panel.row_count() > scroll + panel.height;
        for (offset, row) in panel.rows(scroll..scroll + shown).iter().enumerate() {
            let y = heading_y + 1 + offset as u16;
            draw_row(
                app,
                row,
                on_screen,
                Rect::new(inner.x, y, inner.width, 1),
                buf,
            );
        }
        // Say there is more than fits, on the heading's line.
        let more = match (scroll > 0, hidden_below) {
            (true, true) => "↑↓ more",
            (true, false) => "↑ more",
            (false, true) => "↓ more",
            (false, false) => "",
        };
        let x = inner.right().saturating_sub(more.chars().count() as u16);
        put_string(buf, x, heading_y, more, theme.sidebar_rebuttal);
    }

    let detail = detail_rows(app, area);
    if detail > 0 {
        let top = inner.bottom() - detail;
        render_detail(app, Rect::new(inner.x, top, inner.width, detail), buf);
    }
}

/// Background work in progress: "loading ▰▰▰▱▱ 45%" or "analysing…".
fn progress_label(app: &App) -> Option<String> {
    if app.pipe_open {
        return Some("reading standard input…".to_string());
    }
    if let Some(share) = app.loading {
        const STEPS: usize = 8;
        let done = ((share * STEPS as f32).round() as usize).min(STEPS);
        return Some(format!(
            "loading {}{} {:>3.0}%",
            "▰".repeat(done),
            "▱".repeat(STEPS - done),
            share * 100.0
        ));
    }
    app.analysing.then(|| "analysing…".to_string())
}

/// Where each panel's heading and rows are: (panel, heading row, rows shown, scroll).
fn placement(app: &App, area: Rect) -> Vec<(Panel<'_>, u16, usize, usize)> {
    let inner = inner(area);
    let mut y = inner.y + 1;
    panels(app, area)
        .into_iter()
        .enumerate()
        .map(|(index, panel)| {
            let scroll = clamped_scroll(app.sidebar_scroll[index], &panel);
            let shown = panel.row_count().saturating_sub(scroll).min(panel.height);
            let heading = y;
            y += 1 + shown as u16;
            (panel, heading, shown, scroll)
        })
        .collect()
}

/// The entry drawn on screen row `y`, if any.
pub fn entry_at(app: &App, area: Rect, y: u16) -> Option<usize> {
    placement(app, area)
        .into_iter()
        .find_map(|(panel, heading, shown, scroll)| {
            let offset = usize::from(y.checked_sub(heading + 1)?);
            (offset < shown).then(|| panel.entry_at(scroll + offset))?
        })
}

/// The panel (heading and rows) on screen row `y`, if any.
pub fn panel_at(app: &App, area: Rect, y: u16) -> Option<usize> {
    placement(app, area)
        .iter()
        .position(|(_, heading, shown, _)| (*heading..=heading + *shown as u16).contains(&y))
}

/// A panel never scrolls past the point where its last row is at its bottom.
pub fn clamped_scroll(scroll: usize, panel: &Panel) -> usize {
    scroll.min(panel.row_count().saturating_sub(panel.height))
}

fn draw_row(
    app: &App,
    row: &sidebar::Row,
    on_screen: Option<(usize, usize)>,
    area: Rect,
    buf: &mut Buffer,
) {
    let theme = &app.theme;
    let map = app.map();
    let item = row
        .item
        .filter(|&i| i < map.items.len())
        .map(|i| &map.items[i]);
    let selected = row.item.is_some() && row.item == app.selected;
    let style = match row.kind {
        RowKind::Rebuttal | RowKind::Empty => theme.sidebar_rebuttal,
        RowKind::Section => theme.sidebar_entry,
        RowKind::Entry { .. } if item.is_some_and(|i| i.origin == Origin::Detected) => {
            theme.sidebar_detected
        }
        RowKind::Entry { .. } => theme.sidebar_entry,
    };
    let visible = item
        .zip(on_screen)
        .is_some_and(|(item, (first, last))| (first..=last).contains(&item.anchor.paragraph));
    let mark = if visible && row.kind == (RowKind::Entry { first: true }) {
        Span::styled("▌ ", theme.on_screen_mark)
    } else {
        Span::raw(" ".repeat(ENTRY_INDENT))
    };
    let indent = ENTRY_INDENT as u16;
    if selected {
        let highlight = Rect::new(
            area.x + indent,
            area.y,
            area.width.saturating_sub(indent),
            1,
        );
        buf.set_style(highlight, theme.sidebar_selected);
    }
    let style = if selected {
        style.patch(theme.sidebar_selected)
    } else {
        style
    };
    let line = Line::from(vec![mark, Span::styled(row.text.as_str(), style)]);
    put_line(buf, area.x, area.y, &line, area.width);
}

/// Origin, confidence and evidence of the selected item.
fn render_detail(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let Some(item) = app.selected.and_then(|i| app.map().items.get(i)) else {
        return;
    };
    put_string(
        buf,
        area.x,
        area.y,
        &"─".repeat(usize::from(area.width)),
        theme.border,
    );
    let heading = match item.origin {
        Origin::Annotated => "annotated".to_string(),
        Origin::Detected => format!("detected · confidence {:.0}%", item.confidence * 100.0),
    };
    let mut lines = vec![Line::styled(heading, theme.sidebar_heading)];
    let cross = app
        .pair
        .as_ref()
        .and_then(|pair| pair.cross.get(&item.anchor))
        .map(|note| note.details.as_slice())
        .unwrap_or_default();
    let evidence = item.evidence_lines(&app.doc);
    let details = evidence
        .iter()
        .map(String::as_str)
        .chain(item.note.as_deref())
        .chain(cross.iter().map(String::as_str));
    for text in details {
        for wrapped in textwrap::wrap(text, usize::from(area.width).saturating_sub(2).max(4)) {
            lines.push(Line::styled(format!("  {wrapped}"), theme.sidebar_rebuttal));
        }
    }
    for (offset, line) in lines.iter().take(usize::from(area.height - 1)).enumerate() {
        put_line(buf, area.x, area.y + 1 + offset as u16, line, area.width);
    }
}
