//! Runs the real `counterpoint` binary in a pseudo-terminal, drains its output on its own
//! thread into a `vt100` screen, and lets a test type keys and read the screen.

use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::{AsRawFd, FromRawFd};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// How long a test waits for the screen to show something before it fails. This bounds a
/// hang; it is not a speed assertion.
pub const PATIENCE: Duration = Duration::from_secs(20);

pub struct Session {
    /// `None` once the test closed the terminal ([`Session::close_master`]).
    master: Option<Box<dyn MasterPty + Send>>,
    writer: Option<Box<dyn Write + Send>>,
    child: Box<dyn Child + Send + Sync>,
    parser: Arc<Mutex<vt100::Parser>>,
    /// Every byte the program wrote, for checks on the raw stream.
    output: Arc<Mutex<Vec<u8>>>,
    reader: Option<thread::JoinHandle<()>>,
    /// Tells the output thread to stop reading and close its copy of the master.
    stop_reading: Arc<AtomicBool>,
    /// The session's own config, state and data directories (unless a test sets them).
    home: tempfile::TempDir,
}

pub struct Options<'a> {
    pub cols: u16,
    pub rows: u16,
    pub args: &'a [&'a str],
    pub env: &'a [(&'a str, &'a str)],
    pub cwd: Option<&'a Path>,
    /// Bytes fed to the program's standard input through a pipe (`cat file | counterpoint`).
    pub stdin_file: Option<&'a Path>,
    /// Variables removed from the environment (after `env` is applied; `TERM` included).
    pub unset: &'a [&'a str],
    /// Another program to run instead of counterpoint (a shell around it), given `args`.
    pub program: Option<&'a str>,
}

impl Default for Options<'_> {
    fn default() -> Self {
        Options {
            cols: 100,
            rows: 20,
            args: &[],
            env: &[],
            cwd: None,
            stdin_file: None,
            unset: &[],
            program: None,
        }
    }
}

