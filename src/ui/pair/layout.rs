//! Where two articles go on the screen: side by side with one sidebar when two reading
//! columns fit, else one at a time (each laid out as a single article is).

use ratatui::layout::Rect;

use crate::ui::screen::Areas;

/// Below this width two reading columns and a sidebar do not fit comfortably (each text
/// column would be under 55 columns), so one article shows at a time.
pub const SIDE_BY_SIDE_MIN_WIDTH: u16 = 160;
/// The sidebar beside two panes: at least this wide ...
const SIDEBAR_MIN: u16 = 36;
/// ... and at most this, the rest going to the panes.
const SIDEBAR_MAX: u16 = 50;
/// Each pane keeps at least this many columns beside a chosen sidebar width.
const PANE_MIN: u16 = 50;
/// What a pane wants for a comfortable column: gutter, 78 columns of text and margins.
const PANE_COMFORTABLE: u16 = 92;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// One article at a time, laid out as a single article in the whole terminal.
    Single,
    /// Two panes of `pane` columns from the left edge, then the sidebar (`sidebar`
    /// columns; 0 when hidden).
    SideBySide { pane: u16, sidebar: u16 },
}

/// The mode for a terminal `width` columns wide. `sidebar`: shown or not, and a width the
/// reader chose (`None`: automatic).
pub fn mode(width: u16, sidebar_shown: bool, sidebar_width: Option<u16>) -> Mode {
    if width < SIDE_BY_SIDE_MIN_WIDTH {
        return Mode::Single;
    }
    let wanted = if sidebar_shown {
        sidebar_width.unwrap_or_else(|| {
            width
                .saturating_sub(2 * PANE_COMFORTABLE)
                .clamp(SIDEBAR_MIN, SIDEBAR_MAX)
        })
    } else {
        0
    };
    let wanted = wanted.min(width - 2 * PANE_MIN);
    let pane = (width - wanted) / 2;
    Mode::SideBySide {
        pane,
        // An odd column left over goes to the sidebar.
        sidebar: if sidebar_shown { width - 2 * pane } else { 0 },
    }
}

impl Mode {
    /// The size each article is laid out for: its pane and the sidebar (which only the
    /// article in focus draws, to the right of both panes).
    pub fn virtual_width(self, width: u16) -> u16 {
        match self {
            Mode::Single => width,
            Mode::SideBySide { pane, sidebar } => pane + sidebar,
        }
    }

    /// How far right article `index`'s reading pane is drawn from where it is laid out.
    pub fn reading_shift(self, index: usize) -> u16 {
        match self {
            Mode::SideBySide { pane, .. } if index == 1 => pane,
            _ => 0,
        }
    }

    /// How far right the sidebar is drawn from where it is laid out (for either article).
    pub fn sidebar_shift(self) -> u16 {
        match self {
            Mode::SideBySide { pane, .. } => pane,
            Mode::Single => 0,
        }
    }
}

/// `areas` moved `dx` columns right.
pub fn shifted(areas: &Areas, dx: u16) -> Areas {
    let shift = |r: Rect| Rect { x: r.x + dx, ..r };
    Areas {
        reading: shift(areas.reading),
        gutter: shift(areas.gutter),
        text: shift(areas.text),
        scrollbar: shift(areas.scrollbar),
        sidebar: shift(areas.sidebar),
        status: areas.status,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_panes_and_a_sidebar_fill_a_wide_terminal_and_one_shows_on_a_narrow_one() {
        assert_eq!(mode(80, true, None), Mode::Single);
        assert_eq!(mode(159, true, None), Mode::Single);
        for width in 160..=300 {
            let Mode::SideBySide { pane, sidebar } = mode(width, true, None) else {
                panic!("{width}");
            };
            assert_eq!(2 * pane + sidebar, width);
            assert!(
                (SIDEBAR_MIN..=SIDEBAR_MAX + 1).contains(&sidebar),
                "{width}"
            );
            assert!(pane >= PANE_MIN);
        }
        assert_eq!(
            mode(200, false, None),
            Mode::SideBySide {
                pane: 100,
                sidebar: 0
            }
        );
        let Mode::SideBySide { sidebar, .. } = mode(200, true, Some(90)) else {
            panic!()
        };
        assert_eq!(sidebar, 90);
    }
}
