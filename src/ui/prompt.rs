//! A line typed in the status line (search, filter, note, path, `:` command): its text
//! and cursor, editing as in shells (←/→, Home/End, Ctrl-A/E, Backspace, Delete, Ctrl-W,
//! Ctrl-U, Ctrl-K), and the lines entered before (↑/↓), kept for the session.

use super::action::TextKey;
use super::state::PromptPurpose;

/// A line being typed in the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    pub purpose: PromptPurpose,
    pub text: String,
    /// Byte offset of the cursor in `text` (always on a character boundary).
    pub cursor: usize,
    /// While Up/Down browse the history: the entry shown (0 is the newest), and the line
    /// as typed before browsing, to come back to.
    pub browsing: Option<(usize, String)>,
}

impl Prompt {
    /// A prompt holding `text`, with the cursor at its end.
    pub fn new(purpose: PromptPurpose, text: String) -> Self {
        Prompt {
            purpose,
            cursor: text.len(),
            text,
            browsing: None,
        }
    }
}

/// Lines entered at the prompts this session, newest last, one list per kind of prompt.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PromptHistory {
    pub search: Vec<String>,
    pub filter: Vec<String>,
    pub note: Vec<String>,
    pub path: Vec<String>,
    pub command: Vec<String>,
}

/// Lines remembered per kind of prompt; the oldest are dropped.
pub const PROMPT_HISTORY_LIMIT: usize = 100;

impl PromptHistory {
    pub fn list(&self, purpose: PromptPurpose) -> &Vec<String> {
        match purpose {
            PromptPurpose::Search(_) => &self.search,
            PromptPurpose::Filter => &self.filter,
            PromptPurpose::Note => &self.note,
            PromptPurpose::SaveAs => &self.path,
            PromptPurpose::Command => &self.command,
        }
    }

    /// Remembers an entered line (not a blank one, nor the same line twice in a row).
    pub fn push(&mut self, purpose: PromptPurpose, line: &str) {
        let list = match purpose {
            PromptPurpose::Search(_) => &mut self.search,
            PromptPurpose::Filter => &mut self.filter,
            PromptPurpose::Note => &mut self.note,
            PromptPurpose::SaveAs => &mut self.path,
            PromptPurpose::Command => &mut self.command,
        };
        if line.trim().is_empty() || list.last().is_some_and(|last| last == line) {
            return;
        }
        list.push(line.to_string());
        if list.len() > PROMPT_HISTORY_LIMIT {
            list.remove(0);
        }
    }
}

impl Prompt {
    /// Applies an editing key; `false` for keys that are not editing (submit, abort, a
    /// control character), which change nothing.
    pub fn edit(&mut self, key: TextKey, history: &PromptHistory) -> bool {
        match key {
            TextKey::Char(c) if !c.is_control() => {
                self.text.insert(self.cursor, c);
                self.cursor += c.len_utf8();
            }
            TextKey::Backspace => {
                if let Some(c) = self.text[..self.cursor].chars().next_back() {
                    self.cursor -= c.len_utf8();
                    self.text.remove(self.cursor);
                }
            }
            TextKey::Delete => {
                if self.cursor < self.text.len() {
                    self.text.remove(self.cursor);
                }
            }
            TextKey::Left => {
                if let Some(c) = self.text[..self.cursor].chars().next_back() {
                    self.cursor -= c.len_utf8();
                }
            }
            TextKey::Right => {
                if let Some(c) = self.text[self.cursor..].chars().next() {
                    self.cursor += c.len_utf8();
                }
            }
            TextKey::Home => self.cursor = 0,
            TextKey::End => self.cursor = self.text.len(),
            TextKey::DeleteWord => {
                // As shells do: the spaces before the cursor, then the word before them.
                let before = &self.text[..self.cursor];
                let trimmed = before.trim_end();
                let start = trimmed
                    .char_indices()
                    .rev()
                    .find(|(_, c)| c.is_whitespace())
                    .map_or(0, |(i, c)| i + c.len_utf8());
                self.text.replace_range(start..self.cursor, "");
                self.cursor = start;
            }
            TextKey::DeleteToStart => {
                self.text.replace_range(..self.cursor, "");
                self.cursor = 0;
            }
            TextKey::DeleteToEnd => self.text.truncate(self.cursor),
            TextKey::Older | TextKey::Newer => self.browse(key == TextKey::Older, history),
            TextKey::Char(_) | TextKey::Submit | TextKey::Abort => return false,
        }
        if !matches!(key, TextKey::Older | TextKey::Newer) {
            // Editing a line from the history makes it the line being typed.
            self.browsing = None;
        }
        true
    }

