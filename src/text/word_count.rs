//! Counting the whitespace-separated words of a string, eight bytes at a time.
//!
//! The furniture rules look at short lines only and quotations count only from five words on, so
//! both ask how many words a stretch of text has up to a small maximum, for every line and every
//! quotation of every text: [`count_words`] answers as `split_whitespace` would, from whole
//! 64-bit words of bytes where it can, and stops at the maximum.

/// The number of whitespace-separated words of `s` (as `split_whitespace` counts them), or `max`
/// if there are at least that many.
pub(crate) fn count_words(s: &str, max: usize) -> usize {
    let bytes = s.as_bytes();
    let (mut n, mut after_space, mut at) = (0usize, true, 0usize);
    // 8 bytes at a time: a mask of their spaces, and a word starts at every non-space after a
    // space. Bytes beyond ASCII are never spaces unless they start one of the few whitespace
    // chars beyond ASCII (lead bytes C2, E1 to E3): a chunk with one of those, and the rest of
    // the text, are read char by char. (In UTF-8 a byte after a space starts a char, so a
    // non-space after a space is where a word starts, whatever its script.)
    for chunk in bytes.chunks_exact(8) {
        let Ok(eight) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let x = u64::from_le_bytes(eight);
        if x & HIGH != 0 && has_space_lead_byte(x) {
            break;
        }
        let spaces = ascii_spaces(x);
        let starts = !spaces & (spaces << 1 | u32::from(after_space)) & 0xff;
        n += starts.count_ones() as usize;
        after_space = spaces & 0x80 != 0;
        at += 8;
        if n >= max {
            return max;
        }
    }
    // The rest a character at a time, read from its first byte: beyond ASCII, only U+0085 and
    // U+00A0 among two-byte chars are whitespace, and only a few chars after lead bytes E1 to E3
    // among longer ones (U+1680, U+2000 to U+3000). The chunks may have stopped inside a char:
    // its continuation bytes are passed one by one.
    let mut i = at;
    while i < bytes.len() {
        let b = bytes[i];
        let (space, len) = match b {
            b'\t'..=b'\r' | b' ' => (true, 1),
            // ASCII other than whitespace, or a continuation byte.
            0x00..=0xbf => (false, 1),
            0xc2 => (matches!(bytes.get(i + 1), Some(0x85 | 0xa0)), 2),
            0xc3..=0xdf => (false, 2),
            0xe1..=0xe3 => (s[i..].starts_with(char::is_whitespace), 3),
            0xe0..=0xef => (false, 3),
            _ => (false, 4),
        };
        if space {
            after_space = true;
        } else if after_space {
            after_space = false;
            n += 1;
            if n >= max {
                return max;
            }
        }
        i += len;
    }
    n
}

/// A one in every byte of a 64-bit word.
const ONES: u64 = 0x0101_0101_0101_0101;
/// The high bit of every byte.
const HIGH: u64 = 0x8080_8080_8080_8080;

/// Whether a byte of `x` is 0xC2 or 0xE1 to 0xE3, the lead bytes of the only whitespace chars
/// beyond ASCII: tested on the whole word, since in Arabic-script or Cyrillic text every chunk has
/// bytes beyond ASCII, and few of them are such lead bytes.
fn has_space_lead_byte(x: u64) -> bool {
    const LOW: u64 = !HIGH;
    // The high bit of each byte of `v` that is zero (no byte carries into the next).
    let zero = |v: u64| !(((v & LOW) + LOW) | v) & !LOW;
    let c2 = zero(x ^ (ONES * 0xc2));
    let e0_to_e3 = zero((x & (ONES * 0xfc)) ^ (ONES * 0xe0));
    let e0 = zero(x ^ (ONES * 0xe0));
    (c2 | (e0_to_e3 & !e0)) != 0
}

/// Bit `j` set for each byte `j` (little-endian) of `x` that is ASCII whitespace (tab to carriage
/// return, or space); bytes beyond ASCII never are. Byte-wise comparisons done on the whole word,
/// on each byte's low seven bits, so that no byte ever carries into the next.
fn ascii_spaces(x: u64) -> u32 {
    let low = x & !HIGH;
    // High bit of a byte: set where the low bits are 0x20 (low ^ 0x20 is zero there, and adding
    // 0x7f to anything else sets it) ...
    let e = low ^ (ONES * 0x20);
    let space = !((e + ONES * 0x7f) | e) & HIGH;
    // ... or where they are 0x09..=0x0d (at least 0x09, and not at least 0x0e) ...
    let control = (low + ONES * (0x80 - 0x09)) & !(low + ONES * (0x80 - 0x0e)) & HIGH;
    // ... and the byte itself is ASCII. Gather the eight high bits into the top byte.
    let ascii = !x & HIGH;
    ((((space | control) & ascii) >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn space_lead_bytes_are_found_in_any_word() {
        for b in 0..=0xffu8 {
            for fill in [b'a', 0xc1, 0xc3, 0xe0, 0xe4, 0xd8, 0x80, 0xbf, 0x00, 0xff] {
                for pos in 0..8 {
                    let mut bytes = [fill; 8];
                    bytes[pos] = b;
                    let want = bytes.iter().any(|&b| matches!(b, 0xc2 | 0xe1..=0xe3));
                    assert_eq!(
                        has_space_lead_byte(u64::from_le_bytes(bytes)),
                        want,
                        "{bytes:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn ascii_spaces_marks_exactly_the_whitespace_bytes() {
        let space = |b: u8| matches!(b, b'\t'..=b'\r' | b' ');
        for b in 0..=0xffu8 {
            for fill in [
                b'a', b' ', 0x08, 0x0e, 0x1f, 0x21, 0x7f, 0x00, 0xa0, 0x89, 0xff, 0x80,
            ] {
                for pos in 0..8 {
                    let mut bytes = [fill; 8];
                    bytes[pos] = b;
                    let want = (0..8).fold(0, |m, j| m | u32::from(space(bytes[j])) << j);
                    assert_eq!(ascii_spaces(u64::from_le_bytes(bytes)), want, "{bytes:?}");
                }
            }
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// Counting agrees with `split_whitespace` on any text, Unicode spaces and all.
        #[test]
        fn words_are_counted_as_split_whitespace_counts(
            s in "([a-z]{1,5}|[ \t\n\x0b\x0c\r]|\u{a0}|\u{3000}|\u{2009}|\u{200c}|\u{1680}|é|\u{85}|[کراچی]{1,6}|東京|😀){0,80}",
            max in 1usize..40,
        ) {
            let ascii: String = s.chars().filter(char::is_ascii).collect();
            for s in [s, ascii] {
                proptest::prop_assert_eq!(count_words(&s, max), s.split_whitespace().take(max).count());
            }
        }
    }
}
