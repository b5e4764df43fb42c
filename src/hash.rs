//! Stable hashing.
//!
//! Every hash that ends up in a list file must be identical on every platform and in every future
//! version that reads the same format version, so the project does not use `std`'s randomly seeded
//! hashers for fingerprints. Strings are hashed with 64-bit FNV-1a (simple, documented, fast on the
//! short strings that words are) and combined with the `splitmix64` finaliser, whose output bits
//! are well mixed enough to be sampled by value (bottom-k sketches) and bucketed by their top bits.

/// 64-bit FNV-1a of `bytes`.
#[inline]
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The `splitmix64` finaliser: a bijective mix of all 64 bits.
#[inline]
pub fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Order-sensitive combination of a word n-gram's word hashes into one mixed hash.
#[inline]
pub fn combine(hashes: &[u64]) -> u64 {
    let mut h: u64 = 0x9e37_79b9_7f4a_7c15;
    for &x in hashes {
        h = mix(h ^ x).rotate_left(17);
    }
    mix(h)
}

/// The 32-bit key a 64-bit feature hash is stored under in a list, in the namespace of its kind
/// (so that a word and a three-word phrase never collide by construction).
#[inline]
pub fn key(kind_salt: u64, h: u64) -> u32 {
    (mix(h ^ kind_salt) >> 32) as u32
}

/// A hasher for keys that already are hashes (word hashes, list keys): it spreads the one
/// integer it is given with a fold and a multiplication instead of running SipHash over it.
///
/// The map takes its bucket from the low bits and its tag from the top seven: folding the top
/// half into the bottom one first makes the low bits of the product depend on every bit of the
/// key (an FNV-1a hash mixes its top bits best), and the multiplication carries them all into the
/// top. It never reaches a list file (maps only find what they hold), so it may change freely;
/// the `splitmix64` finaliser it replaces took three times the instructions, some 1 % of
/// fingerprinting's (`docs/performance.md`).
#[derive(Debug, Default, Clone, Copy)]
pub struct PrehashedHasher(u64);

impl PrehashedHasher {
    #[inline]
    fn spread(v: u64) -> u64 {
        (v ^ v >> 32).wrapping_mul(0x9e37_79b9_7f4a_7c15)
    }
}

impl std::hash::Hasher for PrehashedHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        self.0 = Self::spread(self.0 ^ fnv1a(bytes));
    }

    #[inline]
    fn write_u64(&mut self, v: u64) {
        self.0 = Self::spread(self.0 ^ v);
    }

    #[inline]
    fn write_u32(&mut self, v: u32) {
        self.0 = Self::spread(self.0 ^ u64::from(v));
    }
}

/// Builds [`PrehashedHasher`]s.
pub type Prehashed = std::hash::BuildHasherDefault<PrehashedHasher>;
/// A map keyed by word hashes.
pub type HashMap64<V> = std::collections::HashMap<u64, V, Prehashed>;

/// Most entries a per-thread cache keyed by word hashes (stems, name skeletons, SimHash inputs)
/// holds before it is emptied: enough for the vocabulary of many thousand articles, and a bound
/// of 8 to 12 MB per cache (by the size of its values) against texts of endless distinct junk words.
pub const WORD_CACHE_MAX: usize = 500_000;

/// Empties `cache` once it holds more than [`WORD_CACHE_MAX`] entries.
pub fn bound_word_cache<V>(cache: &mut HashMap64<V>) {
    if cache.len() > WORD_CACHE_MAX {
        cache.clear();
    }
}
/// A set of word hashes.
pub type HashSet64 = std::collections::HashSet<u64, Prehashed>;
/// A map keyed by feature keys (32-bit hashes).
pub type HashMap32<V> = std::collections::HashMap<u32, V, Prehashed>;

/// A fixed table keyed by word hashes that nearly every word of a text is looked up in (function
/// words, agency names): a lookup is two loads and two comparisons, without a branch.
///
/// Function words are about half of a text's words, so whether a word is one is a coin toss to
/// the processor: a bitmap in front of a hash map, which this table replaced, answered most misses
/// with one bit but mispredicted a branch on every other word, and the language guess alone, a
/// lookup per word, took 4 % of the time of fingerprinting Latin-script text for 1 % of its
/// instructions (`docs/performance.md`). Here each key has two places in one table of slots (cuckoo
/// hashing: a key is always in one of its two), both are read, and the slot that holds the key, if
/// either does, gives the index of its value; index 0 is no key's, and its value is
/// `V::default()`. The table keeps at least three slots per key, so that inserting by displacement
/// always succeeds (it would fail, at random, near one slot in two).
#[derive(Debug, Clone)]
pub struct WordTable<V> {
    /// `1 << bits` slots of (key, value index); value index 0: empty.
    slots: Vec<(u64, u32)>,
    bits: u32,
    /// The values, `values[0]` the default answered for keys not in the table.
    values: Vec<V>,
}

/// A set of word hashes with the same fast lookups.
pub type WordSet = WordTable<()>;

/// The multipliers of a key's two places: odd, and far apart in their bits.
const PLACES: [u64; 2] = [0x9e37_79b9_7f4a_7c15, 0xc2b2_ae3d_27d4_eb4f];

impl<V: Default> Default for WordTable<V> {
    fn default() -> Self {
        WordTable {
            slots: vec![(0, 0); 16],
            bits: 4,
            values: vec![V::default()],
        }
    }
}

impl<V> WordTable<V> {
    /// The slot of `k`'s place `which` (0 or 1): the top bits of a multiplicative hash, which
    /// depend on all of `k`'s bits.
    #[inline]
    fn place(&self, k: u64, which: usize) -> usize {
        (k.wrapping_mul(PLACES[which]) >> (64 - self.bits)) as usize
    }

