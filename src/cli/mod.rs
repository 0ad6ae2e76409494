//! The command line: parses arguments and runs the reader, `outline` or `eval`.

mod args;
mod open;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use anyhow::{Result, bail};
use clap::Parser;

pub use args::{Cli, Command, InputArgs, InputFormat, OutlineFormat};
pub use open::{Opened, open};

use crate::argument::detect;
use crate::outline::Outline;
use crate::source::{Format, InputSpec, LoadOptions};
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
    let spec = match path {
        Some(arg) => InputSpec::from_arg(arg),
        // Like `less`: with no file named, a piped standard input is the document.
        None if !std::io::stdin().is_terminal() => InputSpec::Stdin,
        None => InputSpec::Embedded,
    };
    let opened = open(&spec, &load_options(input), input.claims.as_deref())?;
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
    let spec = path.map_or(InputSpec::Embedded, InputSpec::from_arg);
    let opened = open(&spec, &load_options(input), input.claims.as_deref())?;
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

fn load_options(input: &args::InputArgs) -> LoadOptions {
    LoadOptions {
        encoding: input.encoding.clone(),
        max_bytes: input.max_size,
        format: input.input_format.map(|f| match f {
            InputFormat::Text => Format::Text,
            InputFormat::Markdown => Format::Markdown,
            InputFormat::Html => Format::Html,
        }),
        timeout: std::time::Duration::from_secs(input.timeout),
    }
}

fn eval(_paths: &[std::path::PathBuf]) -> Result<ExitCode> {
    bail!("eval: the detector's evaluation is not available yet")
}
