//! Two articles at once: the pair reader (`counterpoint A B`), the outline of a pair
//! (`counterpoint outline A B`) and the scoring of found links against hand-made ones
//! (`counterpoint eval --pairs CATALOGUE`).

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Result, bail};

use super::args::{InputArgs, OutlineFormat, ViewArgs};
use super::load_options;
use super::maps::{self, MapSource};
use super::open::open;
use crate::argument::crossmap::catalogue::PairCatalogue;
use crate::argument::crossmap::{self, Link, Side, file};
use crate::argument::eval::Counts;
use crate::argument::store::{ClaimsStore, content_hash, data_dir};
use crate::argument::{ArgumentMap, detect};
use crate::document::Document;
use crate::pair_outline::PairOutline;
use crate::source::{self, InputSpec, LoadOptions};
use crate::ui::App;
use crate::ui::event_loop::Exit;
use crate::ui::pair::{Pair, event_loop};

/// `--claims` and `--map` name one article's map; two articles each have their own.
fn refuse_single_article_maps(input: &InputArgs) -> Result<()> {
    if input.claims.is_some() || input.map.is_some() {
        bail!(
            "--claims and --map name one article's map; with two articles, put NAME.claims.toml beside each"
        );
    }
    Ok(())
}

fn specs(a: &str, b: &str) -> Result<[InputSpec; 2]> {
    let specs = [InputSpec::from_arg(a), InputSpec::from_arg(b)];
    if specs.iter().all(|s| *s == InputSpec::Stdin) {
        bail!("only one of the two articles can be standard input (-)");
    }
    Ok(specs)
}

/// Where the link file of two articles is: `A.B.links.toml` beside the first when both
/// are files, else in the data directory, named by the two texts' hashes.
fn link_store(specs: &[InputSpec; 2], docs: [&Document; 2]) -> Option<ClaimsStore> {
    match specs {
        [InputSpec::Path(a), InputSpec::Path(b)] => Some(ClaimsStore::at(file::path_for(a, b))),
        _ => {
            let name = format!(
                "{}.{}.links.toml",
                content_hash(docs[0].text()),
                content_hash(docs[1].text())
            );
            data_dir().map(|dir| ClaimsStore::at(dir.join(name)))
        }
    }
}

/// The links the reader judged, from the link file (none when there is no file yet).
fn judged_links(store: Option<&mut ClaimsStore>, docs: [&Document; 2]) -> Result<Vec<Link>> {
    let Some(store) = store else {
        return Ok(Vec::new());
    };
    let text = store
        .load()
        .map_err(|e| anyhow::anyhow!("{}: cannot read: {e}", store.path().display()))?;
    match text {
        Some(text) => file::parse(&text, docs, &store.path().display().to_string()),
        None => Ok(Vec::new()),
    }
}

/// The link file beside two articles, for `outline` (only when both are files).
fn judged_beside(specs: &[InputSpec; 2], docs: [&Document; 2]) -> Result<Vec<Link>> {
    match specs {
        [InputSpec::Path(_), InputSpec::Path(_)] => {
            judged_links(link_store(specs, docs).as_mut(), docs)
        }
        _ => Ok(Vec::new()),
    }
}

pub fn outline(
    a: &str,
    b: &str,
    format: OutlineFormat,
    detect_only: bool,
    input: &InputArgs,
) -> Result<ExitCode> {
    refuse_single_article_maps(input)?;
    if !matches!(format, OutlineFormat::Json | OutlineFormat::Markdown) {
        bail!("the outline of two articles is printed as json or markdown");
    }
    let specs = specs(a, b)?;
    let options = load_options(input);
    let mut docs = Vec::new();
    let mut maps = Vec::new();
    for spec in &specs {
        let opened = open(spec, &options, None, None)?;
        let annotated = if detect_only {
            None
        } else {
            opened.annotated()?
        };
        maps.push(annotated.unwrap_or_else(|| detect::detect(&opened.doc)));
        docs.push(opened.doc);
    }
    let docs = [&docs[0], &docs[1]];
    let maps = [&maps[0], &maps[1]];
    let found = crossmap::compute([
        Side {
            doc: docs[0],
            map: maps[0],
        },
        Side {
            doc: docs[1],
            map: maps[1],
        },
    ]);
    let judged = if detect_only {
        Vec::new()
    } else {
        judged_beside(&specs, docs)?
    };
    let links = crossmap::merge(found, &judged);
    let outline = PairOutline::new(docs, maps, &links);
    let text = match format {
        OutlineFormat::Markdown => outline.to_markdown(),
        _ => outline.to_json(),
    };
    let _ = writeln!(std::io::stdout().lock(), "{text}");
    Ok(ExitCode::SUCCESS)
}

