//! Inputs through the real binary: bad input is one line and a non-zero exit; stdin and
//! URLs give the same outline as files; hostile text never reaches the terminal.

mod support;

use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::thread;

use support::pty::{Options, Session};

const BINARY: &str = env!("CARGO_BIN_EXE_counterpoint");
const ARTICLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/cybersecurity-dialogue.txt"
);

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(BINARY)
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run counterpoint");
    if let Some(bytes) = stdin {
        child.stdin.take().unwrap().write_all(bytes).unwrap();
    }
    child.wait_with_output().unwrap()
}

/// The command failed with exactly one line on stderr containing every `needle`.
fn assert_one_line_error(output: &Output, needles: &[&str]) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "exited 0; stderr: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "stderr: {stderr:?}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    for needle in needles {
        assert!(stderr.contains(needle), "{needle:?} not in {stderr:?}");
    }
}

#[test]
fn bad_inputs_are_one_clear_line_and_a_non_zero_exit() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.txt");
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let blank = dir.path().join("blank.md");
    std::fs::write(&blank, "\n\n   \n").unwrap();
    let big = dir.path().join("big.txt");
    std::fs::write(&big, "word ".repeat(1000)).unwrap();
    let article = dir.path().join("essay.txt");
    std::fs::write(&article, "A Title\n\nSome text that says a thing.\n").unwrap();
    std::fs::write(
        dir.path().join("essay.claims.toml"),
        "[[claim]]\nkind = key\n",
    )
    .unwrap();

    let path = |p: &Path| p.display().to_string();
    let cases: Vec<(Vec<String>, Vec<String>)> = vec![
        (
            vec![path(&missing)],
            vec![path(&missing), "no such file".into()],
        ),
        (vec![path(dir.path())], vec!["is a directory".into()]),
        (
            vec!["/bin/ls".into()],
            vec!["/bin/ls".into(), "looks like a binary file".into()],
        ),
        (
            vec![path(&empty)],
            vec!["nothing to read in".into(), path(&empty)],
        ),
        (vec![path(&blank)], vec!["nothing to read in".into()]),
        (
            vec![path(&big), "--max-size".into(), "1K".into()],
            vec![path(&big), "--max-size".into()],
        ),
        (
            vec![path(&article)],
            vec!["essay.claims.toml".into(), "line 2".into()],
        ),
        (
            vec![path(&article), "--encoding".into(), "klingon".into()],
            vec!["klingon".into()],
        ),
    ];
    for (args, needles) in cases {
        let mut full = vec!["outline".to_string()];
        full.extend(args);
        let full: Vec<&str> = full.iter().map(String::as_str).collect();
        let needles: Vec<&str> = needles.iter().map(String::as_str).collect();
        assert_one_line_error(&run(&full, None), &needles);
    }
}

