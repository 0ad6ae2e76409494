//! Where counterpoint keeps its files, following the XDG base directories on every
//! platform (a terminal program's users expect `~/.config`, also on macOS).

use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// `$XDG_CONFIG_HOME/counterpoint/config.toml`, else `~/.config/counterpoint/config.toml`.
pub fn config_file() -> Option<PathBuf> {
    base_dir(
        std::env::var_os("XDG_CONFIG_HOME"),
        dirs::home_dir(),
        ".config",
    )
    .map(|dir| dir.join("counterpoint").join("config.toml"))
}

/// `$XDG_STATE_HOME/counterpoint`, else `~/.local/state/counterpoint`.
pub fn state_dir() -> Option<PathBuf> {
    base_dir(
        std::env::var_os("XDG_STATE_HOME"),
        dirs::home_dir(),
        ".local/state",
    )
    .map(|dir| dir.join("counterpoint"))
}

/// An XDG base directory: the variable if it holds an absolute path (the spec says to
/// ignore relative ones), else `home/fallback`.
pub fn base_dir(
    variable: Option<OsString>,
    home: Option<PathBuf>,
    fallback: &str,
) -> Option<PathBuf> {
    match variable.map(PathBuf::from) {
        Some(dir) if dir.is_absolute() => Some(dir),
        _ => home.map(|home| home.join(Path::new(fallback))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_variable_wins_when_absolute_else_the_home_fallback() {
        let home = Some(PathBuf::from("/home/r"));
        assert_eq!(
            base_dir(Some("/xdg".into()), home.clone(), ".config"),
            Some(PathBuf::from("/xdg"))
        );
        assert_eq!(
            base_dir(Some("relative".into()), home.clone(), ".config"),
            Some(PathBuf::from("/home/r/.config"))
        );
        assert_eq!(
            base_dir(None, home, ".local/state"),
            Some(PathBuf::from("/home/r/.local/state"))
        );
        assert_eq!(base_dir(None, None, ".config"), None);
    }
}
