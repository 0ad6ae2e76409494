//! The sidebar's model: the argument map as panels (key claims, counterclaims, and the
//! article's sections when it has headings), each with its heading, its entries as rows for
//! a given width, and its share of the height. A pure function of the state, used by
//! `update` (to keep the selection in view) and by `render`.
//!
//! Entries are numbered across panels: first the map's items, in map order, then the
//! sections (while their panel is open).

use std::collections::BTreeMap;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::state::CrossNote;
use crate::document::SentenceRef;

use crate::argument::{ArgumentMap, ClaimKind, Item, Origin};
use crate::document::Document;

/// Columns before an entry's text: an on-screen mark and a space.
pub const ENTRY_INDENT: usize = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// A line of an entry's sentence; `first` marks its first line.
    Entry { first: bool },
    /// A section heading of the article.
    Section,
    /// Where a counterclaim is rebutted.
    Rebuttal,
    /// "none found" in an empty panel.
    Empty,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub kind: RowKind,
    /// The entry this row belongs to.
    pub item: Option<usize>,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PanelKind {
    Claims(ClaimKind),
    Sections,
}

/// One panel of the sidebar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Panel {
    pub kind: PanelKind,
    pub heading: String,
    pub rows: Vec<Row>,
    /// Rows of entries it may show (its heading not included).
    pub height: usize,
}

/// How many panels there can be (their scroll offsets live in the state).
pub const MAX_PANELS: usize = 3;

/// What the sidebar shows: the map, the selected entry, and whether Sections is open.
#[derive(Debug, Clone, Copy)]
pub struct View<'a> {
    pub doc: &'a Document,
    pub map: &'a ArgumentMap,
    pub selected: Option<usize>,
    pub sections_open: bool,
    /// Only entries whose text contains this (smart case) are listed.
    pub filter: Option<&'a str>,
    /// Lines an entry may take before it is cut with "…" (the selected one takes all).
    pub lines: usize,
    /// The map is the detector's and the text is not English: empty panels say why.
    pub not_english: bool,
    /// Beside another article: where items are answered there, by item sentence.
    pub cross: Option<&'a BTreeMap<SentenceRef, CrossNote>>,
}

/// What an entry number stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    Item(usize),
    Section(usize),
}

impl View<'_> {
    pub fn entry_count(&self) -> usize {
        self.map.items.len()
            + if self.sections_open {
                self.doc.sections.len()
            } else {
                0
            }
    }

    pub fn entry(&self, index: usize) -> Option<Entry> {
        let items = self.map.items.len();
        if index < items {
            Some(Entry::Item(index))
        } else if index < self.entry_count() {
            Some(Entry::Section(index - items))
        } else {
            None
        }
    }

    /// The text an entry is listed and filtered by.
    pub fn entry_text(&self, index: usize) -> Option<&str> {
        match self.entry(index)? {
            Entry::Item(i) => Some(self.map.items[i].text(self.doc)),
            Entry::Section(i) => Some(&self.doc.sections[i].title),
        }
    }

    /// Whether an entry passes the filter.
    pub fn shows(&self, index: usize) -> bool {
        match (self.filter, self.entry_text(index)) {
            (Some(filter), Some(text)) => super::search::contains_smart_case(text, filter),
            (None, Some(_)) => true,
            (_, None) => false,
        }
    }

    /// The entries listed, in order.
    pub fn visible_entries(&self) -> Vec<usize> {
        (0..self.entry_count()).filter(|&i| self.shows(i)).collect()
    }

    /// The panel an entry is listed in.
    pub fn panel_of(&self, index: usize) -> Option<PanelKind> {
        match self.entry(index)? {
            Entry::Item(i) => Some(PanelKind::Claims(self.map.items[i].kind)),
            Entry::Section(_) => Some(PanelKind::Sections),
        }
    }
}

