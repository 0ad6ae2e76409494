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
                rejected: rejected.to_vec(),
                warnings: Vec::new(),
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
        evidence: Default::default(),
        confidence: 1.0,
        note: None,
        clause: None,
    }
}

mod editing {
    use super::*;
    use counterpoint::argument::Origin;
    use counterpoint::argument::detect::Reason;
    use counterpoint::argument::edit::{Editor, still_visible};

    fn detected(kind: ClaimKind, anchor: SentenceRef) -> counterpoint::argument::Item {
        let mut item = item(kind, anchor, vec![]);
        item.origin = Origin::Detected;
        item.confidence = 0.4;
        item.evidence = [Reason::Attribution].into_iter().collect();
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

        let visible: Vec<_> = still_visible(&found, editor.map(), editor.rejected()).collect();
        assert_eq!(visible.len(), 1);
        assert_eq!(visible[0].anchor, at(4, 0));

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

mod saving {
    use std::path::Path;

    use counterpoint::argument::store::{self, ClaimsStore, SaveError};

    fn read(path: &Path) -> String {
        std::fs::read_to_string(path).unwrap()
    }

    #[test]
    fn a_file_changed_on_disk_is_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.claims.toml");
        std::fs::write(&path, "# mine\n").unwrap();
        let mut store = ClaimsStore::at(&path);
        assert_eq!(store.load().unwrap().as_deref(), Some("# mine\n"));
        std::fs::write(&path, "# someone else's\n").unwrap();
        assert!(store.changed_on_disk().unwrap());
        let error = store.save("# ours\n").unwrap_err();
        assert!(matches!(error, SaveError::ChangedOnDisk { .. }), "{error}");
        assert!(error.to_string().contains("changed on disk"));
        assert_eq!(read(&path), "# someone else's\n");
        // After a reload, saving works again.
        store.reload().unwrap();
        store.save("# ours\n").unwrap();
        assert_eq!(read(&path), "# ours\n");
    }

    #[test]
    fn saving_the_same_text_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.claims.toml");
        std::fs::write(&path, "# mine\n").unwrap();
        let mut store = ClaimsStore::at(&path);
        store.load().unwrap();
        let before = std::fs::metadata(&path).unwrap();
        store.save("# mine\n").unwrap();
        assert!(
            !store.backup_path().exists(),
            "no backup: nothing was written"
        );
        let after = std::fs::metadata(&path).unwrap();
        use std::os::unix::fs::MetadataExt;
        assert_eq!(before.ino(), after.ino(), "the file was not replaced");
    }

