//! Fetching a document over HTTP(S) with `ureq` (rustls, bundled web-PKI roots): one
//! overall deadline for the whole fetch, at most five redirects, a size limit, progress for
//! whoever shows it, and failures as one-line errors.

use std::io::Read;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use super::error::{LoadError, LoadErrorKind};

/// A fetched body and what the server said about it.
#[derive(Debug)]
pub struct Fetched {
    pub bytes: Vec<u8>,
    /// The Content-Type header, if any.
    pub content_type: Option<String>,
}

pub const MAX_REDIRECTS: u32 = 5;

/// How far a fetch has got, updated as it goes, for another thread to show.
#[derive(Debug)]
pub struct Progress {
    /// Body bytes received so far.
    received: AtomicU64,
    /// The body's length from Content-Length, [`UNKNOWN`] until the response says it.
    expected: AtomicU64,
}

const UNKNOWN: u64 = u64::MAX;

impl Default for Progress {
    fn default() -> Self {
        Progress {
            received: AtomicU64::new(0),
            expected: AtomicU64::new(UNKNOWN),
        }
    }
}

impl Progress {
    /// Body bytes received so far.
    pub fn received(&self) -> u64 {
        self.received.load(Ordering::Relaxed)
    }

    /// The body's announced length, once the response headers arrived with one.
    pub fn expected(&self) -> Option<u64> {
        Some(self.expected.load(Ordering::Relaxed)).filter(|&n| n != UNKNOWN)
    }
}

/// Bytes read from the body at a time (progress is updated after each read).
const CHUNK: usize = 16 * 1024;

/// GETs `url`, all of it (resolving, connecting, redirects, the response and the whole
/// body) within `timeout`: a server that drips a byte a second is cut off at the deadline,
/// not only one that stops sending.
pub fn fetch(url: &str, max_bytes: u64, timeout: Duration) -> Result<Fetched, LoadError> {
    fetch_watched(url, max_bytes, timeout, &Progress::default())
}

/// [`fetch`], reporting how far it has got in `progress`.
pub fn fetch_watched(
    url: &str,
    max_bytes: u64,
    timeout: Duration,
    progress: &Progress,
) -> Result<Fetched, LoadError> {
    let fail = |kind| LoadError::new(url, kind);
    let timed_out = || {
        fail(LoadErrorKind::TimedOut {
            seconds: timeout.as_secs(),
        })
    };
    let error_kind = |e| match error_kind(e) {
        LoadErrorKind::TimedOut { .. } => LoadErrorKind::TimedOut {
            seconds: timeout.as_secs(),
        },
        other => other,
    };
    // `checked_add`: a deadline too far off to represent is no deadline.
    let deadline = Instant::now().checked_add(timeout);
    let remaining = || deadline.map(|d| d.saturating_duration_since(Instant::now()));
    let mut config = ureq::Agent::config_builder()
        // Redirects are followed below, where their scheme is checked.
        .max_redirects(0)
        .http_status_as_error(false)
        .user_agent(concat!("counterpoint/", env!("CARGO_PKG_VERSION")));
    if is_loopback(url) {
        // A proxy from the environment cannot reach this machine's own servers.
        config = config.proxy(None);
    }
    let agent = config.build().new_agent();
    let mut current = url.to_string();
    let mut redirects = 0;
    let mut response = loop {
        // The deadline covers every request of the chain and each body (ureq's global
        // timeout would start again with each request we make).
        let response = agent
            .get(&current)
            .header(
                "Accept",
                "text/html, application/xhtml+xml, text/markdown;q=0.9, text/plain;q=0.8, */*;q=0.1",
            )
            .config()
            .timeout_global(remaining())
            .build()
            .call()
            .map_err(|e| fail(error_kind(e)))?;
        let location = response
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok());
        match location {
            Some(location) if response.status().is_redirection() => {
                if redirects == MAX_REDIRECTS {
                    return Err(fail(LoadErrorKind::TooManyRedirects));
                }
                redirects += 1;
                current = super::redirect::resolve(&current, location)
                    .map_err(|scheme| fail(LoadErrorKind::UnsupportedRedirect(scheme)))?;
            }
            _ => break response,
        }
    };
    let status = response.status();
    if !status.is_success() {
        return Err(fail(LoadErrorKind::Http {
            status: status.as_u16(),
            reason: status.canonical_reason().unwrap_or("").to_string(),
        }));
    }
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    if let Some(length) = response.body().content_length() {
        progress.expected.store(length, Ordering::Relaxed);
    }
    let mut reader = response.body_mut().with_config().limit(max_bytes).reader();
    let mut bytes = Vec::new();
    let mut chunk = vec![0; CHUNK];
    loop {
        let read = match reader.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => {
                return Err(match ureq::Error::from(e) {
                    ureq::Error::BodyExceedsLimit(_) => {
                        fail(LoadErrorKind::TooLarge { limit: max_bytes })
                    }
                    other => fail(error_kind(other)),
                });
            }
        };
        bytes.extend_from_slice(&chunk[..read]);
        progress
            .received
            .store(bytes.len() as u64, Ordering::Relaxed);
        // ureq checks the deadline when it waits for the network; this covers data it had
        // already buffered.
        if remaining().is_some_and(|left| left.is_zero()) {
            return Err(timed_out());
        }
    }
    Ok(Fetched {
        bytes,
        content_type,
    })
}

fn error_kind(error: ureq::Error) -> LoadErrorKind {
    match error {
        ureq::Error::HostNotFound => LoadErrorKind::UnresolvedHost,
        ureq::Error::Timeout(_) => LoadErrorKind::TimedOut { seconds: 0 },
        ureq::Error::TooManyRedirects => LoadErrorKind::TooManyRedirects,
        ureq::Error::ConnectionFailed => LoadErrorKind::ConnectionRefused,
        ureq::Error::Io(io) => match io.kind() {
            std::io::ErrorKind::ConnectionRefused => LoadErrorKind::ConnectionRefused,
            std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock => {
                LoadErrorKind::TimedOut { seconds: 0 }
            }
            std::io::ErrorKind::NotFound => LoadErrorKind::UnresolvedHost,
            _ => LoadErrorKind::Network(io.to_string()),
        },
        ureq::Error::BadUri(_) => LoadErrorKind::Network("not a valid URL".to_string()),
        other => LoadErrorKind::Network(other.to_string()),
    }
}

/// Whether the URL's host is this machine.
fn is_loopback(url: &str) -> bool {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = if host_port.starts_with('[') {
        host_port
            .split(']')
            .next()
            .unwrap_or("")
            .trim_start_matches('[')
    } else {
        host_port.split(':').next().unwrap_or("")
    };
    host.eq_ignore_ascii_case("localhost") || host.starts_with("127.") || host == "::1"
}

#[cfg(test)]
mod tests {
    use super::is_loopback;

    #[test]
    fn loopback_hosts() {
        assert!(is_loopback("http://127.0.0.1:8080/a"));
        assert!(is_loopback("http://localhost/a"));
        assert!(is_loopback("http://[::1]:80/"));
        assert!(!is_loopback("https://example.org/127.0.0.1"));
    }
}
