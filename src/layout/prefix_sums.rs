//! A Fenwick tree of row counts: "first row of block N" and "which block holds row R" in
//! O(log n), with O(log n) updates when a block's height becomes known (lazy wrapping).

#[derive(Debug, Clone, Default)]
pub struct PrefixSums {
    tree: Vec<u64>,
    values: Vec<u32>,
}

impl PrefixSums {
    pub fn new(values: Vec<u32>) -> Self {
        let n = values.len();
        let mut tree = vec![0u64; n + 1];
        for (i, &v) in values.iter().enumerate() {
            tree[i + 1] += u64::from(v);
            let parent = (i + 1) + lowest_bit(i + 1);
            if parent <= n {
                tree[parent] += tree[i + 1];
            }
        }
        PrefixSums { tree, values }
    }

    pub fn get(&self, index: usize) -> u32 {
        self.values[index]
    }

    pub fn set(&mut self, index: usize, value: u32) {
        let old = self.values[index];
        if old == value {
            return;
        }
        self.values[index] = value;
        let mut i = index + 1;
        while i < self.tree.len() {
            self.tree[i] = self.tree[i] + u64::from(value) - u64::from(old);
            i += lowest_bit(i);
        }
    }

    /// Sum of the first `count` values: the first row of block `count`.
    pub fn prefix(&self, count: usize) -> u64 {
        let mut i = count.min(self.values.len());
        let mut sum = 0;
        while i > 0 {
            sum += self.tree[i];
            i -= lowest_bit(i);
        }
        sum
    }

    pub fn total(&self) -> u64 {
        self.prefix(self.values.len())
    }

    /// The block holding `row` and the row's offset inside it; `None` past the end.
    pub fn find(&self, row: u64) -> Option<(usize, u32)> {
        if row >= self.total() {
            return None;
        }
        let mut pos = 0;
        let mut remaining = row;
        let mut step = self.tree.len().next_power_of_two();
        while step > 0 {
            let next = pos + step;
            if next < self.tree.len() && self.tree[next] <= remaining {
                pos = next;
                remaining -= self.tree[next];
            }
            step >>= 1;
        }
        // `pos` blocks hold fewer rows than `row`; zero-height blocks are skipped.
        Some((pos, remaining as u32))
    }
}

fn lowest_bit(i: usize) -> usize {
    i & i.wrapping_neg()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_and_find_agree_with_a_plain_scan() {
        let values = vec![3, 0, 5, 1, 0, 0, 7, 2];
        let mut sums = PrefixSums::new(values.clone());
        for count in 0..=values.len() {
            assert_eq!(
                sums.prefix(count),
                values[..count].iter().map(|&v| v as u64).sum::<u64>()
            );
        }
        let mut row = 0u64;
        for (block, &height) in values.iter().enumerate() {
            for offset in 0..height {
                assert_eq!(sums.find(row), Some((block, offset)));
                row += 1;
            }
        }
        assert_eq!(sums.find(row), None);
        sums.set(1, 4);
        assert_eq!(sums.find(3), Some((1, 0)));
        assert_eq!(sums.total(), 22);
    }
}
