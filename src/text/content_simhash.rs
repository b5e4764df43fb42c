//! The near-duplicate badge: the `simhash` crate's SimHash of a text's narrative content words,
//! counted while the analysis meets them.
//!
//! The crate's SimHash adds every word's 64-bit hash, bit by bit, into 64 counters (one up for a
//! set bit, one down for a clear one) and sets the bits whose counter ends above zero: a SipHash
//! and 64 counter updates for every word, as costly as the rest of fingerprinting together on a
//! processor without AVX2. The same sum is taken here in another order, for the same result bit
//! for bit (tests compare the two):
//! * each word's hash is asked of the crate once per thread and remembered beside the word's
//!   stem (the crate's SimHash of a single word is that word's hash: every counter ends at +1 or
//!   −1), and added where the analysis looks the word's stem up, while its entry is at hand;
//! * the set bits are counted by [`BitCounts`], a few instructions per word;
//! * the words of wire credits, which are found only once every word has been looked up, are
//!   taken out of the count again ([`BitCounts::remove`]).

/// How many of the 64-bit values added had each bit set: 64 counters kept bit-sliced, plane `k`
/// holding binary digit `k` of every counter, so adding a value is a ripple of its carries
/// through the planes (two steps on average) rather than 64 separate increments.
#[derive(Debug, Default, Clone)]
pub(crate) struct BitCounts {
    planes: [u64; 32],
    added: u64,
}

impl BitCounts {
    /// Counts the set bits of `value`.
    #[inline]
    pub(crate) fn add(&mut self, value: u64) {
        self.added += 1;
        let mut carry = value;
        for plane in &mut self.planes {
            let next = *plane & carry;
            *plane ^= carry;
            carry = next;
            if carry == 0 {
                break;
            }
        }
    }

    /// Takes back a `value` added before: each counter of a set bit goes down by one, a ripple of
    /// borrows. (A value never added would wrap the counters; callers remove only what they
    /// added.)
    pub(crate) fn remove(&mut self, value: u64) {
        self.added -= 1;
        let mut borrow = value;
        for plane in &mut self.planes {
            let next = !*plane & borrow;
            *plane ^= borrow;
            borrow = next;
            if borrow == 0 {
                break;
            }
        }
    }

    /// Adds the counts of `other` to these: each counter's binary digits, plane by plane, with
    /// the carries of a binary adder.
    pub(crate) fn add_counts(&mut self, other: &BitCounts) {
        let mut carry = 0u64;
        for (plane, &digit) in self.planes.iter_mut().zip(&other.planes) {
            let sum = *plane ^ digit ^ carry;
            carry = (*plane & digit) | (carry & (*plane ^ digit));
            *plane = sum;
        }
        self.added += other.added;
    }

    /// The bits set in more than half of the values added (the SimHash's rule: a counter that
    /// went up more often than down). Texts are far below the 2³² values the planes can count.
    pub(crate) fn majority(&self) -> u64 {
        // All 64 counters are compared with `added / 2 + 1` at once, bit-sliced too: from the
        // highest binary digit down, `above` gathers the counters known to be greater and `equal`
        // those equal so far.
        let least = self.added / 2 + 1;
        let (mut above, mut equal) = (0u64, u64::MAX);
        for (k, &plane) in self.planes.iter().enumerate().rev() {
            if least >> k & 1 == 1 {
                equal &= plane;
            } else {
                above |= equal & plane;
                equal &= !plane;
            }
        }
        above | equal
    }
}

/// The words' hashes counted in two [`BitCounts`], every other word in each: a count's carries
/// wait on its last word's, so two let the processor work on two words at once.
#[derive(Debug, Default)]
pub(crate) struct PairedCounts {
    counts: [BitCounts; 2],
    next: usize,
}

impl PairedCounts {
    /// Counts the set bits of `value`.
    #[inline]
    pub(crate) fn add(&mut self, value: u64) {
        self.counts[self.next].add(value);
        self.next ^= 1;
    }

    /// Both counts in one.
    pub(crate) fn total(self) -> BitCounts {
        let [mut all, other] = self.counts;
        all.add_counts(&other);
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The majority of each bit over `values`, counted plainly.
    fn majority_of(values: &[u64]) -> u64 {
        (0..64).fold(0u64, |m, bit| {
            let set = values.iter().filter(|&&v| v >> bit & 1 == 1).count();
            if 2 * set > values.len() {
                m | 1 << bit
            } else {
                m
            }
        })
    }

    #[test]
    fn bit_counts_count_every_bit() {
        let values = [u64::MAX, 0, 1 << 63 | 1, 0x00ff_00ff_00ff_00ff, u64::MAX];
        let mut counts = BitCounts::default();
        for v in values {
            counts.add(v);
        }
        // Bit 0 and 63 are set in 3 of 5, bits 1..=7 in 3 of 5, bits 8..=15 in 2 of 5.
        let want = majority_of(&values);
        assert_eq!(counts.majority(), want);
        assert_eq!(want & 0xffff, 0x00ff);
    }

    #[test]
    fn removing_takes_a_value_back_out_of_paired_counts() {
        let values: Vec<u64> = (0..41u64).map(|i| crate::hash::mix(i ^ 0x5eed)).collect();
        let mut paired = PairedCounts::default();
        for &v in &values {
            paired.add(v);
        }
        let mut total = paired.total();
        assert_eq!(total.majority(), majority_of(&values));
        // Taken out of the total, whichever of the two counts each value went to; values with
        // every bit set or clear carry and borrow through the planes.
        let mut kept = values.clone();
        for v in [values[3], values[4], values[40]] {
            total.remove(v);
            kept.retain(|&k| k != v);
            assert_eq!(total.majority(), majority_of(&kept));
        }
        for v in [u64::MAX, 0, u64::MAX] {
            total.add(v);
            kept.push(v);
        }
        total.remove(u64::MAX);
        kept.pop();
        assert_eq!(total.majority(), majority_of(&kept));
    }
}
