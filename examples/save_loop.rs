//! Saves two versions of an annotation file alternately, forever, through `ClaimsStore`.
//! The crash-safety test kills it with SIGKILL at random moments and checks the file.
//!
//! Usage: save_loop CLAIMS_FILE VERSION_A VERSION_B
//! Prints "saved" after each completed save.

use std::io::Write;

use counterpoint::argument::store::ClaimsStore;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [claims, a, b] = args.as_slice() else {
        eprintln!("usage: save_loop CLAIMS_FILE VERSION_A VERSION_B");
        std::process::exit(2);
    };
    let versions = [
        std::fs::read_to_string(a).expect("version A"),
        std::fs::read_to_string(b).expect("version B"),
    ];
    let mut store = ClaimsStore::at(claims);
    store.load().expect("load");
    let mut stdout = std::io::stdout();
    for version in versions.iter().cycle() {
        if let Err(e) = store.save(version) {
            eprintln!("{e}");
            std::process::exit(1);
        }
        writeln!(stdout, "saved").and_then(|()| stdout.flush()).ok();
    }
}