    #[test]
    fn a_file_created_behind_our_back_is_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.claims.toml");
        let mut store = ClaimsStore::at(&path);
        assert_eq!(store.load().unwrap(), None);
        std::fs::write(&path, "# new\n").unwrap();
        assert!(matches!(
            store.save("# ours\n"),
            Err(SaveError::ChangedOnDisk { .. })
        ));
        assert_eq!(read(&path), "# new\n");
    }

    #[test]
    fn a_file_that_did_not_parse_is_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.claims.toml");
        std::fs::write(&path, "[[claim]\nkind = key\n").unwrap();
        let mut store = ClaimsStore::at(&path);
        let text = store.load().unwrap().unwrap();
        let doc = super::doc_with_duplicates();
        assert!(counterpoint::argument::annotations::parse(&text, &doc, "a").is_err());
        store.mark_unparsable();
        let error = store.save("# ours\n").unwrap_err();
        assert!(matches!(error, SaveError::Unparsable { .. }), "{error}");
        assert_eq!(read(&path), "[[claim]\nkind = key\n");
        // Save-as to a new file works and moves the store there.
        let other = dir.path().join("b.claims.toml");
        store.save_as(&other, "# ours\n").unwrap();
        assert_eq!(store.path(), other);
        assert_eq!(read(&other), "# ours\n");
        assert!(matches!(
            store.save_as(&path, "# again\n"),
            Err(SaveError::AlreadyExists { .. })
        ));
        store.save("# ours, 2\n").unwrap();
        assert_eq!(read(&other), "# ours, 2\n");
    }

    #[test]
    fn each_save_keeps_the_previous_version() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.claims.toml");
        let mut store = ClaimsStore::at(&path);
        store.load().unwrap();
        store.save("one\n").unwrap();
        assert!(!store.backup_path().exists());
        store.save("two\n").unwrap();
        assert_eq!(store.backup_path(), dir.path().join("a.claims.toml~"));
        assert_eq!(read(&store.backup_path()), "one\n");
        store.save("three\n").unwrap();
        assert_eq!(read(&store.backup_path()), "two\n");
        assert_eq!(read(&path), "three\n");
        // No temporary files are left behind.
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
    }

    /// A save cut off between making its backup and renaming the new file leaves the
    /// backup as a second link to the file; the next save still leaves one whole backup
    /// and nothing else behind.
    #[test]
    fn a_save_after_a_cut_off_save_keeps_one_backup() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.claims.toml");
        let mut store = ClaimsStore::at(&path);
        store.load().unwrap();
        store.save("one\n").unwrap();
        std::fs::hard_link(&path, store.backup_path()).unwrap();
        store.save("two\n").unwrap();
        assert_eq!(read(&store.backup_path()), "one\n");
        assert_eq!(read(&path), "two\n");
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
    }

    #[test]
    fn articles_keep_their_claims_beside_them_and_stdin_in_the_data_dir() {
        let dir = tempfile::tempdir().unwrap();
        let article = dir.path().join("essay.txt");
        let store = ClaimsStore::for_article(Some(&article), "text");
        assert_eq!(store.path(), dir.path().join("essay.claims.toml"));
        if let Some(data) = store::data_dir() {
            let store = ClaimsStore::for_article(None, "piped text");
            assert_eq!(store.path().parent().unwrap(), data);
            let name = store.path().file_name().unwrap().to_string_lossy();
            assert_eq!(
                name,
                format!("{}.claims.toml", store::content_hash("piped text"))
            );
            assert!(data.ends_with("counterpoint/claims"));
        }
        assert_ne!(store::content_hash("a"), store::content_hash("b"));
    }
}

mod exchange {
    use super::*;
    use counterpoint::argument::{export, import};

    /// Kinds, anchors and rebuttals, in a canonical order.
    fn shape(map: &ArgumentMap) -> Vec<(ClaimKind, SentenceRef, Vec<SentenceRef>)> {
        let mut shape: Vec<_> = map
            .items
            .iter()
            .map(|i| (i.kind, i.anchor, i.rebuttals.clone()))
            .collect();
        shape.sort_by_key(|(kind, at, _)| (*kind == ClaimKind::Counter, *at));
        shape
    }

    fn round_trips(doc: &Document, map: &ArgumentMap) {
        let aif = export::aif(doc, map);
        let imported = import::from_aif(&aif, doc).unwrap();
        assert_eq!(shape(&imported.map), shape(map), "{aif}");
        assert!(imported.unplaced.is_empty(), "{:?}", imported.unplaced);

        let argdown = export::argdown(doc, map);
        let imported = import::from_argdown(&argdown, doc).unwrap();
        assert_eq!(shape(&imported.map), shape(map), "{argdown}");
        assert!(imported.unplaced.is_empty(), "{:?}", imported.unplaced);
        // Argdown carries notes too.
        let notes = |m: &ArgumentMap| {
            let mut notes: Vec<_> = m.items.iter().filter_map(|i| i.note.clone()).collect();
            notes.sort();
            notes
        };
        assert_eq!(notes(&imported.map), notes(map), "{argdown}");
    }

    #[test]
    fn the_embedded_map_survives_aif_and_argdown() {
        let (doc, map) = embedded();
        round_trips(&doc, &map);
    }

    #[test]
    fn duplicate_sentences_survive_aif_and_argdown() {
        let doc = doc_with_duplicates();
        let map = ArgumentMap::new(vec![
            item(ClaimKind::Key, at(1, 0), vec![]),
            item(ClaimKind::Key, at(4, 0), vec![]),
            item(ClaimKind::Counter, at(3, 0), vec![at(0, 0), at(2, 0)]),
        ]);
        round_trips(&doc, &map);
    }

