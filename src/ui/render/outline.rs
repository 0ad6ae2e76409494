//! The outline overlay: the argument as a tree (`argument::tree`) under group headings,
//! one line a node, the selected node in full and kept in view.

use std::ops::Range;

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
#[derive(Debug, PartialEq)]
struct Row {
    text: String,
    node: Option<usize>,
}

pub fn render(app: &App, selected: usize, screen: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let nodes = tree::tree(&app.doc, app.map());
    let width = screen.width.saturating_sub(4).clamp(10, MAX_WIDTH);
    let inner_width = usize::from(width.saturating_sub(2));
    let total = total_rows(&nodes, selected, inner_width);
    let height = (total as u16).saturating_add(2).min(screen.height);
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
    let rows = rows_in_view(&nodes, selected, inner_width, usize::from(inner.height));
    for (offset, row) in rows.iter().enumerate() {
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

/// How many rows the overlay has: a row a node, all of the selected node's, and a heading
/// a group.
fn total_rows(nodes: &[Node], selected: usize, width: usize) -> usize {
    let extra = nodes
        .get(selected)
        .map_or(0, |node| node_rows(node, true, width).len() - 1);
    nodes.len() + group_starts(nodes).len() + extra
}

/// The rows in view when `visible` fit, scrolled so the selected node's rows are in view,
/// its first row first. Only the nodes around the selected one are made into rows, so a
/// map of hundreds of thousands of items costs what a short one does.
fn rows_in_view(nodes: &[Node], selected: usize, width: usize, visible: usize) -> Vec<Row> {
    let Some(node) = nodes.get(selected) else {
        return rows(nodes, 0..nodes.len().min(visible), selected, width)
            .into_iter()
            .take(visible)
            .collect();
    };
    let groups = group_starts(nodes);
    let headings_before = |node: usize| groups.partition_point(|&g| g < node);
    let first = selected + headings_before(selected + 1);
    let last = first + node_rows(node, true, width).len() - 1;
    let scroll = if last < visible {
        0
    } else {
        (last + 1 - visible).min(first.saturating_sub(1))
    };
    // Every node before the selected one is one row, so those in view are at most
    // `visible` nodes before it; those after it, at most `visible` after it.
    let window = selected.saturating_sub(visible)..(selected + visible + 1).min(nodes.len());
    let window_first_row = window.start + headings_before(window.start);
    rows(nodes, window, selected, width)
        .into_iter()
        .skip(scroll.saturating_sub(window_first_row))
        .take(visible)
        .collect()
}

/// The heading of a node's group, and the group's place.
fn group(node: &Node) -> (&'static str, u8) {
    match node.role {
        Role::Thesis => ("Thesis", 0),
        Role::Key => ("Key claims", 1),
        Role::Counter | Role::Rebuttal => ("Counterclaims, each with its rebuttals", 2),
    }
}

/// The nodes that open a group (and get a heading row before them), in order.
fn group_starts(nodes: &[Node]) -> Vec<usize> {
    (0..nodes.len())
        .filter(|&i| i == 0 || group(&nodes[i]).1 != group(&nodes[i - 1]).1)
        .collect()
}

/// Headings and node rows of the nodes in `window`: each node on one line cut with "…",
/// the selected one whole.
fn rows(nodes: &[Node], window: Range<usize>, selected: usize, width: usize) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut previous = window.start.checked_sub(1).map(|i| group(&nodes[i]).1);
    for index in window {
        let node = &nodes[index];
        let (heading, this_group) = group(node);
        if previous != Some(this_group) {
            previous = Some(this_group);
            rows.push(Row {
                text: heading.to_string(),
                node: None,
            });
        }
        rows.extend(
            node_rows(node, index == selected, width)
                .into_iter()
                .map(|text| Row {
                    text,
                    node: Some(index),
                }),
        );
    }
    rows
}

/// The rows of one node: one cut with "…", or all of them for the selected node.
fn node_rows(node: &Node, whole: bool, width: usize) -> Vec<String> {
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
    let keep = if whole { wrapped.len() } else { 1 };
    let cut = wrapped.len() > keep;
    wrapped
        .iter()
        .take(keep)
        .enumerate()
        .map(|(n, line)| {
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
            format!("{lead}{text}")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::argument::detect::detect;
    use crate::source::{self, LoadOptions};

    /// The rows in view as the overlay found them before it made only those: every row,
    /// then the scroll.
    fn reference(nodes: &[Node], selected: usize, width: usize, visible: usize) -> Vec<Row> {
        let all = rows(nodes, 0..nodes.len(), selected, width);
        let first = all
            .iter()
            .position(|r| r.node == Some(selected))
            .unwrap_or(0);
        let last = all
            .iter()
            .rposition(|r| r.node == Some(selected))
            .unwrap_or(0);
        let scroll = if last < visible {
            0
        } else {
            (last + 1 - visible).min(first.saturating_sub(1))
        };
        all.into_iter().skip(scroll).take(visible).collect()
    }

    #[test]
    fn the_rows_in_view_are_those_of_the_whole_outline() {
        let text = crate::synthetic::article(40_000, 2);
        let doc = source::load_bytes(text.as_bytes(), "a.txt", &LoadOptions::default())
            .unwrap()
            .document;
        let map = detect(&doc);
        let nodes = tree::tree(&doc, &map);
        assert!(nodes.len() > 100, "{}", nodes.len());
        assert!(group_starts(&nodes).len() >= 2);
        for width in [20, 60, 98] {
            for visible in [1, 3, 10, 38] {
                for selected in (0..nodes.len() + 2).step_by(7).chain([nodes.len() - 1]) {
                    assert_eq!(
                        rows_in_view(&nodes, selected, width, visible),
                        reference(&nodes, selected, width, visible),
                        "width {width}, {visible} rows, node {selected}"
                    );
                }
                let all = rows(&nodes, 0..nodes.len(), 5, width).len();
                assert_eq!(total_rows(&nodes, 5, width), all);
            }
        }
    }
}
