//! Raw bytes through the whole loader: binary check, decoding, sanitising and each format.
//! The first byte picks the format and an encoding label; the rest is the input. A loaded
//! document must hold no control character (the sanitiser's promise).
#![no_main]

use counterpoint::source::{self, Format, LoadOptions};
use libfuzzer_sys::fuzz_target;

const ENCODINGS: [Option<&str>; 4] = [
    None,
    Some("windows-1252"),
    Some("utf-16le"),
    Some("shift_jis"),
];

fuzz_target!(|data: &[u8]| {
    let Some((&choice, bytes)) = data.split_first() else {
        return;
    };
    let format = [
        None,
        Some(Format::Text),
        Some(Format::Markdown),
        Some(Format::Html),
    ][usize::from(choice & 3)];
    let encoding = ENCODINGS[usize::from((choice >> 2) & 3)].map(str::to_string);
    let opts = LoadOptions {
        format,
        encoding,
        ..LoadOptions::default()
    };
    if let Ok(loaded) = source::load_bytes(bytes, "fuzz", &opts) {
        let doc = loaded.document;
        assert!(!doc.paragraphs.is_empty());
        for (i, _) in doc.paragraphs.iter().enumerate() {
            let text = doc.paragraph_text(i);
            assert!(
                !text
                    .chars()
                    .any(|c| c.is_control() && c != '\n' && c != '\t'),
                "control character left in {text:?}"
            );
        }
    }
});
