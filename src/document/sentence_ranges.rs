//! The sentences of one paragraph, as byte ranges relative to its text. A long article has
//! about a million sentences, so they are kept as 32-bit pairs in an allocation of the
//! exact size (8 bytes a sentence where a `Vec<Range<usize>>` took 16 and its spare room);
//! a paragraph of 4 GiB or more keeps full-width ranges.

use std::fmt;
use std::ops::Range;

#[derive(Clone, PartialEq, Eq)]
pub enum SentenceRanges {
    Narrow(Box<[[u32; 2]]>),
    Wide(Box<[Range<usize>]>),
}

impl Default for SentenceRanges {
    fn default() -> Self {
        SentenceRanges::Narrow(Box::default())
    }
}

impl SentenceRanges {
    pub fn len(&self) -> usize {
        match self {
            SentenceRanges::Narrow(pairs) => pairs.len(),
            SentenceRanges::Wide(ranges) => ranges.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The range of sentence `i`, if there is one.
    pub fn get(&self, i: usize) -> Option<Range<usize>> {
        match self {
            SentenceRanges::Narrow(pairs) => pairs
                .get(i)
                .map(|&[start, end]| start as usize..end as usize),
            SentenceRanges::Wide(ranges) => ranges.get(i).cloned(),
        }
    }

    /// The range of sentence `i`. Panics when there is no such sentence, like indexing.
    pub fn range(&self, i: usize) -> Range<usize> {
        self.get(i)
            .unwrap_or_else(|| panic!("sentence {i} of a paragraph of {} sentences", self.len()))
    }

    pub fn last(&self) -> Option<Range<usize>> {
        self.len().checked_sub(1).and_then(|i| self.get(i))
    }

    /// The number of sentences, from the first, for which `pred` holds (it holds for a
    /// first part and not after), as [`slice::partition_point`].
    pub fn partition_point(&self, pred: impl Fn(Range<usize>) -> bool) -> usize {
        match self {
            SentenceRanges::Narrow(pairs) => {
                pairs.partition_point(|&[start, end]| pred(start as usize..end as usize))
            }
            SentenceRanges::Wide(ranges) => ranges.partition_point(|r| pred(r.clone())),
        }
    }

    /// Replaces the sentences from `from` on with `tail` (a paragraph that goes on in the
    /// next part of a streamed file). The cost is that of `tail`, not of the paragraph.
    pub fn replace_from(&mut self, from: usize, tail: impl IntoIterator<Item = Range<usize>>) {
        let tail: Vec<Range<usize>> = tail.into_iter().collect();
        let narrow = |r: &Range<usize>| -> Option<[u32; 2]> {
            Some([u32::try_from(r.start).ok()?, u32::try_from(r.end).ok()?])
        };
        *self = match std::mem::take(self) {
            SentenceRanges::Narrow(pairs) => {
                match tail.iter().map(narrow).collect::<Option<Vec<_>>>() {
                    Some(added) => {
                        let mut pairs = pairs.into_vec();
                        pairs.truncate(from);
                        pairs.extend(added);
                        SentenceRanges::Narrow(pairs.into_boxed_slice())
                    }
                    None => {
                        let mut ranges: Vec<Range<usize>> =
                            pairs.iter().map(|&[s, e]| s as usize..e as usize).collect();
                        ranges.truncate(from);
                        ranges.extend(tail);
                        SentenceRanges::Wide(ranges.into_boxed_slice())
                    }
                }
            }
            SentenceRanges::Wide(ranges) => {
                let mut ranges = ranges.into_vec();
                ranges.truncate(from);
                ranges.extend(tail);
                SentenceRanges::Wide(ranges.into_boxed_slice())
            }
        };
    }

    pub fn iter(&self) -> impl DoubleEndedIterator<Item = Range<usize>> + ExactSizeIterator + '_ {
        (0..self.len()).map(|i| self.range(i))
    }
}

impl From<Vec<Range<usize>>> for SentenceRanges {
    fn from(ranges: Vec<Range<usize>>) -> Self {
        let narrow =
            |r: &Range<usize>| Some([u32::try_from(r.start).ok()?, u32::try_from(r.end).ok()?]);
        match ranges
            .iter()
            .map(narrow)
            .collect::<Option<Box<[[u32; 2]]>>>()
        {
            Some(pairs) => SentenceRanges::Narrow(pairs),
            None => SentenceRanges::Wide(ranges.into_boxed_slice()),
        }
    }
}

impl FromIterator<Range<usize>> for SentenceRanges {
    fn from_iter<I: IntoIterator<Item = Range<usize>>>(ranges: I) -> Self {
        ranges.into_iter().collect::<Vec<_>>().into()
    }
}

/// As the list of ranges it stands for.
impl fmt::Debug for SentenceRanges {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_come_back_as_given() {
        let given = vec![0..10, 11..25, 26..26];
        let ranges = SentenceRanges::from(given.clone());
        assert!(matches!(ranges, SentenceRanges::Narrow(_)));
        assert_eq!(ranges.len(), 3);
        assert_eq!(ranges.iter().collect::<Vec<_>>(), given);
        assert_eq!(ranges.range(1), 11..25);
        assert_eq!(ranges.get(3), None);
        assert_eq!(ranges.last(), Some(26..26));
        assert_eq!(format!("{ranges:?}"), "[0..10, 11..25, 26..26]");
        assert!(SentenceRanges::default().is_empty());
    }

    #[test]
    fn offsets_past_four_gibibytes_keep_their_width() {
        let far = u32::MAX as usize + 10;
        let given = vec![0..5, 6..far];
        let ranges: SentenceRanges = given.clone().into_iter().collect();
        assert!(matches!(ranges, SentenceRanges::Wide(_)));
        assert_eq!(ranges.iter().collect::<Vec<_>>(), given);
    }

    #[test]
    fn a_tail_replaces_the_sentences_from_where_it_starts() {
        let mut ranges = SentenceRanges::from(vec![0..4, 5..9, 10..12]);
        ranges.replace_from(2, [10..20, 21..30]);
        assert_eq!(
            ranges.iter().collect::<Vec<_>>(),
            [0..4, 5..9, 10..20, 21..30]
        );
        let far = u32::MAX as usize + 1;
        ranges.replace_from(4, [31..far]);
        assert!(matches!(ranges, SentenceRanges::Wide(_)));
        assert_eq!(ranges.len(), 5);
        assert_eq!(ranges.last(), Some(31..far));
        ranges.replace_from(9, []);
        assert_eq!(ranges.len(), 5);
    }

    #[test]
    #[should_panic(expected = "sentence 2 of a paragraph of 2 sentences")]
    fn a_missing_sentence_panics_like_indexing() {
        SentenceRanges::from(vec![0..1, 2..3]).range(2);
    }
}
