//! The status line: file, position, notices, search state and key hints; or the prompt
//! being typed.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::cells::put_line;
use crate::ui::action::Action;
use crate::ui::search::Direction;
use crate::ui::state::{App, Focus, Pending, Prompt, PromptPurpose};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    buf.set_style(area, theme.status);
    if let Some(prompt) = &app.prompt {
        let line = prompt_line(app, prompt, usize::from(area.width));
        put_line(buf, area.x, area.y, &line, area.width);
        return;
    }
    if let Some(line) = pending_line(app, usize::from(area.width)) {
        let spans = vec![
            Span::styled(line, theme.prompt),
            Span::styled(" ", theme.status_message),
        ];
        put_line(buf, area.x, area.y, &Line::from(spans), area.width);
        return;
    }
    let room = usize::from(area.width);
    // The key hints: the longest that fits is drawn at the end; the shortest is kept room
    // for. Beside another article, the key that switches to it shows in every one.
    let hint_lines = hints(app);
    let hints = hint_lines.last().cloned().unwrap_or_default();
    // Beside another article, the letter names the article in focus.
    let letter = app
        .pair
        .as_ref()
        .map_or_else(String::new, |pair| format!("{}: ", pair.letter));
    let mut spans = Vec::new();
    // Unsaved edits are said first, so that no width cuts it off.
    if app.unsaved_edits() {
        let save_as = key(app, Action::SaveClaimsAs);
        let full = format!(" NOT SAVED · {save_as} saves elsewhere ");
        // The hint takes half of a narrow line at most; the file name and position give way.
        let badge = if full.width() * 2 <= room {
            full
        } else {
            " NOT SAVED ".to_string()
        };
        spans.push(Span::styled(badge, theme.search_current));
    }
    let badge_width: usize = spans.iter().map(|s| s.content.width()).sum();
    let with_notices = |furniture: Option<String>| {
        let mut left = format!(
            " {letter}{}  {}  {}%",
            app.name,
            position(app),
            percent(app)
        );
        let notices: Vec<&str> = app
            .load_notices
            .iter()
            .chain(&app.notices)
            .map(String::as_str)
            .chain(furniture.as_deref())
            .chain(app.pipe_open.then_some("waiting for data"))
            .collect();
        if !notices.is_empty() {
            left.push_str(&format!("  [{}]", notices.join("; ")));
        }
        left
    };
    let message = match app.count {
        Some(count) => Some(format!("count {count}")),
        None => app.message.clone().or_else(|| search_state(app)),
    }
    .map(|m| format!("  {m}"));
    let message_width = message.as_deref().map_or(0, UnicodeWidthStr::width);
    // The furniture count in full where it fits beside the message and the key hints, else
    // shorter; where even that does not fit, a message (it lasts one key) goes first, and
    // without one the count does, before the hints.
    let fits = |left: &String| badge_width + left.width() + message_width + hints.width() < room;
    let left = (0..=2)
        .map(|shorter| with_notices(furniture_notice(app, shorter)))
        .find(fits)
        .unwrap_or_else(|| match message {
            Some(_) => with_notices(None),
            None => with_notices(furniture_notice(app, 2)),
        });
    spans.push(Span::styled(left, theme.status));
    if let Some(mut message) = message {
        // Beside another article, the key that switches to it always shows: a message
        // gives way to it.
        if app.pair.is_some() {
            let before: usize = spans.iter().map(|s| s.content.width()).sum();
            let keep = room.saturating_sub(before + hints.width() + 1);
            while message.width() > keep && message.pop().is_some() {}
        }
        spans.push(Span::styled(message, theme.status_message));
    }
    let used: usize = spans.iter().map(|s| s.content.width()).sum();
    let hints = hint_lines
        .into_iter()
        .find(|h| used + h.width() < room)
        .unwrap_or_default();
    if !hints.is_empty() {
        let gap = " ".repeat(room - used - hints.width());
        spans.push(Span::styled(gap, theme.status));
        spans.push(Span::styled(hints, theme.status));
    }
    put_line(buf, area.x, area.y, &Line::from(spans), area.width);
}

/// The first key bound to an action, as help writes it.
fn key(app: &App, action: Action) -> String {
    app.keymap
        .keys(action)
        .first()
        .map_or_else(|| "?".into(), |k| k.label())
}

