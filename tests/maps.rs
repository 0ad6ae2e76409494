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

mod editing {
    use super::*;
    use counterpoint::argument::Origin;
    use counterpoint::argument::edit::{Editor, visible_detected};

    fn detected(kind: ClaimKind, anchor: SentenceRef) -> counterpoint::argument::Item {
        let mut item = item(kind, anchor, vec![]);
        item.origin = Origin::Detected;
        item.confidence = 0.4;
        item.evidence = vec!["attribution: 'Some say'".into()];
        item
    }

    #[test]
    fn marks_links_and_undoes_in_order() {
        let mut editor = Editor::new(ArgumentMap::default(), Vec::new());
        let outcome = editor.mark_key(at(2, 0));
        assert!(outcome.changed);
        assert_eq!(outcome.message, "marked ¶3 as key claim");
        assert!(!editor.mark_key(at(2, 0)).changed);
        assert!(editor.mark_counter(at(0, 0)).changed);
        assert!(editor.link_rebuttal(at(0, 0), at(1, 0)).changed);
        assert!(!editor.link_rebuttal(at(0, 0), at(1, 0)).changed);
        assert!(
            !editor.link_rebuttal(at(2, 0), at(1, 0)).changed,
            "key claims have no rebuttals"
        );
        assert!(editor.set_note(at(2, 0), Some(" thesis ".into())).changed);
        let map = editor.map().clone();
        assert_eq!(map.items[0].kind, ClaimKind::Key);
        assert_eq!(map.items[0].note.as_deref(), Some("thesis"));
        assert_eq!(map.items[1].rebuttals, vec![at(1, 0)]);

        assert!(editor.unlink_rebuttal(at(0, 0), at(1, 0)).changed);
        assert!(editor.map().items[1].rebuttals.is_empty());
        assert_eq!(
            editor.undo().message,
            "undid: unlinked ¶2 from the counterclaim in ¶1"
        );
        assert_eq!(editor.map(), &map);
        editor.undo();
        editor.undo();
        editor.undo();
        assert_eq!(editor.map().items.len(), 1);
        editor.undo();
        assert!(editor.map().is_empty());
        assert!(!editor.undo().changed);
        for _ in 0..4 {
            assert!(editor.redo().changed);
        }
        assert_eq!(editor.map(), &map);
        assert!(editor.redo().changed);
        assert!(!editor.redo().changed);
        // A new change after undo discards the redo history.
        editor.undo();
        editor.delete(at(2, 0));
        assert!(!editor.can_redo());
    }

    #[test]
    fn changing_a_counterclaim_to_a_key_claim_drops_its_rebuttals() {
        let mut editor = Editor::new(ArgumentMap::default(), Vec::new());
        editor.mark_counter(at(0, 0));
        editor.link_rebuttal(at(0, 0), at(1, 0));
        editor.mark_key(at(0, 0));
        assert_eq!(editor.map().items.len(), 1);
        assert_eq!(editor.map().items[0].kind, ClaimKind::Key);
        assert!(editor.map().items[0].rebuttals.is_empty());
    }

    #[test]
    fn accept_and_reject_detected_items() {
        let doc = doc_with_duplicates();
        let found = ArgumentMap::new(vec![
            detected(ClaimKind::Key, at(1, 0)),
            detected(ClaimKind::Counter, at(3, 0)),
            detected(ClaimKind::Counter, at(4, 0)),
        ]);
        let mut editor = Editor::new(ArgumentMap::default(), Vec::new());
        assert!(!editor.is_modified());
        assert!(editor.accept(&found.items[0]).changed);
        let accepted = &editor.map().items[0];
        assert_eq!(accepted.origin, Origin::Annotated);
        assert!(accepted.evidence.is_empty());
        assert_eq!(accepted.confidence, 1.0);
        assert!(editor.reject(&found.items[1]).changed);
        assert!(!editor.reject(&found.items[1]).changed);
        assert!(editor.is_modified());

        let visible = visible_detected(&found, editor.map(), editor.rejected());
        assert_eq!(visible.items.len(), 1);
        assert_eq!(visible.items[0].anchor, at(4, 0));

        // The rejection is saved and read back.
        let text = annotations::to_toml(editor.map(), &doc, editor.rejected());
        let set = annotations::parse_file(&text, &doc, "x").unwrap();
        assert_eq!(&set.map, editor.map());
        assert_eq!(set.rejected, editor.rejected());
        editor.mark_saved();
        assert!(!editor.is_modified());
        editor.undo();
        assert!(editor.is_modified());
        assert!(editor.rejected().is_empty());
    }

    #[test]
    fn delete_and_notes_report_missing_items() {
        let mut editor = Editor::new(ArgumentMap::default(), Vec::new());
        assert!(!editor.delete(at(0, 0)).changed);
        assert!(!editor.set_note(at(0, 0), Some("x".into())).changed);
        editor.mark_key(at(0, 0));
        assert!(!editor.set_note(at(0, 0), Some("  ".into())).changed);
        let outcome = editor.delete(at(0, 0));
        assert_eq!(outcome.message, "deleted key claim in ¶1");
        assert!(editor.map().is_empty());
    }
}
