//! A paragraph of many megabytes (text without blank lines, one line of 10 MB), laid out
//! in chunks: the first frame, `G`, a jump into the middle and a resize there, which
//! must cost what they cost on an ordinary article. `cargo bench --bench giant_paragraph`.
//!
//! The paragraph is the synthetic article's sentences on one line
//! (`counterpoint::synthetic`, seed 1), loaded as the reader loads it.

use std::hint::black_box;
use std::time::Duration;

use counterpoint::document::Document;
use counterpoint::layout::Layout;
use counterpoint::source::{self, LoadOptions};
use counterpoint::synthetic;
use counterpoint::ui::render::render;
use counterpoint::ui::{Action, App, Maps, update};
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const MB: usize = 1_000_000;
const SIZE: (u16, u16) = (120, 40);

/// The synthetic article of `bytes` in one paragraph, loaded.
fn giant(bytes: usize) -> Document {
    let text = synthetic::article(bytes, 1);
    let (title, body) = text.split_once("\n\n").expect("a title line");
    let body = body.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = format!("{title}\n\n{body}\n");
    let doc = source::load_bytes(text.as_bytes(), "giant.txt", &LoadOptions::default())
        .expect("loads")
        .document;
    assert_eq!(doc.paragraphs.len(), 1);
    doc
}

fn app(doc: Document) -> App {
    App::new(doc, "giant.txt".into(), Maps::default(), SIZE)
}

fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).expect("a test terminal")
}

fn draw(app: &App, terminal: &mut Terminal<TestBackend>) {
    terminal
        .draw(|frame| render(app, frame.buffer_mut()))
        .expect("draw");
}

fn benches(c: &mut Criterion) {
    let mut group = c.benchmark_group("giant paragraph");
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(3));
    for (label, bytes) in [("10 MB", 10 * MB), ("100 MB", 100 * MB)] {
        let doc = giant(bytes);
        let mut terminal = terminal();
        // Layout, the first chunk's wrapping and the frame, as at start-up (the document
        // is cloned outside the timing).
        group.bench_function(format!("{label}: layout + first frame"), |b| {
            b.iter_batched(
                || doc.clone(),
                |doc| {
                    let app = app(doc);
                    draw(&app, &mut terminal);
                    app
                },
                criterion::BatchSize::LargeInput,
            )
        });
        // `G` from the top on a fresh layout: wraps the last chunks only.
        let fresh = app(doc.clone());
        group.bench_function(format!("{label}: G + frame"), |b| {
            b.iter_batched(
                || fresh.clone(),
                |mut app| {
                    update(&mut app, Action::Bottom);
                    draw(&app, &mut terminal);
                    app
                },
                criterion::BatchSize::LargeInput,
            )
        });
        // A jump to the middle (what a search or a mark does), on a fresh layout.
        group.bench_function(format!("{label}: row of the middle byte"), |b| {
            b.iter_batched(
                || Layout::new(&doc, 78),
                |mut layout| {
                    let block = layout.block_of_paragraph(0);
                    black_box(layout.row_of_offset(&doc, block, bytes / 2));
                    layout
                },
                criterion::BatchSize::LargeInput,
            )
        });
        // Resizing at the end: the chunks on screen are wrapped again, no more.
        let mut at_end = app(doc.clone());
        update(&mut at_end, Action::Bottom);
        let mut wide = false;
        group.bench_function(
            format!("{label}: resize 100 <-> 120 + frame at the end"),
            |b| {
                b.iter(|| {
                    wide = !wide;
                    let width = if wide { 120 } else { 100 };
                    update(&mut at_end, Action::Resize(width, SIZE.1));
                    draw(&at_end, &mut terminal);
                })
            },
        );
    }
    group.finish();
}

criterion_group!(giant_paragraph, benches);
criterion_main!(giant_paragraph);
