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

/// How the reader likes the screen laid out (from the config, changed with keys).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ViewPrefs {
    pub measure: Measure,
    pub sidebar_shown: bool,
    /// Columns of a side sidebar.
    pub sidebar_width: u16,
    pub sidebar_side: SidebarSide,
}

impl Default for ViewPrefs {
    fn default() -> Self {
        ViewPrefs {
            measure: Measure::Comfortable,
            sidebar_shown: true,
            sidebar_width: 36,
            sidebar_side: SidebarSide::Auto,
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
            let sidebar_width = prefs.sidebar_width.min(width - MIN_READING_WIDTH).max(20);
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
        assert_eq!(wide.sidebar.x, 120 - 36);
        let narrow = Areas::compute(70, 30, &prefs, 7).unwrap();
        assert_eq!(narrow.sidebar.x, 0);
        assert!(narrow.sidebar.y > 0);
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
