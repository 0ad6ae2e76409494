//! Finding the links between two argument maps. Every item of one article (key claim,
//! counterclaim, or a sentence rebutting a counterclaim) is compared with every key claim
//! of the other; the best-supported claim it addresses becomes its link when the evidence
//! is strong enough. Items are never compared with claims of their own article.

use std::collections::HashMap;

use super::evidence::{self, Names, Rarity};
use super::relation::{self, Unit};
use super::{End, Link, Relation, Side, Status};
use crate::argument::ClaimKind;
use crate::document::{Document, SentenceRef};

/// Links weaker than this are not kept at all (those below `SHOWN_CONFIDENCE` are kept
/// for the record but not shown).
const KEPT_CONFIDENCE: f32 = 0.3;

/// An item links to the claim it shares most with, and to at most two more whose
/// confidence is within this of the best (an item often answers two claims that say one
/// thing twice). Chosen on the pairs corpus (README, "Two articles").
const NEARLY_AS_WELL: f32 = 0.2;
const MOST_CLAIMS_PER_ITEM: usize = 3;

/// A sentence that may answer the other article.
#[derive(Debug, Clone)]
struct Answer {
    at: SentenceRef,
    unit: Unit,
}

/// What one article brings to the comparison.
struct Prepared<'a> {
    doc: &'a Document,
    answers: Vec<Answer>,
    /// Key-claim sentences, the claims the other article may address.
    claims: Vec<SentenceRef>,
    names: Names,
    /// Whether the article takes the other's author or title to task somewhere.
    opposed: bool,
    /// Where the article names the other's author or title (first such paragraph).
    names_other_in: Option<usize>,
}

fn prepare<'a>(side: Side<'a>) -> Prepared<'a> {
    let mut answers = Vec::new();
    let mut claims = Vec::new();
    for item in side.map.items.iter() {
        match item.kind {
            ClaimKind::Key => {
                claims.push(item.anchor);
                answers.push(Answer {
                    at: item.anchor,
                    unit: Unit::Key,
                });
            }
            ClaimKind::Counter => {
                answers.push(Answer {
                    at: item.anchor,
                    unit: Unit::Counter,
                });
                for &at in &item.rebuttals {
                    answers.push(Answer {
                        at,
                        unit: Unit::Rebuttal,
                    });
                }
            }
        }
    }
    // One answer per sentence: a sentence that is two things answers as the first.
    let mut seen = std::collections::HashSet::new();
    answers.retain(|a| seen.insert(a.at));
    claims.sort();
    claims.dedup();
    Prepared {
        doc: side.doc,
        answers,
        claims,
        names: Names::of(side.doc),
        opposed: false,
        names_other_in: None,
    }
}

/// Where `doc` names the other article, and whether it opposes it there.
fn naming(doc: &Document, other: &Names) -> (Option<usize>, bool) {
    let mut first = None;
    let mut opposed = false;
    for paragraph in 0..doc.paragraphs.len() {
        let text = doc.paragraph_text(paragraph);
        if other.mentioned_in(text).is_some() {
            first.get_or_insert(paragraph);
            opposed |= relation::opposing(text) || evidence::negated(text);
        }
    }
    (first, opposed)
}

/// The links between two articles, strongest evidence first per answering item. Both
/// directions are looked at (A's items answering B's claims, B's answering A's); a pair of
/// sentences is linked once.
pub fn compute(sides: [Side; 2]) -> Vec<Link> {
    let rarity = Rarity::new(&[sides[0].doc, sides[1].doc]);
    let mut prepared = [prepare(sides[0]), prepare(sides[1])];
    for (this, other) in [(0, 1), (1, 0)] {
        let other_names = prepared[other].names.clone();
        let (first, opposed) = naming(prepared[this].doc, &other_names);
        prepared[this].names_other_in = first;
        prepared[this].opposed = opposed;
    }
    let mut links: Vec<Link> = Vec::new();
    for (this, other) in [(1, 0), (0, 1)] {
        let (from, to) = (&prepared[this], &prepared[other]);
        for answer in &from.answers {
            let mut candidates: Vec<Link> = to
                .claims
                .iter()
                .filter_map(|&claim| link(from, to, this, other, answer, claim, &rarity))
                .filter(|l| l.confidence >= KEPT_CONFIDENCE)
                .collect();
            candidates.sort_by(|a, b| b.confidence.total_cmp(&a.confidence));
            // The best-supported claim, and others nearly as well supported (an item may
            // answer two claims that say the same thing).
            let best = candidates.first().map_or(0.0, |l| l.confidence);
            links.extend(
                candidates
                    .into_iter()
                    .take(MOST_CLAIMS_PER_ITEM)
                    .filter(|l| l.confidence >= best - NEARLY_AS_WELL),
            );
        }
    }
    // Rebuttals answer what their counterclaim states: a rebuttal of a counterclaim that
    // restates a claim rebuts that claim, even in words of its own.
    let restated: HashMap<End, (End, f32)> = links
        .iter()
        .filter(|l| matches!(l.relation, Relation::Restates | Relation::Concedes))
        .map(|l| (l.from, (l.to, l.confidence)))
        .collect();
    for (this, side) in [(1, sides[1]), (0, sides[0])] {
        let rebuttals = side
            .map
            .of_kind(ClaimKind::Counter)
            .flat_map(|(_, item)| item.rebuttals.iter().map(|&r| (r, item.anchor)));
        for (rebuttal, counter) in rebuttals {
            let counter_end = End {
                article: this,
                at: counter,
            };
            let Some(&(to, confidence)) = restated.get(&counter_end) else {
                continue;
            };
            let from = End {
                article: this,
                at: rebuttal,
            };
            let inherited = confidence * 0.9;
            let evidence = format!(
                "answers its counterclaim ¶{}, which states this claim",
                counter.paragraph + 1
            );
            match links.iter_mut().find(|l| l.from == from) {
                Some(existing) if existing.to == to => {
                    existing.confidence = existing.confidence.max(inherited);
                    existing.evidence.push(evidence);
                }
                Some(existing) if existing.confidence < inherited => {
                    *existing = answered(from, to, inherited, evidence);
                }
                Some(_) => {}
                None => links.push(answered(from, to, inherited, evidence)),
            }
        }
    }
    dedupe(links)
}

