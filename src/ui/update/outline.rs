//! The outline overlay (`o`): the argument as a tree; `j`/`k` move through its nodes,
//! `Enter` jumps to the selected one and closes, `Esc` (or `o`, `q`) closes.

use crate::argument::tree;
use crate::ui::action::Action;
use crate::ui::state::{App, Overlay};

use super::reading;

pub fn open(app: &mut App) {
    if app.map().is_empty() {
        app.message = Some(if app.analysing {
            "the argument is still being analysed".into()
        } else {
            "no claims to outline".into()
        });
        return;
    }
    app.overlay = Some(Overlay::Outline { selected: 0 });
}

/// A key while the overlay is open.
pub fn key(app: &mut App, action: Action, selected: usize) {
    let last = tree::len(app.map()).saturating_sub(1);
    let step = |by: isize| (selected as isize + by).clamp(0, last as isize) as usize;
    let moved = match action {
        Action::Down => step(1),
        Action::Up => step(-1),
        Action::PageDown | Action::HalfPageDown => step(5),
        Action::PageUp | Action::HalfPageUp => step(-5),
        Action::Top => 0,
        Action::Bottom => last,
        Action::Jump => {
            app.overlay = None;
            let at = tree::nodes_from(&app.doc, app.map(), selected)
                .next()
                .map(|node| node.at);
            if let Some(at) = at {
                reading::jump_to_sentence(app, at);
            }
            return;
        }
        // As in the help overlay, `q` closes it rather than quitting.
        Action::Cancel | Action::ToggleOutline | Action::Quit => {
            app.overlay = None;
            return;
        }
        _ => selected,
    };
    app.overlay = Some(Overlay::Outline { selected: moved });
}
