//! Reading Argdown: top-level blocks separated by blank lines; in each, a statement
//! (`[Title]: text`, `[Title]`, or untitled text) or argument (`<Title>: text`) with
//! relations as indented list items (`+`/`<+` support the parent, `-`/`<-`/`_`/`><`
//! attack it, `+>`/`->`/`_>` go from the parent to the child). Statements with the same
//! title are one statement. Headings, front matter, comments and premise-conclusion
//! structures are skipped; tags, bold/italic marks and escapes are removed from texts;
//! trailing `{...}` data is read when it is JSON (as our export writes it).

use std::collections::HashMap;

use anyhow::Result;

use super::{Graph, Relation, Statement};
use crate::document::SentenceRef;

pub(super) fn parse(text: &str) -> Result<Graph> {
    let text = strip_comments(&strip_front_matter(text));
    let mut parser = Parser::default();
    for block in text
        .split("\n")
        .collect::<Vec<_>>()
        .split(|l| l.trim().is_empty())
    {
        parser.block(block);
    }
    parser.finish();
    Ok(parser.graph)
}

#[derive(Default)]
struct Parser {
    graph: Graph,
    by_title: HashMap<String, usize>,
    /// Raw text of each statement occurrence, cleaned once the block is read.
    pending: Vec<(usize, String)>,
}

impl Parser {
    fn block(&mut self, lines: &[&str]) {
        let mut stack: Vec<(usize, usize)> = Vec::new();
        for line in lines {
            let indent: usize = line
                .chars()
                .take_while(|c| c.is_whitespace())
                .map(|c| if c == '\t' { 4 } else { 1 })
                .sum();
            let content = line.trim();
            if content.starts_with('#') && stack.is_empty() && !content.starts_with("#(") {
                continue; // heading
            }
            if is_pcs_line(content) {
                stack.clear();
                continue;
            }
            match relation_symbol(content) {
                Some((symbol, rest)) if !stack.is_empty() => {
                    while stack.len() > 1 && stack.last().is_some_and(|&(i, _)| i >= indent) {
                        stack.pop();
                    }
                    let parent = stack.last().expect("non-empty").1;
                    let child = self.member(rest);
                    let relation = match symbol {
                        "+" | "<+" => (child, Relation::Support, parent),
                        "+>" => (parent, Relation::Support, child),
                        "->" | "_>" => (parent, Relation::Attack, child),
                        _ => (child, Relation::Attack, parent),
                    };
                    self.graph.relations.push(relation);
                    stack.push((indent, child));
                }
                _ if stack.is_empty() => {
                    let content = strip_list_marker(content);
                    let node = self.member(content);
                    stack.push((indent, node));
                }
                _ => {
                    // A continuation line of the last member's text.
                    if let Some((_, raw)) = self.pending.last_mut() {
                        raw.push(' ');
                        raw.push_str(content);
                    }
                }
            }
        }
    }

    /// Reads `[Title]: text`, `[Title]`, `<Title>: text`, `<Title>` or plain text; returns
    /// the statement's index.
    fn member(&mut self, content: &str) -> usize {
        let (key, raw) = match title(content) {
            Some((open, name, rest)) => {
                let key = format!("{open}{}", clean(name));
                let rest = rest.trim_start();
                let raw = rest.strip_prefix(':').map_or("", str::trim);
                (Some(key), raw.to_string())
            }
            None => (None, content.to_string()),
        };
        let index = match key.as_ref().and_then(|k| self.by_title.get(k)) {
            Some(&index) => index,
            None => {
                self.graph.statements.push(Statement::default());
                let index = self.graph.statements.len() - 1;
                if let Some(key) = key {
                    self.by_title.insert(key, index);
                }
                index
            }
        };
        self.pending.push((index, raw));
        index
    }