/// The panels for a sidebar `width` columns wide with `height` rows for headings and
/// entries. Every panel keeps its heading on screen; entries share the rest.
pub fn panels(view: View, width: usize, height: usize) -> Vec<Panel> {
    let View {
        doc,
        map,
        selected,
        sections_open,
        ..
    } = view;
    let text_width = width.saturating_sub(ENTRY_INDENT + 1).max(8);
    let mut panels: Vec<Panel> = [ClaimKind::Key, ClaimKind::Counter]
        .iter()
        .map(|&kind| {
            let title = match kind {
                ClaimKind::Key => "Key claims",
                ClaimKind::Counter => "Counterclaims",
            };
            let all = map.of_kind(kind).count();
            let items: Vec<(usize, &Item)> =
                map.of_kind(kind).filter(|(i, _)| view.shows(*i)).collect();
            let mut rows = Vec::new();
            if items.is_empty() {
                let empty: &[&str] = match (view.not_english, kind) {
                    (true, ClaimKind::Key) => &[
                        "none: this text is not English,",
                        "the detector reads English only",
                    ],
                    (true, ClaimKind::Counter) => &["none (not English)"],
                    (false, _) => &["none found"],
                };
                rows.extend(empty.iter().map(|text| Row {
                    kind: RowKind::Empty,
                    item: None,
                    text: text.to_string(),
                }));
            }
            for (index, item) in items.iter().copied() {
                let lines = if selected == Some(index) {
                    usize::MAX
                } else {
                    view.lines
                };
                rows.extend(entry_rows(doc, item, index, lines, text_width));
                if let Some(note) = view.cross.and_then(|cross| cross.get(&item.anchor)) {
                    rows.push(Row {
                        kind: RowKind::Rebuttal,
                        item: Some(index),
                        text: clip_lines(vec![format!("  {}", note.label)], 1, text_width + 1)
                            .remove(0),
                    });
                }
            }
            Panel {
                kind: PanelKind::Claims(kind),
                heading: if items.len() == all {
                    format!("{title} ({all})")
                } else {
                    format!("{title} ({} of {all})", items.len())
                },
                rows,
                height: 0,
            }
        })
        .collect();
    if !doc.sections.is_empty() {
        panels.push(sections_panel(view, sections_open, text_width));
    }
    let needs: Vec<usize> = panels.iter().map(|p| p.rows.len()).collect();
    let available = height.saturating_sub(panels.len());
    for (panel, share) in panels.iter_mut().zip(allocate(&needs, available)) {
        panel.height = share;
    }
    panels
}

/// The article's headings, indented by level; collapsed, only the heading shows.
fn sections_panel(view: View, open: bool, width: usize) -> Panel {
    let doc = view.doc;
    let first_entry = view.map.items.len();
    let (mark, rows) = if open {
        let rows = doc
            .sections
            .iter()
            .enumerate()
            .filter(|(i, _)| view.shows(first_entry + i))
            .map(|(i, section)| {
                let indent = "  ".repeat(usize::from(section.level.saturating_sub(1)).min(3));
                let label = format!("{indent}§ {}", section.title);
                Row {
                    kind: RowKind::Section,
                    item: Some(first_entry + i),
                    text: clip_lines(vec![label], 1, width + 1).remove(0),
                }
            })
            .collect();
        ("▾", rows)
    } else {
        ("▸", Vec::new())
    };
    Panel {
        kind: PanelKind::Sections,
        heading: format!("Sections ({}) {mark}", doc.sections.len()),
        rows,
        height: 0,
    }
}

/// An entry: its label wrapped to at most `keep` lines, the last cut with "…" when the
/// label is longer still; counterclaims add a line saying where they are rebutted.
fn entry_rows(doc: &Document, item: &Item, index: usize, keep: usize, width: usize) -> Vec<Row> {
    let label = entry_label(doc, item);
    // First-fit over no more of the label than can show, since every frame builds every
    // entry: `keep` lines hold at most `keep` times the width plus the spaces between them.
    let options = textwrap::Options::new(width).wrap_algorithm(textwrap::WrapAlgorithm::FirstFit);
    let shown = lead(&label, width.saturating_add(1).saturating_mul(keep));
    let wrapped: Vec<String> = textwrap::wrap(shown, options)
        .into_iter()
        .map(|line| line.into_owned())
        .collect();
    let mut rows: Vec<Row> = clip_lines(wrapped, keep, width)
        .into_iter()
        .enumerate()
        .map(|(n, text)| Row {
            kind: RowKind::Entry { first: n == 0 },
            item: Some(index),
            text,
        })
        .collect();
    if item.kind == ClaimKind::Counter {
        rows.push(Row {
            kind: RowKind::Rebuttal,
            item: Some(index),
            text: rebuttal_label(item),
        });
    }
    rows
}

