//! `counterpoint eval`: scores the detector against annotated articles, set by set.
//!
//! Articles are grouped by folder; in a folder with a catalogue (`sources.toml`), by the
//! half each text is in (development or blind), so the blind figures never mix with the
//! ones the detector was tuned on. After the per-article tables comes a summary: one row
//! per set and, for catalogued texts, per genre and half; `--baselines` adds the trivial
//! baselines' scores under each summary row.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;

use super::open::open;
use crate::argument::sources::Catalogue;
use crate::argument::{baseline, detect, eval};
use crate::source::{InputSpec, LoadOptions};

/// One set's articles and their scores.
#[derive(Default)]
struct Set {
    rows: Vec<(String, eval::Scores)>,
    total: eval::Scores,
    baseline: eval::Scores,
}

impl Set {
    fn add(&mut self, name: String, scores: eval::Scores, baseline: eval::Scores) {
        self.total.add(&scores);
        self.baseline.add(&baseline);
        self.rows.push((name, scores));
    }
}

pub fn eval(paths: &[PathBuf], baselines: bool) -> Result<ExitCode> {
    let mut catalogues: BTreeMap<PathBuf, Option<Catalogue>> = BTreeMap::new();
    // Sets in order of first appearance, then the summary's genre rows.
    let mut sets: Vec<(String, Set)> = Vec::new();
    let mut genres: BTreeMap<String, Set> = BTreeMap::new();
    for path in paths {
        let opened = open(
            &InputSpec::Path(path.clone()),
            &LoadOptions::default(),
            None,
            None,
        )?;
        let Some(gold) = opened.annotated()? else {
            super::report::message(format_args!(
                "{}: no annotation file ({}), skipped",
                path.display(),
                crate::argument::store::claims_path_for(path).display()
            ));
            continue;
        };
        let doc = &opened.doc;
        let scores = eval::score(&gold, &detect::detect(doc));
        let mut trivial = baseline::first_and_last(doc);
        trivial
            .items_mut()
            .extend(baseline::opposing_phrases(doc).items.iter().cloned());
        let trivial = eval::score(&gold, &trivial);

        let dir = path.parent().unwrap_or(Path::new("")).to_path_buf();
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        // Printed in the tables: a file name can hold escape sequences.
        let name = crate::source::sanitize::one_line(&name);
        if !catalogues.contains_key(&dir) {
            catalogues.insert(dir.clone(), Catalogue::read(&dir)?);
        }
        let entry = catalogues[&dir].as_ref().and_then(|c| c.get(&name));
        let folder = crate::source::sanitize::one_line(&dir.display().to_string());
        let folder = if folder.is_empty() {
            ".".into()
        } else {
            folder
        };
        let label = match entry {
            Some(source) => format!("{folder}: {}", source.half),
            None => folder,
        };
        if let Some(source) = entry {
            genres
                .entry(format!("  {} ({})", source.genre, source.half))
                .or_default()
                .add(name.clone(), scores, trivial);
        }
        let slot = match sets.iter().position(|(l, _)| *l == label) {
            Some(slot) => slot,
            None => {
                sets.push((label, Set::default()));
                sets.len() - 1
            }
        };
        sets[slot].1.add(name, scores, trivial);
    }
    if sets.is_empty() {
        anyhow::bail!("eval: none of the articles has an annotation file");
    }
    let mut out = String::new();
    let mut summary = Vec::new();
    let mut all = eval::Scores::default();
    for (label, set) in &sets {
        out.push_str(&format!("{label} ({} texts)\n", set.rows.len()));
        out.push_str(&eval::table(&set.rows, &set.total));
        out.push('\n');
        all.add(&set.total);
        summary.push((label.clone(), set.total));
        if baselines {
            summary.push(("  baselines".to_string(), set.baseline));
        }
    }
    for (label, set) in &genres {
        summary.push((format!("{label}, {} texts", set.rows.len()), set.total));
        if baselines {
            summary.push(("    baselines".to_string(), set.baseline));
        }
    }
    if sets.len() > 1 || !genres.is_empty() {
        out.push_str("Summary (micro-averages per set)\n");
        out.push_str(&eval::table(&summary, &all));
    }
    let _ = write!(std::io::stdout().lock(), "{out}");
    Ok(ExitCode::SUCCESS)
}
