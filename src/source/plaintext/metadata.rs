//! The article's header: title, standfirst (dek), byline and date, found around the
//! start of the body, and where the body begins.

use super::blocks::{Unit, list_marker};
use super::dates;
use super::scoring::{Class, Features};
use crate::document::{Metadata, sentences};

#[derive(Default)]
pub struct Header {
    pub meta: Metadata,
    /// Index of the first unit after the header.
    pub body_start: usize,
}

/// How far past the first good unit a byline is looked for.
const BYLINE_REACH: usize = 4;

/// How many units a headline may stand before the first good paragraph (a standfirst, a
/// byline and a date line between them).
const HEADLINE_REACH: usize = 4;

/// Finds the header. `first_line_alone`: the file's first line is followed by a blank line,
/// so its first unit is that line alone.
pub fn find(
    units: &[Unit],
    features: &[Features],
    classes: &[Class],
    first_line_alone: bool,
) -> Header {
    let n = units.len();
    let first_good = classes.iter().position(|&c| c == Class::Good).unwrap_or(n);
    let mut meta = Metadata::default();
    let date_line = |k: usize| dates::is_date_line(&units[k].text, features[k].words);
    let take_date = |meta: &mut Metadata, k: usize| {
        if meta.date.is_none() {
            meta.date = dates::find(&units[k].text).map(|(_, d)| d);
        }
    };

    let mut goods_seen = 0;
    let mut byline_at = None;
    for k in 0..n.min(first_good + BYLINE_REACH) {
        if let Some((name, date)) = byline(&units[k].text, features[k].words) {
            byline_at = Some(k);
            meta.byline = Some(name);
            meta.date = date;
            break;
        }
        goods_seen += usize::from(classes[k] == Class::Good);
        if goods_seen > 2 {
            break;
        }
    }

    let (title_search_from, mut body_start) = match byline_at {
        Some(b) => {
            let mut body_start = b + 1;
            while body_start < n && date_line(body_start) {
                take_date(&mut meta, body_start);
                body_start += 1;
            }
            (b, body_start)
        }
        None if first_good + 1 < n
            && title_like(&units[first_good], &features[first_good], false)
            && classes[first_good + 1] == Class::Good =>
        {
            // A title revived by the good paragraphs after it.
            (first_good + 1, first_good + 1)
        }
        None => (first_good, first_good),
    };

    // Walk back from the byline (or the body) over date lines and page widgets.
    let mut k = title_search_from;
    let mut skipped = 0;
    while k > 0 && (date_line(k - 1) || (skipped < 3 && is_widget(&features[k - 1]))) {
        if date_line(k - 1) {
            take_date(&mut meta, k - 1);
        } else {
            skipped += 1;
        }
        k -= 1;
    }
    let next_to_byline = byline_at.is_some() || k == 1;
    let mut title_at = None;
    if k >= 2
        && byline_at.is_some()
        && is_dek(&units[k - 1], &features[k - 1])
        && title_like(&units[k - 2], &features[k - 2], true)
    {
        meta.dek = Some(units[k - 1].text.clone());
        title_at = Some(k - 2);
    } else if k >= 1 && title_like(&units[k - 1], &features[k - 1], next_to_byline) {
        title_at = Some(k - 1);
    } else if k == 2 && title_like(&units[0], &features[0], true) {
        // The file's first line is the title, then one line before the body: a
        // standfirst ("Transcript of a debate broadcast on 2 April.") or a letter's
        // salutation ("Sir,", "Dear Editor,").
        if is_dek(&units[1], &features[1]) {
            meta.dek = Some(units[1].text.clone());
            title_at = Some(0);
        } else if is_salutation(&units[1].text, features[1].words) {
            title_at = Some(0);
        }
    }
    // A headline alone on the file's first line, with the body close below it, is the
    // title whatever its punctuation or case ("Turkey's red line.", an essay prompt that
    // asks a question, "Title | Site").
    if title_at.is_none()
        && first_line_alone
        && n > 1
        && first_good <= HEADLINE_REACH
        && headline(&units[0], &features[0])
    {
        title_at = Some(0);
        if byline_at.is_none() {
            body_start = body_start.max(1);
            if k == 2 && first_good == 2 && is_dek(&units[1], &features[1]) {
                meta.dek = Some(units[1].text.clone());
            }
        }
    }
    if let Some(t) = title_at {
        meta.title = Some(without_site_name(&units[t].text).to_string());
        // A date line above the title ("12 March 2024\nTitle").
        if t > 0 && date_line(t - 1) {
            take_date(&mut meta, t - 1);
        }
        // A date line between the title and the body.
        while byline_at.is_none() && body_start < n && date_line(body_start) {
            take_date(&mut meta, body_start);
            body_start += 1;
        }
    }
    Header { meta, body_start }
}

/// A headline on a line of its own: one sentence at most (a few words may look like more:
/// "Brutus No. XV."), short, not a list item, a byline
/// or a date; it may end with a full stop or a question mark, be in sentence case or in
/// capitals, and carry a site name after a separator.
fn headline(unit: &Unit, f: &Features) -> bool {
    let text = &unit.text;
    (1..=25).contains(&f.words)
        && text.chars().count() <= 200
        && !f.boilerplate
        && !text.ends_with([',', ';', ':'])
        && list_marker(text).is_none()
        // Capitals, or a script without case (Arabic, Hebrew, CJK).
        && text.starts_with(|c: char| {
            (c.is_alphabetic() && !c.is_lowercase())
                || c.is_ascii_digit()
                || matches!(c, '"' | '“' | '\'' | '‘' | '¿' | '¡')
        })
        && byline(text, f.words).is_none()
        && !dates::is_date_line(text, f.words)
        && (f.words <= 5 || sentences::split(without_site_name(text)).len() <= 1)
}