/// A line being typed: its label, its text with the cursor shown as a reversed cell, and
/// as much of the text as fits, the cursor always in view.
fn prompt_line(app: &App, prompt: &Prompt, width: usize) -> Line<'static> {
    let theme = &app.theme;
    let label = match prompt.purpose {
        PromptPurpose::Search(Direction::Forward) => "/",
        PromptPurpose::Search(Direction::Backward) => "search backward: ",
        PromptPurpose::Filter => "filter sidebar: ",
        PromptPurpose::Note => "note: ",
        PromptPurpose::SaveAs => "save annotations as: ",
        PromptPurpose::Command => ":",
    };
    let before = &prompt.text[..prompt.cursor];
    let mut after = prompt.text[prompt.cursor..].chars();
    let under = after.next().map_or_else(|| " ".to_string(), String::from);
    let after: String = after.collect();
    // Keep the cursor on screen: drop characters from the front of what is before it.
    let room = width.saturating_sub(label.width() + under.width() + 1);
    let mut shown_before = before;
    while shown_before.width() > room {
        let mut chars = shown_before.chars();
        chars.next();
        shown_before = chars.as_str();
    }
    let cursor = theme.prompt.add_modifier(Modifier::REVERSED);
    Line::from(vec![
        Span::styled(label.to_string(), theme.prompt),
        Span::styled(shown_before.to_string(), theme.prompt),
        Span::styled(under, cursor),
        Span::styled(after, theme.prompt),
    ])
}

/// The letter awaited after `m`, `'`, `e` or `Z`, or the question before quitting.
fn pending_line(app: &App, width: usize) -> Option<String> {
    Some(match app.pending? {
        Pending::SetMark => "set mark: type a letter".to_string(),
        Pending::GoToMark => "go to mark: type a letter (' for the last jump)".to_string(),
        Pending::Export => "export as: j JSON, m Markdown, a Argdown, i AIF".to_string(),
        Pending::QuitZ => "Z: Z again quits".to_string(),
        Pending::QuitUnsaved => crate::ui::update::quit_question(width).to_string(),
    })
}

fn position(app: &App) -> String {
    let paragraphs = app.doc.paragraphs.len();
    match app.visible_paragraphs() {
        Some((first, _)) => format!("¶{}/{paragraphs}", first + 1),
        None => format!("¶–/{paragraphs}"),
    }
}

fn percent(app: &App) -> u64 {
    let total = app.layout.total_rows().max(1);
    let bottom = app.layout.row_of(app.top) + u64::from(app.viewport_rows());
    // The last block's blank gap row is never needed on screen: at it, the end is shown.
    if bottom + 1 >= total {
        100
    } else {
        bottom * 100 / total
    }
}

/// "12 blocks of page furniture hidden · H shows them", while they are hidden; `shorter`
/// 1: "12 furniture blocks hidden · H", 2: "12 hidden · H".
fn furniture_notice(app: &App, shorter: u8) -> Option<String> {
    let count = app.doc.furniture.len();
    if count == 0 || app.layout.furniture_shown() {
        return None;
    }
    let key = app
        .keymap
        .keys(Action::ToggleFurniture)
        .first()
        .map(|k| k.label());
    let blocks = if count == 1 { "block" } else { "blocks" };
    let key = key.map(|k| match shorter {
        0 => format!(" · {k} shows them"),
        _ => format!(" · {k}"),
    });
    let what = match shorter {
        0 => format!("{count} {blocks} of page furniture hidden"),
        1 => format!("{count} furniture {blocks} hidden"),
        _ => format!("{count} hidden"),
    };
    Some(what + &key.unwrap_or_default())
}

/// "match 3/12 · pattern" while a search is active.
fn search_state(app: &App) -> Option<String> {
    let search = app.search.as_ref()?;
    Some(match search.current {
        Some(index) => format!(
            "match {}/{} · {}",
            index + 1,
            search.matches.len(),
            search.pattern
        ),
        None => format!("not found: {}", search.pattern),
    })
}

/// Focus and the keys that matter most, as the keymap binds them: the full line, then
/// shorter ones for a narrow terminal.
fn hints(app: &App) -> Vec<String> {
    let key = |action| key(app, action);
    let focus = match app.focus {
        Focus::Reading => "reading",
        Focus::Sidebar => "sidebar",
    };
    let full = format!(
        "{focus} · {} switch · {} help · {} quit ",
        key(Action::SwitchFocus),
        key(Action::ToggleHelp),
        key(Action::Quit)
    );
    match &app.pair {
        None => vec![full],
        Some(pair) => {
            let other = if pair.letter == 'A' { 'B' } else { 'A' };
            let switch = format!("{} article {other}", pair.switch_key);
            vec![
                format!("{switch} · {full}"),
                format!("{switch} · {} help ", key(Action::ToggleHelp)),
                format!("{switch} "),
            ]
        }
    }
}
