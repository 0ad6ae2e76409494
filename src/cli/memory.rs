//! How the allocator hands memory back. glibc raises its threshold for serving large
//! blocks by `mmap` each time such a block is freed, after which large blocks come from
//! the heap and freed ones stay resident. Streaming a file allocates and frees a few
//! large buffers per part, and analysis a large table once, so the peak memory would
//! hold them all. A fixed threshold keeps large blocks mapped on their own: freed, they
//! go back to the system, and a growing document text is moved by `mremap`, not copied.

/// Blocks at least this large are mapped on their own (glibc's initial threshold).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const MMAP_THRESHOLD: libc::c_int = 128 << 10;

/// Fixes the allocator's threshold for large blocks; call before anything allocates much.
pub fn return_large_blocks() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets an allocator parameter; it is called once, at start-up,
    // before other threads exist.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, MMAP_THRESHOLD);
    }
}
