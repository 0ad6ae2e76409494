//! The config file: `$XDG_CONFIG_HOME/counterpoint/config.toml` (see `paths`).
//!
//! ```toml
//! theme = "dark"              # dark, light or mono (NO_COLOR forces mono)
//! measure = "comfortable"     # narrow, comfortable or full
//! sidebar_width = "auto"      # or columns: auto grows the sidebar into spare width
//! sidebar_side = "auto"       # right, left, bottom or auto
//! sidebar_lines = 3           # lines an entry may take before it ends with "…"
//! tints = true                # argument tints in the text at start (`i` toggles)
//! mouse = true
//! remember_position = true
//! keep_all = false            # keep a page capture's furniture in the body (`--keep-all`)
//!
//! [keys]                      # action = [keys]; replaces that action's default keys
//! scroll_down = ["j", "down"]
//! ```
//!
//! Every setting is optional. A mistake is one error line naming the file, the line and
//! the problem, e.g. `config.toml: line 3: unknown theme 'blue' (expected dark, light or
//! mono)`.

mod error;
pub mod paths;
mod values;

use std::collections::BTreeMap;
use std::ops::{Range, RangeInclusive};
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::ui::action::Action;
use crate::ui::keymap::{BindingError, Keymap};
use crate::ui::theme::Theme;

pub use error::{ConfigError, line_of};
pub use values::{Measure, SidebarSide, ThemeName};

/// The sidebar widths the config file and the width keys allow, in columns.
pub const SIDEBAR_WIDTHS: RangeInclusive<u16> = 20..=100;

/// Lines a sidebar entry may take before it is cut with "…".
pub const SIDEBAR_LINES: RangeInclusive<u8> = 1..=5;

/// The reader's settings, defaults filled in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub theme: ThemeName,
    pub measure: Measure,
    /// Columns of the sidebar when it is beside the text, within `SIDEBAR_WIDTHS`; `None`
    /// ("auto"): as wide as the room the reading column does not need (see `screen`).
    pub sidebar_width: Option<u16>,
    pub sidebar_side: SidebarSide,
    /// Lines a sidebar entry may take; within `SIDEBAR_LINES`.
    pub sidebar_lines: u8,
    /// Whether argument tints show in the text at start.
    pub tints: bool,
    pub mouse: bool,
    /// Reopen a document where it was left (see `position_store`).
    pub remember_position: bool,
    /// Keep every block of a plain text, page furniture included (as `--keep-all`).
    pub keep_all: bool,
    /// The `[keys]` table as written: action name → keys, replacing those actions'
    /// default keys. Already checked by `load`.
    pub keys: BTreeMap<String, Vec<String>>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            theme: ThemeName::Dark,
            measure: Measure::Comfortable,
            sidebar_width: None,
            sidebar_side: SidebarSide::Auto,
            sidebar_lines: 3,
            tints: true,
            mouse: true,
            remember_position: true,
            keep_all: false,
            keys: BTreeMap::new(),
        }
    }
}

/// The file as written, with the places of the values that are checked after parsing.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    theme: Option<ThemeName>,
    measure: Option<Measure>,
    sidebar_width: Option<Spanned<WidthValue>>,
    sidebar_side: Option<SidebarSide>,
    sidebar_lines: Option<Spanned<i64>>,
    tints: Option<bool>,
    mouse: Option<bool>,
    remember_position: Option<bool>,
    keep_all: Option<bool>,
    keys: Option<BTreeMap<Spanned<String>, Vec<Spanned<String>>>>,
}

/// `sidebar_width` as written: a number of columns or "auto".
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum WidthValue {
    Columns(i64),
    Named(String),
}

const SETTINGS: &str = "theme, measure, sidebar_width, sidebar_side, sidebar_lines, tints, \
     mouse, remember_position, keep_all or [keys]";