/// "Title | Site", "Title - Site Name": the title without the site's name after the last
/// separator (a short capitalised tail); anything else unchanged.
fn without_site_name(text: &str) -> &str {
    for separator in [" | ", " — ", " – ", " - "] {
        let Some((title, site)) = text.rsplit_once(separator) else {
            continue;
        };
        let site_words: Vec<&str> = site.split_whitespace().collect();
        let named = !site_words.is_empty()
            && site_words.len() <= 4
            && site_words
                .iter()
                .all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()));
        if named && title.split_whitespace().count() >= 2 && !site.ends_with(['.', '?', '!']) {
            return title.trim_end();
        }
    }
    text
}

/// Share bars and menus between a title and its body.
fn is_widget(f: &Features) -> bool {
    f.boilerplate || f.separators > 0
}

/// A title: a short line without a closing full stop, starting with a capital; unless it
/// sits right before a byline or at the top, most longer words are capitalised.
pub fn title_like(unit: &Unit, f: &Features, loose: bool) -> bool {
    let text = &unit.text;
    if f.words == 0
        || f.words > 20
        || text.chars().count() > 150
        || f.boilerplate
        || f.separators > 0
    {
        return false;
    }
    if text.ends_with(['.', ',', ';', ':']) || list_marker(text).is_some() {
        return false;
    }
    if !text.starts_with(|c: char| {
        c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '\'')
    }) {
        return false;
    }
    if byline(text, f.words).is_some() || dates::is_date_line(text, f.words) {
        return false;
    }
    if loose {
        return true;
    }
    let long_words: Vec<&str> = text
        .split(' ')
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .collect();
    let capitalised = long_words
        .iter()
        .filter(|w| w.starts_with(|c: char| c.is_uppercase()))
        .count();
    long_words.len() <= 1 || capitalised * 2 >= long_words.len()
}

/// A standfirst: one sentence of some length.
fn is_dek(unit: &Unit, f: &Features) -> bool {
    (6..=60).contains(&f.words)
        && f.sentence_end
        && !f.boilerplate
        && f.separators == 0
        && sentences::split(&unit.text).len() == 1
}

/// A letter's salutation: "Sir,", "Dear Editor,", "To the editor:".
fn is_salutation(text: &str, words: usize) -> bool {
    (1..=4).contains(&words)
        && text.ends_with([',', ':'])
        && text.starts_with(|c: char| c.is_uppercase())
}

/// Words that may stand before "by" in a byline: "Posted by", "A commentary by",
/// "Delivered by", "Words by" — at most this many.
const BYLINE_LEAD_WORDS: usize = 3;

/// Name words that may be lower-case ("Ursula von der Leyen", "Anna and Tom").
const NAME_PARTICLES: &[&str] = &[
    "and", "&", "de", "del", "della", "di", "da", "van", "von", "der", "den", "la", "le", "du",
    "bin", "al", "ibn",
];

/// A byline ("By Jia Xiudong | NO. 39 SEPTEMBER 24, 2015", "Posted by Sam Ortiz on
/// March 3, 2024", "A commentary by Priya Raman, Department of …", "By Jonah Pereira,
/// Year 11"): "by" (or "by:") after at most a few words, then a capitalised name, which
/// ends at a comma, a separator or the first word that is not part of a name. Returns
/// the name(s) and the date, if the line gives one.
pub fn byline(text: &str, words: usize) -> Option<(String, Option<String>)> {
    if words == 0 || words > 25 || (text.ends_with('.') && words > 8) {
        return None;
    }
    let lower = text.to_ascii_lowercase();
    let after_by = lower
        .match_indices("by")
        .find(|&(at, _)| {
            let before = &lower[..at];
            let word_start = before.is_empty() || before.ends_with(' ');
            let lead = before.split_whitespace().count();
            let next = lower[at + 2..].chars().next();
            word_start && lead <= BYLINE_LEAD_WORDS && matches!(next, Some(' ' | ':'))
        })
        .map(|(at, _)| at + 2)?;
    let rest = text[after_by..].trim_start_matches([':', ' ']);
    let first_end = rest
        .find(['|', '•', '·'])
        .or_else(|| rest.find(" — "))
        .or_else(|| rest.find(" – "))
        .or_else(|| rest.find(" - "))
        .unwrap_or(rest.len());
    let (first, others) = rest.split_at(first_end);
    let date = dates::find(first)
        .or_else(|| dates::find(others))
        .map(|(_, found)| found);
    let mut name_words = Vec::new();
    for word in first.split_whitespace() {
        let bare = word.trim_end_matches([',', ';']);
        let is_name = bare.starts_with(|c: char| c.is_uppercase())
            || (!name_words.is_empty() && NAME_PARTICLES.contains(&bare));
        if !is_name || dates::find(bare).is_some() {
            break;
        }
        name_words.push(bare);
        if bare.len() < word.len() {
            break;
        }
    }
    while name_words
        .last()
        .is_some_and(|w| NAME_PARTICLES.contains(w))
    {
        name_words.pop();
    }
    let valid = !name_words.is_empty() && name_words.len() <= 8;
    valid.then(|| (name_words.join(" "), date))
}
