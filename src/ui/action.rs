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
    /// Collapse or expand the sidebar's list of sections.
    ToggleSections,
    ToggleHelp,
    /// Start typing a search; the first match at or after the top of the pane is next.
    SearchForward,
    /// Start typing a search towards the beginning of the article.
    SearchBackward,
    /// The next match in the direction of the last search.
    NextMatch,
    /// The next match against the direction of the last search.
    PreviousMatch,
    /// Back to where the last jump (search, sidebar, mark, top/bottom) started.
    JumpBack,
    /// Undo a `JumpBack`.
    JumpForward,
    /// Wait for a letter, then remember the current position under it.
    SetMark,
    /// Wait for a letter, then go to the position remembered under it.
    GoToMark,
    /// Show or hide the sidebar.
    ToggleSidebar,
    SidebarNarrower,
    SidebarWider,
    /// Narrow → comfortable → full text measure, and round again.
    CycleMeasure,
    /// Show or hide the argument tints of the text.
    ToggleTints,
    /// Open the argument as a tree, to read it whole and jump from it.
    ToggleOutline,
    /// Move the sentence cursor to the next / previous sentence.
    NextSentence,
    PreviousSentence,
    /// Mark the sentence under the cursor as a key claim / a counterclaim.
    MarkKeyClaim,
    MarkCounterclaim,
    /// Link the selected counterclaim to the sentence under the cursor as its rebuttal.
    LinkRebuttal,
    /// Accept / reject the selected detected item.
    AcceptItem,
    RejectItem,
    /// Delete the selected annotated item.
    DeleteItem,
    /// Type a note for the selected item.
    EditNote,
    Undo,
    Redo,
    /// Write the map next to the article: then a letter for the format.
    Export,
    /// Read the annotation file again (after it changed on disk).
    ReloadClaims,
    /// Save the annotations to a new file (when the old one changed on disk).
    SaveClaimsAs,
    /// Scroll code and tables sideways (`less -S`).
    ScrollLeft,
    ScrollRight,
    /// Show or hide the page furniture the loader hid, in place.
    ToggleFurniture,
    /// List the link targets as numbered references.
    ShowLinks,
    /// Go to a percentage of the article (the count typed before it; none: the top).
    Percent,
    /// Open the `:` command line (`:q` quits, `:12` goes to ¶12).
    Command,
    /// The first `Z` of `ZZ`, which quits (as in vi and less).
    QuitZ,
    /// With two articles open: show / focus the other one.
    SwitchArticle,
    /// With two articles open: jump across the link of the selected item or the cursor's
    /// sentence to the other article (again: the next link).
    FollowLink,
    /// With two articles open: confirm / reject the current link (saved to the link file).
    ConfirmLink,
    RejectLink,
    /// With two articles open: link the cursor's sentence here to the cursor's sentence
    /// in the other article, then a letter for the relation.
    AddLink,
    /// Close an overlay or prompt, clear the count, filter or search highlight. Never
    /// quits.
    Cancel,
    Quit,
    /// Ctrl-C: quit with the status of an interrupted program.
    Interrupt,
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
    /// A digit of a count typed before a motion (`5j`): only keys no binding takes.
    Digit(u8),
    /// A key typed into a prompt or as a mark letter.
    Text(TextKey),
    Mouse(MouseInput),
}

/// Keys as text, while a prompt or a mark letter is awaited.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TextKey {
    Char(char),
    Backspace,
    Submit,
    Abort,
    /// Delete the character under the cursor.
    Delete,
    Left,
    Right,
    /// Home or Ctrl-A / End or Ctrl-E.
    Home,
    End,
    /// Ctrl-W: delete the word before the cursor.
    DeleteWord,
    /// Ctrl-U: delete everything before the cursor.
    DeleteToStart,
    /// Ctrl-K: delete everything from the cursor on.
    DeleteToEnd,
    /// Up / Down: older / newer line of the prompt's history.
    Older,
    Newer,
}

/// A mouse event at a screen cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MouseInput {
    pub kind: MouseKind,
    pub column: u16,
    pub row: u16,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MouseKind {
    ScrollUp,
    ScrollDown,
    Click,
}

