//! The reader's argument maps: the annotation file (through its store, so edits can be
//! saved) or an imported map, and the detector's, minus what the reader has decided.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::argument::edit::Editor;
use crate::argument::store::ClaimsStore;
use crate::argument::{ArgumentMap, annotations, detect, import};
use crate::document::Document;
use crate::source::InputSpec;
use crate::ui::{Editing, Maps};

/// Where the annotated map comes from.
pub struct MapSource {
    pub store: ClaimsStore,
    /// The embedded article's own annotations, used until the reader saves its own.
    pub fallback: Option<&'static str>,
    /// A map made elsewhere (AIF or Argdown) to start from instead.
    pub import: Option<PathBuf>,
    /// The article's file, for exports beside it.
    pub article: Option<PathBuf>,
}

impl MapSource {
    pub fn new(
        spec: &InputSpec,
        doc: &Document,
        claims: Option<&Path>,
        import: Option<&Path>,
    ) -> Self {
        let article = match spec {
            InputSpec::Path(path) => Some(path.clone()),
            _ => None,
        };
        let store = match claims {
            Some(path) => ClaimsStore::at(path),
            None => ClaimsStore::for_article(article.as_deref(), doc.text()),
        };
        MapSource {
            store,
            fallback: (*spec == InputSpec::Embedded).then_some(crate::EMBEDDED_CLAIMS),
            import: import.map(Path::to_path_buf),
            article,
        }
    }
}

/// The maps to show, the editing state, and notices (statements an import could not
/// place). An annotation file that does not parse is an error.
pub fn build(doc: &Document, source: MapSource) -> Result<(Maps, Editing, Vec<String>)> {
    let (maps, mut editing, notices) = annotated(doc, source)?;
    editing.detected = detect::detect(doc);
    let maps = Maps {
        detected: editing.working_map(),
        ..maps
    };
    Ok((maps, editing, notices))
}

/// Like [`build`] without the detector (which is slow to start and runs in the background
/// instead): the detected map is empty until it arrives. An annotation file that does not
/// parse is an error.
pub fn annotated(doc: &Document, source: MapSource) -> Result<(Maps, Editing, Vec<String>)> {
    let MapSource {
        mut store,
        fallback,
        import,
        article,
    } = source;
    let mut notices = Vec::new();
    let (editor, has_annotations) = match import {
        Some(path) => {
            let imported = import::from_file(&path, doc)?;
            if !imported.unplaced.is_empty() {
                notices.push(crate::source::sanitize::one_line(&format!(
                    "{} statements of {} not found in the article",
                    imported.unplaced.len(),
                    path.display()
                )));
            }
            (Editor::new(imported.map, Vec::new()), true)
        }
        None => {
            let loaded = store
                .load()
                .with_context(|| format!("{}: cannot read", store.path().display()))?;
            let (text, label) = match (loaded, fallback) {
                (Some(text), _) => (Some(text), store.source().display().to_string()),
                (None, Some(embedded)) => (
                    Some(embedded.to_string()),
                    crate::EMBEDDED_CLAIMS_LABEL.to_string(),
                ),
                (None, None) => (None, String::new()),
            };
            let set = annotations::parse_file(text.as_deref().unwrap_or(""), doc, &label)?;
            notices.extend(
                set.warnings
                    .iter()
                    .map(|w| crate::source::sanitize::one_line(w)),
            );
            (Editor::new(set.map, set.rejected), text.is_some())
        }
    };
    let maps = Maps {
        annotated: has_annotations.then(|| editor.map().clone()),
        detected: ArgumentMap::default(),
    };
    let editing = Editing {
        editor,
        store,
        detected: ArgumentMap::default(),
        article,
    };
    Ok((maps, editing, notices))
}
