//! Keys to actions. The help overlay is generated from this table, so it always shows the
//! real bindings.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;

/// A key with the modifiers that matter (Ctrl; Shift is folded into the character).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

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
            other => format!("{other:?}"),
        };
        if self.ctrl {
            format!("Ctrl-{name}")
        } else {
            name
        }
    }
}

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
            (Key::char('?'), ToggleHelp),
            (Key::plain(K::Esc), Cancel),
            (Key::char('q'), Quit),
            (Key::ctrl('c'), Interrupt),
        ];
        Keymap { bindings }
    }
}

impl Keymap {
    pub fn action(&self, key: Key) -> Option<Action> {
        self.bindings
            .iter()
            .find(|(bound, _)| *bound == key)
            .map(|(_, action)| *action)
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
}
