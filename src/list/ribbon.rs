//! Ribbon filters: an original's whole vocabulary in about 6.25 bits per word.
//!
//! A list stores each original's distinct content words and anchors so that the share of a
//! *page's* vocabulary found in an original can be measured exactly rather than estimated from a
//! sample: the one measure that separates reworded copies from independent reports where samples
//! are too noisy (Urdu agency copy, student paraphrases). Membership is all that is needed, so the
//! set is probabilistic, with a false-positive rate of `2^-R` (1/64), a small uniform bias that
//! scoring allows for.
//!
//! A Golomb-coded set (lists before format 4) needs about `R + 1.5` bits per word for a rate of
//! `2^-R`; a filter needs only `R` bits plus its slack. Format 3's sets had a rate of 1/32 in
//! about 6.6 bits per word; these filters spend the bit saved on halving the rate and are still
//! 5 % smaller. The rate matters: at 1/32 (5.1 bits per word), counter-public's right original
//! came first for 0.943–0.947 of its copies (three hash seeds; 0.957 at 1/64), and
//! clough-stevenson's honest answers were called copies 0.105–0.132 of the time (0.053), since
//! cases near the threshold move with the chance matches. Measured again over eight salts on the
//! engine of 2026-12-07, 1/32 costs less but still some: counter-public's right original first
//! for 0.952–0.981 (0.967–0.976 at 1/64), for lists 5 to 9 % smaller that stay over 200 bytes an
//! original for long originals (docs/performance.md). A ribbon filter (Dietzfelbinger and Walzer,
//! "Efficient Gauss elimination for near-quadratic matrices with one short random block per row",
//! 2019; Dillinger and Walzer, "Ribbon filter: practically smaller than Bloom and Xor", 2021)
//! stores `m` slots of `R` bits, a few more than the `n` words: each word `k` picks a band start
//! `s(k)`, a random 64-bit coefficient row `c(k)` and an `R`-bit fingerprint `f(k)`, and the slots
//! `Z` solve, for every word, the XOR of the slots `Z[s + j]` with bit `j` of `c` set equal to
//! `f(k)`. A word of the set always satisfies its equation; any other word does by chance, with
//! probability `2^-R`.
//!
//! Building solves the banded linear system over GF(2) by on-the-fly Gaussian elimination: each
//! row is reduced by the rows already stored until its leading bit finds a free slot, in `O(n)`
//! row operations of one machine word. It fails when a row reduces to zero with a non-zero
//! fingerprint; then the next slot count is tried (the slot count is part of every hash, so
//! each try is a fresh random system). The first slot count that works is stored: about 4 % more
//! slots than words. Starting lower costs more time than it saves bytes: one slot above the words
//! (1.6 % slack in the end) takes three times as long, since most tries then fail after nearly a
//! whole pass; an original's filter takes about 9 µs for 200 words as it is.
//!
//! Storage is bit-sliced: the `R` planes of `m` bits each (plane `p` holds bit `p` of every
//! slot), one after another in one bit string, least significant bit first. A query reads one
//! 64-bit window per plane and takes the parity of its AND with the coefficient row.
//!
//! Which words a filter wrongly holds is fixed by its hash, so a list's chance matches are one
//! draw among many. A *salt* ([`salt`]) mixed into every equation draws them anew, everything else
//! equal: `provenance eval --salts N` measures how much of an accuracy figure is that draw. Lists
//! are built with salt 0, the equations as they have always been.

use super::bits::BitWriter;
use crate::hash::mix;

/// Fingerprint bits: the false-positive rate is `2^-R`.
pub const R: u32 = 6;
/// Largest vocabulary stored per original; longer texts keep the keys below a threshold.
pub const MAX_WORDS: usize = 1024;
/// Most slots a filter may have: [`MAX_WORDS`] with generous slack (readers refuse more).
pub const MAX_SLOTS: usize = 2 * MAX_WORDS + 64;
/// Band width: each row's coefficients cover this many consecutive slots.
const W: usize = 64;

/// Bytes that a filter of `slots` slots takes.
pub fn bytes_for(slots: usize) -> usize {
    (slots * R as usize).div_ceil(8)
}

/// The value mixed into every equation of filters with salt number `n`: 0 (the equations of
/// every list `build-list` writes) for salt 0, a well-mixed 64-bit value for any other.
pub fn salt(n: u8) -> u64 {
    if n == 0 {
        0
    } else {
        mix(u64::from(n).wrapping_mul(0xd1b5_4a32_d192_ed03))
    }
}

