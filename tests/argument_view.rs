//! The argument at a glance, on ratatui's TestBackend: the sidebar that grows on wide
//! terminals, the thesis under the byline, tints in the text, the outline overlay; and
//! snapshots of the first screen at four terminal sizes.

use counterpoint::argument::tree::{self, Role};
use counterpoint::layout::BlockKind;
use counterpoint::ui::render::render;
use counterpoint::ui::state::Overlay;
use counterpoint::ui::theme::Theme;
use counterpoint::ui::{Action, App, update};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

mod support;
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

fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn snapshots_at_four_sizes() {
    for (cols, lines) in [(40, 12), (80, 24), (120, 40), (200, 50)] {
        let app = embedded_app(cols, lines);
        let screen = rows(&draw(&app)).join("\n");
        insta::assert_snapshot!(format!("first_screen_{cols}x{lines}"), screen);
    }
}

#[test]
fn a_wide_sidebar_shows_sixty_characters_of_the_first_key_claim() {
    let app = embedded_app(200, 50);
    let areas = app.areas().unwrap();
    // The reading column has margins wider than 10 columns on both sides ...
    assert!(areas.gutter.x - areas.reading.x > 10, "{areas:?}");
    assert!(areas.scrollbar.x - areas.text.right() > 10, "{areas:?}");
    // ... so no entry is cut to one line, and the first shows 60 characters and more.
    let buf = draw(&app);
    let sidebar: Vec<String> = rows(&buf)
        .iter()
        .map(|row| row.chars().skip(usize::from(areas.sidebar.x) + 2).collect())
        .collect();
    let heading = sidebar
        .iter()
        .position(|r| r.contains("Key claims ("))
        .unwrap();
    let entry_rows: Vec<&String> = sidebar[heading + 1..]
        .iter()
        .take_while(|r| !r.contains("Counterclaims ("))
        .collect();
    let first_entry: Vec<String> = entry_rows
        .iter()
        .enumerate()
        .take_while(|(i, r)| *i == 0 || !r.trim_start_matches('▌').trim().starts_with('¶'))
        .map(|(_, r)| r.trim_start_matches('▌').trim().to_string())
        .collect();
    let shown = squeeze(&first_entry.join(" "));
    let first = &app.map().items[0];
    let sentence = squeeze(first.text(&app.doc));
    let shown_text = shown.split_once(' ').unwrap().1.trim_end_matches('…');
    assert!(shown_text.chars().count() >= 60, "{shown:?}");
    assert!(sentence.starts_with(shown_text), "{shown:?} / {sentence:?}");
    // Every claim longer than one line takes more than one.
    let singles = entry_rows
        .windows(2)
        .filter(|pair| {
            let starts = |r: &str| r.trim_start_matches('▌').trim().starts_with('¶');
            starts(pair[0]) && starts(pair[1]) && pair[0].trim_end().ends_with('…')
        })
        .count();
    assert_eq!(singles, 0, "{entry_rows:#?}");
}

#[test]
fn the_header_shows_the_thesis_under_the_byline() {
    let app = embedded_app(100, 30);
    let screen = rows(&draw(&app));
    let byline = screen
        .iter()
        .position(|r| r.contains("By Jia Xiudong"))
        .unwrap();
    let thesis = screen
        .iter()
        .position(|r| r.contains("Thesis (¶6): The signals given"))
        .unwrap_or_else(|| panic!("no thesis:\n{}", screen.join("\n")));
    assert_eq!(thesis, byline + 2, "{}", screen.join("\n"));
    // Showing the detected map shows its own thesis.
    let mut app = app;
    update(&mut app, Action::ToggleSource);
    let detected = tree::tree(&app.doc, app.map());
    let first = detected.iter().find(|n| n.role == Role::Thesis).unwrap();
    let words: String = squeeze(first.text).chars().take(20).collect();
    let screen = squeeze(&rows(&draw(&app)).join(" "));
    assert!(
        screen.contains(&format!("Thesis (¶{}): ", first.at.paragraph + 1)),
        "{screen}"
    );
    assert!(screen.contains(&words), "{words:?} in {screen}");
}

