//! Transcripts: who speaks each paragraph of a debate or interview written as
//! "NAME: words" turns.
//!
//! Whose voice a sentence is in decides everything else in a transcript: the side that
//! speaks first (after any moderator) is taken as the author, as in a debate where the
//! proposer opens; the other side's statements are positions the author answers, and the
//! moderator's words are neither claim nor counterclaim.

/// Who speaks a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Turn {
    /// The side whose argument the map shows.
    Author,
    /// Another debater.
    Opponent,
    /// Host, chair, moderator, interviewer.
    Moderator,
}

/// Labelled paragraphs needed before a text is read as a transcript.
const MIN_TURNS: usize = 3;
/// Words in a speaker label at most ("DR. ANNA MARIE OKAFOR (host)").
const MAX_LABEL_WORDS: usize = 6;

/// Words in a label that mark the moderator.
const MODERATOR_WORDS: &[&str] = &[
    "moderator",
    "host",
    "chair",
    "chairman",
    "chairwoman",
    "chairperson",
    "presenter",
    "interviewer",
    "anchor",
    "q",
];

/// The speaker of each of `paragraphs` (texts in reading order), or `None` if the text is
/// not a transcript. A paragraph without a label continues the turn before it.
pub fn turns<'a>(paragraphs: impl Iterator<Item = &'a str>) -> Option<Vec<Option<Turn>>> {
    let labels: Vec<Option<Label>> = paragraphs.map(label).collect();
    let labelled: Vec<&Label> = labels.iter().flatten().collect();
    if labelled.len() < MIN_TURNS {
        return None;
    }
    let mut names: Vec<&str> = Vec::new();
    for l in &labelled {
        if !names.contains(&l.name.as_str()) {
            names.push(&l.name);
        }
    }
    if names.len() < 2 {
        return None;
    }
    let marked_moderator = labelled
        .iter()
        .find(|l| l.moderator)
        .map(|l| l.name.as_str());
    // Unmarked, a third voice that opens the proceedings chairs them.
    let moderator = marked_moderator.or_else(|| (names.len() >= 3).then_some(names[0]));
    let author = names.iter().copied().find(|n| Some(*n) != moderator)?;

    let mut current = None;
    Some(
        labels
            .iter()
            .map(|l| {
                if let Some(l) = l {
                    current = Some(if Some(l.name.as_str()) == moderator {
                        Turn::Moderator
                    } else if l.name == author {
                        Turn::Author
                    } else {
                        Turn::Opponent
                    });
                }
                current
            })
            .collect(),
    )
}

struct Label {
    /// The name, upper-cased, without any role in parentheses.
    name: String,
    moderator: bool,
}

/// "ROSA DELGADO:", "Lena Hart (moderator):", "Q:" at the start of a paragraph. In an
/// interview "Q:" is the interviewer's, so "A:" is the author.
fn label(paragraph: &str) -> Option<Label> {
    let head = paragraph.get(..paragraph.len().min(80))?;
    let colon = head.find(':')?;
    let raw = head[..colon].trim();
    if raw.is_empty() || raw.split_whitespace().count() > MAX_LABEL_WORDS {
        return None;
    }
    let (name, role) = match raw.split_once('(') {
        Some((name, role)) => (name.trim(), role.trim_end_matches(')')),
        None => (raw, ""),
    };
    let name_ok = !name.is_empty()
        && name.split_whitespace().all(|w| {
            w.starts_with(|c: char| c.is_uppercase())
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\''))
        });
    if !name_ok {
        return None;
    }
    let is_moderator_word = |w: &str| {
        MODERATOR_WORDS
            .iter()
            .any(|m| m.eq_ignore_ascii_case(w.trim_matches(|c: char| !c.is_alphabetic())))
    };
    Some(Label {
        name: name.to_uppercase(),
        moderator: role.split_whitespace().any(is_moderator_word)
            || name.split_whitespace().any(is_moderator_word),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debate_with_a_marked_moderator() {
        let paragraphs = [
            "ANA RUIZ (moderator): Welcome. Tonight's motion is that the county should ban cars.",
            "TOM BELL: Thank you. The county should ban cars from the centre.",
            "ANA RUIZ: Ms Kerr.",
            "JO KERR: Thank you. A ban would ruin the shops.",
            "It would also hurt the elderly.",
            "TOM BELL: It would not.",
        ];
        let turns = turns(paragraphs.into_iter()).expect("a transcript");
        use Turn::*;
        assert_eq!(
            turns,
            [
                Some(Moderator),
                Some(Author),
                Some(Moderator),
                Some(Opponent),
                Some(Opponent),
                Some(Author)
            ]
        );
    }

    #[test]
    fn unmarked_opening_voice_of_three_chairs() {
        let paragraphs = [
            "Sam Hill: Good evening.",
            "Ria Das: I propose the motion.",
            "Sam Hill: And the reply?",
            "Lee Ong: I oppose it.",
        ];
        let turns = turns(paragraphs.into_iter()).unwrap();
        assert_eq!(turns[0], Some(Turn::Moderator));
        assert_eq!(turns[1], Some(Turn::Author));
        assert_eq!(turns[3], Some(Turn::Opponent));
    }

    #[test]
    fn prose_with_colons_is_not_a_transcript() {
        let paragraphs = [
            "The answer is simple: build more homes.",
            "Consider the numbers: rents rose by a third.",
            "Note: this essay uses public data.",
            "One thing is clear: we must act.",
        ];
        assert!(turns(paragraphs.into_iter()).is_none());
    }
}
