//! Taking over the terminal and giving it back. Restoring is idempotent and runs on every
//! way out: normal quit, error (the guard's `Drop`), panic (the hook) and signals (the
//! event loop turns them into a quit, so the guard drops).

use std::io::{self, BufWriter, Stdout, Write};
use std::mem::ManuallyDrop;
use std::sync::atomic::{AtomicBool, Ordering};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::{cursor, event, execute, terminal};

static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Buffered, so a frame reaches the terminal in one write (ratatui flushes after each
/// frame) rather than in the standard output's line-sized pieces.
pub type Backend = CrosstermBackend<BufWriter<Stdout>>;

/// Room for a full frame of a large terminal with colours.
const FRAME_BUFFER: usize = 256 << 10;

/// ratatui's terminal with its two screen buffers, built on a thread of its own while the
/// document loads: filling the buffers (~10,000 cells at 120×40, each a fresh page of
/// memory) is the largest single step before the first frame. Nothing is written to the
/// terminal until [`TerminalGuard::enter`].
pub struct Prepared(std::thread::JoinHandle<io::Result<Terminal<Backend>>>);

/// Starts building the terminal (see [`Prepared`]).
pub fn prepare() -> Prepared {
    Prepared(std::thread::spawn(|| {
        let stdout = BufWriter::with_capacity(FRAME_BUFFER, io::stdout());
        Terminal::new(CrosstermBackend::new(stdout))
    }))
}

/// The terminal in raw mode on the alternate screen; restored when dropped.
pub struct TerminalGuard {
    /// Never dropped: ratatui's `Drop` only shows the cursor again (which [`restore`] does)
    /// and reports a failure with `eprintln!`, which panics (status 101) when standard
    /// error is the terminal that was just closed.
    pub terminal: ManuallyDrop<Terminal<Backend>>,
}

impl TerminalGuard {
    /// Raw mode, the alternate screen, a hidden cursor and, if `mouse`, mouse capture, on
    /// the `prepared` terminal.
    pub fn enter(prepared: Prepared, mouse: bool) -> io::Result<Self> {
        install_panic_hook();
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
        let terminal = prepared
            .0
            .join()
            .unwrap_or_else(|_| Err(io::Error::other("building the terminal panicked")))
            .inspect_err(|_| restore())?;
        Ok(TerminalGuard {
            terminal: ManuallyDrop::new(terminal),
        })
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

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
