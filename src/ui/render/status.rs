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
    // Beside another article, the letter names the article in focus.
    let letter = app
        .pair
        .as_ref()
        .map_or_else(String::new, |pair| format!("{}: ", pair.letter));
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
        .collect();
    if !notices.is_empty() {
        left.push_str(&format!("  [{}]", notices.join("; ")));
    }
    let mut spans = vec![Span::styled(left, theme.status)];
    let room = usize::from(area.width);
    let message = app.message.clone().or_else(|| search_state(app));
    if let Some(message) = message {
        let mut message = format!("  {message}");
        // Beside another article, the key that switches to it always shows: a message
        // gives way to it.
        if let Some(last) = hints(app).last().filter(|_| app.pair.is_some()) {
            let left = spans[0].content.width();
            let keep = room.saturating_sub(left + last.width() + 1);
            while message.width() > keep && message.pop().is_some() {}
        }
        spans.push(Span::styled(message, theme.status_message));
    }
    let used: usize = spans.iter().map(|s| s.content.width()).sum();
    // The longest hint that fits; beside another article, the key that switches to it
    // goes last of all.
    let hints = hints(app)
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
