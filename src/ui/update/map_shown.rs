//! What follows from the map shown, redone whenever it changes (the analysis arriving,
//! `d`, an edit, a reload): the thesis in the header and the tints of the text.

use crate::ui::state::App;
use crate::ui::tints::Tints;

use super::reading;

pub fn refresh(app: &mut App) {
    // The thesis is the tree's first node (`argument::tree`); the tree of a long article's
    // map is hundreds of thousands of nodes, so it is not built for this.
    let map = app.map();
    let thesis = map.thesis().map(|i| {
        let item = &map.items[i];
        format!(
            "{}{}",
            thesis_label(item.anchor.paragraph),
            item.text(&app.doc)
        )
    });
    app.layout.set_thesis(&app.doc, thesis);
    // The thesis is drawn, so it is searched: its matches follow its text.
    if let Some(search) = app.search.as_mut() {
        let block = app.layout.thesis_block();
        search.refind_block(block, app.layout.block_text(&app.doc, block));
    }
    app.tints = Tints::of(&app.doc, app.map());
    // The header's height may have changed: keep the top valid and the screen wrapped.
    reading::set_top(app, app.top);
}

/// "Thesis (¶6): ", before the thesis in the header.
pub fn thesis_label(paragraph: usize) -> String {
    format!("Thesis (¶{}): ", paragraph + 1)
}
