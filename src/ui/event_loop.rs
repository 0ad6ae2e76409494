//! The event loop: terminal events, signals and the results of background work (the rest
//! of a streamed file, the argument maps) arrive on one channel; each batch is applied,
//! then one frame is drawn (so a flood of keys or resizes is coalesced).

use std::sync::Arc;
use std::sync::mpsc::{self, Sender};
use std::thread;

use anyhow::{Context, Result};
use ratatui::crossterm::event::{self, Event as TermEvent, KeyCode, MouseButton, MouseEventKind};
use signal_hook::consts::signal::{
    SIGALRM, SIGCONT, SIGHUP, SIGINT, SIGPROF, SIGQUIT, SIGTERM, SIGTSTP, SIGUSR1, SIGUSR2,
    SIGVTALRM, SIGXCPU, SIGXFSZ,
};
use signal_hook::iterator::Signals;

use super::action::{Action, MouseInput, MouseKind, TextKey};
use super::keymap::{INTERRUPT_KEY, Key, SUSPEND_KEY};
use super::render::render;
use super::state::{App, Quit};
use super::state::{Editing, Maps};
use super::terminal::Screen;
use super::update::{Background, apply_background, update};
use crate::argument::detect;
use crate::document::Document;
use crate::source::stream::PartSource;

enum Event {
    Screen(ScreenEvent),
    Background(Box<Background>),
}

impl From<ScreenEvent> for Event {
    fn from(event: ScreenEvent) -> Self {
        Event::Screen(event)
    }
}

/// What the terminal and the signals say, the same for every event loop.
pub(crate) enum ScreenEvent {
    Terminal(TermEvent),
    Signal(i32),
    /// The terminal can no longer be read (e.g. it was closed).
    InputClosed,
}

/// Handles what every event loop handles alike: suspending (Ctrl-Z, SIGTSTP), resuming
/// (SIGCONT), the signals that end the reader, a closed terminal, and a whole redraw after
/// a resize. `Ok(Some(event))`: a terminal event for the reader; `Err`: how it ends.
pub(crate) fn screen_event(
    screen: &mut Screen,
    event: ScreenEvent,
) -> Result<Option<TermEvent>, Exit> {
    let closed = |result: std::io::Result<()>| result.map_err(|_| Exit::TerminalClosed);
    match event {
        ScreenEvent::Signal(SIGTSTP) => closed(screen.suspend()).map(|()| None),
        ScreenEvent::Signal(SIGCONT) => closed(screen.resume()).map(|()| None),
        ScreenEvent::Signal(signal) => Err(Exit::Signal(signal)),
        ScreenEvent::InputClosed => Err(Exit::TerminalClosed),
        ScreenEvent::Terminal(TermEvent::Key(key))
            if Key::from_event(&key) == Some(SUSPEND_KEY) =>
        {
            closed(screen.suspend()).map(|()| None)
        }
        ScreenEvent::Terminal(event) => {
            if matches!(event, TermEvent::Resize(..)) {
                closed(screen.redraw_whole())?;
            }
            Ok(Some(event))
        }
    }
}

/// Works out the argument maps of the whole document (detection, annotations).
pub type Analysis = Box<dyn FnOnce(&Document) -> Analysed + Send>;

/// The maps to show, the editing state and notices; or why there are none.
pub type Analysed = Result<(Maps, Editing, Vec<String>), String>;

/// What the reader does besides reading keys.
#[derive(Default)]
pub struct Work {
    /// Loads the rest of a streamed file or of standard input, part by part.
    pub rest: Option<Box<dyn PartSource>>,
    /// Runs once the whole document is loaded.
    pub analysis: Option<Analysis>,
    /// Detects the argument map of the (whole) document, to merge into the editing state
    /// already there.
    pub detect: bool,
}

/// Reads the rest of a streamed file on its own thread.
fn spawn_loader(mut rest: Box<dyn PartSource>, sender: Sender<Event>) {
    thread::spawn(move || {
        while let Some(part) = rest.next_part() {
            let message = match part {
                Ok(part) => Background::Part {
                    document: part.document,
                    progress: part.progress,
                    last: part.last,
                    replace: part.replace,
                    notices: rest.notices(),
                },
                Err(error) => Background::LoadFailed(error.to_string()),
            };
            if sender.send(Event::Background(Box::new(message))).is_err() {
                break;
            }
        }
    });
}

