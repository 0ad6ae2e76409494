//! Two articles in one reader (`counterpoint A B`): each is an `App` of its own (it
//! scrolls, searches and keeps its place on its own); the pair holds both, which one has
//! the focus, and the links between their arguments (`argument::crossmap`).
//!
//! Input: the event loop (`event_loop`) turns a key into an action; `update` handles the
//! pair's own actions (switch article, follow a link across and back, judge and add links)
//! and gives every other one to the article in focus. `render` draws both reading panes
//! side by side with the focused article's sidebar, or one article at a time.

pub mod event_loop;
pub mod layout;
pub mod render;
pub mod update;

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::argument::ArgumentMap;
use crate::argument::crossmap::{self, Link, Side};
use crate::argument::store::ClaimsStore;
use crate::config::SidebarSide;
use crate::document::{Document, SentenceRef};
use crate::layout::Anchor;
use crate::pair_outline::letter;

use super::action::Action;
use super::state::{App, CrossNote, PairInfo, Quit};
use layout::Mode;

/// A jump across, to return from with Ctrl-O.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CrossStep {
    pub from: usize,
    pub to: usize,
    /// Where the article jumped from was.
    pub top: Anchor,
    /// The length of the target article's jump list right after the jump: while it is
    /// longer, Ctrl-O walks that list first.
    pub depth: usize,
}

/// The sidebar as the reader set it for one article on its own, kept while the pair shows
/// both (which places the sidebar itself).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct OwnSidebar {
    side: SidebarSide,
    width: Option<u16>,
    shown: bool,
}

#[derive(Debug, Clone)]
pub struct Pair {
    pub apps: [App; 2],
    /// The article in focus: 0 (A) or 1 (B).
    pub focused: usize,
    pub size: (u16, u16),
    pub mode: Mode,
    /// The sidebar beside two panes: shown, and a width the reader chose.
    pub sidebar_shown: bool,
    pub sidebar_width: Option<u16>,
    own_sidebars: [OwnSidebar; 2],
    /// Links found from the maps shown, before the reader's judgements.
    pub found: Vec<Link>,
    /// The maps `found` was worked out from; `None` until it first is.
    pub linked_maps: Option<[ArgumentMap; 2]>,
    /// Links the reader confirmed, rejected or added (the link file).
    pub judged: Vec<Link>,
    /// `found` with the judgements applied.
    pub links: Vec<Link>,
    /// The link file; `None` when there is nowhere to save one.
    pub store: Option<ClaimsStore>,
    /// The link last followed or judged (index into `links`).
    pub current: Option<usize>,
    /// Jumps across, most recent last.
    pub cross_back: Vec<CrossStep>,
    /// `=` was pressed: the next letter is the relation of the link to add.
    pub awaiting_relation: bool,
}

impl Pair {
    pub fn new(mut apps: [App; 2], size: (u16, u16), judged: Vec<Link>) -> Self {
        let own_sidebars = [0, 1].map(|i| OwnSidebar {
            side: apps[i].prefs.sidebar_side,
            width: apps[i].prefs.sidebar_width,
            shown: apps[i].prefs.sidebar_shown,
        });
        for (index, app) in apps.iter_mut().enumerate() {
            let switch_key = app
                .keymap
                .keys(Action::SwitchArticle)
                .first()
                .map_or_else(|| "?".into(), |k| k.label());
            app.pair = Some(PairInfo {
                letter: letter(index),
                switch_key,
                cross: BTreeMap::new(),
            });
        }
        let mut pair = Pair {
            apps,
            focused: 0,
            size: (0, 0),
            mode: Mode::Single,
            sidebar_shown: true,
            sidebar_width: None,
            own_sidebars,
            found: Vec::new(),
            linked_maps: None,
            links: Vec::new(),
            judged,
            store: None,
            current: None,
            cross_back: Vec::new(),
            awaiting_relation: false,
        };
        pair.links = crossmap::merge(Vec::new(), &pair.judged);
        pair.resize(size.0, size.1);
        pair.refresh_notes();
        pair
    }

    pub fn focused(&self) -> &App {
        &self.apps[self.focused]
    }

    pub fn focused_mut(&mut self) -> &mut App {
        &mut self.apps[self.focused]
    }

    pub fn other(&self) -> usize {
        1 - self.focused
    }

    /// How the reader should end, when one article asked to.
    pub fn quit(&self) -> Option<Quit> {
        self.apps.iter().find_map(|app| app.quit)
    }

    /// The maps the links are found from: the map each sidebar shows.
    pub fn maps_shown(&self) -> [ArgumentMap; 2] {
        [self.apps[0].map().clone(), self.apps[1].map().clone()]
    }

    /// Whether the maps shown are no longer those the links were found from (and the
    /// articles are analysed, so there is something to link).
    pub fn links_stale(&self) -> bool {
        if self
            .apps
            .iter()
            .any(|app| app.analysing || app.loading.is_some())
        {
            return false;
        }
        match &self.linked_maps {
            None => true,
            Some([a, b]) => a != self.apps[0].map() || b != self.apps[1].map(),
        }
    }

    /// Documents and maps to find links from on another thread.
    pub fn link_job(&self) -> ([Arc<Document>; 2], [ArgumentMap; 2]) {
        (
            [Arc::clone(&self.apps[0].doc), Arc::clone(&self.apps[1].doc)],
            self.maps_shown(),
        )
    }

