//! Where things go on the screen: a pure function of the terminal size and the view
//! preferences, shared by `update` (to know how much is visible) and `render` (to draw it).

use ratatui::layout::Rect;

use crate::config::{Measure, SidebarSide};

/// The narrowest gutter: paragraph numbers ("¶12 ") to the left of the text.
const MIN_GUTTER: u16 = 6;
/// Smallest terminal the reader draws into; below it a notice is shown.
pub const MIN_WIDTH: u16 = 30;
pub const MIN_HEIGHT: u16 = 6;
/// Below this width an automatic sidebar goes under the reading pane.
const SIDE_BY_SIDE_MIN_WIDTH: u16 = 80;
/// The reading pane keeps at least this many columns beside a sidebar.
const MIN_READING_WIDTH: u16 = 40;
/// An automatic sidebar is at least this wide (what it was before it grew) ...
pub const AUTO_SIDEBAR_MIN: u16 = 36;
/// ... and grows into the width the reading column does not need up to this, about as
/// wide as a line of the sidebar reads well: beyond it, margins are better than longer
/// entries.
pub const AUTO_SIDEBAR_MAX: u16 = 70;
/// Columns of margin an automatic sidebar leaves on each side of the text column.
const AUTO_MARGIN: u16 = 2;

/// How the reader likes the screen laid out (from the config, changed with keys).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ViewPrefs {
    pub measure: Measure,
    pub sidebar_shown: bool,
    /// Columns of a side sidebar; `None`: automatic (see `side_sidebar_width`).
    pub sidebar_width: Option<u16>,
    pub sidebar_side: SidebarSide,
    /// Lines a sidebar entry may take before it is cut with "…".
    pub sidebar_lines: u8,
    /// Whether key claims, counterclaims and rebuttals are tinted in the text.
    pub tints: bool,
}

