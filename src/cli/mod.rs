//! The command line: parses arguments and runs the reader, `outline` or `eval`.

mod args;
mod open;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use anyhow::{Result, bail};
use clap::Parser;

pub use args::{Cli, Command, OutlineFormat};
pub use open::{Input, Opened, claims_path_for, open};

use crate::argument::detect;
use crate::outline::Outline;
use crate::ui::{self, App, event_loop::Exit};

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("counterpoint: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Some(Command::Outline {
            path,
            format,
            detect,
            input,
        }) => outline(path.as_deref(), format, detect, &input),
        Some(Command::Eval { paths }) => eval(&paths),
        None => read(cli.path.as_deref(), &cli.input),
    }
}

fn read(path: Option<&str>, input: &args::InputArgs) -> Result<ExitCode> {
    if !std::io::stdout().is_terminal() {
        bail!(
            "standard output is not a terminal; to print the argument map use `counterpoint outline`"
        );
    }
    let opened = open(&Input::from_arg(path), input.claims.as_deref())?;
    let maps = opened.maps()?;
    let mut app = App::new(opened.doc, opened.name, maps, (0, 0));
    app.notices = opened.notices;
    match ui::event_loop::run(app)? {
        Exit::Quit => Ok(ExitCode::SUCCESS),
        Exit::Signal(signal) => Ok(ExitCode::from(128 + signal as u8)),
        Exit::TerminalClosed => Ok(ExitCode::from(129)),
    }
}

fn outline(
    path: Option<&str>,
    format: OutlineFormat,
    detect_only: bool,
    input: &args::InputArgs,
) -> Result<ExitCode> {
    let input_source = match path {
        Some(arg) => Input::from_arg(Some(arg)),
        None => Input::Embedded,
    };
    let opened = open(&input_source, input.claims.as_deref())?;
    let annotated = if detect_only {
        None
    } else {
        opened.annotated()?
    };
    let map = annotated.unwrap_or_else(|| detect::detect(&opened.doc));
    let outline = Outline::new(&opened.doc, &map);
    let text = match format {
        OutlineFormat::Json => outline.to_json(),
        OutlineFormat::Markdown => outline.to_markdown(),
    };
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`| head`) is not an error worth a message.
    if writeln!(stdout, "{text}").is_err() {
        return Ok(ExitCode::SUCCESS);
    }
    Ok(ExitCode::SUCCESS)
}

fn eval(_paths: &[std::path::PathBuf]) -> Result<ExitCode> {
    bail!("eval: the detector's evaluation is not available yet")
}
