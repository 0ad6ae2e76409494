//! Layout at any width: the first two bytes are the width, the rest a Markdown document
//! (so quotes, lists and code get their indents). Every wrapped line fits its room, unless
//! it is a single grapheme wider than the room; code is verbatim.
#![no_main]

use counterpoint::document::ParagraphKind;
use counterpoint::layout::{BlockKind, Layout};
use counterpoint::source::{self, Format};
use libfuzzer_sys::fuzz_target;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

fuzz_target!(|data: &[u8]| {
    if data.len() < 2 {
        return;
    }
    let width = usize::from(u16::from_le_bytes([data[0], data[1]]) % 400);
    let text = String::from_utf8_lossy(&data[2..]);
    let doc = source::parse(&text, Format::Markdown);
    let mut layout = Layout::new(&doc, width);
    layout.ensure_all(&doc);
    let width = layout.width();
    for block in 0..layout.block_count() {
        if let BlockKind::Paragraph(p) = layout.kind(block)
            && doc.paragraphs[p].kind == ParagraphKind::Code
        {
            continue;
        }
        let room = width.saturating_sub(layout.indent(&doc, block)).max(1);
        let text = layout.block_text(&doc, block);
        for line in layout.block_lines(block).unwrap() {
            let shown = &text[line.clone()];
            assert!(
                shown.width() <= room || shown.graphemes(true).count() == 1,
                "{shown:?} is wider than {room}"
            );
        }
    }
    let _ = layout.total_rows();
});
