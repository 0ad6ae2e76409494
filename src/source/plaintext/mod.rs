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

use crate::document::{Document, Furniture, ParagraphKind};
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

/// Whether the units read as a web page captured with its furniture: a body of good
/// paragraphs with hardly anything dropped inside it, and menus, share bars or rights
/// notices around it. A man page, release notes or a table-rich report has short and
/// "bad" units all through it instead, and nothing of it is furniture.
fn page_capture(units: &[blocks::Unit], classes: &[Class], features: &[scoring::Features]) -> bool {
    let Some(first) = classes.iter().position(|&c| c == Class::Good) else {
        return false;
    };
    let last = classes
        .iter()
        .rposition(|&c| c == Class::Good)
        .unwrap_or(first);
    let inside = last - first + 1;
    let dropped_inside = classes[first..=last]
        .iter()
        .filter(|&&c| c != Class::Good)
        .count();
    let furniture_around = (0..first)
        .chain(last + 1..classes.len())
        .filter(|&k| features[k].boilerplate || menu(&units[k].text, &features[k]))
        .count();
    furniture_around >= 2 && (dropped_inside <= 2 || dropped_inside * 10 <= inside)
}

/// A line of links or labels between separators ("Home | News | Sport", a row of
/// languages), not a row of a table (mostly figures).
fn menu(text: &str, f: &scoring::Features) -> bool {
    let tokens = text.split_whitespace().count().max(1);
    let figures = text
        .split_whitespace()
        .filter(|t| t.chars().any(|c| c.is_ascii_digit()))
        .count();
    f.separators >= 2 && figures * 3 < tokens
}

/// The lower-case words of `text`, without punctuation.
fn words_of(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// Every word the header shows: title, standfirst, byline and date.
fn header_words(meta: &crate::document::Metadata) -> std::collections::HashSet<String> {
    [&meta.title, &meta.dek, &meta.byline, &meta.date]
        .into_iter()
        .flatten()
        .flat_map(|t| words_of(t).collect::<Vec<_>>())
        .collect()
}

/// Parses plain text into a document; the furniture of a page capture is hidden (kept in
/// `Document::furniture`).
pub fn parse(text: &str) -> Document {
    parse_part(text, Part::Whole)
}

/// Parses one part of a plain-text article (see [`Part`]).
pub fn parse_part(text: &str, part: Part) -> Document {
    parse_part_with(text, part, false)
}

/// [`parse_part`], with `keep_all` keeping every block in the body even when the text
/// looks like a page capture (`--keep-all`).
pub fn parse_part_with(text: &str, part: Part, keep_all: bool) -> Document {
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
    // Only a page capture loses its furniture: any other text keeps every line.
    let keep_all = keep_all || !page_capture(&units, &classes, &features);
    if keep_all {
        classes = vec![Class::Good; units.len()];
    }
    let mut header = if has_header {
        metadata::find(&units, &features, &classes, first_line_alone(&lines))
    } else {
        metadata::Header::default()
    };

    let mut end = units.len();
    let mut body_seen = false;
    for k in header.body_start..units.len() {
        if has_end
            && !keep_all
            && body_seen
            && cues::is_end_marker(&units[k].text, features[k].words)
        {
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

    // Author notes, and in a text kept whole its closing rights or licence notice, go to
    // the notes: shown apart, not taken for the argument.
    let mut notes = Vec::new();
    let mut note_units = Vec::new();
    // A signature delimiter ("--") near the end: what follows it is a footer.
    const FOOTER_UNITS: usize = 4;
    if has_end
        && keep_all
        && let Some(at) = body
            .iter()
            .rposition(|&k| units[k].text == "--")
            .filter(|&at| at > 0 && body.len() - at <= FOOTER_UNITS)
    {
        // The delimiter itself is typography, not text.
        let footer: Vec<usize> = body.drain(at..).collect();
        note_units.push(footer[0]);
        notes.extend(footer[1..].iter().rev().map(|&k| units[k].text.clone()));
        note_units.extend(&footer[1..]);
    }
    while has_end && body.len() > 1 {
        let last = body[body.len() - 1];
        let text = &units[last].text;
        let notice = keep_all && features[last].boilerplate;
        if !notice && !cues::is_note(text, features[last].words) {
            break;
        }
        notes.push(text.clone());
        note_units.push(last);
        body.pop();
    }
    notes.reverse();

    // In a text kept whole, header lines whose words the header does not show (a dateline
    // with its place, a byline that says more than the name) stay readable in full: the
    // first as the standfirst if there is none, the others above the body.
    let mut header_lines = Vec::new();
    let shown = header_words(&header.meta);
    let header_end = header.body_start.min(units.len());
    let in_header = |k: usize| {
        k < header_end && words_of(&units[k].text).all(|w| w == "by" || shown.contains(&w))
    };
    if keep_all {
        header_lines = (0..header_end)
            .filter(|&k| !in_header(k))
            .map(|k| units[k].text.clone())
            .collect();
        if header.meta.dek.is_none() && !header_lines.is_empty() {
            header.meta.dek = Some(header_lines.remove(0));
        }
    }
    // What is not shown anywhere else is furniture, kept in place to be shown on request.
    let mut shown_units = vec![keep_all; units.len()];
    for &k in body.iter().chain(&note_units) {
        shown_units[k] = true;
    }
    let mut hidden = (0..units.len())
        .filter(|&k| !shown_units[k] && !in_header(k))
        .peekable();
    let mut doc = Document::new(header.meta);
    while let Some(k) = hidden.next_if(|&k| k < header_end) {
        doc.furniture.push(Furniture {
            before: None,
            text: units[k].text.clone(),
        });
    }
    for line in &header_lines {
        doc.push_paragraph(ParagraphKind::Body, line, Vec::new());
    }
    for (position, &k) in body.iter().enumerate() {
        while let Some(h) = hidden.next_if(|&h| h < k) {
            doc.furniture.push(Furniture {
                before: Some(doc.paragraphs.len()),
                text: units[h].text.clone(),
            });
        }
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
    for k in hidden {
        doc.furniture.push(Furniture {
            before: Some(doc.paragraphs.len()),
            text: units[k].text.clone(),
        });
    }
    doc.notes = notes;
    doc
}