impl Config {
    /// Reads a config file. A missing file is an error too (use `load_optional` for the
    /// default location, where no file means the defaults).
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        use crate::source::small_file;
        let text =
            small_file::read_text(path, small_file::SMALL_FILE_LIMIT).map_err(|e| ConfigError {
                path: path.to_path_buf(),
                line: None,
                message: match e.kind() {
                    std::io::ErrorKind::NotFound => "no such file".to_string(),
                    std::io::ErrorKind::InvalidData => "not valid UTF-8 text".to_string(),
                    _ => format!("cannot read: {e}"),
                },
            })?;
        Config::parse(&text, path)
    }

    /// Like `load`, but a file that does not exist gives the defaults.
    pub fn load_optional(path: &Path) -> Result<Config, ConfigError> {
        if path.exists() {
            Config::load(path)
        } else {
            Ok(Config::default())
        }
    }

    /// The config at the default location (`paths::config_file`), the defaults if there
    /// is none, and the path it was looked for at.
    pub fn load_default() -> Result<(Config, Option<PathBuf>), ConfigError> {
        match paths::config_file() {
            Some(path) => Ok((Config::load_optional(&path)?, Some(path))),
            None => Ok((Config::default(), None)),
        }
    }

    /// Reads config text; `path` names the file in errors.
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let at = |span: Range<usize>, message: String| {
            ConfigError::at(path.to_path_buf(), text, span.start, message)
        };
        let raw: RawConfig = toml::from_str(text).map_err(|e| {
            let span = e.span().unwrap_or(0..0);
            let message = explain(e.message(), text, span.clone());
            at(span, message)
        })?;

        let defaults = Config::default();
        let sidebar_width = match raw.sidebar_width {
            None => defaults.sidebar_width,
            Some(width) => match width.get_ref() {
                WidthValue::Named(name) if name == "auto" => None,
                value => {
                    let columns = match value {
                        WidthValue::Columns(n) => u16::try_from(*n).ok(),
                        WidthValue::Named(_) => None,
                    };
                    let shown = match value {
                        WidthValue::Columns(n) => n.to_string(),
                        WidthValue::Named(name) => format!("'{name}'"),
                    };
                    Some(
                        columns
                            .filter(|w| SIDEBAR_WIDTHS.contains(w))
                            .ok_or_else(|| {
                                at(
                                    width.span(),
                                    format!(
                                        "sidebar_width must be \"auto\" or {} to {} columns, not {shown}",
                                        SIDEBAR_WIDTHS.start(),
                                        SIDEBAR_WIDTHS.end()
                                    ),
                                )
                            })?,
                    )
                }
            },
        };
        let sidebar_lines = match raw.sidebar_lines {
            None => defaults.sidebar_lines,
            Some(lines) => {
                let value = *lines.get_ref();
                u8::try_from(value)
                    .ok()
                    .filter(|n| SIDEBAR_LINES.contains(n))
                    .ok_or_else(|| {
                        at(
                            lines.span(),
                            format!(
                                "sidebar_lines must be {} to {}, not {value}",
                                SIDEBAR_LINES.start(),
                                SIDEBAR_LINES.end()
                            ),
                        )
                    })?
            }
        };

        let raw_keys = raw.keys.unwrap_or_default();
        let mut keys = BTreeMap::new();
        for (action, bound) in &raw_keys {
            keys.insert(
                action.get_ref().clone(),
                bound.iter().map(|k| k.get_ref().clone()).collect(),
            );
        }
        // Locate a binding error at the action or key it names.
        Keymap::with_overrides(&keys).map_err(|error| {
            let key_span = |action: &str, key: &str| {
                raw_keys
                    .iter()
                    .find(|(a, _)| a.get_ref() == action)
                    .and_then(|(a, bound)| {
                        bound
                            .iter()
                            .find(|k| k.get_ref() == key)
                            .map_or(Some(a.span()), |k| Some(k.span()))
                    })
                    .unwrap_or(0..0)
            };
            let span = match &error {
                BindingError::UnknownAction(name) => key_span(name, ""),
                BindingError::UnknownKey { action, key, .. }
                | BindingError::Reserved { action, key } => key_span(action, key),
                BindingError::Conflict { key, second, .. } => key_span(second, key),
            };
            let message = match error {
                BindingError::UnknownAction(name) => {
                    format!("unknown action '{name}' in [keys] (`counterpoint --print-config` lists them)")
                }
                other => other.to_string(),
            };
            at(span, message)
        })?;

        Ok(Config {
            theme: raw.theme.unwrap_or(defaults.theme),
            measure: raw.measure.unwrap_or(defaults.measure),
            sidebar_width,
            sidebar_side: raw.sidebar_side.unwrap_or(defaults.sidebar_side),
            sidebar_lines,
            tints: raw.tints.unwrap_or(defaults.tints),
            mouse: raw.mouse.unwrap_or(defaults.mouse),
            remember_position: raw.remember_position.unwrap_or(defaults.remember_position),
            keep_all: raw.keep_all.unwrap_or(defaults.keep_all),
            keys,
        })
    }

    /// The keymap: the defaults with the `[keys]` table applied.
    pub fn keymap(&self) -> Result<Keymap, BindingError> {
        Keymap::with_overrides(&self.keys)
    }

    /// The configured theme, or `mono` when `no_color` (see `theme::no_color_requested`).
    pub fn theme(&self, no_color: bool) -> Theme {
        self.theme.theme(no_color)
    }

    /// The whole effective configuration as a config file, every setting and every
    /// action's keys included: what `counterpoint --print-config` prints. Loading it gives
    /// the same configuration.
    pub fn effective_toml(&self) -> String {
        let string = |s: &str| toml::Value::String(s.to_string()).to_string();
        let mut out = String::from("# counterpoint: the effective configuration\n");
        out.push_str(&format!("theme = {}\n", string(self.theme.name())));
        out.push_str(&format!("measure = {}\n", string(self.measure.name())));
        let width = self
            .sidebar_width
            .map_or_else(|| string("auto"), |w| w.to_string());
        out.push_str(&format!("sidebar_width = {width}\n"));
        out.push_str(&format!(
            "sidebar_side = {}\n",
            string(self.sidebar_side.name())
        ));
        out.push_str(&format!("sidebar_lines = {}\n", self.sidebar_lines));
        out.push_str(&format!("tints = {}\n", self.tints));
        out.push_str(&format!("mouse = {}\n", self.mouse));
        out.push_str(&format!("remember_position = {}\n", self.remember_position));
        out.push_str(&format!("keep_all = {}\n", self.keep_all));
        out.push_str("\n# action = [keys]; Ctrl-C always interrupts\n[keys]\n");
        let keymap = self.keymap().unwrap_or_default();
        for action in Action::BINDABLE {
            let keys: Vec<String> = keymap
                .keys(action)
                .iter()
                .map(|k| string(&k.name()))
                .collect();
            out.push_str(&format!(
                "{} = [{}]  # {}\n",
                action.name(),
                keys.join(", "),
                action.describe()
            ));
        }
        out
    }
}

