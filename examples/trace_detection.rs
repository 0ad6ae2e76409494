//! Prints the detector's per-sentence scores for one article, beside the annotated (G) and
//! detected (P) labels: K key claim, C counterclaim, Rp.s rebuttal of the counterclaim at
//! paragraph p, sentence s. For studying the detector's mistakes:
//!
//!     cargo run --release --example trace_detection -- tests/corpus/bus-lane-oped.txt

use counterpoint::argument::detect::{detect, trace};
use counterpoint::argument::store::claims_path_for;
use counterpoint::argument::{ArgumentMap, ClaimKind, annotations};
use counterpoint::document::SentenceRef;
use counterpoint::source::{self, InputSpec, LoadOptions};

fn main() -> anyhow::Result<()> {
    let Some(path) = std::env::args().nth(1).map(std::path::PathBuf::from) else {
        anyhow::bail!("usage: trace_detection ARTICLE");
    };
    let doc = source::open(&InputSpec::Path(path.clone()), &LoadOptions::default())?.document;
    let claims_path = claims_path_for(&path);
    let gold = match std::fs::read_to_string(&claims_path) {
        Ok(text) => annotations::parse(&text, &doc, &claims_path.display().to_string())?,
        Err(_) => ArgumentMap::default(),
    };
    let predicted = detect(&doc);
    println!("meta: {:?}", doc.meta);
    let refs: Vec<SentenceRef> = doc.sentence_refs().collect();
    let mut k = 0;
    for line in trace(&doc).lines() {
        if line.starts_with("        ") {
            println!("{line}");
            continue;
        }
        let at = refs[k];
        k += 1;
        println!(
            "G{:<8} P{:<8} {line}",
            label(&gold, at),
            label(&predicted, at)
        );
    }
    Ok(())
}

fn label(map: &ArgumentMap, at: SentenceRef) -> String {
    let mut out = String::new();
    for item in map.items.iter() {
        if item.anchor == at {
            out.push(if item.kind == ClaimKind::Key {
                'K'
            } else {
                'C'
            });
        }
        if item.rebuttals.contains(&at) {
            out.push_str(&format!(
                "R{}.{}",
                item.anchor.paragraph, item.anchor.sentence
            ));
        }
    }
    out
}
