//! Bit-level codes of a list's index: fixed-width fields, and Rice codes for sorted keys.
//!
//! Both write bits least significant first into bytes, padding the last byte with zeros. Readers
//! take the number of values from the caller (the file's header) and check every value against
//! the bytes present, so that no count in a damaged or hostile file makes them read past their
//! section, loop without end or allocate more than the file could hold.
//!
//! **Rice codes.** An index holds its keys sorted, so it stores the gap from each key to the next
//! rather than the key. Keys are hashes, so the gaps of `m` keys spread over `U` values follow a
//! geometric law with mean `U / m`, and for such gaps a Rice code with parameter `k` is close to
//! the best prefix code: the gap's quotient `g >> k` in unary (that many zero bits, then a one),
//! then its low `k` bits. With the parameter the writer picks ([`rice_parameter`]), a gap costs
//! about `log2(U / m) + 1.5` bits; a key stored whole below its bucket costs the full width of
//! the residual plus the bucket table's share. The codes of all keys are stored as two parts, all
//! the remainders and then all the quotients (see [`rice_encode`]), which reads faster than code
//! after code.

/// Bytes that `m` values of `width` bits take, or `None` on overflow.
pub(crate) fn packed_len(m: usize, width: u32) -> Option<usize> {
    Some(m.checked_mul(width as usize)?.div_ceil(8))
}

/// Writes bits least significant first into bytes.
pub(crate) struct BitWriter<'a> {
    out: &'a mut Vec<u8>,
    /// Bits not yet written out, in the low `pending` bits.
    acc: u64,
    pending: u32,
}

impl<'a> BitWriter<'a> {
    /// A writer appending to `out`.
    pub(crate) fn new(out: &'a mut Vec<u8>) -> Self {
        BitWriter {
            out,
            acc: 0,
            pending: 0,
        }
    }

    /// Appends the low `width` bits of `value` (`width` at most 56, `value` no wider).
    pub(crate) fn put(&mut self, value: u64, width: u32) {
        self.acc |= value << self.pending;
        self.pending += width;
        while self.pending >= 8 {
            self.out.push(self.acc as u8);
            self.acc >>= 8;
            self.pending -= 8;
        }
    }

    /// Writes out the last bits, padded with zeros to a whole byte.
    pub(crate) fn finish(self) {
        if self.pending > 0 {
            self.out.push(self.acc as u8);
        }
    }
}

/// Appends `values` as `width`-bit values (at most 56), least significant bit first.
pub(crate) fn pack_bits(values: impl Iterator<Item = u64>, width: u32, out: &mut Vec<u8>) {
    let mut w = BitWriter::new(out);
    for v in values {
        w.put(v, width);
    }
    w.finish();
}

/// The 64 bits of `bytes` starting at bit `bit`, zero beyond the end; only the low 57 are sure
/// to be the stream's (the rest may be cut off by the shift).
fn window(bytes: &[u8], bit: usize) -> u64 {
    let mut word = [0u8; 8];
    match bytes.get(bit / 8..bit / 8 + 8) {
        Some(whole) => word.copy_from_slice(whole),
        None => {
            let rest = bytes.get(bit / 8..).unwrap_or_default();
            word[..rest.len()].copy_from_slice(rest);
        }
    }
    u64::from_le_bytes(word) >> (bit % 8)
}

/// Reads `m` values of `width` bits (at most 56) from `bytes` (exactly [`packed_len`] of them).
pub(crate) fn unpack_bits(bytes: &[u8], m: usize, width: u32) -> impl Iterator<Item = u64> + '_ {
    let mask = (1u64 << width) - 1;
    (0..m).map(move |i| window(bytes, i * width as usize) & mask)
}

/// Largest Rice parameter a list may declare: keys have at most 28 bits.
pub(crate) const MAX_RICE_PARAMETER: u8 = 28;

