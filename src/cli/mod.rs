//! The command line: parses arguments and runs the reader, `outline`, `eval`,
//! `completions` or `man`.

mod args;
pub mod completions;
mod eval;
mod fetching;
pub mod man;
pub mod maps;
mod memory;
mod open;
mod pair;
mod reader;
mod report;

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use clap::CommandFactory;
use clap::Parser as _;

pub use args::{Cli, Command, InputArgs, InputFormat, OutlineFormat, ViewArgs};
pub use open::{Opened, open};

use crate::argument::{detect, export};
use crate::outline::Outline;
use crate::source::{Format, InputSpec, LoadOptions};

pub fn main() -> ExitCode {
    memory::return_large_blocks();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => return report::argument_error(&error),
    };
    match run(cli) {
        Ok(code) => code,
        Err(error) => {
            report::message(format_args!("{error:#}"));
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Some(Command::Outline {
            path: Some(a),
            other: Some(b),
            format,
            detect,
            input,
        }) => pair::outline(&a, &b, format, detect, &input),
        Some(Command::Outline {
            path,
            format,
            detect,
            input,
            ..
        }) => outline(path.as_deref(), format, detect, &input),
        Some(Command::Eval {
            pairs: Some(catalogue),
            ..
        }) => pair::eval(&catalogue),
        Some(Command::Eval {
            paths, baselines, ..
        }) => eval::eval(&paths, baselines),
        Some(Command::Completions { shell }) => {
            completions::completions(shell, &mut Cli::command(), &mut std::io::stdout());
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Man) => {
            let keys: Vec<(String, String)> = crate::ui::keymap::Keymap::default()
                .describe()
                .into_iter()
                .map(|(keys, action)| (keys, action.describe().to_string()))
                .collect();
            man::man_page_with_keys(Cli::command(), &keys, &mut std::io::stdout())?;
            Ok(ExitCode::SUCCESS)
        }
        None if cli.print_config => {
            let (config, _) = reader::load_config(&cli.view)?;
            print!("{}", config.effective_toml());
            Ok(ExitCode::SUCCESS)
        }
        None => match (cli.path.as_deref(), cli.other.as_deref()) {
            (Some(a), Some(b)) => pair::read(a, b, &cli.input, &cli.view),
            (path, _) => reader::read(path, &cli.input, &cli.view),
        },
    }
}

fn outline(
    path: Option<&str>,
    format: OutlineFormat,
    detect_only: bool,
    input: &InputArgs,
) -> Result<ExitCode> {
    let spec = path.map_or(InputSpec::Embedded, InputSpec::from_arg);
    let opened = open(
        &spec,
        &load_options(input),
        input.claims.as_deref(),
        input.map.as_deref(),
    )?;
    let annotated = if detect_only {
        None
    } else {
        opened.annotated()?
    };
    let map = annotated.unwrap_or_else(|| detect::detect(&opened.doc));
    let doc = &opened.doc;
    let text = match format {
        OutlineFormat::Json => Outline::new(doc, &map).to_json(),
        OutlineFormat::Markdown => Outline::new(doc, &map).to_markdown(),
        OutlineFormat::Argdown => export::argdown(doc, &map),
        OutlineFormat::Aif => export::aif(doc, &map),
    };
    // A closed pipe (`| head`) is not an error worth a message.
    let _ = writeln!(std::io::stdout().lock(), "{text}");
    Ok(ExitCode::SUCCESS)
}

fn load_options(input: &InputArgs) -> LoadOptions {
    LoadOptions {
        encoding: input.encoding.clone(),
        max_bytes: input.max_size,
        format: input.input_format.map(|f| match f {
            InputFormat::Text => Format::Text,
            InputFormat::Markdown => Format::Markdown,
            InputFormat::Html => Format::Html,
        }),
        timeout: std::time::Duration::from_secs(input.timeout),
        keep_all: input.keep_all,
    }
}