/// One word's equation in a filter of `m` slots with salt value `salt`: band start, coefficient
/// row (bit 0 set, no bit at or past `m - start`), fingerprint.
#[inline]
fn equation(key: u32, m: usize, salt: u64) -> (usize, u64, u8) {
    let h = mix(u64::from(key) ^ (m as u64) << 32 ^ 0x9e37_79b9_7f4a_7c15 ^ salt);
    let span = W.min(m);
    let starts = (m - span + 1) as u64;
    let start = (((h >> 32) * starts) >> 32) as usize;
    let mut row = mix(h) | 1;
    if span < W {
        row &= (1u64 << span) - 1;
    }
    (start, row, (h as u8) & ((1 << R) - 1))
}

/// Builds the filter of distinct `keys` (any order) with salt 0. Returns its bytes and its slot
/// count (0 for no keys).
pub fn build(keys: &[u32]) -> (Vec<u8>, usize) {
    build_salted(keys, 0)
}

/// [`build`] with the salt value `salt` ([`salt`]).
pub fn build_salted(keys: &[u32], salt: u64) -> (Vec<u8>, usize) {
    let n = keys.len();
    if n == 0 {
        return (Vec::new(), 0);
    }
    // Start about 3 % above the words, where most systems are solvable, and step up by about
    // 0.4 % (at least one slot).
    let mut m = n + n / 32 + 2;
    loop {
        if let Some(slots) = solve(keys, m, salt) {
            return (slots, m);
        }
        m += (m / 256).max(1);
    }
}

/// What one step of reducing an equation came to.
enum Step {
    /// The equation was reduced by a stored row and goes on.
    Reduced,
    /// The equation was stored, or reduced to nothing (the same equation again).
    Done,
    /// The equation reduced to a row of zeros with a non-zero fingerprint: no solution.
    Inconsistent,
}

/// One step of reducing the equation (`i`, `row`, `print`) by the rows stored so far: its
/// leading bit finds a free slot, where it is stored, or the row stored there, which is added
/// to it.
#[inline(always)]
fn step(rows: &mut [u64], prints: &mut [u8], i: &mut usize, row: &mut u64, print: &mut u8) -> Step {
    if *row == 0 {
        return if *print == 0 {
            Step::Done
        } else {
            Step::Inconsistent
        };
    }
    let skip = row.trailing_zeros();
    *i += skip as usize;
    *row >>= skip;
    let stored = rows[*i];
    if stored == 0 {
        rows[*i] = *row;
        prints[*i] = *print;
        return Step::Done;
    }
    *row ^= stored;
    *print ^= prints[*i];
    Step::Reduced
}

/// Solves the system of `keys` in `m` slots; the bit-sliced solution's bytes, or `None` if a
/// row turns out dependent with a different fingerprint.
fn solve(keys: &[u32], m: usize, salt: u64) -> Option<Vec<u8>> {
    let (rows, prints) = eliminate(keys, m, salt)?;
    Some(back_substitute(&rows, &prints))
}

/// Reduces the equations of `keys` in `m` slots to echelon form: per slot, the row whose
/// leading bit it is (0 for a free slot) and its fingerprint. `None` if the system has no
/// solution.
fn eliminate(keys: &[u32], m: usize, salt: u64) -> Option<(Vec<u64>, Vec<u8>)> {
    let mut rows = vec![0u64; m];
    let mut prints = vec![0u8; m];
    // Four equations are reduced at once, a step of each in turn: each step waits on the one
    // before it (the slot it reads depends on the row it has), so one chain leaves the
    // processor mostly idle, and four keep it busy (about 30 % less time than one; more lanes
    // gain nothing). The order in which rows are stored changes nothing in the end: the slots
    // left free, and so the solution back substitution finds with them at zero, depend only on
    // the equations (a test compares with one at a time).
    //
    // A lane with no equation left holds the empty one (row and fingerprint zero), which each
    // step finds done at once; `live` marks the others.
    let mut equations = keys.iter().map(|&k| equation(k, m, salt));
    let mut lanes = [(0usize, 0u64, 0u8); 4];
    let mut live = [false; 4];
    for (lane, live) in lanes.iter_mut().zip(&mut live) {
        if let Some(e) = equations.next() {
            (*lane, *live) = (e, true);
        }
    }
    while live.iter().any(|&l| l) {
        for ((i, row, print), live) in lanes.iter_mut().zip(&mut live) {
            match step(&mut rows, &mut prints, i, row, print) {
                Step::Reduced => {}
                Step::Done => match equations.next() {
                    Some(e) => (*i, *row, *print) = e,
                    None => (*row, *print, *live) = (0, 0, false),
                },
                Step::Inconsistent => return None,
            }
        }
    }
    Some((rows, prints))
}

