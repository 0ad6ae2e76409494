//! Floods in a pseudo-terminal: thousands of keys or hundreds of resizes at once are
//! absorbed (the event loop drains every pending event before it draws), and the reader
//! still quits cleanly afterwards. No timing assertions: the harness's patience only bounds
//! a hang.

mod support;

use std::time::Duration;

use support::pty::{Options, Session};

/// How long the reader may take to work through a flood before the test calls it a hang.
const FLOOD_PATIENCE: Duration = Duration::from_secs(120);

fn started() -> Session {
    let session = Session::start(Options::default());
    session.wait_for_text("Key claims");
    session
}

#[test]
fn ten_thousand_keys_at_once_are_absorbed_and_q_still_quits() {
    let mut session = started();
    // Moves, pages, ends, focus changes, jumps and "next match": never a quit, a prompt or
    // a mark (those would swallow the keys after them).
    let keys = ['j', 'k', ' ', 'b', 'G', 'g', '\t', '\r', 'n'];
    let mut state = 12_345u32;
    let flood: String = (0..10_000)
        .map(|_| {
            state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            keys[(state >> 16) as usize % keys.len()]
        })
        .collect();
    session.send(&flood);
    session.send("q");
    // Every key is applied in turn, and in the sidebar each one re-wraps the sidebar's
    // entries (milliseconds each in a debug build): the bound on a hang is generous here.
    // Before crossterm's level-triggered reader, input past the first 1,024 bytes stayed
    // unread until another key came, and this never exited.
    assert_eq!(session.wait_exit_within(FLOOD_PATIENCE), 0);
    assert!(session.terminal_restored());
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

/// A terminal that shrinks and grows back before the reader draws has lost what it showed,
/// though its size is the one of the last frame: every resize redraws the whole screen.
#[test]
fn shrinking_and_growing_back_at_once_redraws_the_whole_screen() {
    let mut session = started();
    for _ in 0..10 {
        session.resize(1, 1);
        session.resize(100, 20);
        session.settle();
        session.wait_for_text("Key claims");
    }
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
}
