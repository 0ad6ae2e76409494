//! Fetching a document over HTTP(S) with `ureq` (rustls, bundled web-PKI roots): timeouts,
//! at most five redirects, a size limit, and failures as one-line errors.

use std::time::Duration;

use super::error::{LoadError, LoadErrorKind};

/// A fetched body and what the server said about it.
#[derive(Debug)]
pub struct Fetched {
    pub bytes: Vec<u8>,
    /// The Content-Type header, if any.
    pub content_type: Option<String>,
}

pub const MAX_REDIRECTS: u32 = 5;

/// GETs `url`. `timeout` bounds connecting, waiting for the response, and each read.
pub fn fetch(url: &str, max_bytes: u64, timeout: Duration) -> Result<Fetched, LoadError> {
    let fail = |kind| LoadError::new(url, kind);
    let mut config = ureq::Agent::config_builder()
        .timeout_resolve(Some(timeout))
        .timeout_connect(Some(timeout))
        .timeout_send_request(Some(timeout))
        .timeout_recv_response(Some(timeout))
        .timeout_per_read(Some(timeout))
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
        let response = agent
            .get(&current)
            .header(
                "Accept",
                "text/html, application/xhtml+xml, text/markdown;q=0.9, text/plain;q=0.8, */*;q=0.1",
            )
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
    let bytes = response
        .body_mut()
        .with_config()
        .limit(max_bytes)
        .read_to_vec()
        .map_err(|e| match e {
            ureq::Error::BodyExceedsLimit(_) => fail(LoadErrorKind::TooLarge { limit: max_bytes }),
            other => fail(error_kind(other)),
        })?;
    Ok(Fetched {
        bytes,
        content_type,
    })
}

fn error_kind(error: ureq::Error) -> LoadErrorKind {
    match error {
        ureq::Error::HostNotFound => LoadErrorKind::UnresolvedHost,
        ureq::Error::Timeout(_) => LoadErrorKind::TimedOut,
        ureq::Error::TooManyRedirects => LoadErrorKind::TooManyRedirects,
        ureq::Error::ConnectionFailed => LoadErrorKind::ConnectionRefused,
        ureq::Error::Io(io) => match io.kind() {
            std::io::ErrorKind::ConnectionRefused => LoadErrorKind::ConnectionRefused,
            std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock => {
                LoadErrorKind::TimedOut
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
