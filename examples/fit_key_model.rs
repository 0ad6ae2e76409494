//! Fits the key-claim model (`assets/key_model.json`, see `argument::detect::model`) to
//! annotated development texts, and says by cross-validation how well it generalises:
//!
//!     cargo run --release --example fit_key_model -- --write assets/key_model.json \
//!         tests/real/*.txt tests/corpus/*.txt assets/cybersecurity-dialogue.txt
//!
//! Texts that their folder's `sources.toml` puts in the blind half are skipped: the
//! model never sees them. Never pass `tests/heldout`.
//!
//! Method: logistic regression over the model's named inputs (L2-regularised log loss,
//! full-batch gradient descent with Adam), then the two selection thresholds (a
//! paragraph's best sentence, its further ones) by grid search on the key-claim F1 that
//! `counterpoint eval` reports, micro-averaged within each genre (our own texts are one
//! group per folder) and averaged over genres. Cross-validation: the texts are dealt
//! into five folds; each fold is scored with a model fitted on the other four.

use std::collections::BTreeSet;
use std::path::PathBuf;

use counterpoint::argument::detect::{INPUTS, KeyTable, Model, input_names};
use counterpoint::argument::sources::Catalogue;
use counterpoint::argument::{ClaimKind, annotations, baseline};
use counterpoint::document::{Document, SentenceRef};
use counterpoint::source::{self, LoadOptions};

const FOLDS: usize = 5;
/// L2 penalty on the weights (not the bias).
const L2: f64 = 0.001;
const EPOCHS: usize = 3000;
const LEARNING_RATE: f64 = 0.05;

struct Article {
    doc: Document,
    gold: BTreeSet<SentenceRef>,
    /// The genre in the folder's catalogue, else the folder: the thresholds serve every
    /// group alike.
    group: String,
}

/// A text's inputs, its annotated key claims and its group.
type Sample<'a> = (&'a KeyTable<'a>, &'a BTreeSet<SentenceRef>, &'a str);

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: usize,
    predicted: usize,
    gold: usize,
}

impl Counts {
    fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.predicted += other.predicted;
        self.gold += other.gold;
    }

    fn f1(self) -> f64 {
        if self.predicted + self.gold == 0 {
            return 1.0;
        }
        2.0 * self.tp as f64 / (self.predicted + self.gold) as f64
    }
}

fn count(tables: &[Sample], model: &Model) -> Counts {
    let mut c = Counts::default();
    for (table, gold, _) in tables {
        let chosen = table.choose(model);
        c.tp += chosen.iter().filter(|a| gold.contains(a)).count();
        c.predicted += chosen.len();
        c.gold += gold.len();
    }
    c
}

/// The mean over groups of each group's micro-averaged key-claim F1: the thresholds are
/// chosen for it, so that essays weigh as much as speeches four times their length.
fn group_f1(tables: &[Sample], model: &Model) -> f64 {
    let groups: BTreeSet<&str> = tables.iter().map(|t| t.2).collect();
    let total: f64 = groups
        .iter()
        .map(|g| {
            let members: Vec<Sample> = tables.iter().copied().filter(|t| t.2 == *g).collect();
            count(&members, model).f1()
        })
        .sum();
    total / groups.len().max(1) as f64
}

/// Logistic regression by Adam on the mean log loss.
fn regress(tables: &[Sample]) -> (f64, Vec<f64>) {
    let rows: Vec<(&[f32; INPUTS], f64)> = tables
        .iter()
        .flat_map(|(table, gold, _)| {
            table
                .rows
                .iter()
                .map(|(at, x)| (x, if gold.contains(at) { 1.0 } else { 0.0 }))
        })
        .collect();
    let n = rows.len().max(1) as f64;
    let mut theta = vec![0.0f64; INPUTS + 1]; // bias first
    let (mut m, mut v) = (vec![0.0; INPUTS + 1], vec![0.0; INPUTS + 1]);
    let (beta1, beta2) = (0.9f64, 0.999f64);
    for epoch in 1..=EPOCHS {
        let mut grad = vec![0.0f64; INPUTS + 1];
        for (x, y) in &rows {
            let z = theta[0]
                + x.iter()
                    .zip(&theta[1..])
                    .map(|(x, w)| f64::from(*x) * w)
                    .sum::<f64>();
            let error = 1.0 / (1.0 + (-z).exp()) - y;
            grad[0] += error;
            for (g, x) in grad[1..].iter_mut().zip(x.iter()) {
                *g += error * f64::from(*x);
            }
        }
        for k in 0..=INPUTS {
            let penalty = if k == 0 { 0.0 } else { L2 * theta[k] };
            let g = grad[k] / n + penalty;
            m[k] = beta1 * m[k] + (1.0 - beta1) * g;
            v[k] = beta2 * v[k] + (1.0 - beta2) * g * g;
            let m_hat = m[k] / (1.0 - beta1.powi(epoch as i32));
            let v_hat = v[k] / (1.0 - beta2.powi(epoch as i32));
            theta[k] -= LEARNING_RATE * m_hat / (v_hat.sqrt() + 1e-8);
        }
    }
    (theta[0], theta[1..].to_vec())
}

