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
        for _ in 0..(delta >> P) {
            w.push(1);
        }
        w.push(0);
        for i in (0..P).rev() {
            w.push(((delta >> i) & 1) as u8);
        }
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
        while r.next()? == 1 {
            q += 1;
            if q > limit >> P {
                return None;
            }
        }
        let mut rem = 0u64;
        for _ in 0..P {
            rem = rem << 1 | u64::from(r.next()?);
        }
        prev += q << P | rem;
        if prev >= limit {
            return None;
        }
        out.push(prev as u32);
    }
    Some(out)
}

#[derive(Default)]
struct BitWriter {
    bytes: Vec<u8>,
    bits: u32,
}

impl BitWriter {
    fn push(&mut self, bit: u8) {
        if self.bits % 8 == 0 {
            self.bytes.push(0);
        }
        if bit != 0 {
            let last = self.bytes.len() - 1;
            self.bytes[last] |= 0x80 >> (self.bits % 8);
        }
        self.bits += 1;
    }

    fn finish(self) -> Vec<u8> {
        self.bytes
    }
}

struct BitReader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl BitReader<'_> {
    fn next(&mut self) -> Option<u8> {
        let byte = *self.bytes.get(self.at / 8)?;
        let bit = (byte >> (7 - self.at % 8)) & 1;
        self.at += 1;
        Some(bit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hash::{fnv1a, mix};

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
