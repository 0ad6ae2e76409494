//! Writes a large synthetic argumentative article as plain text (a title line, then
//! paragraphs separated by blank lines), for timing the reader on big inputs.
//!
//! Usage: `cargo run --release --example make_article -- SIZE OUT [SEED]`
//! SIZE is a byte count with an optional K, M or G suffix (powers of 1000): 6M, 60M.

use std::process::ExitCode;

use counterpoint::synthetic;

/// "6M" → 6_000_000; "512K", "1G", "12345" likewise.
fn parse_size(text: &str) -> Option<usize> {
    let text = text.trim();
    let (digits, factor) = match text.chars().last()?.to_ascii_uppercase() {
        'K' => (&text[..text.len() - 1], 1_000),
        'M' => (&text[..text.len() - 1], 1_000_000),
        'G' => (&text[..text.len() - 1], 1_000_000_000),
        _ => (text, 1),
    };
    digits.parse::<usize>().ok()?.checked_mul(factor)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (size, out, seed) = match args.as_slice() {
        [size, out] => (size, out, "1"),
        [size, out, seed] => (size, out, seed.as_str()),
        _ => {
            eprintln!("usage: make_article SIZE OUT [SEED]   (SIZE like 6M, 60M)");
            return ExitCode::from(2);
        }
    };
    let (Some(bytes), Ok(seed)) = (parse_size(size), seed.parse::<u64>()) else {
        eprintln!("make_article: bad size {size:?} or seed {seed:?}");
        return ExitCode::from(2);
    };
    let text = synthetic::article(bytes, seed);
    if let Err(error) = std::fs::write(out, &text) {
        eprintln!("make_article: {out}: {error}");
        return ExitCode::FAILURE;
    }
    println!("{out}: {} bytes", text.len());
    ExitCode::SUCCESS
}
