//! End to end, in a pseudo-terminal: two articles read together (`counterpoint A B`), a
//! jump across a link to the other article and Ctrl-O back.

mod support;

use std::path::{Path, PathBuf};

use support::pty::{Options, Session};

const OWN: &str = "tests/pairs/own";
const OPED: &str = "congestion-charge-oped";
const REPLY: &str = "congestion-charge-reply";

/// The own answering pair, copied (with its annotations) into a folder of its own, so the
/// link file a test writes lands there.
fn copy_pair(dir: &Path) -> (PathBuf, PathBuf) {
    for stem in [OPED, REPLY] {
        for ext in ["txt", "claims.toml"] {
            let name = format!("{stem}.{ext}");
            std::fs::copy(Path::new(OWN).join(&name), dir.join(&name)).unwrap();
        }
    }
    (
        dir.join(format!("{OPED}.txt")),
        dir.join(format!("{REPLY}.txt")),
    )
}

fn start(cols: u16, rows: u16, a: &Path, b: &Path) -> Session {
    let args = [a.to_str().unwrap(), b.to_str().unwrap()];
    let session = Session::start(Options {
        cols,
        rows,
        args: &args,
        ..Options::default()
    });
    session.wait_for_analysis();
    // The links arrive after both analyses.
    session.wait_for_text("↔");
    session
}

fn status(session: &Session) -> String {
    session.rows().last().cloned().unwrap_or_default()
}

#[test]
fn both_articles_show_side_by_side_on_a_wide_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = copy_pair(dir.path());
    let mut session = start(200, 50, &a, &b);
    let first = session.rows()[0].clone();
    assert!(
        first.contains("Charge Drivers to Enter Downtown"),
        "{first}"
    );
    assert!(
        first.contains("A Congestion Charge Would Punish"),
        "{first}"
    );
    assert!(status(&session).contains("A: congestion-charge-oped.txt"));
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    assert!(session.terminal_restored());
}

#[test]
fn f_jumps_across_a_link_to_the_other_article_and_ctrl_o_comes_back() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = copy_pair(dir.path());
    let mut session = start(80, 24, &a, &b);
    // One article at a time, the key that switches named in the status line.
    let line = status(&session);
    assert!(line.contains("A: congestion-charge-oped.txt"), "{line}");
    assert!(line.contains("Ctrl-w article B"), "{line}");
    // The fifth key claim of A: "A charge that speeds up their buses is a gift ...".
    session.send_and_settle("\t");
    session.send_and_settle("jjjj");
    session.wait_for_text("answered in B ¶4");
    session.send_and_settle("f");
    session.wait_for_text("B: congestion-charge-reply.txt");
    let line = status(&session);
    assert!(line.contains("B: congestion-charge-reply.txt"), "{line}");
    // The linked paragraph of B is on screen (at the top, unless the end of the article
    // comes first), its sentence highlighted and the next one not.
    session.wait_for_text("¶4 Most troubling");
    let background = |words: &str| {
        let rows = session.rows();
        session.with_screen(|screen| {
            let (row, line) = rows
                .iter()
                .enumerate()
                .find(|(_, r)| r.contains(words))
                .unwrap_or_else(|| panic!("{words} not on screen"));
            let col = line[..line.find(words).unwrap()].chars().count() as u16;
            screen.cell(row as u16, col).unwrap().bgcolor()
        })
    };
    assert_ne!(background("Most troubling"), background("night-shift"));
    // Ctrl-O: back in A, where the jump started.
    session.send_and_settle("\x0f");
    session.wait_for_text("back in article A");
    let line = status(&session);
    assert!(line.contains("A: congestion-charge-oped.txt"), "{line}");
    assert!(session.screen_text().contains("back in article A"));
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
}
