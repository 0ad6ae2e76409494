//! Typing in the status line: searches (`/`, backward with its own key), the sidebar
//! filter (`/` in the sidebar), and the letter after `m` or `'`.

use crate::ui::action::{Action, TextKey};
use crate::ui::search::{Direction, Search, Step};
use crate::ui::state::{App, Focus, Prompt, PromptPurpose};

use super::{edit, history, reading, sidebar};

/// Opens a prompt: a search in the reading pane, a filter in the sidebar.
pub fn open(app: &mut App, action: Action) {
    let purpose = match (app.focus, action) {
        (Focus::Sidebar, Action::SearchForward) => PromptPurpose::Filter,
        (_, Action::SearchBackward) => PromptPurpose::Search(Direction::Backward),
        _ => PromptPurpose::Search(Direction::Forward),
    };
    let text = match purpose {
        PromptPurpose::Filter => app.filter.clone().unwrap_or_default(),
        _ => String::new(),
    };
    app.prompt = Some(Prompt { purpose, text });
}

/// A key while a prompt or a mark letter is awaited.
pub fn text(app: &mut App, key: TextKey) {
    if let Some(pending) = app.pending.take() {
        if let TextKey::Char(letter) = key {
            history::mark_letter(app, pending, letter);
        }
        return;
    }
    let Some(prompt) = app.prompt.as_mut() else {
        return;
    };
    match key {
        TextKey::Char(c) if !c.is_control() => prompt.text.push(c),
        TextKey::Char(_) => {}
        TextKey::Backspace => {
            if prompt.text.pop().is_none() {
                // Backspace on an empty line closes it, as in less and vi.
                app.prompt = None;
                return;
            }
        }
        TextKey::Abort => {
            let prompt = app.prompt.take().expect("checked above");
            if prompt.purpose == PromptPurpose::Filter {
                set_filter(app, None);
            }
            return;
        }
        TextKey::Submit => {
            let prompt = app.prompt.take().expect("checked above");
            match prompt.purpose {
                PromptPurpose::Search(direction) => search(app, prompt.text, direction),
                PromptPurpose::Filter => {
                    let filter = Some(prompt.text).filter(|t| !t.is_empty());
                    set_filter(app, filter);
                }
                PromptPurpose::Note => edit::set_note(app, prompt.text),
                PromptPurpose::SaveAs => edit::save_as(app, prompt.text),
            }
            return;
        }
    }
    // The sidebar filter narrows as it is typed.
    if let Some(Prompt {
        purpose: PromptPurpose::Filter,
        text,
    }) = &app.prompt
    {
        let filter = Some(text.clone()).filter(|t| !t.is_empty());
        set_filter(app, filter);
    }
}

fn set_filter(app: &mut App, filter: Option<String>) {
    app.filter = filter;
    let visible = app.sidebar_view().visible_entries();
    if !app.selected.is_some_and(|s| visible.contains(&s)) {
        app.selected = visible.first().copied();
    }
    app.sidebar_scroll = [0; crate::ui::sidebar::MAX_PANELS];
    sidebar::keep_selection_visible(app);
    if app.filter.is_some() {
        app.message = Some(format!("{} entries match", visible.len()));
    }
}

/// Runs a new search (an empty pattern repeats the last one) from the top of the pane.
fn search(app: &mut App, pattern: String, direction: Direction) {
    let pattern = match (pattern.is_empty(), &app.search) {
        (true, Some(last)) => last.pattern.clone(),
        (true, None) => return,
        (false, _) => pattern,
    };
    let doc = &app.doc;
    let found = Search::new(
        &pattern,
        direction,
        (0..doc.paragraphs.len()).map(|i| doc.paragraph_text(i)),
    );
    app.search = Some(found);
    let from = (app.top_paragraph().unwrap_or(0), 0);
    history::record(app);
    go(app, from, direction == Direction::Forward, false);
}

/// `n` / `N`: the next match after the current one (or the top of the pane).
pub fn step(app: &mut App, reverse: bool) {
    let from = match app.search.as_ref() {
        None => {
            app.message = Some("no search yet: / searches".into());
            return;
        }
        Some(search) => match search.current_match() {
            Some(m) => (m.paragraph, m.range.start),
            None => (app.top_paragraph().unwrap_or(0), 0),
        },
    };
    go(app, from, false, reverse);
}

fn go(app: &mut App, from: (usize, usize), inclusive: bool, reverse: bool) {
    let search = app.search.as_mut().expect("a search is running");
    let step = search.step(from, inclusive, reverse);
    let total = search.matches.len();
    let pattern = search.pattern.clone();
    let forward = (search.direction == Direction::Forward) != reverse;
    match step {
        Step::NotFound => app.message = Some(format!("not found: {pattern}")),
        Step::Found { index, wrapped } => {
            let m = search.matches[index].clone();
            app.highlight = None;
            reading::show_offset(app, m.paragraph, m.range.start);
            let wrap_note = match (wrapped, forward) {
                (true, true) => " · passed the end, continued from the top",
                (true, false) => " · passed the top, continued from the end",
                (false, _) => "",
            };
            app.message = Some(format!("match {}/{total}{wrap_note}", index + 1));
        }
    }
}