    #[test]
    fn counterclaims_without_key_claims_attack_the_article() {
        let doc = doc_with_duplicates();
        let map = ArgumentMap::new(vec![item(ClaimKind::Counter, at(1, 0), vec![at(3, 0)])]);
        round_trips(&doc, &map);
        assert!(export::argdown(&doc, &map).contains(export::ARTICLE_STATEMENT));
    }

    #[test]
    fn argdown_export_follows_the_syntax() {
        let doc = doc_with_duplicates();
        let mut thesis = item(ClaimKind::Key, at(1, 0), vec![]);
        thesis.note = Some("Thesis.".into());
        let map = ArgumentMap::new(vec![
            item(ClaimKind::Key, at(3, 0), vec![]),
            thesis,
            item(ClaimKind::Counter, at(2, 0), vec![at(3, 0), at(4, 0)]),
        ]);
        let text = export::argdown(&doc, &map);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines,
            [
                r#"[Thesis]: Cats rule the house. {"note":"Thesis.","paragraph":2,"sentence":1}"#,
                r#"  + [Claim 2]: Dogs guard it. {"paragraph":4,"sentence":1}"#,
                r#"  - [Counter 1]: This is not a persuasive claim. {"paragraph":3,"sentence":1}"#,
                "    - [Claim 2]",
                r#"    - [Rebuttal 1.2]: This is not a persuasive claim. {"paragraph":5,"sentence":1}"#,
            ],
            "{text}"
        );
    }

    #[test]
    fn aif_export_uses_aifdb_fields() {
        let (doc, map) = embedded();
        let json: serde_json::Value = serde_json::from_str(&export::aif(&doc, &map)).unwrap();
        let nodes = json["nodes"].as_array().unwrap();
        let edges = json["edges"].as_array().unwrap();
        assert!(json["locutions"].as_array().unwrap().is_empty());
        let count = |kind: &str| nodes.iter().filter(|n| n["type"] == kind).count();
        let keys = map.of_kind(ClaimKind::Key).count();
        let counters = map.of_kind(ClaimKind::Counter).count();
        let rebuttals: usize = map.items.iter().map(|i| i.rebuttals.len()).sum();
        assert_eq!(count("RA"), keys - 1);
        assert_eq!(count("CA"), counters + rebuttals);
        assert_eq!(edges.len(), 2 * (count("RA") + count("CA")));
        for node in nodes {
            assert!(node["nodeID"].is_string() && node["text"].is_string());
            assert_eq!(node["timestamp"].as_str().unwrap().len(), 19);
        }
        for edge in edges {
            assert!(edge["edgeID"].is_string() && edge["fromID"].is_string());
            assert!(edge["toID"].is_string());
        }
    }

    #[test]
    fn import_places_loose_texts_and_reports_the_rest() {
        let doc = doc_with_duplicates();
        let argdown = "[T]: cats RULE the house\n  + [C]: Dogs guard it, always.\n  - [X]: Birds sing at dawn.\n    - [Y]: Cats rule the house!\n";
        let imported = import::from_argdown(argdown, &doc).unwrap();
        assert_eq!(imported.unplaced, vec!["Birds sing at dawn.".to_string()]);
        assert_eq!(
            shape(&imported.map),
            vec![
                (ClaimKind::Key, at(1, 0), vec![]),
                (ClaimKind::Key, at(3, 0), vec![]),
            ]
        );
        // Foreign AIF with numeric IDs and under an "AIF" key (xAIF).
        let aif = r#"{"AIF": {"nodes": [
            {"nodeID": 1, "text": "Cats rule the house.", "type": "I"},
            {"nodeID": 2, "text": "Dogs guard it.", "type": "I"},
            {"nodeID": 3, "text": "Default Conflict", "type": "CA"},
            {"nodeID": 4, "text": "This is not a persuasive claim", "type": "I"},
            {"nodeID": 5, "text": "Default Conflict", "type": "CA"},
            {"nodeID": 6, "text": "said", "type": "L"}],
          "edges": [
            {"edgeID": 1, "fromID": 2, "toID": 3}, {"edgeID": 2, "fromID": 3, "toID": 1},
            {"edgeID": 3, "fromID": 4, "toID": 5}, {"edgeID": 4, "fromID": 5, "toID": 2},
            {"edgeID": 5, "fromID": 6, "toID": 1}]}}"#;
        let imported = import::from_aif(aif, &doc).unwrap();
        assert_eq!(
            shape(&imported.map),
            vec![
                (ClaimKind::Key, at(1, 0), vec![]),
                (ClaimKind::Counter, at(3, 0), vec![at(0, 0)]),
            ]
        );
        assert!(import::from_aif("{}", &doc).is_err());
        assert!(import::from_aif("not json", &doc).is_err());
    }
}

