//! The HTML loader (readability extraction, then blocks): any text parses.
#![no_main]

use counterpoint::source::{self, Format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let doc = source::parse(text, Format::Html);
    for at in doc.sentence_refs() {
        let _ = doc.sentence_text(at);
    }
});
