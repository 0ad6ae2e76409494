//! Inputs that once crashed or misbehaved, found by the property tests (`tests/properties.rs`)
//! and the fuzz targets (`fuzz/`), kept so the fixes stay fixed.

use counterpoint::document::{Document, Metadata};
use counterpoint::layout::Layout;
use counterpoint::ui::render::render;
use counterpoint::ui::{Action, App, Maps, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use unicode_width::UnicodeWidthStr;

/// Every line of every block, laid out at `width`, as text.
fn wrapped_lines(doc: &Document, width: usize) -> Vec<String> {
    let mut layout = Layout::new(doc, width);
    layout.ensure_all(doc);
    (0..layout.block_count())
        .flat_map(|block| {
            let text = layout.block_text(doc, block);
            layout
                .block_lines(block)
                .unwrap()
                .into_iter()
                .map(move |l| text[l].to_string())
        })
        .collect()
}

/// A document with no block at all (every paragraph blank) panicked on the first resize:
/// the re-layout measured "the last block" of none.
#[test]
fn an_empty_document_takes_every_action() {
    let doc = Document::from_paragraphs(Metadata::default(), &["   ", ""]);
    assert_eq!(doc.paragraphs.len(), 0);
    let mut app = App::new(doc, "empty".into(), Maps::default(), (80, 24));
    let mut actions = Action::BINDABLE.to_vec();
    actions.retain(|a| !matches!(a, Action::Quit | Action::Cancel));
    for action in actions
        .into_iter()
        .chain([Action::Resize(30, 6), Action::Resize(1, 1)])
    {
        update(&mut app, action);
        let mut terminal = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
        terminal
            .draw(|frame| render(&app, frame.buffer_mut()))
            .unwrap();
    }
    assert_eq!(app.top_paragraph(), None);
    assert_eq!(app.visible_paragraphs(), None);
}

/// textwrap counts "☺\u{fe0f}" (a text-style symbol made emoji by VS16) as 1 column; the
/// terminal draws it in 2, so the wrapped line was one column too wide and its last
/// character was cut off the screen.
#[test]
fn emoji_with_a_variation_selector_are_measured_as_drawn() {
    let text = "aaaaaaaaaaaaaaaaaaaaaaaa 🇫🇷 ☺\u{fe0f} aa? ！";
    let doc = Document::from_paragraphs(Metadata::default(), &[text]);
    for width in 1..=40 {
        let lines = wrapped_lines(&doc, width);
        for line in &lines {
            assert!(line.width() <= width.max(2), "{line:?} at width {width}");
        }
        let rejoined: String = lines.concat().split_whitespace().collect();
        let original: String = text.split_whitespace().collect();
        assert_eq!(rejoined, original, "text lost at width {width}");
    }
}
