//! Floods in a pseudo-terminal: thousands of keys or hundreds of resizes at once are
//! absorbed (the event loop drains every pending event before it draws), and the reader
//! still quits cleanly afterwards. No timing assertions: the harness's patience only bounds
//! a hang.

mod support;

use support::pty::{Options, Session};

fn started() -> Session {
    let session = Session::start(Options::default());
    session.wait_for_text("Key claims");
    session
}

#[test]
fn a_storm_of_200_resizes_then_q_exits_cleanly() {
    let mut session = started();
    let sizes = [
        (30, 6),
        (100, 20),
        (10, 3),
        (160, 50),
        (1, 1),
        (80, 24),
        (59, 10),
    ];
    for i in 0..200 {
        let (cols, rows) = sizes[i % sizes.len()];
        session.resize(cols, rows);
    }
    session.resize(100, 20);
    session.settle();
    // The last size is drawn in full: the sidebar is back beside the text.
    session.wait_for_text("Key claims");
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    assert!(session.terminal_restored());
}
