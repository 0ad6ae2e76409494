//! The key-claim model: a logistic regression over the named features of [`claims`]
//! plus where the sentence stands (one-hot positions) and the cues of its neighbours ("For
//! example" after a claim, "Therefore" after a premise, "However" after a position the
//! author answers). No word features: every input has a name and a reason.
//!
//! The weights and the two selection thresholds are fitted on the development texts by
//! `examples/fit_key_model.rs` and ship in `assets/key_model.json`, embedded at compile
//! time. A paragraph gives its best sentence when its probability reaches
//! [`Model::first`], and further sentences only from [`Model::more`]: most body paragraphs
//! of an essay hold one claim, many of an op-ed's hold none.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::Sentence;
use super::claims::{self, Feature};
use super::lexicon::CueKind;

/// The inputs beyond [`claims::Feature`]: position and neighbours. Values are 0 or 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// The next sentence in the paragraph opens with "For example", "For instance".
    NextExample,
    /// The next sentence opens with "Therefore", "Thus", "Hence": this one is a premise.
    NextConclusion,
    /// The next sentence opens with "However", "But", "Yet": this one is answered.
    NextContrast,
    /// The next sentence appeals to evidence.
    NextEvidence,
    /// The previous sentence is a question (this one may answer it).
    AfterQuestion,
    /// The previous sentence opens with a contrast (this one continues an answer).
    AfterContrast,
    /// The only sentence of its paragraph.
    Alone,
    /// Neither first nor last in its paragraph.
    Middle,
    /// In the first fifth of the article.
    Early,
    /// In the last fifth of the article.
    Late,
    /// Fewer than 8 words.
    Short,
    /// More than 35 words.
    Long,
    /// A paragraph of five sentences or more.
    LongParagraph,
    /// Quoted words make up over half the sentence.
    MostlyQuoted,
    /// Most sentences of the paragraph tell a story or report background.
    NarrativeParagraph,
    /// The paragraph asks a question.
    QuestionParagraph,
    /// No sentence of the paragraph takes a stance or states a thesis.
    PlainParagraph,
}

/// Number of [`Context`] inputs.
pub const CONTEXT: usize = Context::PlainParagraph as usize + 1;
/// Number of model inputs: the claim features, then the context.
pub const INPUTS: usize = claims::FEATURES + CONTEXT;

impl Context {
    pub const ALL: [Context; CONTEXT] = [
        Context::NextExample,
        Context::NextConclusion,
        Context::NextContrast,
        Context::NextEvidence,
        Context::AfterQuestion,
        Context::AfterContrast,
        Context::Alone,
        Context::Middle,
        Context::Early,
        Context::Late,
        Context::Short,
        Context::Long,
        Context::LongParagraph,
        Context::MostlyQuoted,
        Context::NarrativeParagraph,
        Context::QuestionParagraph,
        Context::PlainParagraph,
    ];
}

/// The names of the inputs, in order (the weights file repeats them, so that a stale file
/// is caught).
pub fn input_names() -> Vec<String> {
    Feature::ALL
        .iter()
        .map(|f| format!("{f:?}"))
        .chain(Context::ALL.iter().map(|c| format!("{c:?}")))
        .collect()
}

/// The inputs of every sentence, given each one's role: its own, then its paragraph's
/// (one pass over the paragraph, so linear in the text).
pub fn all_inputs(
    sentences: &[Sentence],
    role: impl Fn(usize) -> claims::Role,
) -> Vec<[f32; INPUTS]> {
    let mut out = Vec::with_capacity(sentences.len());
    paragraph_inputs(sentences, 0, sentences.len(), role, |_, inputs| {
        out.extend_from_slice(inputs)
    });
    out
}

/// Inputs held at once: a paragraph longer than this (a text without blank lines is one
/// paragraph) is given in parts, so its inputs never outweigh the text.
const ROWS: usize = 1024;

