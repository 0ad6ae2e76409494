//! Argument maps: writing annotation files, editing, saving, export and import.

use counterpoint::argument::annotations::{self, AnnotationSet};
use counterpoint::argument::{ArgumentMap, ClaimKind, Rejected};
use counterpoint::document::{Document, Metadata, SentenceRef};
use counterpoint::source::{self, Format};

fn embedded() -> (Document, ArgumentMap) {
    let doc = source::parse(counterpoint::EMBEDDED_ARTICLE, Format::Text);
    let map = annotations::parse(counterpoint::EMBEDDED_CLAIMS, &doc, "embedded").unwrap();
    (doc, map)
}

fn at(paragraph: usize, sentence: usize) -> SentenceRef {
    SentenceRef {
        paragraph,
        sentence,
    }
}

/// Paragraphs with sentences that repeat, in places a prefix must tell apart.
fn doc_with_duplicates() -> Document {
    Document::from_paragraphs(
        Metadata::default(),
        &[
            "This is not a persuasive claim.",
            "Cats rule the house.",
            "This is not a persuasive claim.",
            "Dogs guard it.",
            "This is not a persuasive claim.",
        ],
    )
}

mod writing {
    use super::*;

    #[test]
    fn embedded_annotations_round_trip() {
        let (doc, map) = embedded();
        assert!(map.items.len() >= 10);
        let text = annotations::to_toml(&map, &doc, &[]);
        let again = annotations::parse(&text, &doc, "written").unwrap();
        assert_eq!(again, map, "{text}");
    }

    #[test]
    fn duplicate_sentences_get_the_shortest_disambiguating_prefix() {
        let doc = doc_with_duplicates();
        let map = ArgumentMap::new(vec![
            item(ClaimKind::Key, at(1, 0), vec![]),
            item(ClaimKind::Counter, at(3, 0), vec![at(2, 0), at(4, 0)]),
            item(ClaimKind::Key, at(0, 0), vec![]),
        ]);
        let rejected = [Rejected {
            kind: ClaimKind::Counter,
            anchor: at(4, 0),
        }];
        let text = annotations::to_toml(&map, &doc, &rejected);
        let set = annotations::parse_file(&text, &doc, "written").unwrap();
        assert_eq!(
            set,
            AnnotationSet {
                map: map.clone(),
                rejected: rejected.to_vec()
            },
            "{text}"
        );
        // The first occurrence has nothing before it, so it needs a suffix; the others a
        // one-word prefix ("house." / "it.").
        assert!(text.contains("prefix = \"house.\""), "{text}");
        assert!(text.contains("prefix = \"it.\""), "{text}");
        assert!(text.contains("suffix = \"Cats\""), "{text}");
        // Unique quotes carry no context.
        assert_eq!(text.matches("prefix").count(), 4, "{text}");
    }

    #[test]
    fn unique_and_duplicate_rebuttals_mix() {
        let doc = doc_with_duplicates();
        let map = ArgumentMap::new(vec![item(
            ClaimKind::Counter,
            at(3, 0),
            vec![at(1, 0), at(2, 0)],
        )]);
        let text = annotations::to_toml(&map, &doc, &[]);
        assert_eq!(annotations::parse(&text, &doc, "x").unwrap(), map, "{text}");
    }

    #[test]
    fn notes_and_rejections_are_written() {
        let doc = doc_with_duplicates();
        let mut key = item(ClaimKind::Key, at(1, 0), vec![]);
        key.note = Some("Thesis, \"quoted\"\nand two lines.".into());
        let map = ArgumentMap::new(vec![key]);
        let rejected = [Rejected {
            kind: ClaimKind::Key,
            anchor: at(3, 0),
        }];
        let text = annotations::to_toml(&map, &doc, &rejected);
        assert!(text.contains("[[rejected]]"), "{text}");
        let set = annotations::parse_file(&text, &doc, "x").unwrap();
        assert_eq!(set.map, map);
        assert_eq!(set.rejected, rejected);
    }

    #[test]
    fn corpus_annotations_round_trip() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
        let mut checked = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let Some(name) = path.to_str().and_then(|p| p.strip_suffix(".claims.toml")) else {
                continue;
            };
            let article = std::fs::read_to_string(format!("{name}.txt")).unwrap();
            let doc = source::parse(&article, Format::Text);
            let claims = std::fs::read_to_string(&path).unwrap();
            // Corpus files that do not anchor under the current loader are not ours to judge.
            let Ok(map) = annotations::parse(&claims, &doc, name) else {
                continue;
            };
            let text = annotations::to_toml(&map, &doc, &[]);
            assert_eq!(
                annotations::parse(&text, &doc, name).unwrap(),
                map,
                "{name}"
            );
            checked += 1;
        }
        assert!(checked > 0);
    }
}

pub fn item(
    kind: ClaimKind,
    anchor: SentenceRef,
    rebuttals: Vec<SentenceRef>,
) -> counterpoint::argument::Item {
    counterpoint::argument::Item {
        kind,
        anchor,
        rebuttals,
        origin: counterpoint::argument::Origin::Annotated,
        evidence: Vec::new(),
        confidence: 1.0,
        note: None,
    }
}
