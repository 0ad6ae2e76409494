//! Loading a URL from a server that drips its page a byte a second: the whole fetch has a
//! deadline (`--timeout`), progress shows on the terminal meanwhile, and `q` or Ctrl-C
//! cancel it with one line and a non-zero status, the terminal restored.

mod support;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Command, Stdio};
use std::thread;
use std::time::Duration;

use support::pty::{Options, Session};

/// The drip's length: the whole page would take this many seconds.
const DRIP_BYTES: usize = 40;

/// Serves one connection: a page of [`DRIP_BYTES`] announced in full, then sent one byte
/// a second (until the client hangs up). Returns the URL.
fn drip_server() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    thread::spawn(move || {
        let Ok((mut stream, _)) = listener.accept() else {
            return;
        };
        read_request(&mut stream);
        let head = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {DRIP_BYTES}\r\n\r\n"
        );
        if stream.write_all(head.as_bytes()).is_err() {
            return;
        }
        for byte in b"Drip. ".iter().cycle().take(DRIP_BYTES) {
            if stream.write_all(&[*byte]).is_err() {
                return;
            }
            thread::sleep(Duration::from_secs(1));
        }
    });
    format!("http://{addr}/drip.txt")
}

fn read_request(stream: &mut TcpStream) {
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    let mut request = Vec::new();
    let mut buf = [0; 1024];
    while !request.windows(4).any(|w| w == b"\r\n\r\n") {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => request.extend_from_slice(&buf[..n]),
        }
    }
}

fn start(url: &str, timeout: &str) -> Session {
    Session::start(Options {
        args: &[url, "--timeout", timeout],
        ..Options::default()
    })
}

#[test]
fn a_dripping_server_is_cut_off_at_the_deadline() {
    let url = drip_server();
    let mut session = start(&url, "3");
    // Progress while it loads: the bytes so far and the deadline.
    session.wait_for_text("of 40 bytes");
    session.wait_for_text("s of 3");
    assert_eq!(session.wait_exit(), 1);
    let output = String::from_utf8_lossy(&session.output()).into_owned();
    assert!(
        output.contains(&format!("{url}: timed out: not loaded within 3 s")),
        "{output:?}"
    );
    assert!(session.cooked_mode(), "the terminal is back in cooked mode");
    // The progress line is erased: the message is the one line left on screen.
    let rows: Vec<String> = session
        .rows()
        .into_iter()
        .filter(|r| !r.trim().is_empty())
        .collect();
    assert_eq!(rows.len(), 1, "{rows:?}");
}

#[test]
fn q_cancels_a_slow_load() {
    let url = drip_server();
    let mut session = start(&url, "600");
    session.wait_for_text("q cancels");
    session.send("q");
    // Far sooner than the drip's 40 s or the 600 s deadline (a bound on a hang).
    assert_eq!(session.wait_exit_within(Duration::from_secs(10)), 1);
    let output = String::from_utf8_lossy(&session.output()).into_owned();
    assert!(
        output.contains(&format!("{url}: loading cancelled")),
        "{output:?}"
    );
    assert!(session.cooked_mode());
}

#[test]
fn ctrl_c_interrupts_a_slow_load() {
    let url = drip_server();
    let mut session = start(&url, "600");
    session.wait_for_text("q cancels");
    session.send("\x03");
    assert_eq!(session.wait_exit_within(Duration::from_secs(10)), 130);
    let output = String::from_utf8_lossy(&session.output()).into_owned();
    assert!(output.contains("loading cancelled"), "{output:?}");
    assert!(session.cooked_mode());
}

/// Without a terminal (`outline`), the deadline holds too.
#[test]
fn outline_gives_up_on_a_dripping_server_at_the_deadline() {
    let url = drip_server();
    let output = Command::new(env!("CARGO_BIN_EXE_counterpoint"))
        .args(["outline", &url, "--timeout", "2"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert_eq!(
        stderr.trim(),
        format!("counterpoint: {url}: timed out: not loaded within 2 s (--timeout 2)")
    );
}

/// A signal that ends the process while a URL loads restores the terminal first.
#[test]
fn sigterm_during_a_slow_load_restores_the_terminal() {
    let url = drip_server();
    let mut session = start(&url, "600");
    session.wait_for_text("q cancels");
    // SAFETY: kill on the pid of our own child.
    unsafe { libc::kill(session.pid() as i32, libc::SIGTERM) };
    assert_eq!(session.wait_exit_within(Duration::from_secs(10)), 128 + 15);
    assert!(session.cooked_mode());
    let output = String::from_utf8_lossy(&session.output()).into_owned();
    assert!(output.contains("loading cancelled"), "{output:?}");
}
