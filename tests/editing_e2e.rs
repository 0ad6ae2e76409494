//! Editing the argument map in the real reader: mark, link, accept, reject, undo; the
//! claims file holds exactly those changes, and reopening shows them.

mod support;

use std::path::Path;

use counterpoint::argument::annotations;
use counterpoint::argument::{ClaimKind, Origin};
use counterpoint::document::{Document, SentenceRef};
use counterpoint::source::{self, LoadOptions};
use support::pty::{Options, Session};

const ARTICLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/corpus/bus-lane-oped.txt"
);

fn load(path: &Path) -> Document {
    let bytes = std::fs::read(path).unwrap();
    source::load_bytes(&bytes, "a.txt", &LoadOptions::default())
        .unwrap()
        .document
}

fn at(paragraph: usize, sentence: usize) -> SentenceRef {
    SentenceRef {
        paragraph,
        sentence,
    }
}

fn start(article: &Path, home: &Path) -> Session {
    let env = [("XDG_STATE_HOME", home.to_str().unwrap())];
    let session = Session::start(Options {
        cols: 120,
        rows: 30,
        args: &[article.to_str().unwrap(), "--no-remember"],
        env: &env,
        ..Options::default()
    });
    session.wait_for_analysis();
    session
}

#[test]
fn marks_links_accepts_rejects_and_undo_reach_the_claims_file() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("oped.txt");
    std::fs::copy(ARTICLE, &article).unwrap();
    let claims = dir.path().join("oped.claims.toml");
    let doc = load(&article);
    let detected = counterpoint::argument::detect::detect(&doc);
    assert!(
        detected.items.len() >= 2,
        "the test needs two detected items"
    );

    // Two detected items away from the sentences marked below, to accept and reject.
    let words = |text: &str, n: usize| {
        text.split_whitespace()
            .take(n)
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut decided = detected
        .items
        .iter()
        .filter(|i| i.anchor.paragraph > 0)
        .map(|i| words(i.text(&doc), 5));
    let (to_accept, to_reject) = (decided.next().unwrap(), decided.next().unwrap());

    let mut session = start(&article, dir.path());
    // The cursor starts on the first sentence on screen: ¶1's first. Mark it a key claim,
    // the next one a counterclaim, and link the third as its rebuttal.
    session.send_and_settle(")");
    session.send_and_settle("K");
    session.wait_for_text("saved to");
    session.send_and_settle(")");
    session.send_and_settle("C");
    // Select the counterclaim by filtering the sidebar for it.
    session.send_and_settle("\t");
    session.send_and_settle("/");
    session.send(&words(doc.sentence_text(at(0, 1)), 5));
    session.send_and_settle("\r");
    session.send_and_settle("\t");
    session.send_and_settle(")");
    session.send_and_settle("L");
    session.wait_for_text("rebuttal");
    // A change undone does not reach the file.
    session.send_and_settle(")");
    session.send_and_settle("K");
    session.send_and_settle("u");
    session.wait_for_text("undid");
    let undone = doc.sentence_text(at(0, 3));
    let saved = std::fs::read_to_string(&claims).unwrap();
    assert!(
        !saved.contains(undone),
        "the undone mark is in the file:\n{saved}"
    );
    // Accept one detected item, reject another, each selected by the filter.
    session.send_and_settle("\t");
    for (words, key) in [(&to_accept, "a"), (&to_reject, "x")] {
        // The filter prompt starts with the last filter: Ctrl-U clears it.
        session.send_and_settle("/");
        session.send("\x15");
        session.send(words);
        session.send_and_settle("\r");
        session.send_and_settle(key);
        session.wait_for_text("saved to");
    }
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    assert!(session.terminal_restored());

    let text = std::fs::read_to_string(&claims).expect("the claims file was written");
    let set = annotations::parse_file(&text, &doc, "oped.claims.toml").unwrap();
    let map = set.map;
    let key = |s| {
        map.items
            .iter()
            .any(|i| i.kind == ClaimKind::Key && i.anchor == s)
    };
    assert!(key(at(0, 0)), "{text}");
    let counter = map
        .items
        .iter()
        .find(|i| i.anchor == at(0, 1))
        .expect("the counterclaim");
    assert_eq!(counter.kind, ClaimKind::Counter);
    assert_eq!(counter.rebuttals, [at(0, 2)]);
    assert!(map.items.iter().all(|i| i.origin == Origin::Annotated));
    // One detected item accepted (now annotated), one rejected.
    assert_eq!(map.items.len(), 3, "{text}");
    assert_eq!(set.rejected.len(), 1, "{text}");

    // Reopened, the annotated map is shown with those items.
    let mut again = start(&article, dir.path());
    again.wait_for_text("Annotated map");
    let first_words: String = doc
        .sentence_text(at(0, 0))
        .split_whitespace()
        .take(2)
        .collect::<Vec<_>>()
        .join(" ");
    again.wait_for_text(&first_words);
    again.send("q");
    assert_eq!(again.wait_exit(), 0);
}

