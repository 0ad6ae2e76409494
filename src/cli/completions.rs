//! Shell completion scripts, generated from the clap command so they always match it.

use std::io::Write;

pub use clap_complete::Shell;

/// Writes the completion script for `shell` (bash, zsh, fish, elvish, powershell). The
/// program is completed under the command's binary name, else its name.
pub fn completions(shell: Shell, cmd: &mut clap::Command, out: &mut dyn Write) {
    let bin_name = cmd
        .get_bin_name()
        .unwrap_or_else(|| cmd.get_name())
        .to_string();
    clap_complete::generate(shell, cmd, bin_name, out);
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::{Arg, Command};

    fn command() -> Command {
        Command::new("counterpoint")
            .arg(Arg::new("path"))
            .arg(Arg::new("claims").long("claims"))
            .subcommand(Command::new("outline").arg(Arg::new("format").long("format")))
    }

    #[test]
    fn every_shell_gets_a_script_naming_the_program_and_its_words() {
        for shell in [
            Shell::Bash,
            Shell::Zsh,
            Shell::Fish,
            Shell::Elvish,
            Shell::PowerShell,
        ] {
            let mut out = Vec::new();
            completions(shell, &mut command(), &mut out);
            let script = String::from_utf8(out).expect("UTF-8");
            // fish writes options as `-l claims`, the others as `--claims`.
            for word in ["counterpoint", "outline", "claims", "format"] {
                assert!(script.contains(word), "{shell}: {word} missing");
            }
        }
    }
}
