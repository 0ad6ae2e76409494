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
                replace: part.replace,
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

mod support;
use support::pty::{Options, PATIENCE, Session};

/// `(cat article.txt; sleep 30) | counterpoint`: the article shows while the pipe is
/// still open, the status line says it waits for data, and `q` quits at once, long
/// before the pipe closes (the producer marks when it does; the program must be gone
/// before that).
#[test]
fn standard_input_shows_at_once_and_q_quits_while_the_pipe_is_open() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("article.txt");
    std::fs::write(&article, counterpoint::EMBEDDED_ARTICLE).unwrap();
    let closed = dir.path().join("pipe-closed");
    let exited = dir.path().join("exited");
    let line = format!(
        "(cat '{}'; sleep 30; touch '{}') | ('{}'; echo $? > '{}')",
        article.display(),
        closed.display(),
        env!("CARGO_BIN_EXE_counterpoint"),
        exited.display()
    );
    let mut session = Session::start(Options {
        cols: 120,
        rows: 30,
        program: Some("sh"),
        args: &["-c", &line],
        ..Options::default()
    });
    session.wait_for_text("Cybersecurity: Dialogue Is Better");
    session.wait_for_text("waiting for data");
    session.wait_for_text("A delegation led by Chinese President");
    session.send("q");
    let start = std::time::Instant::now();
    while !exited.exists() {
        assert!(
            start.elapsed() < PATIENCE,
            "q did not quit:\n{}",
            session.screen_text()
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(
        !closed.exists(),
        "the reader only quit when the pipe closed"
    );
    std::thread::sleep(std::time::Duration::from_millis(50));
    assert_eq!(std::fs::read_to_string(&exited).unwrap().trim(), "0");
    assert!(session.terminal_restored());
    // The shell still waits for the producer's sleep; end its process group.
    // SAFETY: kill(2) with a process group id; no memory is involved.
    unsafe { libc::kill(-(session.pid() as i32), libc::SIGTERM) };
}

/// When the pipe closes, the whole input is loaded again and replaces the first screen's
/// document; the status line stops waiting and the analysis runs.
#[test]
fn standard_input_that_closes_later_is_loaded_whole() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("article.txt");
    std::fs::write(&article, counterpoint::EMBEDDED_ARTICLE).unwrap();
    let line = format!(
        "(cat '{}'; sleep 1) | '{}'",
        article.display(),
        env!("CARGO_BIN_EXE_counterpoint"),
    );
    let mut session = Session::start(Options {
        cols: 120,
        rows: 30,
        program: Some("sh"),
        args: &["-c", &line],
        ..Options::default()
    });
    session.wait_for_text("waiting for data");
    session.wait_for("the pipe to close", |screen| {
        !screen.contents().contains("waiting for data")
    });
    session.wait_for_analysis();
    let screen = session.screen_text();
    assert!(screen.contains("¶1/7"), "{screen}");
    assert!(screen.contains("Key claims ("), "{screen}");
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
}
