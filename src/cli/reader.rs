//! Starting the reader: config, theme, keys, remembered position, then the event loop.

use std::io::IsTerminal;
use std::process::ExitCode;

use anyhow::{Result, bail};

use super::args::{InputArgs, ViewArgs};
use super::fetching::{self, Outcome};
use super::load_options;
use super::maps::{self, MapSource};
use crate::config::Config;
use crate::document::Document;
use crate::layout::Anchor;
use crate::position_store::{self, PositionStore};
use crate::source::pipe::{self, Stdin};
use crate::source::stream::{self, Streamed};
use crate::source::{self, InputSpec};
use crate::ui::App;
use crate::ui::Maps;
use crate::ui::event_loop::Work;
use crate::ui::event_loop::{self, Exit};
use crate::ui::glyphs;
use crate::ui::keymap::Keymap;
use crate::ui::screen::ViewPrefs;
use crate::ui::theme::{self, Theme};

/// The config file named on the command line, or the default one (missing: defaults).
pub fn load_config(view: &ViewArgs) -> Result<(Config, Option<std::path::PathBuf>)> {
    Ok(match &view.config {
        Some(path) => (Config::load(path)?, Some(path.clone())),
        None => Config::load_default()?,
    })
}

/// The reader needs a terminal that moves the cursor and has an alternate screen; `dumb`
/// (Emacs shells, some CI logs) or no `TERM` at all cannot, and drawing there would fill
/// the output with escape sequences.
fn refuse_dumb_terminal(term: Option<&std::ffi::OsStr>) -> Result<()> {
    let term = term.map(|t| t.to_string_lossy().trim().to_ascii_lowercase());
    match term.as_deref() {
        None | Some("") => bail!(
            "TERM is not set, so the terminal's abilities are unknown; to print the argument map use `counterpoint outline`"
        ),
        Some("dumb") => bail!(
            "the terminal is dumb (TERM=dumb) and cannot show the reader; to print the argument map use `counterpoint outline`"
        ),
        Some(_) => Ok(()),
    }
}

/// Refuses a terminal that cannot show the reader (`TERM` unset, empty or dumb).
pub fn refuse_dumb_terminal_here() -> Result<()> {
    refuse_dumb_terminal(std::env::var_os("TERM").as_deref())
}

/// The theme (from `--theme` or the config; ASCII under a locale that is not UTF-8, where
/// the terminal cannot show box drawing or arrows) and the keys.
pub(crate) fn look(config: &Config, view: &ViewArgs) -> Result<(Theme, Keymap)> {
    let no_color = theme::no_color_requested();
    let theme = match &view.theme {
        Some(name) => Theme::resolve(Some(name), no_color).map_err(anyhow::Error::msg)?,
        None => config.theme(no_color),
    };
    let theme = Theme {
        ascii: !glyphs::utf8_locale(),
        ..theme
    };
    Ok((theme, config.keymap()?))
}

/// Gives a reader its theme, keys and the config's layout preferences.
pub(crate) fn dress(app: &mut App, config: &Config, theme: Theme, keymap: Keymap) {
    app.theme = theme;
    app.keymap = keymap;
    app.prefs = ViewPrefs {
        measure: config.measure,
        sidebar_shown: true,
        sidebar_width: config.sidebar_width,
        sidebar_side: config.sidebar_side,
        sidebar_lines: config.sidebar_lines,
        tints: config.tints,
    };
}