/// Saving edits a hand-written annotation file in place: its comments, layout, claim order
/// and clause quotes stay; only what changed changes.
mod in_place {
    use super::*;
    use counterpoint::argument::edit::Editor;

    fn doc() -> Document {
        Document::from_paragraphs(
            Metadata::default(),
            &[
                "Cats are better than dogs. They purr.",
                "Some say dogs are loyal. That is not the point.",
                "Although critics say cats are cold, cats love their people.",
            ],
        )
    }

    /// Out of reading order, with comments, a clause quote, odd spacing and a note.
    const HAND_WRITTEN: &str = r#"# My reading of the cat essay.
# Written by hand; please keep this comment.

[[claim]]   # the concession first, on purpose
kind = "counter"
quote = "critics say cats are cold"   # a clause, not the sentence
rebuttals = [ "cats love their people." ]

[[claim]]
kind    = "key"
quote   = "Cats are better than dogs."
note    = "Thesis."

# The loyalty argument.
[[claim]]
kind = "counter"
quote = "dogs are loyal"
rebuttals = ["That is not the point."]
"#;

    fn editor(text: &str, doc: &Document) -> Editor {
        let set = annotations::parse_file(text, doc, "cats.claims.toml").unwrap();
        Editor::new(set.map, set.rejected)
    }

    fn saved(original: &str, editor: &Editor, doc: &Document) -> String {
        annotations::update_toml(Some(original), editor.map(), doc, editor.rejected())
    }

    #[test]
    fn an_unchanged_map_gives_the_file_back_byte_for_byte() {
        let doc = doc();
        let editor = editor(HAND_WRITTEN, &doc);
        assert_eq!(saved(HAND_WRITTEN, &editor, &doc), HAND_WRITTEN);
    }

    #[test]
    fn a_mark_undone_gives_the_file_back_and_a_mark_kept_is_added_at_the_end() {
        let doc = doc();
        let mut editor = editor(HAND_WRITTEN, &doc);
        assert!(editor.mark_key(at(0, 1)).changed);
        let marked = saved(HAND_WRITTEN, &editor, &doc);
        assert!(marked.starts_with(HAND_WRITTEN), "{marked}");
        assert!(
            marked.ends_with("kind = \"key\"\nquote = \"They purr.\"\n"),
            "{marked}"
        );
        let reread = annotations::parse(&marked, &doc, "x").unwrap();
        assert_eq!(&reread, editor.map());
        assert!(editor.undo().changed);
        assert_eq!(saved(&marked, &editor, &doc), HAND_WRITTEN);
    }

    #[test]
    fn a_deleted_claim_and_a_changed_note_touch_only_their_entries() {
        let doc = doc();
        let mut editor = editor(HAND_WRITTEN, &doc);
        assert!(editor.delete(at(1, 0)).changed);
        assert!(
            editor
                .set_note(at(0, 0), Some("The thesis.".into()))
                .changed
        );
        let text = saved(HAND_WRITTEN, &editor, &doc);
        for kept in [
            "# My reading of the cat essay.",
            "# Written by hand; please keep this comment.",
            "[[claim]]   # the concession first, on purpose",
            "quote = \"critics say cats are cold\"   # a clause, not the sentence",
            "kind    = \"key\"",
            "note    = \"The thesis.\"",
        ] {
            assert!(text.contains(kept), "{kept:?} lost:\n{text}");
        }
        assert!(!text.contains("dogs are loyal"), "{text}");
        // The concession still comes first.
        assert!(text.find("critics say").unwrap() < text.find("Cats are better").unwrap());
        let reread = annotations::parse(&text, &doc, "x").unwrap();
        assert_eq!(&reread, editor.map());
    }
}
