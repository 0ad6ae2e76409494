//! Loading a URL before the reader starts: the download runs on its own thread while this
//! one shows a progress line on the terminal and listens for `q`, `Esc` and Ctrl-C, which
//! cancel it. A fetch that ends quickly shows nothing. This and `ui::terminal` are the only
//! places that touch the terminal; the line is erased and cooked mode restored on every
//! way out (done, failed, cancelled, a signal).

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use ratatui::crossterm::{cursor, queue, style, terminal};
use signal_hook::consts::signal::{
    SIGALRM, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2, SIGVTALRM,
};
use signal_hook::iterator::Signals;

use crate::source::error::human_size;
use crate::source::fetch::Progress;
use crate::source::{self, InputSpec, LoadError, LoadErrorKind, LoadOptions, Loaded};

/// A fetch that is over within this time shows no progress line (no flicker before the
/// reader's first frame).
const QUIET_START: Duration = Duration::from_millis(150);
/// How often the line is redrawn and the keyboard looked at.
const TICK: Duration = Duration::from_millis(100);

/// How loading a URL ended.
pub enum Outcome {
    Loaded(Box<Loaded>),
    /// Cancelled by the user or a signal: the message is printed; exit with this code.
    Cancelled(ExitCode),
}

/// Loads the URL `spec` (as [`source::open`] does), showing progress and letting the user
/// cancel.
pub fn open_url(spec: &InputSpec, options: &LoadOptions) -> Result<Outcome, LoadError> {
    let started = Instant::now();
    let progress = Arc::new(Progress::default());
    let (sender, receiver) = mpsc::channel();
    {
        let (spec, options, progress) = (spec.clone(), options.clone(), Arc::clone(&progress));
        thread::spawn(move || {
            let _ = sender.send(source::open_watched(&spec, &options, &progress));
        });
    }
    match receiver.recv_timeout(QUIET_START) {
        Ok(result) => return result.map(|l| Outcome::Loaded(Box::new(l))),
        Err(RecvTimeoutError::Disconnected) => return Err(vanished(spec)),
        Err(RecvTimeoutError::Timeout) => {}
    }
    let mut signals = Signals::new(ENDING_SIGNALS).ok();
    let line = ProgressLine::start();
    let ending = loop {
        match receiver.recv_timeout(Duration::ZERO) {
            Ok(result) => break Ending::Done(Box::new(result)),
            Err(RecvTimeoutError::Disconnected) => {
                break Ending::Done(Box::new(Err(vanished(spec))));
            }
            Err(RecvTimeoutError::Timeout) => {}
        }
        if let Some(signal) = signals.as_mut().and_then(|s| s.pending().next()) {
            break Ending::Cancelled(ExitCode::from(128 + signal as u8));
        }
        line.show(&status(spec, &progress, started.elapsed(), options.timeout));
        match cancel_key(TICK) {
            Some(code) => break Ending::Cancelled(code),
            None => continue,
        }
    };
    drop(line);
    if let Some(signals) = signals {
        signals.handle().close();
    }
    match ending {
        Ending::Done(result) => (*result).map(|l| Outcome::Loaded(Box::new(l))),
        Ending::Cancelled(code) => {
            let error = LoadError::new(spec.label(), LoadErrorKind::Cancelled);
            super::report::message(error);
            Ok(Outcome::Cancelled(code))
        }
    }
}

enum Ending {
    Done(Box<Result<Loaded, LoadError>>),
    Cancelled(ExitCode),
}

/// The signals that end the process by default and would otherwise leave the terminal in
/// raw mode (the reader's event loop handles the same set once it runs).
const ENDING_SIGNALS: [i32; 8] = [
    SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM,
];

/// The load thread ended without an answer (it panicked).
fn vanished(spec: &InputSpec) -> LoadError {
    LoadError::new(
        spec.label(),
        LoadErrorKind::Network("the download stopped unexpectedly".into()),
    )
}

