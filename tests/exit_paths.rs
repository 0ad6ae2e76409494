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

/// SIGQUIT, SIGUSR1 and SIGALRM end the reader too (their default action), and the
/// terminal is restored first.
#[test]
fn sigquit_sigusr1_and_sigalrm_restore_the_terminal() {
    for number in [libc::SIGQUIT, libc::SIGUSR1, libc::SIGALRM] {
        let mut session = started();
        signal(&session, number);
        assert_eq!(session.wait_exit(), 128 + number as u32, "signal {number}");
        assert!(session.terminal_restored(), "signal {number}");
    }
}

/// A script run by bash with job control on (`set -m`), as an interactive shell runs a
/// command: the reader is a foreground job in its own process group. When the job stops,
/// the script says so and waits for a line; then `fg` continues the job in the foreground.
const JOB_CONTROL_SCRIPT: &str = r#"set -m
"$0" "$@"
echo "stopped with $?"
read -r line
fg
echo "exited with $?"
"#;

fn started_under_job_control() -> Session {
    let article = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/cybersecurity-dialogue.txt"
    );
    let session = Session::start(Options {
        program: Some("bash"),
        args: &[
            "-c",
            JOB_CONTROL_SCRIPT,
            env!("CARGO_BIN_EXE_counterpoint"),
            article,
        ],
        ..Options::default()
    });
    session.wait_for_text("Key claims");
    session
}

/// The reader's process: the child of the shell the session started.
fn reader_pid(shell: u32) -> i32 {
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        // "pid (name) state ppid ...": the name may hold spaces, so split after it.
        let Some((_, rest)) = stat.rsplit_once(')') else {
            continue;
        };
        let fields: Vec<&str> = rest.split_whitespace().collect();
        if fields.get(1) == Some(&shell.to_string().as_str()) {
            return entry.file_name().to_str().unwrap().parse().unwrap();
        }
    }
    panic!("no child of {shell}");
}

/// Suspended (the shell got the terminal back, as it was), then `fg`: the reader takes the
/// terminal over again and draws its screen, then quits normally.
fn suspended_and_resumed(mut session: Session) {
    session.wait_for_text("stopped with 148");
    assert!(session.terminal_restored(), "restored while stopped");
    session.send("\r"); // the line the script waits for: then it runs `fg`
    session.wait_for("the reader again", |screen| {
        screen.alternate_screen() && screen.contents().contains("Key claims")
    });
    session.settle();
    assert!(!session.cooked_mode(), "raw mode again after fg");
    session.send_and_settle("G");
    session.wait_for_text("100%");
    session.send("q");
    session.wait_for_text("exited with 0");
    assert_eq!(session.wait_exit(), 0);
    assert!(session.terminal_restored());
}

#[test]
fn ctrl_z_suspends_and_fg_redraws_in_raw_mode() {
    let mut session = started_under_job_control();
    session.send("\x1a");
    suspended_and_resumed(session);
}

#[test]
fn sigtstp_suspends_and_fg_redraws_in_raw_mode() {
    let session = started_under_job_control();
    let reader = reader_pid(session.pid());
    // SAFETY: sending a signal to the reader, a process this test started.
    assert_eq!(unsafe { libc::kill(reader, libc::SIGTSTP) }, 0);
    suspended_and_resumed(session);
}
