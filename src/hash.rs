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

/// A fixed table keyed by word hashes that nearly every word of a text is looked up in and few
/// are found in (function words, agency names). A bitmap in front of the map answers most misses
/// with one bit, without probing the map.
#[derive(Debug, Clone)]
pub struct WordTable<V> {
    /// Bit `slot(k)` is set for every key `k` of the map.
    bits: Box<[u64]>,
    map: HashMap64<V>,
}

/// log2 of the bitmap's size in bits (2 KB: a few percent false hits for a few hundred words).
const WORD_TABLE_BITS: u32 = 14;

/// A set of word hashes with the same fast misses.
pub type WordSet = WordTable<()>;

impl<V> Default for WordTable<V> {
    fn default() -> Self {
        WordTable {
            bits: vec![0; 1 << (WORD_TABLE_BITS - 6)].into_boxed_slice(),
            map: HashMap64::default(),
        }
    }
}

impl<V> WordTable<V> {
    /// The bitmap position of `k`: the top bits of a multiplicative hash, which depend on all of
    /// `k`'s bits.
    #[inline]
    fn slot(k: u64) -> usize {
        (k.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - WORD_TABLE_BITS)) as usize
    }

    /// The value of `k`, if it is in the table.
    #[inline]
    pub fn get(&self, k: u64) -> Option<&V> {
        let b = Self::slot(k);
        if (self.bits[b >> 6] >> (b & 63)) & 1 == 0 {
            return None;
        }
        self.map.get(&k)
    }

    /// Whether `k` is in the table.
    #[inline]
    pub fn contains(&self, k: u64) -> bool {
        self.get(k).is_some()
    }

    /// The value of `k`, inserted as `V::default()` first if absent.
    pub fn get_or_default(&mut self, k: u64) -> &mut V
    where
        V: Default,
    {
        let b = Self::slot(k);
        self.bits[b >> 6] |= 1 << (b & 63);
        self.map.entry(k).or_default()
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
        let mut t = WordTable::<u32>::default();
        *t.get_or_default(7) |= 2;
        *t.get_or_default(7) |= 1;
        assert_eq!(t.get(7), Some(&3));
        assert_eq!(t.get(8), None);
    }

    #[test]
    fn keys_of_different_kinds_differ() {
        let h = fnv1a(b"navalny");
        assert_ne!(key(1, h), key(2, h));
    }
}
