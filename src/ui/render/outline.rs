//! The outline overlay: the argument as a tree (`argument::tree`) under group headings,
//! one line a node, the selected node in full and kept in view.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Widget};
use unicode_width::UnicodeWidthStr;

use super::cells::put_line;
use crate::argument::Origin;
use crate::argument::tree::{self, Node, Role};
use crate::ui::state::App;

/// The widest the overlay gets: wider lines of claims read badly.
const MAX_WIDTH: u16 = 100;

/// A row of the overlay: its text, and the node it belongs to (`None`: a heading).
struct Row {
    text: String,
    node: Option<usize>,
}

pub fn render(app: &App, selected: usize, screen: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let nodes = tree::tree(&app.doc, app.map());
    let width = screen.width.saturating_sub(4).clamp(10, MAX_WIDTH);
    let inner_width = usize::from(width.saturating_sub(2));
    let rows = rows(&nodes, selected, inner_width);
    let height = (rows.len() as u16 + 2).min(screen.height);
    let area = Rect::new(
        screen.x + (screen.width.saturating_sub(width)) / 2,
        screen.y + (screen.height - height) / 2,
        width.min(screen.width),
        height,
    );
    Clear.render(area, buf);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme.border_focused)
        .title(" Argument (j/k move, Enter jumps, Esc closes) ");
    let inner = block.inner(area);
    block.style(theme.overlay).render(area, buf);
    // Scroll so the selected node's rows are in view, its first row first.
    let visible = usize::from(inner.height);
    let first = rows
        .iter()
        .position(|r| r.node == Some(selected))
        .unwrap_or(0);
    let last = rows
        .iter()
        .rposition(|r| r.node == Some(selected))
        .unwrap_or(0);
    let scroll = if last < visible {
        0
    } else {
        (last + 1 - visible).min(first.saturating_sub(1))
    };
    for (offset, row) in rows.iter().skip(scroll).take(visible).enumerate() {
        let y = inner.y + offset as u16;
        let style = match row.node {
            None => theme.sidebar_heading,
            Some(n) if n == selected => theme.text.patch(theme.sidebar_selected),
            Some(n) if nodes[n].origin == Origin::Detected => theme.sidebar_detected,
            Some(_) => theme.text,
        };
        if row.node == Some(selected) {
            buf.set_style(Rect::new(inner.x, y, inner.width, 1), style);
        }
        put_line(
            buf,
            inner.x,
            y,
            &Line::styled(row.text.as_str(), style),
            inner.width,
        );
    }
}

/// Headings and node rows: each node on one line cut with "…", the selected one whole.
fn rows(nodes: &[Node], selected: usize, width: usize) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut group = None;
    for (index, node) in nodes.iter().enumerate() {
        let (heading, this_group) = match node.role {
            Role::Thesis => ("Thesis", 0),
            Role::Key => ("Key claims", 1),
            Role::Counter | Role::Rebuttal => ("Counterclaims, each with its rebuttals", 2),
        };
        if group != Some(this_group) {
            group = Some(this_group);
            rows.push(Row {
                text: heading.to_string(),
                node: None,
            });
        }
        let indent = "  ".repeat(1 + 2 * node.depth());
        let arrow = if node.role == Role::Rebuttal {
            "↳ "
        } else {
            ""
        };
        let mark = if node.origin == Origin::Detected && node.role != Role::Rebuttal {
            "≈"
        } else {
            ""
        };
        let label = format!("{arrow}{mark}¶{} {}", node.at.paragraph + 1, node.text);
        let text_width = width.saturating_sub(indent.width()).max(8);
        let wrapped = textwrap::wrap(&label, text_width);
        let keep = if index == selected { wrapped.len() } else { 1 };
        let cut = wrapped.len() > keep;
        for (n, line) in wrapped.iter().take(keep).enumerate() {
            let mut text = line.to_string();
            if cut && n + 1 == keep {
                while text.width() + 1 > text_width && text.pop().is_some() {}
                text.push('…');
            }
            let lead = if n == 0 {
                indent.clone()
            } else {
                // Continuation lines line up with the text after "↳ ".
                format!("{indent}{}", " ".repeat(arrow.width()))
            };
            rows.push(Row {
                text: format!("{lead}{text}"),
                node: Some(index),
            });
        }
    }
    rows
}
