//! Colours and emphasis, in one place. Three themes: `dark` (the default), `light` (for
//! dark text on a white background) and `mono` (no colour at all: bold, italic,
//! underline and reverse video only), which NO_COLOR selects.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub text: Style,
    pub title: Style,
    pub dek: Style,
    pub byline: Style,
    /// The thesis under the byline, and its "Thesis (¶6):" label.
    pub thesis: Style,
    pub thesis_label: Style,
    pub section: Style,
    pub gutter: Style,
    /// Argument tints (`i`): key-claim, counterclaim and rebuttal sentences, each told
    /// apart by an attribute too (bold, italic, underline), so they differ without colour.
    pub tint_key: Style,
    pub tint_counter: Style,
    pub tint_rebuttal: Style,
    pub quote_bar: Style,
    pub code: Style,
    pub note: Style,
    /// The sentence of the last jump.
    pub highlight: Style,
    pub emphasis: Style,
    pub strong: Style,
    pub link: Style,
    pub sidebar_heading: Style,
    pub sidebar_entry: Style,
    pub sidebar_detected: Style,
    pub sidebar_selected: Style,
    pub sidebar_rebuttal: Style,
    /// The mark beside entries whose paragraph is on screen.
    pub on_screen_mark: Style,
    pub border: Style,
    pub border_focused: Style,
    pub status: Style,
    pub status_message: Style,
    pub overlay: Style,
    /// Every match of the search on screen.
    pub search_match: Style,
    /// The match the last search step went to.
    pub search_current: Style,
    /// A mark letter ('a) shown in the gutter or status line.
    pub mark: Style,
    /// The search prompt in the status line.
    pub prompt: Style,
    /// Draw the reader's glyphs (borders, scrollbar, marks, arrows, `¶`, `…`) with ASCII
    /// stand-ins, for a locale that is not UTF-8 (see `ui::glyphs`).
    pub ascii: bool,
}

/// The names `Theme::by_name` knows, in the order error messages list them.
pub const THEME_NAMES: [&str; 3] = ["dark", "light", "mono"];

const fn modifier(m: Modifier) -> Style {
    Style::new().add_modifier(m)
}

impl Theme {
    pub fn dark() -> Self {
        let accent = Color::Cyan;
        Theme {
            text: Style::new(),
            title: Style::new().fg(accent).add_modifier(Modifier::BOLD),
            dek: modifier(Modifier::ITALIC),
            byline: Style::new().fg(Color::Gray).add_modifier(Modifier::DIM),
            thesis: modifier(Modifier::ITALIC),
            thesis_label: Style::new().fg(accent).add_modifier(Modifier::BOLD),
            section: Style::new().fg(accent).add_modifier(Modifier::BOLD),
            gutter: Style::new().fg(Color::DarkGray),
            tint_key: Style::new()
                .fg(Color::LightGreen)
                .add_modifier(Modifier::BOLD),
            tint_counter: Style::new()
                .fg(Color::LightRed)
                .add_modifier(Modifier::ITALIC),
            tint_rebuttal: Style::new()
                .fg(Color::LightBlue)
                .add_modifier(Modifier::UNDERLINED),
            quote_bar: Style::new().fg(Color::DarkGray),
            code: Style::new().fg(Color::Green),
            note: Style::new().fg(Color::Gray).add_modifier(Modifier::ITALIC),
            highlight: Style::new().fg(Color::Black).bg(Color::Yellow),
            emphasis: modifier(Modifier::ITALIC),
            strong: modifier(Modifier::BOLD),
            link: modifier(Modifier::UNDERLINED),
            sidebar_heading: Style::new().fg(accent).add_modifier(Modifier::BOLD),
            sidebar_entry: Style::new(),
            sidebar_detected: modifier(Modifier::ITALIC),
            sidebar_selected: modifier(Modifier::REVERSED),
            sidebar_rebuttal: Style::new().fg(Color::Gray).add_modifier(Modifier::DIM),
            on_screen_mark: Style::new().fg(Color::Yellow),
            border: Style::new().fg(Color::DarkGray),
            border_focused: Style::new().fg(accent),
            status: modifier(Modifier::REVERSED),
            status_message: modifier(Modifier::REVERSED).add_modifier(Modifier::BOLD),
            overlay: Style::new(),
            search_match: Style::new().fg(Color::Black).bg(Color::Cyan),
            search_current: Style::new()
                .fg(Color::Black)
                .bg(Color::LightMagenta)
                .add_modifier(Modifier::BOLD),
            mark: Style::new()
                .fg(Color::LightMagenta)
                .add_modifier(Modifier::BOLD),
            prompt: modifier(Modifier::BOLD),
            ascii: false,
        }
    }

