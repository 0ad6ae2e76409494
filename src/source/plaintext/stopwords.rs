//! An English stopword list (function words), written for this project. Stopword
//! density separates prose (around 0.4–0.5) from menus, names and link lists (near 0).

/// Whether `word` (already lower-case, without punctuation) is a stopword.
pub fn is_stopword(word: &str) -> bool {
    matches!(
        word,
        "a" | "about"
            | "above"
            | "across"
            | "after"
            | "again"
            | "against"
            | "all"
            | "almost"
            | "along"
            | "already"
            | "also"
            | "although"
            | "always"
            | "am"
            | "among"
            | "an"
            | "and"
            | "another"
            | "any"
            | "anyone"
            | "anything"
            | "are"
            | "around"
            | "as"
            | "at"
            | "away"
            | "back"
            | "be"
            | "became"
            | "because"
            | "become"
            | "becomes"
            | "been"
            | "before"
            | "behind"
            | "being"
            | "below"
            | "between"
            | "both"
            | "but"
            | "by"
            | "can"
            | "cannot"
            | "could"
            | "did"
            | "do"
            | "does"
            | "doing"
            | "done"
            | "down"
            | "during"
            | "each"
            | "either"
            | "else"
            | "enough"
            | "even"
            | "ever"
            | "every"
            | "few"
            | "for"
            | "from"
            | "further"
            | "get"
            | "gets"
            | "got"
            | "had"
            | "has"
            | "have"
            | "having"
            | "he"
            | "her"
            | "here"
            | "hers"
            | "herself"
            | "him"
            | "himself"
            | "his"
            | "how"
            | "however"
            | "i"
            | "if"
            | "in"
            | "into"
            | "is"
            | "it"
            | "its"
            | "it's"
            | "itself"
            | "just"
            | "least"
            | "less"
            | "like"
            | "made"
            | "make"
            | "many"
            | "may"
            | "me"
            | "might"
            | "more"
            | "most"
            | "much"
            | "must"
            | "my"
            | "myself"
            | "neither"
            | "never"
            | "no"
            | "nor"
            | "not"
            | "nothing"
            | "now"
            | "of"
            | "off"
            | "often"
            | "on"
            | "once"
            | "one"
            | "only"
            | "onto"
            | "or"
            | "other"
            | "others"
            | "otherwise"
            | "our"
            | "ours"
            | "ourselves"
            | "out"
            | "over"
            | "own"
            | "per"
            | "perhaps"
            | "rather"
            | "same"
            | "so"
            | "she"
            | "should"
            | "since"
            | "some"
            | "something"
            | "still"
            | "such"
            | "than"
            | "that"
            | "that's"
            | "the"
            | "their"
            | "theirs"
            | "them"
            | "themselves"
            | "then"
            | "there"
            | "therefore"
            | "these"
            | "they"
            | "this"
            | "those"
            | "though"
            | "through"
            | "thus"
            | "to"
            | "too"
            | "toward"
            | "towards"
            | "under"
            | "unless"
            | "until"
            | "up"
            | "upon"
            | "us"
            | "very"
            | "was"
            | "we"
            | "well"
            | "were"
            | "what"
            | "whatever"
            | "when"
            | "where"
            | "whether"
            | "which"
            | "while"
            | "who"
            | "whom"
            | "whose"
            | "why"
            | "will"
            | "with"
            | "within"
            | "without"
            | "would"
            | "yet"
            | "you"
            | "your"
            | "yours"
            | "yourself"
            | "don't"
            | "doesn't"
            | "didn't"
            | "isn't"
            | "aren't"
            | "wasn't"
            | "weren't"
            | "won't"
            | "can't"
            | "couldn't"
            | "wouldn't"
            | "shouldn't"
            | "there's"
            | "i'm"
            | "we're"
            | "they're"
            | "you're"
            | "he's"
            | "she's"
            | "let"
            | "said"
            | "says"
            | "say"
            | "first"
            | "two"
            | "new"
            | "yes"
            | "via"
            | "instead"
            | "indeed"
            | "whereas"
            | "besides"
            | "beyond"
            | "despite"
            | "unlike"
    )
}

/// Counts the words of `text` and how many are stopwords.
pub fn count(text: &str) -> (usize, usize) {
    let mut words = 0;
    let mut stop = 0;
    let mut buffer = String::new();
    // Split at spaces byte-wise (a space never occurs inside a UTF-8 sequence).
    for word in text.as_bytes().split(|&b| b == b' ') {
        if word.is_ascii() {
            // The same as the general case below, on bytes: ASCII letters and digits
            // are the only alphanumeric ASCII characters.
            let keep = |b: &u8| b.is_ascii_alphanumeric() || *b == b'\'';
            let Some(first) = word.iter().position(keep) else {
                continue;
            };
            let last = word.iter().rposition(keep).unwrap_or(first);
            let core = &word[first..=last];
            words += 1;
            if core.len() > 10 {
                continue;
            }
            let mut lower = [0u8; 10];
            for (slot, b) in lower.iter_mut().zip(core) {
                *slot = b.to_ascii_lowercase();
            }
            if std::str::from_utf8(&lower[..core.len()]).is_ok_and(is_stopword) {
                stop += 1;
            }
            continue;
        }
        // Cut at an ASCII byte, so each piece is whole UTF-8.
        let word = std::str::from_utf8(word).unwrap_or_default();
        let core = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
        if core.is_empty() {
            continue;
        }
        words += 1;
        // No stopword is longer than ten bytes ("themselves").
        if core.len() > 10 {
            continue;
        }
        buffer.clear();
        for c in core.chars() {
            buffer.push(if c == '’' {
                '\''
            } else {
                c.to_ascii_lowercase()
            });
        }
        if is_stopword(&buffer) {
            stop += 1;
        }
    }
    (words, stop)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The character-wise count, for every word: what the byte-wise path must agree with.
    fn count_by_chars(text: &str) -> (usize, usize) {
        let mut words = 0;
        let mut stop = 0;
        for word in text.split(' ') {
            let core = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
            if core.is_empty() {
                continue;
            }
            words += 1;
            let lower: String = core
                .chars()
                .map(|c| {
                    if c == '’' {
                        '\''
                    } else {
                        c.to_ascii_lowercase()
                    }
                })
                .collect();
            if lower.len() <= 10 && is_stopword(&lower) {
                stop += 1;
            }
        }
        (words, stop)
    }

    #[test]
    fn byte_wise_and_character_wise_counts_agree() {
        for text in [
            "The cat sat on THE mat, and (it) didn't move.",
            "Don’t stop -- it's \"themselves\"; themselvesX 'the' '' ' - ...",
            "  leading  and trailing  ",
            "naïve café the über-cool Ünder and Straße",
            "",
            "a",
            "1999 42nd the2 x'y 'tis",
        ] {
            assert_eq!(count(text), count_by_chars(text), "{text:?}");
        }
        assert_eq!(count("The cat and the hat"), (5, 3));
    }
}
