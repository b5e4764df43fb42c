//! Golomb-coded sets: an original's whole vocabulary in about 6.5 bits per word.
//!
//! A list stores each original's distinct content words so that the share of a *page's*
//! vocabulary found in an original can be measured exactly rather than estimated from a sample:
//! the one measure that separates reworded copies from independent reports where samples are too
//! noisy (Urdu agency copy, student paraphrases). Membership is all that is needed, so the set is
//! probabilistic: each of the `n` keys is mapped into `[0, n · 2^P)`, the mapped values are sorted,
//! and their gaps are Rice-coded with a `P`-bit remainder. A key not in the set is reported present
//! with probability about `2^-P` (1/32 here), which adds a small, uniform bias to every pair.

/// Remainder bits: the false-positive rate is about `2^-P`.
pub const P: u32 = 5;
/// Largest vocabulary stored per original; longer texts keep the keys below a threshold.
pub const MAX_WORDS: usize = 1024;

/// Maps `key` into the value range of a set of `n` keys.
#[inline]
pub fn map(key: u32, n: usize) -> u32 {
    ((u64::from(key) * ((n as u64) << P)) >> 32) as u32
}

/// Encodes distinct `keys` (any order). Returns the bytes and the number of keys encoded.
pub fn encode(keys: &[u32]) -> (Vec<u8>, usize) {
    let n = keys.len();
    let mut values: Vec<u32> = keys.iter().map(|&k| map(k, n)).collect();
    values.sort_unstable();
    let mut w = BitWriter::default();
    let mut prev = 0u32;
    for v in values {
        let delta = v - prev;
        prev = v;
        // The quotient in unary (that many ones, then a zero), then the remainder.
        let mut q = delta >> P;
        while q >= 32 {
            w.push(u32::MAX, 32);
            q -= 32;
        }
        w.push(((1u32 << q) - 1) << 1, q + 1);
        w.push(delta & ((1 << P) - 1), P);
    }
    (w.finish(), n)
}

/// Decodes a set of `n` values from `bytes`; `None` if the bytes run out first or a value
/// would leave the set's range (a damaged list).
pub fn decode(bytes: &[u8], n: usize) -> Option<Vec<u32>> {
    let limit = (n as u64) << P;
    let mut out = Vec::with_capacity(n.min(MAX_WORDS));
    let mut r = BitReader { bytes, at: 0 };
    let mut prev = 0u64;
    for _ in 0..n {
        let mut q = 0u64;
        loop {
            // A window holds at least 57 real bits: a run of ones longer than 56 is taken in steps.
            let ones = r.window().leading_ones().min(56);
            q += u64::from(ones);
            if q > limit >> P {
                return None;
            }
            if ones < 56 {
                r.skip(ones + 1)?;
                break;
            }
            r.skip(56)?;
        }
        let rem = r.window() >> (64 - P);
        r.skip(P)?;
        prev += q << P | rem;
        if prev >= limit {
            return None;
        }
        out.push(prev as u32);
    }
    Some(out)
}

/// Writes bits most significant first.
#[derive(Default)]
struct BitWriter {
    bytes: Vec<u8>,
    /// Bits not yet written out, in the low `pending` bits.
    acc: u64,
    pending: u32,
}

impl BitWriter {
    /// Appends the low `count` (at most 32) bits of `value`.
    fn push(&mut self, value: u32, count: u32) {
        self.acc = self.acc << count | u64::from(value) & ((1u64 << count) - 1);
        self.pending += count;
        while self.pending >= 8 {
            self.pending -= 8;
            self.bytes.push((self.acc >> self.pending) as u8);
        }
    }

    /// The bytes, the last one padded with zeros.
    fn finish(mut self) -> Vec<u8> {
        if self.pending > 0 {
            self.bytes.push((self.acc << (8 - self.pending)) as u8);
        }
        self.bytes
    }
}

/// Reads bits most significant first.
struct BitReader<'a> {
    bytes: &'a [u8],
    /// Bits read so far.
    at: usize,
}

