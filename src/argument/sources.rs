//! A corpus's catalogue, `sources.toml` beside its texts: for each text its author, year,
//! genre, where it was taken from, its licence, and which half of the evaluation it is in
//! (`development`, tuned on; `blind`, only ever scored).

use std::path::Path;

use anyhow::{Context, Result};
use serde::Deserialize;

/// The catalogue's file name, in the corpus folder.
pub const FILE_NAME: &str = "sources.toml";

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    #[serde(rename = "text")]
    pub texts: Vec<Source>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub file: String,
    pub title: String,
    pub author: String,
    pub year: i32,
    pub genre: String,
    /// Where the text was taken from.
    pub source: String,
    pub licence: String,
    /// `wc -w` of the file.
    pub words: usize,
    /// `development` or `blind`.
    pub half: String,
}

impl Catalogue {
    /// Reads `dir/sources.toml`; `None` when the folder has none.
    pub fn read(dir: &Path) -> Result<Option<Catalogue>> {
        let path = dir.join(FILE_NAME);
        use crate::source::small_file;
        let text = match small_file::read_text(&path, small_file::SMALL_FILE_LIMIT) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e).with_context(|| format!("{}", path.display())),
        };
        let catalogue = toml::from_str(&text)
            .with_context(|| format!("{}: not a catalogue", path.display()))?;
        Ok(Some(catalogue))
    }

    /// The entry of `file` (a file name in the folder).
    pub fn get(&self, file: &str) -> Option<&Source> {
        self.texts.iter().find(|s| s.file == file)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_entries_and_rejects_unknown_fields() {
        let text = r#"
[[text]]
file = "a.txt"
title = "A"
author = "B"
year = 1788
genre = "essay"
source = "somewhere"
licence = "public domain"
words = 10
half = "blind"
"#;
        let c: Catalogue = toml::from_str(text).unwrap();
        assert_eq!(c.get("a.txt").unwrap().half, "blind");
        assert!(c.get("b.txt").is_none());
        let bad = text.replace("half", "halves");
        assert!(toml::from_str::<Catalogue>(&bad).is_err());
    }
}
