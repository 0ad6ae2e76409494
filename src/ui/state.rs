//! Everything the reader shows, in one value. `update` changes it; `render` only reads it.

use crate::argument::{ArgumentMap, Origin};
use crate::document::{Document, SentenceRef};
use crate::layout::{Anchor, Layout};

use super::keymap::Keymap;
use super::screen::Areas;
use super::theme::Theme;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Reading,
    Sidebar,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quit {
    /// `q`, or `Esc` with nothing open.
    Normal,
    /// Ctrl-C.
    Interrupted,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help,
}

/// The argument maps an article has: its annotation file's (if any) and the detector's.
#[derive(Debug, Clone, Default)]
pub struct Maps {
    pub annotated: Option<ArgumentMap>,
    pub detected: ArgumentMap,
}

/// What the reader is looking at and where.
#[derive(Debug, Clone)]
pub struct App {
    pub doc: Document,
    /// File name (or "stdin", or a URL) for the status line.
    pub name: String,
    /// Things said about loading (replaced bytes, removed escapes), shown in the status line.
    pub notices: Vec<String>,
    pub maps: Maps,
    /// Which map the sidebar shows.
    pub showing: Origin,
    pub focus: Focus,
    /// Selected item of the shown map.
    pub selected: Option<usize>,
    /// First row on screen of each sidebar panel (see `sidebar::PANEL_KINDS`).
    pub sidebar_scroll: [usize; 2],
    /// Top row of the reading pane.
    pub top: Anchor,
    /// The sentence of the last jump, highlighted until the next one.
    pub highlight: Option<SentenceRef>,
    pub layout: Layout,
    /// Terminal size in columns and rows.
    pub size: (u16, u16),
    pub overlay: Option<Overlay>,
    pub keymap: Keymap,
    pub theme: Theme,
    /// A one-off message for the status line (cleared by the next key).
    pub message: Option<String>,
    /// Set when the reader should end, and how.
    pub quit: Option<Quit>,
}

impl App {
    pub fn new(doc: Document, name: String, maps: Maps, size: (u16, u16)) -> Self {
        let showing = if maps.annotated.is_some() {
            Origin::Annotated
        } else {
            Origin::Detected
        };
        let layout = Layout::new(&doc, 1);
        let mut app = App {
            doc,
            name,
            notices: Vec::new(),
            maps,
            showing,
            focus: Focus::Reading,
            selected: None,
            sidebar_scroll: [0; 2],
            top: Anchor::default(),
            highlight: None,
            layout,
            size: (0, 0),
            overlay: None,
            keymap: Keymap::default(),
            theme: Theme::default(),
            message: None,
            quit: None,
        };
        super::update::update(&mut app, super::action::Action::Resize(size.0, size.1));
        app
    }

    /// The map the sidebar shows.
    pub fn map(&self) -> &ArgumentMap {
        match (self.showing, &self.maps.annotated) {
            (Origin::Annotated, Some(map)) => map,
            _ => &self.maps.detected,
        }
    }

    pub fn areas(&self) -> Option<Areas> {
        Areas::compute(self.size.0, self.size.1)
    }

    /// Rows of the reading pane.
    pub fn viewport_rows(&self) -> u32 {
        self.areas().map_or(1, |a| u32::from(a.reading.height))
    }

    /// The first and last paragraph with a row on screen.
    pub fn visible_paragraphs(&self) -> Option<(usize, usize)> {
        let rows = u64::from(self.viewport_rows());
        let first_row = self.layout.row_of(self.top);
        let last_anchor = self.layout.anchor_at(first_row + rows.saturating_sub(1));
        let first = self.layout.paragraph_at_or_after(
            self.top
                .block
                .min(self.layout.block_count().checked_sub(1)?),
        )?;
        let last_block = last_anchor.block.min(self.layout.block_count() - 1);
        let last = (0..=last_block)
            .rev()
            .find_map(|b| match self.layout.kind(b) {
                crate::layout::BlockKind::Paragraph(p) => Some(p),
                _ => None,
            })?;
        (first <= last).then_some((first, last))
    }
}