    /// For terminals with a light background: no yellow or light grey text (unreadable on
    /// white), darker accents, pale backgrounds for highlights.
    pub fn light() -> Self {
        let accent = Color::Blue;
        let muted = Color::DarkGray;
        Theme {
            text: Style::new(),
            title: Style::new().fg(accent).add_modifier(Modifier::BOLD),
            dek: modifier(Modifier::ITALIC),
            byline: Style::new().fg(muted),
            thesis: modifier(Modifier::ITALIC),
            thesis_label: Style::new().fg(accent).add_modifier(Modifier::BOLD),
            section: Style::new().fg(accent).add_modifier(Modifier::BOLD),
            gutter: Style::new().fg(muted),
            tint_key: Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
            tint_counter: Style::new().fg(Color::Red).add_modifier(Modifier::ITALIC),
            tint_rebuttal: Style::new()
                .fg(Color::Magenta)
                .add_modifier(Modifier::UNDERLINED),
            quote_bar: Style::new().fg(muted),
            code: Style::new().fg(Color::Green),
            note: Style::new().fg(muted).add_modifier(Modifier::ITALIC),
            highlight: Style::new().fg(Color::Black).bg(Color::LightYellow),
            emphasis: modifier(Modifier::ITALIC),
            strong: modifier(Modifier::BOLD),
            link: Style::new().fg(accent).add_modifier(Modifier::UNDERLINED),
            sidebar_heading: Style::new().fg(accent).add_modifier(Modifier::BOLD),
            sidebar_entry: Style::new(),
            sidebar_detected: modifier(Modifier::ITALIC),
            sidebar_selected: modifier(Modifier::REVERSED),
            sidebar_rebuttal: Style::new().fg(muted),
            on_screen_mark: Style::new().fg(Color::Magenta),
            border: Style::new().fg(muted),
            border_focused: Style::new().fg(accent),
            status: modifier(Modifier::REVERSED),
            status_message: modifier(Modifier::REVERSED).add_modifier(Modifier::BOLD),
            overlay: Style::new(),
            search_match: Style::new().fg(Color::Black).bg(Color::LightCyan),
            search_current: Style::new()
                .fg(Color::White)
                .bg(Color::Magenta)
                .add_modifier(Modifier::BOLD),
            mark: Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD),
            prompt: modifier(Modifier::BOLD),
            ascii: false,
        }
    }

    /// No colour codes at all: only bold, italic, underline and reverse video, so the
    /// terminal's own colours are used for everything.
    pub fn mono() -> Self {
        use Modifier as M;
        Theme {
            text: Style::new(),
            title: modifier(M::BOLD),
            dek: modifier(M::ITALIC),
            byline: modifier(M::ITALIC),
            thesis: modifier(M::ITALIC),
            thesis_label: modifier(M::BOLD),
            section: modifier(M::BOLD),
            gutter: Style::new(),
            tint_key: modifier(M::BOLD),
            tint_counter: modifier(M::ITALIC),
            tint_rebuttal: modifier(M::UNDERLINED),
            quote_bar: Style::new(),
            code: Style::new(),
            note: modifier(M::ITALIC),
            highlight: modifier(M::REVERSED),
            emphasis: modifier(M::ITALIC),
            strong: modifier(M::BOLD),
            link: modifier(M::UNDERLINED),
            sidebar_heading: modifier(M::BOLD),
            sidebar_entry: Style::new(),
            sidebar_detected: modifier(M::ITALIC),
            sidebar_selected: modifier(M::REVERSED),
            sidebar_rebuttal: Style::new(),
            on_screen_mark: modifier(M::BOLD),
            border: Style::new(),
            border_focused: modifier(M::BOLD),
            status: modifier(M::REVERSED),
            status_message: modifier(M::REVERSED).add_modifier(M::BOLD),
            overlay: Style::new(),
            search_match: modifier(M::UNDERLINED),
            search_current: modifier(M::REVERSED).add_modifier(M::UNDERLINED | M::BOLD),
            mark: modifier(M::BOLD),
            prompt: modifier(M::BOLD),
            ascii: false,
        }
    }

    /// `dark`, `light` or `mono`.
    pub fn by_name(name: &str) -> Option<Theme> {
        match name {
            "dark" => Some(Theme::dark()),
            "light" => Some(Theme::light()),
            "mono" => Some(Theme::mono()),
            _ => None,
        }
    }

    /// The theme to use: `mono` whenever `no_color` (see `no_color_requested`), else the
    /// named theme, else `dark`. The error names an unknown theme and the known ones.
    pub fn resolve(name: Option<&str>, no_color: bool) -> Result<Theme, String> {
        let theme = match name {
            Some(name) => Theme::by_name(name).ok_or_else(|| unknown_theme(name))?,
            None => Theme::dark(),
        };
        Ok(if no_color { Theme::mono() } else { theme })
    }

    /// Every style with its field name, for tests and for checking a theme as a whole.
    pub fn styles(&self) -> [(&'static str, Style); 33] {
        [
            ("text", self.text),
            ("title", self.title),
            ("dek", self.dek),
            ("byline", self.byline),
            ("thesis", self.thesis),
            ("thesis_label", self.thesis_label),
            ("section", self.section),
            ("gutter", self.gutter),
            ("tint_key", self.tint_key),
            ("tint_counter", self.tint_counter),
            ("tint_rebuttal", self.tint_rebuttal),
            ("quote_bar", self.quote_bar),
            ("code", self.code),
            ("note", self.note),
            ("highlight", self.highlight),
            ("emphasis", self.emphasis),
            ("strong", self.strong),
            ("link", self.link),
            ("sidebar_heading", self.sidebar_heading),
            ("sidebar_entry", self.sidebar_entry),
            ("sidebar_detected", self.sidebar_detected),
            ("sidebar_selected", self.sidebar_selected),
            ("sidebar_rebuttal", self.sidebar_rebuttal),
            ("on_screen_mark", self.on_screen_mark),
            ("border", self.border),
            ("border_focused", self.border_focused),
            ("status", self.status),
            ("status_message", self.status_message),
            ("overlay", self.overlay),
            ("search_match", self.search_match),
            ("search_current", self.search_current),
            ("mark", self.mark),
            ("prompt", self.prompt),
        ]
    }
}

