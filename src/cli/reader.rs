//! Starting the reader: config, theme, keys, remembered position, then the event loop.

use std::io::IsTerminal;
use std::process::ExitCode;

use anyhow::{Result, bail};

use super::args::{InputArgs, ViewArgs};
use super::{load_options, open};
use crate::config::Config;
use crate::layout::Anchor;
use crate::position_store::{self, PositionStore};
use crate::source::InputSpec;
use crate::ui::App;
use crate::ui::event_loop::{self, Exit};
use crate::ui::screen::ViewPrefs;
use crate::ui::theme::{self, Theme};

/// The config file named on the command line, or the default one (missing: defaults).
pub fn load_config(view: &ViewArgs) -> Result<(Config, Option<std::path::PathBuf>)> {
    Ok(match &view.config {
        Some(path) => (Config::load(path)?, Some(path.clone())),
        None => Config::load_default()?,
    })
}

pub fn read(path: Option<&str>, input: &InputArgs, view: &ViewArgs) -> Result<ExitCode> {
    if !std::io::stdout().is_terminal() {
        bail!(
            "standard output is not a terminal; to print the argument map use `counterpoint outline`"
        );
    }
    let (config, _) = load_config(view)?;
    let no_color = theme::no_color_requested();
    let theme = match &view.theme {
        Some(name) => Theme::resolve(Some(name), no_color).map_err(anyhow::Error::msg)?,
        None => config.theme(no_color),
    };
    let keymap = config.keymap()?;

    let spec = match path {
        Some(arg) => InputSpec::from_arg(arg),
        // Like `less`: with no file named, a piped standard input is the document.
        None if !std::io::stdin().is_terminal() => InputSpec::Stdin,
        None => InputSpec::Embedded,
    };
    let opened = open(&spec, &load_options(input), input.claims.as_deref())?;
    let maps = opened.maps()?;
    let key = position_store::key(opened.content_hash);

    let mut app = App::new(opened.doc, opened.name, maps, (0, 0));
    app.notices = opened.notices;
    app.theme = theme;
    app.keymap = keymap;
    app.prefs = ViewPrefs {
        measure: config.measure,
        sidebar_shown: true,
        sidebar_width: config.sidebar_width,
        sidebar_side: config.sidebar_side,
    };

    let remember = config.remember_position && !view.no_remember;
    let mut store = None;
    if remember && let Some((positions, notice)) = PositionStore::open_default() {
        app.notices.extend(notice);
        // Left in the first paragraph: start at the top, title and all.
        let resume = positions
            .get(&key)
            .filter(|&p| p > 0 && p < app.doc.paragraphs.len());
        if let Some(paragraph) = resume {
            app.top = Anchor {
                block: app.layout.block_of_paragraph(paragraph),
                row: 0,
            };
            app.message = Some(format!("resumed at ¶{}", paragraph + 1));
        }
        store = Some(positions);
    }
    let (exit, app) = event_loop::run(app, config.mouse && !view.no_mouse)?;
    if let (Some(mut positions), Some(paragraph)) = (store, app.top_paragraph()) {
        positions.set(&key, paragraph);
        if let Err(error) = positions.save() {
            eprintln!("counterpoint: could not remember the position: {error}");
        }
    }
    Ok(match exit {
        Exit::Quit => ExitCode::SUCCESS,
        Exit::Signal(signal) => ExitCode::from(128 + signal as u8),
        Exit::TerminalClosed => ExitCode::from(129),
    })
}
