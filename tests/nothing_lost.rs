//! Nothing of the input is lost: the outline JSON of a man page, release notes and a text
//! in many languages and scripts holds every word of the file (paragraphs, and the title,
//! headings and notes the reader shows with them); a page capture's furniture is hidden
//! but kept; links are listed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

const BINARY: &str = env!("CARGO_BIN_EXE_counterpoint");

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/lossless")
        .join(name)
}

fn outline(path: &Path, extra: &[&str]) -> serde_json::Value {
    let output = Command::new(BINARY)
        .arg("outline")
        .arg(path)
        .args(["--format", "json"])
        .args(extra)
        .output()
        .expect("runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("JSON")
}

/// Words (runs of letters and digits, lower-cased) with how often each occurs.
fn words<'a>(texts: impl IntoIterator<Item = &'a str>) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for text in texts {
        for word in text.split(|c: char| !c.is_alphanumeric()) {
            if !word.is_empty() {
                *counts.entry(word.to_lowercase()).or_insert(0) += 1;
            }
        }
    }
    counts
}

/// Every text of the outline the reading pane shows: header, paragraphs, headings, notes.
fn shown_texts(json: &serde_json::Value) -> Vec<&str> {
    let mut texts: Vec<&str> = ["title", "dek", "byline", "date"]
        .iter()
        .filter_map(|k| json[*k].as_str())
        .collect();
    for key in ["paragraphs", "notes"] {
        texts.extend(
            json[key]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|p| p.as_str()),
        );
    }
    texts.extend(
        json["sections"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|s| s["title"].as_str()),
    );
    texts
}

fn assert_every_word_kept(name: &str) {
    let path = fixture(name);
    let input = std::fs::read_to_string(&path).unwrap();
    let json = outline(&path, &[]);
    let kept = words(shown_texts(&json));
    let wanted = words([input.as_str()]);
    let missing: Vec<(&String, usize)> = wanted
        .iter()
        .filter_map(|(w, &n)| {
            let have = kept.get(w).copied().unwrap_or(0);
            (have < n).then_some((w, n - have))
        })
        .collect();
    assert!(missing.is_empty(), "{name}: lost {missing:?}");
    // The body itself holds the text: all but the header and headings.
    let body = words(
        json["paragraphs"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|p| p.as_str()),
    );
    let body_words: usize = body.values().sum();
    let input_words: usize = wanted.values().sum();
    assert!(
        body_words * 10 >= input_words * 8,
        "{name}: {body_words} of {input_words}"
    );
}

#[test]
fn a_man_page_keeps_every_word() {
    assert_every_word_kept("tally.1.txt");
}

#[test]
fn release_notes_keep_every_word_and_read_as_markdown() {
    assert_every_word_kept("RelNotes-1.3.txt");
    let json = outline(&fixture("RelNotes-1.3.txt"), &[]);
    assert_eq!(json["title"], "Tally 1.3 Release Notes");
    let sections: Vec<&str> = json["sections"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s["title"].as_str())
        .collect();
    assert_eq!(
        sections,
        [
            "Backward compatibility notes",
            "Updates since 1.2",
            "Fixes since 1.2"
        ]
    );
}

#[test]
fn a_text_in_many_languages_keeps_every_word() {
    assert_every_word_kept("multilingual.txt");
}

/// The detector reads English only: on a German article it lists nothing (instead of
/// noise), and the outline says so by having no claims.
#[test]
fn text_in_another_language_gets_no_detected_claims() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bahn.txt");
    std::fs::write(
        &path,
        "Warum wir die Bahn brauchen\n\nDie Bahn ist das Rückgrat einer klimafreundlichen \
         Mobilität. Wer heute in Schienen investiert, spart morgen Kosten und Emissionen.\n\n\
         Kritiker sagen, der Ausbau sei zu teuer. Doch die Rechnung übersieht die \
         Folgekosten des Straßenverkehrs.\n\nDeshalb sollte der Bund jetzt handeln und \
         mehr Geld in die Schiene stecken.\n",
    )
    .unwrap();
    let json = outline(&path, &["--detect"]);
    assert_eq!(json["claims"], serde_json::json!([]));
    assert_eq!(json["paragraphs"].as_array().unwrap().len(), 3);
}

/// `outline` lists the link targets of a Markdown article, numbered in reading order.
#[test]
fn outline_lists_links() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("links.md");
    std::fs::write(
        &path,
        "# Links\n\nSee [the report](https://example.org/report) and [the data](data.csv).\n",
    )
    .unwrap();
    let json = outline(&path, &[]);
    assert_eq!(
        json["links"],
        serde_json::json!([
            {"paragraph": 0, "text": "the report", "target": "https://example.org/report"},
            {"paragraph": 0, "text": "the data", "target": "data.csv"}
        ])
    );
    let output = Command::new(BINARY)
        .arg("outline")
        .arg(&path)
        .args(["--format", "markdown"])
        .output()
        .unwrap();
    let markdown = String::from_utf8_lossy(&output.stdout);
    assert!(
        markdown.contains(
            "## Links\n\n1. ¶1 the report: <https://example.org/report>\n2. ¶1 the data: <data.csv>"
        ),
        "{markdown}"
    );
}

/// `--keep-all` keeps a page capture's menus and footers in the body.
#[test]
fn keep_all_turns_the_furniture_into_body() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("capture.txt");
    std::fs::write(&path, counterpoint::EMBEDDED_ARTICLE).unwrap();
    let cleaned = outline(&path, &[]);
    let kept = outline(&path, &["--keep-all"]);
    let has = |json: &serde_json::Value, text: &str| {
        json["paragraphs"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p.as_str().unwrap().contains(text))
    };
    assert!(!has(&cleaned, "About Us"));
    assert!(has(&kept, "About Us"));
    assert!(has(&kept, "Copyedited by Jordyn Dahl"));
}