/// `/dev/zero` with a 1 GiB limit is refused from its first block: run with less address
/// space than reading it to the limit takes, so reading it whole fails the test instead of
/// passing slowly.
#[test]
fn an_endless_binary_device_is_refused_from_its_first_block() {
    use std::os::unix::process::CommandExt;
    for from_stdin in [false, true] {
        let mut command = Command::new(BINARY);
        command
            .args(["outline", if from_stdin { "-" } else { "/dev/zero" }])
            .args(["--max-size", "1G"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        if from_stdin {
            command.stdin(std::fs::File::open("/dev/zero").unwrap());
        } else {
            command.stdin(Stdio::null());
        }
        // SAFETY: only setrlimit, which is async-signal-safe, runs between fork and exec.
        unsafe {
            command.pre_exec(|| {
                let limit = libc::rlimit {
                    rlim_cur: 1 << 30,
                    rlim_max: 1 << 30,
                };
                libc::setrlimit(libc::RLIMIT_AS, &limit);
                Ok(())
            });
        }
        let output = command.output().unwrap();
        assert_one_line_error(&output, &["looks like a binary file"]);
    }
}

#[test]
fn the_reader_refuses_to_draw_into_a_pipe() {
    let output = run(&[], None);
    assert_one_line_error(&output, &["not a terminal", "counterpoint outline"]);
    assert!(output.stdout.is_empty());
}

#[test]
fn stdin_gives_the_same_outline_as_the_file() {
    let bytes = std::fs::read(ARTICLE).unwrap();
    let from_stdin = run(&["outline", "-", "--detect"], Some(&bytes));
    let from_file = run(&["outline", ARTICLE, "--detect"], None);
    assert!(from_stdin.status.success() && from_file.status.success());
    assert_eq!(from_stdin.stdout, from_file.stdout);
    let json: serde_json::Value = serde_json::from_slice(&from_stdin.stdout).unwrap();
    assert_eq!(json["paragraphs"].as_array().unwrap().len(), 7);
}

#[test]
fn piped_stdin_opens_in_the_reader_with_keys_from_the_terminal() {
    let mut session = Session::start(Options {
        stdin_file: Some(Path::new(ARTICLE)),
        ..Options::default()
    });
    session.wait_for_text("Dialogue Is Better");
    session.wait_for_text("stdin");
    session.send_and_settle("G");
    session.wait_for_text("100%");
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    assert!(session.terminal_restored());
}

/// Serves `body` with `status` and `content_type` to every request, on 127.0.0.1.
fn serve(status: &'static str, content_type: &'static str, body: Vec<u8>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    thread::spawn(move || {
        for stream in listener.incoming().take(8) {
            let Ok(mut stream) = stream else { break };
            let mut request = [0u8; 4096];
            let _ = stream.read(&mut request);
            let head = format!(
                "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(&body);
        }
    });
    format!("http://{address}")
}

#[test]
fn a_url_gives_the_same_outline_as_the_file_and_failures_are_one_line() {
    let html = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/formats/article.html"
    );
    let base = serve(
        "200 OK",
        "text/html; charset=utf-8",
        std::fs::read(html).unwrap(),
    );
    let from_url = run(
        &["outline", &format!("{base}/article.html"), "--detect"],
        None,
    );
    let from_file = run(&["outline", html, "--detect"], None);
    assert!(
        from_url.status.success(),
        "{}",
        String::from_utf8_lossy(&from_url.stderr)
    );
    assert_eq!(from_url.stdout, from_file.stdout);

    let missing = serve("404 Not Found", "text/html", b"gone".to_vec());
    assert_one_line_error(
        &run(&["outline", &format!("{missing}/x.html")], None),
        &["404"],
    );

    let refused = {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let address = listener.local_addr().unwrap();
        drop(listener);
        format!("http://{address}/page.html")
    };
    assert_one_line_error(&run(&["outline", &refused], None), &["connection refused"]);

    let silent = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = silent.local_addr().unwrap();
    let holder = thread::spawn(move || {
        // Accept and say nothing until the client gives up.
        let connection = silent.accept();
        thread::sleep(std::time::Duration::from_secs(3));
        drop(connection);
    });
    let url = format!("http://{address}/slow.html");
    assert_one_line_error(
        &run(&["outline", &url, "--timeout", "1"], None),
        &["timed out"],
    );
    holder.join().unwrap();
}

#[test]
fn a_zero_timeout_is_refused_and_a_huge_one_does_not_panic() {
    let base = serve(
        "200 OK",
        "text/plain; charset=utf-8",
        b"A Title\n\nSome text that says a thing.\n".to_vec(),
    );
    let url = format!("{base}/a.txt");
    let zero = run(&["outline", &url, "--timeout", "0"], None);
    let stderr = String::from_utf8_lossy(&zero.stderr);
    assert!(!zero.status.success());
    assert!(
        stderr.contains("--timeout") && stderr.contains("at least 1"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");

    let huge = run(
        &["outline", &url, "--timeout", "18446744073709551615"],
        None,
    );
    let stderr = String::from_utf8_lossy(&huge.stderr);
    assert!(huge.status.success(), "{stderr}");
    assert!(String::from_utf8_lossy(&huge.stdout).contains("Some text"));
}

/// Fails on anything in the terminal stream that the reader's own drawing never sends:
/// OSC and DCS strings, C1 controls, and C0 controls other than BS, TAB, LF and CR.
#[derive(Default)]
struct StreamAudit {
    problems: Vec<String>,
}

impl vte::Perform for StreamAudit {
    fn print(&mut self, c: char) {
        if c.is_control() {
            self.problems
                .push(format!("printed control U+{:04X}", c as u32));
        }
    }
    fn execute(&mut self, byte: u8) {
        if ![0x08, 0x09, 0x0a, 0x0d].contains(&byte) {
            self.problems.push(format!("executed control 0x{byte:02x}"));
        }
    }
    fn hook(&mut self, _: &vte::Params, _: &[u8], _: bool, action: char) {
        self.problems.push(format!("DCS {action}"));
    }
    fn osc_dispatch(&mut self, params: &[&[u8]], _: bool) {
        let first = params
            .first()
            .map(|p| String::from_utf8_lossy(p).into_owned());
        self.problems.push(format!("OSC {first:?}"));
    }
}

#[test]
fn hostile_text_never_reaches_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hostile.txt");
    let text = "Hostile Paste\n\n\
        Pasted output with \x1b[31mred\x1b[0m words, a clipboard grab \x1b]52;c;ZXZpbA==\x07 and more ordinary words to read here.\n\n\
        A title change \x1b]0;PWNED-TITLE\x07 and \x1b]2;PWNED-TWO\x1b\\ and a link \x1b]8;;http://evil.example/\x1b\\click\x1b]8;;\x1b\\ in the middle of this sentence.\n\n\
        Cursor moves \x1b[2J\x1b[H\x1b[10;10H and a DCS \x1bPq#0;2;0;0;0#1~~\x1b\\ and C1 \u{9b}31m CSI and \u{9d}0;C1-TITLE\u{9c} OSC and bidi \u{202e}reversed\u{202c} and zero\u{200b}width text.\n";
    std::fs::write(&path, text).unwrap();
    let mut session = Session::start(Options {
        cols: 120,
        rows: 30,
        args: &[path.to_str().unwrap()],
        ..Options::default()
    });
    session.wait_for_text("Hostile Paste");
    session.wait_for_text("removed");
    let screen = session.screen_text();
    for remnant in [
        "]52;", "[31m", "31m", "PWNED", "C1-TITLE", "]8;;", "#0;2", "[2J",
    ] {
        assert!(
            !screen.contains(remnant),
            "{remnant:?} on screen:\n{screen}"
        );
    }
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    let output = session.output();
    let mut audit = StreamAudit::default();
    vte::Parser::new().advance(&mut audit, &output);
    assert!(audit.problems.is_empty(), "{:?}", audit.problems);
    let raw = String::from_utf8_lossy(&output);
    assert!(!raw.contains("PWNED") && !raw.contains("evil.example"));
}

#[test]
fn a_dumb_or_unknown_terminal_is_refused_with_a_hint() {
    for (env, unset) in [
        (&[("TERM", "dumb")][..], &[][..]),
        (&[][..], &["TERM"][..]),
        (&[("TERM", "")][..], &[][..]),
    ] {
        let mut session = Session::start(Options {
            env,
            unset,
            ..Options::default()
        });
        assert_eq!(session.wait_exit(), 1, "{env:?} {unset:?}");
        let output = String::from_utf8_lossy(&session.output()).into_owned();
        assert!(output.contains("counterpoint outline"), "{output:?}");
        assert!(output.contains("TERM"), "{output:?}");
        assert!(!output.contains('\x1b'), "nothing drawn: {output:?}");
    }
}

/// An annotation that names no place says which part of it failed, in one line.
#[test]
fn annotation_errors_name_the_failing_part_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("essay.txt");
    std::fs::write(
        &article,
        "A Title\n\nCats are better than dogs.\n\nSome say dogs are loyal. That is not the point.\n",
    )
    .unwrap();
    let claims = dir.path().join("essay.claims.toml");
    let article = article.to_str().unwrap();
    for (selector, needles) in [
        (
            "quote = \"dogs are loyal\"\nprefix = \"Nobody says\"\n",
            &["prefix \"Nobody says\" does not match", "dogs are loyal"][..],
        ),
        (
            "quote = \"dogs are loyal\"\nsuffix = \"and obedient\"\n",
            &["suffix \"and obedient\" does not match"][..],
        ),
        (
            "quote = \"\"\"than dogs.\n\n   Some say\"\"\"\n",
            &["spans paragraphs ¶1–¶2", "\"than dogs. Some say\""][..],
        ),
    ] {
        std::fs::write(&claims, format!("[[claim]]\nkind = \"key\"\n{selector}")).unwrap();
        assert_one_line_error(&run(&["outline", article], None), needles);
    }
}

/// One sentence quoted as both a key claim and a counterclaim with the same text is
/// accepted, with a warning; quoting different clauses of it is not warned about.
#[test]
fn the_same_text_as_key_and_counter_is_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("essay.txt");
    std::fs::write(
        &article,
        "A Title\n\nAlthough critics say taxes hurt, they help the town.\n",
    )
    .unwrap();
    let claims = dir.path().join("essay.claims.toml");
    let article = article.to_str().unwrap();
    let entry =
        |kind: &str, quote: &str| format!("[[claim]]\nkind = \"{kind}\"\nquote = \"{quote}\"\n");

    std::fs::write(
        &claims,
        entry("key", "they help the town.") + &entry("counter", "they help the town."),
    )
    .unwrap();
    let output = run(&["outline", article], None);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr:?}");
    assert!(
        stderr.contains("warning") && stderr.contains("claims 1 and 2"),
        "{stderr:?}"
    );

    std::fs::write(
        &claims,
        entry("key", "they help the town.") + &entry("counter", "critics say taxes hurt"),
    )
    .unwrap();
    let output = run(&["outline", article], None);
    assert!(output.status.success());
    assert!(
        output.stderr.is_empty(),
        "{:?}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// UTF-16 without a byte-order mark (as some Windows tools write it) is read, not refused
/// as binary, in either byte order.
#[test]
fn utf16_without_a_bom_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let text = "A Title\n\nSome text that says a thing, with an accent: café.\n";
    for (name, bytes) in [
        (
            "le.txt",
            text.encode_utf16()
                .flat_map(u16::to_le_bytes)
                .collect::<Vec<u8>>(),
        ),
        (
            "be.txt",
            text.encode_utf16().flat_map(u16::to_be_bytes).collect(),
        ),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let output = run(&["outline", path.to_str().unwrap(), "--detect"], None);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{name}: {stderr}");
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(stdout.contains("with an accent: café."), "{name}: {stdout}");
    }
}
