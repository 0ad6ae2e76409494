//! From lines to units (candidate paragraphs). Decided per document:
//! - hard-wrapped text (most lines end near one column ≤ 100): lines of a block join;
//! - one paragraph per line (few blank lines): every line is a unit;
//! - otherwise blank lines separate blocks and the lines of a block join, except lines
//!   that stand alone (menus, bylines, dates, list items) or follow a short line (a
//!   title above a standfirst).

use super::lines::Line;
use super::{cues, dates};

/// A candidate paragraph: one or more joined lines.
#[derive(Debug, Clone)]
pub struct Unit {
    pub text: String,
    pub wide_gaps: usize,
}

pub fn units(lines: &[Line]) -> Vec<Unit> {
    let mut nonempty = 0;
    let mut blank_runs = 0;
    let mut over_100 = 0;
    let mut wrap_width = 0;
    let mut previous_blank = true;
    let lengths: Vec<usize> = lines.iter().map(Line::chars).collect();
    for (line, &length) in lines.iter().zip(&lengths) {
        if line.is_blank() {
            if !previous_blank {
                blank_runs += 1;
            }
        } else {
            nonempty += 1;
            if length > 100 {
                over_100 += 1;
            } else {
                wrap_width = wrap_width.max(length);
            }
        }
        previous_blank = line.is_blank();
    }
    let near_width = lengths
        .iter()
        .filter(|&&n| n <= wrap_width && n * 4 >= wrap_width * 3)
        .count();
    let hard_wrapped = wrap_width >= 40
        && over_100 * 10 <= nonempty
        && near_width * 10 >= nonempty * 4
        && near_width >= 3;
    let one_per_line = !hard_wrapped && blank_runs * 3 < nonempty;

    let mut out: Vec<Unit> = Vec::new();
    let mut block_start = 0;
    while block_start < lines.len() {
        if lines[block_start].is_blank() {
            block_start += 1;
            continue;
        }
        let block_end = lines[block_start..]
            .iter()
            .position(Line::is_blank)
            .map_or(lines.len(), |p| block_start + p);
        let width = if hard_wrapped {
            wrap_width
        } else {
            lengths[block_start..block_end]
                .iter()
                .copied()
                .max()
                .unwrap_or(0)
        };
        let mut previous_alone = true;
        for k in block_start..block_end {
            let line = &lines[k];
            // Each line is tested once; `joins` compares it with the line before.
            let alone = !one_per_line && stands_alone(line);
            let join = !one_per_line
                && k > block_start
                && !previous_alone
                && !alone
                && joins(&lines[k - 1], lengths[k - 1], line, width);
            previous_alone = alone;
            match (join, out.last_mut()) {
                (true, Some(unit)) => {
                    unit.text.push(' ');
                    unit.text.push_str(&line.text);
                    unit.wide_gaps += line.wide_gaps;
                }
                _ => out.push(Unit {
                    text: line.text.clone(),
                    wide_gaps: line.wide_gaps,
                }),
            }
        }
        block_start = block_end;
    }
    out
}

/// Whether `line` continues the paragraph of `previous` in the same block.
/// Both lines are known not to stand alone.
fn joins(previous: &Line, previous_length: usize, line: &Line, width: usize) -> bool {
    let continues_sentence = line.text.starts_with(|c: char| c.is_lowercase())
        && !previous.text.ends_with(['.', '!', '?', ':']);
    continues_sentence || previous_length * 10 >= width * 6
}

/// Lines that are never part of a wrapped paragraph.
fn stands_alone(line: &Line) -> bool {
    let text = &line.text;
    let words = text.split(' ').count();
    line.wide_gaps > 0
        || text.contains(['|', '•', '·', '»', '›'])
        || list_marker(text).is_some()
        || text.starts_with("By ")
        || dates::is_date_line(text, words)
        || cues::is_boilerplate(text, words)
}

/// The marker of a list item line ("•", "-", "*", "1.", "2)"), if any.
pub fn list_marker(text: &str) -> Option<&str> {
    let (marker, rest) = text.split_once(' ')?;
    if rest.is_empty() {
        return None;
    }
    let bullet = matches!(marker, "•" | "-" | "*" | "–" | "·" | "◦" | "▪");
    let numbered = marker.len() <= 4
        && marker.ends_with(['.', ')'])
        && marker[..marker.len() - 1]
            .bytes()
            .all(|b| b.is_ascii_digit())
        && marker.len() > 1;
    (bullet || numbered).then_some(marker)
}
