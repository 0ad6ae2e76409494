//! Where the first cue of each kind starts in a sentence, in two bytes an offset when the
//! sentence is shorter than 64 KiB (nearly every sentence) and four, boxed, otherwise.
//!
//! Why: the detector holds a feature record for every sentence of the document while it
//! runs (hundreds of thousands on a 60 MB article), and these offsets were over half of
//! it. Every offset reads back exactly as it was recorded, whatever the sentence's length.

use super::super::lexicon::KINDS;
use super::NONE;

/// "No match of this kind" in the two-byte form: no offset in a sentence shorter than
/// `NARROW_NONE` bytes reaches it.
const NARROW_NONE: u16 = u16::MAX;

#[derive(Debug, Clone)]
pub enum Offsets {
    Narrow([u16; KINDS]),
    Wide(Box<[u32; KINDS]>),
}

impl Default for Offsets {
    fn default() -> Self {
        Offsets::Narrow([NARROW_NONE; KINDS])
    }
}

impl Offsets {
    /// No offsets yet, for a sentence of `len` bytes.
    pub fn for_sentence(len: usize) -> Offsets {
        if len < usize::from(NARROW_NONE) {
            Offsets::default()
        } else {
            Offsets::Wide(Box::new([NONE; KINDS]))
        }
    }

    /// The offset of kind `k` ([`NONE`] if none).
    pub fn get(&self, k: usize) -> u32 {
        match self {
            Offsets::Narrow(at) if at[k] == NARROW_NONE => NONE,
            Offsets::Narrow(at) => u32::from(at[k]),
            Offsets::Wide(at) => at[k],
        }
    }

    /// Sets the offset of kind `k`, which must be inside the sentence it was made for.
    pub fn set(&mut self, k: usize, offset: usize) {
        match self {
            Offsets::Narrow(at) => {
                at[k] = u16::try_from(offset)
                    .ok()
                    .filter(|&o| o != NARROW_NONE)
                    .expect("an offset inside a sentence shorter than 64 KiB")
            }
            Offsets::Wide(at) => at[k] = offset as u32,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_read_back_as_set_in_short_and_long_sentences() {
        for len in [
            0,
            10,
            usize::from(NARROW_NONE) - 1,
            usize::from(NARROW_NONE),
            1 << 20,
        ] {
            let mut offsets = Offsets::for_sentence(len);
            assert!((0..KINDS).all(|k| offsets.get(k) == NONE), "{len}");
            let last = len.saturating_sub(1);
            offsets.set(0, 0);
            offsets.set(1, last);
            offsets.set(2, last / 2);
            assert_eq!(
                [
                    offsets.get(0),
                    offsets.get(1),
                    offsets.get(2),
                    offsets.get(3)
                ],
                [0, last as u32, (last / 2) as u32, NONE],
                "{len}"
            );
        }
    }

    #[test]
    fn a_sentence_of_64_kib_or_more_keeps_four_byte_offsets() {
        assert!(matches!(Offsets::for_sentence(70_000), Offsets::Wide(_)));
        assert!(matches!(Offsets::for_sentence(100), Offsets::Narrow(_)));
    }

    #[test]
    fn the_two_byte_form_is_small() {
        assert!(size_of::<Offsets>() <= 40);
    }
}