    fn finish(&mut self) {
        for (index, raw) in std::mem::take(&mut self.pending) {
            let (text, data) = split_data(&raw);
            let statement = &mut self.graph.statements[index];
            let text = clean(text);
            if statement.text.is_empty() && !text.is_empty() {
                statement.text = text;
            }
            if let Some(data) = data {
                let number = |key: &str| data.get(key).and_then(serde_json::Value::as_u64);
                if let (Some(p), Some(s)) = (number("paragraph"), number("sentence")) {
                    statement.hint = (p > 0 && s > 0).then(|| SentenceRef {
                        paragraph: p as usize - 1,
                        sentence: s as usize - 1,
                    });
                }
                if let Some(note) = data.get("note").and_then(serde_json::Value::as_str) {
                    statement.note = Some(note.to_string());
                }
            }
        }
        // Statements that are only ever referenced, never given text, are not statements
        // we can place; drop them with their relations.
        let keep: Vec<bool> = self
            .graph
            .statements
            .iter()
            .map(|s| !s.text.is_empty())
            .collect();
        if keep.iter().all(|k| *k) {
            return;
        }
        let mut new_index = Vec::with_capacity(keep.len());
        let mut next = 0;
        for &k in &keep {
            new_index.push(next);
            next += usize::from(k);
        }
        let mut index = 0;
        self.graph.statements.retain(|_| {
            index += 1;
            keep[index - 1]
        });
        self.graph.relations = self
            .graph
            .relations
            .iter()
            .filter(|(from, _, to)| keep[*from] && keep[*to])
            .map(|&(from, rel, to)| (new_index[from], rel, new_index[to]))
            .collect();
    }
}

fn strip_front_matter(text: &str) -> String {
    let trimmed = text.trim_start();
    if let Some(rest) = trimmed.strip_prefix("===")
        && let Some(end) = rest.find("\n===")
    {
        let after = &rest[end + 4..];
        return after.split_once('\n').map_or("", |(_, r)| r).to_string();
    }
    text.to_string()
}

/// Removes `// …`, `/* … */` and `<!-- … -->`, leaving escapes alone (`://` in links is
/// not a comment).
fn strip_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '\\' {
            let len = rest.chars().take(2).map(char::len_utf8).sum();
            out.push_str(&rest[..len]);
            rest = &rest[len..];
        } else if rest.starts_with("//") && !out.ends_with(':') {
            rest = rest.find('\n').map_or("", |i| &rest[i..]);
        } else if let Some(body) = rest.strip_prefix("/*") {
            rest = body.find("*/").map_or("", |i| &body[i + 2..]);
        } else if let Some(body) = rest.strip_prefix("<!--") {
            rest = body.find("-->").map_or("", |i| &body[i + 3..]);
        } else {
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

fn relation_symbol(content: &str) -> Option<(&str, &str)> {
    for symbol in ["<+", "+>", "<-", "->", "<_", "_>", "><", "+", "-", "_"] {
        if let Some(rest) = content.strip_prefix(symbol)
            && rest.starts_with(char::is_whitespace)
        {
            return Some((symbol, rest.trim_start()));
        }
    }
    None
}

/// `(1) …` premise lines and `----` inference lines of a premise-conclusion structure.
fn is_pcs_line(content: &str) -> bool {
    let numbered = content
        .strip_prefix('(')
        .and_then(|r| r.split_once(')'))
        .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
    numbered || (content.len() >= 2 && content.starts_with("--") && !content.starts_with("-- "))
}

fn strip_list_marker(content: &str) -> &str {
    if let Some(rest) = content.strip_prefix("* ") {
        return rest;
    }
    match content.split_once(". ") {
        Some((n, rest)) if !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) => rest,
        _ => content,
    }
}

/// `[Title]…` or `<Title>…` at the start (not a link `[text](url)`): the bracket, the
/// title and the rest of the line.
fn title(content: &str) -> Option<(char, &str, &str)> {
    let open = content.chars().next()?;
    let close = match open {
        '[' => ']',
        '<' => '>',
        _ => return None,
    };
    let mut escaped = false;
    for (i, c) in content.char_indices().skip(1) {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            c if c == close => {
                let rest = &content[i + 1..];
                if open == '[' && rest.starts_with('(') {
                    return None;
                }
                return Some((open, &content[1..i], rest));
            }
            _ => {}
        }
    }
    None
}

