//! Keys to actions. The help overlay is generated from this table, so it always shows the
//! real bindings. The config file's `[keys]` table replaces the keys of single actions
//! (`Keymap::with_overrides`), with keys written as `Key::parse` reads them.

use std::collections::BTreeMap;
use std::fmt;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;

/// A key with the modifiers that matter (Ctrl; Shift is folded into the character).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

/// Named keys as the config file writes them; the first name of a key is the one
/// `Key::name` prints.
const NAMED: &[(&str, KeyCode)] = &[
    ("space", KeyCode::Char(' ')),
    ("enter", KeyCode::Enter),
    ("return", KeyCode::Enter),
    ("tab", KeyCode::Tab),
    ("esc", KeyCode::Esc),
    ("escape", KeyCode::Esc),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("pgdn", KeyCode::PageDown),
    ("pagedown", KeyCode::PageDown),
    ("pgup", KeyCode::PageUp),
    ("pageup", KeyCode::PageUp),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("del", KeyCode::Delete),
    ("insert", KeyCode::Insert),
    // The help overlay's arrows, so that labels parse too.
    ("↑", KeyCode::Up),
    ("↓", KeyCode::Down),
    ("←", KeyCode::Left),
    ("→", KeyCode::Right),
];

impl Key {
    pub const fn plain(code: KeyCode) -> Self {
        Key { code, ctrl: false }
    }
    pub const fn char(c: char) -> Self {
        Key::plain(KeyCode::Char(c))
    }
    pub const fn ctrl(c: char) -> Self {
        Key {
            code: KeyCode::Char(c),
            ctrl: true,
        }
    }

    pub fn from_event(event: &KeyEvent) -> Option<Self> {
        if event.kind == KeyEventKind::Release {
            return None;
        }
        let code = match event.code {
            // Terminals report Shift-Tab as BackTab; treat it as Tab for focus switching.
            KeyCode::BackTab => KeyCode::Tab,
            code => code,
        };
        Some(Key {
            code,
            ctrl: event.modifiers.contains(KeyModifiers::CONTROL),
        })
    }

    /// Reads a key as the config file writes it: a single character (`j`, `G`, `?`, `/`),
    /// a name (`space`, `enter`, `tab`, `esc`, `up`, `pgdn`, `home`, `f5`, …; any case),
    /// or `ctrl-` and a letter or a name (`ctrl-d`, `ctrl-up`). Help labels (`Ctrl-d`,
    /// `PgDn`, `↓`) read back as the same key.
    pub fn parse(text: &str) -> Result<Key, String> {
        let lower = text.to_ascii_lowercase();
        let rest = ["ctrl-", "ctrl+"]
            .iter()
            .find_map(|prefix| lower.strip_prefix(prefix).map(|_| &text[prefix.len()..]));
        match rest {
            // "ctrl-" alone is not Ctrl and "-"; say what is expected.
            Some("") => Err(format!("'{text}': Ctrl needs a key after it")),
            Some(rest) => {
                let code = Key::parse_code(rest).map_err(|_| format!("unknown key '{text}'"))?;
                Key::ctrl_with(code, text)
            }
            None => Key::parse_code(text)
                .map(Key::plain)
                .map_err(|_| format!("unknown key '{text}'")),
        }
    }

