//! What the reader can ask for. Terminal events become actions (see `keymap`), and
//! `update` applies them to the state.

/// One user intent, independent of the key that asked for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Scroll down a line, or select the next sidebar item.
    Down,
    Up,
    PageDown,
    PageUp,
    HalfPageDown,
    HalfPageUp,
    Top,
    Bottom,
    NextParagraph,
    PreviousParagraph,
    /// Move focus between the reading pane and the sidebar.
    SwitchFocus,
    /// Jump to the selected sidebar item.
    Jump,
    /// Jump to the rebuttal of the selected counterclaim (again: the next rebuttal).
    JumpToRebuttal,
    /// Show annotated or detected items.
    ToggleSource,
    ToggleHelp,
    /// Close an overlay, or quit when none is open.
    Cancel,
    Quit,
    /// Ctrl-C: quit with the status of an interrupted program.
    Interrupt,
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
}

impl Action {
    /// A short description for the help overlay.
    pub fn describe(self) -> &'static str {
        match self {
            Action::Down => "scroll down a line / next item",
            Action::Up => "scroll up a line / previous item",
            Action::PageDown => "page down",
            Action::PageUp => "page up",
            Action::HalfPageDown => "half a page down",
            Action::HalfPageUp => "half a page up",
            Action::Top => "go to the top / first item",
            Action::Bottom => "go to the end / last item",
            Action::NextParagraph => "next paragraph",
            Action::PreviousParagraph => "previous paragraph",
            Action::SwitchFocus => "switch focus: reading pane / sidebar",
            Action::Jump => "jump to the selected item",
            Action::JumpToRebuttal => "jump to the counterclaim's rebuttal (again: next one)",
            Action::ToggleSource => "sidebar: annotated / detected items",
            Action::ToggleHelp => "show or hide this help",
            Action::Cancel => "close the overlay, or quit",
            Action::Quit => "quit",
            Action::Interrupt => "quit (status 130, as an interrupt)",
            Action::Resize(..) => "terminal resized",
        }
    }
}
