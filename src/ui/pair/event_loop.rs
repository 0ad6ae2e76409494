//! The event loop of a pair, as `ui::event_loop` is for one article: terminal events,
//! signals and background results on one channel, each batch applied, then one frame.
//! After the first frame both articles are analysed in the background, then the links
//! between them are found, also in the background.

use std::sync::Arc;
use std::sync::mpsc::{self, Sender};
use std::thread;

use anyhow::{Context, Result};
use ratatui::crossterm::event::{Event as TermEvent, KeyCode};
use signal_hook::consts::signal::{SIGCONT, SIGINT, SIGTSTP};
use signal_hook::iterator::Signals;

use super::Pair;
use super::render::render_pair;
use super::update::{relation_letter, update};
use crate::argument::crossmap::{self, Link, Side};
use crate::argument::{ArgumentMap, detect};
use crate::document::Document;
use crate::ui::Action;
use crate::ui::event_loop::{
    ENDING_SIGNALS, Exit, ScreenEvent, TEST_PANIC_VARIABLE, action_for, screen_event, spawn_input,
    spawn_signals, test_panic_requested,
};
use crate::ui::keymap::Key;
use crate::ui::state::Quit;
use crate::ui::terminal::Screen;
use crate::ui::update::{Background, apply_background};

enum Event {
    Screen(ScreenEvent),
    /// The detector's map of article 0 or 1.
    Detected(usize, ArgumentMap),
    /// Links found from these maps.
    Linked(Box<([ArgumentMap; 2], Vec<Link>)>),
}

impl From<ScreenEvent> for Event {
    fn from(event: ScreenEvent) -> Self {
        Event::Screen(event)
    }
}

fn spawn_detection(index: usize, doc: Arc<Document>, sender: Sender<Event>) {
    thread::spawn(move || {
        let _ = sender.send(Event::Detected(index, detect::detect(&doc)));
    });
}

fn spawn_linking(docs: [Arc<Document>; 2], maps: [ArgumentMap; 2], sender: Sender<Event>) {
    thread::spawn(move || {
        let found = crossmap::compute([
            Side {
                doc: &docs[0],
                map: &maps[0],
            },
            Side {
                doc: &docs[1],
                map: &maps[1],
            },
        ]);
        let _ = sender.send(Event::Linked(Box::new((maps, found))));
    });
}

/// Runs the pair reader until the user quits, a signal arrives or the terminal closes.
pub fn run(mut pair: Pair, mouse: bool) -> Result<(Exit, Pair)> {
    let (sender, events) = mpsc::channel();
    let signals = Signals::new(ENDING_SIGNALS.iter().chain(&[SIGTSTP, SIGCONT]))
        .context("cannot install signal handlers")?;
    let mut screen = Screen::enter(mouse).context("cannot set up the terminal")?;
    let mut after_first_frame = Some(signals);
    let mut linking = false;
    let mut panic_after_frame = test_panic_requested();
    loop {
        if !linking && pair.links_stale() {
            linking = true;
            let (docs, maps) = pair.link_job();
            spawn_linking(docs, maps, sender.clone());
        }
        let drawn = screen.draw(|buf| {
            let area = buf.area;
            if (area.width, area.height) != pair.size {
                update(&mut pair, Action::Resize(area.width, area.height));
            }
            render_pair(&pair, buf);
        });
        if drawn.is_err() {
            return Ok((Exit::TerminalClosed, pair));
        }
        if let Some(signals) = after_first_frame.take() {
            spawn_signals(signals, sender.clone());
            spawn_input(sender.clone());
            for (index, app) in pair.apps.iter().enumerate() {
                spawn_detection(index, Arc::clone(&app.doc), sender.clone());
            }
            if screen.finish_setup().is_err() {
                return Ok((Exit::TerminalClosed, pair));
            }
        }
        if std::mem::take(&mut panic_after_frame) {
            panic!("{TEST_PANIC_VARIABLE}: panic injected after the first frame");
        }
        let first = events.recv().context("event channel closed")?;
        for event in std::iter::once(first).chain(events.try_iter()) {
            match event {
                Event::Screen(event) => match screen_event(&mut screen, event) {
                    Err(exit) => return Ok((exit, pair)),
                    Ok(Some(event)) => handle(&mut pair, &event),
                    Ok(None) => {}
                },
                Event::Detected(index, map) => {
                    apply_background(&mut pair.apps[index], Background::Detected(map));
                }
                Event::Linked(linked) => {
                    linking = false;
                    let (maps, found) = *linked;
                    pair.set_found(maps, found);
                }
            }
            match pair.quit() {
                Some(Quit::Normal) => return Ok((Exit::Quit, pair)),
                Some(Quit::Interrupted) => return Ok((Exit::Signal(SIGINT), pair)),
                None => {}
            }
        }
    }
}

/// A terminal event: the relation letter after `=`, or an action for the pair.
pub fn handle(pair: &mut Pair, event: &TermEvent) {
    if pair.awaiting_relation
        && let TermEvent::Key(key) = event
        && let Some(key) = Key::from_event(key)
        && !key.ctrl
        && let KeyCode::Char(letter) = key.code
    {
        return relation_letter(pair, letter);
    }
    if let Some(action) = action_for(pair.focused(), event) {
        update(pair, action);
    }
}
