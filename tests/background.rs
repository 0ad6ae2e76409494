//! Detection runs in the background, after the first frame: the annotated map is there at
//! once, the detected one joins it when ready, and edits made meanwhile are kept.

mod support;

use std::path::Path;

use counterpoint::argument::detect::detect;
use counterpoint::argument::edit::still_visible;
use counterpoint::argument::{ClaimKind, Origin};
use counterpoint::cli::maps::{self, MapSource};
use counterpoint::source::{self, InputSpec, LoadOptions};
use counterpoint::ui::update::{Background, apply_background};
use counterpoint::ui::{Action, App, update};
use support::pty::{Options, Session};

/// The reader on the embedded article as it starts: annotations loaded, detection not yet
/// arrived. Edits are saved to `claims` (which need not exist: the embedded article's own
/// annotations are used until then).
fn embedded_reader(claims: &Path) -> App {
    let spec = InputSpec::Embedded;
    let loaded = source::open(&spec, &LoadOptions::default()).unwrap();
    let doc = loaded.document;
    let source = MapSource::new(&spec, &doc, Some(claims), None);
    let (maps, editing, _) = maps::annotated(&doc, source).unwrap();
    let mut app = App::new(doc, loaded.name, maps, (120, 40));
    app.editing = Some(editing);
    app.analysing = true;
    app
}

#[test]
fn annotations_show_at_once_and_detections_join_them_later() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = embedded_reader(&dir.path().join("claims.toml"));
    let annotated = app
        .maps
        .annotated
        .clone()
        .expect("the embedded annotations");
    assert!(!annotated.items.is_empty());
    assert_eq!(app.showing, Origin::Annotated);
    assert!(app.maps.detected.items.is_empty());

    let detected = detect(&app.doc);
    assert!(!detected.items.is_empty());
    apply_background(&mut app, Background::Detected(detected.clone()));

    assert!(!app.analysing);
    assert_eq!(app.maps.annotated.as_ref(), Some(&annotated));
    assert_eq!(app.showing, Origin::Annotated);
    let editing = app.editing.as_ref().unwrap();
    assert_eq!(editing.detected, detected);
    // The detected view: the undecided detections, with the annotated items in place.
    let undecided: Vec<_> =
        still_visible(&detected, &annotated, editing.editor.rejected()).collect();
    assert!(!undecided.is_empty());
    assert_eq!(app.maps.detected, editing.working_map());
    for item in undecided.iter().copied().chain(annotated.items.iter()) {
        assert!(app.maps.detected.items.contains(item), "{item:?}");
    }
    assert_eq!(
        app.maps.detected.items.len(),
        undecided.len() + annotated.items.len()
    );
}

#[test]
fn an_edit_made_before_detection_finishes_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let claims = dir.path().join("claims.toml");
    let mut app = embedded_reader(&claims);
    let detected = detect(&app.doc);
    let annotated = app.maps.annotated.clone().unwrap();
    // A sentence the detector will flag and the annotations do not hold.
    let target = detected
        .items
        .iter()
        .map(|item| item.anchor)
        .find(|&at| annotated.position(at).is_none())
        .expect("a detection outside the annotations");

    app.cursor = Some(target);
    update(&mut app, Action::MarkKeyClaim);
    let edited = app.editing.as_ref().unwrap().editor.map().clone();
    assert!(edited.position(target).is_some(), "{:?}", app.message);

    apply_background(&mut app, Background::Detected(detected.clone()));

    let editing = app.editing.as_ref().unwrap();
    assert_eq!(editing.editor.map(), &edited, "the edit survives");
    assert!(editing.editor.can_undo());
    assert!(!editing.editor.is_modified(), "and stays saved");
    assert_eq!(app.maps.annotated.as_ref(), Some(&edited));
    let item = &edited.items[edited.position(target).unwrap()];
    assert_eq!(
        (item.kind, item.origin),
        (ClaimKind::Key, Origin::Annotated)
    );
    // In the detected view the mark is there as the reader's own, not as a detection.
    let at_target: Vec<_> = app
        .maps
        .detected
        .items
        .iter()
        .filter(|i| i.anchor == target)
        .collect();
    assert_eq!(at_target.len(), 1, "{at_target:?}");
    assert_eq!(at_target[0].origin, Origin::Annotated);
    assert!(
        app.maps
            .detected
            .items
            .iter()
            .any(|i| i.origin == Origin::Detected),
        "the other detections are shown"
    );
    assert!(
        std::fs::read_to_string(&claims)
            .unwrap()
            .contains("kind = \"key\"")
    );
}

#[test]
fn the_first_frame_is_drawn_before_detection_then_detected_items_appear() {
    let mut session = Session::start(Options {
        cols: 120,
        rows: 40,
        args: &["--no-remember"],
        ..Options::default()
    });
    session.wait_for_text("Annotated map");
    session.wait_for("the analysis", |screen| {
        !screen.contents().contains("analysing")
    });
    // The first frame comes before detection starts, so it always says so.
    let output = String::from_utf8_lossy(&session.output()).into_owned();
    assert!(output.contains("analysing…"));
    session.send_and_settle("d");
    session.wait_for_text("Detected map");
    session.wait_for_text("≈¶");
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
}
