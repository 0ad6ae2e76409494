//! The plain-text loader: finds the article inside a page dump (menus, share widgets and
//! footers around it) and its title, standfirst, byline and date.
//!
//! The pipeline, one pass per stage, linear in the input:
//! [`lines`] normalises line ends and white space; [`blocks`] groups lines into units
//! (candidate paragraphs); [`scoring`] classifies units the way jusText does;
//! [`metadata`] finds the header; what follows it until an end marker (comments,
//! related links) and is classified good is the body; trailing author notes go to
//! `Document::notes`.

mod blocks;
mod cues;
mod dates;
mod lines;
mod metadata;
mod scoring;
mod stopwords;

use crate::document::{Document, ParagraphKind};
use scoring::Class;

/// Which part of an article a text is, when a large file is loaded in parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The whole article.
    Whole,
    /// The beginning: the header is looked for; the end (comments, notes) is not.
    First,
    /// A part in the middle: body only.
    Middle,
    /// The end: no header; comments sections and author notes are looked for.
    Last,
}

/// Whether the file opens with a line that stands alone: a non-blank first line followed
/// by a blank one, where writers put a headline.
fn first_line_alone(lines: &[lines::Line]) -> bool {
    let Some(first) = lines.iter().position(|l| !l.is_blank()) else {
        return false;
    };
    lines.get(first + 1).is_some_and(lines::Line::is_blank)
}

/// Parses plain text into a document, dropping boilerplate.
pub fn parse(text: &str) -> Document {
    parse_part(text, Part::Whole)
}

/// Parses one part of a plain-text article (see [`Part`]).
pub fn parse_part(text: &str, part: Part) -> Document {
    let has_header = matches!(part, Part::Whole | Part::First);
    let has_end = matches!(part, Part::Whole | Part::Last);
    let lines = lines::split(text);
    let units = blocks::units(&lines);
    let features: Vec<scoring::Features> = units.iter().map(scoring::features).collect();
    let alone: Vec<Class> = features.iter().map(scoring::classify).collect();
    let mut classes = alone.clone();
    scoring::revise(&mut classes, &features);
    if !classes.contains(&Class::Good) {
        // A short text with no long paragraph: judge near-good units as good.
        classes = alone
            .iter()
            .map(|&c| if c == Class::NearGood { Class::Good } else { c })
            .collect();
        scoring::revise(&mut classes, &features);
    }
    let mut header = if has_header {
        metadata::find(&units, &features, &classes, first_line_alone(&lines))
    } else {
        metadata::Header::default()
    };

    let mut end = units.len();
    let mut body_seen = false;
    for k in header.body_start..units.len() {
        if has_end && body_seen && cues::is_end_marker(&units[k].text, features[k].words) {
            end = k;
            break;
        }
        body_seen |= classes[k] == Class::Good;
    }
    let range = header.body_start.min(end)..end;
    let mut body: Vec<usize> = range
        .clone()
        .filter(|&k| classes[k] == Class::Good)
        .collect();
    if body.is_empty() {
        // Nothing scored good (a tiny or unusual text): keep what is not clearly furniture.
        body = range.filter(|&k| alone[k] != Class::Bad).collect();
    }
    if body.is_empty() && part == Part::Whole {
        // The header took everything, or everything looks like furniture (a one-line
        // note, a list): the reader asked for this file, so show all of it as text.
        header.meta = Default::default();
        body = (0..units.len()).collect();
    }

    let mut notes = Vec::new();
    while has_end && body.len() > 1 {
        let last = body[body.len() - 1];
        if !cues::is_note(&units[last].text, features[last].words) {
            break;
        }
        notes.push(units[last].text.clone());
        body.pop();
    }
    notes.reverse();

    let mut doc = Document::new(header.meta);
    for (position, &k) in body.iter().enumerate() {
        let text = &units[k].text;
        let heading = alone[k] == Class::Short
            && position + 1 < body.len()
            && !features[k].sentence_end
            && features[k].words <= 12
            && metadata::title_like(&units[k], &features[k], true);
        if heading {
            doc.push_section(text, 1);
        } else if let Some(marker) = blocks::list_marker(text) {
            let kind = ParagraphKind::ListItem {
                marker: marker.to_string(),
                depth: 0,
            };
            doc.push_paragraph(kind, text[marker.len()..].trim_start(), Vec::new());
        } else {
            doc.push_paragraph(ParagraphKind::Body, text, Vec::new());
        }
    }
    doc.notes = notes;
    doc
}
