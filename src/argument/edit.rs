//! Editing the reader's own map, with undo and redo.
//!
//! Items are named by the sentence they are anchored to, which stays put while the map is
//! re-sorted. Every change keeps a snapshot of the whole state before it: maps are small
//! (tens of items), so snapshots are cheaper to get right than inverse operations.

use super::{ArgumentMap, ClaimKind, Item, Origin, Rejected};
use crate::document::SentenceRef;

/// How many changes can be undone.
const UNDO_DEPTH: usize = 500;

/// What an operation did, for the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub changed: bool,
    /// A short description ("marked ¶3 as key claim", "¶3 is already a key claim").
    pub message: String,
}

impl Outcome {
    fn done(message: String) -> Self {
        Outcome {
            changed: true,
            message,
        }
    }

    fn unchanged(message: String) -> Self {
        Outcome {
            changed: false,
            message,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
struct State {
    map: ArgumentMap,
    rejected: Vec<Rejected>,
}

/// The annotated map and the rejected detections, with the history of changes.
#[derive(Debug, Clone)]
pub struct Editor {
    state: State,
    undo: Vec<(State, String)>,
    redo: Vec<(State, String)>,
    /// The state last saved (or loaded), to tell whether there is unsaved work.
    saved: State,
}

impl Editor {
    pub fn new(map: ArgumentMap, rejected: Vec<Rejected>) -> Self {
        let state = State { map, rejected };
        Editor {
            saved: state.clone(),
            state,
            undo: Vec::new(),
            redo: Vec::new(),
        }
    }

    /// The annotated map as it stands.
    pub fn map(&self) -> &ArgumentMap {
        &self.state.map
    }

    pub fn rejected(&self) -> &[Rejected] {
        &self.state.rejected
    }

    /// Whether the state differs from the one last marked saved.
    pub fn is_modified(&self) -> bool {
        self.state != self.saved
    }

    /// Records the current state as saved (call after a successful save).
    pub fn mark_saved(&mut self) {
        self.saved = self.state.clone();
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Marks the sentence as a key claim or a counterclaim. An item already there changes
    /// kind (a key claim has no rebuttals, so they are dropped when a counterclaim becomes
    /// one).
    pub fn mark(&mut self, at: SentenceRef, kind: ClaimKind) -> Outcome {
        let name = kind_name(kind);
        if self
            .state
            .map
            .items
            .iter()
            .any(|i| i.anchor == at && i.kind == kind)
        {
            return Outcome::unchanged(format!("{} is already a {name}", place(at)));
        }
        let message = format!("marked {} as {name}", place(at));
        self.change(message, |state| {
            let mut items = std::sync::Arc::unwrap_or_clone(std::mem::take(&mut state.map.items));
            match items.iter_mut().find(|i| i.anchor == at) {
                Some(item) => {
                    item.kind = kind;
                    if kind == ClaimKind::Key {
                        item.rebuttals.clear();
                    }
                }
                None => items.push(Item::annotated(kind, at, Vec::new())),
            }
            state.map = ArgumentMap::new(items);
        })
    }

    pub fn mark_key(&mut self, at: SentenceRef) -> Outcome {
        self.mark(at, ClaimKind::Key)
    }

    pub fn mark_counter(&mut self, at: SentenceRef) -> Outcome {
        self.mark(at, ClaimKind::Counter)
    }

    /// Records that `rebuttal` answers the counterclaim anchored at `counter`.
    pub fn link_rebuttal(&mut self, counter: SentenceRef, rebuttal: SentenceRef) -> Outcome {
        let Some(index) = self.counter_at(counter) else {
            return Outcome::unchanged(format!("{} is not a counterclaim", place(counter)));
        };
        if rebuttal == counter {
            return Outcome::unchanged("a counterclaim cannot rebut itself".to_string());
        }
        if self.state.map.items[index].rebuttals.contains(&rebuttal) {
            return Outcome::unchanged(format!(
                "{} already rebuts the counterclaim in {}",
                place(rebuttal),
                place(counter)
            ));
        }
        let message = format!(
            "linked {} as rebuttal of the counterclaim in {}",
            place(rebuttal),
            place(counter)
        );
        self.change(message, |state| {
            let item = &mut state.map.items_mut()[index];
            item.rebuttals.push(rebuttal);
            item.rebuttals.sort();
        })
    }

    pub fn unlink_rebuttal(&mut self, counter: SentenceRef, rebuttal: SentenceRef) -> Outcome {
        let linked = self
            .counter_at(counter)
            .filter(|&i| self.state.map.items[i].rebuttals.contains(&rebuttal));
        let Some(index) = linked else {
            return Outcome::unchanged(format!(
                "{} does not rebut a counterclaim in {}",
                place(rebuttal),
                place(counter)
            ));
        };
        let message = format!(
            "unlinked {} from the counterclaim in {}",
            place(rebuttal),
            place(counter)
        );
        self.change(message, |state| {
            state.map.items_mut()[index]
                .rebuttals
                .retain(|r| *r != rebuttal);
        })
    }

    /// Adopts a detected item: it becomes annotated (full confidence, evidence dropped).
    pub fn accept(&mut self, detected: &Item) -> Outcome {
        let at = detected.anchor;
        if self.state.map.position(at).is_some() {
            return Outcome::unchanged(format!("{} is already annotated", place(at)));
        }
        let message = format!("accepted {} in {}", kind_name(detected.kind), place(at));
        let item = Item {
            origin: Origin::Annotated,
            evidence: Default::default(),
            confidence: 1.0,
            ..detected.clone()
        };
        self.change(message, |state| {
            state
                .rejected
                .retain(|r| !(r.anchor == at && r.kind == item.kind));
            let mut items = std::sync::Arc::unwrap_or_clone(std::mem::take(&mut state.map.items));
            items.push(item);
            state.map = ArgumentMap::new(items);
        })
    }

    /// Hides a detected item for good (remembered in the annotation file).
    pub fn reject(&mut self, detected: &Item) -> Outcome {
        let rejected = Rejected {
            kind: detected.kind,
            anchor: detected.anchor,
        };
        let what = format!("{} in {}", kind_name(rejected.kind), place(rejected.anchor));
        if self.state.rejected.contains(&rejected) {
            return Outcome::unchanged(format!("{what} is already rejected"));
        }
        self.change(format!("rejected {what}"), |state| {
            state.rejected.push(rejected);
        })
    }

    /// Deletes the annotated item(s) anchored at `at`.
    pub fn delete(&mut self, at: SentenceRef) -> Outcome {
        let Some(index) = self.state.map.position(at) else {
            return Outcome::unchanged(format!("nothing annotated in {}", place(at)));
        };
        let kind = self.state.map.items[index].kind;
        let message = format!("deleted {} in {}", kind_name(kind), place(at));
        self.change(message, |state| {
            state.map.items_mut().retain(|i| i.anchor != at);
        })
    }

    /// Sets (or, with `None` or blank text, clears) the note of the item at `at`.
    pub fn set_note(&mut self, at: SentenceRef, note: Option<String>) -> Outcome {
        let note: Option<Box<str>> = note
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(Box::from);
        let Some(index) = self.state.map.position(at) else {
            return Outcome::unchanged(format!("nothing annotated in {}", place(at)));
        };
        if self.state.map.items[index].note == note {
            return Outcome::unchanged("note unchanged".to_string());
        }
        let message = match note {
            Some(_) => format!("set note in {}", place(at)),
            None => format!("cleared note in {}", place(at)),
        };
        self.change(message, |state| state.map.items_mut()[index].note = note)
    }

    pub fn undo(&mut self) -> Outcome {
        match self.undo.pop() {
            Some((previous, message)) => {
                let current = std::mem::replace(&mut self.state, previous);
                self.redo.push((current, message.clone()));
                Outcome::done(format!("undid: {message}"))
            }
            None => Outcome::unchanged("nothing to undo".to_string()),
        }
    }

    pub fn redo(&mut self) -> Outcome {
        match self.redo.pop() {
            Some((next, message)) => {
                let current = std::mem::replace(&mut self.state, next);
                self.undo.push((current, message.clone()));
                Outcome::done(format!("redid: {message}"))
            }
            None => Outcome::unchanged("nothing to redo".to_string()),
        }
    }

    fn counter_at(&self, at: SentenceRef) -> Option<usize> {
        self.state
            .map
            .items
            .iter()
            .position(|i| i.anchor == at && i.kind == ClaimKind::Counter)
    }

    fn change(&mut self, message: String, apply: impl FnOnce(&mut State)) -> Outcome {
        let before = self.state.clone();
        apply(&mut self.state);
        self.undo.push((before, message.clone()));
        if self.undo.len() > UNDO_DEPTH {
            self.undo.remove(0);
        }
        self.redo.clear();
        Outcome::done(message)
    }
}

/// The detected items still worth showing: not rejected, and not at a sentence the reader
/// has annotated already.
pub fn still_visible<'a>(
    detected: &'a ArgumentMap,
    annotated: &'a ArgumentMap,
    rejected: &'a [Rejected],
) -> impl Iterator<Item = &'a Item> + 'a {
    detected
        .items
        .iter()
        .filter(|item| annotated.position(item.anchor).is_none())
        .filter(|item| {
            !rejected
                .iter()
                .any(|r| r.anchor == item.anchor && r.kind == item.kind)
        })
}

fn kind_name(kind: ClaimKind) -> &'static str {
    match kind {
        ClaimKind::Key => "key claim",
        ClaimKind::Counter => "counterclaim",
    }
}

/// "¶3": paragraphs are numbered from 1 on screen.
fn place(at: SentenceRef) -> String {
    format!("¶{}", at.paragraph + 1)
}