/// toml's message for a mistake at `span`, in the config file's words: names the
/// setting a type error is about, and lists the settings for an unknown one.
fn explain(message: &str, text: &str, span: Range<usize>) -> String {
    let message = message.trim().replace('\n', "; ");
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let name = rest.split('`').next().unwrap_or(rest);
        return format!("unknown key '{name}' (expected {SETTINGS})");
    }
    let generic = [
        "invalid type",
        "invalid value",
        "duplicate key",
        "invalid length",
    ];
    match setting_on_line(text, span.start) {
        // `quit = "q"` for `quit = ["q"]`: say what to write.
        Some(setting) if message.ends_with("expected a sequence") => {
            let value = text.get(span).unwrap_or("").trim();
            format!("{setting}: expected a list, like [{value}]")
        }
        Some(setting) if generic.iter().any(|g| message.starts_with(g)) => {
            format!("{setting}: {message}")
        }
        _ => message,
    }
}

/// The bare key a `key = value` line at `offset` sets.
fn setting_on_line(text: &str, offset: usize) -> Option<&str> {
    let offset = offset.min(text.len());
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line = text[start..].lines().next()?;
    let (key, _) = line.split_once('=')?;
    let key = key.trim();
    key.chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        .then_some(key)
        .filter(|k| !k.is_empty())
}
