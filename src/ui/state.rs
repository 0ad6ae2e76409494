//! Everything the reader shows, in one value. `update` changes it; `render` only reads it.

use std::collections::BTreeMap;
use std::sync::Arc;

use std::path::PathBuf;

use crate::argument::edit::{Editor, still_visible};
use crate::argument::store::ClaimsStore;
use crate::argument::{ArgumentMap, Origin};
use crate::document::{Document, SentenceRef};
use crate::layout::{Anchor, BlockKind, Layout};

use super::keymap::Keymap;
pub use super::prompt::{Prompt, PromptHistory};
use super::screen::{Areas, ViewPrefs};
use super::search::{Direction, Search};
use super::sidebar;
use super::theme::Theme;
use super::tints::Tints;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Reading,
    Sidebar,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quit {
    /// `q`, `ZZ`, `:q` (after asking, when map edits are not saved).
    Normal,
    /// Ctrl-C.
    Interrupted,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    /// The key list, scrolled by this many rows.
    Help { scroll: u16 },
    /// The argument as a tree (`argument::tree`), with this node selected.
    Outline { selected: usize },
    /// The link targets as numbered references, scrolled by this many rows.
    Links { scroll: u16 },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptPurpose {
    Search(Direction),
    /// Narrowing the sidebar to entries containing the text.
    Filter,
    /// A note for the selected item.
    Note,
    /// A path to save the annotations to.
    SaveAs,
    /// A command after `:` (`q`, `q!`, a paragraph number), as in vi and less.
    Command,
}

/// The first key of a two-key command, waiting for its letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pending {
    SetMark,
    GoToMark,
    /// The format letter after `e`.
    Export,
    /// The second `Z` of `ZZ` (quit).
    QuitZ,
    /// Quitting with map edits not saved: `w` saves elsewhere, `d` discards, else cancel.
    QuitUnsaved,
}

/// Where jumps came from and went back from, like vim's jump list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    pub back: Vec<Anchor>,
    pub forward: Vec<Anchor>,
}

/// Jumps remembered at most; the oldest are dropped.
pub const HISTORY_LIMIT: usize = 100;

/// The argument maps an article has: its annotation file's (if any) and the detector's.
#[derive(Debug, Clone, Default)]
pub struct Maps {
    pub annotated: Option<ArgumentMap>,
    pub detected: ArgumentMap,
}

/// Changing the annotated map from the reader, and where it is saved.
#[derive(Debug, Clone)]
pub struct Editing {
    pub editor: Editor,
    pub store: ClaimsStore,
    /// Every detected item; the sidebar shows those not accepted or rejected.
    pub detected: ArgumentMap,
    /// Where exports go: beside the article, or `None` for the data directory.
    pub article: Option<PathBuf>,
}

impl Editing {
    /// What the detected view lists: the undecided detections (those at sentences the
    /// reader has not marked, accepted or rejected) and, in their places, the reader's own
    /// items, so deciding one item moves no other.
    pub fn working_map(&self) -> ArgumentMap {
        let annotated = self.editor.map();
        if annotated.items.is_empty() && self.editor.rejected().is_empty() {
            // Nothing decided yet: the detected map itself, shared, not copied.
            return self.detected.clone();
        }
        // Sized once: the detected map of a long article has hundreds of thousands of items.
        let mut items = Vec::with_capacity(annotated.items.len() + self.detected.items.len());
        items.extend(annotated.items.iter().cloned());
        items.extend(still_visible(&self.detected, annotated, self.editor.rejected()).cloned());
        ArgumentMap::new(items)
    }

    /// Whether the map has changes that are not in any file.
    pub fn unsaved(&self) -> bool {
        self.editor.is_modified()
    }
}

/// Where an item is answered in the other article of a pair, for its sidebar entry.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CrossNote {
    /// "↔ answered in B ¶4 (rebuts)", under the entry.
    pub label: String,
    /// Each link with its confidence and evidence, under the selected entry's evidence.
    pub details: Vec<String>,
}