/// "unknown theme 'blue' (expected dark, light or mono)".
pub fn unknown_theme(name: &str) -> String {
    format!("unknown theme '{name}' (expected dark, light or mono)")
}

/// Whether the environment asks for no colour: NO_COLOR set and not empty
/// (<https://no-color.org>).
pub fn no_color_requested() -> bool {
    no_color_from(std::env::var_os("NO_COLOR").as_deref())
}

/// `no_color_requested` for a given value of NO_COLOR, so it can be tested without
/// touching the process environment.
pub fn no_color_from(value: Option<&std::ffi::OsStr>) -> bool {
    value.is_some_and(|v| !v.is_empty())
}

impl Default for Theme {
    fn default() -> Self {
        Theme::dark()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsStr;

    fn colours(theme: &Theme) -> Vec<&'static str> {
        theme
            .styles()
            .into_iter()
            .filter(|(_, s)| s.fg.is_some() || s.bg.is_some() || s.underline_color.is_some())
            .map(|(name, _)| name)
            .collect()
    }

    #[test]
    fn mono_has_no_colour_and_only_the_four_plain_modifiers() {
        let mono = Theme::mono();
        assert_eq!(colours(&mono), Vec::<&str>::new());
        let allowed = Modifier::BOLD | Modifier::ITALIC | Modifier::UNDERLINED | Modifier::REVERSED;
        for (name, style) in mono.styles() {
            assert!(allowed.contains(style.add_modifier), "{name}");
        }
        // What must stand out still does, without colour.
        for style in [mono.highlight, mono.search_match, mono.search_current] {
            assert_ne!(style, Style::new());
        }
        assert_ne!(mono.search_current, mono.highlight);
        assert_ne!(mono.search_current, mono.search_match);
    }

    #[test]
    fn light_uses_no_colour_that_vanishes_on_white() {
        let light = Theme::light();
        // Pale text is fine on a background of its own; on the terminal's white it is not.
        for (name, style) in light.styles().into_iter().filter(|(_, s)| s.bg.is_none()) {
            for pale in [Color::White, Color::Gray, Color::Yellow, Color::LightYellow] {
                assert_ne!(style.fg, Some(pale), "{name}");
            }
        }
        assert!(light.highlight.bg.is_some());
    }

    #[test]
    fn names_resolve_and_no_color_forces_mono() {
        for name in THEME_NAMES {
            assert!(Theme::by_name(name).is_some(), "{name}");
        }
        assert_eq!(Theme::by_name("blue"), None);
        assert_eq!(Theme::resolve(None, false), Ok(Theme::dark()));
        assert_eq!(Theme::resolve(Some("light"), false), Ok(Theme::light()));
        assert_eq!(Theme::resolve(Some("light"), true), Ok(Theme::mono()));
        assert_eq!(Theme::resolve(None, true), Ok(Theme::mono()));
        assert_eq!(
            Theme::resolve(Some("blue"), false),
            Err("unknown theme 'blue' (expected dark, light or mono)".to_string())
        );
        assert!(!no_color_from(None));
        assert!(!no_color_from(Some(OsStr::new(""))));
        assert!(no_color_from(Some(OsStr::new("1"))));
        assert!(no_color_from(Some(OsStr::new("0"))));
    }

    #[test]
    fn the_three_tints_differ_from_each_other_and_from_text_even_without_colour() {
        for theme in [Theme::dark(), Theme::light(), Theme::mono()] {
            let tints = [theme.tint_key, theme.tint_counter, theme.tint_rebuttal];
            for (i, a) in tints.iter().enumerate() {
                assert_ne!(theme.text.patch(*a), theme.text);
                for b in &tints[i + 1..] {
                    // By attributes alone, as a terminal without colour shows them.
                    assert_ne!(a.add_modifier, b.add_modifier);
                }
            }
        }
    }

    #[test]
    fn search_and_jump_highlights_differ_in_every_theme() {
        for theme in [Theme::dark(), Theme::light(), Theme::mono()] {
            assert_ne!(theme.search_match, theme.search_current);
            assert_ne!(theme.search_current, theme.highlight);
            assert_ne!(theme.search_match, theme.highlight);
        }
    }
}