impl Default for ViewPrefs {
    fn default() -> Self {
        ViewPrefs {
            measure: Measure::Comfortable,
            sidebar_shown: true,
            sidebar_width: None,
            sidebar_side: SidebarSide::Auto,
            sidebar_lines: 3,
            tints: true,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    /// The reading pane, scrollbar included.
    pub reading: Rect,
    /// The paragraph-number gutter inside the reading pane.
    pub gutter: Rect,
    /// The text column inside the reading pane.
    pub text: Rect,
    /// One column at the right edge of the reading pane.
    pub scrollbar: Rect,
    /// Empty when the sidebar is hidden.
    pub sidebar: Rect,
    pub status: Rect,
}

/// Columns of the gutter for a document of `paragraphs` paragraphs: a mark column, "¶",
/// the longest number and a space, so the number never touches the text.
pub fn gutter_width(paragraphs: usize) -> u16 {
    let digits = paragraphs.max(1).ilog10() as u16 + 1;
    (digits + 3).max(MIN_GUTTER)
}

/// Columns of a sidebar beside the text: the chosen width, or automatically the width the
/// reading pane does not need for its measure (between `AUTO_SIDEBAR_MIN` and
/// `AUTO_SIDEBAR_MAX`); always leaving the reading pane `MIN_READING_WIDTH`.
fn side_sidebar_width(width: u16, prefs: &ViewPrefs, gutter: u16) -> u16 {
    let wanted = prefs.sidebar_width.unwrap_or_else(|| {
        // Gutter, text, a margin each side, and the scrollbar with its gap.
        let reading = prefs
            .measure
            .columns()
            .map(|measure| gutter + measure + 2 * AUTO_MARGIN + 2);
        reading.map_or(AUTO_SIDEBAR_MIN, |reading| {
            width
                .saturating_sub(reading)
                .clamp(AUTO_SIDEBAR_MIN, AUTO_SIDEBAR_MAX)
        })
    });
    wanted.min(width - MIN_READING_WIDTH).max(20)
}

impl Areas {
    /// `None` when the terminal is too small to read in. `paragraphs` sizes the gutter.
    pub fn compute(width: u16, height: u16, prefs: &ViewPrefs, paragraphs: usize) -> Option<Areas> {
        if width < MIN_WIDTH || height < MIN_HEIGHT {
            return None;
        }
        let status = Rect::new(0, height - 1, width, 1);
        let body = Rect::new(0, 0, width, height - 1);
        let side = match prefs.sidebar_side {
            SidebarSide::Auto if width >= SIDE_BY_SIDE_MIN_WIDTH => SidebarSide::Right,
            SidebarSide::Auto => SidebarSide::Bottom,
            SidebarSide::Left | SidebarSide::Right if width < MIN_READING_WIDTH + 20 => {
                SidebarSide::Bottom
            }
            side => side,
        };
        let (reading, sidebar) = if !prefs.sidebar_shown {
            (body, Rect::new(width, 0, 0, 0))
        } else if side == SidebarSide::Bottom {
            let sidebar_height = (body.height / 3).max(3).min(body.height - 2);
            (
                Rect::new(0, 0, width, body.height - sidebar_height),
                Rect::new(0, body.height - sidebar_height, width, sidebar_height),
            )
        } else {
            let sidebar_width = side_sidebar_width(width, prefs, gutter_width(paragraphs));
            let reading_width = width - sidebar_width;
            if side == SidebarSide::Left {
                (
                    Rect::new(sidebar_width, 0, reading_width, body.height),
                    Rect::new(0, 0, sidebar_width, body.height),
                )
            } else {
                (
                    Rect::new(0, 0, reading_width, body.height),
                    Rect::new(reading_width, 0, sidebar_width, body.height),
                )
            }
        };
        let scrollbar = Rect::new(reading.right() - 1, reading.y, 1, reading.height);
        let gutter_width = gutter_width(paragraphs);
        let room = reading.width.saturating_sub(gutter_width + 2);
        let text_width = prefs.measure.columns().map_or(room, |m| room.min(m)).max(1);
        // Centre gutter and text in the pane when it is wider than the measure.
        let left = reading.x + room.saturating_sub(text_width) / 2;
        let gutter = Rect::new(left, reading.y, gutter_width, reading.height);
        let text = Rect::new(left + gutter_width, reading.y, text_width, reading.height);
        Some(Areas {
            reading,
            gutter,
            text,
            scrollbar,
            sidebar,
            status,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn areas_fit_inside_the_terminal_and_do_not_overlap() {
        let mut prefs = ViewPrefs::default();
        for side in SidebarSide::ALL {
            for shown in [true, false] {
                for measure in Measure::ALL {
                    prefs.sidebar_side = side;
                    prefs.sidebar_shown = shown;
                    prefs.measure = measure;
                    for (w, h) in [(30, 6), (59, 24), (79, 24), (80, 24), (100, 20), (250, 70)] {
                        let areas = Areas::compute(w, h, &prefs, 7).unwrap();
                        let screen = Rect::new(0, 0, w, h);
                        for area in [areas.reading, areas.status, areas.text] {
                            assert_eq!(screen.intersection(area), area, "{w}x{h}");
                        }
                        assert!(!areas.reading.intersects(areas.sidebar));
                        assert!(areas.text.right() <= areas.scrollbar.x);
                        if let Some(measure) = measure.columns() {
                            assert!(areas.text.width <= measure);
                        }
                        assert_eq!(areas.sidebar.area() == 0, !shown, "{side:?} {w}x{h}");
                    }
                }
            }
        }
        assert!(Areas::compute(29, 20, &prefs, 7).is_none());
        assert!(Areas::compute(100, 5, &prefs, 7).is_none());
    }

    #[test]
    fn an_automatic_sidebar_goes_to_the_bottom_on_narrow_terminals() {
        let prefs = ViewPrefs::default();
        let wide = Areas::compute(120, 30, &prefs, 7).unwrap();
        assert_eq!(wide.sidebar.x, 120 - AUTO_SIDEBAR_MIN);
        let narrow = Areas::compute(70, 30, &prefs, 7).unwrap();
        assert_eq!(narrow.sidebar.x, 0);
        assert!(narrow.sidebar.y > 0);
    }

    #[test]
    fn an_automatic_sidebar_takes_the_width_the_measure_leaves_up_to_its_maximum() {
        let prefs = ViewPrefs::default();
        let mut last = 0;
        for width in 80..=260 {
            let areas = Areas::compute(width, 40, &prefs, 7).unwrap();
            // Never narrower than before, never wider than the maximum, never shrinking.
            assert!((AUTO_SIDEBAR_MIN..=AUTO_SIDEBAR_MAX).contains(&areas.sidebar.width));
            assert!(areas.sidebar.width >= last, "{width}");
            last = areas.sidebar.width;
            // The text keeps its comfortable measure once there is room for it.
            if width >= 130 {
                assert_eq!(areas.text.width, 78, "{width}");
            }
        }
        let at = |width| Areas::compute(width, 50, &prefs, 7).unwrap();
        assert_eq!(at(100).sidebar.width, AUTO_SIDEBAR_MIN, "narrow: as before");
        assert_eq!(at(200).sidebar.width, AUTO_SIDEBAR_MAX);
        let margins = |a: Areas| (a.gutter.x - a.reading.x, a.scrollbar.x - a.text.right());
        assert_eq!(margins(at(150)), (2, 3));
        // A width chosen by hand stays as chosen.
        let fixed = ViewPrefs {
            sidebar_width: Some(40),
            ..prefs
        };
        assert_eq!(
            Areas::compute(200, 50, &fixed, 7).unwrap().sidebar.width,
            40
        );
    }

    #[test]
    fn the_gutter_holds_a_mark_the_longest_number_and_a_space() {
        assert_eq!(gutter_width(0), 6);
        assert_eq!(gutter_width(7), 6);
        assert_eq!(gutter_width(999), 6);
        assert_eq!(gutter_width(1000), 7);
        assert_eq!(gutter_width(10_501), 8);
        let prefs = ViewPrefs::default();
        let areas = Areas::compute(100, 20, &prefs, 10_501).unwrap();
        assert_eq!(areas.text.x, areas.gutter.right());
        assert!(usize::from(areas.gutter.width) > "¶10501 ".chars().count());
    }
}