    fn parse_code(text: &str) -> Result<KeyCode, ()> {
        // Names first: the arrows of help labels are single characters.
        let lower = text.to_lowercase();
        if let Some((_, code)) = NAMED.iter().find(|(name, _)| *name == lower) {
            return Ok(*code);
        }
        let mut chars = text.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            return Ok(KeyCode::Char(c));
        }
        match lower.strip_prefix('f').map(str::parse::<u8>) {
            Some(Ok(n)) if (1..=12).contains(&n) => Ok(KeyCode::F(n)),
            _ => Err(()),
        }
    }

    /// Ctrl with a key, if terminals can send the combination distinctly.
    fn ctrl_with(code: KeyCode, text: &str) -> Result<Key, String> {
        match code {
            // Ctrl-I is the byte of Tab and Ctrl-M the byte of Enter: a terminal cannot
            // tell them apart, and crossterm reports Tab and Enter.
            KeyCode::Char(c) if c.eq_ignore_ascii_case(&'i') => Err(format!(
                "'{text}': terminals send Ctrl-I as Tab; bind \"tab\" instead"
            )),
            KeyCode::Char(c) if c.eq_ignore_ascii_case(&'m') => Err(format!(
                "'{text}': terminals send Ctrl-M as Enter; bind \"enter\" instead"
            )),
            // Ctrl-Shift-letter arrives as Ctrl-letter.
            KeyCode::Char(c) if c.is_ascii_alphabetic() => Ok(Key::ctrl(c.to_ascii_lowercase())),
            KeyCode::Char(_) => Err(format!(
                "'{text}': only letters and named keys work with Ctrl"
            )),
            KeyCode::Up
            | KeyCode::Down
            | KeyCode::Left
            | KeyCode::Right
            | KeyCode::PageUp
            | KeyCode::PageDown
            | KeyCode::Home
            | KeyCode::End
            | KeyCode::Delete
            | KeyCode::F(_) => Ok(Key { code, ctrl: true }),
            _ => Err(format!(
                "'{text}': terminals do not send Ctrl with this key"
            )),
        }
    }

    /// How the config file writes the key: `j`, `G`, `space`, `ctrl-d`, `pgdn`.
    /// `Key::parse(&key.name())` is the key again.
    pub fn name(&self) -> String {
        let name = match self.code {
            KeyCode::Char(' ') => "space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::F(n) => format!("f{n}"),
            code => NAMED.iter().find(|(_, named)| *named == code).map_or_else(
                || format!("{code:?}").to_lowercase(),
                |(n, _)| n.to_string(),
            ),
        };
        if self.ctrl {
            format!("ctrl-{name}")
        } else {
            name
        }
    }

    /// How the key is written in help and docs: "j", "Ctrl-d", "PgDn".
    pub fn label(&self) -> String {
        let name = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::Delete => "Del".into(),
            KeyCode::Insert => "Insert".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        if self.ctrl {
            format!("Ctrl-{name}")
        } else {
            name
        }
    }
}

/// Why a `[keys]` table cannot be applied. Each names the action and key it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BindingError {
    UnknownAction(String),
    UnknownKey {
        action: String,
        key: String,
        reason: String,
    },
    /// Ctrl-C always interrupts.
    Reserved {
        action: String,
        key: String,
    },
    /// Two actions of the table claim the same key.
    Conflict {
        key: String,
        first: String,
        second: String,
    },
}

impl fmt::Display for BindingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BindingError::UnknownAction(name) => write!(f, "unknown action '{name}'"),
            BindingError::UnknownKey { action, reason, .. } => write!(f, "{action}: {reason}"),
            BindingError::Reserved { action, key } => {
                write!(f, "{action}: '{key}' is reserved (it always interrupts)")
            }
            BindingError::Conflict { key, first, second } => {
                write!(f, "'{key}' is bound to both {first} and {second}")
            }
        }
    }
}

impl std::error::Error for BindingError {}

/// The key no table may take: Ctrl-C quits with the status of an interrupt.
pub const INTERRUPT_KEY: Key = Key::ctrl('c');

/// Ctrl-Z suspends the reader, as the terminal's suspend key does in a shell (raw mode
/// turns that key into an ordinary one, so the reader does it itself).
pub const SUSPEND_KEY: Key = Key::ctrl('z');

#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<(Key, Action)>,
}

