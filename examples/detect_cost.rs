//! Runs the detector PASSES times over a synthetic article of BYTES bytes, for counting the
//! instructions detection costs per byte independently of machine load (see BENCHMARKS.md,
//! "Detection throughput"):
//!
//!     valgrind --tool=cachegrind --cache-sim=no target/release/examples/detect_cost 1000000 0
//!     valgrind --tool=cachegrind --cache-sim=no target/release/examples/detect_cost 1000000 1
//!
//! The difference between the two totals is one detection pass.

use counterpoint::argument::detect::detect;
use counterpoint::source::{self, LoadOptions};
use counterpoint::synthetic;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let bytes: usize = args.next().map_or(Ok(1_000_000), |a| a.parse())?;
    let passes: usize = args.next().map_or(Ok(1), |a| a.parse())?;
    let text = synthetic::article(bytes, 1);
    let doc =
        source::load_bytes(text.as_bytes(), "synthetic.txt", &LoadOptions::default())?.document;
    let mut items = 0;
    for _ in 0..passes {
        items += std::hint::black_box(detect(&doc)).items.len();
    }
    println!("{} bytes, {} passes, {items} items", text.len(), passes);
    Ok(())
}
