//! Sentence splitting: ranges in order, inside the text, on character boundaries, trimmed
//! and not empty.
#![no_main]

use counterpoint::document::sentences;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let ranges = sentences::split(text);
    let mut end = 0;
    for range in ranges {
        assert!(range.start >= end && range.start < range.end && range.end <= text.len());
        let sentence = &text[range.clone()];
        assert_eq!(sentence.trim(), sentence, "untrimmed sentence");
        end = range.end;
    }
});
