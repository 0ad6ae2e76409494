//! Editing the argument map from the reader: the sentence cursor, marking, linking,
//! accepting and rejecting detections, notes, undo and redo. Every change is saved at once
//! to the article's annotation file; a file changed on disk is never overwritten.

use std::path::PathBuf;

use crate::argument::edit::Outcome;
use crate::argument::store::SaveError;
use crate::argument::{ClaimKind, Item, Origin, annotations, export};
use crate::document::SentenceRef;
use crate::outline::Outline;
use crate::ui::sidebar::Entry;
use crate::ui::state::{App, Editing, Prompt, PromptPurpose};

use super::{reading, sidebar};

/// Moves the sentence cursor; from off screen it starts at the first sentence on screen.
pub fn move_cursor(app: &mut App, forward: bool) {
    let Some((first, last)) = app.visible_paragraphs() else {
        return;
    };
    let on_screen = |at: SentenceRef| (first..=last).contains(&at.paragraph);
    let next = match app
        .cursor
        .filter(|&at| on_screen(at) && app.doc.contains(at))
    {
        None => Some(SentenceRef {
            paragraph: if forward { first } else { last },
            sentence: if forward {
                0
            } else {
                app.doc.paragraphs[last].sentences.len().saturating_sub(1)
            },
        }),
        Some(at) if forward => step_forward(app, at),
        Some(at) => step_back(app, at),
    };
    if let Some(at) = next.filter(|&at| app.doc.contains(at)) {
        app.cursor = Some(at);
        let start = app.doc.paragraphs[at.paragraph]
            .sentences
            .range(at.sentence)
            .start;
        if !on_screen(at) || at.paragraph == last {
            reading::keep_in_view(app, at.paragraph, start);
        }
    }
}

fn step_forward(app: &App, at: SentenceRef) -> Option<SentenceRef> {
    let count = app.doc.paragraphs[at.paragraph].sentences.len();
    if at.sentence + 1 < count {
        return Some(SentenceRef {
            sentence: at.sentence + 1,
            ..at
        });
    }
    (at.paragraph + 1..app.doc.paragraphs.len())
        .find(|&p| !app.doc.paragraphs[p].sentences.is_empty())
        .map(|paragraph| SentenceRef {
            paragraph,
            sentence: 0,
        })
}

fn step_back(app: &App, at: SentenceRef) -> Option<SentenceRef> {
    if at.sentence > 0 {
        return Some(SentenceRef {
            sentence: at.sentence - 1,
            ..at
        });
    }
    (0..at.paragraph)
        .rev()
        .find(|&p| !app.doc.paragraphs[p].sentences.is_empty())
        .map(|paragraph| SentenceRef {
            paragraph,
            sentence: app.doc.paragraphs[paragraph].sentences.len() - 1,
        })
}

/// The sentence editing keys act on: the cursor's, or the first one on screen.
fn cursor_sentence(app: &mut App) -> Option<SentenceRef> {
    if app.cursor.is_none() {
        move_cursor(app, true);
    }
    app.cursor
}

/// The selected sidebar item, if the selection is an item.
fn selected_item(app: &App) -> Option<Item> {
    match app.selected.and_then(|i| app.sidebar_view().entry(i)) {
        Some(Entry::Item(i)) => Some(app.map().items[i].clone()),
        _ => None,
    }
}

fn editing(app: &mut App) -> Option<&mut Editing> {
    if app.editing.is_none() {
        app.message = Some("the map can be edited once the article has loaded".into());
    }
    app.editing.as_mut()
}

pub fn mark(app: &mut App, kind: ClaimKind) {
    let Some(at) = cursor_sentence(app) else {
        return;
    };
    let Some(editing) = editing(app) else { return };
    let outcome = editing.editor.mark(at, kind);
    finish(app, outcome);
}