impl Action {
    /// Every action a key can be bound to in the config file, in help order. `Interrupt`
    /// (always Ctrl-C) and `Resize` (not a key) are internal.
    pub const BINDABLE: [Action; 58] = [
        Action::Down,
        Action::Up,
        Action::PageDown,
        Action::PageUp,
        Action::HalfPageDown,
        Action::HalfPageUp,
        Action::Top,
        Action::Bottom,
        Action::NextParagraph,
        Action::PreviousParagraph,
        Action::SwitchFocus,
        Action::Jump,
        Action::JumpToRebuttal,
        Action::ToggleSource,
        Action::ToggleSections,
        Action::SearchForward,
        Action::SearchBackward,
        Action::NextMatch,
        Action::PreviousMatch,
        Action::JumpBack,
        Action::JumpForward,
        Action::SetMark,
        Action::GoToMark,
        Action::ToggleSidebar,
        Action::SidebarNarrower,
        Action::SidebarWider,
        Action::CycleMeasure,
        Action::ToggleTints,
        Action::ToggleOutline,
        Action::NextSentence,
        Action::PreviousSentence,
        Action::MarkKeyClaim,
        Action::MarkCounterclaim,
        Action::LinkRebuttal,
        Action::AcceptItem,
        Action::RejectItem,
        Action::DeleteItem,
        Action::EditNote,
        Action::Undo,
        Action::Redo,
        Action::Export,
        Action::ReloadClaims,
        Action::SaveClaimsAs,
        Action::Percent,
        Action::Command,
        Action::ScrollLeft,
        Action::ScrollRight,
        Action::ToggleFurniture,
        Action::ShowLinks,
        Action::SwitchArticle,
        Action::FollowLink,
        Action::ConfirmLink,
        Action::RejectLink,
        Action::AddLink,
        Action::ToggleHelp,
        Action::Cancel,
        Action::Quit,
        Action::QuitZ,
    ];

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
            Action::ToggleSections => "collapse or expand the Sections list",
            Action::ToggleHelp => "show or hide this help",
            Action::SearchForward => "search forward (type, then Enter)",
            Action::SearchBackward => "search backward (type, then Enter)",
            Action::NextMatch => "next match",
            Action::PreviousMatch => "previous match",
            Action::JumpBack => "back to where the last jump started",
            Action::JumpForward => "forward again (undo a jump back)",
            Action::SetMark => "set a mark: then a letter",
            Action::GoToMark => "go to a mark: then its letter",
            Action::ToggleSidebar => "show or hide the sidebar",
            Action::SidebarNarrower => "narrower sidebar",
            Action::SidebarWider => "wider sidebar",
            Action::CycleMeasure => "text width: narrow / comfortable / full",
            Action::ToggleTints => "tint key claims, counterclaims, rebuttals (K C R)",
            Action::ToggleOutline => "the argument as a tree: j/k move, Enter jumps",
            Action::NextSentence => "sentence cursor: next sentence",
            Action::PreviousSentence => "sentence cursor: previous sentence",
            Action::MarkKeyClaim => "mark the cursor's sentence as a key claim",
            Action::MarkCounterclaim => "mark the cursor's sentence as a counterclaim",
            Action::LinkRebuttal => "link the selected counterclaim to the cursor's sentence",
            Action::AcceptItem => "accept the selected detected item",
            Action::RejectItem => "reject the selected detected item",
            Action::DeleteItem => "delete the selected annotated item",
            Action::EditNote => "write a note on the selected item",
            Action::Undo => "undo the last change to the map",
            Action::Redo => "redo",
            Action::Export => "export the map: then j, m, a or i (JSON, Markdown, Argdown, AIF)",
            Action::ReloadClaims => "reload the annotation file from disk",
            Action::SaveClaimsAs => "save the annotations to a new file",
            Action::ScrollLeft => "scroll code and tables left",
            Action::ScrollRight => "scroll code and tables right (› marks more)",
            Action::ToggleFurniture => "show or hide the page furniture the loader hid",
            Action::ShowLinks => "list the links as numbered references",
            Action::Percent => "go to N percent (50p); alone: the top",
            Action::Command => ":q quits, :q! quits dropping unsaved edits, :N goes to ¶N",
            Action::QuitZ => "ZZ quits",
            Action::SwitchArticle => "two articles: show / focus the other article",
            Action::FollowLink => "two articles: jump across the item's link (again: next)",
            Action::ConfirmLink => "two articles: confirm the current link",
            Action::RejectLink => "two articles: reject the current link",
            Action::AddLink => {
                "two articles: link the cursor sentences, then r, c, a or s (relation)"
            }
            Action::Cancel => "close, clear the count, filter or search (never quits)",
            Action::Quit => "quit (asks first if map edits are not saved)",
            Action::Interrupt => "quit (status 130, as an interrupt)",
            Action::Resize(..) => "terminal resized",
            Action::Digit(_) => "count",
            Action::Text(_) => "typed text",
            Action::Mouse(_) => "mouse",
        }
    }

    /// The action's name in the config file's `[keys]` table: `scroll_down`, `page_down`.
    /// The internal actions have names too (`interrupt`, `resize`), for messages, but
    /// `from_name` does not accept them.
    pub fn name(self) -> &'static str {
        match self {
            Action::Down => "scroll_down",
            Action::Up => "scroll_up",
            Action::PageDown => "page_down",
            Action::PageUp => "page_up",
            Action::HalfPageDown => "half_page_down",
            Action::HalfPageUp => "half_page_up",
            Action::Top => "top",
            Action::Bottom => "bottom",
            Action::NextParagraph => "next_paragraph",
            Action::PreviousParagraph => "previous_paragraph",
            Action::SwitchFocus => "switch_focus",
            Action::Jump => "jump",
            Action::JumpToRebuttal => "jump_to_rebuttal",
            Action::ToggleSource => "toggle_source",
            Action::ToggleSections => "toggle_sections",
            Action::ToggleHelp => "toggle_help",
            Action::SearchForward => "search_forward",
            Action::SearchBackward => "search_backward",
            Action::NextMatch => "next_match",
            Action::PreviousMatch => "previous_match",
            Action::JumpBack => "jump_back",
            Action::JumpForward => "jump_forward",
            Action::SetMark => "set_mark",
            Action::GoToMark => "go_to_mark",
            Action::ToggleSidebar => "toggle_sidebar",
            Action::SidebarNarrower => "sidebar_narrower",
            Action::SidebarWider => "sidebar_wider",
            Action::CycleMeasure => "cycle_measure",
            Action::ToggleTints => "toggle_tints",
            Action::ToggleOutline => "toggle_outline",
            Action::NextSentence => "next_sentence",
            Action::PreviousSentence => "previous_sentence",
            Action::MarkKeyClaim => "mark_key_claim",
            Action::MarkCounterclaim => "mark_counterclaim",
            Action::LinkRebuttal => "link_rebuttal",
            Action::AcceptItem => "accept_item",
            Action::RejectItem => "reject_item",
            Action::DeleteItem => "delete_item",
            Action::EditNote => "edit_note",
            Action::Undo => "undo",
            Action::Redo => "redo",
            Action::Export => "export",
            Action::ReloadClaims => "reload_claims",
            Action::SaveClaimsAs => "save_claims_as",
            Action::Percent => "percent",
            Action::Command => "command",
            Action::QuitZ => "quit_zz",
            Action::ScrollLeft => "scroll_left",
            Action::ScrollRight => "scroll_right",
            Action::ToggleFurniture => "toggle_furniture",
            Action::ShowLinks => "show_links",
            Action::SwitchArticle => "switch_article",
            Action::FollowLink => "follow_link",
            Action::ConfirmLink => "confirm_link",
            Action::RejectLink => "reject_link",
            Action::AddLink => "add_link",
            Action::Cancel => "cancel",
            Action::Quit => "quit",
            Action::Interrupt => "interrupt",
            Action::Resize(..) => "resize",
            Action::Digit(_) => "digit",
            Action::Text(_) => "text",
            Action::Mouse(_) => "mouse",
        }
    }

    /// The bindable action with this config-file name.
    pub fn from_name(name: &str) -> Option<Action> {
        Action::BINDABLE.into_iter().find(|a| a.name() == name)
    }

    /// Actions whose key is the first of two: the next key press is a mark letter, not an
    /// action of its own.
    pub fn awaits_letter(self) -> bool {
        matches!(self, Action::SetMark | Action::GoToMark | Action::QuitZ)
    }

    /// Actions that open a line for typing (the search prompt).
    pub fn awaits_text(self) -> bool {
        matches!(
            self,
            Action::SearchForward | Action::SearchBackward | Action::Command
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_are_unique_snake_case() {
        let mut seen = std::collections::HashSet::new();
        for action in Action::BINDABLE {
            let name = action.name();
            assert!(seen.insert(name), "{name} twice");
            assert!(
                name.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
                "{name}"
            );
            assert_eq!(Action::from_name(name), Some(action));
        }
        assert_eq!(Action::from_name("interrupt"), None);
        assert_eq!(Action::from_name("resize"), None);
        assert_eq!(Action::from_name("scroll-down"), None);
    }
}
