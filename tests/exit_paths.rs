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

/// The handlers are installed before the terminal is set up, the thread that forwards
/// signals only after the first frame: a signal in between still ends the reader.
#[test]
fn sigterm_as_soon_as_the_terminal_is_set_up_restores_it() {
    let mut session = Session::start(Options::default());
    session.wait_for("the alternate screen", |screen| screen.alternate_screen());
    signal(&session, libc::SIGTERM);
    assert_eq!(session.wait_exit(), 143);
    assert!(session.terminal_restored());
}

#[test]
fn a_panic_exits_with_status_101_and_restores_the_terminal() {
    let mut session = Session::start(Options {
        env: &[("COUNTERPOINT_TEST_PANIC", "after-first-frame")],
        ..Options::default()
    });
    assert_eq!(session.wait_exit(), 101);
    assert!(session.terminal_restored(), "{:?}", session.output());
    let output = String::from_utf8_lossy(&session.output()).into_owned();
    // The hook restores the terminal before the message, so the message is on the main
    // screen where the user can read it.
    let left = output
        .rfind("\x1b[?1049l")
        .expect("left the alternate screen");
    let message = output.find("panic injected").expect("the panic message");
    assert!(left < message, "{output:?}");
}

#[test]
fn a_closed_terminal_ends_the_reader_with_status_129() {
    let mut session = started();
    session.close_master();
    // SIGHUP from the kernel (or the read error that follows): 128 + 1, as a shell reports
    // a hung-up program.
    assert_eq!(session.wait_exit(), 129);
}