pub fn link_rebuttal(app: &mut App) {
    let Some(item) = selected_item(app) else {
        app.message = Some("select a counterclaim in the sidebar first".into());
        return;
    };
    if item.kind != ClaimKind::Counter {
        app.message = Some("only a counterclaim takes a rebuttal".into());
        return;
    }
    let Some(at) = cursor_sentence(app) else {
        return;
    };
    let Some(editing) = editing(app) else { return };
    if item.origin == Origin::Detected {
        // Linking a detected counterclaim makes it the reader's own.
        editing.editor.accept(&item);
    }
    let outcome = editing.editor.link_rebuttal(item.anchor, at);
    finish(app, outcome);
}

pub fn accept_or_reject(app: &mut App, accept: bool) {
    let Some(item) = selected_item(app).filter(|i| i.origin == Origin::Detected) else {
        app.message = Some("select a detected item (d shows them)".into());
        return;
    };
    let Some(editing) = editing(app) else { return };
    let outcome = if accept {
        editing.editor.accept(&item)
    } else {
        editing.editor.reject(&item)
    };
    finish(app, outcome);
}

pub fn delete(app: &mut App) {
    let Some(item) = selected_item(app).filter(|i| i.origin == Origin::Annotated) else {
        app.message = Some("select an annotated item to delete".into());
        return;
    };
    let Some(editing) = editing(app) else { return };
    let outcome = editing.editor.delete(item.anchor);
    finish(app, outcome);
}

pub fn open_note(app: &mut App) {
    match selected_item(app) {
        Some(item) if item.origin == Origin::Annotated => {
            app.prompt = Some(Prompt::new(
                PromptPurpose::Note,
                item.note.map(String::from).unwrap_or_default(),
            ));
        }
        _ => app.message = Some("select an annotated item for a note".into()),
    }
}

/// The note typed for the selected item (empty: no note).
pub fn set_note(app: &mut App, text: String) {
    let Some(item) = selected_item(app) else {
        return;
    };
    let Some(editing) = editing(app) else { return };
    let note = Some(text).filter(|t| !t.trim().is_empty());
    let outcome = editing.editor.set_note(item.anchor, note);
    finish(app, outcome);
}

pub fn undo(app: &mut App, redo: bool) {
    let Some(editing) = editing(app) else { return };
    let outcome = if redo {
        editing.editor.redo()
    } else {
        editing.editor.undo()
    };
    finish(app, outcome);
}

/// After a change: refresh what the sidebar shows, save, and say what happened. The view
/// stays as it is: the detected view lists the reader's items in place beside the
/// undecided detections, so no entry but the one changed moves.
fn finish(app: &mut App, outcome: Outcome) {
    if !outcome.changed {
        app.message = Some(outcome.message);
        return;
    }
    refresh_maps(app);
    super::map_shown(app);
    let saved = save(app);
    app.message = Some(format!("{} · {saved}", outcome.message));
    let count = app.sidebar_view().entry_count();
    app.selected = app.selected.filter(|&s| s < count).or(count.checked_sub(1));
    sidebar::keep_selection_visible(app);
}

/// The sidebar's maps from the editor: its map, and the working map (the detections not
/// yet decided, with the reader's items in place).
fn refresh_maps(app: &mut App) {
    let Some(editing) = &app.editing else { return };
    app.maps.detected = editing.working_map();
    app.maps.annotated = Some(editing.editor.map().clone());
}

/// Saves the annotations; says where, or why not.
fn save(app: &mut App) -> String {
    let Some(editing) = app.editing.as_mut() else {
        return String::new();
    };
    let text = annotations::update_toml(
        editing.store.text(),
        editing.editor.map(),
        &app.doc,
        editing.editor.rejected(),
    );
    match editing.store.save(&text) {
        Ok(()) => {
            editing.editor.mark_saved();
            format!("saved to {}", editing.store.path().display())
        }
        Err(error @ SaveError::ChangedOnDisk { .. }) => {
            format!("NOT SAVED: {error} (R reloads, W saves as)")
        }
        Err(error) => format!("NOT SAVED: {error}"),
    }
}

