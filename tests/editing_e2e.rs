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
