//! A synthetic argumentative article of any size, for benchmarks and stress tests.
//!
//! Sentences come from templates in the shapes real op-eds use (thesis, attributed
//! counterclaim, concession, refutation, narrative background, evidence, conclusion), with
//! topic words drawn by a seeded generator, so the text exercises every cue kind. The
//! output is plain text: a title line, then paragraphs separated by blank lines.

/// Topic nouns a synthetic article argues about.
const TOPICS: &[&str] = &[
    "public transport",
    "the four-day week",
    "rent control",
    "nuclear power",
    "school uniforms",
    "remote work",
    "a carbon tax",
    "city cycling lanes",
    "open-source software",
    "the new library",
];

const ACTORS: &[&str] = &[
    "the council",
    "the minister",
    "several economists",
    "the industry association",
    "local businesses",
    "the opposition",
    "a think tank",
    "the regulator",
];

const TEMPLATES: &[&str] = &[
    "I believe that {t} is the best option for a growing city.",
    "We must invest in {t} before the costs rise any further.",
    "{A} claims that {t} would ruin the local economy.",
    "This is not a persuasive argument, because the figures point the other way.",
    "Critics argue that {t} is too expensive to maintain.",
    "However, the evidence from comparable towns shows the opposite.",
    "It is true that {t} has costs, but the benefits clearly outweigh them.",
    "Last year {A} visited three cities and announced a review of {t}.",
    "In 2019, 42 percent of residents said they had tried {t} at least once.",
    "According to {A}, \"nobody will ever use {t} in a place like this\".",
    "In fact, usage has doubled since {t} was introduced.",
    "For example, the northern district adopted {t} and saw fewer complaints.",
    "Some people believe that {t} only helps the wealthy.",
    "That view ignores who actually depends on {t} every day.",
    "Therefore, {t} should be expanded rather than cut.",
    "Does anyone seriously think {t} can be replaced overnight?",
    "The so-called crisis around {t} has been exaggerated by {A}.",
    "Admittedly, {t} will not solve every problem on its own.",
    "Moreover, {t} is better than the alternatives on offer.",
    "In short, it is time to treat {t} as essential infrastructure.",
];

/// Minimal xorshift generator: deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

/// An article of about `bytes` bytes (at least one paragraph), the same for the same seed.
pub fn article(bytes: usize, seed: u64) -> String {
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let topic = rng.pick(TOPICS);
    let mut out = String::with_capacity(bytes + 512);
    out.push_str(&format!("Why {topic} deserves our support\n\n"));
    loop {
        let sentences = 3 + (rng.next() % 5) as usize;
        for k in 0..sentences {
            if k > 0 {
                out.push(' ');
            }
            let template = rng.pick(TEMPLATES);
            let sentence = template
                .replace("{t}", topic)
                .replace("{A}", rng.pick(ACTORS));
            let mut chars = sentence.chars();
            if let Some(first) = chars.next() {
                out.extend(first.to_uppercase());
                out.push_str(chars.as_str());
            }
        }
        out.push_str("\n\n");
        if out.len() >= bytes {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_and_determinism() {
        let a = article(10_000, 7);
        assert!(a.len() >= 10_000 && a.len() < 11_000);
        assert_eq!(a, article(10_000, 7));
        assert_ne!(a, article(10_000, 8));
        assert!(a.contains("\n\n"));
    }
}