impl Default for Keymap {
    fn default() -> Self {
        use Action::*;
        use KeyCode as K;
        let bindings = vec![
            (Key::char('j'), Down),
            (Key::plain(K::Down), Down),
            (Key::char('k'), Up),
            (Key::plain(K::Up), Up),
            (Key::char(' '), PageDown),
            (Key::plain(K::PageDown), PageDown),
            (Key::ctrl('f'), PageDown),
            (Key::char('b'), PageUp),
            (Key::plain(K::PageUp), PageUp),
            (Key::ctrl('b'), PageUp),
            (Key::ctrl('d'), HalfPageDown),
            (Key::ctrl('u'), HalfPageUp),
            (Key::char('g'), Top),
            (Key::plain(K::Home), Top),
            (Key::char('G'), Bottom),
            (Key::plain(K::End), Bottom),
            (Key::char('}'), NextParagraph),
            (Key::char('{'), PreviousParagraph),
            (Key::plain(K::Tab), SwitchFocus),
            (Key::plain(K::Enter), Jump),
            (Key::char('r'), JumpToRebuttal),
            (Key::char('d'), ToggleSource),
            (Key::char('c'), ToggleSections),
            (Key::char('/'), SearchForward),
            // `?` searches backward in less and vi, but here it is help; Ctrl-R is the
            // reverse search of shells and readline.
            (Key::ctrl('r'), SearchBackward),
            (Key::char('n'), NextMatch),
            (Key::char('N'), PreviousMatch),
            // vi's jump list is Ctrl-O / Ctrl-I, but terminals send Ctrl-I as Tab, which
            // switches focus. Ctrl-N ("newer") goes forward instead.
            (Key::ctrl('o'), JumpBack),
            (Key::ctrl('n'), JumpForward),
            (Key::char('m'), SetMark),
            (Key::char('\''), GoToMark),
            (Key::char('s'), ToggleSidebar),
            (Key::char('<'), SidebarNarrower),
            (Key::char('>'), SidebarWider),
            (Key::char('w'), CycleMeasure),
            (Key::char('i'), ToggleTints),
            (Key::char('o'), ToggleOutline),
            (Key::char(')'), NextSentence),
            (Key::char('('), PreviousSentence),
            (Key::char('K'), MarkKeyClaim),
            (Key::char('C'), MarkCounterclaim),
            (Key::char('L'), LinkRebuttal),
            (Key::char('a'), AcceptItem),
            (Key::char('x'), RejectItem),
            (Key::char('D'), DeleteItem),
            (Key::char('t'), EditNote),
            (Key::char('u'), Undo),
            (Key::char('U'), Redo),
            (Key::char('e'), Export),
            (Key::char('R'), ReloadClaims),
            (Key::char('W'), SaveClaimsAs),
            (Key::char('p'), Percent),
            (Key::char('%'), Percent),
            (Key::char(':'), Command),
            (Key::plain(K::Left), ScrollLeft),
            (Key::char('h'), ScrollLeft),
            (Key::plain(K::Right), ScrollRight),
            (Key::char('l'), ScrollRight),
            (Key::char('H'), ToggleFurniture),
            (Key::char('F'), ShowLinks),
            // Ctrl-W moves between windows in vim.
            (Key::ctrl('w'), SwitchArticle),
            (Key::char('f'), FollowLink),
            (Key::char('+'), ConfirmLink),
            (Key::char('-'), RejectLink),
            (Key::char('='), AddLink),
            (Key::char('?'), ToggleHelp),
            (Key::plain(K::Esc), Cancel),
            (Key::char('q'), Quit),
            (Key::char('Z'), QuitZ),
            (INTERRUPT_KEY, Interrupt),
        ];
        Keymap { bindings }
    }
}