fn fit(tables: &[Sample], fitted: &str) -> Model {
    let (bias, weights) = regress(tables);
    let round = |x: f64| ((x * 1000.0).round() / 1000.0) as f32;
    let mut model = Model {
        fitted: fitted.to_string(),
        inputs: input_names(),
        bias: round(bias),
        weights: weights.into_iter().map(round).collect(),
        first: 0.5,
        more: 0.9,
    };
    let mut best = (f64::MIN, model.first, model.more);
    for a in 2..=38 {
        let first = a as f32 * 0.025;
        for b in a..=39 {
            let more = b as f32 * 0.025;
            model.first = first;
            model.more = more;
            let f1 = group_f1(tables, &model);
            if f1 > best.0 + 1e-9 {
                best = (f1, first, more);
            }
        }
    }
    model.first = best.1;
    model.more = best.2;
    model
}

fn main() -> anyhow::Result<()> {
    let mut write = None;
    let mut paths = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--write" {
            write = Some(PathBuf::from(args.next().unwrap_or_default()));
        } else {
            paths.push(PathBuf::from(arg));
        }
    }
    let mut articles = Vec::new();
    let mut names = Vec::new();
    for path in paths {
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let dir = path.parent().unwrap_or(std::path::Path::new("."));
        let group = match Catalogue::read(dir)? {
            Some(catalogue) => match catalogue.get(&name) {
                Some(source) if source.half == "development" => source.genre.clone(),
                _ => continue, // blind, or not catalogued: never fitted on
            },
            None => dir.display().to_string(),
        };
        let bytes = std::fs::read(&path)?;
        let doc = source::load_bytes(&bytes, &name, &LoadOptions::default())?.document;
        let claims = std::fs::read_to_string(path.with_extension("claims.toml"))?;
        let map = annotations::parse(&claims, &doc, &name)?;
        let gold = map.of_kind(ClaimKind::Key).map(|(_, i)| i.anchor).collect();
        articles.push(Article { doc, gold, group });
        names.push(name);
    }
    anyhow::ensure!(
        articles.len() >= FOLDS,
        "give at least {FOLDS} annotated development texts"
    );
    let tables: Vec<KeyTable> = articles.iter().map(|a| KeyTable::new(&a.doc)).collect();
    let all: Vec<Sample> = tables
        .iter()
        .zip(&articles)
        .map(|(table, a)| (table, &a.gold, a.group.as_str()))
        .collect();

    let mut fitted = Counts::default();
    let mut first_last = Counts::default();
    for fold in 0..FOLDS {
        let (test, train): (Vec<_>, Vec<_>) = (0..all.len()).partition(|i| i % FOLDS == fold);
        let pick = |idx: &[usize]| idx.iter().map(|&i| all[i]).collect::<Vec<_>>();
        let model = fit(&pick(&train), "cross-validation");
        let part = count(&pick(&test), &model);
        let mut trivial = Counts::default();
        for &i in &test {
            let chosen: BTreeSet<SentenceRef> = baseline::first_and_last(&articles[i].doc)
                .items
                .iter()
                .map(|item| item.anchor)
                .collect();
            trivial.add(Counts {
                tp: chosen.intersection(&articles[i].gold).count(),
                predicted: chosen.len(),
                gold: articles[i].gold.len(),
            });
        }
        println!(
            "fold {fold}: fitted on the other folds {:.3}, first-and-last baseline {:.3}",
            part.f1(),
            trivial.f1()
        );
        fitted.add(part);
        first_last.add(trivial);
    }
    println!(
        "cross-validated key-claim F1 over {} texts: model {:.3}, first-and-last baseline {:.3}",
        articles.len(),
        fitted.f1(),
        first_last.f1()
    );

    let description = format!(
        "logistic regression (L2 {L2}, {EPOCHS} epochs of Adam) and thresholds by grid search, \
         by examples/fit_key_model.rs on {} development texts",
        articles.len()
    );
    let model = fit(&all, &description);
    println!(
        "fitted on all {} texts: F1 {:.3}, thresholds first {:.3}, more {:.3}",
        articles.len(),
        count(&all, &model).f1(),
        model.first,
        model.more
    );
    let mut ranked: Vec<(String, f32)> = input_names()
        .into_iter()
        .zip(model.weights.iter().copied())
        .collect();
    ranked.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()));
    for (name, w) in ranked.iter().take(12) {
        println!("    {w:>7.3}  {name}");
    }
    if let Some(path) = write {
        std::fs::write(&path, serde_json::to_string_pretty(&model)? + "\n")?;
        println!("wrote {}", path.display());
    }
    Ok(())
}