#[test]
fn a_claims_file_changed_on_disk_is_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("oped.txt");
    std::fs::copy(ARTICLE, &article).unwrap();
    let claims = dir.path().join("oped.claims.toml");
    std::fs::write(&claims, "# mine\n").unwrap();
    let mut session = start(&article, dir.path());
    let theirs = "# changed by another editor\n";
    std::fs::write(&claims, theirs).unwrap();
    session.send_and_settle(")");
    session.send_and_settle("K");
    session.wait_for_text("NOT SAVED");
    assert_eq!(std::fs::read_to_string(&claims).unwrap(), theirs);
    session.send_and_settle("q");
    session.wait_for_text("d discard");
    session.send("d");
    assert_eq!(session.wait_exit(), 0);
    assert_eq!(std::fs::read_to_string(&claims).unwrap(), theirs);
}

/// Quitting with an edit that could not be saved asks first; Esc stays, `w` saves it to
/// a new file and quits. The other editor's file is untouched.
#[test]
fn quitting_with_an_unsaved_edit_asks_and_can_save_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("oped.txt");
    std::fs::copy(ARTICLE, &article).unwrap();
    let doc = load(&article);
    let claims = dir.path().join("oped.claims.toml");
    std::fs::write(&claims, "# mine\n").unwrap();
    // A narrow terminal: the unsaved state must show all the same.
    let env = [("XDG_STATE_HOME", dir.path().to_str().unwrap())];
    let mut session = Session::start(Options {
        cols: 72,
        rows: 24,
        args: &[article.to_str().unwrap(), "--no-remember"],
        env: &env,
        ..Options::default()
    });
    session.wait_for_analysis();
    let theirs = "# changed by another editor\n";
    std::fs::write(&claims, theirs).unwrap();
    session.send_and_settle(")");
    session.send_and_settle("K");
    session.send_and_settle("j");
    // The message is gone after the next key; the state stays on the status line.
    let status = session.rows().last().cloned().unwrap();
    assert!(status.contains("NOT SAVED"), "{status}");
    for quit in ["q", "ZZ", "\x1b"] {
        session.send_and_settle(quit);
        if quit != "\x1b" {
            session.wait_for_text("d discard");
            session.send_and_settle("\x1b");
        }
        session.wait_for("the reader still open", |screen| {
            !screen.contents().contains("d discard")
        });
    }
    session.send_and_settle(":q\r");
    session.wait_for_text("d discard");
    session.send_and_settle("w");
    session.wait_for_text("save annotations as:");
    session.send("\r");
    assert_eq!(session.wait_exit(), 0);
    assert!(session.terminal_restored());
    assert_eq!(std::fs::read_to_string(&claims).unwrap(), theirs);
    let saved = std::fs::read_to_string(dir.path().join("oped-2.claims.toml")).unwrap();
    assert!(saved.contains(doc.sentence_text(at(0, 0))), "{saved}");
}

/// `d` at the question discards the edit and quits.
#[test]
fn quitting_with_an_unsaved_edit_can_discard_it() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("oped.txt");
    std::fs::copy(ARTICLE, &article).unwrap();
    let claims = dir.path().join("oped.claims.toml");
    std::fs::write(&claims, "# mine\n").unwrap();
    let mut session = start(&article, dir.path());
    std::fs::write(&claims, "# theirs\n").unwrap();
    session.send_and_settle(")");
    session.send_and_settle("K");
    session.wait_for_text("NOT SAVED");
    session.send_and_settle("q");
    session.wait_for_text("d discard");
    session.send("d");
    assert_eq!(session.wait_exit(), 0);
    assert_eq!(std::fs::read_to_string(&claims).unwrap(), "# theirs\n");
}

/// The "Key claims (N)" count in the sidebar.
fn key_claims_count(session: &Session) -> usize {
    let screen = session.screen_text();
    let start = screen.find("Key claims (").expect("the key claims panel") + "Key claims (".len();
    let end = start + screen[start..].find(')').unwrap();
    screen[start..end].parse().unwrap()
}