fn answered(from: End, to: End, confidence: f32, evidence: String) -> Link {
    Link {
        from,
        to,
        relation: Relation::Rebuts,
        confidence,
        evidence: vec![evidence],
        status: Status::Detected,
        note: None,
    }
}

/// One link per pair of sentences (two key claims may each find the other): the more
/// confident, listed from the later article on a tie.
fn dedupe(mut links: Vec<Link>) -> Vec<Link> {
    links.sort_by(|a, b| {
        b.confidence
            .total_cmp(&a.confidence)
            .then(b.from.article.cmp(&a.from.article))
    });
    let mut seen = std::collections::HashSet::new();
    links.retain(|l| seen.insert(l.ends()));
    links.sort_by_key(|l| (l.from.article, l.from.at, l.to.at));
    links
}

/// The link from `answer` (in article `this`) to `claim` (in `other`), with its evidence,
/// if they share anything at all.
fn link(
    from: &Prepared,
    to: &Prepared,
    this: usize,
    other: usize,
    answer: &Answer,
    claim: SentenceRef,
    rarity: &Rarity,
) -> Option<Link> {
    let text = from.doc.sentence_text(answer.at);
    let claim_text = to.doc.sentence_text(claim);
    let overlap = evidence::overlap(text, claim_text, rarity);
    let mut evidence_lines = Vec::new();
    let mut confidence = 0.0f32;

    // Quotation of the other text: of this very claim, or of its article.
    let mut quoted = false;
    for quotation in evidence::quotations(text) {
        let squeezed = evidence::squeeze(&quotation);
        if evidence::squeeze(claim_text).contains(&squeezed) {
            confidence += 0.35;
            quoted = true;
            evidence_lines.push(format!("quotes it: '{quotation}'"));
            break;
        }
    }
    if overlap.words.len() < 2 && !quoted {
        return None;
    }
    confidence += 0.1 + 1.2 * overlap.similarity;
    let shown_words: Vec<String> = overlap
        .words
        .iter()
        .take(5)
        .map(|w| format!("'{w}'"))
        .collect();
    evidence_lines.push(format!("shared words: {}", shown_words.join(", ")));
    if let Some(phrase) = &overlap.phrase {
        confidence += 0.1 + 0.03 * phrase.split(' ').count().min(5) as f32;
        evidence_lines.push(format!("shared phrase: '{phrase}'"));
    }
    let negation_differs = evidence::negated(text) != evidence::negated(claim_text);
    if negation_differs && overlap.words.len() >= 2 {
        confidence += 0.1;
        let answer_negated = evidence::negated(text);
        let negated = if answer_negated { text } else { claim_text };
        let phrase = evidence::negation_phrase(negated, &overlap.words).unwrap_or_default();
        let which = if answer_negated {
            "this item"
        } else {
            "the claim"
        };
        evidence_lines.push(if phrase.is_empty() {
            format!("negation of the same predicate (in {which})")
        } else {
            format!("negation of the same predicate: '{phrase}' (in {which})")
        });
    }
    // Naming the other article's author or title, in the sentence or its paragraph.
    let paragraph = from.doc.paragraph_text(answer.at.paragraph);
    if let Some(named) = to.names.mentioned_in(text) {
        confidence += 0.15;
        evidence_lines.push(named);
    } else if let Some(named) = to.names.mentioned_in(paragraph) {
        confidence += 0.08;
        evidence_lines.push(format!("{named} (in its paragraph)"));
    } else if from.names_other_in.is_some() {
        confidence += 0.03;
    }
    let relation = relation::classify(answer.unit, text, negation_differs, from.opposed);
    Some(Link {
        from: End {
            article: this,
            at: answer.at,
        },
        to: End {
            article: other,
            at: claim,
        },
        relation,
        confidence: confidence.min(0.99),
        evidence: evidence_lines,
        status: Status::Detected,
        note: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::argument::{ArgumentMap, Item};
    use crate::document::Metadata;

    fn at(paragraph: usize) -> SentenceRef {
        SentenceRef {
            paragraph,
            sentence: 0,
        }
    }

    fn article(title: &str, byline: &str, paragraphs: &[&str]) -> Document {
        let meta = Metadata {
            title: Some(title.into()),
            byline: Some(byline.into()),
            ..Metadata::default()
        };
        Document::from_paragraphs(meta, paragraphs)
    }

    fn a() -> (Document, ArgumentMap) {
        let doc = article(
            "Charge Drivers to Enter Downtown",
            "By Margaret Hale",
            &[
                "A congestion charge would cut downtown traffic by a fifth.",
                "The revenue from the charge should pay for more frequent buses.",
                "Shop owners worry, but their customers mostly arrive on foot.",
            ],
        );
        let map = ArgumentMap::new(vec![
            Item::annotated(ClaimKind::Key, at(0), vec![]),
            Item::annotated(ClaimKind::Key, at(1), vec![]),
        ]);
        (doc, map)
    }

    fn b() -> (Document, ArgumentMap) {
        let doc = article(
            "A Charge on the Wrong People",
            "By Daniel Osei",
            &[
                "Margaret Hale claims that a congestion charge would cut downtown traffic.",
                "It would not cut traffic; it would push it onto the ring road.",
                "Nor will the charge revenue ever reach the buses.",
                "My grandmother keeps bees on her balcony.",
            ],
        );
        let map = ArgumentMap::new(vec![
            Item::annotated(ClaimKind::Counter, at(0), vec![at(1)]),
            Item::annotated(ClaimKind::Key, at(2), vec![]),
            Item::annotated(ClaimKind::Key, at(3), vec![]),
        ]);
        (doc, map)
    }

    fn links(x: &(Document, ArgumentMap), y: &(Document, ArgumentMap)) -> Vec<Link> {
        compute([
            Side {
                doc: &x.0,
                map: &x.1,
            },
            Side {
                doc: &y.0,
                map: &y.1,
            },
        ])
    }

    #[test]
    fn a_reply_that_names_its_target_restates_and_rebuts_its_claims() {
        let (a, b) = (a(), b());
        let found: Vec<Link> = links(&a, &b).into_iter().filter(Link::shown).collect();
        let find = |from: usize| {
            found
                .iter()
                .find(|l| {
                    l.from
                        == End {
                            article: 1,
                            at: at(from),
                        }
                })
                .unwrap_or_else(|| panic!("no link from B ¶{}: {found:#?}", from + 1))
        };
        let counter = find(0);
        assert_eq!(
            counter.to,
            End {
                article: 0,
                at: at(0)
            }
        );
        assert_eq!(counter.relation, Relation::Restates);
        assert!(
            counter.evidence.iter().any(|e| e.contains("'Hale'")),
            "{counter:?}"
        );
        assert!(
            counter
                .evidence
                .iter()
                .any(|e| e.starts_with("shared phrase")),
            "{counter:?}"
        );
        let rebuttal = find(1);
        assert_eq!(
            rebuttal.to,
            End {
                article: 0,
                at: at(0)
            }
        );
        assert_eq!(rebuttal.relation, Relation::Rebuts);
        assert!(
            rebuttal.evidence.iter().any(|e| e.contains("negation")),
            "{rebuttal:?}"
        );
        let key = find(2);
        assert_eq!(
            key.to,
            End {
                article: 0,
                at: at(1)
            }
        );
        assert_eq!(key.relation, Relation::Rebuts);
        // The bees address nothing.
        assert!(found.iter().all(|l| l.from.at != at(3) && l.to.at != at(3)));
    }

    #[test]
    fn no_link_joins_two_sentences_of_the_same_article() {
        let (a, b) = (a(), b());
        for link in links(&a, &b).iter().chain(&links(&b, &a)) {
            assert_ne!(link.from.article, link.to.article, "{link:?}");
        }
    }

    #[test]
    fn an_unrelated_pair_has_no_link_shown() {
        let (a, _) = a();
        let bees = article(
            "Every School Should Keep Bees",
            "By Ruth Amsel",
            &[
                "Every primary school should keep a hive of bees.",
                "Children who tend bees learn patience and the seasons.",
                "Stings are rare when hives are placed away from playgrounds.",
            ],
        );
        let map = ArgumentMap::new(vec![
            Item::annotated(ClaimKind::Key, at(0), vec![]),
            Item::annotated(ClaimKind::Key, at(1), vec![]),
            Item::annotated(ClaimKind::Counter, at(2), vec![]),
        ]);
        let found = links(&(a.clone(), a_map()), &(bees, map));
        assert!(found.iter().all(|l| !l.shown()), "{found:#?}");
    }

    fn a_map() -> ArgumentMap {
        a().1
    }
}
