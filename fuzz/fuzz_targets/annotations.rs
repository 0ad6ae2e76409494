//! The annotation file parser on any text, against a small fixed document: an error or a
//! map whose anchors exist, never a panic.
#![no_main]

use std::sync::LazyLock;

use counterpoint::argument::annotations;
use counterpoint::document::{Document, Metadata};
use libfuzzer_sys::fuzz_target;

static DOC: LazyLock<Document> = LazyLock::new(|| {
    Document::from_paragraphs(
        Metadata::default(),
        &[
            "Rents are too high. A freeze would help tenants. Critics say it cuts supply.",
            "This is not a persuasive claim. Supply falls anyway. 中文句子。",
            "Rents are too high. The same sentence twice is ambiguous.",
        ],
    )
});

fuzz_target!(|text: &str| {
    if let Ok(map) = annotations::parse(text, &DOC, "fuzz.claims.toml") {
        assert!(map.fits(&DOC));
    }
});