fn spawn_analysis(analysis: Analysis, doc: Arc<Document>, sender: Sender<Event>) {
    thread::spawn(move || {
        let message = Background::Analysed(analysis(&doc));
        let _ = sender.send(Event::Background(Box::new(message)));
    });
}

fn spawn_detection(doc: Arc<Document>, sender: Sender<Event>) {
    thread::spawn(move || {
        let message = Background::Detected(detect::detect(&doc));
        let _ = sender.send(Event::Background(Box::new(message)));
    });
}

/// The signals that end the reader: every one whose default action ends the process and
/// that can be caught without the process being in an undefined state (unlike SIGSEGV),
/// so the terminal is restored first. SIGPIPE is ignored by the Rust runtime.
pub(crate) const ENDING_SIGNALS: [i32; 11] = [
    SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU,
    SIGXFSZ,
];

/// Forwards the signals that end, suspend (SIGTSTP) or resume (SIGCONT) the reader, on
/// their own thread.
pub(crate) fn spawn_signals<E: From<ScreenEvent> + Send + 'static>(
    mut signals: Signals,
    sender: Sender<E>,
) {
    thread::spawn(move || {
        for signal in signals.forever() {
            if sender.send(ScreenEvent::Signal(signal).into()).is_err() {
                break;
            }
        }
    });
}

/// Reads terminal events on its own thread.
pub(crate) fn spawn_input<E: From<ScreenEvent> + Send + 'static>(sender: Sender<E>) {
    thread::spawn(move || {
        loop {
            let event = match event::read() {
                Ok(event) => ScreenEvent::Terminal(event),
                Err(_) => ScreenEvent::InputClosed,
            };
            let closed = matches!(event, ScreenEvent::InputClosed);
            if sender.send(event.into()).is_err() || closed {
                break;
            }
        }
    });
}

/// How the reader ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Quit,
    /// Ended by this signal; the conventional status is 128 + signal.
    Signal(i32),
    /// The terminal went away.
    TerminalClosed,
}

/// Runs the reader until the user quits, a signal arrives or the terminal closes. Returns
/// how it ended and the final state (to remember the position).
pub fn run(mut app: App, mouse: bool, work: Work) -> Result<(Exit, App)> {
    let (sender, events) = mpsc::channel();
    // Installed now; a signal that arrives before the first frame waits in `signals` until
    // the thread that forwards it starts, after that frame.
    let signals = Signals::new(ENDING_SIGNALS.iter().chain(&[SIGTSTP, SIGCONT]))
        .context("cannot install signal handlers")?;

    let mut screen = Screen::enter(mouse).context("cannot set up the terminal")?;

    let Work {
        rest,
        mut analysis,
        detect,
    } = work;
    // Work besides drawing starts after the first frame, so that frame does not share the
    // cores with it.
    let mut after_first_frame = Some((signals, rest, detect));
    let mut panic_after_frame = test_panic_requested();
    loop {
        if app.loading.is_none()
            && let Some(analysis) = analysis.take()
        {
            spawn_analysis(analysis, Arc::clone(&app.doc), sender.clone());
        }
        let drawn = screen.draw(|buf| {
            // The frame has the terminal's size of this instant; a Resize event still queued
            // (or already applied, during a storm of them) may say otherwise, and drawing
            // for another size writes outside the frame's buffer (a panic).
            let area = buf.area;
            if (area.width, area.height) != app.size {
                update(&mut app, Action::Resize(area.width, area.height));
            }
            render(&app, buf);
        });
        if drawn.is_err() {
            // The terminal can no longer be written to: it has gone (a closed pty, a
            // hung-up line), which is the same ending as the kernel's SIGHUP.
            return Ok((Exit::TerminalClosed, app));
        }
        if let Some((signals, rest, detect)) = after_first_frame.take() {
            spawn_signals(signals, sender.clone());
            spawn_input(sender.clone());
            if let Some(rest) = rest {
                spawn_loader(rest, sender.clone());
            }
            if detect {
                spawn_detection(Arc::clone(&app.doc), sender.clone());
            }
            // The first frame is shown; the costlier setup for the next ones now.
            if screen.finish_setup().is_err() {
                return Ok((Exit::TerminalClosed, app));
            }
        }
        if std::mem::take(&mut panic_after_frame) {
            panic!("{TEST_PANIC_VARIABLE}: panic injected after the first frame");
        }
        let first = events.recv().context("event channel closed")?;
        for event in std::iter::once(first).chain(events.try_iter()) {
            match event {
                Event::Screen(event) => match screen_event(&mut screen, event) {
                    Err(exit) => return Ok((exit, app)),
                    Ok(Some(event)) => {
                        if let Some(action) = action_for(&app, &event) {
                            update(&mut app, action);
                        }
                    }
                    Ok(None) => {}
                },
                Event::Background(message) => apply_background(&mut app, *message),
            }
            match app.quit {
                Some(Quit::Normal) => return Ok((Exit::Quit, app)),
                Some(Quit::Interrupted) => return Ok((Exit::Signal(SIGINT), app)),
                None => {}
            }
        }
    }
}