/// The bit-sliced solution of the echelon form `rows`, `prints` ([`eliminate`]), free slots
/// at zero.
fn back_substitute(rows: &[u64], prints: &[u8]) -> Vec<u8> {
    let m = rows.len();
    // Back substitution, last slot first; free slots stay zero. For each plane, `window` holds
    // the solution bits of the 64 slots after the current one (bit j: slot i + 1 + j), shifted
    // along as the slots are solved. Once slot `i` is solved at a multiple of 64, the window
    // holds exactly the plane's word of slots `i..i + 64` (zeros past the last slot), and is
    // stored whole.
    let words = m.div_ceil(64);
    let mut planes = vec![0u64; R as usize * words];
    let mut windows = [0u64; R as usize];
    for i in (0..m).rev() {
        let above = rows[i] >> 1;
        let set = rows[i] != 0;
        let print = prints[i];
        for (p, window) in windows.iter_mut().enumerate() {
            let parity = (above & *window).count_ones() as u8 & 1;
            let bit = u64::from(set && (print >> p & 1) ^ parity == 1);
            *window = *window << 1 | bit;
        }
        if i % 64 == 0 {
            for (p, window) in windows.iter().enumerate() {
                planes[p * words + i / 64] = *window;
            }
        }
    }
    let mut out = Vec::with_capacity(bytes_for(m));
    let mut w = BitWriter::new(&mut out);
    for plane in planes.chunks_exact(words) {
        // The plane's m bits, 32 at a time (the writer takes at most 56).
        for i in (0..m).step_by(32) {
            let width = (m - i).min(32) as u32;
            let bits = plane[i / 64] >> (i % 64) & ((1u64 << width) - 1);
            w.put(bits, width);
        }
    }
    w.finish();
    out
}

/// A stored filter, borrowed from its list.
#[derive(Debug, Clone, Copy)]
pub struct Filter<'a> {
    bytes: &'a [u8],
    slots: usize,
    salt: u64,
}

impl<'a> Filter<'a> {
    /// The filter of `slots` slots stored in `bytes`; `None` unless `bytes` is exactly as long as
    /// that takes.
    pub fn new(bytes: &'a [u8], slots: usize) -> Option<Filter<'a>> {
        (bytes.len() == bytes_for(slots) && slots <= MAX_SLOTS).then_some(Filter {
            bytes,
            slots,
            salt: 0,
        })
    }

    /// The same filter read as built with the salt value `salt` ([`build_salted`]).
    pub fn salted(self, salt: u64) -> Filter<'a> {
        Filter { salt, ..self }
    }

    /// Whether `key` is in the set (wrongly so for about one other key in `2^R`); always false
    /// for an empty filter.
    #[inline]
    pub fn contains(&self, key: u32) -> bool {
        if self.slots == 0 {
            return false;
        }
        let (start, row, print) = equation(key, self.slots, self.salt);
        let mut got = 0u8;
        for p in 0..R as usize {
            let bits = self.read64(p * self.slots + start);
            got |= (((bits & row).count_ones() & 1) as u8) << p;
        }
        got == print
    }

