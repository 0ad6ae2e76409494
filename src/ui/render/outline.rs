//! The outline overlay: the argument as a tree (`argument::tree`) under group headings,
//! one line a node, the selected node in full and kept in view.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Widget};
use unicode_width::UnicodeWidthStr;

use super::cells::put_line;
use crate::argument::tree::{self, Node, Role};
use crate::argument::{ArgumentMap, Origin};
use crate::document::Document;
use crate::ui::state::App;

/// The widest the overlay gets: wider lines of claims read badly.
const MAX_WIDTH: u16 = 100;

/// A row of the overlay: its text, and the node it belongs to (`None`: a heading).
#[derive(Debug, PartialEq)]
struct Row {
    text: String,
    node: Option<usize>,
    detected: bool,
}

pub fn render(app: &App, selected: usize, screen: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let width = screen.width.saturating_sub(4).clamp(10, MAX_WIDTH);
    let inner_width = usize::from(width.saturating_sub(2));
    let room = usize::from(screen.height.saturating_sub(2));
    let (total, rows) = rows_in_view(&app.doc, app.map(), selected, inner_width, room);
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
    for (offset, row) in rows.iter().take(usize::from(inner.height)).enumerate() {
        let y = inner.y + offset as u16;
        let style = match row.node {
            None => theme.sidebar_heading,
            Some(n) if n == selected => theme.text.patch(theme.sidebar_selected),
            Some(_) if row.detected => theme.sidebar_detected,
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

/// How many rows the overlay has in all (a row a node, all of the selected node's, a
/// heading a part of the tree), and those that fit in `room` rows, scrolled so the
/// selected node's rows are in view, its first row first. Only the nodes around the
/// selected one are made, so a map of hundreds of thousands of items costs what a short
/// one does.
fn rows_in_view(
    doc: &Document,
    map: &ArgumentMap,
    selected: usize,
    width: usize,
    room: usize,
) -> (usize, Vec<Row>) {
    let len = tree::len(map);
    let parts = tree::part_starts(map);
    let headings_before = |node: usize| parts.partition_point(|&g| g < node);
    // Every node but the selected one is one row: those in view are at most `room` nodes
    // before it and `room` after it.
    let window = if selected < len {
        selected.saturating_sub(room)..(selected + room + 1).min(len)
    } else {
        0..len.min(room)
    };
    // One node more before the window, to know whether its first node opens a part.
    let from = window.start.saturating_sub(1);
    let nodes: Vec<Node> = tree::nodes_from(doc, map, from)
        .take(window.end - from)
        .collect();
    let selected_rows = selected
        .checked_sub(from)
        .and_then(|i| nodes.get(i))
        .map(|node| node_rows(node, true, width).len());
    let total = len + parts.len() + selected_rows.map_or(0, |n| n - 1);
    let visible = total.min(room);
    let scroll = selected_rows.map_or(0, |n| {
        let first = selected + headings_before(selected + 1);
        let last = first + n - 1;
        if last < visible {
            0
        } else {
            (last + 1 - visible).min(first.saturating_sub(1))
        }
    });
    let context = window.start - from;
    let previous = nodes[..context].first().map(|node| part(node).1);
    let rows = rows(&nodes[context..], window.start, previous, selected, width)
        .into_iter()
        .skip(scroll.saturating_sub(window.start + headings_before(window.start)))
        .take(visible)
        .collect();
    (total, rows)
}

/// The heading of a node's part of the tree, and the part's place.
fn part(node: &Node) -> (&'static str, u8) {
    match node.role {
        Role::Thesis => ("Thesis", 0),
        Role::Key => ("Key claims", 1),
        Role::Counter | Role::Rebuttal => ("Counterclaims, each with its rebuttals", 2),
    }
}

/// Headings and node rows of `nodes`, the first of which is node `first` of the tree and
/// comes after a node of part `previous`: each node on one line cut with "…", the selected
/// one whole.
fn rows(
    nodes: &[Node],
    first: usize,
    mut previous: Option<u8>,
    selected: usize,
    width: usize,
) -> Vec<Row> {
    let mut rows = Vec::new();
    for (index, node) in (first..).zip(nodes) {
        let (heading, this_part) = part(node);
        if previous != Some(this_part) {
            previous = Some(this_part);
            rows.push(Row {
                text: heading.to_string(),
                node: None,
                detected: false,
            });
        }
        rows.extend(
            node_rows(node, index == selected, width)
                .into_iter()
                .map(|text| Row {
                    text,
                    node: Some(index),
                    detected: node.origin == Origin::Detected,
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

    /// The rows in view made the plain way: every row of the tree, then the scroll.
    fn reference(nodes: &[Node], selected: usize, width: usize, room: usize) -> Vec<Row> {
        let all = rows(nodes, 0, None, selected, width);
        let visible = all.len().min(room);
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
        assert_eq!(tree::part_starts(&map).len(), 3);
        assert!(nodes.iter().any(|n| n.role == Role::Rebuttal));
        for width in [20, 60, 98] {
            let whole = rows(&nodes, 0, None, 5, width).len();
            assert_eq!(rows_in_view(&doc, &map, 5, width, 3).0, whole);
            for room in [1, 3, 10, 38, 100_000] {
                for selected in (0..nodes.len() + 2).step_by(7).chain([nodes.len() - 1]) {
                    assert_eq!(
                        rows_in_view(&doc, &map, selected, width, room).1,
                        reference(&nodes, selected, width, room),
                        "width {width}, {room} rows, node {selected}"
                    );
                }
            }
        }
    }
}