/// Test-only hook: with `COUNTERPOINT_TEST_PANIC=after-first-frame` the reader panics right
/// after drawing its first frame, so the exit-path tests can check that a panic restores
/// the terminal and exits with status 101. Not documented for users.
pub(crate) const TEST_PANIC_VARIABLE: &str = "COUNTERPOINT_TEST_PANIC";

pub(crate) fn test_panic_requested() -> bool {
    std::env::var_os(TEST_PANIC_VARIABLE).is_some_and(|value| value == "after-first-frame")
}

pub(crate) fn action_for(app: &App, event: &TermEvent) -> Option<Action> {
    match event {
        TermEvent::Key(key) => {
            let key = Key::from_event(key)?;
            if key == INTERRUPT_KEY {
                Some(Action::Interrupt)
            } else if app.expects_text() {
                text_key(key).map(Action::Text)
            } else {
                app.keymap.action(key).or_else(|| count_digit(key))
            }
        }
        TermEvent::Resize(width, height) => Some(Action::Resize(*width, *height)),
        TermEvent::Mouse(mouse) => {
            let kind = match mouse.kind {
                MouseEventKind::ScrollDown => MouseKind::ScrollDown,
                MouseEventKind::ScrollUp => MouseKind::ScrollUp,
                MouseEventKind::Down(MouseButton::Left) => MouseKind::Click,
                _ => return None,
            };
            Some(Action::Mouse(MouseInput {
                kind,
                column: mouse.column,
                row: mouse.row,
            }))
        }
        // A paste goes into a prompt as typed text; elsewhere it means nothing.
        _ => None,
    }
}

/// A digit no binding takes, as part of a count (`5j`).
fn count_digit(key: Key) -> Option<Action> {
    match key.code {
        KeyCode::Char(c) if !key.ctrl => c.to_digit(10).map(|d| Action::Digit(d as u8)),
        _ => None,
    }
}

/// A key as text for a prompt: characters, and the line editing keys of shells
/// (readline's Ctrl-A, Ctrl-E, Ctrl-W, Ctrl-U, Ctrl-K, Ctrl-H).
pub(crate) fn text_key(key: Key) -> Option<TextKey> {
    if key.ctrl {
        return match key.code {
            KeyCode::Char('a') => Some(TextKey::Home),
            KeyCode::Char('e') => Some(TextKey::End),
            KeyCode::Char('w') => Some(TextKey::DeleteWord),
            KeyCode::Char('u') => Some(TextKey::DeleteToStart),
            KeyCode::Char('k') => Some(TextKey::DeleteToEnd),
            KeyCode::Char('h') => Some(TextKey::Backspace),
            KeyCode::Char('b') => Some(TextKey::Left),
            KeyCode::Char('f') => Some(TextKey::Right),
            KeyCode::Char('p') => Some(TextKey::Older),
            KeyCode::Char('n') => Some(TextKey::Newer),
            _ => None,
        };
    }
    match key.code {
        KeyCode::Char(c) => Some(TextKey::Char(c)),
        KeyCode::Backspace => Some(TextKey::Backspace),
        KeyCode::Delete => Some(TextKey::Delete),
        KeyCode::Enter => Some(TextKey::Submit),
        KeyCode::Esc => Some(TextKey::Abort),
        KeyCode::Left => Some(TextKey::Left),
        KeyCode::Right => Some(TextKey::Right),
        KeyCode::Home => Some(TextKey::Home),
        KeyCode::End => Some(TextKey::End),
        KeyCode::Up => Some(TextKey::Older),
        KeyCode::Down => Some(TextKey::Newer),
        _ => None,
    }
}
