//! Time to first frame, beside `less`: starts a program in a 120×40 pseudo-terminal, feeds
//! its output to a `vt100` screen on a reader thread, and stops the clock when a known
//! phrase from the first body paragraph is on the screen. Then, on the first size given
//! (6 MB by default): the time from typing `G` to the last paragraph on screen, from `g`
//! and a search for the last paragraph's marker word to that paragraph on screen, from a
//! terminal resize to the redraw at the new width, and the peak resident memory (VmHWM)
//! just before quitting.
//!
//! Usage (after `cargo build --release`):
//! `cargo run --release --example ttff -- [--runs N] [--sizes 6M,60M] [--bin PATH]
//! [--baseline PATH] [--pipe SECONDS] [--markdown]` (`--sizes ''`: the embedded article only;
//! a size ending in `p`, as `10Mp`, is the same article in one paragraph on one line;
//! `--baseline`: a second counterpoint build, timed in the same alternation, for A/B
//! comparisons on a noisy machine; `--pipe`: each input through `(cat FILE; sleep SECONDS) |`,
//! the program reading standard input, first frame only; `--markdown`: the synthetic
//! texts written as `.md` files, read as Markdown)
//!
//! Inputs are written to a temporary directory: the embedded article as it is stored (raw
//! page capture), and synthetic articles (`counterpoint::synthetic`, seed 1) ending in a
//! paragraph with a marker word, so that "the last paragraph is on screen" is unambiguous.
//! `less` runs as `less FILE` with LESS, LESSOPEN and LESSCLOSE removed from its
//! environment; counterpoint as `counterpoint FILE --no-remember` with its XDG directories
//! in the temporary directory. Linux only (reads /proc).

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use counterpoint::source::{self, LoadOptions};
use counterpoint::synthetic;
use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const COLS: u16 = 120;
const ROWS: u16 = 40;
/// Longest wait for anything before a run counts as failed.
const PATIENCE: Duration = Duration::from_secs(120);
/// Longest wait for a search to show its match.
const SEARCH_PATIENCE: Duration = Duration::from_secs(20);
/// The word only the synthetic articles' last paragraph contains.
const END_MARKER: &str = "farewell";
const LAST_PARAGRAPH: &str = "Finally, and for the record, this synthetic article ends here with a \
     farewell to every patient reader who came this far.";

type Predicate = Box<dyn Fn(&vt100::Screen) -> bool + Send>;

/// What the reader thread is waiting for, and when it first held.
#[derive(Default)]
struct Watch {
    predicate: Option<Predicate>,
    hit: Option<Instant>,
}

struct Session {
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    parser: Arc<Mutex<vt100::Parser>>,
    watch: Arc<Mutex<Watch>>,
    /// Bytes received so far (to tell when the output has gone quiet).
    received: Arc<Mutex<usize>>,
    spawned: Instant,
}

