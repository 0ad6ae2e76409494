//! Remembered positions in a temporary state directory: round trip, a damaged file, the
//! cap, and two readers saving in turn.

use counterpoint::position_store::{CAPACITY, FILE_NAME, PositionStore, content_hash};

#[test]
fn the_content_hash_is_fnv1a_and_stable() {
    // Published FNV-1a 64 test vectors: the value may never change between versions,
    // or every remembered position would be lost.
    assert_eq!(content_hash(b""), "fnv1a64:cbf29ce484222325");
    assert_eq!(content_hash(b"a"), "fnv1a64:af63dc4c8601ec8c");
    assert_eq!(content_hash(b"foobar"), "fnv1a64:85944171f73967e8");
    assert_ne!(content_hash(b"essay one"), content_hash(b"essay one."));
}

#[test]
fn positions_survive_a_save_and_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("counterpoint");
    let (mut store, notice) = PositionStore::open(&state);
    assert_eq!(notice, None);
    assert!(store.is_empty());
    let essay = content_hash(b"an essay");
    let letter = content_hash(b"a letter");
    store.set(&essay, 12);
    store.set(&letter, 3);
    store.set(&essay, 14);
    assert_eq!(store.get(&essay), Some(14));
    store.save().expect("saves, creating the directory");

    let (reopened, notice) = PositionStore::open(&state);
    assert_eq!(notice, None);
    assert_eq!(reopened.len(), 2);
    assert_eq!(reopened.get(&essay), Some(14));
    assert_eq!(reopened.get(&letter), Some(3));
    assert_eq!(reopened.get(&content_hash(b"never read")), None);
    // No temporary file is left beside it.
    let names: Vec<_> = std::fs::read_dir(&state)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, [FILE_NAME]);
}

#[test]
fn a_corrupt_file_is_ignored_with_a_notice_and_replaced_on_save() {
    for damage in [
        &b"{\"version\": 1, \"documents\": [{\"hash\": \"x\""[..],
        b"\xff\xfe not json",
        b"{\"version\": 99, \"documents\": []}",
        b"[1, 2, 3]",
    ] {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(FILE_NAME), damage).unwrap();
        let (mut store, notice) = PositionStore::open(dir.path());
        let notice = notice.expect("a notice");
        assert!(
            notice.starts_with("ignored a corrupt positions file: "),
            "{notice}"
        );
        assert!(notice.contains(FILE_NAME), "{notice}");
        assert!(store.is_empty());
        store.set("fnv1a64:0000000000000001", 7);
        store.save().unwrap();
        let (reopened, notice) = PositionStore::open(dir.path());
        assert_eq!(notice, None);
        assert_eq!(reopened.get("fnv1a64:0000000000000001"), Some(7));
    }
}

#[test]
fn only_the_most_recent_documents_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = PositionStore::open(dir.path());
    let hash = |i: usize| content_hash(format!("document {i}").as_bytes());
    for i in 0..CAPACITY + 10 {
        store.set(&hash(i), i);
    }
    // Reading the first one again makes it recent.
    store.set(&hash(0), 99);
    assert_eq!(store.len(), CAPACITY);
    store.save().unwrap();
    let (reopened, _) = PositionStore::open(dir.path());
    assert_eq!(reopened.len(), CAPACITY);
    assert_eq!(reopened.get(&hash(0)), Some(99));
    assert_eq!(reopened.get(&hash(CAPACITY + 9)), Some(CAPACITY + 9));
    assert_eq!(reopened.get(&hash(11)), Some(11));
    for gone in 1..=10 {
        assert_eq!(reopened.get(&hash(gone)), None, "document {gone} kept");
    }
}

#[test]
fn a_save_keeps_what_another_reader_saved_meanwhile() {
    let dir = tempfile::tempdir().unwrap();
    let (mut first, _) = PositionStore::open(dir.path());
    let (mut second, _) = PositionStore::open(dir.path());
    first.set("fnv1a64:00000000000000aa", 1);
    first.save().unwrap();
    second.set("fnv1a64:00000000000000bb", 2);
    second.save().unwrap();
    let (merged, _) = PositionStore::open(dir.path());
    assert_eq!(merged.get("fnv1a64:00000000000000aa"), Some(1));
    assert_eq!(merged.get("fnv1a64:00000000000000bb"), Some(2));
}
