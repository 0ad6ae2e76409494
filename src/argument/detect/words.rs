//! Content words: lower-cased, light-stemmed words that are not function words. Used to
//! compare a sentence with the title and a rebuttal with the counterclaim it answers.

use std::collections::HashSet;
use std::sync::LazyLock;

use super::lexicon::STOPWORDS;

static STOP: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| STOPWORDS.iter().copied().collect());

/// Suffixes removed by [`stem`], longest first. Light stemming is enough here: stems are
/// matched as word prefixes, so "confront" also finds "confrontation".
const SUFFIXES: &[&str] = &[
    "ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "es", "ed", "ly", "s",
];

/// The stem of a lower-case word: a suffix removed while at least four letters (three
/// for a plural "s") remain.
pub fn stem(word: &str) -> &str {
    let word = word.strip_suffix("'s").unwrap_or(word);
    for suffix in SUFFIXES {
        let min = if *suffix == "s" { 3 } else { 4 };
        if let Some(rest) = word.strip_suffix(suffix)
            && rest.len() >= min
            && !rest.ends_with('s')
        {
            return rest;
        }
    }
    word
}

/// Whether `word` (lower case) carries content.
pub fn is_content(word: &str) -> bool {
    word.chars().count() >= 3 && !STOP.contains(word) && !word.bytes().all(|b| b.is_ascii_digit())
}

/// The distinct content-word stems of `text`, in order of first appearance.
pub fn content_stems(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for raw in text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-')) {
        let raw = raw.trim_matches(|c: char| c == '\'' || c == '-');
        if raw.is_empty() {
            continue;
        }
        let lower = raw.to_lowercase();
        if !is_content(&lower) {
            continue;
        }
        let s = stem(&lower).to_string();
        if !out.contains(&s) {
            out.push(s);
        }
    }
    out
}

/// Stems shared by two stem lists, matched as prefixes of each other (so "sanction" and
/// "sanctions" agree even when stemmed differently).
pub fn shared<'a>(a: &'a [String], b: &[String]) -> Vec<&'a str> {
    a.iter()
        .filter(|x| {
            b.iter().any(|y| {
                x.len().min(y.len()) >= 4
                    && (x.starts_with(y.as_str()) || y.starts_with(x.as_str()))
                    || *x == y
            })
        })
        .map(String::as_str)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_and_stopwords() {
        assert_eq!(stem("sanctions"), "sanction");
        assert_eq!(stem("confrontation"), "confront");
        assert_eq!(stem("is"), "is");
        assert_eq!(
            content_stems("The tariffs are not the answer."),
            vec!["tariff", "answer"]
        );
        let a = content_stems("Tariffs protect jobs");
        let b = content_stems("A tariff destroys more jobs than it protects");
        assert_eq!(shared(&a, &b), vec!["tariff", "protect", "job"]);
    }
}
