//! End to end: the real binary in a pseudo-terminal, driven by keys, read off the screen.

mod support;

use std::process::Command;

use serde_json::Value;
use support::pty::{Options, Session};

fn outline() -> Value {
    let output = Command::new(env!("CARGO_BIN_EXE_counterpoint"))
        .args(["outline", "--format", "json"])
        .output()
        .expect("run counterpoint outline");
    assert!(output.status.success());
    serde_json::from_slice(&output.stdout).expect("outline is JSON")
}

/// The first few words of a text, enough to recognise its first wrapped line.
fn opening(text: &str, words: usize) -> String {
    text.split_whitespace()
        .take(words)
        .collect::<Vec<_>>()
        .join(" ")
}

const BOILERPLATE: &[&str] = &[
    "Follow us on",
    "descriptiondescription",
    "Copyedited by",
    "Comments to",
    "About Us",
    "Partners:",
    "Copyright",
    "Deutsch",
];

#[test]
fn opens_the_embedded_article_with_both_sidebar_sections_and_no_boilerplate() {
    let outline = outline();
    let title = outline["title"].as_str().expect("a title");
    let mut session = Session::start(Options::default());
    session.wait_for_text("Key claims");
    session.wait_for_text("Counterclaims");
    session.wait_for_text(&opening(title, 3));
    // Page through the whole article: no boilerplate on any screen.
    for page in 0.. {
        assert!(page < 50, "never reached the end");
        let screen = session.screen_text();
        for line in BOILERPLATE {
            assert!(
                !screen.contains(line),
                "boilerplate {line:?} on screen:\n{screen}"
            );
        }
        if screen.contains("100%") {
            break;
        }
        session.send_and_settle(" ");
    }
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    assert!(session.terminal_restored());
}

#[test]
fn enter_on_a_late_item_puts_its_paragraph_at_the_top_and_r_finds_the_rebuttal() {
    let outline = outline();
    let paragraphs = outline["paragraphs"].as_array().unwrap();
    let claims = outline["claims"].as_array().unwrap();
    let last_paragraph = paragraphs.len() as u64 - 1;
    // A late item whose paragraph is not the last, so that nothing clamps the jump.
    let (index, claim) = claims
        .iter()
        .enumerate()
        .filter(|(_, c)| c["paragraph"].as_u64().unwrap() < last_paragraph)
        .max_by_key(|(i, c)| (c["paragraph"].as_u64().unwrap(), usize::MAX - i))
        .expect("an item before the last paragraph");
    let paragraph = claim["paragraph"].as_u64().unwrap() as usize;
    assert!(paragraph >= 3, "the late item is in ¶{}", paragraph + 1);

    let mut session = Session::start(Options::default());
    session.wait_for_text("Key claims");
    session.send_and_settle("\t");
    for _ in 0..index {
        session.send("j");
    }
    session.send_and_settle("\r");
    let rows = session.rows();
    let top = &rows[0];
    assert!(
        top.contains(&format!("¶{}", paragraph + 1)),
        "top row: {top:?}"
    );
    assert!(
        top.contains(&opening(paragraphs[paragraph].as_str().unwrap(), 3)),
        "top row {top:?} does not start ¶{}",
        paragraph + 1
    );
    assert_highlighted(&session, claim["text"].as_str().unwrap());

    // `r` on a counterclaim lands on its rebuttal; focus stays in the sidebar.
    let counter_index = claims
        .iter()
        .position(|c| c["kind"] == "counter" && !c["rebuttals"].as_array().unwrap().is_empty())
        .expect("a counterclaim with a rebuttal");
    let rebuttal = &claims[counter_index]["rebuttals"][0];
    session.send("g");
    for _ in 0..counter_index {
        session.send("j");
    }
    session.send_and_settle("r");
    let rebuttal_paragraph = rebuttal["paragraph"].as_u64().unwrap() as usize;
    let screen = session.screen_text();
    assert!(
        screen.contains(&format!("¶{}", rebuttal_paragraph + 1)),
        "{screen}"
    );
    assert_highlighted(&session, rebuttal["text"].as_str().unwrap());
    assert!(
        screen.contains("sidebar ·"),
        "focus left the sidebar:\n{screen}"
    );

    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    assert!(session.terminal_restored());
}

