//! What follows from the map shown, redone whenever it changes (the analysis arriving,
//! `d`, an edit, a reload): the thesis in the header and the tints of the text.

use crate::argument::tree::{self, Role};
use crate::ui::state::App;
use crate::ui::tints::Tints;

use super::reading;

pub fn refresh(app: &mut App) {
    let thesis = tree::tree(&app.doc, app.map())
        .into_iter()
        .find(|node| node.role == Role::Thesis)
        .map(|node| format!("{}{}", thesis_label(node.at.paragraph), node.text));
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
