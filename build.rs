//! Links the `counterpoint` binary for a fast start on Linux with glibc: position-dependent,
//! with GCC's unwinder linked in statically.
//!
//! Why position-dependent: a position-independent executable makes the dynamic loader apply
//! ~31,600 relocations at every start, most of them in the string tables of the HTML and
//! Markdown crates, and copy-on-write ~150 pages to do it: about 0.7 ms of a 4.5 ms first
//! frame (BENCHMARKS.md, "Fourth stop"). The price is that the binary's own code and data
//! sit at a fixed address (shared libraries, stack, heap and mmaps stay randomised), as with
//! Go's default builds. Set `COUNTERPOINT_PIE=1` when building to keep the usual
//! position-independent executable.
//!
//! Why a static unwinder: Rust's standard library asks for `libgcc_s.so.1`, whose loading
//! and start-up code (it probes the CPU with `cpuid`, which traps to the hypervisor on a
//! virtual machine) cost 0.2-0.4 ms of every start (BENCHMARKS.md, "Fifth stop"). This is
//! `gcc -static-libgcc`: a `libgcc_s.so` linker script found before the real one sends the
//! linker to GCC's static unwinder (`libgcc_eh.a`) instead. Panics unwind as before. Skipped
//! when the linker has no `libgcc_eh.a` (e.g. clang without GCC), or with
//! `COUNTERPOINT_SHARED_LIBGCC=1`.

use std::path::PathBuf;
use std::process::Command;

fn main() {
    println!("cargo::rerun-if-env-changed=COUNTERPOINT_PIE");
    println!("cargo::rerun-if-env-changed=COUNTERPOINT_SHARED_LIBGCC");
    println!("cargo::rerun-if-env-changed=RUSTC_LINKER");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os != "linux" || env != "gnu" {
        return;
    }
    // Only the binaries: tests, examples and benches keep the defaults.
    if !flag("COUNTERPOINT_PIE") {
        println!("cargo::rustc-link-arg-bins=-no-pie");
    }
    if !flag("COUNTERPOINT_SHARED_LIBGCC")
        && let Some(dir) = static_unwinder_script()
    {
        // All `-L` folders apply to every `-l`, and this one comes before GCC's own.
        println!("cargo::rustc-link-arg-bins=-L{}", dir.display());
    }
}

fn flag(name: &str) -> bool {
    std::env::var_os(name).is_some_and(|v| v != "0")
}

/// A folder holding a `libgcc_s.so` linker script that names GCC's static libraries, or
/// `None` if the linker does not have them.
fn static_unwinder_script() -> Option<PathBuf> {
    let linker = std::env::var("RUSTC_LINKER").unwrap_or_else(|_| "cc".to_owned());
    let unwinder = library_path(&linker, "libgcc_eh.a")?;
    let runtime = library_path(&linker, "libgcc.a")?;
    let dir = PathBuf::from(std::env::var_os("OUT_DIR")?).join("static-libgcc");
    std::fs::create_dir_all(&dir).ok()?;
    let script = format!(
        "/* counterpoint's build.rs: GCC's unwinder, linked statically. */\nGROUP ( \"{}\" \"{}\" )\n",
        unwinder.display(),
        runtime.display()
    );
    std::fs::write(dir.join("libgcc_s.so"), script).ok()?;
    Some(dir)
}

/// Where the linker's compiler driver finds `name`; `None` if it does not.
fn library_path(linker: &str, name: &str) -> Option<PathBuf> {
    let output = Command::new(linker)
        .arg(format!("-print-file-name={name}"))
        .output()
        .ok()?;
    let path = PathBuf::from(String::from_utf8(output.stdout).ok()?.trim());
    // An unknown file comes back as the bare name.
    (output.status.success() && path.is_absolute() && path.is_file()).then_some(path)
}
