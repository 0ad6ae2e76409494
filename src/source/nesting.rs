//! A guard against pathologically deep HTML. html5ever's tree building and Readability's
//! scoring both slow down with the square (or worse) of the nesting depth, so a small
//! hostile page of 100 000 nested `<div>`s would stall the reader for minutes. Real pages
//! nest a few dozen levels; tags deeper than [`MAX_DEPTH`] are dropped (their text kept)
//! before parsing.

use std::borrow::Cow;

/// Deepest element nesting kept.
pub const MAX_DEPTH: usize = 256;

/// Elements that never hold content, or whose end tag is often left out: they do not
/// count towards the depth (an unclosed `<li>` list must not look deep).
const NOT_COUNTED: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "tbody", "thead", "tfoot", "option",
    "optgroup", "colgroup", "caption", "rb", "rt", "rtc", "rp", "html", "head", "body", "!doctype",
];

/// `html` with tags nested deeper than [`MAX_DEPTH`] removed (borrowed when none are).
pub fn limit_depth(html: &str) -> Cow<'_, str> {
    if max_depth(html) <= MAX_DEPTH {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut depth = 0usize;
    let mut copied = 0;
    for tag in tags(html) {
        let keep = match tag.effect {
            Effect::Open => {
                depth += 1;
                depth <= MAX_DEPTH
            }
            Effect::Close => {
                depth = depth.saturating_sub(1);
                depth < MAX_DEPTH
            }
            Effect::None => true,
        };
        out.push_str(&html[copied..tag.start]);
        if keep {
            out.push_str(&html[tag.start..tag.end]);
        }
        copied = tag.end;
    }
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

/// The approximate deepest nesting of counted elements.
fn max_depth(html: &str) -> usize {
    let mut depth = 0usize;
    let mut max = 0;
    for tag in tags(html) {
        match tag.effect {
            Effect::Open => {
                depth += 1;
                max = max.max(depth);
            }
            Effect::Close => depth = depth.saturating_sub(1),
            Effect::None => {}
        }
    }
    max
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Effect {
    Open,
    Close,
    None,
}

struct Tag {
    start: usize,
    end: usize,
    effect: Effect,
}

/// The tags of `html`, roughly: comments and the contents of `script` and `style` are
/// skipped.
fn tags(html: &str) -> impl Iterator<Item = Tag> + '_ {
    let bytes = html.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        loop {
            let start = at + memchr(b'<', &bytes[at..])?;
            if html[start..].starts_with("<!--") {
                at = html[start..]
                    .find("-->")
                    .map_or(bytes.len(), |e| start + e + 3);
                continue;
            }
            let closing = bytes.get(start + 1) == Some(&b'/');
            let name_start = start + 1 + usize::from(closing);
            let name: String = html[name_start..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '!' || *c == '-')
                .map(|c| c.to_ascii_lowercase())
                .collect();
            if name.is_empty() {
                at = start + 1;
                continue;
            }
            let end = memchr(b'>', &bytes[start..]).map_or(bytes.len(), |e| start + e + 1);
            at = end;
            if !closing && (name == "script" || name == "style") {
                // Raw text up to the end tag holds no tags.
                let close = format!("</{name}");
                at = find_ascii_ci(&html[end..], &close).map_or(bytes.len(), |e| end + e);
            }
            let self_closing = html[start..end].ends_with("/>");
            let effect = if NOT_COUNTED.contains(&name.as_str()) || self_closing {
                Effect::None
            } else if closing {
                Effect::Close
            } else {
                Effect::Open
            };
            return Some(Tag { start, end, effect });
        }
    })
}

fn memchr(needle: u8, haystack: &[u8]) -> Option<usize> {
    haystack.iter().position(|&b| b == needle)
}

fn find_ascii_ci(haystack: &str, needle: &str) -> Option<usize> {
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shallow_pages_untouched() {
        let html = "<div><ul><li>a<li>b</ul><p>x<p>y<script>if (a<b) {}</script></div>";
        assert!(matches!(limit_depth(html), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_nesting_cut() {
        let deep = format!("{}text{}", "<div>".repeat(1000), "</div>".repeat(1000));
        let limited = limit_depth(&deep);
        assert_eq!(max_depth(&limited), MAX_DEPTH);
        assert!(limited.contains("text"));
    }
}
