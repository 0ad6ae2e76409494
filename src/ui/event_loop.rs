//! The event loop: terminal events and signals arrive on one channel; each batch becomes
//! actions, then one frame is drawn (so a flood of keys or resizes is coalesced).

use std::sync::mpsc;
use std::thread;

use anyhow::{Context, Result};
use ratatui::crossterm::event::{self, Event as TermEvent};
use signal_hook::consts::signal::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

use super::action::Action;
use super::keymap::Key;
use super::render::render;
use super::state::{App, Quit};
use super::terminal::TerminalGuard;
use super::update::update;

enum Event {
    Terminal(TermEvent),
    Signal(i32),
    /// The terminal can no longer be read (e.g. it was closed).
    InputClosed,
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

/// Runs the reader until the user quits, a signal arrives or the terminal closes.
pub fn run(mut app: App) -> Result<Exit> {
    let (sender, events) = mpsc::channel();
    let mut signals =
        Signals::new([SIGTERM, SIGHUP, SIGINT]).context("cannot install signal handlers")?;
    let signal_sender = sender.clone();
    thread::spawn(move || {
        for signal in signals.forever() {
            if signal_sender.send(Event::Signal(signal)).is_err() {
                break;
            }
        }
    });

    let mut guard = TerminalGuard::enter().context("cannot set up the terminal")?;
    let size = guard.terminal.size()?;
    update(&mut app, Action::Resize(size.width, size.height));

    thread::spawn(move || {
        loop {
            let event = match event::read() {
                Ok(event) => Event::Terminal(event),
                Err(_) => Event::InputClosed,
            };
            let closed = matches!(event, Event::InputClosed);
            if sender.send(event).is_err() || closed {
                break;
            }
        }
    });

    loop {
        guard.terminal.draw(|frame| render(&app, frame))?;
        let first = events.recv().context("event channel closed")?;
        for event in std::iter::once(first).chain(events.try_iter()) {
            match event {
                Event::Signal(signal) => return Ok(Exit::Signal(signal)),
                Event::InputClosed => return Ok(Exit::TerminalClosed),
                Event::Terminal(event) => {
                    if let Some(action) = action_for(&app, &event) {
                        update(&mut app, action);
                    }
                }
            }
            match app.quit {
                Some(Quit::Normal) => return Ok(Exit::Quit),
                Some(Quit::Interrupted) => return Ok(Exit::Signal(SIGINT)),
                None => {}
            }
        }
    }
}

fn action_for(app: &App, event: &TermEvent) -> Option<Action> {
    match event {
        TermEvent::Key(key) => app.keymap.action(Key::from_event(key)?),
        TermEvent::Resize(width, height) => Some(Action::Resize(*width, *height)),
        _ => None,
    }
}
