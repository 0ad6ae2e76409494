//! The manual page (roff), generated from the clap command, with the sections clap does
//! not know about: the reader's keys, its environment variables and its files.

use std::io::{self, Write};

use clap_mangen::Man;
use clap_mangen::roff::{Roff, bold, italic, roman};

/// Writes `counterpoint.1`: name, synopsis, description, options, subcommands, examples
/// (the command's after-help text), ENVIRONMENT, FILES and version.
pub fn man_page(cmd: clap::Command, out: &mut dyn Write) -> io::Result<()> {
    man_page_with_keys(cmd, &[], out)
}

/// `man_page` with a KEYS section: each row is the keys as the help overlay writes them
/// ("j ↓") and what they do (`Keymap::describe` gives both).
pub fn man_page_with_keys(
    cmd: clap::Command,
    keys: &[(String, String)],
    out: &mut dyn Write,
) -> io::Result<()> {
    // Like `Man::render`, leave out the sections the command has nothing for.
    let mut built = cmd.clone();
    built.build();
    let has_arguments = built.get_arguments().any(|a| !a.is_hide_set());
    let has_subcommands = built.get_subcommands().any(|c| !c.is_hide_set());
    let extra = built
        .get_after_long_help()
        .or(built.get_after_help())
        .map(|text| text.to_string());
    let has_version = built.get_version().or(built.get_long_version()).is_some();
    let has_author = built.get_author().is_some();

    let man = Man::new(cmd);
    type Section = fn(&Man, &mut dyn Write) -> io::Result<()>;
    let before: [(bool, Section); 6] = [
        (true, Man::render_title),
        (true, Man::render_name_section),
        (true, Man::render_synopsis_section),
        (true, Man::render_description_section),
        (has_arguments, Man::render_options_section),
        (has_subcommands, Man::render_subcommands_section),
    ];
    let after: [(bool, Section); 2] = [
        (has_version, Man::render_version_section),
        (has_author, Man::render_authors_section),
    ];
    let mut pieces = Vec::new();
    for (_, section) in before.into_iter().filter(|(wanted, _)| *wanted) {
        pieces.push(render(|w| section(&man, w))?);
    }
    if let Some(extra) = extra {
        pieces.push(after_help(&extra).render());
    }
    pieces.push(ours(keys).render());
    for (_, section) in after.into_iter().filter(|(wanted, _)| *wanted) {
        pieces.push(render(|w| section(&man, w))?);
    }
    // Each piece starts with roff's apostrophe preamble; the page needs it once.
    let preamble = Roff::default().render();
    out.write_all(preamble.as_bytes())?;
    for piece in &pieces {
        out.write_all(piece.strip_prefix(&preamble).unwrap_or(piece).as_bytes())?;
    }
    Ok(())
}

fn render(section: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<String> {
    let mut buffer = Vec::new();
    section(&mut buffer)?;
    String::from_utf8(buffer).map_err(io::Error::other)
}

/// The text after the options, lines kept as written (clap_mangen would fill them into
/// paragraphs, which scrambles example columns). Titled EXAMPLES when it is examples.
fn after_help(text: &str) -> Roff {
    let mut roff = Roff::default();
    let (title, body) = match text.strip_prefix("Examples:") {
        Some(rest) => ("EXAMPLES", rest.trim_start_matches('\n')),
        None => ("NOTES", text),
    };
    roff.control("SH", [title]);
    roff.control("nf", []);
    for line in body.lines() {
        roff.text([roman(line)]);
    }
    roff.control("fi", []);
    roff
}

/// KEYS (when given), ENVIRONMENT and FILES.
fn ours(keys: &[(String, String)]) -> Roff {
    let mut roff = Roff::default();
    if !keys.is_empty() {
        roff.control("SH", ["KEYS"]);
        for (keys, what) in keys {
            roff.control("TP", []);
            roff.text([bold(keys.as_str())]);
            roff.text([roman(what.as_str())]);
        }
    }
    roff.control("SH", ["ENVIRONMENT"]);
    for (name, text) in [
        (
            "NO_COLOR",
            "When set and not empty, no colours are used (the mono theme), whatever the \
             config file says.",
        ),
        (
            "TERM",
            "The reader refuses to start when it is dumb or not set (use counterpoint outline).",
        ),
        (
            "XDG_CONFIG_HOME",
            "Where the config file is looked for; ~/.config when unset.",
        ),
        (
            "XDG_STATE_HOME",
            "Where reading positions are remembered; ~/.local/state when unset.",
        ),
    ] {
        roff.control("TP", []);
        roff.text([bold(name)]);
        roff.text([roman(text)]);
    }
    roff.control("SH", ["FILES"]);
    for (path, text) in [
        (
            "$XDG_CONFIG_HOME/counterpoint/config.toml",
            "Settings: theme, measure, sidebar_width, sidebar_side, sidebar_lines, \
             tints, mouse, remember_position and a [keys] table of action = [keys]. \
             counterpoint --print-config prints the effective configuration.",
        ),
        (
            "$XDG_STATE_HOME/counterpoint/positions.json",
            "Where each document was left, by a hash of its content. Safe to delete.",
        ),
        (
            "NAME.claims.toml",
            "The annotation file beside an article NAME.txt: its key claims and \
             counterclaims.",
        ),
    ] {
        roff.control("TP", []);
        roff.text([italic(path)]);
        roff.text([roman(text)]);
    }
    roff
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::{Arg, Command};

    fn command() -> Command {
        Command::new("counterpoint")
            .version("0.1.0")
            .about("A terminal reader for argumentative writing")
            .arg(Arg::new("path").help("The article to read"))
            .arg(Arg::new("claims").long("claims").help("Annotation file"))
            .subcommand(Command::new("outline").about("Print the argument map"))
            .after_help("Examples:\n  counterpoint essay.txt")
    }

    fn render(keys: &[(String, String)]) -> String {
        let mut out = Vec::new();
        man_page_with_keys(command(), keys, &mut out).expect("renders");
        String::from_utf8(out).expect("UTF-8")
    }

    #[test]
    fn the_page_has_the_commands_sections_and_ours() {
        let page = render(&[]);
        assert_eq!(page.matches(".ds Aq").count(), 2, "one preamble:\n{page}");
        assert!(page.contains("\n.TH counterpoint 1 "), "{page}");
        for needle in [
            ".SH NAME",
            ".SH SYNOPSIS",
            ".SH OPTIONS",
            "claims",
            "outline",
            ".SH EXAMPLES",
            "counterpoint essay.txt",
            ".SH ENVIRONMENT",
            "NO_COLOR",
            "XDG_STATE_HOME",
            ".SH FILES",
            "config.toml",
            ".SH VERSION",
        ] {
            assert!(page.contains(needle), "{needle} missing:\n{page}");
        }
        assert!(!page.contains(".SH KEYS"));
        assert!(!page.contains(".SH AUTHORS"), "no author, no section");
        let mut plain = Vec::new();
        man_page(command(), &mut plain).unwrap();
        assert_eq!(String::from_utf8(plain).unwrap(), page);
    }

    #[test]
    fn keys_get_a_section_of_their_own() {
        let page = render(&[("j ↓".to_string(), "scroll down a line".to_string())]);
        let keys = page.find(".SH KEYS").expect("a KEYS section");
        assert!(keys < page.find(".SH ENVIRONMENT").unwrap());
        assert!(page.contains("j ↓"), "{page}");
        assert!(page.contains("scroll down a line"));
    }
}