/// The inputs of every sentence of `sentences` (whole paragraphs, from sentence `base` of
/// the `total` in the text), in reading order, at most [`ROWS`] at a time: `each` gets
/// consecutive sentences of one paragraph, as a range of `sentences`, and their inputs.
/// `role` is given indices of `sentences`. (A table for the whole text was twice the
/// text's size.)
pub fn paragraph_inputs(
    sentences: &[Sentence],
    base: usize,
    total: usize,
    role: impl Fn(usize) -> claims::Role,
    each: impl FnMut(std::ops::Range<usize>, &[[f32; INPUTS]]),
) {
    inputs_in_parts(sentences, base, total, role, ROWS, each);
}

/// [`paragraph_inputs`], `rows` at a time.
fn inputs_in_parts(
    sentences: &[Sentence],
    base: usize,
    total: usize,
    role: impl Fn(usize) -> claims::Role,
    rows: usize,
    mut each: impl FnMut(std::ops::Range<usize>, &[[f32; INPUTS]]),
) {
    let mut out: Vec<[f32; INPUTS]> = Vec::new();
    for range in super::paragraph_spans(sentences) {
        let span = &sentences[range.clone()];
        let narrative = span.iter().filter(|s| claims::narrative(s) > 0.35).count();
        let question = span.iter().any(|s| s.f.question);
        let plain = !span
            .iter()
            .any(|s| s.f.has(CueKind::Stance) || s.f.has(CueKind::Thesis));
        for start in range.clone().step_by(rows) {
            let part = start..(start + rows).min(range.end);
            out.clear();
            out.extend(
                part.clone()
                    .map(|i| inputs(sentences, i, base + i, total, role(i))),
            );
            for x in &mut out {
                let mut set =
                    |c: Context, b: bool| x[claims::FEATURES + c as usize] = f32::from(u8::from(b));
                set(Context::NarrativeParagraph, narrative * 2 > span.len());
                set(Context::QuestionParagraph, question);
                set(Context::PlainParagraph, plain);
            }
            each(part, &out);
        }
    }
}

/// The inputs of `sentences[i]` in `role` that depend on the sentence and its neighbours.
/// The inputs of `sentences[i]`, sentence `at` of the `total` in the text.
fn inputs(
    sentences: &[Sentence],
    i: usize,
    at: usize,
    total: usize,
    role: claims::Role,
) -> [f32; INPUTS] {
    let mut x = [0.0; INPUTS];
    x[..claims::FEATURES].copy_from_slice(&claims::features(&sentences[i], role));
    let s = &sentences[i];
    let same_paragraph = |j: usize| {
        sentences
            .get(j)
            .filter(|n| n.at.paragraph == s.at.paragraph)
    };
    let next = same_paragraph(i + 1);
    let previous = i.checked_sub(1).and_then(same_paragraph);
    let flag = |b: bool| if b { 1.0 } else { 0.0 };
    let relative = at as f32 / total.max(1) as f32;
    let words = s.f.words;
    let values = [
        (
            Context::NextExample,
            next.is_some_and(|n| n.f.opens_with(CueKind::Example)),
        ),
        (
            Context::NextConclusion,
            next.is_some_and(|n| n.f.opens_with(CueKind::Conclusion)),
        ),
        (
            Context::NextContrast,
            next.is_some_and(|n| n.f.opens_with(CueKind::Contrast)),
        ),
        (
            Context::NextEvidence,
            next.is_some_and(|n| n.f.has(CueKind::Evidence)),
        ),
        (
            Context::AfterQuestion,
            previous.is_some_and(|p| p.f.question),
        ),
        (
            Context::AfterContrast,
            previous.is_some_and(|p| p.f.opens_with(CueKind::Contrast)),
        ),
        (Context::Alone, s.pos.paragraph_sentences == 1),
        (
            Context::Middle,
            !s.pos.first_in_paragraph && !s.pos.last_in_paragraph,
        ),
        (Context::Early, relative < 0.2),
        (Context::Late, relative >= 0.8),
        (Context::Short, words < 8),
        (Context::Long, words > 35),
        (Context::LongParagraph, s.pos.paragraph_sentences >= 5),
        (
            Context::MostlyQuoted,
            u32::from(s.f.quoted_words) * 2 > u32::from(words),
        ),
    ];
    for (input, value) in values {
        x[claims::FEATURES + input as usize] = flag(value);
    }
    x
}

