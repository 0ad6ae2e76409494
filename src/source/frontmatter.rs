//! Markdown front matter: the title, author and date from a YAML (`---`) or TOML (`+++`)
//! block. YAML is read with a small `key: value` reader (only top-level scalar keys are
//! needed, and YAML crates are heavy); TOML with the `toml` crate.

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub author: Option<String>,
    pub date: Option<String>,
    pub description: Option<String>,
}

const TITLE_KEYS: [&str; 1] = ["title"];
const AUTHOR_KEYS: [&str; 3] = ["author", "authors", "byline"];
const DATE_KEYS: [&str; 3] = ["date", "published", "pubdate"];
const DESCRIPTION_KEYS: [&str; 3] = ["description", "subtitle", "summary"];

impl FrontMatter {
    fn set(&mut self, key: &str, value: String) {
        let key = key.to_ascii_lowercase();
        let slot = if TITLE_KEYS.contains(&key.as_str()) {
            &mut self.title
        } else if AUTHOR_KEYS.contains(&key.as_str()) {
            &mut self.author
        } else if DATE_KEYS.contains(&key.as_str()) {
            &mut self.date
        } else if DESCRIPTION_KEYS.contains(&key.as_str()) {
            &mut self.description
        } else {
            return;
        };
        if slot.is_none() && !value.trim().is_empty() {
            *slot = Some(value.trim().to_string());
        }
    }
}

/// Reads YAML front matter: `key: value` lines at the top level; quoted values unquoted;
/// a list (`[a, b]` or `- a` lines under the key) joined with ", ".
pub fn parse_yaml(block: &str) -> FrontMatter {
    let mut fm = FrontMatter::default();
    let mut pending_list: Option<(String, Vec<String>)> = None;
    for line in block.lines() {
        if line.trim_start().starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let indented = line.starts_with([' ', '\t']);
        if indented || line.starts_with("- ") {
            if let (Some((_, items)), Some(item)) =
                (pending_list.as_mut(), line.trim().strip_prefix("- "))
            {
                items.push(unquote(item));
            }
            continue;
        }
        if let Some((key, items)) = pending_list.take() {
            fm.set(&key, items.join(", "));
        }
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let key = key.trim();
        let value = value.trim();
        if value.is_empty() {
            pending_list = Some((key.to_string(), Vec::new()));
        } else if let Some(inner) = value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
            let items: Vec<String> = inner.split(',').map(unquote).collect();
            fm.set(key, items.join(", "));
        } else {
            fm.set(key, unquote(value));
        }
    }
    if let Some((key, items)) = pending_list {
        fm.set(&key, items.join(", "));
    }
    fm
}

fn unquote(value: &str) -> String {
    let v = value.trim();
    for q in ['"', '\''] {
        if v.len() >= 2 && v.starts_with(q) && v.ends_with(q) {
            return v[1..v.len() - 1].to_string();
        }
    }
    // A trailing comment.
    match v.find(" #") {
        Some(i) => v[..i].trim_end().to_string(),
        None => v.to_string(),
    }
}

/// Reads TOML front matter; an invalid block gives empty front matter.
pub fn parse_toml(block: &str) -> FrontMatter {
    let mut fm = FrontMatter::default();
    let Ok(table) = block.parse::<toml::Table>() else {
        return fm;
    };
    for (key, value) in &table {
        let text = match value {
            toml::Value::String(s) => s.clone(),
            toml::Value::Datetime(d) => d.to_string(),
            toml::Value::Array(items) => items
                .iter()
                .filter_map(|v| v.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            _ => continue,
        };
        fm.set(key, text);
    }
    fm
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_keys() {
        let fm = parse_yaml(
            "title: \"On Bridges: A Case\"\nauthor: Ada Lane # editor\ndate: 2021-03-04\ntags: [a, b]\n",
        );
        assert_eq!(fm.title.as_deref(), Some("On Bridges: A Case"));
        assert_eq!(fm.author.as_deref(), Some("Ada Lane"));
        assert_eq!(fm.date.as_deref(), Some("2021-03-04"));
        let fm = parse_yaml("authors:\n  - Ann\n  - Bo\ntitle: T\n");
        assert_eq!(fm.author.as_deref(), Some("Ann, Bo"));
        assert_eq!(fm.title.as_deref(), Some("T"));
    }

    #[test]
    fn toml_keys() {
        let fm = parse_toml("title = 'T'\ndate = 2020-01-02\nauthors = ['A', 'B']\n");
        assert_eq!(fm.title.as_deref(), Some("T"));
        assert_eq!(fm.date.as_deref(), Some("2020-01-02"));
        assert_eq!(fm.author.as_deref(), Some("A, B"));
    }
}