impl Session {
    /// Spawns `command` in a fresh pty, the clock already watching `first`; returns the
    /// session and the time from just before the spawn to `first` holding.
    fn start(command: CommandBuilder, first: Predicate) -> (Session, Duration) {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pseudo-terminal");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            ROWS.try_into().unwrap(),
            COLS.try_into().unwrap(),
            0,
        )));
        let watch = Arc::new(Mutex::new(Watch {
            predicate: Some(first),
            hit: None,
        }));
        let received = Arc::new(Mutex::new(0));
        let mut reader = pty.master.try_clone_reader().expect("pty reader");
        let (screen, watching, count) = (parser.clone(), watch.clone(), received.clone());
        let spawned = Instant::now();
        let child = pty.slave.spawn_command(command).expect("spawn");
        drop(pty.slave);
        thread::spawn(move || {
            let mut buffer = [0u8; 65536];
            while let Ok(n) = reader.read(&mut buffer) {
                if n == 0 {
                    break;
                }
                let now = Instant::now();
                let mut parser = screen.lock().unwrap();
                parser.process(&buffer[..n]);
                *count.lock().unwrap() += n;
                let mut watch = watching.lock().unwrap();
                if watch.predicate.as_ref().is_some_and(|p| p(parser.screen())) {
                    watch.predicate = None;
                    watch.hit = Some(now);
                }
            }
        });
        let writer = pty.master.take_writer().expect("pty writer");
        let session = Session {
            master: pty.master,
            writer,
            child,
            parser,
            watch,
            received,
            spawned,
        };
        let elapsed = session.wait_hit(spawned, "the first screen");
        (session, elapsed)
    }

    fn wait_hit(&self, since: Instant, what: &str) -> Duration {
        self.wait_hit_within(since, PATIENCE).unwrap_or_else(|| {
            panic!(
                "never saw {what}; screen:\n{}",
                self.parser.lock().unwrap().screen().contents()
            )
        })
    }

    /// The time from `since` until the watched predicate held, if within `limit`.
    fn wait_hit_within(&self, since: Instant, limit: Duration) -> Option<Duration> {
        loop {
            if let Some(hit) = self.watch.lock().unwrap().hit.take() {
                return Some(hit.saturating_duration_since(since));
            }
            if since.elapsed() > limit {
                return None;
            }
            thread::sleep(Duration::from_micros(500));
        }
    }

    /// Watches for `predicate`; if the screen already shows it, it holds now.
    fn expect(&self, predicate: Predicate) {
        let parser = self.parser.lock().unwrap();
        let mut watch = self.watch.lock().unwrap();
        watch.hit = None;
        if predicate(parser.screen()) {
            watch.hit = Some(Instant::now());
        } else {
            watch.predicate = Some(predicate);
        }
    }

    /// Time from the spawn until the sidebar no longer reports background work (loading,
    /// analysing).
    fn until_idle(&self) -> Duration {
        self.expect(Box::new(|screen: &vt100::Screen| {
            let text = screen.contents();
            !text.contains("loading ") && !text.contains("analysing…")
        }));
        self.wait_hit(self.spawned, "the end of the background work")
    }

    /// Types `keys` and returns the time until `predicate` holds.
    fn keys_until(&mut self, keys: &str, predicate: Predicate, what: &str) -> Duration {
        self.expect(predicate);
        let sent = Instant::now();
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
        self.wait_hit(sent, what)
    }

    /// Resizes the terminal and returns the time until `predicate` holds. The screen model
    /// changes size under the same lock, so no output is read at the old size after it.
    fn resize_until(&mut self, cols: u16, predicate: Predicate, what: &str) -> Duration {
        self.expect(predicate);
        let mut parser = self.parser.lock().unwrap();
        parser
            .screen_mut()
            .set_size(ROWS.try_into().unwrap(), cols.try_into().unwrap());
        let sent = Instant::now();
        self.master
            .resize(PtySize {
                rows: ROWS,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize the pty");
        drop(parser);
        self.wait_hit(sent, what)
    }

    /// Waits until no output has come for `quiet` (at most `limit`).
    fn settle(&self, quiet: Duration, limit: Duration) {
        let start = Instant::now();
        let mut last = *self.received.lock().unwrap();
        while start.elapsed() < limit {
            thread::sleep(quiet);
            let now = *self.received.lock().unwrap();
            if now == last {
                return;
            }
            last = now;
        }
    }

    fn last_row(&self) -> String {
        let parser = self.parser.lock().unwrap();
        let (rows, cols) = parser.screen().size();
        let row = parser
            .screen()
            .rows(0, cols.get())
            .nth(usize::from(rows.get()) - 1);
        row.unwrap_or_default()
    }

    /// Peak resident set size in KiB, from /proc.
    fn peak_rss_kib(&self) -> Option<u64> {
        let pid = self.child.process_id()?;
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
        let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
        line.split_whitespace().nth(1)?.parse().ok()
    }

    /// Types `q` and waits for the program to end (killing it after a while).
    fn quit(mut self) {
        let _ = self.writer.write_all(b"q");
        let _ = self.writer.flush();
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(10) {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            thread::sleep(Duration::from_millis(10));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn contains(text: &str) -> Predicate {
    let text = text.to_string();
    Box::new(move |screen: &vt100::Screen| screen.contents().contains(&text))
}

#[derive(Clone, Copy, PartialEq)]
enum Program {
    Less,
    Counterpoint,
    /// The `--baseline` build of counterpoint.
    Baseline,
}

struct Setup {
    binary: PathBuf,
    baseline: Option<PathBuf>,
    home: PathBuf,
    /// `--pipe SECONDS`: the file comes through a pipe that stays open this long after it,
    /// as in `(cat FILE; sleep SECONDS) | PROGRAM`.
    pipe: Option<u64>,
}

impl Setup {
    fn command(&self, program: Program, file: &Path) -> CommandBuilder {
        let mut command = match program {
            Program::Less => {
                let mut c = CommandBuilder::new("less");
                c.arg(file);
                for variable in ["LESS", "LESSOPEN", "LESSCLOSE"] {
                    c.env_remove(variable);
                }
                c
            }
            Program::Counterpoint | Program::Baseline => {
                let binary = match (program, &self.baseline) {
                    (Program::Baseline, Some(baseline)) => baseline,
                    _ => &self.binary,
                };
                let mut c = CommandBuilder::new(binary);
                c.arg(file);
                c.arg("--no-remember");
                for (variable, folder) in [
                    ("XDG_CONFIG_HOME", "config"),
                    ("XDG_STATE_HOME", "state"),
                    ("XDG_DATA_HOME", "data"),
                    ("XDG_CACHE_HOME", "cache"),
                ] {
                    c.env(variable, self.home.join(folder));
                }
                c.env_remove("NO_COLOR");
                c
            }
        };
        command.env("TERM", "xterm-256color");
        if let Some(seconds) = self.pipe {
            // The same program and environment, its file argument replaced by the pipe.
            let argv: Vec<String> = command
                .get_argv()
                .iter()
                .map(|a| a.to_string_lossy().into_owned())
                .filter(|a| a.as_str() != file.to_string_lossy())
                .map(|a| format!("'{a}'"))
                .collect();
            let line = format!(
                "(cat '{}'; sleep {seconds}) | {}",
                file.display(),
                argv.join(" ")
            );
            let mut shell = command.clone();
            shell.get_argv_mut().clear();
            shell.get_argv_mut().push("sh".into());
            shell.args(["-c", &line]);
            return shell;
        }
        command
    }
}

struct Input {
    label: String,
    path: PathBuf,
    bytes: u64,
    /// The first words of the first body paragraph: on both programs' first screen.
    first_phrase: String,
}

/// The first few words of counterpoint's first body paragraph (at most ~30 columns, so the
/// phrase is on one row in both programs).
fn first_phrase(bytes: &[u8], name: &str) -> String {
    let loaded = source::load_bytes(bytes, name, &LoadOptions::default()).expect("loads");
    let mut phrase = String::new();
    for word in loaded.document.paragraph_text(0).split_whitespace() {
        if !phrase.is_empty() && phrase.len() + word.len() > 28 {
            break;
        }
        if !phrase.is_empty() {
            phrase.push(' ');
        }
        phrase.push_str(word);
    }
    phrase
}

fn write_input(dir: &Path, label: &str, file: &str, text: &str) -> Input {
    let path = dir.join(file);
    let mut written = std::fs::File::create(&path).expect("create the input");
    written.write_all(text.as_bytes()).expect("write the input");
    // On disk before any timing: the kernel writing tens of megabytes back while the
    // programs start slowed both by up to 20 ms.
    written.sync_all().expect("flush the input");
    Input {
        label: label.to_string(),
        bytes: text.len() as u64,
        first_phrase: first_phrase(text.as_bytes(), file),
        path,
    }
}

/// The synthetic article of about `bytes` bytes, ending in the marked last paragraph; in
/// one paragraph (one line after the title) when `one_paragraph`.
fn article(bytes: usize, one_paragraph: bool) -> String {
    let mut text = synthetic::article(bytes, 1);
    if one_paragraph {
        let (title, body) = text.split_once("\n\n").expect("a title line");
        text = format!(
            "{title}\n\n{} ",
            body.split_whitespace().collect::<Vec<_>>().join(" ")
        );
    }
    text.push_str(LAST_PARAGRAPH);
    text.push('\n');
    text
}

fn parse_size(text: &str) -> usize {
    let (digits, factor) = match text.strip_suffix(['M', 'm']) {
        Some(d) => (d, 1_000_000),
        None => (text, 1),
    };
    digits.parse::<usize>().expect("a size like 6M") * factor
}

/// Every order of `0..n`.
fn permutations(n: usize) -> Vec<Vec<usize>> {
    if n == 0 {
        return vec![Vec::new()];
    }
    let mut all = Vec::new();
    for shorter in permutations(n - 1) {
        for at in 0..n {
            let mut order = shorter.clone();
            order.insert(at, n - 1);
            all.push(order);
        }
    }
    all
}

struct Stats {
    median: Duration,
    min: Duration,
}

fn stats(mut samples: Vec<Duration>) -> Stats {
    samples.sort();
    let n = samples.len();
    let median = if n % 2 == 1 {
        samples[n / 2]
    } else {
        (samples[n / 2 - 1] + samples[n / 2]) / 2
    };
    Stats {
        median,
        min: samples[0],
    }
}

fn ms(d: Duration) -> String {
    format!("{:.1}", d.as_secs_f64() * 1000.0)
}

fn main() {
    // This process forks each program it times: a large heap left over from preparing the
    // inputs (freed, but kept by glibc) makes every fork copy its page tables, which added
    // some 15-20 ms to every start, of `less` and counterpoint alike, once the 60 MB text
    // was prepared. With a fixed mmap threshold, the large buffers go back to the system.
    // SAFETY: sets an allocator parameter, before any other thread exists.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 128 << 10);
    }
    let mut runs = 10;
    let mut sizes = vec!["6M".to_string(), "60M".to_string()];
    let mut binary = PathBuf::from("target/release/counterpoint");
    let mut baseline = None;
    let mut pipe = None;
    let mut extension = "txt";
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--runs" => runs = args.next().and_then(|n| n.parse().ok()).expect("--runs N"),
            "--sizes" => {
                sizes = args
                    .next()
                    .expect("--sizes 6M,60M")
                    .split(',')
                    .filter(|size| !size.is_empty())
                    .map(str::to_string)
                    .collect()
            }
            "--pipe" => {
                pipe = Some(
                    args.next()
                        .and_then(|n| n.parse().ok())
                        .expect("--pipe SECONDS"),
                )
            }
            "--markdown" => extension = "md",
            "--bin" => binary = PathBuf::from(args.next().expect("--bin PATH")),
            "--baseline" => {
                let path = PathBuf::from(args.next().expect("--baseline PATH"));
                baseline = Some(path.canonicalize().expect("the baseline binary"));
            }
            _ => {
                eprintln!(
                    "usage: ttff [--runs N] [--sizes 6M,60M] [--bin PATH] [--baseline PATH] [--pipe SECONDS]"
                );
                std::process::exit(2);
            }
        }
    }
    let binary = binary
        .canonicalize()
        .expect("the counterpoint binary (build --release)");
    let dir = tempfile::tempdir().expect("a temporary directory");
    let setup = Setup {
        binary,
        baseline,
        home: dir.path().to_path_buf(),
        pipe,
    };

    let mut inputs = vec![write_input(
        dir.path(),
        "embedded article",
        "cybersecurity-dialogue.txt",
        counterpoint::EMBEDDED_ARTICLE,
    )];
    for size in &sizes {
        let (bytes, one_paragraph) = match size.strip_suffix('p') {
            Some(bytes) => (bytes, true),
            None => (size.as_str(), false),
        };
        let text = article(parse_size(bytes), one_paragraph);
        let file = format!("synthetic-{size}.{extension}");
        let label = if one_paragraph {
            format!("{bytes} in one paragraph")
        } else {
            format!("{size} synthetic")
        };
        inputs.push(write_input(dir.path(), &label, &file, &text));
        drop(text);
        // SAFETY: only returns free memory to the system.
        unsafe {
            libc::malloc_trim(0);
        }
    }

    // The same for the many small blocks the loader left (freed, but still mapped).
    // SAFETY: only returns free memory to the system.
    unsafe {
        libc::malloc_trim(0);
    }
    println!("## Time to first frame ({COLS}×{ROWS} pty, {runs} runs each)\n");
    println!(
        "| input | bytes | phrase | less median / min (ms) | counterpoint median / min (ms) \
         | ratio of medians | counterpoint loaded and analysed, median (ms) \
         | peak RSS less / counterpoint (MiB) |"
    );
    println!("|---|---:|---|---:|---:|---:|---:|---:|");
    for input in &inputs {
        let mut programs = vec![Program::Less, Program::Counterpoint];
        if setup.baseline.is_some() {
            programs.push(Program::Baseline);
        }
        let mut samples = vec![Vec::new(); programs.len()];
        let mut peaks = vec![0u64; programs.len()];
        let mut idle = vec![Vec::new(); programs.len()];
        // Runs alternate between the programs, so all see the same machine load, in every
        // order in turn: a program started right after counterpoint (warm caches, a core
        // that has just been busy) started faster here than one started after `less`.
        let orders = permutations(programs.len());
        for run in 0..runs {
            for &k in &orders[run % orders.len()] {
                let program = programs[k];
                let command = setup.command(program, &input.path);
                let (session, elapsed) = Session::start(command, contains(&input.first_phrase));
                samples[k].push(elapsed);
                if program != Program::Less && setup.pipe.is_none() {
                    // The peak below is then that of the whole load, not of the first part.
                    idle[k].push(session.until_idle());
                }
                peaks[k] = peaks[k].max(session.peak_rss_kib().unwrap_or(0));
                session.quit();
            }
        }
        let less = stats(samples[0].clone());
        for k in 1..programs.len() {
            let counterpoint = stats(samples[k].clone());
            let label = match programs[k] {
                Program::Baseline => format!("{} (baseline)", input.label),
                _ => input.label.clone(),
            };
            eprintln!(
                "{label}: less {} ms, counterpoint {} ms",
                ms(less.median),
                ms(counterpoint.median)
            );
            println!(
                "| {label} | {} | \"{}\" | {} / {} | {} / {} | {:.2}× | {} | {:.1} / {:.1} |",
                input.bytes,
                input.first_phrase,
                ms(less.median),
                ms(less.min),
                ms(counterpoint.median),
                ms(counterpoint.min),
                counterpoint.median.as_secs_f64() / less.median.as_secs_f64(),
                if idle[k].is_empty() {
                    "–".to_string()
                } else {
                    ms(stats(idle[k].clone()).median)
                },
                peaks[0] as f64 / 1024.0,
                peaks[k] as f64 / 1024.0,
            );
        }
    }

    if setup.pipe.is_some() {
        return;
    }
    let Some(large) = inputs.get(1) else { return };
    println!("\n## On the {} text ({runs} runs each)\n", large.label);
    println!("| measurement | less median / min (ms) | counterpoint median / min (ms) |");
    println!("|---|---:|---:|");
    let mut g_cells = Vec::new();
    let mut search_cells = Vec::new();
    let mut resize_samples = Vec::new();
    let mut peaks = Vec::new();
    for program in [Program::Less, Program::Counterpoint] {
        let mut g_samples = Vec::new();
        let mut search_samples = Vec::new();
        let mut peak = 0;
        for _ in 0..runs {
            let command = setup.command(program, &large.path);
            let (mut session, _) = Session::start(command, contains(&large.first_phrase));
            if program == Program::Counterpoint {
                session.until_idle();
            }
            session.settle(Duration::from_millis(300), Duration::from_secs(5));
            g_samples.push(session.keys_until("G", contains(END_MARKER), "the last paragraph"));
            session.settle(Duration::from_millis(200), Duration::from_secs(5));
            // Back to the top, then a search for the word only the last paragraph has.
            let first = large.first_phrase.clone();
            session.keys_until("g", contains(&first), "the top");
            session.settle(Duration::from_millis(200), Duration::from_secs(5));
            // `less` searches a line of megabytes for minutes: give up after a while.
            session.expect(contains(END_MARKER));
            let sent = Instant::now();
            session
                .writer
                .write_all(format!("/{END_MARKER}\r").as_bytes())
                .unwrap();
            session.writer.flush().unwrap();
            search_samples.push(session.wait_hit_within(sent, SEARCH_PATIENCE));
            session.settle(Duration::from_millis(200), Duration::from_secs(5));
            if program == Program::Counterpoint {
                // The status line ends with right-aligned key hints: the redraw is complete
                // when they end in the last column of the new width.
                let status = session.last_row();
                let trimmed = status.trim_end();
                let margin = usize::from(COLS) - trimmed.chars().count();
                let hints: String = trimmed.chars().rev().take(8).collect();
                let hints: String = hints.chars().rev().collect();
                for cols in [100, COLS, 100, COLS, 100, COLS] {
                    let hints = hints.clone();
                    let redrawn = Box::new(move |screen: &vt100::Screen| {
                        let row = screen
                            .rows(0, cols)
                            .nth(usize::from(ROWS) - 1)
                            .unwrap_or_default();
                        let trimmed = row.trim_end();
                        trimmed.chars().count() + margin == usize::from(cols)
                            && trimmed.ends_with(&hints)
                    });
                    resize_samples.push(session.resize_until(cols, redrawn, "the redraw"));
                    session.settle(Duration::from_millis(100), Duration::from_secs(5));
                }
            }
            peak = peak.max(session.peak_rss_kib().unwrap_or(0));
            session.quit();
        }
        let s = stats(g_samples);
        g_cells.push(format!("{} / {}", ms(s.median), ms(s.min)));
        let found: Vec<Duration> = search_samples.iter().flatten().copied().collect();
        search_cells.push(if found.len() == search_samples.len() {
            let s = stats(found);
            format!("{} / {}", ms(s.median), ms(s.min))
        } else {
            format!("not found within {} s", SEARCH_PATIENCE.as_secs())
        });
        peaks.push(peak);
    }
    println!(
        "| `G` to the last paragraph on screen | {} | {} |",
        g_cells[0], g_cells[1]
    );
    println!(
        "| `g`, then `/{END_MARKER}` Enter to the last paragraph on screen | {} | {} |",
        search_cells[0], search_cells[1]
    );
    let r = stats(resize_samples);
    println!(
        "| resize 120↔100 columns to the redrawn status line | – | {} / {} |",
        ms(r.median),
        ms(r.min)
    );
    println!(
        "| peak RSS (VmHWM, MiB) after `G` and resizes | {:.1} | {:.1} |",
        peaks[0] as f64 / 1024.0,
        peaks[1] as f64 / 1024.0
    );
    println!(
        "\nRSS budget for counterpoint (2 × file + 30 MB): {:.1} MiB",
        (2 * large.bytes + 30_000_000) as f64 / 1_048_576.0
    );
}
