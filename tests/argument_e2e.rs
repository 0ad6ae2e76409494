//! End to end, in a pseudo-terminal: `i` tints the claims in the text (told apart by
//! attributes alone under NO_COLOR) and `o` opens the argument as a tree to jump from.

mod support;

use support::pty::{Options, Session};

/// What a cell looks like: colours and the attributes that carry the difference.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Look {
    fg: vt100::Color,
    bg: vt100::Color,
    bold: bool,
    italic: bool,
    underline: bool,
}

/// The look of the first cell of `words` in the reading pane (left of the sidebar).
fn look_at(session: &Session, words: &str) -> Look {
    session.with_screen(|screen| {
        let (rows, cols) = screen.size();
        for row in 0..rows.get() {
            let line = screen.contents_between(row, 0, row, cols.get());
            if let Some(byte) = line
                .find(words)
                .filter(|&b| b < line.find('│').unwrap_or(b + 1))
            {
                let col = line[..byte].chars().count() as u16;
                let cell = screen.cell(row, col).unwrap();
                return Look {
                    fg: cell.fgcolor(),
                    bg: cell.bgcolor(),
                    bold: cell.bold(),
                    italic: cell.italic(),
                    underline: cell.underline(),
                };
            }
        }
        panic!("{words:?} not in the reading pane");
    })
}

const KEY: &str = "Compared to topics";
const COUNTER: &str = "The issue has of late";
const REBUTTAL: &str = "This is not a persuasive";
const PLAIN: &str = "A delegation led";

fn start(env: &[(&str, &str)], config: &std::path::Path) -> Session {
    // Tints off at start (config), so that `i` turns them on.
    std::fs::create_dir_all(config.join("counterpoint")).unwrap();
    std::fs::write(config.join("counterpoint/config.toml"), "tints = false\n").unwrap();
    let mut all = vec![("XDG_CONFIG_HOME", config.to_str().unwrap())];
    all.extend_from_slice(env);
    let session = Session::start(Options {
        cols: 200,
        rows: 50,
        env: &all,
        ..Options::default()
    });
    session.wait_for_analysis();
    session
}

#[test]
fn i_tints_claims_counterclaims_and_rebuttals_and_i_again_removes_them() {
    for no_color in [false, true] {
        let config = tempfile::tempdir().unwrap();
        let env: &[(&str, &str)] = if no_color { &[("NO_COLOR", "1")] } else { &[] };
        let mut session = start(env, config.path());
        let plain = look_at(&session, PLAIN);
        for words in [KEY, COUNTER, REBUTTAL] {
            assert_eq!(look_at(&session, words), plain, "{words} tinted before i");
        }
        session.send_and_settle("i");
        session.wait_for_text("tints: key claims");
        let looks: Vec<Look> = [KEY, COUNTER, REBUTTAL]
            .iter()
            .map(|w| look_at(&session, w))
            .collect();
        for (i, look) in looks.iter().enumerate() {
            assert_ne!(*look, plain, "{i}: {looks:?}");
            for other in &looks[i + 1..] {
                assert_ne!(look, other, "{looks:?}");
                if no_color {
                    let attributes = |l: &Look| (l.bold, l.italic, l.underline);
                    assert_ne!(attributes(look), attributes(other), "{looks:?}");
                }
            }
            if no_color {
                assert_eq!(
                    (look.fg, look.bg),
                    (plain.fg, plain.bg),
                    "colour under NO_COLOR"
                );
            }
        }
        assert!(
            session.screen_text().contains("K  ¶2"),
            "{}",
            session.screen_text()
        );
        session.send_and_settle("i");
        session.wait_for_text("tints off");
        for words in [KEY, COUNTER, REBUTTAL] {
            assert_eq!(look_at(&session, words), plain, "{words} still tinted");
        }
        session.send("q");
        assert_eq!(session.wait_exit(), 0);
        assert!(session.terminal_restored());
    }
}

#[test]
fn o_shows_the_tree_and_enter_on_a_late_item_puts_its_paragraph_on_top() {
    let mut session = Session::start(Options::default());
    session.wait_for_text("Key claims");
    session.send_and_settle("o");
    session.wait_for_text("Argument (j/k move");
    let rows = session.rows();
    let at = |text: &str| {
        rows.iter()
            .position(|r| r.contains(text))
            .unwrap_or_else(|| panic!("{text:?} missing:\n{}", rows.join("\n")))
    };
    assert!(at("Thesis") < at("¶6 The signals given"));
    assert!(at("¶6 The signals given") < at("│Key claims"));
    assert!(at("│Key claims") < at("│Counterclaims"));
    // The last node: the rebuttal in ¶4 under the last counterclaim.
    session.send_and_settle("G");
    let screen = session.screen_text();
    assert!(screen.contains("↳ ¶4 On the contrary"), "{screen}");
    session.send_and_settle("\r");
    let top = &session.rows()[0];
    assert!(top.contains("¶4 The U.S. side has"), "top row: {top:?}");
    assert!(!session.screen_text().contains("Argument (j/k move"));
    session.send_and_settle("o");
    session.wait_for_text("Argument (j/k move");
    session.send_and_settle("\x1b");
    assert!(!session.screen_text().contains("Argument (j/k move"));
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    assert!(session.terminal_restored());
}