/// What an article read beside another (`counterpoint A B`) shows of the pair.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PairInfo {
    /// 'A' for the first article, 'B' for the second.
    pub letter: char,
    /// The key that switches to the other article, as help writes it.
    pub switch_key: String,
    /// The links of each item, by the item's sentence.
    pub cross: BTreeMap<SentenceRef, CrossNote>,
}

/// What the reader is looking at and where.
#[derive(Debug, Clone)]
pub struct App {
    /// Shared with the background analysis once loading is complete; appended to (while
    /// no one else holds it) as a large file streams in.
    pub doc: Arc<Document>,
    /// Share of a streamed file loaded so far, while it loads.
    pub loading: Option<f32>,
    /// Standard input is still open: more may come ("waiting for data").
    pub pipe_open: bool,
    /// Whether the argument maps are still being worked out in the background.
    pub analysing: bool,
    /// Whether the text reads as English (`document::language`): the detector reads
    /// nothing else.
    pub english: bool,
    /// A paragraph to resume at once it has loaded (remembered position).
    pub resume: Option<usize>,
    /// `G` was pressed while loading: stay at the end as more arrives.
    pub follow_end: bool,
    /// File name (or "stdin", or a URL) for the status line.
    pub name: String,
    /// Things said about loading (replaced bytes, removed escapes), shown in the status line.
    pub notices: Vec<String>,
    /// What cleaning the text removed or replaced, for the status line.
    pub load_notices: Vec<String>,
    pub maps: Maps,
    /// Which map the sidebar shows.
    pub showing: Origin,
    /// Where the map shown puts its claims in the text (see `update::map_shown`).
    pub tints: Tints,
    pub focus: Focus,
    /// Selected sidebar entry (see `sidebar::View::entry`).
    pub selected: Option<usize>,
    /// First row on screen of each sidebar panel, in panel order.
    pub sidebar_scroll: [usize; sidebar::MAX_PANELS],
    /// The lines of each sidebar entry, counted by `update` for the map shown.
    pub label_lines: sidebar::LabelLines,
    /// Whether the sidebar's Sections list is expanded.
    pub sections_open: bool,
    /// The sidebar shows only entries containing this text.
    pub filter: Option<String>,
    /// Top row of the reading pane.
    pub top: Anchor,
    /// Columns code and tables are scrolled sideways by.
    pub hscroll: usize,
    /// The sentence of the last jump, highlighted until the next one.
    pub highlight: Option<SentenceRef>,
    /// The sentence cursor (`(` and `)`), which editing keys act on.
    pub cursor: Option<SentenceRef>,
    /// `None` until the document is loaded and analysed.
    pub editing: Option<Editing>,
    pub search: Option<Search>,
    pub prompt: Option<Prompt>,
    /// Lines entered at the prompts, for Up/Down.
    pub prompt_history: PromptHistory,
    pub pending: Option<Pending>,
    /// A count typed before a motion (`5j`, `10G`, `50p`), shown while typed.
    pub count: Option<u32>,
    /// Quit once the annotations are saved elsewhere (chosen when quitting with unsaved
    /// edits).
    pub quit_after_save: bool,
    pub history: History,
    pub marks: BTreeMap<char, Anchor>,
    pub layout: Layout,
    pub prefs: ViewPrefs,
    /// Terminal size in columns and rows.
    pub size: (u16, u16),
    pub overlay: Option<Overlay>,
    pub keymap: Keymap,
    pub theme: Theme,
    /// A one-off message for the status line (cleared by the next key).
    pub message: Option<String>,
    /// Set when the reader should end, and how.
    pub quit: Option<Quit>,
    /// Set when this article is read beside another (see `ui::pair`).
    pub pair: Option<PairInfo>,
}