    /// Up: the previous (older) line of this prompt's history; Down: the next, and past
    /// the newest, the line as it was typed.
    fn browse(&mut self, older: bool, history: &PromptHistory) {
        let list = history.list(self.purpose);
        let next = match (&self.browsing, older) {
            (None, true) if !list.is_empty() => Some(0),
            (None, _) => return,
            (Some((i, _)), true) => Some((i + 1).min(list.len() - 1)),
            (Some((0, _)), false) => None,
            (Some((i, _)), false) => Some(i - 1),
        };
        match next {
            Some(index) => {
                let typed = match self.browsing.take() {
                    Some((_, typed)) => typed,
                    None => self.text.clone(),
                };
                self.text = list[list.len() - 1 - index].clone();
                self.browsing = Some((index, typed));
            }
            None => {
                if let Some((_, typed)) = self.browsing.take() {
                    self.text = typed;
                }
            }
        }
        self.cursor = self.text.len();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(text: &str) -> Prompt {
        Prompt::new(PromptPurpose::Filter, text.to_string())
    }

    fn keys(prompt: &mut Prompt, keys: &[TextKey]) {
        let history = PromptHistory::default();
        for key in keys {
            prompt.edit(*key, &history);
        }
    }

    #[test]
    fn cursor_moves_and_inserts_in_the_middle() {
        let mut p = typed("régime");
        keys(
            &mut p,
            &[
                TextKey::Home,
                TextKey::Right,
                TextKey::Right,
                TextKey::Char('X'),
            ],
        );
        assert_eq!(p.text, "réXgime");
        keys(&mut p, &[TextKey::Backspace, TextKey::Delete]);
        assert_eq!(p.text, "réime");
        keys(&mut p, &[TextKey::End, TextKey::Left, TextKey::Char('!')]);
        assert_eq!(p.text, "réim!e");
    }

    #[test]
    fn ctrl_w_ctrl_u_and_ctrl_k_delete_as_in_shells() {
        let mut p = typed("one two  three");
        keys(&mut p, &[TextKey::DeleteWord]);
        assert_eq!(p.text, "one two  ");
        keys(&mut p, &[TextKey::DeleteWord]);
        assert_eq!(p.text, "one ");
        keys(
            &mut p,
            &[TextKey::Char('x'), TextKey::Left, TextKey::DeleteToEnd],
        );
        assert_eq!(p.text, "one ");
        keys(&mut p, &[TextKey::Left, TextKey::DeleteToStart]);
        assert_eq!((p.text.as_str(), p.cursor), (" ", 0));
    }

    #[test]
    fn up_and_down_browse_the_history_and_come_back_to_the_typed_line() {
        let mut history = PromptHistory::default();
        history.push(PromptPurpose::Filter, "first");
        history.push(PromptPurpose::Filter, "second");
        history.push(PromptPurpose::Filter, "second");
        history.push(PromptPurpose::Note, "a note");
        assert_eq!(history.filter, ["first", "second"]);
        let mut p = typed("draft");
        let press = |p: &mut Prompt, key| {
            p.edit(key, &history);
            p.text.clone()
        };
        assert_eq!(press(&mut p, TextKey::Older), "second");
        assert_eq!(press(&mut p, TextKey::Older), "first");
        assert_eq!(press(&mut p, TextKey::Older), "first");
        assert_eq!(press(&mut p, TextKey::Newer), "second");
        assert_eq!(press(&mut p, TextKey::Newer), "draft");
        assert_eq!(p.cursor, 5);
    }
}
