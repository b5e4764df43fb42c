//! A text rewritten in places, with the way back: which part of the input each part came from.
//!
//! The text pipeline reads some inputs as the text they stand for before it takes their words
//! (HTML left in a text: [`super::markup`]; words disguised with look-alike letters of another
//! script: [`super::lookalikes`]; English disguised with diacritics: [`super::diacritics`]). The
//! words are found in the rewritten text, and their offsets are given back in the input's terms
//! ([`Rewritten::original_range`]), so that passages are highlighted where they stand.

use std::ops::Range;

/// A rewritten text and the parts of the input it replaced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rewritten {
    /// The text as rewritten.
    pub text: String,
    /// Every replaced part, in order: its range in [`Rewritten::text`] and in the input.
    replaced: Vec<Replaced>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Replaced {
    new_start: usize,
    new_end: usize,
    start: usize,
    end: usize,
}

/// Builds a [`Rewritten`] from its input, one replacement at a time, in order.
pub struct Builder<'a> {
    input: &'a str,
    /// Input copied or replaced up to here.
    done: usize,
    out: Rewritten,
}

impl Rewritten {
    /// A builder for a rewriting of `input`. It allocates nothing until the first replacement:
    /// most texts a rewrite looks at need none.
    pub fn builder(input: &str) -> Builder<'_> {
        Builder {
            input,
            done: 0,
            out: Rewritten {
                text: String::new(),
                replaced: Vec::new(),
            },
        }
    }

    /// The range in the input of the rewritten text's `start..end` (byte offsets): a range that
    /// begins or ends inside a replacement takes all of what it replaced.
    pub fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        (self.map(start, false), self.map(end, true))
    }

    /// The input offset of offset `at` of the rewritten text, as a range's start (`is_end` false)
    /// or end.
    fn map(&self, at: usize, is_end: bool) -> usize {
        // The last replacement that starts before `at` (or at it, for a start).
        let i = self.replaced.partition_point(|r| {
            if is_end {
                r.new_start < at
            } else {
                r.new_start <= at
            }
        });
        let Some(r) = i.checked_sub(1).map(|i| self.replaced[i]) else {
            return at;
        };
        if at < r.new_end || (is_end && at == r.new_end) {
            // Inside the replacement, or a range's end at its end: all of what it replaced.
            if is_end {
                r.end
            } else {
                r.start
            }
        } else {
            r.end + (at - r.new_end)
        }
    }
}

impl Builder<'_> {
    /// Replaces `range` of the input (after every range replaced before) by `with`.
    pub fn replace(&mut self, range: Range<usize>, with: &str) {
        debug_assert!(range.start >= self.done && range.end >= range.start);
        let out = &mut self.out;
        if out.replaced.is_empty() {
            out.text.reserve(self.input.len());
        }
        out.text.push_str(&self.input[self.done..range.start]);
        let new_start = out.text.len();
        out.text.push_str(with);
        out.replaced.push(Replaced {
            new_start,
            new_end: out.text.len(),
            start: range.start,
            end: range.end,
        });
        self.done = range.end;
    }

    /// The rewritten text, or `None` if nothing was replaced.
    pub fn finish(mut self) -> Option<Rewritten> {
        if self.out.replaced.is_empty() {
            return None;
        }
        self.out.text.push_str(&self.input[self.done..]);
        Some(self.out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_ranges_back_through_replacements() {
        let input = "<p>The city&#8217;s bridge</p>";
        let mut b = Rewritten::builder(input);
        b.replace(0..3, "\n");
        b.replace(11..18, "’");
        b.replace(26..30, "\n");
        let r = b.finish().unwrap();
        assert_eq!(r.text, "\nThe city’s bridge\n");
        let range = |word: &str| {
            let s = r.text.find(word).unwrap();
            let (a, b) = r.original_range(s, s + word.len());
            &input[a..b]
        };
        assert_eq!(range("The"), "The");
        assert_eq!(range("city’s"), "city&#8217;s");
        assert_eq!(range("’s"), "&#8217;s");
        assert_eq!(range("city"), "city");
        assert_eq!(range("bridge"), "bridge");
        assert_eq!(r.original_range(0, r.text.len()), (0, input.len()));
        // Replaced by nothing: a word just after or just before it takes none of it.
        let mut b = Rewritten::builder("ab<i>cd");
        b.replace(2..5, "");
        let r = b.finish().unwrap();
        assert_eq!(r.text, "abcd");
        assert_eq!(r.original_range(2, 4), (5, 7));
        assert_eq!(r.original_range(0, 2), (0, 2));
        assert!(Rewritten::builder("x").finish().is_none());
    }
}
