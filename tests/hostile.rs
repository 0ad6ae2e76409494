//! Hostile text: whatever a document holds, no control character or escape sequence
//! reaches the screen or standard error, and the status line says how many were removed.
//! The loaders are checked directly; the real binary (the reader in a pty with its
//! standard error kept apart, and `outline`) is checked on both of its output streams.

mod support;

use std::path::Path;
use std::process::{Command, Stdio};

use counterpoint::document::Document;
use counterpoint::source::{self, Format, LoadOptions, Loaded};
use support::pty::{Options, Session};

fn load(text: &str, name: &str) -> Loaded {
    source::load_bytes(text.as_bytes(), name, &LoadOptions::default()).expect("loads")
}

/// Every string a document shows: body, headings, metadata, notes, link targets.
fn shown(doc: &Document) -> Vec<String> {
    let meta = &doc.meta;
    let mut all: Vec<String> = vec![doc.text().to_string()];
    all.extend(doc.sections.iter().map(|s| s.title.clone()));
    all.extend(
        [&meta.title, &meta.dek, &meta.byline, &meta.date]
            .into_iter()
            .flatten()
            .cloned(),
    );
    all.extend(doc.notes.iter().cloned());
    all.extend(doc.links.iter().map(|l| l.target.clone()));
    all
}

fn assert_clean(doc: &Document) {
    for text in shown(doc) {
        if let Some(c) = text
            .chars()
            .find(|&c| c.is_control() && c != '\n' || source::sanitize::is_invisible(c))
        {
            panic!("{c:?} survived in {text:?}");
        }
        for remnant in [
            "]52;", "[31m", "[0m", "0;title", "2;title", "]8;;", "[2J", "[10;5H", "\\",
        ] {
            assert!(!text.contains(remnant), "remnant {remnant:?} in {text:?}");
        }
    }
}

/// One of every kind: SGR colours, OSC 52 (clipboard), OSC 0 and 2 (window title), OSC 8
/// (hyperlink), CSI cursor moves and screen clears, DCS, 8-bit CSI and OSC, a two-byte
/// escape, bell, backspace, DEL, bidi overrides and isolates, zero-width characters.
const HOSTILE: &str = concat!(
    "Hostile text\n",
    "\n",
    "\x1b[1;31mRed words\x1b[0m open the first paragraph of this article.\n",
    "\n",
    "The clipboard\x1b]52;c;ZWNobyBwd25lZA==\x07 stays untouched by this sentence.\n",
    "\n",
    "No window title\x1b]0;title one\x07 and none\x1b]2;title two\x1b\\ are set here.\n",
    "\n",
    "A \x1b]8;;http://evil.test/\x1b\\disguised link\x1b]8;;\x1b\\ shows as its text only.\n",
    "\n",
    "The cursor\x1b[2J\x1b[H\x1b[10;5H\x1b[?25l stays where the reader left it.\n",
    "\n",
    "Device control\x1bPq#0;2;0;0;0#1~~@@\x1b\\ strings are removed whole.\n",
    "\n",
    "Eight-bit\u{9b}31m controls\u{9d}0;title\u{9c} are removed too\x1b7.\n",
    "\n",
    "Bells\x07 and back\x08spaces and\x7f deletes vanish.\n",
    "\n",
    "The price is \u{202e}0001\u{202c} and \u{2066}isolated\u{2069} text is not reordered.\n",
    "\n",
    "Zero\u{200b}width\u{200d} joiners\u{2060} and marks\u{feff} are dropped.\n",
);

/// Sequences and lone controls in [`HOSTILE`], counted by hand.
const HOSTILE_SEQUENCES: usize = 2 // SGR
    + 1 // OSC 52
    + 2 // OSC 0, OSC 2
    + 2 // OSC 8 open and close
    + 4 // CSI 2J, H, 10;5H, ?25l
    + 1 // DCS
    + 3 // 8-bit CSI, 8-bit OSC, ESC 7
    + 3; // BEL, BS, DEL
const HOSTILE_INVISIBLE: usize = 4 + 4;

