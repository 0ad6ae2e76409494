//! Dates in bylines and date lines: "SEPTEMBER 24, 2015", "24 September 2015",
//! "Sept. 24, 2015", "2015-09-24" are normalised to "24 September 2015"; a numeric
//! "24/09/2015" is ambiguous (day or month first) and kept as written.

use std::ops::Range;

use crate::source::date::{MONTHS, month_number};

/// The first date in `text`: its byte range and its normalised form.
pub fn find(text: &str) -> Option<(Range<usize>, String)> {
    let tokens = tokens(text);
    for (k, token) in tokens.iter().enumerate() {
        let word = &text[token.clone()];
        if let Some(month) = month(word) {
            // Month Day, Year
            if let (Some(d), Some(y)) = (tokens.get(k + 1), tokens.get(k + 2))
                && let (Some(day), Some(year)) = (day(&text[d.clone()]), year(&text[y.clone()]))
            {
                return Some((
                    token.start..y.end,
                    format!("{day} {} {year}", MONTHS[month]),
                ));
            }
            // Day Month Year
            if k > 0
                && let (Some(day), Some(y)) = (day(&text[tokens[k - 1].clone()]), tokens.get(k + 1))
                && let Some(year) = year(&text[y.clone()])
            {
                return Some((
                    tokens[k - 1].start..y.end,
                    format!("{day} {} {year}", MONTHS[month]),
                ));
            }
        }
        if let Some(found) = numeric(text, token) {
            return Some(found);
        }
    }
    None
}

/// Whether the whole unit is a date line ("Published 3 March 2024", "Tuesday, May 5, 2020").
pub fn is_date_line(text: &str, words: usize) -> bool {
    words <= 8 && find(text).is_some() && !text.ends_with(['!', '?'])
}

/// Alphanumeric runs, with "-" and "/" kept inside numeric runs ("2015-09-24").
fn tokens(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let start = i;
        let numeric = bytes[i].is_ascii_digit();
        while i < bytes.len()
            && (bytes[i].is_ascii_alphanumeric()
                || (numeric
                    && matches!(bytes[i], b'-' | b'/')
                    && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)))
        {
            i += 1;
        }
        out.push(start..i);
    }
    out
}

/// A capitalised month name or abbreviation ("Sept", "Jan"), as a 0-based index.
fn month(word: &str) -> Option<usize> {
    if !word.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    month_number(word).map(|n| n - 1)
}

fn day(word: &str) -> Option<u32> {
    let digits = word.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h']);
    let suffix = &word[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.is_empty() || digits.len() > 2 {
        return None;
    }
    let day: u32 = digits.parse().ok()?;
    (1..=31).contains(&day).then_some(day)
}

fn year(word: &str) -> Option<u32> {
    if word.len() != 4 {
        return None;
    }
    let year: u32 = word.parse().ok()?;
    (1000..=2999).contains(&year).then_some(year)
}

/// "2015-09-24" (normalised) or "24/09/2015", "09/24/2015" (kept as written).
fn numeric(text: &str, token: &Range<usize>) -> Option<(Range<usize>, String)> {
    let word = &text[token.clone()];
    if let [y, m, d] = word.split('-').collect::<Vec<_>>()[..]
        && y.len() == 4
        && let (Some(year), Ok(month), Some(day)) = (year(y), m.parse::<usize>(), day(d))
        && (1..=12).contains(&month)
    {
        return Some((token.clone(), format!("{day} {} {year}", MONTHS[month - 1])));
    }
    if let [a, b, y] = word.split('/').collect::<Vec<_>>()[..]
        && year(y).is_some()
        && day(a).is_some()
        && day(b).is_some()
    {
        return Some((token.clone(), word.to_string()));
    }
    None
}