/// Shares `available` rows among panels that need `needs` rows: everyone gets what they
/// need if it fits; otherwise an equal share, with what a small panel leaves over going
/// to the larger ones.
pub fn allocate(needs: &[usize], available: usize) -> Vec<usize> {
    let mut shares = vec![0; needs.len()];
    let mut left = available;
    let mut open: Vec<usize> = (0..needs.len()).collect();
    while !open.is_empty() && left > 0 {
        let each = (left / open.len()).max(1);
        let mut still_open = Vec::new();
        for &i in &open {
            let give = each.min(needs[i] - shares[i]).min(left);
            shares[i] += give;
            left -= give;
            if shares[i] < needs[i] {
                still_open.push(i);
            }
        }
        open = still_open;
    }
    shares
}

/// "¶4 The sentence…", with a mark for detected items.
fn entry_label(doc: &Document, item: &Item) -> String {
    let mark = match item.origin {
        Origin::Annotated => "",
        Origin::Detected => "≈",
    };
    format!("{mark}¶{} {}", item.anchor.paragraph + 1, item.text(doc))
}

fn rebuttal_label(item: &Item) -> String {
    if item.rebuttals.is_empty() {
        return "  ↳ no rebuttal marked".into();
    }
    let mut paragraphs: Vec<usize> = item.rebuttals.iter().map(|r| r.paragraph + 1).collect();
    paragraphs.dedup();
    let list: Vec<String> = paragraphs.iter().map(|p| format!("¶{p}")).collect();
    format!("  ↳ rebutted in {}", list.join(", "))
}

/// The start of `text` up to the first character that is not white space past `width`
/// columns (all of it if it is no wider): white space alone would wrap away.
fn lead(text: &str, width: usize) -> &str {
    let mut columns = 0;
    for (at, c) in text.char_indices() {
        columns += c.width().unwrap_or(0);
        if columns > width && !c.is_whitespace() {
            return &text[..at + c.len_utf8()];
        }
    }
    text
}

/// Keeps the first `keep` lines, ending the last kept one with "…" if cut (or if wider
/// than `width`).
fn clip_lines(mut lines: Vec<String>, keep: usize, width: usize) -> Vec<String> {
    if lines.len() > keep
        || lines
            .get(keep.saturating_sub(1))
            .is_some_and(|l| l.width() > width)
    {
        lines.truncate(keep);
        let last = &mut lines[keep - 1];
        while last.width() + 1 > width && last.pop().is_some() {}
        last.push('…');
    }
    lines
}

