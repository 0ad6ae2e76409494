//! Fits the key-claim weights (`argument::detect::claims::WEIGHTS`) to annotated articles,
//! and says by cross-validation whether the fitted weights generalise:
//!
//!     cargo run --release --example fit_key_weights -- tests/corpus/*.txt assets/cybersecurity-dialogue.txt
//!
//! Method: coordinate ascent on the micro-averaged key-claim F1 (the figure `eval`
//! reports), starting from the current weights, with a small penalty for moving away
//! from them. Cross-validation: the articles are dealt into five folds; each fold is
//! scored with weights fitted on the other four, and the five scores are pooled. Last, the
//! weights fitted on all articles are printed, ready to paste. Never pass held-out texts.

use std::collections::BTreeSet;

use counterpoint::argument::detect::{FEATURES, Feature, KeyTable, WEIGHTS};
use counterpoint::argument::{ClaimKind, annotations};
use counterpoint::document::{Document, SentenceRef};
use counterpoint::source::{self, LoadOptions};

const FOLDS: usize = 5;
const STEPS: [f32; 8] = [-0.8, -0.4, -0.2, -0.1, 0.1, 0.2, 0.4, 0.8];
/// F1 given up per unit of total weight change: prefers the hand-set weights on ties.
const PENALTY: f64 = 0.004;

struct Article {
    name: String,
    doc: Document,
    gold: BTreeSet<SentenceRef>,
}

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: usize,
    predicted: usize,
    gold: usize,
}

impl Counts {
    fn f1(self) -> f64 {
        if self.predicted + self.gold == 0 {
            return 1.0;
        }
        2.0 * self.tp as f64 / (self.predicted + self.gold) as f64
    }
}

fn count(tables: &[(&KeyTable, &BTreeSet<SentenceRef>)], weights: &[f32; FEATURES]) -> Counts {
    let mut c = Counts::default();
    for (table, gold) in tables {
        let chosen = table.choose(weights);
        c.tp += chosen.iter().filter(|a| gold.contains(a)).count();
        c.predicted += chosen.len();
        c.gold += gold.len();
    }
    c
}

fn objective(tables: &[(&KeyTable, &BTreeSet<SentenceRef>)], weights: &[f32; FEATURES]) -> f64 {
    let moved: f32 = weights
        .iter()
        .zip(&WEIGHTS)
        .map(|(w, h)| (w - h).abs())
        .sum();
    count(tables, weights).f1() - PENALTY * f64::from(moved)
}

fn fit(tables: &[(&KeyTable, &BTreeSet<SentenceRef>)]) -> [f32; FEATURES] {
    let mut weights = WEIGHTS;
    let mut best = objective(tables, &weights);
    loop {
        let mut improved = false;
        for i in 0..FEATURES {
            for step in STEPS {
                let mut trial = weights;
                trial[i] = ((trial[i] + step) * 100.0).round() / 100.0;
                let score = objective(tables, &trial);
                if score > best + 1e-9 {
                    best = score;
                    weights = trial;
                    improved = true;
                }
            }
        }
        if !improved {
            return weights;
        }
    }
}

fn main() -> anyhow::Result<()> {
    let mut articles = Vec::new();
    for path in std::env::args().skip(1).map(std::path::PathBuf::from) {
        let bytes = std::fs::read(&path)?;
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let doc = source::load_bytes(&bytes, &name, &LoadOptions::default())?.document;
        let claims = std::fs::read_to_string(path.with_extension("claims.toml"))?;
        let map = annotations::parse(&claims, &doc, &name)?;
        let gold = map.of_kind(ClaimKind::Key).map(|(_, i)| i.anchor).collect();
        articles.push(Article { name, doc, gold });
    }
    anyhow::ensure!(
        articles.len() >= FOLDS,
        "give at least {FOLDS} annotated articles"
    );
    let tables: Vec<KeyTable> = articles.iter().map(|a| KeyTable::new(&a.doc)).collect();
    let all: Vec<(&KeyTable, &BTreeSet<SentenceRef>)> = tables
        .iter()
        .zip(articles.iter().map(|a| &a.gold))
        .collect();

    let mut hand = Counts::default();
    let mut fitted = Counts::default();
    for fold in 0..FOLDS {
        let (test, train): (Vec<_>, Vec<_>) = (0..all.len()).partition(|i| i % FOLDS == fold);
        let pick = |idx: &[usize]| idx.iter().map(|&i| all[i]).collect::<Vec<_>>();
        let weights = fit(&pick(&train));
        let (h, f) = (count(&pick(&test), &WEIGHTS), count(&pick(&test), &weights));
        let names: Vec<&str> = test.iter().map(|&i| articles[i].name.as_str()).collect();
        println!(
            "fold {fold}: current F1 {:.3}, fitted on the other folds {:.3}  ({})",
            h.f1(),
            f.f1(),
            names.join(", ")
        );
        for (total, part) in [(&mut hand, h), (&mut fitted, f)] {
            total.tp += part.tp;
            total.predicted += part.predicted;
            total.gold += part.gold;
        }
    }
    println!(
        "cross-validated key-claim F1: current weights {:.3}, fitted weights {:.3}",
        hand.f1(),
        fitted.f1()
    );

    let weights = fit(&all);
    println!(
        "fitted on all {} articles: F1 {:.3} (current {:.3})",
        articles.len(),
        count(&all, &weights).f1(),
        count(&all, &WEIGHTS).f1()
    );
    for (i, w) in weights.iter().enumerate() {
        let marker = if *w == WEIGHTS[i] { "" } else { "  (was " };
        let was = if marker.is_empty() {
            String::new()
        } else {
            format!("{})", WEIGHTS[i])
        };
        println!("    {w}, // {:?}{marker}{was}", Feature::ALL[i]);
    }
    Ok(())
}
