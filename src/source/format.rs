//! Which format a document is in: from its file extension, a Content-Type, or by sniffing
//! the text itself.

use std::path::Path;

use super::Format;

/// The format a file extension names, if it names one.
pub fn from_extension(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "txt" | "text" => Some(Format::Text),
        "md" | "markdown" | "mdown" | "mkd" => Some(Format::Markdown),
        "html" | "htm" | "xhtml" => Some(Format::Html),
        _ => None,
    }
}

/// What a Content-Type header says about a response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContentKind {
    /// A known text format.
    Known(Format),
    /// Text of no particular format (text/plain and other text/*): decide by extension or
    /// sniffing.
    Text,
    /// Not a text document (the media type, for the error message).
    NotText(String),
}

/// The media type (lower case, without parameters) and the charset parameter.
pub fn split_content_type(header: &str) -> (String, Option<String>) {
    let mut parts = header.split(';');
    let media = parts.next().unwrap_or("").trim().to_ascii_lowercase();
    let charset = parts.find_map(|p| {
        let (key, value) = p.split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches('"').to_string())
    });
    (media, charset)
}

pub fn from_media_type(media: &str) -> ContentKind {
    match media {
        "text/html" | "application/xhtml+xml" => ContentKind::Known(Format::Html),
        "text/markdown" | "text/x-markdown" => ContentKind::Known(Format::Markdown),
        "" | "text/plain" => ContentKind::Text,
        m if m.starts_with("text/") => ContentKind::Text,
        other => ContentKind::NotText(other.to_string()),
    }
}

/// Guesses the format of decoded text.
///
/// HTML: a doctype or `<html>` near the start, or many tags. Markdown: front matter, or at
/// least two signs among ATX headings, list markers, links, fenced code and emphasis.
/// Otherwise plain text.
pub fn sniff(text: &str) -> Format {
    let head: String = text.trim_start().chars().take(4096).collect();
    let lower = head.to_ascii_lowercase();
    if lower.starts_with("<!doctype html")
        || lower.starts_with("<html")
        || lower.starts_with("<?xml") && lower.contains("<html")
        || lower.contains("<html") && lower.contains("<body")
    {
        return Format::Html;
    }
    let tags = count_tags(&lower);
    if tags >= 8 && lower.contains("</") {
        return Format::Html;
    }
    if head.starts_with("---\n") || head.starts_with("+++\n") {
        return Format::Markdown;
    }
    if markdown_signs(&head) >= 2 {
        return Format::Markdown;
    }
    Format::Text
}

/// Counts things that look like HTML tags: `<name` or `</name` with a known element name.
fn count_tags(lower: &str) -> usize {
    const ELEMENTS: [&str; 16] = [
        "p",
        "div",
        "span",
        "a",
        "h1",
        "h2",
        "h3",
        "ul",
        "ol",
        "li",
        "br",
        "em",
        "strong",
        "article",
        "section",
        "blockquote",
    ];
    lower
        .match_indices('<')
        .filter(|(i, _)| {
            let rest = lower[i + 1..].trim_start_matches('/');
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            ELEMENTS.contains(&name.as_str())
                && rest[name.len()..].starts_with(['>', ' ', '/', '\n'])
        })
        .count()
}

/// Lines looked at to tell whether plain text is written in Markdown.
const MARKDOWN_LIKE_LINES: usize = 2000;