pub fn read(path: Option<&str>, input: &InputArgs, view: &ViewArgs) -> Result<ExitCode> {
    if !std::io::stdout().is_terminal() {
        bail!(
            "standard output is not a terminal; to print the argument map use `counterpoint outline`"
        );
    }
    refuse_dumb_terminal(std::env::var_os("TERM").as_deref())?;
    let (config, _) = load_config(view)?;
    let (theme, keymap) = look(&config, view)?;

    let spec = match path {
        Some(arg) => InputSpec::from_arg(arg),
        // Like `less`: with no file named, a piped standard input is the document.
        None if !std::io::stdin().is_terminal() => InputSpec::Stdin,
        None => InputSpec::Embedded,
    };
    let mut options = load_options(input);
    options.keep_all |= config.keep_all;
    // Standard input: the first screen as soon as data has come and the pipe falls
    // quiet; the rest while it stays open.
    let mut stdin_bytes = None;
    let mut pipe_open = false;
    let streamed = match &spec {
        InputSpec::Path(path) => stream::open(path, &options)?,
        InputSpec::Stdin => match pipe::open_stdin(&options)? {
            Stdin::Whole(bytes) => {
                stdin_bytes = Some(bytes);
                None
            }
            Stdin::Streaming { first, rest } => {
                pipe_open = true;
                Some(Streamed {
                    first: *first,
                    rest,
                })
            }
        },
        _ => None,
    };
    let (mut app, work, key) = match streamed {
        // A large plain-text file: show its beginning now, load and analyse the rest in
        // the background.
        Some(Streamed { first, rest }) => {
            let mut app = App::new(first.document, first.name, Maps::default(), (0, 0));
            app.load_notices = first.notices;
            app.loading = Some(0.0);
            app.pipe_open = pipe_open;
            app.analysing = true;
            let (claims, import) = (input.claims.clone(), input.map.clone());
            let analysis = move |doc: &Document| {
                let source = MapSource::new(&spec, doc, claims.as_deref(), import.as_deref());
                // Shown on the status line: printable, as on stderr.
                maps::build(doc, source)
                    .map_err(|error| crate::source::sanitize::one_line(&format!("{error:#}")))
            };
            let work = Work {
                rest: Some(rest),
                analysis: Some(Box::new(analysis)),
                detect: false,
            };
            (app, work, position_store::key(first.source_bytes_hash))
        }
        None => {
            let loaded = match (stdin_bytes, &spec) {
                (Some(bytes), _) => source::load_stdin_bytes(&bytes, &options)?,
                // Progress on the terminal while it loads; `q` and Ctrl-C cancel.
                (None, InputSpec::Url(_)) => match fetching::open_url(&spec, &options)? {
                    Outcome::Loaded(loaded) => *loaded,
                    Outcome::Cancelled(code) => return Ok(code),
                },
                (None, _) => source::open(&spec, &options)?,
            };
            let doc = loaded.document;
            let map_source =
                MapSource::new(&spec, &doc, input.claims.as_deref(), input.map.as_deref());
            // The annotations now (they are small and the sidebar shows them at once), the
            // detector after the first frame.
            let (maps, editing, notices) = maps::annotated(&doc, map_source)?;
            let mut app = App::new(doc, loaded.name, maps, (0, 0));
            app.load_notices = loaded.notices;
            app.notices = notices;
            app.editing = Some(editing);
            app.analysing = true;
            let work = Work {
                detect: true,
                ..Work::default()
            };
            (app, work, position_store::key(loaded.source_bytes_hash))
        }
    };
    dress(&mut app, &config, theme, keymap);

    let remember = config.remember_position && !view.no_remember;
    let mut store = None;
    if remember && let Some((positions, notice)) = PositionStore::open_default() {
        app.notices.extend(notice);
        // Left in the first paragraph: start at the top, title and all.
        match positions.get(&key).filter(|&p| p > 0) {
            Some(paragraph) if paragraph < app.doc.paragraphs.len() => {
                app.top = Anchor {
                    block: app.layout.block_of_paragraph(paragraph),
                    row: 0,
                };
                app.message = Some(format!("resumed at ¶{}", paragraph + 1));
            }
            // Not loaded yet: resume when it arrives.
            Some(paragraph) if app.loading.is_some() => app.resume = Some(paragraph),
            _ => {}
        }
        store = Some(positions);
    }
    let (exit, app) = event_loop::run(app, config.mouse && !view.no_mouse, work)?;
    if let (Some(mut positions), Some(paragraph)) = (store, app.top_paragraph()) {
        positions.set(&key, paragraph);
        if let Err(error) = positions.save() {
            super::report::message(format_args!("could not remember the position: {error}"));
        }
    }
    Ok(match exit {
        Exit::Quit => ExitCode::SUCCESS,
        Exit::Signal(signal) => ExitCode::from(128 + signal as u8),
        Exit::TerminalClosed => ExitCode::from(129),
    })
}
