//! The habits of `less` on `update()`: search over everything the pane draws (title,
//! byline, notes…), regular expressions, prompt editing and history, counts before
//! motions, and an `Esc` that never quits.

mod support;

use counterpoint::layout::BlockKind;
use counterpoint::ui::action::TextKey;
use counterpoint::ui::render::render;
use counterpoint::ui::{Action, App, update};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use support::app::embedded_app;

fn draw(app: &App) -> Buffer {
    let mut buf = Buffer::empty(Rect::new(0, 0, app.size.0, app.size.1));
    render(app, &mut buf);
    buf
}

fn rows(buf: &Buffer) -> Vec<String> {
    (0..buf.area.height)
        .map(|y| (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect())
        .collect()
}

fn status(app: &App) -> String {
    rows(&draw(app)).pop().unwrap()
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        update(app, Action::Text(TextKey::Char(c)));
    }
}

fn search(app: &mut App, pattern: &str) {
    update(app, Action::SearchForward);
    type_text(app, pattern);
    update(app, Action::Text(TextKey::Submit));
}

/// The style of the first cell of `words` in the reading pane.
fn style_at(app: &App, buf: &Buffer, words: &str) -> Style {
    let areas = app.areas().unwrap();
    for y in 0..areas.reading.height {
        let row: String = (areas.text.x..areas.text.right())
            .map(|x| buf[(x, y)].symbol())
            .collect();
        if let Some(byte) = row.find(words) {
            let x = areas.text.x + row[..byte].chars().count() as u16;
            return buf[(x, y)].style();
        }
    }
    panic!("{words:?} not on screen:\n{}", rows(buf).join("\n"));
}

#[test]
fn search_finds_the_title_the_byline_and_the_notes_and_highlights_them_there() {
    let mut app = embedded_app(120, 40);
    let plain = style_at(&app, &draw(&app), "Confrontation");
    search(&mut app, "confrontation");
    let current = app
        .search
        .as_ref()
        .unwrap()
        .current_match()
        .cloned()
        .unwrap();
    assert_eq!(app.layout.kind(current.block), BlockKind::Title);
    assert!(app.message.as_deref().unwrap().starts_with("match 1/"));
    let found = style_at(&app, &draw(&app), "Confrontation");
    assert_ne!(found, plain, "the title's match is highlighted");
    assert_eq!(found.bg, app.theme.search_current.bg);

    search(&mut app, "Xiudong");
    let m = app
        .search
        .as_ref()
        .unwrap()
        .current_match()
        .cloned()
        .unwrap();
    assert_eq!(app.layout.kind(m.block), BlockKind::Byline);

    search(&mut app, "Institute");
    let m = app.search.as_ref().unwrap().current_match().cloned();
    let m = m.unwrap_or_else(|| panic!("not found: {:?}", app.message));
    assert!(matches!(app.layout.kind(m.block), BlockKind::Note(_)));
    // The note is brought on screen, with its match highlighted.
    assert_eq!(
        style_at(&app, &draw(&app), "Institute").bg,
        app.theme.search_current.bg
    );
}

#[test]
fn patterns_with_special_characters_are_regular_expressions() {
    let mut app = embedded_app(120, 40);
    search(&mut app, r"cyber.?attacks?");
    let search_state = app.search.clone().unwrap();
    assert!(!search_state.matches.is_empty(), "{:?}", app.message);
    assert!(search_state.note.is_none());
    for m in &search_state.matches {
        let text = app.layout.block_text(&app.doc, m.block);
        assert!(text[m.range.clone()].to_lowercase().starts_with("cyber"));
    }
    // `U.S` as a pattern is a regular expression too, and still smart case.
    search(&mut app, "U.S");
    assert!(!app.search.as_ref().unwrap().matches.is_empty());

    // Not a valid expression: said in one line, searched as text.
    search(&mut app, "(cyber");
    let message = app.message.clone().unwrap();
    assert!(message.contains("not a regular expression"), "{message}");
    assert!(message.contains("not found: (cyber"), "{message}");
    assert!(!message.contains('\n'));
    assert!(status(&app).contains("not a regular expression"));
}

#[test]
fn the_search_prompt_edits_like_a_shell_and_remembers_earlier_searches() {
    let mut app = embedded_app(120, 40);
    search(&mut app, "dialogue");
    search(&mut app, "Meng");
    update(&mut app, Action::SearchForward);
    update(&mut app, Action::Text(TextKey::Older));
    assert_eq!(app.prompt.as_ref().unwrap().text, "Meng");
    update(&mut app, Action::Text(TextKey::Older));
    assert_eq!(app.prompt.as_ref().unwrap().text, "dialogue");
    // Edit the recalled line: ← ← Backspace, then a letter in the middle.
    update(&mut app, Action::Text(TextKey::Left));
    update(&mut app, Action::Text(TextKey::Left));
    update(&mut app, Action::Text(TextKey::Backspace));
    assert_eq!(app.prompt.as_ref().unwrap().text, "dialoue");
    type_text(&mut app, "g");
    assert_eq!(app.prompt.as_ref().unwrap().text, "dialogue");
    update(&mut app, Action::Text(TextKey::Home));
    update(&mut app, Action::Text(TextKey::Delete));
    assert_eq!(app.prompt.as_ref().unwrap().text, "ialogue");
    assert!(status(&app).contains("/ialogue"));
    update(&mut app, Action::Text(TextKey::End));
    update(&mut app, Action::Text(TextKey::DeleteToStart));
    type_text(&mut app, "war or peace");
    update(&mut app, Action::Text(TextKey::DeleteWord));
    assert_eq!(app.prompt.as_ref().unwrap().text, "war or ");
    update(&mut app, Action::Text(TextKey::Abort));
    assert!(app.prompt.is_none());
    assert_eq!(app.quit, None);
}

