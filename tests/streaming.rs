//! A large file streamed into the reader: parts arrive, the layout grows, `G` reaches the
//! real end, and the analysis runs on the whole document.

use std::io::Write;

use counterpoint::layout::BlockKind;
use counterpoint::source::LoadOptions;
use counterpoint::source::stream;
use counterpoint::ui::update::{Background, apply_background};
use counterpoint::ui::{Action, App, Maps, update};

fn big_file() -> tempfile::NamedTempFile {
    let mut text = String::from("A Long Report On Libraries\n\n");
    for i in 0..15_000 {
        text.push_str(&format!(
            "Paragraph {i} says the council should fund the library, because reading \
             matters to everyone in the town and the evidence is clear.\n\n"
        ));
    }
    let mut file = tempfile::Builder::new().suffix(".txt").tempfile().unwrap();
    file.write_all(text.as_bytes()).unwrap();
    file
}

#[test]
fn parts_extend_the_reader_and_g_reaches_the_last_paragraph() {
    let file = big_file();
    let streamed = stream::open(file.path(), &LoadOptions::default())
        .unwrap()
        .expect("a large text file streams");
    let mut app = App::new(
        streamed.first.document,
        "big.txt".into(),
        Maps::default(),
        (120, 40),
    );
    app.loading = Some(0.0);
    let first = app.doc.paragraphs.len();
    update(&mut app, Action::Bottom);
    let mut rest = streamed.rest;
    while let Some(part) = rest.next_part() {
        let part = part.unwrap();
        apply_background(
            &mut app,
            Background::Part {
                document: part.document,
                progress: part.progress,
                last: part.last,
                notices: rest.notices(),
            },
        );
    }
    assert!(app.loading.is_none());
    assert_eq!(app.doc.paragraphs.len(), 15_000);
    assert!(app.doc.paragraphs.len() > first);
    update(&mut app, Action::Bottom);
    let (_, last) = app.visible_paragraphs().unwrap();
    assert_eq!(last, 14_999);
    assert!(matches!(
        app.layout.kind(app.layout.block_count() - 1),
        BlockKind::Paragraph(14_999)
    ));
}
