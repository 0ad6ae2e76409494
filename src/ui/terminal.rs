//! Taking over the terminal, drawing on it, and giving it back. Restoring is idempotent
//! and runs on every way out: normal quit, error (the screen's `Drop`), panic (the hook)
//! and signals (the event loop turns them into a quit, so the screen drops). Suspending
//! (Ctrl-Z, SIGTSTP) gives the terminal back, stops, and takes it over again on resuming.

use std::io::{self, BufWriter, Stdout, Write};
use std::mem::{self, ManuallyDrop};
use std::sync::atomic::{AtomicBool, Ordering};

use ratatui::Terminal;
use ratatui::backend::{Backend as _, CrosstermBackend};
use ratatui::buffer::{Buffer, Cell, CellDiffOption, CellWidth};
use ratatui::crossterm::{cursor, event, execute, terminal};
use ratatui::layout::{Position, Rect};
use ratatui::style::Color;

static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Buffered, so a frame reaches the terminal in one write (ratatui flushes after each
/// frame) rather than in the standard output's line-sized pieces.
pub type Backend = CrosstermBackend<BufWriter<Stdout>>;

/// Room for a full frame of a large terminal with colours.
const FRAME_BUFFER: usize = 256 << 10;

/// The terminal in raw mode on the alternate screen (restored when dropped), and what
/// draws on it.
///
/// The first frame is written straight onto the blank screen: ratatui's terminal keeps
/// two screen buffers (~10,000 cells of 40 bytes at 120×40, fresh pages that cost about
/// 0.35 ms to fill) and compares every cell of a frame with the last one, which for a
/// first frame only finds the cells that are not blank. It is built once that frame is
/// shown, with the frame as the one the next is compared with.
pub struct Screen {
    state: State,
    /// Whether mouse capture is on (to turn it on again after a suspension).
    mouse: bool,
}

enum State {
    /// Nothing drawn yet; the alternate screen is blank.
    Blank(Backend),
    /// The first frame is on the screen.
    FirstFrame(Backend, Buffer),
    Ratatui(ManuallyDrop<Terminal<Backend>>),
    /// Building ratatui's terminal failed: nothing can be drawn.
    Failed,
}

impl Screen {
    /// Raw mode, the alternate screen, a hidden cursor and, if `mouse`, mouse capture.
    pub fn enter(mouse: bool) -> io::Result<Self> {
        install_panic_hook();
        take_over(mouse)?;
        let writer = BufWriter::with_capacity(FRAME_BUFFER, io::stdout());
        Ok(Screen {
            state: State::Blank(CrosstermBackend::new(writer)),
            mouse,
        })
    }

    /// Gives the terminal back as it was, stops the process (and its job) as SIGTSTP's
    /// default action does, and once continued (`fg`, SIGCONT) takes the terminal over
    /// again; the next frame is drawn whole. This is what `less` and vim do.
    pub fn suspend(&mut self) -> io::Result<()> {
        restore();
        stop_job();
        self.resume()
    }

    /// Takes the terminal over again, after a stop this process did not ask for (SIGSTOP
    /// then SIGCONT, during which the shell may have reset the terminal): raw mode, the
    /// alternate screen, and the next frame drawn whole.
    pub fn resume(&mut self) -> io::Result<()> {
        take_over(self.mouse)?;
        self.redraw_whole()
    }

    /// Makes the next frame be drawn whole, on a cleared screen. After a resize the screen
    /// may no longer show the last frame even at the same size: a terminal that shrank and
    /// grew again in between (a storm of resizes the reader never drew) has lost or
    /// re-flowed part of it.
    pub fn redraw_whole(&mut self) -> io::Result<()> {
        self.finish_setup()?;
        match &mut self.state {
            State::Ratatui(terminal) => {
                // Not `Terminal::clear`, which asks the terminal where its cursor is and
                // waits for the answer that the input thread reads. Both buffers blank:
                // the next frame is compared with a blank screen, which this clears.
                terminal.backend_mut().clear()?;
                terminal.swap_buffers();
                Ok(())
            }
            State::Blank(_) => execute!(io::stdout(), terminal::Clear(terminal::ClearType::All)),
            State::FirstFrame(..) | State::Failed => Ok(()),
        }
    }

    /// Draws a frame: `render` fills a buffer the size of the terminal.
    pub fn draw(&mut self, render: impl FnOnce(&mut Buffer)) -> io::Result<()> {
        match &mut self.state {
            State::Blank(backend) => {
                let area = Rect::from((Position::ORIGIN, backend.size()?));
                let mut frame = Buffer::empty(area);
                render(&mut frame);
                draw_on_blank_screen(backend, &frame)?;
                if let State::Blank(backend) = mem::replace(&mut self.state, State::Failed) {
                    self.state = State::FirstFrame(backend, frame);
                }
                Ok(())
            }
            State::FirstFrame(..) => {
                self.finish_setup()?;
                self.draw(render)
            }
            State::Ratatui(terminal) => terminal.draw(|frame| render(frame.buffer_mut())).map(drop),
            State::Failed => Err(io::Error::other("the terminal could not be set up")),
        }
    }

    /// Builds ratatui's terminal after the first frame (the next draw does it otherwise).
    pub fn finish_setup(&mut self) -> io::Result<()> {
        self.state = match mem::replace(&mut self.state, State::Failed) {
            State::FirstFrame(backend, first) => {
                State::Ratatui(ManuallyDrop::new(terminal_showing(backend, first)?))
            }
            other => other,
        };
        Ok(())
    }
}

/// Writes `frame` onto a blank screen, in one write.
fn draw_on_blank_screen<B: ratatui::backend::Backend>(
    backend: &mut B,
    frame: &Buffer,
) -> Result<(), B::Error> {
    backend.draw(cells_on_blank_screen(frame))?;
    backend.hide_cursor()?;
    backend.flush()
}

/// ratatui's terminal on `backend`, whose screen shows `frame`: the next frame is compared
/// with it, as if ratatui had drawn it.
fn terminal_showing<B: ratatui::backend::Backend>(
    backend: B,
    frame: Buffer,
) -> Result<Terminal<B>, B::Error> {
    let mut terminal = Terminal::new(backend)?;
    if terminal.get_frame().area() == frame.area {
        *terminal.current_buffer_mut() = frame;
        terminal.swap_buffers();
    } else {
        // Resized since: the next frame is drawn whole, on a cleared screen.
        terminal.backend_mut().clear()?;
    }
    Ok(terminal)
}

impl Drop for Screen {
    /// ratatui's terminal is never dropped: its `Drop` only shows the cursor again (which
    /// [`restore`] does) and reports a failure with `eprintln!`, which panics (status 101)
    /// when standard error is the terminal that was just closed.
    fn drop(&mut self) {
        restore();
    }
}

/// The cells of `frame` that a blank screen does not already show, as ratatui's diff
/// against an empty buffer lists them: cells marked to be skipped and cells covered by a
/// wide grapheme are left out, unless (after an emoji presentation selector, U+FE0F) they
/// hold a symbol of their own.
fn cells_on_blank_screen(frame: &Buffer) -> impl Iterator<Item = (u16, u16, &Cell)> {
    let area = frame.area;
    let width = usize::from(area.width.max(1));
    // Cells before `hidden_until` are covered by a wide grapheme; cells before
    // `selector_until` follow an emoji with the selector and are looked at one by one.
    let (mut hidden_until, mut selector_until) = (0, 0);
    frame
        .content
        .iter()
        .enumerate()
        .filter_map(move |(index, cell)| {
            if index < hidden_until {
                return None;
            }
            #[allow(deprecated)] // ratatui's diff still honours the old flag.
            let skipped = match cell.diff_option {
                CellDiffOption::Skip => true,
                CellDiffOption::None => cell.skip,
                _ => false,
            };
            // A forced width counts, as the diff counts it.
            let columns = usize::from(cell.cell_width());
            if index < selector_until {
                hidden_until = index + columns.max(1);
                selector_until = selector_until.max(hidden_until);
                if skipped || cell.symbol() == " " {
                    return None;
                }
            } else {
                if skipped || is_blank(cell) {
                    return None;
                }
                hidden_until = index + columns.max(1);
                if columns > 1
                    && !matches!(cell.diff_option, CellDiffOption::ForcedWidth(_))
                    && cell.symbol().contains('\u{fe0f}')
                {
                    (hidden_until, selector_until) = (index + 1, index + columns);
                }
            }
            let x = area.x + (index % width) as u16;
            let y = area.y + (index / width) as u16;
            Some((x, y, cell))
        })
}

/// Whether `cell` equals a blank one (`Cell::EMPTY`), field by field: comparing whole cells
/// calls `memcmp` on their symbols, which a first frame would do for thousands of cells.
fn is_blank(cell: &Cell) -> bool {
    cell.symbol() == " "
        && cell.fg == Color::Reset
        && cell.bg == Color::Reset
        && cell.underline_color == Color::Reset
        && cell.modifier.is_empty()
        && matches!(cell.diff_option, CellDiffOption::None)
}

/// Raw mode, the alternate screen, a hidden cursor and, if `mouse`, mouse capture; all
/// undone again if any of it fails.
fn take_over(mouse: bool) -> io::Result<()> {
    terminal::enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    let mut stdout = io::stdout();
    let mut setup = execute!(stdout, terminal::EnterAlternateScreen, cursor::Hide);
    if mouse && setup.is_ok() {
        setup = execute!(stdout, event::EnableMouseCapture);
    }
    if let Err(error) = setup {
        restore();
        return Err(error);
    }
    Ok(())
}

/// Stops this process's job with SIGTSTP, as the terminal's suspend key would: the
/// signal's default action is put back for the moment (the event loop otherwise receives
/// SIGTSTP to suspend the reader), sent to the whole process group (a pipeline such as
/// `cat f | counterpoint` stops together), and returns once the job is continued. In an
/// orphaned process group, which nothing could continue, the kernel discards it and this
/// returns at once. Called on the main thread, which Linux picks to take a signal its own
/// `kill` sends to its process: the stop happens before `kill` returns, while the default
/// action is in place.
#[cfg(unix)]
fn stop_job() {
    // SAFETY: sigaction with a zeroed (SIG_DFL) action and a valid out-pointer, then with
    // the saved action; kill on our own process group.
    unsafe {
        let mut default: libc::sigaction = mem::zeroed();
        default.sa_sigaction = libc::SIG_DFL;
        let mut saved: libc::sigaction = mem::zeroed();
        if libc::sigaction(libc::SIGTSTP, &default, &mut saved) != 0 {
            return;
        }
        libc::kill(0, libc::SIGTSTP);
        libc::sigaction(libc::SIGTSTP, &saved, std::ptr::null_mut());
    }
}

#[cfg(not(unix))]
fn stop_job() {}

/// Turns mouse capture off, leaves the alternate screen, shows the cursor and turns raw
/// mode off, once.
pub fn restore() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        let mut stdout = io::stdout();
        let _ = execute!(
            stdout,
            event::DisableMouseCapture,
            terminal::LeaveAlternateScreen,
            cursor::Show
        );
        let _ = terminal::disable_raw_mode();
        let _ = stdout.flush();
    }
}

