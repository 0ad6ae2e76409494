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
        // The lines of this block on screen, and the bytes they show: decorations are
        // gathered for those bytes only (a paragraph of 100 MB may have a million
        // search matches).
        let rows = app
            .layout
            .height(block)
            .saturating_sub(row)
            .min(u32::from(height - y));
        let lines: Vec<Option<Range<usize>>> = (row..row + rows)
            .map(|r| app.layout.line(block, r))
            .collect();
        let shown = lines.iter().flatten();
        let window = shown.clone().map(|l| l.start).min().unwrap_or(0)
            ..shown.map(|l| l.end).max().unwrap_or(0);
        let look = BlockLook::of(app, block, &window);
        for (offset, line) in lines.into_iter().enumerate() {
            if let Some(line) = line {
                let index = row as usize + offset;
                draw_line(app, areas, buf, &look, block, index, line, areas.text.y + y);
            }
            y += 1;
        }
        block += 1;
        row = 0;
    }
    draw_scrollbar(app, areas, buf);
}

/// How a block's lines are drawn: their base style and the decorations over the bytes
/// on screen.
struct BlockLook {
    base: Style,
    decorations: Vec<(Range<usize>, Style)>,
}

/// Whether a decoration over `range` touches the bytes `window`.
fn overlaps(range: &Range<usize>, window: &Range<usize>) -> bool {
    range.start < window.end && window.start < range.end
}

impl BlockLook {
    fn of(app: &App, block: usize, window: &Range<usize>) -> BlockLook {
        let theme = &app.theme;
        let doc = &app.doc;
        let text = app.layout.block_text(doc, block);
        let (base, mut decorations) = match app.layout.kind(block) {
            BlockKind::Rule(_) => (theme.gutter, Vec::new()),
            BlockKind::Furniture(_) => (
                theme.gutter.add_modifier(ratatui::style::Modifier::DIM),
                Vec::new(),
            ),
            BlockKind::Title => (theme.title, Vec::new()),
            BlockKind::Dek => (theme.dek, Vec::new()),
            BlockKind::Byline => (theme.byline, Vec::new()),
            BlockKind::Thesis => {
                // The label ("Thesis (¶6): ") is the start of the block's text.
                let label = text.find("): ").map_or(0, |end| end + 3);
                (theme.thesis, vec![(0..label, theme.thesis_label)])
            }
            BlockKind::Section(index) => {
                // Heading levels told apart by style (and by their marks in the gutter,
                // see `draw_line`): the top level underlined, the third and lower in
                // italics.
                let style = match doc.sections[index].level.clamp(1, 6) {
                    1 => theme
                        .section
                        .add_modifier(ratatui::style::Modifier::UNDERLINED),
                    2 => theme.section,
                    _ => theme
                        .section
                        .remove_modifier(ratatui::style::Modifier::BOLD)
                        .add_modifier(ratatui::style::Modifier::ITALIC),
                };
                (style, Vec::new())
            }
            BlockKind::NotesHeading => (theme.section, Vec::new()),
            BlockKind::Note(_) => (theme.note, Vec::new()),
            BlockKind::Paragraph(p) => {
                let paragraph = &doc.paragraphs[p];
                // Tints under everything else: emphasis, highlight, cursor and search
                // show over them. Key claims last, so a sentence with two roles shows as
                // a claim.
                let tints = app.tints.in_paragraph(p).iter().rev();
                let mut decorations: Vec<(Range<usize>, Style)> = tints
                    .filter(|_| app.prefs.tints)
                    .filter(|t| overlaps(&t.range(), window))
                    .map(|t| (t.range(), tint_style(theme, t.role)))
                    .collect();
                decorations.extend(
                    paragraph
                        .spans
                        .iter()
                        .filter(|span| overlaps(&span.range, window))
                        .map(|span| (span.range.clone(), inline_style(theme, span.style))),
                );
                if let Some(at) = app.highlight.filter(|at| at.paragraph == p) {
                    decorations.push((paragraph.sentences.range(at.sentence), theme.highlight));
                }
                if let Some(at) = app.cursor.filter(|at| at.paragraph == p) {
                    let cursor = theme
                        .mark
                        .add_modifier(ratatui::style::Modifier::UNDERLINED);
                    decorations.push((paragraph.sentences.range(at.sentence), cursor));
                }
                let base = if paragraph.kind.is_verbatim() {
                    theme.code
                } else {
                    theme.text
                };
                (base, decorations)
            }
        };
        // Search matches over everything, in every block the pane draws. Matches are in
        // order and do not overlap: those on screen are a run.
        if let Some(search) = &app.search {
            let current = search.current_match();
            let matches = search.in_block(block);
            let first = matches.partition_point(|m| m.range.end <= window.start);
            let on_screen = matches[first..]
                .iter()
                .take_while(|m| m.range.start < window.end);
            for m in on_screen {
                let style = if Some(m) == current {
                    theme.search_current
                } else {
                    theme.search_match
                };
                decorations.push((m.range.clone(), style));
            }
        }
        BlockLook { base, decorations }
    }
}

#[allow(clippy::too_many_arguments)]
fn draw_line(
    app: &App,
    areas: &Areas,
    buf: &mut Buffer,
    look: &BlockLook,
    block: usize,
    index: usize,
    mut range: Range<usize>,
    y: u16,
) {
    let theme = &app.theme;
    let doc = &app.doc;
    let text = app.layout.block_text(doc, block);
    let width = areas.text.width;
    let mut marks: Option<sideways::Window> = None;
    let prefix = match app.layout.kind(block) {
        BlockKind::Rule(_) => {
            let rule = "─".repeat(usize::from(width));
            put_string(buf, areas.text.x, y, &rule, theme.gutter);
            return;
        }
        BlockKind::Section(section) => {
            if index == 0 {
                let level = doc.sections[section].level.clamp(1, 6);
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
            None
        }
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
            if paragraph.kind.is_verbatim() {
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
            match &paragraph.kind {
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
            }
        }
        _ => None,
    };
    let mut spans: Vec<Span> = prefix.into_iter().collect();
    spans.extend(line_spans(text, range, look.base, &look.decorations));
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