/// The style of the cell where `words` start in the reading pane.
fn style_at(app: &App, buf: &Buffer, words: &str) -> Style {
    let areas = app.areas().unwrap();
    for y in 0..buf.area.height {
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
fn tints_give_claims_counterclaims_and_rebuttals_three_styles_and_i_removes_them() {
    for theme in [Theme::dark(), Theme::light(), Theme::mono()] {
        let mut app = embedded_app(200, 50);
        app.theme = theme;
        let key = "Compared to topics";
        let counter = "The issue has of late";
        let rebuttal = "This is not a persuasive";
        let plain = "A delegation led";
        let buf = draw(&app);
        let styles: Vec<Style> = [key, counter, rebuttal, plain]
            .iter()
            .map(|w| style_at(&app, &buf, w))
            .collect();
        for i in 0..4 {
            for j in i + 1..4 {
                assert_ne!(styles[i], styles[j], "{i} {j}: {styles:?}");
                if theme == Theme::mono() {
                    assert_ne!(styles[i].add_modifier, styles[j].add_modifier);
                }
            }
        }
        // The gutter marks the paragraphs holding them.
        let screen = rows(&buf);
        assert!(screen.iter().any(|r| r.contains("K  ¶2")), "{screen:#?}");
        assert!(screen.iter().any(|r| r.contains("C  ¶3")), "{screen:#?}");
        update(&mut app, Action::ToggleTints);
        let buf = draw(&app);
        for words in [key, counter, rebuttal] {
            assert_eq!(style_at(&app, &buf, words), styles[3], "{words}");
        }
        assert!(!rows(&buf).iter().any(|r| r.contains("K  ¶2")));
    }
}

#[test]
fn tints_follow_the_map_shown() {
    let mut app = embedded_app(200, 50);
    let key = "Compared to topics";
    let before = style_at(&app, &draw(&app), key);
    update(&mut app, Action::ToggleSource);
    let detected_has_it = app
        .map()
        .items
        .iter()
        .any(|item| item.text(&app.doc).starts_with(key));
    let after = style_at(&app, &draw(&app), key);
    assert_eq!(before == after, detected_has_it, "{before:?} {after:?}");
}

#[test]
fn the_outline_shows_the_tree_and_enter_jumps_to_a_late_item() {
    let mut app = embedded_app(100, 30);
    update(&mut app, Action::ToggleOutline);
    let screen = rows(&draw(&app));
    let at = |text: &str| {
        screen
            .iter()
            .position(|r| r.contains(text))
            .unwrap_or_else(|| panic!("{text:?} missing:\n{}", screen.join("\n")))
    };
    assert!(at("Thesis") < at("¶6 The signals given"));
    assert!(at("¶6 The signals given") < at("Key claims"));
    assert!(at("¶3 America claims") < at("↳ ¶3 This is not a persuasive claim."));
    assert!(at("Key claims") < at("Counterclaims"));
    // The last node is a rebuttal in a paragraph before the last one.
    let nodes = tree::tree(&app.doc, app.map());
    let (count, last) = (nodes.len(), nodes.last().unwrap().clone());
    let (role, last) = (last.role, last.at);
    drop(nodes);
    assert_eq!(role, Role::Rebuttal);
    assert!(last.paragraph + 1 < app.doc.paragraphs.len());
    update(&mut app, Action::Bottom);
    assert_eq!(
        app.overlay,
        Some(Overlay::Outline {
            selected: count - 1
        })
    );
    update(&mut app, Action::Jump);
    assert_eq!(app.overlay, None);
    assert_eq!(
        app.layout.kind(app.top.block),
        BlockKind::Paragraph(last.paragraph)
    );
    assert_eq!(app.top.row, 0);
    assert_eq!(app.highlight, Some(last));
    // Esc closes without moving.
    let top = app.top;
    update(&mut app, Action::ToggleOutline);
    update(&mut app, Action::Down);
    update(&mut app, Action::Cancel);
    assert_eq!((app.overlay, app.top, app.quit), (None, top, None));
}

#[test]
fn a_tiny_terminal_stays_readable() {
    for (cols, lines) in [(40, 12), (30, 6), (41, 13)] {
        let mut app = embedded_app(cols, lines);
        for action in [
            Action::ToggleOutline,
            Action::Bottom,
            Action::Jump,
            Action::ToggleTints,
            Action::PageDown,
        ] {
            update(&mut app, action);
            let screen = rows(&draw(&app)).join("\n");
            assert!(!screen.contains("too small"), "{screen}");
        }
    }
}
