//! The jump history (Ctrl-O back, Ctrl-N forward) and marks (m + letter, ' + letter).

use crate::ui::state::{App, HISTORY_LIMIT, Pending};

use super::reading::set_top;

/// Remembers where the reader is before a jump; a new jump forgets the forward list.
pub fn record(app: &mut App) {
    if app.history.back.last() != Some(&app.top) {
        app.history.back.push(app.top);
        if app.history.back.len() > HISTORY_LIMIT {
            app.history.back.remove(0);
        }
    }
    app.history.forward.clear();
}

pub fn back(app: &mut App) {
    match app.history.back.pop() {
        Some(position) => {
            app.history.forward.push(app.top);
            set_top(app, position);
        }
        None => app.message = Some("no earlier position".into()),
    }
}

pub fn forward(app: &mut App) {
    match app.history.forward.pop() {
        Some(position) => {
            app.history.back.push(app.top);
            set_top(app, position);
        }
        None => app.message = Some("no later position".into()),
    }
}

/// The letter after `m` or `'`.
pub fn mark_letter(app: &mut App, pending: Pending, letter: char) {
    match pending {
        Pending::SetMark if letter.is_ascii_alphabetic() => {
            app.marks.insert(letter, app.top);
            app.message = Some(format!("mark '{letter}' set"));
        }
        // `''` returns to where the last jump started, as in vi and less.
        Pending::GoToMark if letter == '\'' => back(app),
        Pending::GoToMark => match app.marks.get(&letter).copied() {
            Some(position) => {
                record(app);
                set_top(app, position);
            }
            None => app.message = Some(format!("no mark '{letter}'")),
        },
        Pending::SetMark => app.message = Some("marks are letters a–z, A–Z".into()),
        Pending::Export => super::edit::export(app, letter),
        // Answered in `prompt::text`.
        Pending::QuitZ | Pending::QuitUnsaved => {}
    }
}