/// `eval --pairs`: for each pair, precision and recall of the links found against its
/// hand-made link file, from the annotated maps and from the detected ones.
pub fn eval(catalogue_path: &Path) -> Result<ExitCode> {
    let catalogue = PairCatalogue::read(catalogue_path)?;
    if catalogue.pairs.is_empty() {
        bail!("{}: no [[pair]] entries", catalogue_path.display());
    }
    let mut out = String::new();
    out.push_str(&format!(
        "{:<40} {:>5}   {:^17}   {:^17}\n",
        "", "", "annotated maps", "detected maps"
    ));
    out.push_str(&format!(
        "{:<40} {:>5}   {:>5} {:>5} {:>5}   {:>5} {:>5} {:>5}\n",
        "pair", "gold", "P", "R", "F1", "P", "R", "F1"
    ));
    let mut totals = [Counts::default(), Counts::default()];
    for pair in &catalogue.pairs {
        let (a, b, gold_path) = pair.paths(catalogue_path);
        let docs: Vec<Document> = [&a, &b]
            .iter()
            .map(|path| source::open(&InputSpec::Path((*path).clone()), &LoadOptions::default()))
            .map(|loaded| loaded.map(|l| l.document).map_err(anyhow::Error::from))
            .collect::<Result<_>>()?;
        let docs = [&docs[0], &docs[1]];
        let gold_text = crate::source::small_file::read_text(
            &gold_path,
            crate::source::small_file::SMALL_FILE_LIMIT,
        )
        .map_err(|e| anyhow::anyhow!("{}: cannot read: {e}", gold_path.display()))?;
        let gold = file::parse(&gold_text, docs, &gold_path.display().to_string())?;
        let detected = [detect::detect(docs[0]), detect::detect(docs[1])];
        let annotated = [
            annotated_or(docs[0], &a, &detected[0])?,
            annotated_or(docs[1], &b, &detected[1])?,
        ];
        let mut row = format!(
            "{:<40} {:>5}",
            crate::source::sanitize::one_line(&pair.name),
            gold.len()
        );
        for (slot, maps) in [&annotated, &detected].into_iter().enumerate() {
            let found = crossmap::compute([
                Side {
                    doc: docs[0],
                    map: &maps[0],
                },
                Side {
                    doc: docs[1],
                    map: &maps[1],
                },
            ]);
            let counts = crossmap::eval::score(&gold, &found);
            totals[slot].add(&counts);
            row.push_str(&format!("   {}", figures(&counts)));
        }
        out.push_str(&row);
        out.push('\n');
    }
    out.push_str(&format!(
        "{:<40} {:>5}   {}   {}\n",
        "all pairs (micro-average)",
        totals[0].tp + totals[0].fn_,
        figures(&totals[0]),
        figures(&totals[1])
    ));
    let _ = write!(std::io::stdout().lock(), "{out}");
    Ok(ExitCode::SUCCESS)
}

fn figures(counts: &Counts) -> String {
    format!(
        "{:>5.2} {:>5.2} {:>5.2}",
        counts.precision(),
        counts.recall(),
        counts.f1()
    )
}

/// The article's annotated map (its NAME.claims.toml), else the detected one.
fn annotated_or(doc: &Document, path: &Path, detected: &ArgumentMap) -> Result<ArgumentMap> {
    let claims = crate::argument::store::claims_path_for(path);
    match crate::source::small_file::read_text(&claims, crate::source::small_file::SMALL_FILE_LIMIT)
    {
        Ok(text) => crate::argument::annotations::parse(&text, doc, &claims.display().to_string()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(detected.clone()),
        Err(e) => bail!("{}: cannot read: {e}", claims.display()),
    }
}

/// The pair reader: both articles loaded whole (no streaming), their annotations at once,
/// detection and links after the first frame.
pub fn read(a: &str, b: &str, input: &InputArgs, view: &ViewArgs) -> Result<ExitCode> {
    refuse_single_article_maps(input)?;
    if !std::io::stdout().is_terminal() {
        bail!(
            "standard output is not a terminal; to print the two argument maps and their links use `counterpoint outline A B`"
        );
    }
    super::reader::refuse_dumb_terminal_here()?;
    let specs = specs(a, b)?;
    let (config, _) = super::reader::load_config(view)?;
    let (theme, keymap) = super::reader::look(&config, view)?;
    let options = load_options(input);
    let mut apps = Vec::new();
    for spec in &specs {
        let loaded = source::open(spec, &options)?;
        let doc = loaded.document;
        let map_source = MapSource::new(spec, &doc, None, None);
        let (maps, editing, notices) = maps::annotated(&doc, map_source)?;
        let mut app = App::new(doc, loaded.name, maps, (0, 0));
        app.load_notices = loaded.notices;
        app.notices = notices;
        app.editing = Some(editing);
        app.analysing = true;
        super::reader::dress(&mut app, &config, theme, keymap.clone());
        apps.push(app);
    }
    let apps: [App; 2] = apps
        .try_into()
        .map_err(|_| anyhow::anyhow!("two articles"))?;
    let docs = [&*apps[0].doc, &*apps[1].doc];
    let mut store = link_store(&specs, docs);
    let judged = judged_links(store.as_mut(), docs)?;
    let mut pair = Pair::new(apps, (0, 0), judged);
    pair.store = store;
    let (exit, _) = event_loop::run(pair, config.mouse && !view.no_mouse)?;
    Ok(match exit {
        Exit::Quit => ExitCode::SUCCESS,
        Exit::Signal(signal) => ExitCode::from(128 + signal as u8),
        Exit::TerminalClosed => ExitCode::from(129),
    })
}
