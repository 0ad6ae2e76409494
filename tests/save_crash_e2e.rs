//! Crash safety of saving, through the reader's own save path: the real binary, in a pty,
//! saves a large hand-written annotation file over and over (`K` marks a key claim, `u`
//! undoes it, each a save), while another thread reads the file as fast as it can and the
//! reader is killed with SIGKILL at a random moment. Whatever anyone sees at any instant,
//! and whatever is left after the kill, must be one whole version: the file as written,
//! or with the one added claim. An in-place write (truncate, then write) shows an empty or
//! half-written file to the reading thread and after a kill; a file of 1.6 MB makes that
//! window wide enough to be seen (checked: such a write fails this test in its first round).

mod support;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use support::pty::{Options, PATIENCE, Session};

const ARTICLE: &str = "Why Towns Need Libraries\n\n\
    Libraries are the last free indoor space in most towns. They lend books, but they also \
    lend quiet, warmth and a place to be.\n\n\
    Critics say that the internet has made them obsolete. That is not what the queues at \
    the desks suggest.\n\n\
    A town that closes its library saves little and loses much. Its council should fund \
    the library first.\n";

/// The annotation file as a person wrote it: comments, one claim, and a long commented
/// reading log that makes the file 1.6 MB.
fn hand_written() -> String {
    let mut text = String::from(
        "# My notes on the library essay.\n\n\
         [[claim]]\n\
         kind = \"key\"   # the thesis\n\
         quote = \"Its council should fund the library first.\"\n\
         note = \"Thesis.\"\n\n\
         # Reading log (kept here on purpose).\n",
    );
    for line in 0..25_000 {
        text.push_str(&format!(
            "# {line:05} read again; the argument about queues still holds up well.\n"
        ));
    }
    text
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| format!("<unreadable: {e}>"))
}

fn start(article: &Path) -> Session {
    let session = Session::start(Options {
        cols: 100,
        rows: 30,
        args: &[article.to_str().unwrap(), "--no-remember"],
        ..Options::default()
    });
    session.wait_for_text("Why Towns Need Libraries");
    session
}

/// Waits until `path` holds something other than `old`, and returns it.
fn changed_from(path: &Path, old: &str) -> String {
    let start = Instant::now();
    loop {
        let now = read(path);
        if now != old {
            return now;
        }
        assert!(start.elapsed() < PATIENCE, "the reader never saved");
        thread::sleep(Duration::from_millis(20));
    }
}

/// What the watching thread saw: the first text that is neither version (a torn file),
/// and how often the file changed from one version to the other.
struct Seen {
    torn: Option<String>,
    changes: usize,
}

/// Reads `path` in a loop until told to stop.
fn watch(
    path: PathBuf,
    versions: Arc<[String; 2]>,
    stop: Arc<AtomicBool>,
) -> thread::JoinHandle<Seen> {
    thread::spawn(move || {
        let mut seen = Seen {
            torn: None,
            changes: 0,
        };
        let mut last = None;
        while !stop.load(Ordering::SeqCst) {
            // A missing file (between a removal and a rename) would be a torn save too.
            let text = read(&path);
            match versions.iter().position(|v| *v == text) {
                Some(version) => {
                    seen.changes += usize::from(last.is_some_and(|l| l != version));
                    last = Some(version);
                }
                None => {
                    seen.torn = Some(text);
                    break;
                }
            }
        }
        seen
    })
}

/// A short description of a text that is not a version: its length and its end.
fn describe(text: &str, versions: &[String; 2]) -> String {
    let tail: String = text
        .chars()
        .rev()
        .take(60)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    format!(
        "{} bytes (versions: {} and {}), ending {tail:?}",
        text.len(),
        versions[0].len(),
        versions[1].len()
    )
}

#[test]
fn killing_the_reader_while_it_saves_never_leaves_a_torn_file() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("essay.txt");
    let claims = dir.path().join("essay.claims.toml");
    let backup = dir.path().join("essay.claims.toml~");
    std::fs::write(&article, ARTICLE).unwrap();
    let written = hand_written();
    assert!(written.len() > 3 << 19);
    std::fs::write(&claims, &written).unwrap();

    // The two versions the reader writes: with the sentence marked, and back as written.
    let mut session = start(&article);
    session.send(")");
    session.send("K");
    let marked = changed_from(&claims, &written);
    assert!(
        marked.starts_with("# My notes on the library essay."),
        "comments kept"
    );
    session.send("u");
    assert_eq!(
        changed_from(&claims, &marked),
        written,
        "K then u writes the file back"
    );
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    let versions = Arc::new([written, marked]);

    // A small xorshift generator: random enough for kill times, no dependency.
    let mut seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let mut changes = 0;
    for round in 0..12 {
        let mut session = start(&article);
        let stop = Arc::new(AtomicBool::new(false));
        let watcher = watch(claims.clone(), Arc::clone(&versions), Arc::clone(&stop));
        session.send(")");
        // Saves back to back, then a kill somewhere among the next ones.
        let saves = Instant::now();
        let kill_after = Duration::from_millis(400 + next() % 1200);
        while saves.elapsed() < kill_after {
            session.send("Ku");
            thread::sleep(Duration::from_millis(next() % 40));
        }
        // SAFETY: kill on the pid of our own child.
        unsafe { libc::kill(session.pid() as i32, libc::SIGKILL) };
        session.wait_exit();
        stop.store(true, Ordering::SeqCst);
        let seen = watcher.join().unwrap();
        changes += seen.changes;
        if let Some(torn) = seen.torn {
            panic!(
                "round {round}: a reader of the file saw {}",
                describe(&torn, &versions)
            );
        }
        let left = read(&claims);
        assert!(
            versions.contains(&left),
            "round {round}: after the kill the file is {}",
            describe(&left, &versions)
        );
        let kept = read(&backup);
        assert!(
            versions.contains(&kept),
            "round {round}: the backup is {}",
            describe(&kept, &versions)
        );
    }
    // The reader did save meanwhile, so the watching tested something.
    assert!(changes >= 1, "no save seen");
    eprintln!("12 kills; {changes} saves seen by the watching thread");
}
