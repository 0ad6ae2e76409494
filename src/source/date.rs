//! Publication dates written the one way counterpoint shows them: "24 September 2015".

pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Normalises a date such as "2015-09-24T08:00:00Z", "2015/09/24", "September 24, 2015",
/// "Sep 24 2015" or "24 Sept. 2015" to "24 September 2015". Text that is not recognised
/// is returned trimmed, as it stands.
pub fn normalize(text: &str) -> String {
    let text = text.trim();
    recognise(text)
        .map(|(day, month, year)| format!("{day} {} {year}", MONTHS[month - 1]))
        .unwrap_or_else(|| text.to_string())
}

/// (day, month 1–12, year) if the text is a recognisable date.
fn recognise(text: &str) -> Option<(u32, usize, u32)> {
    iso(text)
        .or_else(|| words(text))
        .filter(|&(day, month, year)| {
            (1..=31).contains(&day) && (1..=12).contains(&month) && (1000..=9999).contains(&year)
        })
}

/// "YYYY-MM-DD" or "YYYY/MM/DD", optionally followed by a time.
fn iso(text: &str) -> Option<(u32, usize, u32)> {
    let date = text.get(..10)?;
    let bytes = date.as_bytes();
    let sep = bytes[4];
    if !(sep == b'-' || sep == b'/') || bytes[7] != sep {
        return None;
    }
    if text.len() > 10 && !text[10..].starts_with(['T', ' ', 't']) {
        return None;
    }
    let year = date[..4].parse().ok()?;
    let month = date[5..7].parse().ok()?;
    let day = date[8..10].parse().ok()?;
    Some((day, month, year))
}

/// A day, a month name (or its abbreviation) and a year, in either order, with optional
/// weekday, commas, periods and ordinal suffixes.
fn words(text: &str) -> Option<(u32, usize, u32)> {
    let tokens: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .filter(|t| !t.is_empty())
        .collect();
    let mut day = None;
    let mut month = None;
    let mut year = None;
    for token in tokens {
        if let Some(m) = month_number(token) {
            if month.is_some() {
                return None;
            }
            month = Some(m);
            continue;
        }
        let digits = token.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h']);
        if let Ok(n) = digits.parse::<u32>() {
            if digits.len() == 4 && year.is_none() {
                year = Some(n);
            } else if digits.len() <= 2 && day.is_none() {
                day = Some(n);
            } else {
                return None;
            }
        } else if !is_weekday(token) {
            // A time, a zone or other words: not a plain date.
            return None;
        }
    }
    Some((day?, month?, year?))
}

/// A month name or its abbreviation ("Sep", "Sept"), as 1–12.
pub fn month_number(token: &str) -> Option<usize> {
    let lower = token.to_ascii_lowercase();
    if lower.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| {
            let m = m.to_ascii_lowercase();
            m == lower || (m.starts_with(&lower) && (lower.len() == 3 || lower == "sept"))
        })
        .map(|i| i + 1)
}

fn is_weekday(token: &str) -> bool {
    const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    let lower = token.to_ascii_lowercase();
    lower.len() >= 3 && DAYS.iter().any(|d| lower.starts_with(d))
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn forms() {
        for input in [
            "2015-09-24",
            "2015-09-24T08:30:00+08:00",
            "2015/09/24",
            "September 24, 2015",
            "Sep 24 2015",
            "24 Sept. 2015",
            "Thursday, 24th September 2015",
        ] {
            assert_eq!(normalize(input), "24 September 2015", "{input}");
        }
    }

    #[test]
    fn unknown_kept() {
        assert_eq!(normalize(" last spring "), "last spring");
        assert_eq!(normalize("2015-13-40"), "2015-13-40");
    }
}