/// Reads the annotation file again, dropping unsaved changes.
pub fn reload(app: &mut App) {
    if editing(app).is_none() {
        return;
    }
    let (Some(editing), doc) = (app.editing.as_mut(), &app.doc) else {
        return;
    };
    let loaded = match editing.store.reload() {
        Ok(text) => text,
        Err(error) => {
            app.message = Some(format!("cannot reload: {error}"));
            return;
        }
    };
    let label = editing.store.path().display().to_string();
    let parsed = annotations::parse_file(loaded.as_deref().unwrap_or(""), doc, &label);
    match parsed {
        Ok(set) => {
            editing.editor = crate::argument::edit::Editor::new(set.map, set.rejected);
            refresh_maps(app);
            super::map_shown(app);
            app.message = Some(format!("reloaded {label}"));
        }
        Err(error) => {
            editing.store.mark_unparsable();
            app.message = Some(format!("{error:#}"));
        }
    }
    sidebar::keep_selection_visible(app);
}

pub fn open_save_as(app: &mut App) {
    let Some(editing) = editing(app) else { return };
    let suggested = numbered(editing.store.path().to_path_buf());
    app.prompt = Some(Prompt::new(
        PromptPurpose::SaveAs,
        suggested.display().to_string(),
    ));
}

pub fn save_as(app: &mut App, path: String) {
    if editing(app).is_none() {
        return;
    }
    let (Some(editing), doc) = (app.editing.as_mut(), &app.doc) else {
        return;
    };
    let text = annotations::update_toml(
        editing.store.text(),
        editing.editor.map(),
        doc,
        editing.editor.rejected(),
    );
    let quit_after = std::mem::take(&mut app.quit_after_save);
    app.message = Some(match editing.store.save_as(PathBuf::from(&path), &text) {
        Ok(()) => {
            editing.editor.mark_saved();
            if quit_after {
                app.quit = Some(crate::ui::state::Quit::Normal);
            }
            format!("saved to {path}")
        }
        Err(error) => format!("NOT SAVED: {error}"),
    });
}

/// `e` then a letter: writes the map shown in the sidebar next to the article.
pub fn export(app: &mut App, letter: char) {
    let (extension, text) = {
        let map = app.map();
        let doc = &app.doc;
        match letter {
            'j' => ("outline.json", Outline::new(doc, map).to_json()),
            'm' => ("outline.md", Outline::new(doc, map).to_markdown()),
            'a' => ("argdown", export::argdown(doc, map)),
            'i' => ("aif.json", export::aif(doc, map)),
            _ => {
                app.message = Some("export formats: j JSON, m Markdown, a Argdown, i AIF".into());
                return;
            }
        }
    };
    let Some(path) = export_path(app, extension) else {
        app.message = Some("no place to write the export".into());
        return;
    };
    app.message = Some(match crate::argument::store::write_new(&path, &text) {
        Ok(()) => format!("exported to {}", path.display()),
        Err(error) => format!("cannot export to {}: {error}", path.display()),
    });
}

/// `NAME.EXT` beside the article (or in the data directory), never over an existing file.
fn export_path(app: &App, extension: &str) -> Option<PathBuf> {
    let beside = app.editing.as_ref().and_then(|e| e.article.clone());
    let base = match beside {
        Some(article) => article.with_extension(extension),
        None => {
            let stem = std::path::Path::new(&app.name)
                .file_stem()
                .map_or_else(|| "article".into(), |s| s.to_string_lossy().into_owned());
            crate::argument::store::data_dir()?
                .parent()?
                .join("exports")
                .join(format!("{stem}.{extension}"))
        }
    };
    Some(numbered(base))
}

/// `path`, or `path` with `-2`, `-3`, … before its extension, whichever does not exist.
fn numbered(path: PathBuf) -> PathBuf {
    if !path.exists() {
        return path;
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (stem, rest) = name.split_once('.').unwrap_or((name.as_str(), ""));
    (2..)
        .map(|n| {
            let numbered = if rest.is_empty() {
                format!("{stem}-{n}")
            } else {
                format!("{stem}-{n}.{rest}")
            };
            path.with_file_name(numbered)
        })
        .find(|candidate| !candidate.exists())
        .expect("some number is free")
}