#[test]
fn hostile_plain_text() {
    let loaded = load(HOSTILE, "hostile.txt");
    assert_clean(&loaded.document);
    let text = loaded.document.text();
    for expected in [
        "Red words open the first paragraph of this article.",
        "The clipboard stays untouched by this sentence.",
        "No window title and none are set here.",
        "A disguised link shows as its text only.",
        "The cursor stays where the reader left it.",
        "Device control strings are removed whole.",
        "Eight-bit controls are removed too.",
        "Bells and backspaces and deletes vanish.",
        "The price is 0001 and isolated text is not reordered.",
        "Zerowidth joiners and marks are dropped.",
    ] {
        assert!(text.contains(expected), "{expected:?} not in {text:?}");
    }
    assert_eq!(
        loaded.notices,
        [
            format!("{HOSTILE_SEQUENCES} control sequences removed"),
            format!("{HOSTILE_INVISIBLE} invisible characters removed"),
        ]
    );
}

#[test]
fn hostile_markdown_including_entities() {
    let md = format!(
        "---\ntitle: \"Evil\x1b]0;pwned\x07 Title\"\nauthor: \"Eve\u{202e}\"\n---\n\n\
         ## Head\x1b[31ming\n\n{HOSTILE}\n\
         Entity escapes &#27;[31mred&#27;[0m and &#27;]52;c;eA==&#7; are removed.\n\n\
         [link\x1b[5m](http://x.test/\x1b[2J)\n"
    );
    let loaded = load(&md, "hostile.md");
    assert_eq!(loaded.format, Format::Markdown);
    let doc = &loaded.document;
    assert_clean(doc);
    assert_eq!(doc.meta.title.as_deref(), Some("Evil Title"));
    assert_eq!(doc.meta.byline.as_deref(), Some("Eve"));
    assert_eq!(doc.sections[0].title, "Heading");
    assert!(
        doc.text().contains("Entity escapes red and are removed."),
        "{:?}",
        doc.text()
    );
    // Raw sequences are counted at load; the 3 sequences the entities produce (two SGR,
    // one OSC 52) are counted when the Markdown output is cleaned.
    let raw = HOSTILE_SEQUENCES + 1 + 1 + 1 + 1; // front matter OSC, heading, link text, target
    assert_eq!(
        loaded.notices[0],
        format!("{} control sequences removed", raw + 3)
    );
}

#[test]
fn hostile_html_including_entities() {
    let html = String::from(
        "<!doctype html><html><head><title>Bad\x1b[31m &#27;]0;title&#7;Page</title></head>\
         <body><article><h1>Bad &#27;]2;title&#27;\\Page</h1>\
         <p>Entity escapes &#27;[31mred&#27;[0m and &#x1b;]52;c;eA==&#x7; are removed here.</p>\
         <p>Raw \x1b[1;31mred\x1b[0m and \u{202e}reversed\u{202c} text, \
         <a href=\"http://x.test/&#27;[2J\">a link&#27;]8;;&#7;</a>.</p>\
         <pre>code\x1b[31m &#27;[0m kept&#9;tab</pre></article></body></html>",
    );
    let loaded = load(&html, "hostile.html");
    let doc = &loaded.document;
    assert_eq!(loaded.format, Format::Html);
    assert_clean(doc);
    assert_eq!(doc.meta.title.as_deref(), Some("Bad Page"));
    let paragraphs: Vec<_> = (0..doc.paragraphs.len())
        .map(|i| doc.paragraph_text(i))
        .collect();
    assert_eq!(
        paragraphs,
        [
            "Entity escapes red and are removed here.",
            "Raw red and reversed text, a link.",
            "code  kept tab",
        ]
    );
    assert!(!loaded.notices.is_empty());
}

/// A stray `ESC ]` that is never terminated ends at the end of its line: the paragraphs
/// after it are read, even when a BEL comes much later.
#[test]
fn an_unterminated_osc_hides_no_more_than_its_line() {
    let text = "A Title\n\nThe first paragraph \x1b]0;stray title\nends here.\n\n\
                The second paragraph is read in full.\n\n\
                The third paragraph rings a bell\x07 at last.\n";
    let doc = load(text, "stray.txt").document;
    assert_clean(&doc);
    let all = doc.text();
    for expected in [
        "The first paragraph",
        "ends here.",
        "The second paragraph is read in full.",
        "The third paragraph rings a bell at last.",
    ] {
        assert!(all.contains(expected), "{expected:?} not in {all:?}");
    }
    assert!(!all.contains("stray title"), "{all:?}");
}