/// A fitted model: weights over [`INPUTS`] and the selection thresholds.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Model {
    /// How the weights were made (the command, the texts).
    pub fitted: String,
    pub inputs: Vec<String>,
    pub bias: f32,
    pub weights: Vec<f32>,
    /// A paragraph's best sentence is a key claim from this probability.
    pub first: f32,
    /// Its further sentences are, from this probability.
    pub more: f32,
}

/// The model shipped with the program.
pub fn embedded() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| {
        let model: Model = serde_json::from_str(include_str!("../../../assets/key_model.json"))
            .expect("assets/key_model.json is a key-claim model");
        assert_eq!(
            model.inputs,
            input_names(),
            "assets/key_model.json was fitted for other inputs: run examples/fit_key_model.rs"
        );
        model
    })
}

impl Model {
    /// The probability that a sentence with inputs `x` is a key claim.
    pub fn probability(&self, x: &[f32; INPUTS]) -> f32 {
        let z: f32 = self.bias + x.iter().zip(&self.weights).map(|(x, w)| x * w).sum::<f32>();
        1.0 / (1.0 + (-z).exp())
    }

    /// The inputs with the largest positive and negative contributions to `x`'s score,
    /// for evidence.
    pub fn strongest(&self, x: &[f32; INPUTS], n: usize) -> Vec<(String, f32)> {
        let names = input_names();
        let mut parts: Vec<(String, f32)> = x
            .iter()
            .zip(&self.weights)
            .zip(names)
            .filter(|((x, _), _)| **x != 0.0)
            .map(|((x, w), name)| (name, x * w))
            .collect();
        parts.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()));
        parts.truncate(n);
        parts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_model_matches_the_inputs_and_gives_probabilities() {
        let model = embedded();
        assert_eq!(model.weights.len(), INPUTS);
        assert!((0.0..=1.0).contains(&model.first) && model.first <= model.more);
        let p = model.probability(&[0.0; INPUTS]);
        assert!(p > 0.0 && p < 1.0);
    }

    #[test]
    fn a_long_paragraph_in_parts_has_the_inputs_it_has_whole() {
        // The synthetic article on one line after its title: a paragraph of about 1,500
        // sentences, some narrative, some questions.
        let article = crate::synthetic::article(200_000, 3);
        let (title, body) = article.split_once('\n').unwrap();
        let body: Vec<&str> = body.split_whitespace().collect();
        let text = format!("{title}\n\n{}\n", body.join(" "));
        let doc = crate::source::load_bytes(
            text.as_bytes(),
            "one-paragraph.txt",
            &crate::source::LoadOptions::default(),
        )
        .unwrap()
        .document;
        let analysis = super::super::Analysis::new(&doc, super::super::BLOCK_SENTENCES).unwrap();
        let sentences = analysis.records();
        let longest = super::super::paragraph_spans(&sentences)
            .map(|s| s.len())
            .max();
        assert!(longest > Some(ROWS), "{longest:?}");
        let role = |i: usize| {
            [
                claims::Role::Plain,
                claims::Role::Rebuttal,
                claims::Role::DebatedParagraph,
            ][i % 3]
        };
        let all = |rows| {
            let mut out = Vec::new();
            let mut parts = Vec::new();
            inputs_in_parts(&sentences, 5, sentences.len() + 9, role, rows, |part, x| {
                assert_eq!(part.len(), x.len());
                parts.push(part);
                out.extend_from_slice(x);
            });
            assert!(parts.windows(2).all(|w| w[0].end == w[1].start));
            out
        };
        let whole = all(usize::MAX);
        assert_eq!(whole.len(), sentences.len());
        for rows in [1, 7, ROWS] {
            assert!(whole == all(rows), "{rows} rows at a time");
        }
    }
}
