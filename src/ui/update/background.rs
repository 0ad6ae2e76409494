//! Results of background work: parts of a streamed document, and the argument maps.

use std::sync::Arc;

use crate::argument::{ArgumentMap, Origin};
use crate::document::Document;
use crate::layout::{Anchor, BlockKind};
use crate::ui::state::{App, Editing, Maps};

use super::{reading, sidebar, view};

/// What background work sends to the reader.
#[derive(Debug)]
pub enum Background {
    /// A later part of a streamed file.
    Part {
        document: Document,
        /// Share of the file loaded, 0.0–1.0.
        progress: f32,
        last: bool,
        /// The document is the whole input and replaces the one shown.
        replace: bool,
        /// Everything cleaning did so far, as notices.
        notices: Vec<String>,
    },
    /// Loading stopped with an error (the part before it stays readable).
    LoadFailed(String),
    /// The argument maps of the whole document and the editing state, or why there are
    /// none (an annotation file that does not fit, say).
    Analysed(Result<(Maps, Editing, Vec<String>), String>),
    /// The detector's map of the whole document, for a reader whose editing state is
    /// already there (and may have been edited since).
    Detected(ArgumentMap),
}

/// Searches again the blocks from `first` on, after they changed.
fn refind_search_from(app: &mut App, first: usize) {
    if let Some(search) = app.search.as_mut() {
        let (layout, doc) = (&app.layout, &app.doc);
        let blocks = (first..layout.block_count()).map(|b| layout.block_text(doc, b));
        search.refind_from(first, blocks);
    }
}

/// The block after the last of the body: the notes' heading, or the end.
fn body_end(app: &App) -> usize {
    let layout = &app.layout;
    let notes = (0..layout.block_count())
        .rev()
        .take_while(|&b| matches!(layout.kind(b), BlockKind::NotesHeading | BlockKind::Note(_)))
        .last();
    notes.unwrap_or(layout.block_count())
}

pub fn apply(app: &mut App, message: Background) {
    match message {
        Background::Part {
            document,
            progress,
            last,
            replace,
            notices,
        } => {
            if replace {
                // The same text from its beginning: the paragraph at the top stays there.
                let top = app.top_paragraph().filter(|_| app.top.block > 0);
                let row = app.top.row;
                app.doc = Arc::new(document);
                let shown = app.layout.furniture_shown();
                app.layout = crate::layout::Layout::with_furniture(&app.doc, 1, shown);
                app.top = Anchor::default();
                view::relayout(app);
                if let Some(p) = top.filter(|&p| p < app.doc.paragraphs.len()) {
                    let block = app.layout.block_of_paragraph(p);
                    reading::set_top(app, Anchor { block, row });
                }
                super::map_shown(app);
                refind_search_from(app, 0);
            } else {
                // The blocks after the body so far (the notes) are renumbered by `extend`.
                let body_end = body_end(app);
                // Nobody else holds the document while it loads, so this does not copy it.
                Arc::make_mut(&mut app.doc).append(document);
                app.layout.extend(&app.doc);
                refind_search_from(app, body_end);
            }
            // More paragraphs may need a wider gutter, and so a narrower text column.
            if app
                .areas()
                .is_some_and(|areas| usize::from(areas.text.width) != app.layout.width())
            {
                view::relayout(app);
            }
            app.load_notices = notices;
            app.loading = (!last).then_some(progress);
            if let Some(paragraph) = app.resume.filter(|&p| p < app.doc.paragraphs.len()) {
                app.resume = None;
                let block = app.layout.block_of_paragraph(paragraph);
                reading::set_top(app, Anchor { block, row: 0 });
                app.message = Some(format!("resumed at ¶{}", paragraph + 1));
            } else if app.follow_end {
                let end = app.layout.end();
                reading::set_top(app, end);
            } else {
                reading::set_top(app, app.top);
            }
            if last {
                app.resume = None;
                app.pipe_open = false;
                app.english = crate::document::language::reads_as_english(&app.doc);
            }
        }
        Background::LoadFailed(error) => {
            app.loading = None;
            app.pipe_open = false;
            app.analysing = false;
            app.message = Some(format!("loading stopped: {error}"));
        }
        Background::Analysed(Ok((maps, editing, notices))) => {
            app.showing = if maps.annotated.is_some() {
                Origin::Annotated
            } else {
                Origin::Detected
            };
            app.maps = maps;
            app.analysing = false;
            let count = app.sidebar_view().entry_count();
            app.selected = app.selected.filter(|&s| s < count);
            app.editing = Some(editing);
            app.notices.extend(notices);
            super::map_shown(app);
            sidebar::keep_selection_visible(app);
        }
        Background::Detected(detected) => {
            app.analysing = false;
            if let Some(editing) = app.editing.as_mut() {
                // What the reader marked or rejected meanwhile stays; detections at those
                // sentences are not shown.
                editing.detected = detected;
                app.maps.detected = editing.working_map();
            }
            super::map_shown(app);
            let count = app.sidebar_view().entry_count();
            app.selected = app.selected.filter(|&s| s < count);
            sidebar::keep_selection_visible(app);
        }
        Background::Analysed(Err(problem)) => {
            app.analysing = false;
            app.message = Some(problem);
        }
    }
}
