//! The command line, as clap types.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

const EXAMPLES: &str = "\
Examples:
  counterpoint                         read the embedded article
  counterpoint essay.txt               read a file (its essay.claims.toml is used if present)
  curl -s URL | counterpoint           read stdin; keys come from the terminal
  counterpoint outline --format json   print the embedded article's argument map as JSON
  counterpoint outline essay.txt --detect --format markdown
  counterpoint eval tests/corpus/*.txt score the detector against annotation files";

/// A terminal reader for argumentative writing: the article beside a map of its key
/// claims and the counterclaims it addresses.
#[derive(Debug, Parser)]
#[command(
    name = "counterpoint",
    version,
    about,
    after_help = EXAMPLES,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// The article to read: a file, or `-` for standard input. Without one, standard input
    /// if it is piped, else the embedded article.
    pub path: Option<String>,

    #[command(flatten)]
    pub input: InputArgs,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, clap::Args)]
pub struct InputArgs {
    /// Annotation file to use instead of NAME.claims.toml beside the article.
    #[arg(long, value_name = "FILE")]
    pub claims: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the article and its argument map without starting the reader.
    Outline {
        /// The article: a file, or `-` for standard input. Without one, the embedded article.
        path: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutlineFormat::Json)]
        format: OutlineFormat,
        /// Ignore annotation files: print detected items only.
        #[arg(long)]
        detect: bool,
        #[command(flatten)]
        input: InputArgs,
    },
    /// Score the detector against articles' annotation files (precision, recall, F1).
    Eval {
        /// Articles with a NAME.claims.toml beside them.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutlineFormat {
    Json,
    Markdown,
}
