//! A pairs catalogue (`tests/pairs/sources.toml`): one `[[pair]]` per two articles that
//! answer each other (or do not), with the hand-made link file to score against. Its
//! `[[text]]` entries describe the texts and are not needed here.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
pub struct PairCatalogue {
    #[serde(default, rename = "pair")]
    pub pairs: Vec<PairEntry>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct PairEntry {
    pub name: String,
    /// The first article, relative to the catalogue's folder.
    pub a: String,
    /// The second article, which usually answers the first.
    pub b: String,
    /// The gold link file, relative to the catalogue's folder.
    pub links: String,
    #[serde(default)]
    pub genre: String,
    /// How B answers A.
    #[serde(default)]
    pub note: String,
}

impl PairCatalogue {
    pub fn read(path: &Path) -> Result<PairCatalogue> {
        let text =
            crate::source::small_file::read_text(path, crate::source::small_file::SMALL_FILE_LIMIT)
                .with_context(|| format!("{}: cannot read", path.display()))?;
        toml::from_str(&text)
            .map_err(|e| anyhow::anyhow!("{}: {}", path.display(), e.message().trim()))
    }
}

impl PairEntry {
    /// The pair's three files, resolved against the catalogue's folder.
    pub fn paths(&self, catalogue: &Path) -> (PathBuf, PathBuf, PathBuf) {
        let dir = catalogue.parent().unwrap_or(Path::new(""));
        (dir.join(&self.a), dir.join(&self.b), dir.join(&self.links))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_are_read_and_texts_ignored() {
        let text = r#"
[[pair]]
name = "brutus-publius"
a = "../real/brutus-1.txt"
b = "federalist-1.txt"
links = "brutus-publius.links.toml"
genre = "essay"
note = "Publius answers Brutus on taxation"

[[text]]
file = "federalist-1.txt"
title = "The Federalist No. 1"
"#;
        let catalogue: PairCatalogue = toml::from_str(text).unwrap();
        assert_eq!(catalogue.pairs.len(), 1);
        let (a, _, links) = catalogue.pairs[0].paths(Path::new("tests/pairs/sources.toml"));
        assert_eq!(a, PathBuf::from("tests/pairs/../real/brutus-1.txt"));
        assert_eq!(
            links,
            PathBuf::from("tests/pairs/brutus-publius.links.toml")
        );
    }
}
