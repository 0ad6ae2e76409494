//! The document's structure on screen (ratatui's TestBackend): hidden page furniture and
//! `H`, tables as grids, code and tables scrolled sideways with marks where lines go on,
//! heading levels, rules and the link list.

use counterpoint::source::{self, LoadOptions};
use counterpoint::ui::render::render;
use counterpoint::ui::{Action, App, Maps, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Modifier;

mod support;
use support::app::embedded_app;

fn draw(app: &App) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    terminal
        .draw(|frame| render(app, frame.buffer_mut()))
        .unwrap();
    terminal
}

fn rows(app: &App) -> Vec<String> {
    let terminal = draw(app);
    let buffer = terminal.backend().buffer();
    (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
        })
        .collect()
}

fn markdown_app(text: &str, cols: u16, lines: u16) -> App {
    let loaded =
        source::load_bytes(text.as_bytes(), "doc.md", &LoadOptions::default()).expect("loads");
    let mut app = App::new(loaded.document, loaded.name, Maps::default(), (cols, lines));
    // The reading pane alone: the tests look at its columns.
    update(&mut app, Action::ToggleSidebar);
    app
}

#[test]
fn hidden_furniture_is_counted_and_h_shows_it_dimmed_in_place() {
    // Narrow, the count is said in short beside the key hints.
    let narrow = embedded_app(80, 24);
    let count = narrow.doc.furniture.len();
    assert!(count > 0);
    let status = rows(&narrow).pop().unwrap();
    assert!(
        status.contains(&format!("[{count} hidden · H]")),
        "{status}"
    );
    let mut app = embedded_app(170, 30);
    let screen = rows(&app);
    let status = screen.last().unwrap();
    assert!(
        status.contains(&format!(
            "{count} blocks of page furniture hidden · H shows them"
        )),
        "{status}"
    );
    assert!(!screen.join("\n").contains("Follow us on"));
    update(&mut app, Action::ToggleFurniture);
    let screen = rows(&app);
    let at = screen
        .iter()
        .position(|r| r.contains("Follow us on"))
        .unwrap_or_else(|| panic!("{}", screen.join("\n")));
    // Above the title, as in the capture, and dimmed.
    let title = screen
        .iter()
        .position(|r| r.contains("Cybersecurity: Dialogue"))
        .unwrap();
    assert!(at < title);
    let terminal = draw(&app);
    let buffer = terminal.backend().buffer();
    let x = screen[at].find("Follow").unwrap();
    let x = screen[at][..x].chars().count() as u16;
    assert!(buffer[(x, at as u16)].modifier.contains(Modifier::DIM));
    assert!(!screen.last().unwrap().contains("furniture hidden"));
    // The end of the capture too.
    update(&mut app, Action::Bottom);
    assert!(rows(&app).join("\n").contains("About Us"));
    update(&mut app, Action::ToggleFurniture);
    let screen = rows(&app).join("\n");
    assert!(!screen.contains("About Us"), "{screen}");
    assert!(screen.contains("page furniture hidden"), "{screen}");
}

#[test]
fn a_gfm_table_is_drawn_as_a_grid() {
    let app = markdown_app(
        "# Fares\n\nThe figures.\n\n| Line | Riders | Cost |\n|------|-------:|-----:|\n| N1 | 1,200 | 40,000 |\n| N12 | 95 | 18,500 |\n",
        80,
        16,
    );
    let screen = rows(&app);
    let grid: Vec<&str> = screen
        .iter()
        .filter(|r| r.contains('│') || r.contains('┼'))
        .map(|r| r.trim_end())
        .collect();
    assert_eq!(grid.len(), 4, "{}", screen.join("\n"));
    let column = |r: &str| r.chars().position(|c| c == '│' || c == '┼').unwrap();
    assert!(
        grid.iter().all(|r| column(r) == column(grid[0])),
        "{grid:#?}"
    );
    assert!(grid[0].ends_with("Line │ Riders │   Cost"), "{grid:#?}");
    assert!(grid[3].ends_with("N12  │     95 │ 18,500"), "{grid:#?}");
    insta::assert_snapshot!("gfm_table", draw(&app).backend());
}

