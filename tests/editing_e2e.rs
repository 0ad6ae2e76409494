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
    session.wait_for_text("Key claims");
    session.wait_for("the analysis", |screen| {
        !screen.contents().contains("analysing")
    });
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

    let mut session = start(&article, dir.path());
    // The cursor starts on the first sentence on screen: ¶1's first. Mark it a key claim,
    // the next one a counterclaim, and link the third as its rebuttal.
    session.send_and_settle(")");
    session.send_and_settle("K");
    session.wait_for_text("saved to");
    session.send_and_settle(")");
    session.send_and_settle("C");
    session.send_and_settle("\t");
    session.send_and_settle("G"); // the last entry: the counterclaim
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
    // Accept the first detected item, reject the next.
    session.send_and_settle("d");
    session.wait_for_text("Detected map");
    session.send_and_settle("\t");
    session.send_and_settle("g");
    session.send_and_settle("a");
    session.send_and_settle("x");
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
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
}
