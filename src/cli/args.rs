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
  counterpoint eval tests/corpus/*.txt score the detector against annotation files
  counterpoint op-ed.txt reply.txt     read two articles side by side, their arguments linked
  counterpoint outline op-ed.txt reply.txt --format json
  counterpoint eval --pairs tests/pairs/sources.toml  score links against hand-made ones";

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

    /// A second article, read beside the first with the links between their arguments.
    #[arg(value_name = "OTHER")]
    pub other: Option<String>,

    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub view: ViewArgs,

    /// Print the effective configuration (config file and defaults) and exit.
    #[arg(long)]
    pub print_config: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// How the reader looks and behaves; each overrides the config file.
#[derive(Debug, Clone, clap::Args)]
pub struct ViewArgs {
    /// Colour theme: dark, light or mono. NO_COLOR in the environment forces mono.
    #[arg(long, value_name = "NAME")]
    pub theme: Option<String>,

    /// Leave the mouse to the terminal (no wheel scrolling or clicking in the reader).
    #[arg(long)]
    pub no_mouse: bool,

    /// Neither resume at the remembered position nor remember where reading stopped.
    #[arg(long)]
    pub no_remember: bool,

    /// Config file to read instead of $XDG_CONFIG_HOME/counterpoint/config.toml.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

#[derive(Debug, Clone, clap::Args)]
pub struct InputArgs {
    /// Annotation file to use instead of NAME.claims.toml beside the article.
    #[arg(long, value_name = "FILE")]
    pub claims: Option<PathBuf>,

    /// An argument map made elsewhere (AIF JSON or Argdown) to anchor in the article and
    /// use instead of its annotation file.
    #[arg(long, value_name = "FILE", conflicts_with = "claims")]
    pub map: Option<PathBuf>,

    /// Text encoding of a legacy 8-bit file (e.g. windows-1252, latin1, koi8-r).
    /// Without it: a byte-order mark, the page's charset, else UTF-8.
    #[arg(long, value_name = "LABEL")]
    pub encoding: Option<String>,

    /// Read the input as this format instead of guessing from its name and content.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub input_format: Option<InputFormat>,

    /// Keep every block of a plain text: no page furniture is hidden, even in what looks
    /// like a web page captured with its menus and footers.
    #[arg(long)]
    pub keep_all: bool,

    /// Refuse inputs larger than this (bytes, or with K, M or G).
    #[arg(long, value_name = "SIZE", default_value = "256M", value_parser = parse_size)]
    pub max_size: u64,

    /// Deadline for loading a URL, all of it from connecting to the last byte, in seconds
    /// (at least 1; more than a day counts as a day).
    #[arg(long, value_name = "SECONDS", default_value_t = 30, value_parser = parse_timeout)]
    pub timeout: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    Text,
    Markdown,
    Html,
}

/// "1048576", "512K", "256M", "1G" (binary multiples) → bytes.
fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let (number, unit) = match text.char_indices().find(|(_, c)| c.is_ascii_alphabetic()) {
        Some((at, _)) => text.split_at(at),
        None => (text, ""),
    };
    let multiplier: u64 = match unit
        .to_ascii_uppercase()
        .trim_end_matches("IB")
        .trim_end_matches('B')
    {
        "" => 1,
        "K" => 1 << 10,
        "M" => 1 << 20,
        "G" => 1 << 30,
        // The whole value is quoted, not the piece after its first letter: a piece of an
        // escape sequence would no longer be recognised as one when the message is cleaned.
        _ => {
            return Err(format!(
                "'{text}' is not a size (use a number with K, M or G)"
            ));
        }
    };
    let number: u64 = number
        .trim()
        .parse()
        .map_err(|_| format!("'{text}' is not a size"))?;
    number
        .checked_mul(multiplier)
        .ok_or_else(|| format!("'{text}' is too large"))
}

/// The longest network timeout: a day. Larger values are taken as this, since a deadline
/// that far off overflows the clock's arithmetic (a panic), and means "wait" either way.
pub const MAX_TIMEOUT_SECS: u64 = 24 * 60 * 60;

/// Seconds for `--timeout`: a positive whole number (0 would fail every fetch at once),
/// clamped to [`MAX_TIMEOUT_SECS`].
fn parse_timeout(text: &str) -> Result<u64, String> {
    let trimmed = text.trim();
    if !trimmed.is_empty() && trimmed.bytes().all(|b| b.is_ascii_digit()) {
        // All digits: too many of them for a u64 is simply a very long time.
        let seconds = trimmed.parse::<u64>().unwrap_or(u64::MAX);
        if seconds == 0 {
            return Err("the timeout must be at least 1 second".to_string());
        }
        return Ok(seconds.min(MAX_TIMEOUT_SECS));
    }
    Err(format!("'{text}' is not a number of seconds"))
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the article and its argument map without starting the reader.
    Outline {
        /// The article: a file, or `-` for standard input. Without one, the embedded article.
        path: Option<String>,
        /// A second article: print both outlines and the links between them (json or
        /// markdown).
        #[arg(value_name = "OTHER")]
        other: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutlineFormat::Json)]
        format: OutlineFormat,
        /// Ignore annotation and link files: print detected items (and links) only.
        #[arg(long)]
        detect: bool,
        #[command(flatten)]
        input: InputArgs,
    },
    /// Score the detector against articles' annotation files (precision, recall, F1).
    Eval {
        /// Articles with a NAME.claims.toml beside them.
        #[arg(required_unless_present = "pairs")]
        paths: Vec<PathBuf>,
        /// Score the links found between pairs of articles against their hand-made link
        /// files, as listed in this catalogue (e.g. tests/pairs/sources.toml).
        #[arg(long, value_name = "FILE", conflicts_with = "baselines")]
        pairs: Option<PathBuf>,
        /// Also score the trivial baselines (first and last sentence of each paragraph as
        /// key claims; opposing-view phrases as counterclaims).
        #[arg(long)]
        baselines: bool,
    },
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `counterpoint man > counterpoint.1`.
    Man,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutlineFormat {
    Json,
    Markdown,
    /// Argdown: the thesis and claims as statements, counterclaims attacking them.
    Argdown,
    /// AIFdb JSON: I-nodes, RA (support) and CA (conflict) nodes, edges.
    Aif,
}

#[cfg(test)]
mod tests {
    use super::{MAX_TIMEOUT_SECS, parse_size, parse_timeout};

    #[test]
    fn timeouts_are_positive_and_at_most_a_day() {
        assert_eq!(parse_timeout("10"), Ok(10));
        assert!(parse_timeout("0").is_err());
        assert!(parse_timeout("-1").is_err());
        assert!(parse_timeout("soon").is_err());
        assert_eq!(parse_timeout("18446744073709551615"), Ok(MAX_TIMEOUT_SECS));
        assert_eq!(
            parse_timeout("99999999999999999999999"),
            Ok(MAX_TIMEOUT_SECS)
        );
    }

    #[test]
    fn sizes_take_binary_units() {
        assert_eq!(parse_size("1024"), Ok(1024));
        assert_eq!(parse_size("256M"), Ok(256 << 20));
        assert_eq!(parse_size("2g"), Ok(2 << 30));
        assert_eq!(parse_size("512KiB"), Ok(512 << 10));
        assert!(parse_size("12Q").is_err());
        assert!(parse_size("lots").is_err());
    }
}
