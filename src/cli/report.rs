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
