//! The lookups the furniture rules share: whether a line starts or ends with one of a list's
//! phrases, a list's prefixes kept by first byte ([`Prefixes`]) so that a line is compared with
//! the few that start as it does, and a word among a list's without regard to ASCII case.

/// Phrases that end a line of furniture, under the word they all end with: a line is compared
/// with the phrases only when it ends with that word ([`ends_with_one_of`]).
pub(super) type Endings = (&'static str, &'static [&'static str]);

/// Whether `lower`, a line lower-cased, starts with one of `prefixes` (ending at a word boundary).
pub(super) fn starts_with_one_of(lower: &str, prefixes: &Prefixes) -> bool {
    prefixes
        .starting_with(lower.as_bytes()[0])
        .any(|p| starts_with_word(lower, p))
}

/// A list of prefixes with, for each byte, which of them start with it (bit `i` of entry `b` is
/// set when prefix `i` starts with byte `b`): a line is compared with the few prefixes that start
/// as it does.
pub(super) struct Prefixes {
    list: &'static [&'static str],
    by_first_byte: [u128; 256],
}

impl Prefixes {
    /// The table of `list` (at most 128 prefixes).
    pub(super) const fn new(list: &'static [&'static str]) -> Prefixes {
        let mut by_first_byte = [0u128; 256];
        let mut i = 0;
        while i < list.len() {
            by_first_byte[list[i].as_bytes()[0] as usize] |= 1 << i;
            i += 1;
        }
        Prefixes {
            list,
            by_first_byte,
        }
    }

    /// The prefixes that start with the byte `first`.
    pub(super) fn starting_with(&self, first: u8) -> impl Iterator<Item = &'static str> + '_ {
        let mut bits = self.by_first_byte[usize::from(first)];
        std::iter::from_fn(move || {
            if bits == 0 {
                return None;
            }
            let i = bits.trailing_zeros() as usize;
            bits &= bits - 1;
            Some(self.list[i])
        })
    }
}

/// Whether `word` is one of `list` without regard to ASCII case: compared with no copy, and
/// without Unicode's case tables, which would weigh on the browser's build (a list's Russian
/// entries are written in both cases of their first letter).
pub(super) fn is_one_of(list: &[&str], word: &str) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(word))
}

/// Whether `trimmed`, the `stops` at its end aside, ends with one of the phrases of `endings`.
pub(super) fn ends_with_one_of<const N: usize>(
    trimmed: &str,
    stops: [char; N],
    (last, phrases): Endings,
) -> bool {
    let line = trimmed.trim_end_matches(stops);
    line.ends_with(last) && phrases.iter().any(|e| line.ends_with(e))
}

/// `prefix` at the start of `lower`, ending at a word boundary (so "home" does not match "homes").
pub(super) fn starts_with_word(lower: &str, prefix: &str) -> bool {
    lower.starts_with(prefix)
        && lower[prefix.len()..].chars().next().is_none_or(|c| {
            !c.is_alphanumeric() || !prefix.ends_with(|p: char| p.is_alphanumeric())
        })
}

#[cfg(test)]
mod tests {
    use crate::text::furniture::interface::{PREFIXES, SHORT_LINE_PREFIXES};
    use crate::text::furniture::links::{LINK_LINE_PREFIXES, LINK_PREFIXES};

    #[test]
    fn prefix_tables_list_every_prefix_under_its_first_byte() {
        for (table, list) in [
            (&SHORT_LINE_PREFIXES, PREFIXES),
            (&LINK_LINE_PREFIXES, LINK_PREFIXES),
        ] {
            for b in 0..=255u8 {
                let want: Vec<&str> = list
                    .iter()
                    .copied()
                    .filter(|p| p.as_bytes()[0] == b)
                    .collect();
                assert_eq!(table.starting_with(b).collect::<Vec<_>>(), want);
            }
        }
    }
}
