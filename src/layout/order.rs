//! The order of the body's blocks: before each paragraph, the page furniture that stood
//! there (when shown), the rules and the section headings that open it.

use crate::document::Document;

use super::BlockKind;

/// Appends the blocks of paragraphs `from..` and of what stands before each: furniture
/// (if `furniture`), rules, then headings. Items placed before paragraph `from` or earlier
/// were already laid out when `from > 0` (a later part of a streamed file), so only those
/// after it are taken then. What stands after the last paragraph ends the list.
pub(super) fn push_body(
    doc: &Document,
    from: usize,
    furniture: bool,
    blocks: &mut Vec<BlockKind>,
    paragraph_blocks: &mut Vec<usize>,
) {
    let new = |position: usize| from == 0 || position > from;
    let mut hidden = doc
        .furniture
        .iter()
        .enumerate()
        .filter_map(|(i, f)| Some((f.before?, i)))
        .filter(|&(at, _)| furniture && new(at))
        .peekable();
    let mut rules = doc
        .rules
        .iter()
        .enumerate()
        .map(|(i, &at)| (at, i))
        .filter(|&(at, _)| new(at))
        .peekable();
    let mut sections = doc
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| (s.first_paragraph, i))
        .filter(|&(at, _)| new(at))
        .peekable();
    let mut before = |paragraph: usize, blocks: &mut Vec<BlockKind>| {
        while let Some((_, i)) = hidden.next_if(|&(at, _)| at <= paragraph) {
            blocks.push(BlockKind::Furniture(i));
        }
        while let Some((_, i)) = rules.next_if(|&(at, _)| at <= paragraph) {
            blocks.push(BlockKind::Rule(i));
        }
        while let Some((_, i)) = sections.next_if(|&(at, _)| at <= paragraph) {
            blocks.push(BlockKind::Section(i));
        }
    };
    for paragraph in from..doc.paragraphs.len() {
        before(paragraph, blocks);
        paragraph_blocks.push(blocks.len());
        blocks.push(BlockKind::Paragraph(paragraph));
    }
    before(usize::MAX, blocks);
}

/// The furniture that stood above the header (shown before the title).
pub(super) fn furniture_above(doc: &Document) -> impl Iterator<Item = BlockKind> + '_ {
    doc.furniture
        .iter()
        .enumerate()
        .filter(|(_, f)| f.before.is_none())
        .map(|(i, _)| BlockKind::Furniture(i))
}
