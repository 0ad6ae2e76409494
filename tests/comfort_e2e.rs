//! Reading comfort in the real binary: search and the jump list, remembered positions,
//! NO_COLOR, the mouse, and key bindings from the config file.

mod support;

use std::path::Path;
use std::process::Command;

use support::pty::{Options, Session};

fn top_row(session: &Session) -> String {
    session.rows()[0].clone()
}

#[test]
fn search_highlights_counts_steps_and_ctrl_o_returns() {
    let mut session = Session::start(Options::default());
    session.wait_for_text("Key claims");
    // The top row also holds the sidebar's "analysing…" while detection runs.
    session.wait_for("the analysis", |screen| {
        !screen.contents().contains("analysing")
    });
    let start = top_row(&session);
    session.send("/Snowden");
    session.wait_for_text("/Snowden");
    session.send_and_settle("\r");
    session.wait_for_text("match 1/");
    let found = session.with_screen(|screen| {
        let (rows, cols) = screen.size();
        (0..rows.get()).any(|row| {
            let line = screen.contents_between(row, 0, row, cols.get());
            line.find("Snowden").is_some_and(|byte| {
                let col = line[..byte].chars().count() as u16;
                screen
                    .cell(row, col)
                    .is_some_and(|c| c.bgcolor() != vt100::Color::Default || c.inverse())
            })
        })
    });
    assert!(
        found,
        "the match is not highlighted:\n{}",
        session.screen_text()
    );
    assert_ne!(top_row(&session), start, "the search did not move the pane");
    session.send_and_settle("n");
    session.wait_for_text("match 1/");
    session.send_and_settle("\x0f"); // Ctrl-O
    assert_eq!(top_row(&session), start, "Ctrl-O did not return");
    session.send("/zebra-not-here\r");
    session.wait_for_text("not found");
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
}

#[test]
fn reopening_resumes_at_the_paragraph_where_reading_stopped() {
    let state = tempfile::tempdir().unwrap();
    let state_dir = state.path().to_str().unwrap();
    let env = [("XDG_STATE_HOME", state_dir)];
    let mut session = Session::start(Options {
        env: &env,
        ..Options::default()
    });
    session.wait_for_text("Key claims");
    for _ in 0..4 {
        session.send_and_settle("}");
    }
    let left_at = top_row(&session);
    assert!(left_at.contains("¶4"), "{left_at}");
    session.send("q");
    assert_eq!(session.wait_exit(), 0);

    let mut again = Session::start(Options {
        env: &env,
        ..Options::default()
    });
    again.wait_for_text("resumed at ¶4");
    assert!(top_row(&again).contains("¶4"), "{}", again.screen_text());
    again.send("q");
    assert_eq!(again.wait_exit(), 0);

    let mut fresh = Session::start(Options {
        env: &env,
        args: &["--no-remember"],
        ..Options::default()
    });
    fresh.wait_for_text("Key claims");
    assert!(fresh.screen_text().contains("Dialogue Is Better"));
    fresh.send("q");
    assert_eq!(fresh.wait_exit(), 0);
}

/// Collects colour codes (SGR foreground/background parameters) in a terminal stream.
#[derive(Default)]
struct Colours(Vec<u16>);

impl vte::Perform for Colours {
    fn csi_dispatch(&mut self, params: &vte::Params, _: &[u8], _: bool, action: char) {
        if action == 'm' {
            for param in params.iter().flatten() {
                if matches!(param, 30..=39 | 40..=49 | 90..=97 | 100..=107) {
                    self.0.push(*param);
                }
            }
        }
    }
}

#[test]
fn no_color_means_no_colour_codes() {
    for (env, expect_colour) in [(vec![("NO_COLOR", "1")], false), (vec![], true)] {
        let mut session = Session::start(Options {
            env: &env,
            ..Options::default()
        });
        session.wait_for_text("Key claims");
        session.send_and_settle("\t");
        session.send_and_settle("\r");
        session.send("q");
        assert_eq!(session.wait_exit(), 0);
        let mut colours = Colours::default();
        vte::Parser::new().advance(&mut colours, &session.output());
        assert_eq!(
            !colours.0.is_empty(),
            expect_colour,
            "{env:?}: {:?}",
            colours.0
        );
    }
}