/// The Rice parameter that codes the gaps between the sorted `keys` in the fewest bits.
pub(crate) fn rice_parameter(keys: &[u32]) -> u8 {
    (0..=MAX_RICE_PARAMETER)
        .min_by_key(|&k| rice_bits(keys, k))
        .unwrap_or(0)
}

/// The gaps between the sorted `keys`, the first from 0.
fn gaps(keys: &[u32]) -> impl Iterator<Item = u32> + '_ {
    let mut prev = 0u32;
    keys.iter().map(move |&key| {
        debug_assert!(key >= prev, "keys must be sorted");
        let gap = key - prev;
        prev = key;
        gap
    })
}

/// Bits that [`rice_encode`] takes for the sorted `keys` with parameter `k`.
pub(crate) fn rice_bits(keys: &[u32], k: u8) -> u64 {
    gaps(keys)
        .map(|gap| u64::from(gap >> k) + 1 + u64::from(k))
        .sum()
}

/// Appends the gaps between the sorted `keys` (the first from 0) in Rice codes with parameter
/// `k` (see the module docs): first every gap's low `k` bits, packed, then every quotient in
/// unary, each part padded to a whole byte. Keeping the parts apart lets a reader find each
/// quotient with one bit scan and each remainder at a known place, rather than parse one code
/// after another (about three times faster to read, in the same bits).
pub(crate) fn rice_encode(keys: &[u32], k: u8, out: &mut Vec<u8>) {
    let low_mask = (1u32 << k) - 1;
    pack_bits(
        gaps(keys).map(|g| u64::from(g & low_mask)),
        u32::from(k),
        out,
    );
    let mut w = BitWriter::new(out);
    for gap in gaps(keys) {
        // The quotient's zeros, then its one.
        let mut zeros = gap >> k;
        while zeros > 0 {
            let run = zeros.min(56);
            w.put(0, run);
            zeros -= run;
        }
        w.put(1, 1);
    }
    w.finish();
}

