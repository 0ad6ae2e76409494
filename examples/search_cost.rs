//! Times one search over every block of a synthetic article of BYTES bytes (what `/`
//! followed by Enter costs before the first match is shown), for a few kinds of pattern:
//!
//!     cargo run --release --example search_cost -- 60000000
//!
//! Wall-clock figures on a shared machine: run it a few times and read the spread.

use std::time::Instant;

use counterpoint::layout::Layout;
use counterpoint::source::{self, LoadOptions};
use counterpoint::synthetic;
use counterpoint::ui::search::{Direction, Search};

fn main() -> anyhow::Result<()> {
    let bytes: usize = std::env::args()
        .nth(1)
        .map_or(Ok(6_000_000), |a| a.parse())?;
    let text = synthetic::article(bytes, 1);
    let doc =
        source::load_bytes(text.as_bytes(), "synthetic.txt", &LoadOptions::default())?.document;
    let layout = Layout::new(&doc, 78);
    println!("{} bytes, {} blocks", text.len(), layout.block_count());
    for pattern in ["council", "Council", "zebra", r"bus(es)? lanes?", r"\d{4}"] {
        let start = Instant::now();
        let search = Search::new(
            pattern,
            Direction::Forward,
            (0..layout.block_count()).map(|b| layout.block_text(&doc, b)),
        );
        let elapsed = start.elapsed();
        println!(
            "{pattern:>16}: {:>8} matches in {:>7.1} ms",
            search.matches.len(),
            elapsed.as_secs_f64() * 1000.0
        );
    }
    Ok(())
}
