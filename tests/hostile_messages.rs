//! Hostile text in messages: an error or warning that quotes a user's file (an annotation
//! quote, a kind or field name, a map statement, a config value, a path) never carries an
//! escape sequence or control character to the terminal, in the reader, `outline` or
//! `eval`.

mod support;

use std::path::Path;
use std::process::{Command, Output, Stdio};

use support::pty::{Options, Session};

const BINARY: &str = env!("CARGO_BIN_EXE_counterpoint");

/// An OSC 52 clipboard write and an OSC 0 title, as TOML escapes (TOML strings cannot hold
/// a raw ESC).
const HOSTILE_TOML: &str =
    r"\u001b]52;c;ZXZpbA==\u0007 and \u001b]0;PWNED\u0007 and \u009d2;PWNED\u009c";
/// The same, raw, for formats that take any bytes.
const HOSTILE_RAW: &str = "\x1b]52;c;ZXZpbA==\x07 and \x1b]0;PWNED\x07 and \u{9d}2;PWNED\u{9c}";

fn run(args: &[&str]) -> Output {
    Command::new(BINARY)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .env_remove("NO_COLOR")
        .output()
        .expect("run counterpoint")
}

/// No ESC, BEL or other C0 control but line ends (a pty turns LF into CR LF), no C1 control, and not the
/// sequences' payloads either (they are removed whole, as in a document).
fn assert_printable(bytes: &[u8], context: &str) {
    let text = String::from_utf8_lossy(bytes);
    let control = text.chars().find(|&c| {
        c.is_control() && !matches!(c, '\n' | '\r')
            || counterpoint::source::sanitize::is_invisible(c)
    });
    assert!(control.is_none(), "{context}: {control:?} in {text:?}");
    assert!(!text.contains("PWNED"), "{context}: payload in {text:?}");
    assert!(!text.contains("ZXZpbA"), "{context}: payload in {text:?}");
}

/// The command failed with one printable line on stderr containing `needle`.
fn assert_one_printable_error(output: &Output, needle: &str, context: &str) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "{context}: exited 0");
    assert_eq!(stderr.lines().count(), 1, "{context}: {stderr:?}");
    assert!(
        stderr.contains(needle),
        "{context}: {needle:?} not in {stderr:?}"
    );
    assert_printable(&output.stderr, context);
}

/// An article and its annotation file, whose quote is not in the article.
fn article_with_claims(dir: &Path, claims: &str) -> String {
    let article = dir.join("essay.txt");
    std::fs::write(
        &article,
        "A Title\n\nSome text that says a thing. Another sentence follows it here.\n",
    )
    .unwrap();
    std::fs::write(dir.join("essay.claims.toml"), claims).unwrap();
    article.display().to_string()
}

fn quote_not_found() -> String {
    format!("[[claim]]\nkind = \"key\"\nquote = \"Not in the article {HOSTILE_TOML} at all\"\n")
}

#[test]
fn a_quote_not_found_prints_no_escape_in_outline_and_eval() {
    let dir = tempfile::tempdir().unwrap();
    let article = article_with_claims(dir.path(), &quote_not_found());
    let output = run(&["outline", &article]);
    assert_one_printable_error(&output, "quote not found", "outline");
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("Not in the article"),
        "the quote is still named"
    );
    assert_one_printable_error(&run(&["eval", &article]), "quote not found", "eval");
}

#[test]
fn a_quote_not_found_prints_no_escape_in_the_reader() {
    let dir = tempfile::tempdir().unwrap();
    let article = article_with_claims(dir.path(), &quote_not_found());
    let mut session = Session::start(Options {
        args: &[&article],
        ..Options::default()
    });
    assert_ne!(session.wait_exit(), 0);
    let output = session.output();
    assert!(
        String::from_utf8_lossy(&output).contains("quote not found"),
        "{output:?}"
    );
    // The reader failed before drawing, so the terminal got the message and nothing else.
    assert_printable(&output, "reader");
}

#[test]
fn unknown_kinds_and_fields_print_no_escape() {
    let dir = tempfile::tempdir().unwrap();
    for (claims, needle) in [
        (
            format!("[[claim]]\nkind = \"{HOSTILE_TOML}\"\nquote = \"Some text\"\n"),
            "unknown variant",
        ),
        (
            format!("[[claim]]\nkind = \"key\"\nquote = \"Some text\"\n\"{HOSTILE_TOML}\" = 1\n"),
            "unknown field",
        ),
    ] {
        let article = article_with_claims(dir.path(), &claims);
        assert_one_printable_error(&run(&["outline", &article]), needle, needle);
    }
}

#[test]
fn unplaced_map_statements_print_no_escape() {
    let dir = tempfile::tempdir().unwrap();
    let article = article_with_claims(dir.path(), "");
    let map = dir.path().join("map.argdown");
    std::fs::write(
        &map,
        format!("[Thesis]: Nothing like this is in the article {HOSTILE_RAW} at all.\n"),
    )
    .unwrap();
    let output = run(&["outline", &article, "--map", map.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("not found in the article"), "{stderr:?}");
    assert_printable(&output.stderr, "--map");
}

#[test]
fn config_values_and_paths_print_no_escape() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, format!("theme = \"{HOSTILE_TOML}\"\n")).unwrap();
    let output = run(&["--print-config", "--config", config.to_str().unwrap()]);
    assert_one_printable_error(&output, "config.toml", "config value");

    let article = article_with_claims(dir.path(), "");
    let claims = dir.path().join(format!("missing{HOSTILE_RAW}.toml"));
    let output = run(&["outline", &article, "--claims", claims.to_str().unwrap()]);
    assert_one_printable_error(&output, "no such file", "path");
}

/// clap's errors quote the arguments; on a terminal (where clap colours its messages) an
/// argument's escape sequences used to reach it raw.
#[test]
fn bad_arguments_print_no_escape_on_a_terminal() {
    for (args, needle) in [
        (&["--input-format", HOSTILE_RAW][..], "invalid value"),
        (&["--max-size", HOSTILE_RAW][..], "invalid value"),
        (&["--timeout", HOSTILE_RAW][..], "invalid value"),
        (&["--\x1b]0;PWNED\x07"][..], "unexpected argument"),
        (&["outline", "--format", HOSTILE_RAW][..], "invalid value"),
    ] {
        let mut session = Session::start(Options {
            args,
            ..Options::default()
        });
        assert_eq!(session.wait_exit(), 2, "{args:?}");
        let output = session.output();
        let text = String::from_utf8_lossy(&output);
        assert!(text.contains(needle), "{args:?}: {text:?}");
        assert_printable(&output, needle);
    }
}