impl BitReader<'_> {
    /// The next 64 bits (zeros past the end; the last `at % 8` are always zeros).
    fn window(&self) -> u64 {
        let mut word = [0u8; 8];
        let rest = self.bytes.get(self.at / 8..).unwrap_or_default();
        let len = rest.len().min(8);
        word[..len].copy_from_slice(&rest[..len]);
        u64::from_be_bytes(word) << (self.at % 8)
    }

    /// Moves past `bits` bits; `None` if that goes beyond the end.
    fn skip(&mut self, bits: u32) -> Option<()> {
        self.at += bits as usize;
        (self.at <= self.bytes.len() * 8).then_some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hash::{fnv1a, mix};

    /// The format written out a bit at a time, as plainly as it is specified.
    fn encode_bitwise(keys: &[u32]) -> Vec<u8> {
        let mut values: Vec<u32> = keys.iter().map(|&k| map(k, keys.len())).collect();
        values.sort_unstable();
        let mut bits = Vec::new();
        let mut prev = 0;
        for v in values {
            let delta = v - prev;
            prev = v;
            bits.extend(std::iter::repeat_n(1u8, (delta >> P) as usize));
            bits.push(0);
            bits.extend((0..P).rev().map(|i| ((delta >> i) & 1) as u8));
        }
        bits.chunks(8)
            .map(|c| {
                c.iter()
                    .enumerate()
                    .fold(0u8, |b, (i, &bit)| b | bit << (7 - i))
            })
            .collect()
    }

    /// Reads the format a bit at a time.
    fn decode_bitwise(bytes: &[u8], n: usize) -> Option<Vec<u32>> {
        let limit = (n as u64) << P;
        let mut bits = bytes
            .iter()
            .flat_map(|b| (0..8).rev().map(move |i| (b >> i) & 1));
        let (mut out, mut prev) = (Vec::new(), 0u64);
        for _ in 0..n {
            let mut q = 0u64;
            while bits.next()? == 1 {
                q += 1;
                if q > limit >> P {
                    return None;
                }
            }
            let mut rem = 0u64;
            for _ in 0..P {
                rem = rem << 1 | u64::from(bits.next()?);
            }
            prev += q << P | rem;
            if prev >= limit {
                return None;
            }
            out.push(prev as u32);
        }
        Some(out)
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// Keys bunched at both ends of the hash range leave gaps whose unary part is longer
        /// than a machine word; the word-at-a-time coder must agree with the bitwise one.
        #[test]
        fn coding_matches_the_bitwise_definition(
            low in proptest::collection::vec(0u32..1 << 20, 0..120),
            high in proptest::collection::vec(u32::MAX - (1 << 20)..=u32::MAX, 0..5),
        ) {
            let mut keys = low;
            keys.extend(high);
            keys.sort_unstable();
            keys.dedup();
            let (bytes, n) = encode(&keys);
            proptest::prop_assert_eq!(&bytes, &encode_bitwise(&keys));
            proptest::prop_assert_eq!(decode(&bytes, n), decode_bitwise(&bytes, n));
            let mut values: Vec<u32> = keys.iter().map(|&k| map(k, n)).collect();
            values.sort_unstable();
            proptest::prop_assert_eq!(decode(&bytes, n), Some(values));
        }

        /// Damaged or hostile bytes decode (or fail to) exactly as the bitwise reader says.
        #[test]
        fn damaged_sets_fail_as_the_bitwise_reader_does(
            bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..40),
            n in 0usize..80,
        ) {
            proptest::prop_assert_eq!(decode(&bytes, n), decode_bitwise(&bytes, n));
        }
    }

    #[test]
    fn members_are_found_and_strangers_mostly_not() {
        let keys: Vec<u32> = (0..300u64).map(|i| (mix(i) >> 32) as u32).collect();
        let (bytes, n) = encode(&keys);
        assert!(
            bytes.len() * 8 <= n * (P as usize + 2) + 8,
            "{} bytes",
            bytes.len()
        );
        let set = decode(&bytes, n).unwrap();
        for &k in &keys {
            assert!(set.binary_search(&map(k, n)).is_ok());
        }
        let strangers = (1000..11_000u64)
            .filter(|&i| set.binary_search(&map((mix(i) >> 32) as u32, n)).is_ok())
            .count();
        assert!(strangers < 10_000 / 20, "false positives: {strangers}");
    }

    #[test]
    fn empty_and_damaged_sets() {
        let (bytes, n) = encode(&[]);
        assert_eq!(decode(&bytes, n), Some(vec![]));
        let (bytes, n) = encode(&[(fnv1a(b"a") >> 32) as u32, (fnv1a(b"b") >> 32) as u32]);
        assert!(decode(&bytes[..bytes.len() - 1], n).is_none() || bytes.len() == 1);
        assert!(decode(&[0xff; 4], 3).is_none());
        assert!(decode(&[], 1).is_none());
    }
}
