//! The sidebar's model: the argument map as panels (key claims, counterclaims, and the
//! article's sections when it has headings), each with its heading, its entries as rows for
//! a given width, and its share of the height. A pure function of the state, used by
//! `update` (to keep the selection in view) and by `render`.
//!
//! Entries are numbered across panels: first the map's items, in map order, then the
//! sections (while their panel is open).

mod label_lines;

use std::collections::BTreeMap;

use unicode_width::UnicodeWidthStr;

use super::state::CrossNote;
use crate::argument::{ArgumentMap, ClaimKind, Item};
use crate::document::{Document, SentenceRef};
pub use label_lines::LabelLines;
use label_lines::entry_label;

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

/// One panel of the sidebar: its entries and the row each starts at. Rows are made only
/// for what is drawn ([`Panel::rows`]): a map may list hundreds of thousands of entries.
#[derive(Debug, Clone)]
pub struct Panel<'a> {
    pub kind: PanelKind,
    pub heading: String,
    /// Rows of entries it may show (its heading not included).
    pub height: usize,
    listing: Listing<'a>,
    /// What an empty panel says ("none found").
    empty: &'static [&'static str],
    view: View<'a>,
    text_width: usize,
}

/// A panel's entries, in order, and the row each starts at.
#[derive(Debug, Clone)]
enum Listing<'a> {
    /// Made for this frame (a filter, sections, the notes of a pair).
    Made {
        entries: Vec<usize>,
        /// The first row of each entry, then the number of rows.
        starts: Vec<usize>,
    },
    /// The map's items `items`, whose rows were counted once for the map and the width
    /// ([`LabelLines::panel`]); the selected entry, shown whole, takes `grown` =
    /// (its slot, its extra rows) more.
    Counted {
        items: std::ops::Range<usize>,
        starts: &'a [u32],
        grown: Option<(usize, usize)>,
    },
}

impl Listing<'_> {
    fn len(&self) -> usize {
        match self {
            Listing::Made { entries, .. } => entries.len(),
            Listing::Counted { items, .. } => items.len(),
        }
    }

    fn entry(&self, slot: usize) -> usize {
        match self {
            Listing::Made { entries, .. } => entries[slot],
            Listing::Counted { items, .. } => items.start + slot,
        }
    }

    /// The first row of the entry in `slot`; for `len()`, the number of rows.
    fn start(&self, slot: usize) -> usize {
        match self {
            Listing::Made { starts, .. } => starts[slot],
            Listing::Counted { starts, grown, .. } => {
                let extra = grown.filter(|&(at, _)| slot > at).map_or(0, |(_, n)| n);
                (starts[slot] - starts[0]) as usize + extra
            }
        }
    }

    fn slot_of(&self, entry: usize) -> Option<usize> {
        match self {
            Listing::Made { entries, .. } => entries.binary_search(&entry).ok(),
            Listing::Counted { items, .. } => items.contains(&entry).then(|| entry - items.start),
        }
    }

    /// The number of slots in `0..=len()` whose start passes `before` (which holds for
    /// a prefix of them, the starts being in order).
    fn starts_before(&self, before: impl Fn(usize) -> bool) -> usize {
        let (mut low, mut high) = (0, self.len() + 1);
        while low < high {
            let middle = (low + high) / 2;
            if before(self.start(middle)) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        low
    }
}