/// Splits a trailing `{…}` data element off a statement's text, parsing it when it is JSON.
fn split_data(raw: &str) -> (&str, Option<serde_json::Map<String, serde_json::Value>>) {
    let mut escaped = false;
    for (i, c) in raw.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '{' if raw.trim_end().ends_with('}') => {
                let data = serde_json::from_str(raw[i..].trim()).ok();
                return (&raw[..i], data);
            }
            _ => {}
        }
    }
    (raw, None)
}

/// Statement text as plain text: tags dropped, links and mentions reduced to their text,
/// bold/italic marks removed, escapes resolved, white space collapsed.
fn clean(raw: &str) -> String {
    let chars: Vec<char> = raw.chars().collect();
    let mut out = String::with_capacity(raw.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let prev_space = i == 0 || chars[i - 1].is_whitespace();
        let next = chars.get(i + 1).copied();
        match c {
            '\\' if next.is_some() => {
                out.push(chars[i + 1]);
                i += 2;
                continue;
            }
            '#' if prev_space && next == Some('(') => {
                i = chars[i..]
                    .iter()
                    .position(|&c| c == ')')
                    .map_or(chars.len(), |p| i + p + 1);
                continue;
            }
            '#' if prev_space && next.is_some_and(|n| n.is_alphanumeric()) => {
                i = chars[i..]
                    .iter()
                    .position(|c| c.is_whitespace())
                    .map_or(chars.len(), |p| i + p);
                continue;
            }
            '@' if matches!(next, Some('[' | '<')) => {
                // A mention: keep the title.
                let close = if next == Some('[') { ']' } else { '>' };
                let end = chars[i..]
                    .iter()
                    .position(|&c| c == close)
                    .map_or(chars.len(), |p| i + p);
                out.extend(&chars[i + 2..end]);
                i = end + 1;
                continue;
            }
            '*' => {}
            '_' if prev_space || next.is_none_or(|n| !n.is_alphanumeric()) => {}
            '[' => {
                // A link: keep its text, drop "(url)".
                if let Some(close) = chars[i..].iter().position(|&c| c == ']') {
                    let end = i + close;
                    if chars.get(end + 1) == Some(&'(') {
                        out.extend(&chars[i + 1..end]);
                        i = chars[end..]
                            .iter()
                            .position(|&c| c == ')')
                            .map_or(chars.len(), |p| end + p + 1);
                        continue;
                    }
                }
                out.push(c);
            }
            _ => out.push(c),
        }
        i += 1;
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_nested_relations_titles_and_references() {
        let graph = parse(
            "===\ntitle: x\n===\n\n# Heading\n\n[T]: The thesis. // comment\n  + [C]: A claim\n    continued.\n  - <A>: An objection \\#1 #tag\n    - [C]\n\n[D]: Defined apart.\n  -> [T]\n",
        )
        .unwrap();
        let texts: Vec<&str> = graph.statements.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "The thesis.",
                "A claim continued.",
                "An objection #1",
                "Defined apart."
            ]
        );
        assert_eq!(
            graph.relations,
            vec![
                (1, Relation::Support, 0),
                (2, Relation::Attack, 0),
                (1, Relation::Attack, 2),
                (3, Relation::Attack, 0),
            ]
        );
    }

    #[test]
    fn cleans_markup_and_reads_json_data() {
        assert_eq!(
            clean("a *b* _c_ [link](http://x) @[T] snake_case"),
            "a b c link T snake_case"
        );
        let (text, data) = split_data(r#"Text \{x\} {"paragraph": 2, "sentence": 1}"#);
        assert_eq!(clean(text), "Text {x}");
        assert_eq!(data.unwrap()["paragraph"], 2);
    }
}
