//! Every way out of the reader restores the terminal and exits with the conventional status.

mod support;

use support::pty::{Options, Session};

fn started() -> Session {
    let session = Session::start(Options::default());
    session.wait_for_text("Key claims");
    session
}

fn signal(session: &Session, signal: i32) {
    // SAFETY: sending a signal to our own child process.
    let result = unsafe { libc::kill(session.pid() as i32, signal) };
    assert_eq!(result, 0);
}

#[test]
fn q_quits_with_status_0() {
    let mut session = started();
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    assert!(session.terminal_restored());
}

#[test]
fn ctrl_c_quits_with_status_130() {
    let mut session = started();
    session.send("\x03");
    assert_eq!(session.wait_exit(), 130);
    assert!(session.terminal_restored());
}

#[test]
fn sigterm_sighup_and_sigint_restore_the_terminal() {
    for (number, status) in [
        (libc::SIGTERM, 143),
        (libc::SIGHUP, 129),
        (libc::SIGINT, 130),
    ] {
        let mut session = started();
        signal(&session, number);
        assert_eq!(session.wait_exit(), status, "signal {number}");
        assert!(session.terminal_restored(), "signal {number}");
    }
}
