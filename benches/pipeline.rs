//! The reading pipeline on large synthetic articles: loading, sentence splitting, layout,
//! one frame, a resize. `cargo bench --bench pipeline` (a few minutes on 2 cores).
//!
//! Inputs are generated here (`counterpoint::synthetic`), so no files are needed. The
//! detector has its own bench (`benches/detection.rs`) and is not timed here.

use std::hint::black_box;
use std::sync::LazyLock;
use std::time::Duration;

use counterpoint::argument::annotations;
use counterpoint::argument::detect::detect;
use counterpoint::document::{Document, sentences};
use counterpoint::layout::Layout;
use counterpoint::source::{self, InputSpec, LoadOptions};
use counterpoint::synthetic;
use counterpoint::ui::render::render;
use counterpoint::ui::{Action, App, Maps, update};
use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, Throughput, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const MB: usize = 1_000_000;
/// Terminal size the frame and resize benches use.
const SIZE: (u16, u16) = (120, 40);

/// The 6 MB article as text and as loaded (shared by every group).
static TEXT_6MB: LazyLock<String> = LazyLock::new(|| synthetic::article(6 * MB, 1));
static DOC_6MB: LazyLock<Document> = LazyLock::new(|| load(&TEXT_6MB));

fn load(text: &str) -> Document {
    source::load_bytes(text.as_bytes(), "synthetic.txt", &LoadOptions::default())
        .expect("the synthetic article loads")
        .document
}

/// A reader on `doc` at 120×40 with the map the binary would show: the detector's.
fn app_for(doc: Document) -> App {
    let maps = Maps {
        annotated: None,
        detected: detect(&doc),
    };
    App::new(doc, "synthetic.txt".into(), maps, SIZE)
}

/// The embedded article with its own annotations and the detector's map, as the reader
/// opens it.
fn embedded_app() -> App {
    let loaded = source::open(&InputSpec::Embedded, &LoadOptions::default())
        .expect("the embedded article opens");
    let doc = loaded.document;
    let annotated = annotations::parse(counterpoint::EMBEDDED_CLAIMS, &doc, "embedded claims")
        .expect("the embedded annotations anchor");
    let maps = Maps {
        annotated: Some(annotated),
        detected: detect(&doc),
    };
    App::new(doc, loaded.name, maps, SIZE)
}

fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).expect("a test terminal")
}

/// Few samples, short windows: the whole run must fit in minutes on a small machine.
fn quick<'a>(c: &'a mut Criterion, name: &str) -> BenchmarkGroup<'a, WallTime> {
    let mut group = c.benchmark_group(name);
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(3));
    group
}

fn loading(c: &mut Criterion) {
    let text = &*TEXT_6MB;
    let mut group = quick(c, "load");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("load_bytes 6 MB text", |b| {
        b.iter(|| {
            source::load_bytes(
                black_box(text.as_bytes()),
                "synthetic.txt",
                &LoadOptions::default(),
            )
        })
    });
    group.finish();
}

fn splitting(c: &mut Criterion) {
    let doc = &*DOC_6MB;
    let mut group = quick(c, "sentences");
    group.throughput(Throughput::Bytes(doc.text().len() as u64));
    group.bench_function("split 6 MB", |b| {
        b.iter(|| {
            (0..doc.paragraphs.len())
                .map(|p| sentences::split(black_box(doc.paragraph_text(p))).len())
                .sum::<usize>()
        })
    });
    group.finish();
}

fn layout(c: &mut Criterion) {
    let doc = &*DOC_6MB;
    let mut group = quick(c, "layout");
    group.throughput(Throughput::Bytes(doc.text().len() as u64));
    group.bench_function("new + ensure_all 6 MB width 78", |b| {
        b.iter(|| {
            let mut layout = Layout::new(black_box(doc), 78);
            layout.ensure_all(doc);
            layout.total_rows()
        })
    });
    group.finish();
}

/// One frame drawn into a test terminal; only `draw` is timed.
fn bench_frame(group: &mut BenchmarkGroup<WallTime>, name: &str, app: &App) {
    let mut terminal = terminal();
    group.bench_function(name, |b| {
        b.iter(|| {
            terminal
                .draw(|frame| render(black_box(app), frame.buffer_mut()))
                .expect("draw");
        })
    });
}

fn frames(c: &mut Criterion) {
    let mut group = quick(c, "frame");
    let mut embedded = embedded_app();
    bench_frame(&mut group, "embedded top", &embedded);
    update(&mut embedded, Action::Bottom);
    bench_frame(&mut group, "embedded end", &embedded);
    drop(embedded);

    let mut app = app_for(DOC_6MB.clone());
    bench_frame(&mut group, "6 MB top", &app);
    update(&mut app, Action::Bottom);
    bench_frame(&mut group, "6 MB end", &app);
    drop(app);

    let mut app = app_for(load(&synthetic::article(60 * MB, 1)));
    update(&mut app, Action::Bottom);
    bench_frame(&mut group, "60 MB end", &app);
    // A key's own cost, without the frame: `g` and `G` in turn.
    let mut top = false;
    group.bench_function("60 MB g or G, update only", |b| {
        b.iter(|| {
            top = !top;
            update(&mut app, if top { Action::Top } else { Action::Bottom });
        })
    });
    group.finish();
}

fn resize(c: &mut Criterion) {
    let mut group = quick(c, "resize");
    let mut app = app_for(DOC_6MB.clone());
    update(&mut app, Action::Bottom);
    let mut wide = false;
    group.bench_function("6 MB end, 100 <-> 120 columns", |b| {
        b.iter(|| {
            wide = !wide;
            let width = if wide { 120 } else { 100 };
            update(&mut app, Action::Resize(width, SIZE.1));
        })
    });
    // What the user waits for: the new layout and its first frame.
    let mut terminal = terminal();
    group.bench_function("6 MB end, resize + frame", |b| {
        b.iter(|| {
            wide = !wide;
            let width = if wide { 120 } else { 100 };
            update(&mut app, Action::Resize(width, SIZE.1));
            terminal
                .draw(|frame| render(&app, frame.buffer_mut()))
                .expect("draw");
        })
    });
    group.finish();
}

criterion_group!(benches, loading, splitting, layout, frames, resize);
criterion_main!(benches);