impl Session {
    pub fn start(options: Options) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: options.rows,
                cols: options.cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pseudo-terminal");
        let binary = env!("CARGO_BIN_EXE_counterpoint");
        let mut command = match options.stdin_file {
            // A shell pipes the file in, so stdin is not the terminal, as with `cat f | cmd`.
            Some(file) => {
                let mut c = CommandBuilder::new("sh");
                let mut line = format!("cat '{}' | '{binary}'", file.display());
                for arg in options.args {
                    line.push_str(&format!(" '{arg}'"));
                }
                c.args(["-c", &line]);
                c
            }
            None => {
                let mut c = CommandBuilder::new(options.program.unwrap_or(binary));
                c.args(options.args);
                c
            }
        };
        command.env("TERM", "xterm-256color");
        // Never read or write the real user's config, positions or claims.
        let home = tempfile::tempdir().expect("a temporary home");
        for (variable, folder) in [
            ("XDG_CONFIG_HOME", "config"),
            ("XDG_STATE_HOME", "state"),
            ("XDG_DATA_HOME", "data"),
        ] {
            command.env(variable, home.path().join(folder));
        }
        command.env_remove("NO_COLOR");
        // A UTF-8 locale, whatever the test runner's (the reader draws ASCII under any
        // other); a test sets LANG or LC_ALL itself to try another.
        command.env_remove("LC_ALL");
        command.env_remove("LC_CTYPE");
        command.env("LANG", "C.UTF-8");
        for (key, value) in options.env {
            command.env(key, value);
        }
        for key in options.unset {
            command.env_remove(key);
        }
        if let Some(cwd) = options.cwd {
            command.cwd(cwd);
        }
        let child = pty
            .slave
            .spawn_command(command)
            .expect("spawn counterpoint");
        drop(pty.slave);
        // Our own copy of the master for the output thread, polled with a timeout so that
        // `close_master` can make the thread let go of it (the terminal only hangs up when
        // every copy of the master is closed).
        let fd = pty.master.as_raw_fd().expect("pty fd");
        // SAFETY: `dup` of an open descriptor; the `File` owns the new one.
        let mut reader = unsafe { File::from_raw_fd(libc::dup(fd)) };
        let stop_reading = Arc::new(AtomicBool::new(false));
        let stop = stop_reading.clone();
        let writer = pty.master.take_writer().expect("pty writer");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            nonzero(options.rows),
            nonzero(options.cols),
            0,
        )));
        let output = Arc::new(Mutex::new(Vec::new()));
        let (screen, log) = (parser.clone(), output.clone());
        let reader = thread::spawn(move || {
            let mut buffer = [0u8; 8192];
            while !stop.load(Ordering::SeqCst) {
                let mut poll = libc::pollfd {
                    fd: reader.as_raw_fd(),
                    events: libc::POLLIN,
                    revents: 0,
                };
                // SAFETY: one valid pollfd for the duration of the call.
                match unsafe { libc::poll(&mut poll, 1, 50) } {
                    0 => continue,
                    n if n < 0
                        && std::io::Error::last_os_error().kind()
                            == std::io::ErrorKind::Interrupted =>
                    {
                        continue;
                    }
                    n if n < 0 => break,
                    _ => {}
                }
                let n = match reader.read(&mut buffer) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => n,
                };
                screen.lock().unwrap().process(&buffer[..n]);
                log.lock().unwrap().extend_from_slice(&buffer[..n]);
            }
        });
        Session {
            master: Some(pty.master),
            writer: Some(writer),
            child,
            parser,
            output,
            reader: Some(reader),
            stop_reading,
            home,
        }
    }

    pub fn send(&mut self, keys: &str) {
        let writer = self.writer.as_mut().expect("the terminal is open");
        writer.write_all(keys.as_bytes()).expect("type keys");
        writer.flush().unwrap();
    }

    /// Closes the terminal under the program, as when its window is closed: every copy of
    /// the pty master is closed, so the kernel hangs the terminal up (SIGHUP to the
    /// program, then read errors). What the program wrote until then stays readable.
    pub fn close_master(&mut self) {
        self.stop_reading.store(true, Ordering::SeqCst);
        if let Some(reader) = self.reader.take() {
            let _ = reader.join();
        }
        self.writer = None;
        self.master = None;
    }

    fn master(&self) -> &(dyn MasterPty + Send) {
        self.master.as_deref().expect("the terminal is open")
    }

    /// The screen as text, one string per row.
    pub fn rows(&self) -> Vec<String> {
        let parser = self.parser.lock().unwrap();
        let (_, cols) = parser.screen().size();
        parser.screen().rows(0, cols.get()).collect()
    }

    pub fn screen_text(&self) -> String {
        self.rows().join("\n")
    }

    /// Runs `check` on the screen until it holds; panics with the screen if it never does.
    pub fn wait_for(&self, what: &str, check: impl Fn(&vt100::Screen) -> bool) {
        let start = Instant::now();
        loop {
            if check(self.parser.lock().unwrap().screen()) {
                return;
            }
            if start.elapsed() > PATIENCE {
                panic!("screen never showed {what}:\n{}", self.screen_text());
            }
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits for the sidebar and for the detector's items (no "analysing…" on screen).
    pub fn wait_for_analysis(&self) {
        self.wait_for_text("Key claims");
        self.wait_for("the analysis", |screen| {
            !screen.contents().contains("analysing")
        });
    }

    pub fn wait_for_text(&self, text: &str) {
        self.wait_for(text, |screen| screen.contents().contains(text));
    }

    /// Sends keys, then waits until the screen changes and settles.
    pub fn send_and_settle(&mut self, keys: &str) {
        let before = self.parser.lock().unwrap().screen().contents_formatted();
        self.send(keys);
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(2) {
            thread::sleep(Duration::from_millis(20));
            if self.parser.lock().unwrap().screen().contents_formatted() != before {
                break;
            }
        }
        self.settle();
    }

    /// Waits until the output has been quiet for a moment.
    pub fn settle(&self) {
        let mut last = self.output.lock().unwrap().len();
        let start = Instant::now();
        loop {
            thread::sleep(Duration::from_millis(60));
            let now = self.output.lock().unwrap().len();
            if now == last || start.elapsed() > PATIENCE {
                return;
            }
            last = now;
        }
    }

    pub fn with_screen<T>(&self, f: impl FnOnce(&vt100::Screen) -> T) -> T {
        f(self.parser.lock().unwrap().screen())
    }

    pub fn resize(&mut self, cols: u16, rows: u16) {
        // The screen model takes the new size first, under its lock, so that everything the
        // program draws after it learns of the resize lands on a screen of that size.
        let mut parser = self.parser.lock().unwrap();
        parser.screen_mut().set_size(nonzero(rows), nonzero(cols));
        self.master()
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize the pty");
        drop(parser);
    }

    /// The session's temporary home (holding config/, state/ and data/).
    pub fn home(&self) -> &Path {
        self.home.path()
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("child pid")
    }

    /// Waits for the program to exit and returns its exit code.
    pub fn wait_exit(&mut self) -> u32 {
        self.wait_exit_within(PATIENCE)
    }

    /// Waits at most `patience` (a bound on a hang, not a speed assertion) for the program
    /// to exit and returns its exit code.
    pub fn wait_exit_within(&mut self, patience: Duration) -> u32 {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("child status") {
                if let Some(reader) = self.reader.take() {
                    // The reader ends when the pty has no writer left.
                    let _ = reader.join();
                }
                return status.exit_code();
            }
            if start.elapsed() > patience {
                let _ = self.child.kill();
                panic!("counterpoint did not exit:\n{}", self.screen_text());
            }
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// Whether the terminal is back in cooked mode (line editing and echo on).
    pub fn cooked_mode(&self) -> bool {
        let fd = self.master().as_raw_fd().expect("pty fd");
        let mut termios: libc::termios = unsafe { std::mem::zeroed() };
        // SAFETY: `fd` is the open pty master and `termios` is a valid out-pointer.
        let ok = unsafe { libc::tcgetattr(fd, &mut termios) } == 0;
        ok && termios.c_lflag & libc::ICANON != 0 && termios.c_lflag & libc::ECHO != 0
    }

    /// The raw output restores the screen and the pty is back in cooked mode.
    pub fn terminal_restored(&self) -> bool {
        terminal_restored(&self.output()) && self.cooked_mode()
    }

    pub fn output(&self) -> Vec<u8> {
        self.output.lock().unwrap().clone()
    }
}

fn nonzero(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n.max(1)).unwrap()
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

/// Whether the raw output leaves the terminal as it found it: the alternate screen left,
/// the cursor shown, after the last time they were changed.
pub fn terminal_restored(output: &[u8]) -> bool {
    let text = String::from_utf8_lossy(output);
    let last = |pattern: &str| text.rfind(pattern);
    let left_alternate = match (last("\x1b[?1049h"), last("\x1b[?1049l")) {
        (Some(enter), Some(leave)) => leave > enter,
        (None, _) => true,
        (Some(_), None) => false,
    };
    let cursor_shown = match (last("\x1b[?25l"), last("\x1b[?25h")) {
        (Some(hide), Some(show)) => show > hide,
        (None, _) => true,
        (Some(_), None) => false,
    };
    let mouse_off = match (last("\x1b[?1000h"), last("\x1b[?1000l")) {
        (Some(on), Some(off)) => off > on,
        (None, _) => true,
        (Some(_), None) => false,
    };
    left_alternate && cursor_shown && mouse_off
}