    /// The 64 bits from bit `at` of the stored string on, zeros past its end.
    #[inline]
    fn read64(&self, at: usize) -> u64 {
        let (byte, shift) = (at / 8, at % 8);
        let mut buf = [0u8; 16];
        let rest = self.bytes.get(byte..).unwrap_or_default();
        let len = rest.len().min(9);
        buf[..len].copy_from_slice(&rest[..len]);
        (u128::from_le_bytes(buf) >> shift) as u64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(n: usize, salt: u64) -> Vec<u32> {
        let mut k: Vec<u32> = (0..n as u64)
            .map(|i| (mix(i ^ salt << 40) >> 32) as u32)
            .collect();
        k.sort_unstable();
        k.dedup();
        k
    }

    /// [`eliminate`] one equation at a time, in the order given.
    fn eliminate_in_turn(keys: &[u32], m: usize) -> Option<(Vec<u64>, Vec<u8>)> {
        let (mut rows, mut prints) = (vec![0u64; m], vec![0u8; m]);
        for &k in keys {
            let (mut i, mut row, mut print) = equation(k, m, 0);
            loop {
                match step(&mut rows, &mut prints, &mut i, &mut row, &mut print) {
                    Step::Reduced => {}
                    Step::Done => break,
                    Step::Inconsistent => return None,
                }
            }
        }
        Some((rows, prints))
    }

    #[test]
    fn the_solution_does_not_depend_on_the_order_of_reduction() {
        for (n, seed) in [(1, 1), (2, 2), (37, 3), (200, 4), (1024, 5)] {
            let set = keys(n, seed);
            let mut reversed = set.clone();
            reversed.reverse();
            // Slot counts from too few to plenty: unsolvable systems must fail alike too.
            for m in [
                set.len(),
                set.len() + 3,
                set.len() + set.len() / 32 + 2,
                2 * set.len(),
            ] {
                let pair = eliminate(&set, m, 0);
                for order in [&set, &reversed] {
                    let one = eliminate_in_turn(order, m);
                    assert_eq!(pair.is_some(), one.is_some(), "n {n} m {m}");
                    if let (Some((r2, p2)), Some((r1, p1))) = (&pair, one) {
                        assert_eq!(back_substitute(r2, p2), back_substitute(&r1, &p1));
                    }
                }
            }
        }
    }

    #[test]
    fn salted_filters_hold_their_words_and_draw_other_false_positives() {
        let set = keys(300, 5);
        let absent = keys(20_000, 6);
        let wrong = |salt: u64| -> Vec<u32> {
            let (bytes, slots) = build_salted(&set, salt);
            let f = Filter::new(&bytes, slots).unwrap().salted(salt);
            assert!(set.iter().all(|&k| f.contains(k)));
            absent.iter().copied().filter(|&k| f.contains(k)).collect()
        };
        assert_eq!(
            salt(0),
            0,
            "salt 0 is the equations every list is built with"
        );
        assert_eq!(build_salted(&set, salt(0)), build(&set));
        let (a, b) = (wrong(salt(0)), wrong(salt(1)));
        assert!(a.len() > 200 && b.len() > 200, "about 1 in 64 of 20,000");
        let shared = a.iter().filter(|k| b.contains(k)).count();
        assert!(
            shared * 8 < a.len(),
            "{shared} of {} false positives drawn again",
            a.len()
        );
    }

    #[test]
    fn members_are_found_and_strangers_mostly_not() {
        for n in [1, 2, 5, 40, 63, 64, 65, 200, 1024] {
            let set = keys(n, 1);
            let (bytes, slots) = build(&set);
            assert!(
                slots >= set.len() && slots <= set.len() + set.len() / 8 + 8,
                "{n}: {slots}"
            );
            let f = Filter::new(&bytes, slots).unwrap();
            assert!(set.iter().all(|&k| f.contains(k)), "{n}");
            let strangers = keys(20_000, 2);
            let false_hits = strangers.iter().filter(|&&k| f.contains(k)).count();
            let rate = false_hits as f64 / strangers.len() as f64;
            let expected = 1.0 / f64::from(1u32 << R);
            assert!(
                (0.7 * expected..1.3 * expected).contains(&rate),
                "{n}: {rate}"
            );
        }
    }

    #[test]
    fn slack_is_small_for_vocabulary_sizes() {
        let (mut words, mut slots) = (0, 0);
        for salt in 0..50 {
            let set = keys(150 + salt as usize * 7, salt + 10);
            words += set.len();
            slots += build(&set).1;
        }
        let slack = slots as f64 / words as f64 - 1.0;
        assert!(slack < 0.05, "{slack}");
        // Bytes per word, all told: about R bits plus the slack.
        let bits = bytes_for(slots) as f64 * 8.0 / words as f64;
        assert!(bits < f64::from(R) * 1.05, "{bits}");
    }

    #[test]
    fn empty_and_mis_sized_filters() {
        let (bytes, slots) = build(&[]);
        assert!(bytes.is_empty() && slots == 0);
        assert!(!Filter::new(&[], 0).unwrap().contains(7));
        let (bytes, slots) = build(&keys(100, 3));
        assert!(Filter::new(&bytes[1..], slots).is_none());
        assert!(Filter::new(&bytes, slots + 8).is_none());
        assert!(Filter::new(&vec![0; bytes_for(MAX_SLOTS + 1)], MAX_SLOTS + 1).is_none());
        // Any bytes of the right length are a filter: damage changes answers, never crashes.
        let junk = vec![0xa5; bytes.len()];
        let f = Filter::new(&junk, slots).unwrap();
        let _ = keys(1000, 4).iter().filter(|&&k| f.contains(k)).count();
    }
}