#[test]
fn a_long_code_line_scrolls_sideways_with_marks() {
    let tail = "THE-END-OF-THE-LINE";
    let long = format!("let x = {}; // {tail}", "word ".repeat(20).trim_end());
    let mut app = markdown_app(
        &format!(
            "# Code\n\nThe function:\n\n```\nfn main() {{\n    {long}\n}}\n```\n\nAfter it.\n"
        ),
        60,
        14,
    );
    let screen = rows(&app);
    let line = screen
        .iter()
        .find(|r| r.contains("let x = word"))
        .unwrap_or_else(|| panic!("{}", screen.join("\n")));
    assert!(!line.contains(tail));
    assert!(line.trim_end().ends_with('›'), "{line}");
    // Short lines have no mark.
    let short = screen.iter().find(|r| r.contains("fn main()")).unwrap();
    assert!(!short.contains('›'));
    for _ in 0..4 {
        update(&mut app, Action::ScrollRight);
    }
    let screen = rows(&app);
    let line = screen
        .iter()
        .find(|r| r.contains(tail))
        .unwrap_or_else(|| panic!("{}", screen.join("\n")));
    assert!(line.contains('‹'), "{line}");
    assert!(!line.contains('›'), "{line}");
    // Prose is never shifted.
    assert!(screen.iter().any(|r| r.contains("The function:")));
    update(&mut app, Action::ScrollLeft);
    update(&mut app, Action::ScrollLeft);
    update(&mut app, Action::ScrollLeft);
    update(&mut app, Action::ScrollLeft);
    let screen = rows(&app);
    assert!(screen.iter().any(|r| r.contains("let x = word")));
    assert_eq!(app.hscroll, 0);
}

#[test]
fn nothing_to_scroll_sideways_says_so() {
    let mut app = markdown_app("# Prose\n\nJust a short paragraph.\n", 60, 10);
    update(&mut app, Action::ScrollRight);
    assert_eq!(app.hscroll, 0);
    assert!(app.message.as_deref().is_some_and(|m| m.contains("wider")));
}

#[test]
fn heading_levels_rules_and_the_link_list() {
    let mut app = markdown_app(
        "# Title\n\nIntro with [a link](https://example.org/a).\n\n## Second level\n\nText.\n\n---\n\n### Third level\n\nMore text.\n",
        70,
        24,
    );
    let screen = rows(&app);
    let second = screen.iter().find(|r| r.contains("Second level")).unwrap();
    assert!(second.contains("## Second level"), "{second}");
    let third = screen.iter().find(|r| r.contains("Third level")).unwrap();
    assert!(third.contains("### Third level"), "{third}");
    assert!(
        screen.iter().any(|r| r.contains("──────────")),
        "{}",
        screen.join("\n")
    );
    update(&mut app, Action::ShowLinks);
    let screen = rows(&app).join("\n");
    assert!(screen.contains("Links (1)"), "{screen}");
    assert!(
        screen.contains("[1] ¶1 a link → https://example.org/a"),
        "{screen}"
    );
    update(&mut app, Action::Cancel);
    assert!(app.overlay.is_none() && app.quit.is_none());
}

/// For a text that is not English the sidebar says the detector cannot read it, instead
/// of listing what its English cues make of it.
#[test]
fn the_sidebar_says_when_the_text_is_not_english() {
    let text = "Warum wir die Bahn brauchen\n\nDie Bahn ist das Rückgrat einer \
        klimafreundlichen Mobilität. Wer heute in Schienen investiert, spart morgen Kosten \
        und Emissionen.\n\nKritiker sagen, der Ausbau sei zu teuer. Doch die Rechnung \
        übersieht die Folgekosten des Straßenverkehrs.\n";
    let loaded =
        source::load_bytes(text.as_bytes(), "bahn.txt", &LoadOptions::default()).expect("loads");
    let detected = counterpoint::argument::detect::detect(&loaded.document);
    assert!(detected.items.is_empty());
    let maps = Maps {
        annotated: None,
        detected,
    };
    let app = App::new(loaded.document, loaded.name, maps, (120, 24));
    let screen = rows(&app).join("\n");
    assert!(
        screen.contains("none: this text is not English,"),
        "{screen}"
    );
    assert!(
        screen.contains("the detector reads English only"),
        "{screen}"
    );
    assert!(screen.contains("Kritiker sagen"), "{screen}");
}
