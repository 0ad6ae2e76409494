//! How an item of one article treats the claim of the other it addresses: from the kind
//! of item it is and the cues of its sentence.

use super::Relation;

/// What the answering sentence is in its own article's map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Key,
    Counter,
    /// A sentence that rebuts one of its article's counterclaims.
    Rebuttal,
}

/// Phrases that grant the other side a point.
const CONCESSION: &[&str] = &[
    "it is true",
    "it's true",
    "granted",
    "admittedly",
    "to be sure",
    "i concede",
    "we concede",
    "i grant",
    "fair point",
    "has a point",
    "is right that",
    "are right that",
    "rightly",
];

/// Phrases that assert the same position as the other side.
const AGREEMENT: &[&str] = &[
    "i agree",
    "we agree",
    "agrees",
    "i share",
    "as she says",
    "as he says",
    "as they say",
    "is correct",
    "quite right",
];

/// Phrases that deny or attack the other side's claim.
const OPPOSITION: &[&str] = &[
    "wrong",
    "mistaken",
    "mistake",
    "false",
    "fallacy",
    "myth",
    "nonsense",
    "misguided",
    "misleading",
    "fails",
    "will fail",
    "no reason",
    "not true",
    "error",
    "ignores",
    "overlooks",
    "on the contrary",
    "in fact",
    "rather",
];

/// Whether `text` (any case) holds one of `phrases` as whole words.
pub fn has_cue(text: &str, phrases: &[&str]) -> bool {
    let lower = format!(" {} ", squeeze(text));
    phrases.iter().any(|p| lower.contains(&format!(" {p} ")))
}

fn squeeze(text: &str) -> String {
    super::evidence::squeeze(text)
}

pub fn conceding(text: &str) -> bool {
    has_cue(text, CONCESSION)
}

pub fn agreeing(text: &str) -> bool {
    has_cue(text, AGREEMENT)
}

pub fn opposing(text: &str) -> bool {
    has_cue(text, OPPOSITION)
}

/// The relation of an answering sentence (`unit`, its text) to the claim it addresses.
/// `negation_differs`: one of the two is negated and the other not; `opposed`: the
/// answering article takes the other's author or title to task somewhere.
pub fn classify(unit: Unit, text: &str, negation_differs: bool, opposed: bool) -> Relation {
    match unit {
        _ if conceding(text) => Relation::Concedes,
        // A counterclaim presents the other side's position.
        Unit::Counter => Relation::Restates,
        Unit::Rebuttal => Relation::Rebuts,
        Unit::Key if agreeing(text) => Relation::Agrees,
        Unit::Key if negation_differs || opposing(text) || opposed => Relation::Rebuts,
        Unit::Key => Relation::Agrees,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_cues_decide() {
        let plain = "A congestion charge would cut traffic.";
        assert_eq!(
            classify(Unit::Counter, plain, false, true),
            Relation::Restates
        );
        assert_eq!(
            classify(Unit::Rebuttal, plain, false, false),
            Relation::Rebuts
        );
        assert_eq!(classify(Unit::Key, plain, true, false), Relation::Rebuts);
        assert_eq!(classify(Unit::Key, plain, false, false), Relation::Agrees);
        assert_eq!(classify(Unit::Key, plain, false, true), Relation::Rebuts);
        let granted = "It is true that traffic is bad downtown.";
        assert_eq!(
            classify(Unit::Counter, granted, false, true),
            Relation::Concedes
        );
        assert_eq!(classify(Unit::Key, granted, true, true), Relation::Concedes);
        let agreed = "I agree that the buses need money.";
        assert_eq!(classify(Unit::Key, agreed, false, true), Relation::Agrees);
        assert!(opposing("Hale is simply wrong about this."));
        assert!(!opposing("The wrongly parked cars."));
    }
}
