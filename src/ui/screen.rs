//! Where things go on the screen: a pure function of the terminal size, shared by `update`
//! (to know how much is visible) and `render` (to draw it).

use ratatui::layout::Rect;

/// The readable text column is capped at a comfortable measure.
pub const MEASURE: u16 = 78;
/// Paragraph numbers ("¶12") to the left of the text.
pub const GUTTER: u16 = 6;
/// Smallest terminal the reader draws into; below it a notice is shown.
pub const MIN_WIDTH: u16 = 30;
pub const MIN_HEIGHT: u16 = 6;
/// Below this width the sidebar goes under the reading pane.
const SIDE_BY_SIDE_MIN_WIDTH: u16 = 80;

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
    pub sidebar: Rect,
    pub status: Rect,
}

impl Areas {
    /// `None` when the terminal is too small to read in.
    pub fn compute(width: u16, height: u16) -> Option<Areas> {
        if width < MIN_WIDTH || height < MIN_HEIGHT {
            return None;
        }
        let status = Rect::new(0, height - 1, width, 1);
        let body_height = height - 1;
        let (reading, sidebar) = if width >= SIDE_BY_SIDE_MIN_WIDTH {
            let sidebar_width = (width * 36 / 100).clamp(28, 56);
            (
                Rect::new(0, 0, width - sidebar_width, body_height),
                Rect::new(width - sidebar_width, 0, sidebar_width, body_height),
            )
        } else {
            let sidebar_height = (body_height / 3).max(3).min(body_height - 2);
            (
                Rect::new(0, 0, width, body_height - sidebar_height),
                Rect::new(0, body_height - sidebar_height, width, sidebar_height),
            )
        };
        let scrollbar = Rect::new(reading.right() - 1, reading.y, 1, reading.height);
        let room = reading.width.saturating_sub(GUTTER + 2);
        let text_width = room.clamp(1, MEASURE);
        // Centre gutter and text in the pane when it is wider than the measure.
        let left = reading.x + room.saturating_sub(text_width) / 2;
        let gutter = Rect::new(left, reading.y, GUTTER, reading.height);
        let text = Rect::new(left + GUTTER, reading.y, text_width, reading.height);
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
        for (w, h) in [(30, 6), (79, 24), (80, 24), (100, 20), (250, 70)] {
            let areas = Areas::compute(w, h).unwrap();
            let screen = Rect::new(0, 0, w, h);
            for area in [areas.reading, areas.sidebar, areas.status, areas.text] {
                assert_eq!(screen.intersection(area), area, "{w}x{h}");
            }
            assert!(!areas.reading.intersects(areas.sidebar));
            assert!(areas.text.right() < areas.scrollbar.x + 1);
            assert!(areas.text.width <= MEASURE);
        }
        assert!(Areas::compute(29, 20).is_none());
        assert!(Areas::compute(100, 5).is_none());
    }
}
