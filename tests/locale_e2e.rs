//! Under a locale that is not UTF-8 (`LANG=C`, `LC_ALL=C`) the reader draws with ASCII:
//! borders, the scrollbar, the on-screen marks, `¶`, `…` and arrows have ASCII stand-ins.

mod support;

use support::pty::{Options, Session};

/// Characters on screen that are neither ASCII nor letters (the document's own letters are
/// drawn as they are).
fn non_ascii_symbols(session: &Session) -> Vec<char> {
    let mut found: Vec<char> = session
        .screen_text()
        .chars()
        .filter(|c| !c.is_ascii() && !c.is_alphabetic())
        .collect();
    found.sort_unstable();
    found.dedup();
    found
}

fn reader_with(env: &[(&str, &str)]) -> Session {
    let session = Session::start(Options {
        cols: 120,
        rows: 30,
        env,
        ..Options::default()
    });
    session.wait_for_analysis();
    session
}

#[test]
fn a_c_locale_draws_with_ascii() {
    for env in [
        &[("LANG", "C")][..],
        &[("LC_ALL", "C"), ("LANG", "en_US.UTF-8")][..],
        &[("LC_CTYPE", "POSIX")][..],
        &[("LANG", "de_DE.ISO-8859-1")][..],
    ] {
        let mut session = reader_with(env);
        let symbols = non_ascii_symbols(&session);
        assert!(
            symbols.is_empty(),
            "{env:?}: {symbols:?}\n{}",
            session.screen_text()
        );
        // The marks are there, as ASCII: paragraph numbers and the sidebar's arrows.
        let screen = session.screen_text();
        assert!(screen.contains("#1 "), "{env:?}:\n{screen}");
        assert!(screen.contains("v more"), "{env:?}:\n{screen}");
        // The help overlay's frame too.
        session.send_and_settle("?");
        let symbols = non_ascii_symbols(&session);
        assert!(
            symbols.is_empty(),
            "{env:?}, help: {symbols:?}\n{}",
            session.screen_text()
        );
        session.send("q");
        session.send("q");
        assert_eq!(session.wait_exit(), 0);
    }
}

/// The same screen under a UTF-8 locale has its glyphs (so the test above can fail).
#[test]
fn a_utf8_locale_draws_the_glyphs() {
    for env in [
        &[("LANG", "en_US.UTF-8")][..],
        &[("LC_ALL", "C.utf8"), ("LANG", "C")][..],
    ] {
        let mut session = reader_with(env);
        let symbols = non_ascii_symbols(&session);
        for glyph in ['¶', '│', '↓'] {
            assert!(symbols.contains(&glyph), "{env:?}: {symbols:?}");
        }
        session.send("q");
        assert_eq!(session.wait_exit(), 0);
    }
}

/// Two articles side by side draw with ASCII too.
#[test]
fn a_pair_under_a_c_locale_draws_with_ascii() {
    let own = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/pairs/own");
    let a = format!("{own}/congestion-charge-oped.txt");
    let b = format!("{own}/congestion-charge-reply.txt");
    let mut session = Session::start(Options {
        cols: 200,
        rows: 40,
        args: &[&a, &b],
        env: &[("LANG", "C")],
        ..Options::default()
    });
    session.wait_for_analysis();
    // The links between the articles come after both maps, with their own glyph.
    session.wait_for_text("= answered in B");
    let symbols = non_ascii_symbols(&session);
    assert!(symbols.is_empty(), "{symbols:?}\n{}", session.screen_text());
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
}
