//! Inputs that once crashed or misbehaved, found by the property tests (`tests/properties.rs`)
//! and the fuzz targets (`fuzz/`), kept so the fixes stay fixed.

use counterpoint::document::{Document, Metadata};
use counterpoint::ui::render::render;
use counterpoint::ui::{Action, App, Maps, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

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
        terminal.draw(|frame| render(&app, frame)).unwrap();
    }
    assert_eq!(app.top_paragraph(), None);
    assert_eq!(app.visible_paragraphs(), None);
}
