//! Annotation files and maps are read like documents: regular files only, with a size
//! limit. A claims file linked to `/dev/zero`, a FIFO or a huge file gives one clear line
//! and a non-zero exit, in `outline`, `eval` and the reader; it never fills the memory or
//! blocks.

mod support;

use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use support::pty::{Options, Session};

const BINARY: &str = env!("CARGO_BIN_EXE_counterpoint");

/// A bound on a hang (a FIFO blocks forever when opened for reading), not a speed check.
const PATIENCE: Duration = Duration::from_secs(20);

/// Runs the binary with at most 2 GiB of address space, so that reading `/dev/zero` to the
/// end fails fast instead of taking the machine's memory, and kills it after [`PATIENCE`].
fn run(args: &[&str]) -> Output {
    let mut command = Command::new(BINARY);
    command
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    // SAFETY: only setrlimit, which is async-signal-safe, runs between fork and exec.
    unsafe {
        command.pre_exec(|| {
            let limit = libc::rlimit {
                rlim_cur: 2 << 30,
                rlim_max: 2 << 30,
            };
            libc::setrlimit(libc::RLIMIT_AS, &limit);
            Ok(())
        });
    }
    let mut child = command.spawn().expect("run counterpoint");
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > PATIENCE {
            let _ = child.kill();
            let _ = child.wait();
            panic!("counterpoint {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn assert_one_line_error(output: &Output, needles: &[&str], context: &str) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "{context}: exited 0");
    assert_eq!(stderr.lines().count(), 1, "{context}: {stderr:?}");
    for needle in needles {
        assert!(
            stderr.contains(needle),
            "{context}: {needle:?} not in {stderr:?}"
        );
    }
}

fn article(dir: &Path) -> PathBuf {
    let path = dir.join("essay.txt");
    std::fs::write(
        &path,
        "A Title\n\nSome text that says a thing. Another sentence follows it here.\n",
    )
    .unwrap();
    path
}

fn make_fifo(path: &Path) {
    let name = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o644) }, 0);
}

/// A sparse file of 100 MiB: huge to parse, cheap to make.
fn make_huge(path: &Path) {
    let file = std::fs::File::create(path).unwrap();
    file.set_len(100 << 20).unwrap();
}

#[test]
fn a_claims_file_that_is_a_device_a_fifo_or_huge_is_one_line() {
    for (what, make, needle) in [
        (
            "/dev/zero",
            (|p: &Path| std::os::unix::fs::symlink("/dev/zero", p).unwrap()) as fn(&Path),
            "not a regular file",
        ),
        ("FIFO", make_fifo as fn(&Path), "not a regular file"),
        ("huge", make_huge as fn(&Path), "larger than"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let article = article(dir.path());
        let claims = dir.path().join("essay.claims.toml");
        make(&claims);
        let article = article.to_str().unwrap();
        for args in [vec!["outline", article], vec!["eval", article]] {
            assert_one_line_error(
                &run(&args),
                &["essay.claims.toml", needle],
                &format!("{what}, {args:?}"),
            );
        }
        let other = dir.path().join("other.toml");
        make(&other);
        let output = run(&["outline", article, "--claims", other.to_str().unwrap()]);
        assert_one_line_error(
            &output,
            &["other.toml", needle],
            &format!("{what}, --claims"),
        );
        let map = dir.path().join("map.argdown");
        make(&map);
        let output = run(&["outline", article, "--map", map.to_str().unwrap()]);
        assert_one_line_error(&output, &["map.argdown", needle], &format!("{what}, --map"));
    }
}

#[test]
fn the_reader_refuses_a_fifo_or_huge_claims_file_in_one_line() {
    for (make, needle) in [
        (make_fifo as fn(&Path), "not a regular file"),
        (make_huge as fn(&Path), "larger than"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let article = article(dir.path());
        make(&dir.path().join("essay.claims.toml"));
        let mut session = Session::start(Options {
            args: &[article.to_str().unwrap()],
            ..Options::default()
        });
        assert_ne!(session.wait_exit(), 0);
        let output = String::from_utf8_lossy(&session.output()).into_owned();
        assert!(output.contains(needle), "{output:?}");
        assert_eq!(output.trim_end().lines().count(), 1, "{output:?}");
    }
}