/// Some word of `sentence` is on screen with a background colour (the highlight).
fn assert_highlighted(session: &Session, sentence: &str) {
    let first_word = sentence.split_whitespace().next().unwrap();
    let found = session.with_screen(|screen| {
        let (rows, cols) = screen.size();
        (0..rows.get()).any(|row| {
            let text: String = (0..cols.get())
                .map(|col| match screen.cell(row, col).map(|c| c.contents()) {
                    Some(text) if !text.is_empty() => text.to_string(),
                    _ => " ".to_string(),
                })
                .collect();
            text.match_indices(first_word).any(|(byte, _)| {
                let col = text[..byte].chars().count() as u16;
                screen
                    .cell(row, col)
                    .is_some_and(|c| c.bgcolor() != vt100::Color::Default)
            })
        })
    });
    assert!(
        found,
        "{sentence:?} is not highlighted:\n{}",
        session.screen_text()
    );
}

/// Whether some cell of `word` on screen has a background colour (a search match).
fn highlighted(screen: &vt100::Screen, word: &str) -> bool {
    {
        let (rows, cols) = screen.size();
        (0..rows.get()).any(|row| {
            let text: String = (0..cols.get())
                .map(|col| match screen.cell(row, col).map(|c| c.contents()) {
                    Some(text) if !text.is_empty() => text.to_string(),
                    _ => " ".to_string(),
                })
                .collect();
            text.match_indices(word).any(|(byte, _)| {
                let col = text[..byte].chars().count() as u16;
                screen
                    .cell(row, col)
                    .is_some_and(|c| c.bgcolor() != vt100::Color::Default)
            })
        })
    }
}

#[test]
fn search_finds_words_of_the_title_and_the_notes_and_regular_expressions() {
    let mut session = Session::start(Options {
        cols: 120,
        rows: 30,
        args: &["--no-remember"],
        ..Options::default()
    });
    session.wait_for_analysis();
    // A word only the title has.
    session.send("/Confrontation\r");
    session.wait_for_text("match 1/1");
    session.wait_for("the title's match", |s| highlighted(s, "Confrontation"));
    // A word only the author's note has: the note is brought on screen.
    session.send("/Institute\r");
    session.wait_for("the note's match", |s| highlighted(s, "Institute"));
    assert!(session.screen_text().contains("match 1/1"));
    // A regular expression: "cyber-attacks" three times.
    session.send("g/cyber.?attacks?\r");
    session.wait_for_text("match 1/3");
    session.wait_for("a match", |s| highlighted(s, "cyber-attack"));
    // The prompt remembers: ↑ brings back the last pattern.
    session.send("n");
    session.wait_for_text("match 2/3");
    session.send("/\x1b[A");
    session.wait_for_text("/cyber.?attacks?");
    session.send("\x1b");
    session.wait_for("the prompt closed", |s| !s.contents().contains("/cyber"));
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
}

/// The reading pane's columns of each row (the sidebar cut off).
fn text_rows(session: &Session) -> Vec<String> {
    session
        .rows()
        .iter()
        .map(|row| row.chars().take(50).collect())
        .collect()
}

#[test]
fn esc_does_not_quit_and_5j_scrolls_five_lines() {
    let mut session = Session::start(Options {
        cols: 100,
        rows: 24,
        args: &["--no-remember"],
        ..Options::default()
    });
    session.wait_for_analysis();
    session.send_and_settle("\x1b");
    session.send_and_settle("\x1b");
    session.wait_for_text("q quits");
    let before = text_rows(&session);
    session.send("5");
    session.wait_for_text("count 5");
    session.send_and_settle("j");
    let after = text_rows(&session);
    assert_eq!(after[0], before[5], "{after:#?}\n{before:#?}");
    assert_eq!(after[10], before[15]);
    // ZZ quits too.
    session.send("ZZ");
    assert_eq!(session.wait_exit(), 0);
    assert!(session.terminal_restored());
}
