fn main() {
    let text = counterpoint::synthetic::article(5_000_000, 1);
    let doc = counterpoint::source::plaintext::parse(&text);
    let t = std::time::Instant::now();
    for _ in 0..5 { std::hint::black_box(counterpoint::argument::detect::detect(&doc)); }
    println!("detect {:?}/iter, sentences {}", t.elapsed() / 5, doc.sentence_refs().count());
}