/// The first and last row of an item in a panel, to scroll it into view.
pub fn item_rows(rows: &[Row], item: usize) -> Option<(usize, usize)> {
    let first = rows.iter().position(|r| r.item == Some(item))?;
    let last = rows.iter().rposition(|r| r.item == Some(item))?;
    Some((first, last))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::argument::Item;
    use crate::document::{Metadata, SentenceRef};

    fn example() -> (Document, ArgumentMap) {
        let doc = Document::from_paragraphs(
            Metadata::default(),
            &[
                "Cats are the best pets anyone could ever wish to have at home.",
                "Some say dogs are loyal.",
                "They are not.",
            ],
        );
        let at = |paragraph| SentenceRef {
            paragraph,
            sentence: 0,
        };
        let item = Item::annotated;
        let map = ArgumentMap::new(vec![
            item(ClaimKind::Counter, at(1), vec![at(2)]),
            item(ClaimKind::Key, at(0), vec![]),
        ]);
        (doc, map)
    }

    #[test]
    fn panels_hold_one_line_entries_and_rebuttal_lines() {
        let (doc, map) = example();
        let view = View {
            doc: &doc,
            map: &map,
            selected: None,
            sections_open: true,
            filter: None,
            lines: 1,
            not_english: false,
            cross: None,
        };
        let panels = panels(view, 30, 20);
        assert_eq!(panels[0].heading, "Key claims (1)");
        assert_eq!(panels[1].heading, "Counterclaims (1)");
        let texts: Vec<&str> = panels[1].rows.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(texts, ["¶2 Some say dogs are loyal.", "  ↳ rebutted in ¶3"]);
        assert_eq!(panels[0].rows.len(), 1);
        assert!(panels[0].rows[0].text.ends_with('…'));
        assert!(panels[0].rows[0].text.width() <= 27);
        assert_eq!(item_rows(&panels[1].rows, 1), Some((0, 1)));
    }

    #[test]
    fn a_one_line_entry_holds_as_many_words_as_fit() {
        let (doc, map) = example();
        let label = entry_label(&doc, &map.items[1]);
        for width in 8..label.width() + 3 {
            let rows = entry_rows(&doc, &map.items[1], 1, 1, width);
            // The same line as wrapping the whole label first-fit and cutting after line 1.
            let options =
                textwrap::Options::new(width).wrap_algorithm(textwrap::WrapAlgorithm::FirstFit);
            let whole: Vec<String> = textwrap::wrap(&label, options)
                .into_iter()
                .map(|line| line.into_owned())
                .collect();
            assert_eq!(
                rows[0].text,
                clip_lines(whole, 1, width)[0],
                "width {width}"
            );
            assert!(rows[0].text.width() <= width, "width {width}");
        }
        assert_eq!(lead("ab¶c", 2), "ab¶");
        assert_eq!(lead("ab", 2), "ab");
    }

    #[test]
    fn entries_wrap_to_their_lines_and_end_with_an_ellipsis_only_when_longer() {
        let (doc, map) = example();
        let label = entry_label(&doc, &map.items[0]);
        for keep in 1..=5 {
            for width in 8..label.width() + 3 {
                let rows = entry_rows(&doc, &map.items[0], 0, keep, width);
                let whole: Vec<String> = textwrap::wrap(
                    &label,
                    textwrap::Options::new(width).wrap_algorithm(textwrap::WrapAlgorithm::FirstFit),
                )
                .into_iter()
                .map(|line| line.into_owned())
                .collect();
                assert_eq!(rows.len(), whole.len().min(keep), "{keep} lines of {width}");
                let cut = rows.last().unwrap().text.ends_with('…');
                assert_eq!(cut, whole.len() > keep, "{keep} lines of {width}");
                if !cut {
                    let texts: Vec<&str> = rows.iter().map(|r| r.text.as_str()).collect();
                    assert_eq!(texts, whole, "{keep} lines of {width}");
                }
                assert!(rows.iter().all(|r| r.text.width() <= width));
            }
        }
    }

    #[test]
    fn the_selected_entry_shows_its_whole_sentence() {
        let (doc, map) = example();
        let view = View {
            doc: &doc,
            map: &map,
            selected: Some(0),
            sections_open: true,
            filter: None,
            lines: 1,
            not_english: false,
            cross: None,
        };
        let panels = panels(view, 30, 20);
        assert!(panels[0].rows.len() > 1);
        let joined: Vec<&str> = panels[0].rows.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(joined.join(" "), format!("¶1 {}", doc.paragraph_text(0)));
    }

    #[test]
    fn allocation_gives_every_panel_a_share() {
        assert_eq!(allocate(&[3, 4], 20), [3, 4]);
        assert_eq!(allocate(&[10, 10], 16), [8, 8]);
        assert_eq!(allocate(&[2, 30], 16), [2, 14]);
        assert_eq!(allocate(&[30, 30], 3), [2, 1]);
        assert_eq!(allocate(&[5, 5], 0), [0, 0]);
        for available in 0..40 {
            let shares = allocate(&[7, 1, 25], available);
            assert_eq!(shares.iter().sum::<usize>(), available.min(33));
        }
    }
}

#[cfg(test)]
mod section_tests {
    use super::*;
    use crate::document::{Metadata, ParagraphKind};

    #[test]
    fn sections_get_a_panel_numbered_after_the_items_and_can_be_collapsed() {
        let mut doc = Document::new(Metadata::default());
        doc.push_section("Background", 1);
        doc.push_paragraph(ParagraphKind::Body, "First.", Vec::new());
        doc.push_section("Details", 2);
        doc.push_paragraph(ParagraphKind::Body, "Second.", Vec::new());
        let map = ArgumentMap::default();
        let mut view = View {
            doc: &doc,
            map: &map,
            selected: None,
            sections_open: true,
            filter: None,
            lines: 3,
            not_english: false,
            cross: None,
        };
        let open = panels(view, 30, 20);
        assert_eq!(open.len(), 3);
        let texts: Vec<&str> = open[2].rows.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(texts, ["§ Background", "  § Details"]);
        assert_eq!(view.entry(1), Some(Entry::Section(1)));
        view.sections_open = false;
        assert_eq!(view.entry_count(), 0);
        let closed = panels(view, 30, 20);
        assert!(closed[2].rows.is_empty());
        assert!(closed[2].heading.starts_with("Sections (2)"));
    }
}
