//! Whether a text reads as English, the only language the detector knows: a cheap and
//! honest check on a sample of the body. English prose is about two fifths function words
//! ("the", "of", "and", "to", …); German, French, Hebrew or Chinese text has hardly any of
//! these, and text in another script has few Latin letters at all.

use super::Document;

/// Words of the body looked at, at most.
const SAMPLE_WORDS: usize = 5000;
/// Below this share of English function words among the words, a text is not English
/// (English prose: 0.35–0.5; German, French, Spanish: under 0.1).
const MIN_FUNCTION_SHARE: f32 = 0.15;
/// Below this share of Latin letters among the letters, a text is not English.
const MIN_LATIN_SHARE: f32 = 0.5;

/// Common English function words that are rarely words of other Latin-script languages.
const FUNCTION_WORDS: &[&str] = &[
    "the", "of", "and", "to", "is", "that", "it", "for", "with", "was", "by", "be", "are", "this",
    "not", "or", "from", "at", "have", "has", "but", "which", "they", "their", "we", "you", "he",
    "she", "his", "her", "its", "will", "would", "can", "should", "there", "been", "were", "more",
    "than", "if", "all", "also", "about", "these", "those", "who", "what", "when", "our", "do",
    "i", "a", "an", "on", "as", "in", "no", "so", "must", "could", "them", "us", "my", "your",
    "into", "only", "other", "such", "may",
];

/// Whether `doc`'s body reads as English (a document without words does).
pub fn reads_as_english(doc: &Document) -> bool {
    let (mut latin, mut letters) = (0usize, 0usize);
    let (mut function, mut words) = (0usize, 0usize);
    'paragraphs: for p in 0..doc.paragraphs.len() {
        if doc.paragraphs[p].kind.is_verbatim() {
            continue;
        }
        for word in doc
            .paragraph_text(p)
            .split(|c: char| !c.is_alphabetic() && c != '\'')
        {
            let word = word.trim_matches('\'');
            if word.is_empty() {
                continue;
            }
            for c in word.chars() {
                letters += 1;
                latin +=
                    usize::from(c.is_ascii_alphabetic() || ('\u{C0}'..='\u{24F}').contains(&c));
            }
            words += 1;
            let lower = word.to_lowercase();
            function += usize::from(FUNCTION_WORDS.contains(&lower.as_str()));
            if words >= SAMPLE_WORDS {
                break 'paragraphs;
            }
        }
    }
    if letters == 0 {
        return true;
    }
    latin as f32 >= letters as f32 * MIN_LATIN_SHARE
        && function as f32 >= words as f32 * MIN_FUNCTION_SHARE
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Metadata;

    fn reads(text: &str) -> bool {
        let paragraphs: Vec<&str> = text.split("\n\n").collect();
        reads_as_english(&Document::from_paragraphs(Metadata::default(), &paragraphs))
    }

    #[test]
    fn english_and_other_languages() {
        assert!(reads(
            "The council should fund the library, because reading matters to everyone in \
             the town.\n\nCritics say it is too expensive, but they forget the cost of doing \
             nothing."
        ));
        assert!(!reads(
            "Die Bahn ist das Rückgrat einer klimafreundlichen Mobilität. Wer heute in \
             Schienen investiert, spart morgen Kosten und Emissionen.\n\nKritiker sagen, der \
             Ausbau sei zu teuer. Doch die Rechnung übersieht die Folgekosten."
        ));
        assert!(!reads(
            "La ville doit financer la bibliothèque, car la lecture compte pour tous. Les \
             critiques disent que cela coûte trop cher."
        ));
        assert!(!reads(
            "החינוך הוא המפתח לעתיד טוב יותר. עלינו להשקיע בבתי הספר ובמורים."
        ));
        assert!(!reads(
            "التعليم هو مفتاح المستقبل. يجب أن نستثمر في المدارس."
        ));
        assert!(!reads("图书馆对每个人都很重要。我们应该资助图书馆。"));
        assert!(reads("1234 5678"));
    }
}
