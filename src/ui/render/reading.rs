//! The reading pane: only the rows on screen are drawn, from the layout's cached lines.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget};

use super::cells::{put_line, put_string, put_stringn};
use super::text_spans::line_spans;
use crate::document::{InlineStyle, ParagraphKind};
use crate::layout::BlockKind;
use crate::ui::screen::Areas;
use crate::ui::sideways;
use crate::ui::state::App;
use crate::ui::theme::Theme;
use crate::ui::tints::Role;

pub fn render(app: &App, areas: &Areas, buf: &mut Buffer) {
    let height = areas.reading.height;
    let mut y = 0u16;
    let mut block = app.top.block;
    let mut row = app.top.row;
    while y < height && block < app.layout.block_count() {
        let lines = app.layout.lines(block);
        let line_count = lines.map_or(0, <[Range<usize>]>::len) as u32;
        while y < height && row < app.layout.height(block) {
            if let Some(lines) = lines.filter(|_| row < line_count) {
                draw_line(
                    app,
                    areas,
                    buf,
                    block,
                    row as usize,
                    lines,
                    areas.text.y + y,
                );
            }
            row += 1;
            y += 1;
        }
        block += 1;
        row = 0;
    }
    draw_scrollbar(app, areas, buf);
}

#[allow(clippy::too_many_arguments)]
fn draw_line(
    app: &App,
    areas: &Areas,
    buf: &mut Buffer,
    block: usize,
    index: usize,
    lines: &[Range<usize>],
    y: u16,
) {
    let theme = &app.theme;
    let doc = &app.doc;
    let text = app.layout.block_text(doc, block);
    let mut range = lines[index].clone();
    let width = areas.text.width;
    let mut marks: Option<sideways::Window> = None;
    let (base, mut decorations, prefix) = match app.layout.kind(block) {
        BlockKind::Rule(_) => {
            let rule = "─".repeat(usize::from(width));
            put_string(buf, areas.text.x, y, &rule, theme.gutter);
            return;
        }
        BlockKind::Furniture(_) => (
            theme.gutter.add_modifier(ratatui::style::Modifier::DIM),
            Vec::new(),
            None,
        ),
        BlockKind::Title => (theme.title, Vec::new(), None),
        BlockKind::Dek => (theme.dek, Vec::new(), None),
        BlockKind::Byline => (theme.byline, Vec::new(), None),
        BlockKind::Thesis => {
            // The label ("Thesis (¶6): ") is the start of the block's text.
            let label = text.find("): ").map_or(0, |end| end + 3);
            (theme.thesis, vec![(0..label, theme.thesis_label)], None)
        }
        BlockKind::Section(index) => {
            // Heading levels told apart by their marks in the gutter ("#", "##", …) and
            // by style: the top level underlined, the third and lower in italics.
            let level = doc.sections[index].level.clamp(1, 6);
            if range.start == 0 {
                let hashes = format!("{} ", "#".repeat(usize::from(level)));
                let shown = hashes.len().min(usize::from(areas.gutter.width));
                let x = areas.gutter.x + areas.gutter.width - shown as u16;
                put_stringn(
                    buf,
                    x,
                    y,
                    &hashes[hashes.len() - shown..],
                    shown as u16,
                    theme.gutter,
                );
            }
            let style = match level {
                1 => theme
                    .section
                    .add_modifier(ratatui::style::Modifier::UNDERLINED),
                2 => theme.section,
                _ => theme
                    .section
                    .remove_modifier(ratatui::style::Modifier::BOLD)
                    .add_modifier(ratatui::style::Modifier::ITALIC),
            };
            (style, Vec::new(), None)
        }
        BlockKind::NotesHeading => (theme.section, Vec::new(), None),
        BlockKind::Note(_) => (theme.note, Vec::new(), None),
        BlockKind::Paragraph(p) => {
            if index == 0 {
                let number = format!("¶{} ", p + 1);
                let x = areas.gutter.x
                    + areas
                        .gutter
                        .width
                        .saturating_sub(number.chars().count() as u16);
                put_string(buf, x, y, &number, theme.gutter);
                if let Some(role) = app.tints.mark(p).filter(|_| app.prefs.tints) {
                    let letter = role.letter().to_string();
                    put_string(buf, areas.gutter.x, y, &letter, tint_style(theme, role));
                }
            }
            let paragraph = &doc.paragraphs[p];
            // Tints under everything else: emphasis, highlight, cursor and search show
            // over them. Key claims last, so a sentence with two roles shows as a claim.
            let tints = app.tints.in_paragraph(p).iter().rev();
            let mut decorations: Vec<(Range<usize>, Style)> = tints
                .filter(|_| app.prefs.tints)
                .map(|(_, range, role)| (range.clone(), tint_style(theme, *role)))
                .collect();
            decorations.extend(
                paragraph
                    .spans
                    .iter()
                    .map(|span| (span.range.clone(), inline_style(theme, span.style))),
            );
            if let Some(at) = app.highlight.filter(|at| at.paragraph == p) {
                decorations.push((paragraph.sentences[at.sentence].clone(), theme.highlight));
            }
            if let Some(at) = app.cursor.filter(|at| at.paragraph == p) {
                let cursor = theme
                    .mark
                    .add_modifier(ratatui::style::Modifier::UNDERLINED);
                decorations.push((paragraph.sentences[at.sentence].clone(), cursor));
            }
            let verbatim = paragraph.kind.is_verbatim();
            if verbatim {
                // Sideways: the part from the scroll column on; where the line goes on,
                // "‹" in the indent and "›" in the last column.
                let room = usize::from(width.saturating_sub(2));
                let mut window = sideways::window(text, range.clone(), app.hscroll, room);
                if window.more_right {
                    window =
                        sideways::window(text, range.clone(), app.hscroll, room.saturating_sub(1));
                }
                range = window.range.clone();
                marks = Some(window);
            }
            let prefix = match &paragraph.kind {
                ParagraphKind::Body => None,
                ParagraphKind::Quote => Some(Span::styled("│ ", theme.quote_bar)),
                ParagraphKind::Code | ParagraphKind::Table => Some(Span::styled("  ", theme.code)),
                ParagraphKind::ListItem { marker, depth } => {
                    let indent = " ".repeat(depth * 2);
                    Some(Span::raw(if index == 0 {
                        format!("{indent}{marker} ")
                    } else {
                        format!(
                            "{indent}{} ",
                            " ".repeat(unicode_width::UnicodeWidthStr::width(marker.as_str()))
                        )
                    }))
                }
            };
            let base = if verbatim { theme.code } else { theme.text };
            (base, decorations, prefix)
        }
    };
    // Search matches over everything, in every block the pane draws.
    if let Some(search) = &app.search {
        let current = search.current_match();
        for m in search.in_block(block) {
            let style = if Some(m) == current {
                theme.search_current
            } else {
                theme.search_match
            };
            decorations.push((m.range.clone(), style));
        }
    }
    let mut spans: Vec<Span> = prefix.into_iter().collect();
    spans.extend(line_spans(text, range, base, &decorations));
    let mut room = width;
    if let Some(window) = marks {
        if window.more_left {
            spans[0] = Span::styled("‹ ", theme.gutter);
        }
        if window.more_right {
            room = width.saturating_sub(1);
            put_string(buf, areas.text.x + room, y, "›", theme.gutter);
        }
    }
    put_line(buf, areas.text.x, y, &Line::from(spans), room);
}