#[test]
fn the_filter_and_note_prompts_share_the_editing() {
    let mut app = embedded_app(120, 40);
    update(&mut app, Action::SwitchFocus);
    update(&mut app, Action::SearchForward);
    type_text(&mut app, "chinx");
    update(&mut app, Action::Text(TextKey::Left));
    update(&mut app, Action::Text(TextKey::Delete));
    assert_eq!(app.filter.as_deref(), Some("chin"));
    update(&mut app, Action::Text(TextKey::Submit));
    update(&mut app, Action::SearchForward);
    update(&mut app, Action::Text(TextKey::DeleteToStart));
    assert_eq!(app.filter, None);
    update(&mut app, Action::Text(TextKey::Older));
    assert_eq!(app.filter.as_deref(), Some("chin"));
}

#[test]
fn counts_repeat_motions_and_show_while_typed() {
    let mut app = embedded_app(120, 30);
    let start = app.layout.row_of(app.top);
    update(&mut app, Action::Digit(5));
    assert!(status(&app).contains("count 5"), "{}", status(&app));
    update(&mut app, Action::Down);
    assert_eq!(app.layout.row_of(app.top), start + 5);
    assert_eq!(app.count, None);
    update(&mut app, Action::Down);
    assert_eq!(
        app.layout.row_of(app.top),
        start + 6,
        "the count is used once"
    );

    // 4G: ¶4 at the top; G alone: the end.
    update(&mut app, Action::Digit(4));
    update(&mut app, Action::Bottom);
    assert_eq!(app.top_paragraph(), Some(3));
    assert_eq!(app.top.block, app.layout.block_of_paragraph(3));
    update(&mut app, Action::Digit(1));
    update(&mut app, Action::Top);
    assert_eq!(app.top_paragraph(), Some(0));

    // 50p: half way down; p alone: the top.
    update(&mut app, Action::Digit(5));
    update(&mut app, Action::Digit(0));
    update(&mut app, Action::Percent);
    let total = app.layout.total_rows();
    let row = app.layout.row_of(app.top);
    assert!(row > 0 && row * 100 / total <= 50, "{row} of {total}");
    update(&mut app, Action::Percent);
    assert_eq!(app.layout.row_of(app.top), 0);

    // 2 Space: two pages.
    update(&mut app, Action::PageDown);
    update(&mut app, Action::PageDown);
    let two_pages = app.layout.row_of(app.top);
    update(&mut app, Action::Percent);
    update(&mut app, Action::Digit(2));
    update(&mut app, Action::PageDown);
    assert_eq!(app.layout.row_of(app.top), two_pages);

    // Esc drops a count being typed.
    update(&mut app, Action::Digit(9));
    update(&mut app, Action::Cancel);
    assert_eq!(app.count, None);
    assert_eq!(app.quit, None);
}

#[test]
fn esc_clears_what_is_open_and_never_quits() {
    let mut app = embedded_app(120, 30);
    search(&mut app, "cyber");
    assert!(app.search.is_some());
    update(&mut app, Action::Cancel);
    assert!(app.search.is_none());
    for _ in 0..3 {
        update(&mut app, Action::Cancel);
    }
    assert_eq!(app.quit, None);
    assert!(app.message.as_deref().unwrap_or("").contains("q quits"));
    update(&mut app, Action::Quit);
    assert!(app.quit.is_some());
}

/// A search made while a large file streams in finds what arrives after it too.
#[test]
fn a_search_follows_the_parts_of_a_streamed_file() {
    use counterpoint::document::{Document, Metadata};
    use counterpoint::ui::Maps;
    use counterpoint::ui::update::{Background, apply_background};

    let doc = Document::from_paragraphs(
        Metadata::default(),
        &["The ferry runs at noon.", "Nothing else."],
    );
    let mut app = App::new(doc, "big.txt".into(), Maps::default(), (80, 24));
    app.loading = Some(0.5);
    search(&mut app, "ferry");
    assert_eq!(app.search.as_ref().unwrap().matches.len(), 1);
    let part = Document::from_paragraphs(
        Metadata::default(),
        &["A second ferry, later.", "And a third ferry."],
    );
    apply_background(
        &mut app,
        Background::Part {
            document: part,
            progress: 1.0,
            last: true,
            replace: false,
            notices: Vec::new(),
        },
    );
    let search_state = app.search.clone().unwrap();
    assert_eq!(search_state.matches.len(), 3);
    for m in &search_state.matches {
        let text = app.layout.block_text(&app.doc, m.block);
        assert_eq!(&text[m.range.clone()], "ferry");
    }
    assert_eq!(search_state.current, Some(0), "the current match stays");
    update(&mut app, Action::NextMatch);
    assert!(app.message.as_deref().unwrap().starts_with("match 2/3"));
}

/// The thesis line is searched, and its matches follow it when the map shown changes it.
#[test]
fn matches_in_the_thesis_follow_the_map_shown() {
    let mut app = embedded_app(120, 40);
    let thesis = app.layout.thesis_block();
    search(&mut app, "signals");
    assert!(!app.search.as_ref().unwrap().in_block(thesis).is_empty());
    update(&mut app, Action::Cancel);
    search(&mut app, "signals");
    update(&mut app, Action::ToggleSource);
    let text = app.layout.block_text(&app.doc, thesis).to_string();
    let in_thesis = app.search.as_ref().unwrap().in_block(thesis).to_vec();
    assert_eq!(in_thesis.is_empty(), !text.contains("signals"), "{text}");
    for m in in_thesis {
        assert_eq!(&text[m.range], "signals");
    }
}
