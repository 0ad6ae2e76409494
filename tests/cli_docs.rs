//! Runs the unit tests of the completion and manual page generators, which are not yet
//! part of the library's module tree (`cli/mod.rs` gains `pub mod completions; pub mod
//! man;` when the subcommands are wired; then this file can go).

#[path = "../src/cli/completions.rs"]
mod completions;
#[path = "../src/cli/man.rs"]
mod man;

use clap::CommandFactory;
use counterpoint::cli::Cli;
use counterpoint::ui::keymap::Keymap;

#[test]
fn the_readers_manual_page_lists_its_subcommands_and_every_key() {
    let keys: Vec<(String, String)> = Keymap::default()
        .describe()
        .into_iter()
        .map(|(keys, action)| (keys, action.describe().to_string()))
        .collect();
    let mut out = Vec::new();
    man::man_page_with_keys(Cli::command(), &keys, &mut out).unwrap();
    let page = String::from_utf8(out).unwrap();
    for needle in [
        "outline",
        "eval",
        "claims",
        ".SH KEYS",
        ".SH EXAMPLES",
        "search forward",
    ] {
        assert!(page.contains(needle), "{needle} missing");
    }
    std::fs::write(std::env::temp_dir().join("counterpoint.1"), &page).unwrap();
}

#[test]
fn the_readers_completions_know_its_subcommands() {
    let mut out = Vec::new();
    completions::completions(completions::Shell::Bash, &mut Cli::command(), &mut out);
    let script = String::from_utf8(out).unwrap();
    assert!(script.contains("outline") && script.contains("--claims"));
}
