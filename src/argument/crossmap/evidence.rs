//! Why two sentences of two articles are about the same thing: the content words and
//! phrases they share (rare words count more), a quotation of the other text, a negation
//! of the same predicate, and naming the other article's author or title.

use std::collections::HashMap;

use crate::argument::detect::words::{content_stems, is_content, shared};
use crate::document::Document;

/// Negators: a sentence with one of these (or a "-n't" word) and one without make
/// opposite statements when they share their content.
const NEGATORS: &[&str] = &[
    "not", "no", "never", "cannot", "nor", "neither", "none", "nothing", "nobody", "without",
];

/// How rare each content stem is across the sentences of both articles, as an inverse
/// document frequency: shared rare words ("taxation") say more than common ones ("people").
#[derive(Debug, Clone, Default)]
pub struct Rarity {
    idf: HashMap<String, f32>,
    /// The weight of a stem seen in no sentence (a clause's stem, say).
    unseen: f32,
}

impl Rarity {
    pub fn new(docs: &[&Document]) -> Self {
        let mut df: HashMap<String, usize> = HashMap::new();
        let mut sentences = 0usize;
        for doc in docs {
            for at in doc.sentence_refs() {
                sentences += 1;
                for stem in content_stems(doc.sentence_text(at)) {
                    *df.entry(stem).or_default() += 1;
                }
            }
        }
        let n = sentences.max(1) as f32;
        let idf = df
            .into_iter()
            .map(|(stem, count)| (stem, (n / count as f32).ln().max(0.1)))
            .collect();
        Rarity {
            idf,
            unseen: n.ln().max(0.1),
        }
    }

    pub fn weight(&self, stem: &str) -> f32 {
        self.idf.get(stem).copied().unwrap_or(self.unseen)
    }

    fn total(&self, stems: &[String]) -> f32 {
        stems.iter().map(|s| self.weight(s)).sum()
    }
}

/// What two sentences share.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Overlap {
    /// The shared content stems, rarest first.
    pub words: Vec<String>,
    /// Weighted overlap, 0.0–1.0: the rarity of the shared stems against that of both
    /// sentences' stems (a cosine over stem sets weighted by rarity).
    pub similarity: f32,
    /// The longest run of words both sentences have, when it holds two content words.
    pub phrase: Option<String>,
}

pub fn overlap(a: &str, b: &str, rarity: &Rarity) -> Overlap {
    let stems_a = content_stems(a);
    let stems_b = content_stems(b);
    let mut words: Vec<String> = shared(&stems_a, &stems_b)
        .into_iter()
        .map(str::to_string)
        .collect();
    words.sort_by(|x, y| rarity.weight(y).total_cmp(&rarity.weight(x)));
    let common: f32 = words.iter().map(|w| rarity.weight(w)).sum();
    let norm = (rarity.total(&stems_a) * rarity.total(&stems_b)).sqrt();
    let similarity = if norm > 0.0 {
        (common / norm).min(1.0)
    } else {
        0.0
    };
    Overlap {
        words,
        similarity,
        phrase: longest_shared_phrase(a, b),
    }
}

/// Lower-case words of a sentence, punctuation dropped.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase().replace('’', "'"))
        .collect()
}

/// The longest run of words in both texts holding at least two content words ("the power
/// of taxation"), if any.
pub fn longest_shared_phrase(a: &str, b: &str) -> Option<String> {
    let (a, b) = (words(a), words(b));
    let mut best: Option<(usize, usize)> = None;
    // Longest common substring over words: small sentences, so quadratic is fine.
    let mut previous = vec![0usize; b.len() + 1];
    for i in 1..=a.len() {
        let mut current = vec![0usize; b.len() + 1];
        for j in 1..=b.len() {
            if a[i - 1] == b[j - 1] {
                current[j] = previous[j - 1] + 1;
                let len = current[j];
                let start = i - len;
                let content = a[start..i].iter().filter(|w| is_content(w)).count();
                if content >= 2 && best.is_none_or(|(_, l)| len > l) {
                    best = Some((start, len));
                }
            }
        }
        previous = current;
    }
    best.map(|(start, len)| a[start..start + len].join(" "))
}

/// Whether a sentence is negated: a negator or a "-n't" word.
pub fn negated(text: &str) -> bool {
    words(text)
        .iter()
        .any(|w| NEGATORS.contains(&w.as_str()) || w.ends_with("n't"))
}

/// The negator of a sentence and the first shared word after it, for the evidence line:
/// "not … abused".
pub fn negation_phrase(text: &str, shared_stems: &[String]) -> Option<String> {
    let words = words(text);
    let at = words
        .iter()
        .position(|w| NEGATORS.contains(&w.as_str()) || w.ends_with("n't"))?;
    let after = words[at + 1..]
        .iter()
        .find(|w| shared_stems.iter().any(|s| w.starts_with(s.as_str())))?;
    Some(format!("{} … {after}", words[at]))
}