/// Marking a sentence, accepting a detected item and rejecting another: the detected view
/// stays, the other detected items stay listed, the accepted one stays in its place.
#[test]
fn deciding_one_detected_item_keeps_the_others_where_they_were() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("oped.txt");
    std::fs::copy(ARTICLE, &article).unwrap();
    let doc = load(&article);
    let detected = counterpoint::argument::detect::detect(&doc);
    let keys: Vec<_> = detected
        .items
        .iter()
        .filter(|i| i.kind == ClaimKind::Key)
        .collect();
    assert!(keys.len() >= 3, "the test needs three detected key claims");
    let opening = |i: usize| {
        keys[i]
            .text(&doc)
            .split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut session = start(&article, dir.path());
    session.wait_for_text("Detected map");
    let before = key_claims_count(&session);
    assert_eq!(before, keys.len());
    // Accept the first detected key claim: it stays listed (as the reader's own).
    session.send_and_settle("\t");
    session.send_and_settle("a");
    session.wait_for_text("accepted");
    assert!(session.screen_text().contains("Detected map"));
    assert_eq!(key_claims_count(&session), before);
    assert!(session.screen_text().contains(&opening(1)));
    // Reject the second: only it goes.
    session.send_and_settle("j");
    session.send_and_settle("x");
    session.wait_for_text("rejected");
    assert_eq!(key_claims_count(&session), before - 1);
    let screen = session.screen_text();
    assert!(screen.contains(&opening(2)), "{screen}");
    assert!(screen.contains("Detected map"), "{screen}");
    assert!(screen.contains("≈¶"), "{screen}");
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
}

/// A hand-written claims file for the op-ed, out of reading order, with comments.
fn hand_written(doc: &Document) -> String {
    format!(
        "# My own reading of the op-ed; keep this comment.\n\n\
         [[claim]]   # the opposing view first, on purpose\n\
         kind = \"counter\"\n\
         quote = \"{}\"\n\n\
         # The thesis.\n\
         [[claim]]\n\
         kind  = \"key\"\n\
         quote = \"{}\"\n",
        doc.sentence_text(at(2, 0)),
        doc.sentence_text(at(1, 0)),
    )
}

/// The reader's own save path: a mark, then undo. The file ends as it was written, and
/// the backup (the file with the mark) keeps its comments and order too.
#[test]
fn saving_keeps_the_comments_and_order_of_a_hand_written_file() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("oped.txt");
    std::fs::copy(ARTICLE, &article).unwrap();
    let doc = load(&article);
    let claims = dir.path().join("oped.claims.toml");
    let original = hand_written(&doc);
    std::fs::write(&claims, &original).unwrap();

    let mut session = start(&article, dir.path());
    session.send_and_settle(")");
    session.send_and_settle("K");
    session.wait_for_text("saved to");
    let marked = std::fs::read_to_string(&claims).unwrap();
    assert!(marked.starts_with(&original), "{marked}");
    assert!(marked.contains(doc.sentence_text(at(0, 0))), "{marked}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("oped.claims.toml~")).unwrap(),
        original
    );
    session.send_and_settle("u");
    session.wait_for_text("undid");
    session.send("q");
    assert_eq!(session.wait_exit(), 0);

    assert_eq!(std::fs::read_to_string(&claims).unwrap(), original);
    let backup = std::fs::read_to_string(dir.path().join("oped.claims.toml~")).unwrap();
    assert_eq!(
        backup, marked,
        "the backup is the file before the last save"
    );
}

/// A claims file that is a symbolic link: the save goes to the file it names, with the
/// backup beside that file, and the link stays a link.
#[test]
fn a_symlinked_claims_file_is_written_through() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("oped.txt");
    std::fs::copy(ARTICLE, &article).unwrap();
    let doc = load(&article);
    let elsewhere = dir.path().join("notes");
    std::fs::create_dir(&elsewhere).unwrap();
    let target = elsewhere.join("oped-annotations.toml");
    let original = hand_written(&doc);
    std::fs::write(&target, &original).unwrap();
    let link = dir.path().join("oped.claims.toml");
    std::os::unix::fs::symlink("notes/oped-annotations.toml", &link).unwrap();

    let mut session = start(&article, dir.path());
    session.send_and_settle(")");
    session.send_and_settle("K");
    session.wait_for_text("saved to");
    session.send("q");
    assert_eq!(session.wait_exit(), 0);

    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link was replaced"
    );
    let saved = std::fs::read_to_string(&target).unwrap();
    assert!(saved.starts_with(&original), "{saved}");
    assert!(saved.contains(doc.sentence_text(at(0, 0))), "{saved}");
    assert_eq!(
        std::fs::read_to_string(elsewhere.join("oped-annotations.toml~")).unwrap(),
        original
    );
    assert!(!dir.path().join("oped.claims.toml~").exists());
}