/// Waits up to `tick` for a key; `q` or `Esc` cancel (status 1), Ctrl-C interrupts (130).
fn cancel_key(tick: Duration) -> Option<ExitCode> {
    match event::poll(tick) {
        Ok(true) => {}
        Ok(false) => return None,
        Err(_) => {
            // No keyboard to read (no terminal): just wait.
            thread::sleep(tick);
            return None;
        }
    }
    match event::read() {
        Ok(Event::Key(key)) if key.kind != KeyEventKind::Release => {
            let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
            match key.code {
                KeyCode::Char('c') if ctrl => Some(ExitCode::from(130)),
                KeyCode::Char('q') | KeyCode::Esc => Some(ExitCode::FAILURE),
                _ => None,
            }
        }
        _ => None,
    }
}

/// "loading https://… · 12 KiB of 40 KiB · 3 s of 30 · q cancels".
fn status(spec: &InputSpec, progress: &Progress, elapsed: Duration, deadline: Duration) -> String {
    let received = progress.received();
    let amount = match progress.expected() {
        Some(expected) => format!("{} of {}", human_size(received), human_size(expected)),
        None if received == 0 => "waiting for the server".to_string(),
        None => human_size(received),
    };
    format!(
        "loading {} · {amount} · {} s of {} · q cancels",
        spec.label(),
        elapsed.as_secs(),
        deadline.as_secs()
    )
}

/// The progress line on standard error (when it is a terminal), with the keyboard in raw
/// mode so `q` arrives without Enter. Dropping it erases the line and restores cooked mode.
struct ProgressLine {
    raw: bool,
    shown: bool,
}

impl ProgressLine {
    fn start() -> ProgressLine {
        let raw = terminal::enable_raw_mode().is_ok();
        let shown = io::stderr().is_terminal();
        if shown {
            let _ = queue!(io::stderr(), cursor::Hide);
        }
        ProgressLine { raw, shown }
    }

    fn show(&self, text: &str) {
        if !self.shown {
            return;
        }
        let width = terminal::size().map_or(80, |(w, _)| usize::from(w));
        // One row at most (a wrapped line could not be erased), made printable (the URL
        // is the user's).
        let text = source::input::printable_name(text);
        let mut text = fit(&text, width.saturating_sub(1));
        if !crate::ui::glyphs::utf8_locale() {
            // As the reader draws: ASCII stand-ins for `·` and `…`.
            text = text
                .chars()
                .map(|c| crate::ui::glyphs::ascii_for(c).unwrap_or(c))
                .collect();
        }
        let mut stderr = io::stderr().lock();
        let _ = queue!(
            stderr,
            cursor::MoveToColumn(0),
            terminal::Clear(terminal::ClearType::CurrentLine),
            style::Print(text)
        );
        let _ = stderr.flush();
    }
}

/// `text` cut to `width` columns, with "…" where it was cut.
fn fit(text: &str, width: usize) -> String {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

impl Drop for ProgressLine {
    fn drop(&mut self) {
        if self.shown {
            let mut stderr = io::stderr().lock();
            let _ = queue!(
                stderr,
                cursor::MoveToColumn(0),
                terminal::Clear(terminal::ClearType::CurrentLine),
                cursor::Show
            );
            let _ = stderr.flush();
        }
        if self.raw {
            let _ = terminal::disable_raw_mode();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_fits_the_terminal() {
        assert_eq!(fit("short", 10), "short");
        assert_eq!(fit("a longer line", 8), "a longe…");
        assert_eq!(fit("日本語の行", 6), "日本…");
    }

    #[test]
    fn the_line_says_how_far_and_how_long() {
        let spec = InputSpec::Url("http://example.org/a".into());
        let progress = Progress::default();
        let line = status(
            &spec,
            &progress,
            Duration::from_secs(3),
            Duration::from_secs(30),
        );
        assert_eq!(
            line,
            "loading http://example.org/a · waiting for the server · 3 s of 30 · q cancels"
        );
    }
}