impl Keymap {
    /// The default keymap with the keys of the named actions replaced: `bindings` maps an
    /// action name (`scroll_down`) to its keys (`["j", "down"]`; empty unbinds it). A key
    /// taken from an action not in the table is no longer that action's.
    pub fn with_overrides(
        bindings: &BTreeMap<String, Vec<String>>,
    ) -> Result<Keymap, BindingError> {
        let mut overrides: Vec<(Action, Vec<Key>)> = Vec::new();
        let mut claimed: Vec<(Key, Action)> = Vec::new();
        for (name, keys) in bindings {
            let action =
                Action::from_name(name).ok_or_else(|| BindingError::UnknownAction(name.clone()))?;
            let mut parsed = Vec::new();
            for text in keys {
                let key = Key::parse(text).map_err(|reason| BindingError::UnknownKey {
                    action: name.clone(),
                    key: text.clone(),
                    reason,
                })?;
                if key == INTERRUPT_KEY {
                    return Err(BindingError::Reserved {
                        action: name.clone(),
                        key: text.clone(),
                    });
                }
                match claimed.iter().find(|(k, _)| *k == key) {
                    Some((_, other)) if *other != action => {
                        return Err(BindingError::Conflict {
                            key: text.clone(),
                            first: other.name().to_string(),
                            second: name.clone(),
                        });
                    }
                    Some(_) => {}
                    None => {
                        claimed.push((key, action));
                        parsed.push(key);
                    }
                }
            }
            overrides.push((action, parsed));
        }

        // Keep the default order (it is the help overlay's order): an overridden action's
        // keys go where its first default key was.
        let mut result = Vec::new();
        let mut placed = Vec::new();
        for (key, action) in Keymap::default().bindings {
            match overrides.iter().find(|(a, _)| *a == action) {
                Some((_, keys)) if !placed.contains(&action) => {
                    placed.push(action);
                    result.extend(keys.iter().map(|k| (*k, action)));
                }
                Some(_) => {}
                None if claimed.iter().any(|(k, _)| *k == key) => {}
                None => result.push((key, action)),
            }
        }
        for (action, keys) in &overrides {
            if !placed.contains(action) {
                result.extend(keys.iter().map(|k| (*k, *action)));
            }
        }
        Ok(Keymap { bindings: result })
    }

    pub fn action(&self, key: Key) -> Option<Action> {
        self.bindings
            .iter()
            .find(|(bound, _)| *bound == key)
            .map(|(_, action)| *action)
    }

    /// The keys bound to an action, in table order.
    pub fn keys(&self, action: Action) -> Vec<Key> {
        self.bindings
            .iter()
            .filter(|(_, a)| *a == action)
            .map(|(k, _)| *k)
            .collect()
    }