/// An SGR (1006) mouse report: `button` as the terminal encodes it, 1-based position.
fn mouse(button: u8, column: u16, row: u16, press: bool) -> String {
    let end = if press { 'M' } else { 'm' };
    format!("\x1b[<{button};{column};{row}{end}")
}

#[test]
fn the_wheel_scrolls_and_a_click_on_an_entry_jumps() {
    let mut session = Session::start(Options::default());
    session.wait_for_text("Key claims");
    // The top row also holds the sidebar's "analysing…" while detection runs.
    session.wait_for("the analysis", |screen| {
        !screen.contents().contains("analysing")
    });
    let start = top_row(&session);
    session.send_and_settle(&mouse(65, 10, 5, true));
    assert_ne!(top_row(&session), start, "the wheel did not scroll");
    session.send_and_settle(&mouse(64, 10, 5, true));
    assert_eq!(top_row(&session), start, "the wheel did not scroll back");

    // Click the first counterclaim entry in the sidebar.
    let (row, col, paragraph) = session.with_screen(|screen| {
        let (rows, cols) = screen.size();
        let lines: Vec<String> = (0..rows.get())
            .map(|r| screen.contents_between(r, 0, r, cols.get()))
            .collect();
        let heading = lines
            .iter()
            .position(|l| l.contains("Counterclaims"))
            .unwrap();
        let entry = &lines[heading + 1];
        let at = entry.find('¶').unwrap();
        let number: String = entry[at + '¶'.len_utf8()..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        let col = entry[..at].chars().count() as u16;
        (heading as u16 + 1, col, number)
    });
    session.send(&mouse(0, col + 1, row + 1, true));
    session.send_and_settle(&mouse(0, col + 1, row + 1, false));
    let top = top_row(&session);
    assert!(
        top.contains(&format!("¶{paragraph}")),
        "clicked ¶{paragraph}, top: {top}"
    );
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    assert!(session.terminal_restored());
}

fn write_config(home: &Path, text: &str) {
    let dir = home.join("counterpoint");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("config.toml"), text).unwrap();
}

#[test]
fn a_rebound_key_works_and_help_shows_it() {
    let config = tempfile::tempdir().unwrap();
    write_config(
        config.path(),
        "[keys]\nquit = [\"x\"]\ntoggle_help = [\"h\"]\n",
    );
    let env = [("XDG_CONFIG_HOME", config.path().to_str().unwrap())];
    let mut session = Session::start(Options {
        cols: 200,
        rows: 40,
        env: &env,
        ..Options::default()
    });
    session.wait_for_text("Key claims");
    session.send_and_settle("h");
    session.wait_for_text("Keys (");
    let help = session.screen_text();
    let quit_line = help
        .lines()
        .find(|l| l.contains("  quit"))
        .expect("quit in help");
    assert!(quit_line.contains(" x "), "{quit_line}");
    session.send_and_settle("h");
    session.send("q");
    session.send("x");
    assert_eq!(session.wait_exit(), 0);
}

#[test]
fn an_invalid_config_is_one_line_naming_the_key_and_line() {
    let config = tempfile::tempdir().unwrap();
    write_config(config.path(), "measure = \"full\"\ntheme = \"blue\"\n");
    let output = Command::new(env!("CARGO_BIN_EXE_counterpoint"))
        .arg("--print-config")
        .env("XDG_CONFIG_HOME", config.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("line 2") && stderr.contains("blue"),
        "{stderr}"
    );

    write_config(config.path(), "measure = \"narrow\"\n");
    let output = Command::new(env!("CARGO_BIN_EXE_counterpoint"))
        .arg("--print-config")
        .env("XDG_CONFIG_HOME", config.path())
        .output()
        .unwrap();
    assert!(output.status.success());
    let printed: toml::Table = toml::from_str(&String::from_utf8_lossy(&output.stdout)).unwrap();
    assert_eq!(printed["measure"].as_str(), Some("narrow"));
    assert!(printed["keys"].get("quit").is_some());
}
