//! Detection throughput on a large synthetic article: `cargo bench --bench detection`.

use std::time::Duration;

use counterpoint::argument::detect::detect;
use counterpoint::document::{Document, Metadata};
use counterpoint::synthetic;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const SIZE: usize = 5_000_000;

fn document(text: &str) -> Document {
    let (title, body) = text.split_once("\n\n").unwrap_or(("", text));
    let paragraphs: Vec<&str> = body
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .collect();
    let meta = Metadata {
        title: Some(title.to_string()),
        ..Metadata::default()
    };
    Document::from_paragraphs(meta, &paragraphs)
}

fn detection(c: &mut Criterion) {
    let text = synthetic::article(SIZE, 1);
    let doc = document(&text);
    let mut group = c.benchmark_group("detection");
    group.throughput(Throughput::Bytes(doc.text().len() as u64));
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(4));
    group.bench_function("synthetic 5 MB", |b| {
        b.iter(|| detect(std::hint::black_box(&doc)))
    });
    group.finish();
}

criterion_group!(benches, detection);
criterion_main!(benches);
