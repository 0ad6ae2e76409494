//! Argdown (argdown.org): statements as `[Title]: text`, support and attack as `+` and `-`
//! list items indented under the statement they relate to.
//!
//! Each statement carries YAML data (`{"paragraph": 3, "sentence": 1}`, 1-based, plus the
//! note) so an import can tell duplicate sentences apart and restore notes; Argdown tools
//! keep such data as metadata.

use super::{Statement, Tree};
use crate::argument::ArgumentMap;
use crate::document::Document;

/// The map as an Argdown document: the thesis, supported by the other key claims and
/// attacked by the counterclaims, which their rebuttals attack in turn.
pub fn argdown(doc: &Document, map: &ArgumentMap) -> String {
    let mut out = String::new();
    if let Some(title) = &doc.meta.title {
        out.push_str(&format!("# {}\n\n", escape(title)));
    }
    let Some(tree) = Tree::of(doc, map) else {
        return out;
    };
    let mut defined = vec![false; tree.statements.len()];
    let mut line = |out: &mut String, depth: usize, symbol: &str, index: usize| {
        out.push_str(&"  ".repeat(depth));
        out.push_str(symbol);
        out.push_str(&mention(&tree.statements[index], !defined[index]));
        out.push('\n');
        defined[index] = true;
    };
    line(&mut out, 0, "", tree.root);
    for &support in &tree.supports {
        line(&mut out, 1, "+ ", support);
    }
    for (counter, rebuttals) in &tree.attacks {
        line(&mut out, 1, "- ", *counter);
        for &rebuttal in rebuttals {
            line(&mut out, 2, "- ", rebuttal);
        }
    }
    out
}

/// `[Title]: text {data}` the first time, `[Title]` after.
fn mention(statement: &Statement, define: bool) -> String {
    let title = format!("[{}]", escape(&statement.title));
    if !define {
        return title;
    }
    let mut data = serde_json::Map::new();
    if let Some(at) = statement.anchor {
        data.insert("paragraph".into(), (at.paragraph + 1).into());
        data.insert("sentence".into(), (at.sentence + 1).into());
    }
    if let Some(note) = &statement.note {
        data.insert("note".into(), note.clone().into());
    }
    let text = escape(&statement.text);
    if data.is_empty() {
        format!("{title}: {text}")
    } else {
        format!("{title}: {text} {}", serde_json::Value::Object(data))
    }
}

/// Backslash-escapes what Argdown would read as syntax: brackets (titles, links), tags,
/// bold/italic marks, data braces, mentions, comments and logic/emoji shortcodes.
pub(crate) fn escape(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        let escape = match c {
            '\\' | '[' | ']' | '<' | '>' | '{' | '}' | '#' | '*' | '_' | '@' => true,
            '/' => matches!(next, Some('/' | '*')),
            '.' | ':' => starts_shortcode(&chars[i..]),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Whether `chars` opens a shortcode: a logic symbol such as `.A.` or `.v.` (those with
/// brackets or arrows are broken up by other escapes already) or an emoji `:name:`.
fn starts_shortcode(chars: &[char]) -> bool {
    let open = chars[0];
    let body: String = chars[1..]
        .iter()
        .take_while(|&&c| c != open && !c.is_whitespace())
        .collect();
    let closed = chars.get(1 + body.chars().count()) == Some(&open);
    if !closed || body.is_empty() {
        return false;
    }
    match open {
        '.' => matches!(body.as_str(), "A" | "E" | "~" | "v" | "P" | "O" | "^"),
        _ => body
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_+-".contains(c)),
    }
}
