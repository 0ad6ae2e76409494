//! Messages on standard error. Every one goes through [`sanitize::one_line`], because
//! messages quote what users' files hold (annotation quotes, map statements, config values,
//! paths) and none of it may drive the terminal.

use std::fmt::Display;
use std::io::Write;

use crate::source::sanitize;

/// Writes "counterpoint: MESSAGE" on standard error, made printable. A closed or full
/// stderr is ignored: `eprintln!` would panic, and there is nobody to tell.
pub fn message(message: impl Display) {
    let line = sanitize::one_line(&message.to_string());
    let _ = writeln!(std::io::stderr().lock(), "counterpoint: {line}");
}

/// Reports a command-line error from clap. Its messages quote the arguments (an invalid
/// value, an unknown flag), which may hold escape sequences, and on a terminal clap
/// prints them raw among its own colours; so the message is printed plain, each line made
/// printable. `--help` and `--version` are printed as clap prints them (our own text).
pub fn argument_error(error: &clap::Error) -> std::process::ExitCode {
    use clap::error::ErrorKind;
    if matches!(
        error.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
    ) {
        let _ = error.print();
        return std::process::ExitCode::SUCCESS;
    }
    // `StyledStr`'s `Display` is the text without clap's styles.
    let text = error.render().to_string();
    let mut stderr = std::io::stderr().lock();
    for line in text.lines() {
        let _ = writeln!(stderr, "{}", sanitize::one_line(line));
    }
    std::process::ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2))
}
