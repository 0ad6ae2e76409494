//! The status line: file, position, notices, search state and key hints; or the prompt
//! being typed.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::cells::put_line;
use crate::ui::action::Action;
use crate::ui::search::Direction;
use crate::ui::state::{App, Focus, Pending, PromptPurpose};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    buf.set_style(area, theme.status);
    if let Some(line) = typing_line(app) {
        let spans = vec![
            Span::styled(line, theme.prompt),
            Span::styled(" ", theme.status_message),
        ];
        put_line(buf, area.x, area.y, &Line::from(spans), area.width);
        return;
    }
    let room = usize::from(area.width);
    let hints = hints(app);
    let with_notices = |furniture: Option<String>| {
        let mut left = format!(" {}  {}  {}%", app.name, position(app), percent(app));
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
    let message = app
        .message
        .clone()
        .or_else(|| search_state(app))
        .map(|m| format!("  {m}"));
    let message_width = message.as_deref().map_or(0, UnicodeWidthStr::width);
    // The furniture count in full where it fits beside the message and the key hints, else
    // shorter; where even that does not fit, a message (it lasts one key) goes first, and
    // without one the count does, before the hints.
    let fits = |left: &String| left.width() + message_width + hints.width() < room;
    let left = (0..=2)
        .map(|shorter| with_notices(furniture_notice(app, shorter)))
        .find(fits)
        .unwrap_or_else(|| match message {
            Some(_) => with_notices(None),
            None => with_notices(furniture_notice(app, 2)),
        });
    let mut spans = vec![Span::styled(left, theme.status)];
    if let Some(message) = message {
        spans.push(Span::styled(message, theme.status_message));
    }
    let used: usize = spans.iter().map(|s| s.content.width()).sum();
    if used + hints.width() < room {
        let gap = " ".repeat(room - used - hints.width());
        spans.push(Span::styled(gap, theme.status));
        spans.push(Span::styled(hints, theme.status));
    }
    put_line(buf, area.x, area.y, &Line::from(spans), area.width);
}

/// What is being typed: a search, a filter, or the letter of a mark.
fn typing_line(app: &App) -> Option<String> {
    if let Some(prompt) = &app.prompt {
        let label = match prompt.purpose {
            PromptPurpose::Search(Direction::Forward) => "/",
            PromptPurpose::Search(Direction::Backward) => "search backward: ",
            PromptPurpose::Filter => "filter sidebar: ",
            PromptPurpose::Note => "note: ",
            PromptPurpose::SaveAs => "save annotations as: ",
        };
        return Some(format!("{label}{}", prompt.text));
    }
    app.pending.map(|pending| {
        match pending {
            Pending::SetMark => "set mark: type a letter",
            Pending::GoToMark => "go to mark: type a letter (' for the last jump)",
            Pending::Export => "export as: j JSON, m Markdown, a Argdown, i AIF",
        }
        .to_string()
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

/// Focus and the keys that matter most, as the keymap binds them.
fn hints(app: &App) -> String {
    let key = |action| {
        app.keymap
            .keys(action)
            .first()
            .map_or_else(|| "?".into(), |k| k.label())
    };
    let focus = match app.focus {
        Focus::Reading => "reading",
        Focus::Sidebar => "sidebar",
    };
    format!(
        "{focus} · {} switch · {} help · {} quit ",
        key(Action::SwitchFocus),
        key(Action::ToggleHelp),
        key(Action::Quit)
    )
}
