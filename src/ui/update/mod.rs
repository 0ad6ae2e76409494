//! Applies an action to the state. No terminal here: everything is testable on a value.
//! One file per concern: the reading pane, the sidebar, search and prompts, the jump
//! history and marks, the mouse, and the view preferences.

mod background;
mod edit;
mod history;
mod map_shown;
mod mouse;
mod outline;
mod prompt;
mod quit;
mod reading;
mod sidebar;
mod structure;
mod view;

pub use background::Background;
pub use map_shown::{refresh as map_shown, thesis_label};
pub use reading::{jump_to_sentence, set_top};
pub use sidebar::keep_selection_visible;

pub use quit::question as quit_question;

use super::action::Action;
use super::state::{App, Focus, Overlay, Pending, Quit};

/// Counts above this are taken as this (a count is a number of lines, pages, matches).
const MAX_COUNT: u32 = 999_999;

pub fn update(app: &mut App, action: Action) {
    apply(app, action);
    sidebar::count_label_lines(app);
}

/// Applies what the background work sends (document parts, the maps).
pub fn apply_background(app: &mut App, message: Background) {
    background::apply(app, message);
    sidebar::count_label_lines(app);
}

fn apply(app: &mut App, action: Action) {
    // A message lasts until the next key: a resize or the mouse does not clear it.
    if !matches!(action, Action::Resize(..) | Action::Mouse(_)) {
        app.message = None;
        app.follow_end = false;
    }
    match action {
        Action::Resize(width, height) => return view::resize(app, width, height),
        Action::Interrupt => {
            app.quit = Some(Quit::Interrupted);
            return;
        }
        Action::Text(key) => return prompt::text(app, key),
        Action::Mouse(input) => return mouse::input(app, input),
        Action::Digit(digit) => {
            let count = app.count.unwrap_or(0);
            app.count = Some((count * 10 + u32::from(digit)).min(MAX_COUNT));
            return;
        }
        _ => {}
    }
    // The count typed before this key is its count, whatever the key.
    let count = app.count.take();
    let times = count.unwrap_or(1).max(1);
    let lines = i64::from(times);
    if let Some(Overlay::Outline { selected }) = app.overlay {
        return outline::key(app, action, selected);
    }
    if let Some(Overlay::Links { scroll }) = app.overlay {
        app.overlay = match action {
            Action::Cancel | Action::ShowLinks | Action::Quit => None,
            Action::Down => Some(Overlay::Links { scroll: scroll + 1 }),
            Action::Up => Some(Overlay::Links {
                scroll: scroll.saturating_sub(1),
            }),
            _ => app.overlay,
        };
        return;
    }
    if let Some(Overlay::Help { scroll }) = app.overlay {
        app.overlay = match action {
            Action::Cancel | Action::ToggleHelp | Action::Quit => None,
            Action::Down => Some(Overlay::Help { scroll: scroll + 1 }),
            Action::Up => Some(Overlay::Help {
                scroll: scroll.saturating_sub(1),
            }),
            _ => app.overlay,
        };
        return;
    }
    match (action, app.focus) {
        (Action::Quit, _) => quit::request(app),
        (Action::QuitZ, _) => app.pending = Some(Pending::QuitZ),
        (Action::Command, _) => prompt::open(app, action),
        (Action::Cancel, _) => cancel(app, count.is_some()),
        (Action::ToggleHelp, _) => app.overlay = Some(Overlay::Help { scroll: 0 }),
        (Action::SwitchFocus, _) => sidebar::switch_focus(app),
        (Action::ToggleSource, _) => sidebar::toggle_source(app),
        (Action::ToggleSections, _) => sidebar::toggle_sections(app),
        (Action::Jump, Focus::Sidebar) => sidebar::jump_to_selected(app),
        (Action::Jump, Focus::Reading) => {}
        (Action::JumpToRebuttal, _) => sidebar::jump_to_rebuttal(app),
        (Action::Down, Focus::Sidebar) => sidebar::select_by(app, times as isize),
        (Action::Up, Focus::Sidebar) => sidebar::select_by(app, -(times as isize)),
        (Action::PageDown | Action::HalfPageDown, Focus::Sidebar) => {
            sidebar::select_by(app, 5 * times as isize)
        }
        (Action::PageUp | Action::HalfPageUp, Focus::Sidebar) => {
            sidebar::select_by(app, -5 * times as isize)
        }
        (Action::Top, Focus::Sidebar) => sidebar::select_by(app, isize::MIN / 2),
        (Action::Bottom, Focus::Sidebar) => sidebar::select_by(app, isize::MAX / 2),
        (Action::Down, Focus::Reading) => reading::scroll_by(app, lines),
        (Action::Up, Focus::Reading) => reading::scroll_by(app, -lines),
        (Action::PageDown, Focus::Reading) => reading::scroll_by(app, lines * reading::page(app)),
        (Action::PageUp, Focus::Reading) => reading::scroll_by(app, -lines * reading::page(app)),
        (Action::HalfPageDown, Focus::Reading) => {
            reading::scroll_by(app, lines * reading::half_page(app))
        }
        (Action::HalfPageUp, Focus::Reading) => {
            reading::scroll_by(app, -lines * reading::half_page(app))
        }
        // With a count, `g` and `G` go to that paragraph, as less goes to that line.
        (Action::Top | Action::Bottom, Focus::Reading) if count.is_some() => {
            reading::go_to_paragraph(app, times)
        }
        (Action::Top, Focus::Reading) => reading::jump_to_top(app),
        (Action::Bottom, Focus::Reading) => reading::jump_to_end(app),
        (Action::Percent, _) => reading::go_to_percent(app, count.unwrap_or(0)),
        (Action::NextParagraph, _) => (0..times).for_each(|_| reading::next_paragraph(app)),
        (Action::PreviousParagraph, _) => (0..times).for_each(|_| reading::previous_paragraph(app)),
        (Action::SearchForward | Action::SearchBackward, _) => prompt::open(app, action),
        (Action::NextMatch, _) => prompt::step(app, false, times),
        (Action::PreviousMatch, _) => prompt::step(app, true, times),
        (Action::JumpBack, _) => history::back(app),
        (Action::JumpForward, _) => history::forward(app),
        (Action::SetMark, _) => app.pending = Some(super::state::Pending::SetMark),
        (Action::GoToMark, _) => app.pending = Some(super::state::Pending::GoToMark),
        (Action::ToggleSidebar, _) => view::toggle_sidebar(app),
        (Action::SidebarNarrower, _) => view::sidebar_width_by(app, -4),
        (Action::SidebarWider, _) => view::sidebar_width_by(app, 4),
        (Action::CycleMeasure, _) => view::cycle_measure(app),
        (Action::ToggleTints, _) => view::toggle_tints(app),
        (Action::ToggleOutline, _) => outline::open(app),
        (Action::NextSentence, _) => (0..times).for_each(|_| edit::move_cursor(app, true)),
        (Action::PreviousSentence, _) => (0..times).for_each(|_| edit::move_cursor(app, false)),
        (Action::MarkKeyClaim, _) => edit::mark(app, crate::argument::ClaimKind::Key),
        (Action::MarkCounterclaim, _) => edit::mark(app, crate::argument::ClaimKind::Counter),
        (Action::LinkRebuttal, _) => edit::link_rebuttal(app),
        (Action::AcceptItem, _) => edit::accept_or_reject(app, true),
        (Action::RejectItem, _) => edit::accept_or_reject(app, false),
        (Action::DeleteItem, _) => edit::delete(app),
        (Action::EditNote, _) => edit::open_note(app),
        (Action::Undo, _) => edit::undo(app, false),
        (Action::Redo, _) => edit::undo(app, true),
        (Action::ScrollLeft, Focus::Reading) => structure::scroll_sideways(app, false),
        (Action::ScrollRight, Focus::Reading) => structure::scroll_sideways(app, true),
        (Action::ScrollLeft | Action::ScrollRight, Focus::Sidebar) => {}
        (Action::ToggleFurniture, _) => structure::toggle_furniture(app),
        (Action::ShowLinks, _) => structure::show_links(app),
        (Action::Export, _) => app.pending = Some(super::state::Pending::Export),
        (Action::ReloadClaims, _) => edit::reload(app),
        (Action::SaveClaimsAs, _) => edit::open_save_as(app),
        (
            Action::SwitchArticle
            | Action::FollowLink
            | Action::ConfirmLink
            | Action::RejectLink
            | Action::AddLink,
            _,
        ) => {
            // The pair reader handles these before they reach one article.
            app.message = Some("links are between two articles: counterpoint A B".into());
        }
        (
            Action::Resize(..)
            | Action::Interrupt
            | Action::Text(_)
            | Action::Mouse(_)
            | Action::Digit(_),
            _,
        ) => {
            unreachable!("handled above")
        }
    }
}

/// Esc: clears a count being typed, the sidebar filter, the search highlight or the
/// jump's highlight, in that order. It never quits: less does not, and a lone Esc can be
/// the start of an escape sequence split by a slow connection.
fn cancel(app: &mut App, had_count: bool) {
    if had_count {
        app.message = Some("count cleared".into());
    } else if app.filter.take().is_some() {
        app.message = Some("filter cleared".into());
        sidebar::keep_selection_visible(app);
    } else if app.search.take().is_some() {
        app.message = Some("search cleared".into());
    } else if app.highlight.take().is_none() {
        let quit = app
            .keymap
            .keys(Action::Quit)
            .first()
            .map_or_else(|| ":q".to_string(), |k| k.label());
        app.message = Some(format!("{quit} quits"));
    }
}