/// Restores the terminal before the panic message is printed, so it is readable.
fn install_panic_hook() {
    static INSTALLED: AtomicBool = AtomicBool::new(false);
    if INSTALLED.swap(true, Ordering::SeqCst) {
        return;
    }
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use ratatui::backend::TestBackend;
    use ratatui::style::{Modifier, Style};
    use ratatui::widgets::{Paragraph, Widget};

    /// Text with wide graphemes, emoji with and without the presentation selector,
    /// combining marks and zero-width characters.
    const PIECES: &[&str] = &[
        "a",
        " ",
        "word ",
        "日本",
        "☺\u{fe0f}",
        "👩\u{200d}🔬",
        "e\u{301}",
        "\u{200b}",
        "🇫🇷",
        "—",
    ];

    /// Styles for whole runs of cells, blank ones included: each differs from a blank
    /// cell in one field (the first in none).
    fn style(choice: u8) -> Style {
        match choice % 5 {
            0 => Style::new(),
            1 => Style::new().bg(Color::Blue),
            2 => Style::new().fg(Color::Red),
            3 => Style::new().underline_color(Color::Green),
            _ => Style::new().add_modifier(Modifier::REVERSED),
        }
    }

    fn diff_option(choice: u8) -> CellDiffOption {
        match choice % 4 {
            0 => CellDiffOption::Skip,
            1 => CellDiffOption::AlwaysUpdate,
            2 => CellDiffOption::ForcedWidth(std::num::NonZeroU16::new(2).unwrap()),
            _ => CellDiffOption::None,
        }
    }

    /// Where a run of text goes, its pieces and its style.
    type Placed = (u16, u16, Vec<usize>, u8);

    fn frame_of(writes: &[Placed], options: &[(usize, u8)], area: Rect) -> Buffer {
        let mut frame = Buffer::empty(area);
        for (x, y, pieces, choice) in writes {
            let text: String = pieces.iter().map(|&i| PIECES[i % PIECES.len()]).collect();
            let (x, y) = (x % area.width, y % area.height);
            frame.set_string(x, y, text, style(*choice));
            frame.set_style(Rect::new(x / 2, y, area.width / 2, 1), style(*choice));
        }
        for &(index, choice) in options {
            let index = index % frame.content.len();
            frame.content[index].set_diff_option(diff_option(choice));
        }
        frame
    }

    proptest! {
        #[test]
        fn a_first_frame_writes_what_ratatuis_diff_would(
            writes in proptest::collection::vec(
                (0u16..30, 0u16..6, proptest::collection::vec(0usize..20, 0..12), any::<u8>()),
                0..8,
            ),
            options in proptest::collection::vec((any::<usize>(), any::<u8>()), 0..3),
        ) {
            let area = Rect::new(0, 0, 24, 5);
            let frame = frame_of(&writes, &options, area);
            let blank = Buffer::empty(area);
            let expected: Vec<(u16, u16, Cell)> =
                blank.diff(&frame).into_iter().map(|(x, y, c)| (x, y, c.clone())).collect();
            let actual: Vec<(u16, u16, Cell)> =
                cells_on_blank_screen(&frame).map(|(x, y, c)| (x, y, c.clone())).collect();
            prop_assert_eq!(actual, expected);
        }
    }

    fn text_frame(area: Rect, text: &str) -> Buffer {
        let mut frame = Buffer::empty(area);
        Paragraph::new(text).render(area, &mut frame);
        frame
    }

    #[test]
    fn ratatui_takes_over_from_the_first_frame() {
        let area = Rect::new(0, 0, 20, 4);
        let first = || text_frame(area, "first frame\nstays?");
        let mut backend = TestBackend::new(20, 4);
        draw_on_blank_screen(&mut backend, &first()).unwrap();
        assert_eq!(backend.buffer(), &first());

        let mut terminal = terminal_showing(backend, first()).unwrap();
        terminal
            .draw(|frame| Paragraph::new("second").render(frame.area(), frame.buffer_mut()))
            .unwrap();
        // What the first frame showed and the second does not is cleared: the diff knew it
        // was there.
        assert_eq!(terminal.backend().buffer(), &text_frame(area, "second"));
    }

    #[test]
    fn a_resize_before_the_takeover_redraws_everything() {
        let small = Rect::new(0, 0, 20, 4);
        let first = || text_frame(small, "a first frame, wide\nand two lines high");
        let mut backend = TestBackend::new(20, 4);
        draw_on_blank_screen(&mut backend, &first()).unwrap();
        backend.resize(30, 6);

        let mut terminal = terminal_showing(backend, first()).unwrap();
        terminal
            .draw(|frame| Paragraph::new("second").render(frame.area(), frame.buffer_mut()))
            .unwrap();
        assert_eq!(
            terminal.backend().buffer(),
            &text_frame(Rect::new(0, 0, 30, 6), "second")
        );
    }

    /// The case proptest first found: an emoji with the selector whose second column a
    /// wide character overwrote; the cell that character covers is not written.
    #[test]
    fn a_wide_character_over_an_emojis_second_column() {
        let mut frame = Buffer::empty(Rect::new(0, 0, 8, 1));
        frame.set_string(0, 0, "☺\u{fe0f}", Style::new());
        frame.set_string(1, 0, "日", Style::new().bg(Color::Blue));
        frame.set_style(Rect::new(0, 0, 4, 1), Style::new().bg(Color::Blue));
        let expected: Vec<(u16, u16)> = Buffer::empty(frame.area)
            .diff(&frame)
            .into_iter()
            .map(|(x, y, _)| (x, y))
            .collect();
        let actual: Vec<(u16, u16)> = cells_on_blank_screen(&frame)
            .map(|(x, y, _)| (x, y))
            .collect();
        assert_eq!(actual, expected);
        assert!(!actual.contains(&(2, 0)));
    }
}