/// Whether plain text (a `.txt` file, standard input) is written the Markdown way: two
/// headings (underlined with `===`/`---`, or `#` headings), or one and a list of `*`, `-`
/// or `+` bullets. Stricter than [`sniff`]: an essay with a bulleted list stays text.
pub fn markdown_like(text: &str) -> bool {
    let lines: Vec<&str> = text.lines().take(MARKDOWN_LIKE_LINES).collect();
    let (mut headings, mut bullets) = (0, 0);
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim_start();
        let indent = line.len() - t.len();
        let hashes = t.chars().take_while(|&c| c == '#').count();
        if indent <= 3 && (1..=6).contains(&hashes) && t[hashes..].starts_with(' ') {
            headings += 1;
        }
        if indent <= 3
            && (t.starts_with("- ") || t.starts_with("* ") || t.starts_with("+ "))
            && t[2..]
                .trim_start()
                .starts_with(|c: char| c.is_alphanumeric() || c == '"')
        {
            bullets += 1;
        }
        let underline = t.trim_end();
        let setext = i > 0
            && indent <= 3
            && underline.len() >= 3
            && (underline.bytes().all(|b| b == b'=') || underline.bytes().all(|b| b == b'-'))
            && !lines[i - 1].trim().is_empty()
            && (i < 2 || lines[i - 2].trim().is_empty());
        if setext {
            headings += 1;
        }
    }
    headings >= 2 || (headings >= 1 && bullets >= 2)
}

fn markdown_signs(head: &str) -> usize {
    let mut headings = false;
    let mut lists = 0;
    let mut fences = false;
    for line in head.lines() {
        let t = line.trim_start();
        let hashes = t.chars().take_while(|&c| c == '#').count();
        if (1..=6).contains(&hashes) && t[hashes..].starts_with(' ') {
            headings = true;
        }
        if t.starts_with("- ") || t.starts_with("* ") || t.starts_with("+ ") {
            lists += 1;
        }
        if t.starts_with("```") || t.starts_with("~~~") {
            fences = true;
        }
    }
    let links = head.contains("](") && head.contains('[');
    let emphasis = head.contains("**") || head.contains("__");
    [headings, lists >= 2, links, fences, emphasis]
        .iter()
        .filter(|&&b| b)
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions() {
        assert_eq!(from_extension(Path::new("a.MD")), Some(Format::Markdown));
        assert_eq!(from_extension(Path::new("a.htm")), Some(Format::Html));
        assert_eq!(from_extension(Path::new("a.txt")), Some(Format::Text));
        assert_eq!(from_extension(Path::new("a.dat")), None);
    }

    #[test]
    fn sniffing() {
        assert_eq!(sniff("<!DOCTYPE html><p>x"), Format::Html);
        assert_eq!(sniff("  <html lang=en>"), Format::Html);
        assert_eq!(
            sniff("# Title\n\nSome *text* with a [link](http://x).\n"),
            Format::Markdown
        );
        assert_eq!(sniff("---\ntitle: x\n---\nbody"), Format::Markdown);
        assert_eq!(
            sniff("Just a plain article.\n\nWith paragraphs. And a < b.\n"),
            Format::Text
        );
        // One hash line alone is not enough (a plain text could start with "# 1").
        assert_eq!(sniff("# one\nplain"), Format::Text);
    }

    #[test]
    fn plain_text_written_as_markdown() {
        let notes = "Tally 1.2 Release Notes\n=======================\n\nFixes\n-----\n\n * one\n";
        assert!(markdown_like(notes));
        let bullets = "Title\n=====\n\nIntro.\n\n- Safety: first.\n- Cost: second.\n";
        assert!(markdown_like(bullets));
        assert!(markdown_like("# One\n\ntext\n\n## Two\n\ntext\n"));
        // A list alone, a rule between paragraphs, a "#1" are not Markdown.
        assert!(!markdown_like("Intro.\n\n- one thing\n- another thing\n"));
        assert!(!markdown_like("One.\n\n-----\n\nTwo.\n\n#1 is best.\n"));
    }

    #[test]
    fn content_types() {
        assert_eq!(
            split_content_type("text/HTML; charset=\"ISO-8859-1\""),
            ("text/html".to_string(), Some("ISO-8859-1".to_string()))
        );
        assert_eq!(
            from_media_type("image/png"),
            ContentKind::NotText("image/png".into())
        );
        assert_eq!(
            from_media_type("text/markdown"),
            ContentKind::Known(Format::Markdown)
        );
    }
}
