//! Detection output pinned to snapshots: a change made for speed must not change what the
//! detector finds. Every text of `tests/corpus`, `tests/heldout`, the embedded article and a
//! few synthetic articles is loaded as `counterpoint eval` loads it, and the whole argument
//! map (kinds, anchors, rebuttals, evidence, confidence, notes) is compared with the
//! snapshot in `tests/snapshots/detect/`.
//!
//! The snapshots record the detector's output, not its quality: when detection is changed
//! on purpose, review the diff and regenerate with
//! `INSTA_UPDATE=always cargo test --test detect_equivalence`.
//!
//! Held-out texts are stored as a digest of the same output (with the item count), so their
//! snapshots reveal none of their wording (see tests/heldout/README.md).

use std::path::{Path, PathBuf};

use counterpoint::argument::detect::{detect, detect_in_blocks};
use counterpoint::argument::{ArgumentMap, ClaimKind, Origin};
use counterpoint::document::{Document, SentenceRef};
use counterpoint::source::{self, LoadOptions};
use counterpoint::synthetic;
use sha2::{Digest, Sha256};

/// The document of `bytes` and its detected map.
fn detect_text(name: &str, bytes: &[u8]) -> (Document, ArgumentMap) {
    let doc = source::load_bytes(bytes, name, &LoadOptions::default())
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .document;
    let map = detect(&doc);
    (doc, map)
}

/// An item as the snapshots show it: its evidence in words.
#[derive(Debug)]
#[allow(dead_code)] // read through `Debug`
struct Item<'a> {
    kind: ClaimKind,
    anchor: SentenceRef,
    rebuttals: &'a [SentenceRef],
    origin: Origin,
    evidence: Vec<String>,
    confidence: f32,
    note: Option<&'a str>,
    clause: Option<std::ops::Range<usize>>,
}

/// Everything detection decides, one field per line: `{:#?}` prints each f32 in full
/// (shortest round-trip form), so a change in any score shows.
fn render(map: &ArgumentMap, doc: &Document) -> String {
    let items: Vec<Item> = map
        .items
        .iter()
        .map(|item| Item {
            kind: item.kind,
            anchor: item.anchor,
            rebuttals: &item.rebuttals,
            origin: item.origin,
            evidence: item.evidence_lines(doc),
            confidence: item.confidence,
            note: item.note.as_deref(),
            clause: item.clause_range(),
        })
        .collect();
    format!("{items:#?}")
}

fn texts(folder: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
}

fn stem(path: &Path) -> String {
    path.file_stem().unwrap().to_string_lossy().into_owned()
}

/// The detected map of the file at `path`, loaded under its name relative to the crate,
/// as the other tests do.
fn detect_file(path: &Path) -> (Document, ArgumentMap) {
    let label = path
        .strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .unwrap_or(path)
        .display()
        .to_string();
    detect_text(&label, &std::fs::read(path).unwrap())
}

fn check(name: &str, output: &str) {
    insta::with_settings!({snapshot_path => "snapshots/detect", prepend_module_to_snapshot => false}, {
        insta::assert_snapshot!(name, output);
    });
}

#[test]
fn corpus_output_is_unchanged() {
    let paths = texts("tests/corpus");
    assert!(paths.len() >= 20, "{} corpus texts", paths.len());
    for path in paths {
        let (doc, map) = detect_file(&path);
        check(&format!("corpus-{}", stem(&path)), &render(&map, &doc));
    }
}

#[test]
fn embedded_article_output_is_unchanged() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/cybersecurity-dialogue.txt");
    let (doc, map) = detect_file(&path);
    assert!(!map.is_empty());
    check("asset-cybersecurity-dialogue", &render(&map, &doc));
}

#[test]
fn heldout_output_is_unchanged() {
    let paths = texts("tests/heldout");
    assert!(paths.len() >= 10, "{} held-out texts", paths.len());
    for path in paths {
        let (doc, map) = detect_file(&path);
        let digest: String = Sha256::digest(render(&map, &doc).as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let summary = format!("items: {}\nsha256: {digest}", map.items.len());
        check(&format!("heldout-{}", stem(&path)), &summary);
    }
}

#[test]
fn synthetic_output_is_unchanged() {
    // The 1 MB article with seed 1 is the one `examples/detect_cost` measures.
    for (size, seed) in [(20_000, 1), (50_000, 2), (50_000, 3), (1_000_000, 1)] {
        let text = synthetic::article(size, seed);
        let (doc, map) = detect_text("synthetic.txt", text.as_bytes());
        assert!(!map.is_empty(), "synthetic {size} {seed}");
        check(&format!("synthetic-{size}-{seed}"), &render(&map, &doc));
    }
}

/// A debate in which the moderator speaks twice in a row: an answer to a counterclaim may
/// come after both turns, across the edge of a block.
const DEBATE: &str = "Debate: Should the Harbour Road Be Closed to Cars?

MAYA ROSS (moderator): Good evening. Tonight's motion is that Harbour Road should be closed to cars on weekends. Ben, you open.

BEN OKORO: Thank you. Harbour Road should be closed to cars every weekend. Families would walk and cycle there safely.

MAYA ROSS: Tess.

TESS LINDQVIST: A closure would kill the shops at the far end of the road. Critics of the plan say their customers arrive by car and will simply drive elsewhere.

MAYA ROSS: Let us hear the reply.

MAYA ROSS: Ben, briefly please.

BEN OKORO: That is not what happened in other towns. When Kelby closed its seafront, takings at the far end rose within a year.

TESS LINDQVIST: Some people think a closure is free. It is not: the buses would need a new route.

MAYA ROSS: Thank you both.
";

#[test]
fn the_map_does_not_depend_on_how_many_sentences_are_read_at_once() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut inputs: Vec<(String, Vec<u8>)> = ["tests/corpus", "tests/real"]
        .iter()
        .flat_map(|folder| texts(folder))
        .map(|path| (stem(&path), std::fs::read(&path).unwrap()))
        .collect();
    inputs.push((
        "embedded".into(),
        std::fs::read(root.join("assets/cybersecurity-dialogue.txt")).unwrap(),
    ));
    inputs.push(("debate.txt".into(), DEBATE.as_bytes().to_vec()));
    inputs.push((
        "synthetic.txt".into(),
        synthetic::article(50_000, 2).into_bytes(),
    ));
    for (name, bytes) in inputs {
        let doc = source::load_bytes(&bytes, &name, &LoadOptions::default())
            .unwrap()
            .document;
        let whole = render(&detect_in_blocks(&doc, usize::MAX), &doc);
        assert_eq!(whole, render(&detect(&doc), &doc), "{name}");
        for block in [1, 2, 5, 40] {
            assert_eq!(
                whole,
                render(&detect_in_blocks(&doc, block), &doc),
                "{name}, {block} sentences at a time"
            );
        }
    }
}

#[test]
fn a_debate_keeps_its_counterclaims_across_blocks() {
    let doc = source::load_bytes(DEBATE.as_bytes(), "debate.txt", &LoadOptions::default())
        .unwrap()
        .document;
    let map = detect_in_blocks(&doc, 1);
    let counters: Vec<_> = map
        .items
        .iter()
        .filter(|i| i.kind == counterpoint::argument::ClaimKind::Counter)
        .collect();
    assert!(!counters.is_empty(), "{map:#?}");
    assert!(counters.iter().any(|c| !c.rebuttals.is_empty()), "{map:#?}");
}