    /// The index of `k`'s value in `values`, 0 if `k` is not in the table: both places read and
    /// compared, the answer selected without a branch.
    #[inline]
    fn index(&self, k: u64) -> usize {
        let (a, b) = (self.slots[self.place(k, 0)], self.slots[self.place(k, 1)]);
        let in_a = u32::from(a.0 == k && a.1 != 0);
        let in_b = u32::from(b.0 == k && b.1 != 0);
        ((a.1 * in_a) | (b.1 * in_b)) as usize
    }

    /// The value of `k`, if it is in the table.
    #[inline]
    pub fn get(&self, k: u64) -> Option<&V> {
        match self.index(k) {
            0 => None,
            i => Some(&self.values[i]),
        }
    }

    /// The value of `k`, or the default value if it is not in the table: no branch on whether it
    /// is.
    #[inline]
    pub fn get_or_default_value(&self, k: u64) -> &V {
        &self.values[self.index(k)]
    }

    /// Whether `k` is in the table.
    #[inline]
    pub fn contains(&self, k: u64) -> bool {
        self.index(k) != 0
    }

    /// The value of `k`, inserted as `V::default()` first if absent.
    pub fn get_or_default(&mut self, k: u64) -> &mut V
    where
        V: Default,
    {
        let mut i = self.index(k);
        if i == 0 {
            self.values.push(V::default());
            i = self.values.len() - 1;
            self.insert(k, i as u32);
        }
        &mut self.values[i]
    }

    /// Puts `k`, with value index `value`, in one of its two places, moving the key there to its
    /// other place, and so on; the table doubles first where it would hold more than a third of
    /// its slots, or where the moves go round in a circle.
    fn insert(&mut self, k: u64, value: u32) {
        if (self.values.len() - 1) * 3 > self.slots.len() {
            self.grow();
        }
        let (mut key, mut value, mut at) = (k, value, self.place(k, 0));
        for _ in 0..64 {
            if self.slots[at].1 == 0 {
                self.slots[at] = (key, value);
                return;
            }
            (key, value) = std::mem::replace(&mut self.slots[at], (key, value));
            // The displaced key goes to its other place.
            at = if self.place(key, 0) == at {
                self.place(key, 1)
            } else {
                self.place(key, 0)
            };
        }
        self.grow();
        self.insert(key, value);
    }

    /// Doubles the table and puts every key back.
    fn grow(&mut self) {
        let old = std::mem::take(&mut self.slots);
        self.bits += 1;
        self.slots = vec![(0, 0); 1 << self.bits];
        for (key, value) in old.into_iter().filter(|s| s.1 != 0) {
            self.insert(key, value);
        }
    }
}

impl FromIterator<u64> for WordSet {
    fn from_iter<I: IntoIterator<Item = u64>>(keys: I) -> Self {
        let mut set = WordSet::default();
        for k in keys {
            set.get_or_default(k);
        }
        set
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_matches_reference_values() {
        // Reference values of the published FNV-1a 64 test suite.
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn combine_is_order_sensitive() {
        let (a, b) = (fnv1a(b"kremlin"), fnv1a(b"says"));
        assert_ne!(combine(&[a, b]), combine(&[b, a]));
        assert_eq!(combine(&[a, b]), combine(&[a, b]));
    }

    #[test]
    fn word_tables_find_exactly_their_keys() {
        let keys: Vec<u64> = (0..500u64).map(|i| fnv1a(&i.to_le_bytes())).collect();
        let set: WordSet = keys.iter().copied().collect();
        assert!(keys.iter().all(|&k| set.contains(k)));
        let absent = (500..100_000u64).map(|i| fnv1a(&i.to_le_bytes()));
        assert_eq!(absent.filter(|&k| set.contains(k)).count(), 0);
        // Key 0, and keys that share both places' bits, are keys like any other.
        let odd: WordSet = [0u64, 1 << 63, 3 << 62, 1].into_iter().collect();
        assert!([0u64, 1 << 63, 3 << 62, 1].iter().all(|&k| odd.contains(k)));
        assert!(!odd.contains(2) && !WordSet::default().contains(0));
        let mut t = WordTable::<u32>::default();
        *t.get_or_default(7) |= 2;
        *t.get_or_default(7) |= 1;
        assert_eq!(t.get(7), Some(&3));
        assert_eq!(t.get(8), None);
        assert_eq!(
            (t.get_or_default_value(7), t.get_or_default_value(8)),
            (&3, &0)
        );
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// Whatever the keys, however many (clustered, sharing their top or bottom bits), a table
        /// holds exactly them, each with its own value.
        #[test]
        fn word_tables_hold_exactly_what_was_put_in(
            keys in proptest::collection::hash_set(proptest::prelude::any::<u64>(), 0..3000),
            others in proptest::collection::vec(proptest::prelude::any::<u64>(), 0..200),
            shift in 0u32..48,
        ) {
            let keys: Vec<u64> = keys.into_iter().map(|k| k >> shift).collect();
            let mut t = WordTable::<u64>::default();
            for &k in &keys {
                *t.get_or_default(k) = k ^ 1;
            }
            for &k in &keys {
                proptest::prop_assert_eq!(t.get(k), Some(&(k ^ 1)));
            }
            for k in others.into_iter().filter(|k| !keys.contains(k)) {
                proptest::prop_assert!(!t.contains(k));
                proptest::prop_assert_eq!(t.get_or_default_value(k), &0);
            }
        }
    }

    #[test]
    fn keys_of_different_kinds_differ() {
        let h = fnv1a(b"navalny");
        assert_ne!(key(1, h), key(2, h));
    }
}
