//! Links the `counterpoint` binary as a position-dependent executable on Linux with glibc.
//!
//! Why: a position-independent executable makes the dynamic loader apply ~31,600
//! relocations at every start, most of them in the string tables of the HTML and Markdown
//! crates, and copy-on-write ~150 pages to do it: about 0.7 ms of a 4.5 ms first frame
//! (BENCHMARKS.md, "Fourth stop"). The price is that the binary's own code and data sit at
//! a fixed address (shared libraries, stack, heap and mmaps stay randomised), as with Go's
//! default builds. Set `COUNTERPOINT_PIE=1` when building to keep the usual
//! position-independent executable.

fn main() {
    println!("cargo::rerun-if-env-changed=COUNTERPOINT_PIE");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    let wants_pie = std::env::var_os("COUNTERPOINT_PIE").is_some_and(|v| v != "0");
    if os == "linux" && env == "gnu" && !wants_pie {
        // Only the binaries: tests, examples and benches keep the default.
        println!("cargo::rustc-link-arg-bins=-no-pie");
    }
}
