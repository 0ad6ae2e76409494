//! Following a redirect ourselves: where a `Location` header points, from the URL that
//! sent it, and only to `http` or `https`. (The HTTP library, given `file:///etc/passwd`,
//! requests `/etc/passwd` from the same server and reports its 404.)

/// Where `location` points from `base` (an absolute `http(s)` URL): an absolute URL, a
/// network-path reference (`//host/path`), a root-relative path or a relative one. `Err`
/// holds the scheme of a location that is neither `http` nor `https`.
pub fn resolve(base: &str, location: &str) -> Result<String, String> {
    let location = location.trim();
    if let Some(scheme) = scheme_of(location) {
        return if scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https") {
            Ok(location.to_string())
        } else {
            Err(scheme.to_string())
        };
    }
    let (scheme, rest) = base.split_once("://").unwrap_or(("http", base));
    if let Some(network_path) = location.strip_prefix("//") {
        return Ok(format!("{scheme}://{network_path}"));
    }
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, path) = rest.split_at(authority_end);
    if location.starts_with('/') {
        return Ok(format!("{scheme}://{authority}{location}"));
    }
    // Relative: beside the last segment of the base path (its query and fragment go).
    let path = path.split(['?', '#']).next().unwrap_or("");
    let directory = match path.rfind('/') {
        Some(slash) => &path[..=slash],
        None => "/",
    };
    Ok(format!("{scheme}://{authority}{directory}{location}"))
}

/// The scheme of an absolute URL (`file` of `file:///x`), per RFC 3986: a letter, then
/// letters, digits, `+`, `-` or `.`, then `:`.
fn scheme_of(url: &str) -> Option<&str> {
    let (scheme, _) = url.split_once(':')?;
    let mut chars = scheme.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then_some(scheme)
}

#[cfg(test)]
mod tests {
    use super::resolve;

    #[test]
    fn locations_resolve_against_the_base() {
        let base = "http://example.org:8080/a/b.html?q=1";
        assert_eq!(
            resolve(base, "https://other.test/x"),
            Ok("https://other.test/x".into())
        );
        assert_eq!(
            resolve(base, "//cdn.test/y"),
            Ok("http://cdn.test/y".into())
        );
        assert_eq!(
            resolve(base, "/root.html"),
            Ok("http://example.org:8080/root.html".into())
        );
        assert_eq!(
            resolve(base, "c.html"),
            Ok("http://example.org:8080/a/c.html".into())
        );
        assert_eq!(
            resolve("http://example.org", "c.html"),
            Ok("http://example.org/c.html".into())
        );
    }

    #[test]
    fn other_schemes_are_refused() {
        assert_eq!(
            resolve("http://x.test/", "file:///etc/passwd"),
            Err("file".into())
        );
        assert_eq!(
            resolve("http://x.test/", "javascript:alert(1)"),
            Err("javascript".into())
        );
        // A colon later in a relative path is not a scheme.
        assert_eq!(
            resolve("http://x.test/", "a/b:c"),
            Ok("http://x.test/a/b:c".into())
        );
    }
}