    /// Every action with its keys, in table order, for the help overlay.
    pub fn describe(&self) -> Vec<(String, Action)> {
        let mut rows: Vec<(Vec<String>, Action)> = Vec::new();
        for (key, action) in &self.bindings {
            match rows.iter_mut().find(|(_, a)| a == action) {
                Some((keys, _)) => keys.push(key.label()),
                None => rows.push((vec![key.label()], *action)),
            }
        }
        rows.into_iter()
            .map(|(keys, action)| (keys.join(" "), action))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_map_to_actions_and_help_lists_them() {
        let keymap = Keymap::default();
        assert_eq!(keymap.action(Key::char('j')), Some(Action::Down));
        assert_eq!(keymap.action(Key::ctrl('d')), Some(Action::HalfPageDown));
        assert_eq!(keymap.action(Key::char('z')), None);
        let help = keymap.describe();
        let quit = help.iter().find(|(_, a)| *a == Action::Quit).unwrap();
        assert_eq!(quit.0, "q");
    }

    #[test]
    fn defaults_bind_every_bindable_action_and_no_key_twice() {
        let keymap = Keymap::default();
        for action in Action::BINDABLE {
            assert!(!keymap.keys(action).is_empty(), "{action:?} has no key");
        }
        for (i, (key, _)) in keymap.bindings.iter().enumerate() {
            let twice = keymap.bindings[i + 1..].iter().any(|(k, _)| k == key);
            assert!(!twice, "{} bound twice", key.label());
        }
        assert_eq!(keymap.action(Key::char('/')), Some(Action::SearchForward));
        assert_eq!(keymap.action(Key::ctrl('o')), Some(Action::JumpBack));
        assert_eq!(
            keymap.action(Key::plain(KeyCode::Tab)),
            Some(Action::SwitchFocus)
        );
    }

    #[test]
    fn keys_parse_from_config_names_and_help_labels() {
        let cases = [
            ("j", Key::char('j')),
            ("G", Key::char('G')),
            ("?", Key::char('?')),
            ("/", Key::char('/')),
            ("-", Key::char('-')),
            ("space", Key::char(' ')),
            ("Space", Key::char(' ')),
            ("enter", Key::plain(KeyCode::Enter)),
            ("tab", Key::plain(KeyCode::Tab)),
            ("esc", Key::plain(KeyCode::Esc)),
            ("down", Key::plain(KeyCode::Down)),
            ("↓", Key::plain(KeyCode::Down)),
            ("pgdn", Key::plain(KeyCode::PageDown)),
            ("PgUp", Key::plain(KeyCode::PageUp)),
            ("home", Key::plain(KeyCode::Home)),
            ("end", Key::plain(KeyCode::End)),
            ("f5", Key::plain(KeyCode::F(5))),
            ("ctrl-d", Key::ctrl('d')),
            ("Ctrl-D", Key::ctrl('d')),
            ("ctrl+u", Key::ctrl('u')),
            (
                "ctrl-up",
                Key {
                    code: KeyCode::Up,
                    ctrl: true,
                },
            ),
        ];
        for (text, key) in cases {
            assert_eq!(Key::parse(text), Ok(key), "{text}");
        }
        for text in [
            "", "jj", "ctrl-", "ctrl-i", "ctrl-M", "ctrl-/", "f13", "hyper-x",
        ] {
            assert!(Key::parse(text).is_err(), "{text} parsed");
        }
        assert!(Key::parse("ctrl-i").unwrap_err().contains("Tab"));
    }

    #[test]
    fn names_and_labels_read_back_as_the_same_key() {
        for (key, _) in Keymap::default().bindings {
            assert_eq!(Key::parse(&key.name()), Ok(key), "{}", key.name());
            assert_eq!(Key::parse(&key.label()), Ok(key), "{}", key.label());
        }
    }

    fn table(entries: &[(&str, &[&str])]) -> BTreeMap<String, Vec<String>> {
        entries
            .iter()
            .map(|(a, keys)| (a.to_string(), keys.iter().map(|k| k.to_string()).collect()))
            .collect()
    }

    #[test]
    fn overrides_replace_an_actions_keys_and_take_keys_from_others() {
        let keymap = Keymap::with_overrides(&table(&[
            ("scroll_down", &["e"]),
            ("search_forward", &["s"]),
        ]))
        .unwrap();
        assert_eq!(keymap.action(Key::char('e')), Some(Action::Down));
        assert_eq!(keymap.action(Key::char('j')), None);
        assert_eq!(keymap.action(Key::plain(KeyCode::Down)), None);
        assert_eq!(keymap.action(Key::char('s')), Some(Action::SearchForward));
        assert_eq!(keymap.action(Key::char('/')), None);
        // `s` was the sidebar's: it has no key left, so help no longer lists it.
        assert!(keymap.keys(Action::ToggleSidebar).is_empty());
        let help = keymap.describe();
        assert_eq!(help[0], ("e".to_string(), Action::Down));
        assert_eq!(keymap.action(Key::ctrl('c')), Some(Action::Interrupt));
    }

    #[test]
    fn bad_tables_name_the_action_and_key() {
        let error = |entries| {
            Keymap::with_overrides(&table(entries))
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            error(&[("scrol_down", &["j"])]),
            "unknown action 'scrol_down'"
        );
        assert_eq!(
            error(&[("interrupt", &["x"])]),
            "unknown action 'interrupt'"
        );
        assert_eq!(
            error(&[("scroll_down", &["j", "jj"])]),
            "scroll_down: unknown key 'jj'"
        );
        assert_eq!(
            error(&[("quit", &["ctrl-c"])]),
            "quit: 'ctrl-c' is reserved (it always interrupts)"
        );
        assert_eq!(
            error(&[("quit", &["x"]), ("top", &["x"])]),
            "'x' is bound to both quit and top"
        );
    }
}