/// In Markdown front matter a stray `ESC ]` used to swallow the whole file up to a BEL in
/// the body: "nothing to read".
#[test]
fn an_unterminated_osc_in_front_matter_leaves_the_article() {
    let md = "---\ntitle: Evil\x1b]0;pwned\nauthor: Eve\n---\n\n# Heading\n\n\
              The first paragraph of the article says something.\n\n\
              A second paragraph rings a bell \x07 here.\n";
    let loaded = load(md, "stray.md");
    let doc = &loaded.document;
    assert_clean(doc);
    assert_eq!(doc.meta.title.as_deref(), Some("Evil"));
    assert_eq!(doc.meta.byline.as_deref(), Some("Eve"));
    assert_eq!(doc.paragraphs.len(), 2, "{:?}", doc.text());
    assert!(
        doc.text().contains("rings a bell here."),
        "{:?}",
        doc.text()
    );
}

/// A small deterministic generator (xorshift), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const PIECES: &[&str] = &[
    "word ",
    "Some sentence. ",
    "\n",
    "\n\n",
    "\x1b",
    "[",
    "]",
    "\x07",
    "\x1b\\",
    "\u{9b}",
    "\u{9c}",
    "\u{9d}",
    "\u{90}",
    "\u{85}",
    "P",
    "0;",
    "52;c;",
    "31m",
    "?25h",
    "\t",
    "\r",
    "\0",
    "\x7f",
    "\u{202e}",
    "\u{200b}",
    "\u{feff}",
    "&#27;",
    "&#x9b;",
    "&#7;",
    "&#0;",
    "<p>",
    "</p>",
    "<b>",
    "*",
    "_",
    "`",
    "# ",
    "- ",
    "> ",
    "[a](",
    ")",
    "é",
    "漢字",
];

#[test]
fn random_hostile_documents_leave_no_control() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for round in 0..600 {
        let mut text = String::from("A plain opening sentence for the reader. ");
        for _ in 0..(rng.next() % 80) {
            text.push_str(rng.pick(PIECES));
        }
        for name in ["r.txt", "r.md", "r.html"] {
            match source::load_bytes(text.as_bytes(), name, &LoadOptions::default()) {
                Ok(loaded) => {
                    for shown in shown(&loaded.document) {
                        assert!(
                            !shown.chars().any(|c| c.is_control() && c != '\n'
                                || source::sanitize::is_invisible(c)),
                            "round {round}, {name}: {text:?} gave {shown:?}"
                        );
                    }
                }
                // NUL bytes make a file look binary; that refusal is fine here.
                Err(e) => assert!(
                    e.to_string().contains("binary") || e.to_string().contains("nothing"),
                    "round {round}, {name}: {e}"
                ),
            }
        }
    }
}

#[test]
fn deeply_nested_html_loads() {
    // Unguarded, this nesting makes parsing and article extraction take minutes.
    let depth = 50_000;
    let html = format!(
        "<html><body>{}<p>The one sentence at the bottom of the pit.</p>{}</body></html>",
        "<div><b>".repeat(depth),
        "</b></div>".repeat(depth)
    );
    let loaded = load(&html, "deep.html");
    assert!(
        loaded
            .document
            .text()
            .contains("The one sentence at the bottom of the pit.")
    );
}

/// What the hostile sequences would show if any got through: their payloads.
const PAYLOADS: &[&str] = &[
    "ZWNobyBwd25lZA",
    "title one",
    "title two",
    "evil.test",
    "#0;2;0;0;0",
    "PWNED",
];

/// Fails on anything in a terminal stream that the reader's own drawing never sends: OSC
/// and DCS strings, C1 controls, and C0 controls other than BS, TAB, LF and CR.
#[derive(Default)]
struct StreamAudit {
    problems: Vec<String>,
}

