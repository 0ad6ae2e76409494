//! Colours and emphasis, in one place.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub text: Style,
    pub title: Style,
    pub dek: Style,
    pub byline: Style,
    pub section: Style,
    pub gutter: Style,
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
}

impl Theme {
    pub fn dark() -> Self {
        let accent = Color::Cyan;
        Theme {
            text: Style::new(),
            title: Style::new().fg(accent).add_modifier(Modifier::BOLD),
            dek: Style::new().add_modifier(Modifier::ITALIC),
            byline: Style::new().fg(Color::Gray).add_modifier(Modifier::DIM),
            section: Style::new().fg(accent).add_modifier(Modifier::BOLD),
            gutter: Style::new().fg(Color::DarkGray),
            quote_bar: Style::new().fg(Color::DarkGray),
            code: Style::new().fg(Color::Green),
            note: Style::new().fg(Color::Gray).add_modifier(Modifier::ITALIC),
            highlight: Style::new().fg(Color::Black).bg(Color::Yellow),
            emphasis: Style::new().add_modifier(Modifier::ITALIC),
            strong: Style::new().add_modifier(Modifier::BOLD),
            link: Style::new().add_modifier(Modifier::UNDERLINED),
            sidebar_heading: Style::new().fg(accent).add_modifier(Modifier::BOLD),
            sidebar_entry: Style::new(),
            sidebar_detected: Style::new().add_modifier(Modifier::ITALIC),
            sidebar_selected: Style::new().add_modifier(Modifier::REVERSED),
            sidebar_rebuttal: Style::new().fg(Color::Gray).add_modifier(Modifier::DIM),
            on_screen_mark: Style::new().fg(Color::Yellow),
            border: Style::new().fg(Color::DarkGray),
            border_focused: Style::new().fg(accent),
            status: Style::new().add_modifier(Modifier::REVERSED),
            status_message: Style::new()
                .add_modifier(Modifier::REVERSED)
                .add_modifier(Modifier::BOLD),
            overlay: Style::new(),
        }
    }
}

impl Default for Theme {
    fn default() -> Self {
        Theme::dark()
    }
}