/// Quoted passages of a sentence of at least three words (straight or curly quotes).
pub fn quotations(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (at, c) in text.char_indices() {
        match (c, open) {
            ('“', _) => open = Some(at + c.len_utf8()),
            ('"', None) => open = Some(at + 1),
            ('”' | '"', Some(start)) => {
                let quoted = text[start..at].trim();
                if quoted.split_whitespace().count() >= 3 {
                    out.push(quoted.to_string());
                }
                open = None;
            }
            _ => {}
        }
    }
    out
}

/// Text squeezed for comparing quotations: lower case, words only.
pub fn squeeze(text: &str) -> String {
    words(text).join(" ")
}

/// Names an article can be referred to by: its author's surname (or pen name) and its
/// title, when it has them.
#[derive(Debug, Clone, Default)]
pub struct Names {
    pub author: Option<String>,
    /// The title's content stems.
    pub title: Vec<String>,
    pub title_text: Option<String>,
}

impl Names {
    pub fn of(doc: &Document) -> Self {
        let author = doc.meta.byline.as_deref().and_then(surname);
        let title_text = doc.meta.title.clone();
        let title = title_text.as_deref().map(content_stems).unwrap_or_default();
        Names {
            author,
            title,
            title_text,
        }
    }

    /// What of these names `text` mentions: "the other author's name 'Hale'" or "the
    /// other title".
    pub fn mentioned_in(&self, text: &str) -> Option<String> {
        if let Some(author) = &self.author {
            let found = text
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w == author);
            if found {
                return Some(format!("names the other author: '{author}'"));
            }
        }
        if self.title.len() >= 2 {
            let stems = content_stems(text);
            let hits = shared(&self.title, &stems).len();
            // Most of the title's words, and quoted or capitalised as a title would be.
            if hits * 4 >= self.title.len() * 3 {
                let title = self.title_text.as_deref().unwrap_or_default();
                return Some(format!("names the other title: '{title}'"));
            }
        }
        None
    }
}

/// The surname in a byline: "By Margaret Hale, staff writer" → "Hale"; "Brutus" → "Brutus".
fn surname(byline: &str) -> Option<String> {
    let byline = byline.trim();
    let byline = byline
        .strip_prefix("By ")
        .or_else(|| byline.strip_prefix("by "))
        .unwrap_or(byline);
    // The name ends at a comma, a dash or a middle dot ("Jia Xiudong · 24 September").
    let name = byline
        .split([',', '·', '|', '—', '–', '(', ';'])
        .next()
        .unwrap_or_default();
    let name = name.split(" and ").next().unwrap_or_default();
    name.split_whitespace()
        .rev()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .find(|w| {
            w.chars().count() >= 3
                && w.chars().next().is_some_and(char::is_uppercase)
                && !w.chars().all(|c| c.is_ascii_digit())
        })
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Metadata;

    #[test]
    fn shared_rare_words_weigh_more_than_common_ones() {
        let doc = Document::from_paragraphs(
            Metadata::default(),
            &[
                "People like the city. People walk in the city. People shop.",
                "The congestion charge will cut traffic.",
                "A congestion charge punishes workers.",
            ],
        );
        let rarity = Rarity::new(&[&doc]);
        assert!(rarity.weight("congestion") > rarity.weight("people"));
        let related = overlap(
            "The congestion charge will cut traffic.",
            "A congestion charge punishes workers.",
            &rarity,
        );
        assert_eq!(related.words, ["congestion", "charge"]);
        assert_eq!(related.phrase.as_deref(), Some("congestion charge"));
        let unrelated = overlap(
            "People like the city.",
            "A congestion charge punishes workers.",
            &rarity,
        );
        assert!(unrelated.words.is_empty());
        assert!(related.similarity > 0.3 && unrelated.similarity == 0.0);
    }

    #[test]
    fn negations_quotations_and_names() {
        assert!(negated("The charge will not cut traffic."));
        assert!(negated("It won't work."));
        assert!(!negated("The charge will cut traffic."));
        assert_eq!(
            negation_phrase("The charge will not cut traffic.", &["traffic".into()]),
            Some("not … traffic".into())
        );
        assert_eq!(
            quotations("She calls it “a fair price for clean air” and moves on."),
            ["a fair price for clean air"]
        );
        assert!(quotations("A \"so-called\" fee.").is_empty());
        assert_eq!(
            surname("By Margaret Hale, transport editor"),
            Some("Hale".into())
        );
        assert_eq!(surname("Brutus"), Some("Brutus".into()));
        assert_eq!(
            surname("Jia Xiudong · 24 September 2015"),
            Some("Xiudong".into())
        );
        let names = Names {
            author: Some("Hale".into()),
            title: content_stems("Charge Drivers to Enter Downtown"),
            title_text: Some("Charge Drivers to Enter Downtown".into()),
        };
        assert!(names.mentioned_in("Ms Hale is wrong.").is_some());
        assert!(names.mentioned_in("Hales of wind.").is_none());
        assert!(
            names
                .mentioned_in("Her call to charge drivers who enter downtown")
                .is_some()
        );
    }
}