fn tint_style(theme: &Theme, role: Role) -> Style {
    match role {
        Role::Key => theme.tint_key,
        Role::Counter => theme.tint_counter,
        Role::Rebuttal => theme.tint_rebuttal,
    }
}

fn inline_style(theme: &Theme, style: InlineStyle) -> Style {
    match style {
        InlineStyle::Emphasis => theme.emphasis,
        InlineStyle::Strong => theme.strong,
        InlineStyle::Code => theme.code,
        InlineStyle::Link => theme.link,
    }
}

fn draw_scrollbar(app: &App, areas: &Areas, buf: &mut Buffer) {
    let viewport = u64::from(areas.reading.height);
    let total = app.layout.total_rows();
    if total <= viewport {
        return;
    }
    let scrollable = (total - viewport) as usize;
    let position = (app.layout.row_of(app.top) as usize).min(scrollable);
    let mut state = ScrollbarState::new(scrollable)
        .position(position)
        .viewport_content_length(viewport as usize);
    Scrollbar::new(ScrollbarOrientation::VerticalRight)
        .begin_symbol(None)
        .end_symbol(None)
        .track_symbol(Some(" "))
        .thumb_symbol("▐")
        .thumb_style(app.theme.gutter)
        .track_style(app.theme.border)
        .render(areas.scrollbar, buf, &mut state);
}