impl Panel<'_> {
    pub fn row_count(&self) -> usize {
        if self.listing.len() == 0 {
            self.empty.len()
        } else {
            self.listing.start(self.listing.len())
        }
    }

    /// The rows in `range` (those past the last row are left out).
    pub fn rows(&self, range: std::ops::Range<usize>) -> Vec<Row> {
        if self.listing.len() == 0 {
            let empty = self.empty.iter().map(|text| Row {
                kind: RowKind::Empty,
                item: None,
                text: text.to_string(),
            });
            return empty.skip(range.start).take(range.len()).collect();
        }
        let Some(first) = self.slot_at(range.start) else {
            return Vec::new();
        };
        let mut rows = Vec::new();
        for slot in first..self.listing.len() {
            if self.listing.start(slot) >= range.end {
                break;
            }
            rows.extend(entry_rows(
                self.view,
                self.listing.entry(slot),
                self.text_width,
            ));
        }
        let skip = range.start - self.listing.start(first);
        rows.into_iter().skip(skip).take(range.len()).collect()
    }

    /// The entry row `row` belongs to, if any.
    pub fn entry_at(&self, row: usize) -> Option<usize> {
        self.slot_at(row).map(|slot| self.listing.entry(slot))
    }

    /// The first and last row of an entry, to scroll it into view.
    pub fn entry_rows(&self, entry: usize) -> Option<(usize, usize)> {
        let slot = self.listing.slot_of(entry)?;
        Some((self.listing.start(slot), self.listing.start(slot + 1) - 1))
    }

    /// The first row at or after `row` that starts an entry (the row count if none does).
    pub fn entry_start_from(&self, row: usize) -> usize {
        let slot = self.listing.starts_before(|start| start < row);
        if slot <= self.listing.len() {
            self.listing.start(slot)
        } else {
            row
        }
    }

    /// The index in the listing of the entry holding `row`.
    fn slot_at(&self, row: usize) -> Option<usize> {
        if self.listing.len() == 0 || row >= self.row_count() {
            return None;
        }
        Some(self.listing.starts_before(|start| start <= row) - 1)
    }
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
    /// The lines each item's label takes, counted once per map and width.
    pub label_lines: &'a LabelLines,
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
        match self.filter {
            Some(filter) => self
                .entry_text(index)
                .is_some_and(|text| super::search::contains_smart_case(text, filter)),
            None => index < self.entry_count(),
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

/// Columns of an entry's text in a sidebar `width` columns wide.
pub fn text_width(width: usize) -> usize {
    width.saturating_sub(ENTRY_INDENT + 1).max(8)
}

/// The panels for a sidebar `width` columns wide with `height` rows for headings and
/// entries. Every panel keeps its heading on screen; entries share the rest.
pub fn panels(view: View<'_>, width: usize, height: usize) -> Vec<Panel<'_>> {
    let text_width = text_width(width);
    let mut panels: Vec<Panel> = [ClaimKind::Key, ClaimKind::Counter]
        .into_iter()
        .map(|kind| claims_panel(view, kind, text_width))
        .collect();
    if !view.doc.sections.is_empty() {
        panels.push(sections_panel(view, text_width));
    }
    let needs: Vec<usize> = panels.iter().map(Panel::row_count).collect();
    let available = height.saturating_sub(panels.len());
    for (panel, share) in panels.iter_mut().zip(allocate(&needs, available)) {
        panel.height = share;
    }
    panels
}

fn claims_panel(view: View<'_>, kind: ClaimKind, text_width: usize) -> Panel<'_> {
    let title = match kind {
        ClaimKind::Key => "Key claims",
        ClaimKind::Counter => "Counterclaims",
    };
    let listing = counted_listing(view, kind, text_width).unwrap_or_else(|| {
        let mut entries = Vec::new();
        let mut starts = Vec::new();
        let mut row = 0;
        for (index, item) in view.map.of_kind(kind) {
            if view.shows(index) {
                entries.push(index);
                starts.push(row);
                row += item_row_count(view, index, item, text_width);
            }
        }
        starts.push(row);
        Listing::Made { entries, starts }
    });
    let empty: &[&str] = match (view.not_english, kind) {
        (true, ClaimKind::Key) => &[
            "none: this text is not English,",
            "the detector reads English only",
        ],
        (true, ClaimKind::Counter) => &["none (not English)"],
        (false, _) => &["none found"],
    };
    let listed = listing.len();
    let all = match &listing {
        Listing::Counted { .. } => listed,
        Listing::Made { .. } => view.map.of_kind(kind).count(),
    };
    Panel {
        kind: PanelKind::Claims(kind),
        heading: if listed == all {
            format!("{title} ({all})")
        } else {
            format!("{title} ({listed} of {all})")
        },
        height: 0,
        listing,
        empty,
        view,
        text_width,
    }
}

/// The listing of every item of `kind` from the rows counted for the map, when nothing
/// is filtered and no pair's notes add rows: no walk over the map in a frame.
fn counted_listing<'a>(view: View<'a>, kind: ClaimKind, text_width: usize) -> Option<Listing<'a>> {
    if view.filter.is_some() || view.cross.is_some() {
        return None;
    }
    let (items, starts) =
        view.label_lines
            .panel(view.doc, view.map.items.len(), kind, view.lines, text_width)?;
    let grown = view
        .selected
        .filter(|selected| items.contains(selected))
        .map(|selected| {
            let slot = selected - items.start;
            let counted = (starts[slot + 1] - starts[slot]) as usize;
            let item = &view.map.items[selected];
            let whole = item_row_count(view, selected, item, text_width);
            (slot, whole.saturating_sub(counted))
        });
    Some(Listing::Counted {
        items,
        starts,
        grown,
    })
}

/// The article's headings, indented by level; collapsed, only the heading shows.
fn sections_panel(view: View<'_>, text_width: usize) -> Panel<'_> {
    let first_entry = view.map.items.len();
    let entries: Vec<usize> = if view.sections_open {
        (first_entry..first_entry + view.doc.sections.len())
            .filter(|&entry| view.shows(entry))
            .collect()
    } else {
        Vec::new()
    };
    let mark = if view.sections_open { "▾" } else { "▸" };
    Panel {
        kind: PanelKind::Sections,
        heading: format!("Sections ({}) {mark}", view.doc.sections.len()),
        height: 0,
        listing: Listing::Made {
            starts: (0..=entries.len()).collect(),
            entries,
        },
        empty: &[],
        view,
        text_width,
    }
}

/// Rows the entry of item `index` takes: its label's lines (all of them when selected),
/// the line saying where a counterclaim is rebutted, the line saying where the other
/// article of a pair answers it.
fn item_row_count(view: View, index: usize, item: &Item, text_width: usize) -> usize {
    let label = if view.selected == Some(index) {
        label_lines::count(&entry_label(view.doc, item), usize::MAX, text_width)
    } else {
        let items = view.map.items.len();
        match view
            .label_lines
            .get(view.doc, items, index, view.lines, text_width)
        {
            Some(lines) => lines,
            None => label_lines::count(&entry_label(view.doc, item), view.lines, text_width),
        }
    };
    label
        + usize::from(item.kind == ClaimKind::Counter)
        + usize::from(
            view.cross
                .is_some_and(|cross| cross.contains_key(&item.anchor)),
        )
}

/// The rows of one entry, as [`item_row_count`] counts them.
fn entry_rows(view: View, entry: usize, text_width: usize) -> Vec<Row> {
    match view.entry(entry) {
        Some(Entry::Item(index)) => {
            let item = &view.map.items[index];
            let keep = if view.selected == Some(index) {
                usize::MAX
            } else {
                view.lines
            };
            let mut rows = item_rows(view.doc, item, index, keep, text_width);
            if let Some(note) = view.cross.and_then(|cross| cross.get(&item.anchor)) {
                rows.push(Row {
                    kind: RowKind::Rebuttal,
                    item: Some(index),
                    text: clip_lines(vec![format!("  {}", note.label)], 1, text_width + 1)
                        .remove(0),
                });
            }
            rows
        }
        Some(Entry::Section(index)) => {
            let section = &view.doc.sections[index];
            let indent = "  ".repeat(usize::from(section.level.saturating_sub(1)).min(3));
            let label = format!("{indent}§ {}", section.title);
            vec![Row {
                kind: RowKind::Section,
                item: Some(entry),
                text: clip_lines(vec![label], 1, text_width + 1).remove(0),
            }]
        }
        None => Vec::new(),
    }
}

/// An item's entry: its label wrapped to at most `keep` lines, the last cut with "…" when
/// the label is longer still; counterclaims add a line saying where they are rebutted.
fn item_rows(doc: &Document, item: &Item, index: usize, keep: usize, width: usize) -> Vec<Row> {
    let label = entry_label(doc, item);
    let wrapped = label_lines::wrap(&label, keep, width)
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

fn rebuttal_label(item: &Item) -> String {
    if item.rebuttals.is_empty() {
        return "  ↳ no rebuttal marked".into();
    }
    let mut paragraphs: Vec<usize> = item.rebuttals.iter().map(|r| r.paragraph + 1).collect();
    paragraphs.dedup();
    let list: Vec<String> = paragraphs.iter().map(|p| format!("¶{p}")).collect();
    format!("  ↳ rebutted in {}", list.join(", "))
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

    fn view<'a>(doc: &'a Document, map: &'a ArgumentMap, lines: &'a LabelLines) -> View<'a> {
        View {
            doc,
            map,
            selected: None,
            sections_open: true,
            filter: None,
            lines: 1,
            not_english: false,
            cross: None,
            label_lines: lines,
        }
    }

    fn all_rows(panel: &Panel) -> Vec<Row> {
        panel.rows(0..panel.row_count())
    }

    #[test]
    fn panels_hold_one_line_entries_and_rebuttal_lines() {
        let (doc, map) = example();
        let counts = LabelLines::default();
        let panels = panels(view(&doc, &map, &counts), 30, 20);
        assert_eq!(panels[0].heading, "Key claims (1)");
        assert_eq!(panels[1].heading, "Counterclaims (1)");
        let rows = all_rows(&panels[1]);
        let texts: Vec<&str> = rows.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(texts, ["¶2 Some say dogs are loyal.", "  ↳ rebutted in ¶3"]);
        let rows = all_rows(&panels[0]);
        assert_eq!(rows.len(), 1);
        assert!(rows[0].text.ends_with('…'));
        assert!(rows[0].text.width() <= 27);
        assert_eq!(panels[1].entry_rows(1), Some((0, 1)));
        assert_eq!(panels[1].entry_at(1), Some(1));
        assert_eq!(panels[1].entry_at(2), None);
    }

    #[test]
    fn a_one_line_entry_holds_as_many_words_as_fit() {
        let (doc, map) = example();
        let label = entry_label(&doc, &map.items[1]);
        for width in 8..label.width() + 3 {
            let rows = item_rows(&doc, &map.items[1], 1, 1, width);
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
    }

    #[test]
    fn entries_wrap_to_their_lines_and_end_with_an_ellipsis_only_when_longer() {
        let (doc, map) = example();
        let label = entry_label(&doc, &map.items[0]);
        for keep in 1..=5 {
            for width in 8..label.width() + 3 {
                let rows = item_rows(&doc, &map.items[0], 0, keep, width);
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
        let counts = LabelLines::default();
        let view = View {
            selected: Some(0),
            ..view(&doc, &map, &counts)
        };
        let panels = panels(view, 30, 20);
        let rows = all_rows(&panels[0]);
        assert!(rows.len() > 1);
        let joined: Vec<&str> = rows.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(joined.join(" "), format!("¶1 {}", doc.paragraph_text(0)));
    }

    /// Many entries of every length: the rows a panel makes for any range are those of
    /// all its entries' rows, whether the line counts come from the memo or are counted
    /// on the spot, and the memo is counted again when the width changes.
    #[test]
    fn rows_made_for_a_range_are_those_of_the_whole_panel() {
        let texts: Vec<String> = (0..60)
            .map(|n| {
                let words = [
                    "an", "argument", "holds", "réel", "漢字", "because", "it", "is",
                ];
                let mut text: Vec<&str> = (0..n % 23 + 1).map(|w| words[(n + w) % 8]).collect();
                text.push("end.");
                text.join(" ")
            })
            .collect();
        let paragraphs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let doc = Document::from_paragraphs(crate::document::Metadata::default(), &paragraphs);
        let at = |paragraph| SentenceRef {
            paragraph,
            sentence: 0,
        };
        let map = ArgumentMap::new(
            (0..60)
                .map(|p| {
                    let kind = if p % 3 == 0 {
                        ClaimKind::Counter
                    } else {
                        ClaimKind::Key
                    };
                    let rebuttals = if p % 6 == 0 { vec![at(p + 1)] } else { vec![] };
                    Item::annotated(kind, at(p), rebuttals)
                })
                .collect(),
        );
        let mut counts = LabelLines::default();
        for width in [12, 30, 47] {
            for lines in [1, 3, 5] {
                counts.refresh(&doc, &map, lines, text_width(width));
                for (memo, selected) in [&counts, &LabelLines::default()]
                    .into_iter()
                    .flat_map(|memo| [None, Some(7), Some(45)].map(|s| (memo, s)))
                {
                    let view = View {
                        lines,
                        selected,
                        ..view(&doc, &map, memo)
                    };
                    for panel in panels(view, width, 200) {
                        let entries: Vec<usize> = (0..panel.listing.len())
                            .map(|s| panel.listing.entry(s))
                            .collect();
                        let whole: Vec<Row> = entries
                            .iter()
                            .flat_map(|&entry| entry_rows(view, entry, text_width(width)))
                            .collect();
                        assert_eq!(
                            panel.row_count(),
                            whole.len(),
                            "{width} columns, {lines} lines, {selected:?} selected"
                        );
                        // Where each entry starts and ends, found from its rows.
                        let mut firsts = Vec::new();
                        for &entry in &entries {
                            let first = whole.iter().position(|r| r.item == Some(entry));
                            let last = whole.iter().rposition(|r| r.item == Some(entry));
                            let (first, last) = (first.unwrap(), last.unwrap());
                            assert_eq!(panel.entry_rows(entry), Some((first, last)));
                            assert_eq!(panel.entry_at(first), Some(entry));
                            assert_eq!(panel.entry_at(last), Some(entry));
                            firsts.push(first);
                        }
                        firsts.push(whole.len());
                        for row in 0..=whole.len() {
                            let next = firsts.iter().find(|&&first| first >= row);
                            assert_eq!(panel.entry_start_from(row), *next.unwrap());
                        }
                        for start in 0..whole.len() {
                            for len in [1, 4, 13] {
                                let end = (start + len).min(whole.len() + 2);
                                let expected: Vec<Row> = whole
                                    .iter()
                                    .skip(start)
                                    .take(end - start)
                                    .cloned()
                                    .collect();
                                assert_eq!(panel.rows(start..end), expected);
                            }
                        }
                    }
                }
            }
        }
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
        let counts = LabelLines::default();
        let mut view = View {
            doc: &doc,
            map: &map,
            selected: None,
            sections_open: true,
            filter: None,
            lines: 3,
            not_english: false,
            cross: None,
            label_lines: &counts,
        };
        let open = panels(view, 30, 20);
        assert_eq!(open.len(), 3);
        let rows = open[2].rows(0..open[2].row_count());
        let texts: Vec<&str> = rows.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(texts, ["§ Background", "  § Details"]);
        assert_eq!(view.entry(1), Some(Entry::Section(1)));
        view.sections_open = false;
        assert_eq!(view.entry_count(), 0);
        let closed = panels(view, 30, 20);
        assert_eq!(closed[2].row_count(), 0);
        assert!(closed[2].heading.starts_with("Sections (2)"));
    }
}