/// Reads `m` keys written by [`rice_encode`] with parameter `k` from the start of `bytes`, each
/// below `limit`, handing each to `key` in order. Returns the bytes they took, or what is wrong: a
/// code that runs past the end of `bytes` or a key at or above `limit`.
pub(crate) fn rice_decode(
    bytes: &[u8],
    m: usize,
    k: u8,
    limit: u32,
    mut key: impl FnMut(u32),
) -> Result<usize, &'static str> {
    const PAST_END: &str = "index keys run past the end of their section";
    const TOO_LARGE: &str = "an index key is out of range";
    let low_len = packed_len(m, u32::from(k)).ok_or(PAST_END)?;
    // Every code takes at least k + 1 bits: a count the bytes cannot hold is refused at once.
    if low_len.saturating_add(m.div_ceil(8)) > bytes.len() {
        return Err(PAST_END);
    }
    let (lows, unary) = bytes.split_at(low_len);
    let k_bits = u32::from(k);
    let mut lows = unpack_bits(lows, m, k_bits);
    let max_quotient = u64::from(limit) >> k_bits;
    let (mut found, mut next, mut value) = (0usize, 0u64, 0u64);
    for (at, chunk) in unary.chunks(8).enumerate() {
        if found == m {
            break;
        }
        let mut word = [0u8; 8];
        word[..chunk.len()].copy_from_slice(chunk);
        let mut word = u64::from_le_bytes(word);
        while word != 0 && found < m {
            // Each one bit ends a quotient: the zeros since the previous one.
            let one = at as u64 * 64 + u64::from(word.trailing_zeros());
            word &= word - 1;
            let quotient = one - next;
            next = one + 1;
            // Checked before shifting, so that the shift cannot overflow.
            if quotient > max_quotient {
                return Err(TOO_LARGE);
            }
            value += quotient << k_bits | lows.next().unwrap_or(0);
            if value >= u64::from(limit) {
                return Err(TOO_LARGE);
            }
            key(value as u32);
            found += 1;
        }
    }
    if found == m {
        Ok(low_len + (next as usize).div_ceil(8))
    } else {
        Err(PAST_END)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`rice_decode`]'s keys, collected.
    fn decode(bytes: &[u8], m: usize, k: u8, limit: u32) -> Result<(Vec<u32>, usize), &str> {
        let mut keys = Vec::new();
        let used = rice_decode(bytes, m, k, limit, |key| keys.push(key))?;
        Ok((keys, used))
    }

    #[test]
    fn rice_round_trips_with_every_parameter() {
        let keys = [0u32, 0, 1, 5, 5, 200, 4095, 70_000, 1 << 20, (1 << 28) - 1];
        for k in 0..=MAX_RICE_PARAMETER {
            let mut out = vec![0xaa];
            rice_encode(&keys, k, &mut out);
            // The remainders and the unary quotients, each padded to a byte.
            let lows = keys.len() * usize::from(k);
            let unary = rice_bits(&keys, k) as usize - lows;
            assert_eq!(out.len() - 1, lows.div_ceil(8) + unary.div_ceil(8));
            let (back, used) = decode(&out[1..], keys.len(), k, 1 << 28).unwrap();
            assert_eq!(back, keys, "k = {k}");
            assert_eq!(used, out.len() - 1);
        }
    }

    #[test]
    fn rice_parameter_suits_the_gaps() {
        // 1,000 keys spread evenly over 2^20: gaps of about 1,000, best coded with k near 9.
        let keys: Vec<u32> = (0..1000u32).map(|i| i * 1048 + (i * 7919) % 97).collect();
        let k = rice_parameter(&keys);
        assert!((8..=10).contains(&k), "k = {k}");
        assert!(rice_bits(&keys, k) < 1000 * 12);
        assert_eq!(rice_parameter(&[]), 0);
    }

    #[test]
    fn rice_decode_refuses_damage() {
        let keys = [3u32, 90, 91, 4000];
        let mut out = Vec::new();
        rice_encode(&keys, 4, &mut out);
        // More keys than the bytes hold, a limit the keys exceed, all zeros, a cut stream.
        assert!(decode(&out, 1000, 4, 1 << 20).is_err());
        assert!(decode(&out, 4, 4, 4000).is_err());
        assert!(decode(&[0; 64], 3, 0, 1 << 28).is_err());
        assert!(decode(&out[..out.len() - 1], 4, 4, 1 << 20).is_err());
        assert_eq!(decode(&out, 3, 4, 1 << 20).unwrap().0, &keys[..3]);
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn packed_values_round_trip(
            values in proptest::collection::vec(proptest::prelude::any::<u64>(), 0..200),
            width in 8u32..=56,
        ) {
            let values: Vec<u64> = values.iter().map(|&v| v & ((1u64 << width) - 1)).collect();
            let mut packed = vec![0xab];
            pack_bits(values.iter().copied(), width, &mut packed);
            proptest::prop_assert_eq!(packed.len() - 1, packed_len(values.len(), width).unwrap());
            let back: Vec<u64> = unpack_bits(&packed[1..], values.len(), width).collect();
            proptest::prop_assert_eq!(back, values);
        }

        #[test]
        fn rice_keys_round_trip(
            mut keys in proptest::collection::vec(0u32..1 << 24, 0..300),
            k in 0u8..=24,
        ) {
            keys.sort_unstable();
            let mut out = Vec::new();
            rice_encode(&keys, k, &mut out);
            let (back, used) = decode(&out, keys.len(), k, 1 << 24).unwrap();
            proptest::prop_assert_eq!(back, keys);
            proptest::prop_assert_eq!(used, out.len());
        }

        #[test]
        fn rice_decode_never_panics(
            bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..64),
            m in 0usize..100,
            k in 0u8..=MAX_RICE_PARAMETER,
        ) {
            let _ = decode(&bytes, m, k, 1 << 28);
        }
    }
}
