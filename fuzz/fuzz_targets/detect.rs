//! Argument detection on any plain text: items anchor to sentences that exist.
#![no_main]

use counterpoint::argument::detect;
use counterpoint::source::{self, Format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let doc = source::parse(text, Format::Text);
    let map = detect::detect(&doc);
    assert!(
        map.fits(&doc),
        "a detected item points outside the document"
    );
});