impl vte::Perform for StreamAudit {
    fn print(&mut self, c: char) {
        if c.is_control() || source::sanitize::is_invisible(c) {
            self.problems.push(format!("printed U+{:04X}", c as u32));
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

/// The reader's terminal stream: only its own drawing, and no payload.
fn assert_stream_clean(output: &[u8], context: &str) {
    let mut audit = StreamAudit::default();
    vte::Parser::new().advance(&mut audit, output);
    assert!(audit.problems.is_empty(), "{context}: {:?}", audit.problems);
    assert_no_payload(&String::from_utf8_lossy(output), context);
}

fn assert_no_payload(text: &str, context: &str) {
    for payload in PAYLOADS {
        assert!(
            !text.contains(payload),
            "{context}: {payload:?} in {text:?}"
        );
    }
}

/// A message stream (standard error): printable lines and no payload.
fn assert_printable(bytes: &[u8], context: &str) {
    let text = String::from_utf8_lossy(bytes);
    let bad = text.chars().find(|&c| {
        c.is_control() && !matches!(c, '\n' | '\r') || source::sanitize::is_invisible(c)
    });
    assert!(bad.is_none(), "{context}: {bad:?} in {text:?}");
    assert_no_payload(&text, context);
}

/// The hostile document in each format, under a name that is hostile too.
fn hostile_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let html = format!(
        "<html><head><title>Hostile\x1b]0;PWNED\x07 page</title></head><body><article>{}</article></body></html>",
        HOSTILE
            .split("\n\n")
            .map(|p| format!("<p>{p}</p>"))
            .collect::<String>()
    );
    [
        ("txt", HOSTILE.to_string()),
        ("md", HOSTILE.to_string()),
        ("html", html),
    ]
    .into_iter()
    .map(|(extension, text)| {
        // A name is shown as `ls` shows it (controls as `?`), so its text stays.
        let path = dir.join(format!("evil\x1b]2;NAMED\x07name.{extension}"));
        std::fs::write(&path, text).unwrap();
        path
    })
    .collect()
}

fn outline(path: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_counterpoint"))
        .arg("outline")
        .arg(path)
        .stdin(Stdio::null())
        .output()
        .expect("run counterpoint")
}

/// The reader in a pty, its standard error into `stderr`; returns its exit status once
/// `keys` are typed after the first frame.
fn reader(path: &Path, stderr: &Path, keys: &str, wait_for: Option<&str>) -> (u32, Session) {
    let line = format!(
        "exec '{}' \"$1\" 2>\"$2\"",
        env!("CARGO_BIN_EXE_counterpoint")
    );
    let (path, stderr) = (path.to_str().unwrap(), stderr.to_str().unwrap());
    let mut session = Session::start(Options {
        cols: 120,
        rows: 30,
        program: Some("sh"),
        args: &["-c", &line, "sh", path, stderr],
        ..Options::default()
    });
    if let Some(text) = wait_for {
        session.wait_for_text(text);
        session.wait_for_text("removed");
    }
    session.send(keys);
    (session.wait_exit(), session)
}

#[test]
fn hostile_documents_leave_both_streams_clean() {
    let dir = tempfile::tempdir().unwrap();
    for path in hostile_files(dir.path()) {
        let context = path.extension().unwrap().to_string_lossy().into_owned();

        let output = outline(&path);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{context}: {stderr}");
        assert_printable(&output.stderr, &format!("{context}: outline's stderr"));
        assert_printable(&output.stdout, &format!("{context}: outline's stdout"));

        let errors = dir.path().join("stderr.log");
        let (status, session) = reader(&path, &errors, "q", Some("Hostile"));
        assert_eq!(status, 0, "{context}");
        assert_no_payload(&session.screen_text(), &format!("{context}: the screen"));
        assert_stream_clean(&session.output(), &format!("{context}: the terminal"));
        assert_printable(
            &std::fs::read(&errors).unwrap(),
            &format!("{context}: the reader's stderr"),
        );
    }
}

/// A document that is nothing but escape sequences, under a hostile name: the error on
/// standard error names the file without its sequences, in one line.
#[test]
fn a_document_of_nothing_but_escapes_fails_cleanly_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("evil\x1b]0;NAMED\x07.txt");
    std::fs::write(
        &path,
        "\x1b]52;c;ZWNobyBwd25lZA==\x07\x1b[2J\x1b]0;title one\x07\n\u{202e}\u{200b}\n",
    )
    .unwrap();

    let output = outline(&path);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr:?}");
    assert!(stderr.contains("nothing to read in"), "{stderr:?}");
    assert_printable(&output.stderr, "outline's stderr");

    let errors = dir.path().join("stderr.log");
    let (status, session) = reader(&path, &errors, "", None);
    assert_eq!(status, 1);
    let stderr = std::fs::read(&errors).unwrap();
    assert!(
        String::from_utf8_lossy(&stderr).contains("nothing to read in"),
        "{stderr:?}"
    );
    assert_printable(&stderr, "the reader's stderr");
    assert_stream_clean(&session.output(), "the terminal");
}