impl App {
    pub fn new(doc: Document, name: String, maps: Maps, size: (u16, u16)) -> Self {
        let showing = if maps.annotated.is_some() {
            Origin::Annotated
        } else {
            Origin::Detected
        };
        let layout = Layout::new(&doc, 1);
        let english = crate::document::language::reads_as_english(&doc);
        let mut app = App {
            english,
            doc: Arc::new(doc),
            loading: None,
            pipe_open: false,
            analysing: false,
            resume: None,
            follow_end: false,
            name,
            notices: Vec::new(),
            load_notices: Vec::new(),
            maps,
            showing,
            tints: Tints::default(),
            focus: Focus::Reading,
            selected: None,
            sidebar_scroll: [0; sidebar::MAX_PANELS],
            label_lines: sidebar::LabelLines::default(),
            sections_open: true,
            filter: None,
            top: Anchor::default(),
            hscroll: 0,
            highlight: None,
            cursor: None,
            editing: None,
            search: None,
            prompt: None,
            prompt_history: PromptHistory::default(),
            pending: None,
            count: None,
            quit_after_save: false,
            history: History::default(),
            marks: BTreeMap::new(),
            layout,
            prefs: ViewPrefs::default(),
            size: (0, 0),
            overlay: None,
            keymap: Keymap::default(),
            theme: Theme::default(),
            message: None,
            quit: None,
            pair: None,
        };
        super::update::update(&mut app, super::action::Action::Resize(size.0, size.1));
        super::update::map_shown(&mut app);
        app
    }

    /// The map the sidebar shows.
    pub fn map(&self) -> &ArgumentMap {
        match (self.showing, &self.maps.annotated) {
            (Origin::Annotated, Some(map)) => map,
            _ => &self.maps.detected,
        }
    }

    /// What the sidebar lists.
    pub fn sidebar_view(&self) -> sidebar::View<'_> {
        sidebar::View {
            doc: &self.doc,
            map: self.map(),
            selected: self.selected,
            sections_open: self.sections_open,
            filter: self.filter.as_deref(),
            lines: usize::from(self.prefs.sidebar_lines),
            not_english: !self.english && self.showing == Origin::Detected,
            cross: self.pair.as_ref().map(|pair| &pair.cross),
            label_lines: &self.label_lines,
        }
    }

    pub fn areas(&self) -> Option<Areas> {
        Areas::compute(
            self.size.0,
            self.size.1,
            &self.prefs,
            self.doc.paragraphs.len(),
        )
    }

    /// Rows of the reading pane.
    pub fn viewport_rows(&self) -> u32 {
        self.areas().map_or(1, |a| u32::from(a.reading.height))
    }

    /// Whether the map has edits that are not saved (a save failed, say).
    pub fn unsaved_edits(&self) -> bool {
        self.editing.as_ref().is_some_and(Editing::unsaved)
    }

    /// Whether the next key is text (a prompt or a mark letter), not a command.
    pub fn expects_text(&self) -> bool {
        self.prompt.is_some() || self.pending.is_some()
    }

    /// The paragraph at the top of the reading pane (or the first one after a heading).
    pub fn top_paragraph(&self) -> Option<usize> {
        let last = self.layout.block_count().checked_sub(1)?;
        self.layout
            .paragraph_at_or_after(self.top.block.min(last))
            .or_else(|| self.doc.paragraphs.len().checked_sub(1))
    }

    /// The first and last paragraph with a row on screen.
    pub fn visible_paragraphs(&self) -> Option<(usize, usize)> {
        let rows = u64::from(self.viewport_rows());
        let first_row = self.layout.row_of(self.top);
        let last_anchor = self.layout.anchor_at(first_row + rows.saturating_sub(1));
        let first = self.top_paragraph()?;
        let last_block = last_anchor.block.min(self.layout.block_count() - 1);
        let last = (0..=last_block)
            .rev()
            .find_map(|b| match self.layout.kind(b) {
                BlockKind::Paragraph(p) => Some(p),
                _ => None,
            })?;
        (first <= last).then_some((first, last))
    }
}
