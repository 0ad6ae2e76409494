//! Typing in the status line: searches (`/`, backward with its own key), the sidebar
//! filter (`/` in the sidebar), notes, paths, `:` commands, and the letter after `m`,
//! `'`, `e` or `Z`, or the answer to "quit without saving?".

use crate::ui::action::{Action, TextKey};
use crate::ui::search::{Direction, Search, Step};
use crate::ui::state::{App, Focus, Pending, Prompt, PromptPurpose};

use super::{edit, history, quit, reading, sidebar};

/// Opens a prompt: a search in the reading pane, a filter in the sidebar, a command.
pub fn open(app: &mut App, action: Action) {
    let purpose = match (app.focus, action) {
        (_, Action::Command) => PromptPurpose::Command,
        (Focus::Sidebar, Action::SearchForward) => PromptPurpose::Filter,
        (_, Action::SearchBackward) => PromptPurpose::Search(Direction::Backward),
        _ => PromptPurpose::Search(Direction::Forward),
    };
    let text = match purpose {
        PromptPurpose::Filter => app.filter.clone().unwrap_or_default(),
        _ => String::new(),
    };
    app.prompt = Some(Prompt::new(purpose, text));
}

/// A key while a prompt or a letter is awaited.
pub fn text(app: &mut App, key: TextKey) {
    if let Some(pending) = app.pending.take() {
        match (pending, key) {
            (Pending::QuitUnsaved, key) => quit::answer(app, key),
            (Pending::QuitZ, TextKey::Char('Z')) => quit::request(app),
            (Pending::QuitZ, _) => {}
            (pending, TextKey::Char(letter)) => history::mark_letter(app, pending, letter),
            _ => {}
        }
        return;
    }
    let Some(prompt) = app.prompt.as_mut() else {
        return;
    };
    match key {
        // Backspace on an empty line closes it, as in less and vi.
        TextKey::Backspace if prompt.text.is_empty() => {
            app.prompt = None;
            return;
        }
        TextKey::Abort => {
            let prompt = app.prompt.take().expect("checked above");
            if prompt.purpose == PromptPurpose::Filter {
                set_filter(app, None);
            }
            app.quit_after_save = false;
            return;
        }
        TextKey::Submit => {
            let prompt = app.prompt.take().expect("checked above");
            app.prompt_history.push(prompt.purpose, &prompt.text);
            match prompt.purpose {
                PromptPurpose::Search(direction) => search(app, prompt.text, direction),
                PromptPurpose::Filter => {
                    let filter = Some(prompt.text).filter(|t| !t.is_empty());
                    set_filter(app, filter);
                }
                PromptPurpose::Note => edit::set_note(app, prompt.text),
                PromptPurpose::SaveAs => edit::save_as(app, prompt.text),
                PromptPurpose::Command => command(app, &prompt.text),
            }
            return;
        }
        key => {
            if !prompt.edit(key, &app.prompt_history) {
                return;
            }
        }
    }
    // The sidebar filter narrows as it is typed.
    if let Some(Prompt {
        purpose: PromptPurpose::Filter,
        text,
        ..
    }) = &app.prompt
    {
        let filter = Some(text.clone()).filter(|t| !t.is_empty());
        set_filter(app, filter);
    }
}

/// A line typed after `:`: `q` (or `quit`) quits, asking first about unsaved edits; `q!`
/// quits without asking; a number goes to that paragraph.
fn command(app: &mut App, line: &str) {
    let line = line.trim();
    match line {
        "" => {}
        "q" | "quit" | "x" | "wq" => quit::request(app),
        "q!" | "quit!" => app.quit = Some(crate::ui::state::Quit::Normal),
        _ => match line.parse::<u32>() {
            Ok(number) => reading::go_to_paragraph(app, number),
            Err(_) => {
                let shown: String = line.chars().take(40).collect();
                app.message = Some(format!(
                    "unknown command :{shown} (:q quits, :q! without saving, :N goes to ¶N)"
                ));
            }
        },
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

/// Runs a new search (an empty pattern repeats the last one) from the top of the pane,
/// over every block the reading pane draws.
fn search(app: &mut App, pattern: String, direction: Direction) {
    let pattern = match (pattern.is_empty(), &app.search) {
        (true, Some(last)) => last.pattern.clone(),
        (true, None) => return,
        (false, _) => pattern,
    };
    let (layout, doc) = (&app.layout, &app.doc);
    let found = Search::new(
        &pattern,
        direction,
        (0..layout.block_count()).map(|b| layout.block_text(doc, b)),
    );
    app.search = Some(found);
    let from = reading::top_offset(app);
    history::record(app);
    go(app, from, direction == Direction::Forward, false);
}

/// `n` / `N`: the next match after the current one (or the top of the pane); with a
/// count, that many matches on.
pub fn step(app: &mut App, reverse: bool, count: u32) {
    for _ in 0..count.max(1) {
        let from = match app.search.as_ref() {
            None => {
                app.message = Some("no search yet: / searches".into());
                return;
            }
            Some(search) => match search.current_match() {
                Some(m) => (m.block, m.range.start),
                None => reading::top_offset(app),
            },
        };
        go(app, from, false, reverse);
    }
}

fn go(app: &mut App, from: (usize, usize), inclusive: bool, reverse: bool) {
    let search = app.search.as_mut().expect("a search is running");
    let step = search.step(from, inclusive, reverse);
    let total = search.matches.len();
    let pattern = search.pattern.clone();
    let note = search
        .note
        .as_ref()
        .map_or_else(String::new, |n| format!("{n} · "));
    let forward = (search.direction == Direction::Forward) != reverse;
    match step {
        Step::NotFound => app.message = Some(format!("{note}not found: {pattern}")),
        Step::Found { index, wrapped } => {
            let m = search.matches[index].clone();
            app.highlight = None;
            reading::show_in_block(app, m.block, m.range.start);
            let wrap_note = match (wrapped, forward) {
                (true, true) => " · passed the end, continued from the top",
                (true, false) => " · passed the top, continued from the end",
                (false, _) => "",
            };
            app.message = Some(format!("{note}match {}/{total}{wrap_note}", index + 1));
        }
    }
}
