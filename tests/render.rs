//! Rendering on ratatui's TestBackend: the first screen and the screen after a jump.

use counterpoint::layout::BlockKind;
use counterpoint::ui::render::render;
use counterpoint::ui::{Action, App, Focus, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

mod support;
use support::app::embedded_app;

fn draw(app: &App) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    terminal
        .draw(|frame| render(app, frame.buffer_mut()))
        .unwrap();
    terminal
}

fn screen_rows(terminal: &Terminal<TestBackend>) -> Vec<String> {
    let buffer = terminal.backend().buffer();
    (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
        })
        .collect()
}

#[test]
fn first_screen_shows_the_header_the_first_paragraph_and_the_sidebar() {
    let app = embedded_app(100, 30);
    let terminal = draw(&app);
    let screen = screen_rows(&terminal).join("\n");
    let title = app.doc.meta.title.as_deref().expect("a title");
    assert!(screen.contains(&title[..20]), "{screen}");
    assert!(screen.contains("Key claims ("), "{screen}");
    assert!(screen.contains("Counterclaims ("), "{screen}");
    assert!(screen.contains("¶1"), "{screen}");
    assert!(screen.contains(app.name.as_str()), "{screen}");
    insta::assert_snapshot!("first_screen", terminal.backend());
}

#[test]
fn a_jump_puts_the_paragraph_on_the_top_row_and_highlights_the_sentence() {
    let mut app = embedded_app(100, 30);
    update(&mut app, Action::SwitchFocus);
    assert_eq!(app.focus, Focus::Sidebar);
    assert_eq!(app.selected, Some(0));
    let target = app
        .map()
        .items
        .iter()
        .position(|item| item.anchor.paragraph == 2)
        .expect("an item in ¶3");
    for _ in 0..target {
        update(&mut app, Action::Down);
    }
    update(&mut app, Action::Jump);
    let anchor = app.map().items[target].anchor;
    assert_eq!(app.highlight, Some(anchor));
    assert_eq!(app.layout.kind(app.top.block), BlockKind::Paragraph(2));
    assert_eq!(app.top.row, 0);

    let terminal = draw(&app);
    let rows = screen_rows(&terminal);
    assert!(rows[0].contains("¶3"), "{}", rows[0]);
    let buffer = terminal.backend().buffer();
    let highlighted = (0..buffer.area.height).any(|y| {
        (0..buffer.area.width).any(|x| buffer[(x, y)].bg == app.theme.highlight.bg.unwrap())
    });
    assert!(highlighted, "no highlighted cell");
    insta::assert_snapshot!("after_jump_to_paragraph_3", terminal.backend());
}

#[test]
fn a_tiny_terminal_gets_a_notice_not_a_panic() {
    for (cols, rows) in [(1, 1), (2, 2), (10, 3), (29, 40)] {
        let app = embedded_app(cols, rows);
        let terminal = draw(&app);
        let screen = screen_rows(&terminal).join("");
        assert!(screen.starts_with(&"terminal too small"[..(cols as usize).min(8)]));
    }
}

#[test]
fn help_lists_every_bound_key() {
    // Wide enough for the two-column layout, which fits every key on one screen.
    let mut app = embedded_app(200, 40);
    update(&mut app, Action::ToggleHelp);
    let screen = screen_rows(&draw(&app)).join("\n");
    for (keys, action) in app.keymap.describe() {
        assert!(screen.contains(action.describe()), "{action:?} missing");
        assert!(screen.contains(&keys), "{keys} missing");
    }
    update(&mut app, Action::Cancel);
    assert!(app.overlay.is_none());
    assert!(app.quit.is_none());
}

#[test]
fn paragraph_numbers_of_any_length_keep_a_space_before_the_text() {
    use counterpoint::document::{Document, Metadata};
    use counterpoint::ui::Maps;
    let paragraphs: Vec<String> = (1..=10_501)
        .map(|n| format!("To narrow paragraph {n} down."))
        .collect();
    let doc = Document::from_paragraphs(Metadata::default(), &paragraphs);
    let mut app = App::new(doc, "long.txt".into(), Maps::default(), (100, 20));
    update(&mut app, Action::Bottom);
    let rows = screen_rows(&draw(&app));
    for number in [10_500, 10_501] {
        let row = rows
            .iter()
            .find(|row| row.contains(&format!("¶{number}")))
            .unwrap_or_else(|| panic!("¶{number} not on screen:\n{}", rows.join("\n")));
        assert!(
            row.contains(&format!("¶{number} To narrow paragraph {number}")),
            "{row:?}"
        );
    }
}
