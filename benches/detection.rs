//! Detection throughput on a large synthetic article: `cargo bench --bench detection`.
//!
//! Two measurements of the same work: wall-clock time, and the benchmark thread's own CPU
//! time (`CLOCK_THREAD_CPUTIME_ID`), which stays meaningful on a shared, loaded machine
//! where wall-clock time also counts the time other processes held the core.

use std::time::{Duration, Instant};

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

/// CPU time consumed by the calling thread so far.
fn thread_cpu_time() -> Duration {
    let mut now = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `now` is a valid, writable timespec; the clock id is a constant.
    let status = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut now) };
    if status != 0 {
        // No per-thread clock: fall back to a monotonic reading.
        static EPOCH: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
        return EPOCH.get_or_init(Instant::now).elapsed();
    }
    Duration::new(now.tv_sec as u64, now.tv_nsec as u32)
}

fn detection(c: &mut Criterion) {
    let text = synthetic::article(SIZE, 1);
    let doc = document(&text);
    let mut group = c.benchmark_group("detection");
    group.throughput(Throughput::Bytes(doc.text().len() as u64));
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(4));
    group.bench_function("synthetic 5 MB, wall clock", |b| {
        b.iter(|| detect(std::hint::black_box(&doc)))
    });
    group.bench_function("synthetic 5 MB, thread CPU time", |b| {
        b.iter_custom(|iterations| {
            let start = thread_cpu_time();
            for _ in 0..iterations {
                std::hint::black_box(detect(std::hint::black_box(&doc)));
            }
            thread_cpu_time().saturating_sub(start)
        })
    });
    group.finish();
}

criterion_group!(benches, detection);
criterion_main!(benches);