    /// Takes links found from `maps` (unless the maps changed again meanwhile).
    pub fn set_found(&mut self, maps: [ArgumentMap; 2], found: Vec<Link>) {
        self.linked_maps = Some(maps);
        self.found = found;
        self.relink();
    }

    /// Finds the links now, on this thread (they are quick to find; the first time runs
    /// in the background so that it never delays the first frame).
    pub fn find_links_now(&mut self) {
        let maps = self.maps_shown();
        let found = crossmap::compute([
            Side {
                doc: &self.apps[0].doc,
                map: &maps[0],
            },
            Side {
                doc: &self.apps[1].doc,
                map: &maps[1],
            },
        ]);
        self.set_found(maps, found);
    }

    /// Applies the judgements to the found links and refreshes what the sidebars show.
    pub fn relink(&mut self) {
        let current = self.current.and_then(|i| self.links.get(i)).map(Link::ends);
        self.links = crossmap::merge(self.found.clone(), &self.judged);
        self.current = current.and_then(|ends| self.links.iter().position(|l| l.ends() == ends));
        self.refresh_notes();
    }

    /// The links shown, as (index into `links`, link).
    pub fn shown_links(&self) -> impl Iterator<Item = (usize, &Link)> {
        self.links.iter().enumerate().filter(|(_, l)| l.shown())
    }

    /// What each sidebar says under its items about where they are answered.
    pub fn refresh_notes(&mut self) {
        for article in 0..2 {
            // Per item: the places that answer it, what it does to the other's claims, and
            // the details of every link.
            #[derive(Default)]
            struct Gathered {
                answered_in: Vec<String>,
                answers: Vec<String>,
                details: Vec<String>,
            }
            let mut notes: BTreeMap<SentenceRef, Gathered> = BTreeMap::new();
            let map = self.apps[article].map();
            for (_, link) in self.shown_links() {
                let Some((here, there)) = link.end_in(article) else {
                    continue;
                };
                // A rebuttal's link shows under its counterclaim.
                let item = crossmap::item_of(map, here.at)
                    .map_or(here.at, |(index, _)| map.items[index].anchor);
                let place = format!("¶{}", there.at.paragraph + 1);
                let entry = notes.entry(item).or_default();
                if link.from == here {
                    let said =
                        format!("{} {} {place}", link.relation.name(), letter(there.article));
                    if !entry.answers.contains(&said) {
                        entry.answers.push(said);
                    }
                } else if !entry.answered_in.contains(&place) {
                    entry.answered_in.push(place);
                }
                let how = match link.status {
                    crossmap::Status::Detected => format!("{:.0}%", link.confidence * 100.0),
                    crossmap::Status::Confirmed => "confirmed".into(),
                    crossmap::Status::Added => "added by hand".into(),
                    crossmap::Status::Rejected => "rejected".into(),
                };
                let (from, to) = (link.from, link.to);
                entry.details.push(format!(
                    "↔ {} ¶{} {} {} ¶{} · {how}",
                    letter(from.article),
                    from.at.paragraph + 1,
                    link.relation.name(),
                    letter(to.article),
                    to.at.paragraph + 1
                ));
                entry
                    .details
                    .extend(link.evidence.iter().map(|e| format!("  {e}")));
            }
            let other = letter(1 - article);
            let cross = notes
                .into_iter()
                .map(|(at, gathered)| {
                    let mut parts = Vec::new();
                    if !gathered.answered_in.is_empty() {
                        parts.push(format!(
                            "answered in {other} {}",
                            gathered.answered_in.join(", ")
                        ));
                    }
                    parts.extend(gathered.answers);
                    let note = CrossNote {
                        label: format!("↔ {}", parts.join("; ")),
                        details: gathered.details,
                    };
                    (at, note)
                })
                .collect();
            if let Some(pair) = self.apps[article].pair.as_mut() {
                pair.cross = cross;
            }
        }
    }

    /// Lays both articles out for a terminal of `width` × `height`.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.size = (width, height);
        let mode = layout::mode(width, self.sidebar_shown, self.sidebar_width);
        let leaving_single = self.mode == Mode::Single && mode != Mode::Single;
        if leaving_single {
            // The reader's own sidebar settings, for when one article shows again.
            for (own, app) in self.own_sidebars.iter_mut().zip(&self.apps) {
                *own = OwnSidebar {
                    side: app.prefs.sidebar_side,
                    width: app.prefs.sidebar_width,
                    shown: app.prefs.sidebar_shown,
                };
            }
        }
        self.mode = mode;
        for (index, app) in self.apps.iter_mut().enumerate() {
            match mode {
                Mode::Single => {
                    let own = self.own_sidebars[index];
                    app.prefs.sidebar_side = own.side;
                    app.prefs.sidebar_width = own.width;
                    app.prefs.sidebar_shown = own.shown;
                }
                Mode::SideBySide { sidebar, .. } => {
                    app.prefs.sidebar_side = SidebarSide::Right;
                    app.prefs.sidebar_width = Some(sidebar.max(1));
                    app.prefs.sidebar_shown = sidebar > 0;
                }
            }
            let virtual_width = mode.virtual_width(width);
            // Resize even to the same size: the sidebar may have changed.
            app.size = (0, 0);
            super::update(app, Action::Resize(virtual_width, height));
        }
    }
}
