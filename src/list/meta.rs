//! The originals' metadata (source, id, title, url, published date) as a list stores it.
//!
//! Metadata is most of a list's size when it is stored plainly: on the public sets' originals,
//! 186 bytes per original against about 150 for all the fingerprints, since headlines are long
//! (Urdu ones twice so in UTF-8) and addresses longer. It is also read rarely: only for the few
//! originals a report names. So entries are grouped in blocks ([`block_size`]), in record order,
//! and each block is compressed by the context-mixing coder of [`super::cm`], which predicts each
//! bit from the bytes before it: 186 → 45 bytes per original for the bundled list (raw DEFLATE,
//! lists of format 6 and before: 65; format 8's simpler coder: 52). A block is decoded the first
//! time one of its originals is asked for and kept, so loading a list costs nothing more, and
//! checking a page decodes at most the few blocks of the originals it reports.
//!
//! One entry: the strings source, id, title, url and published, each its UTF-8 bytes ended by a
//! zero byte, an empty string meaning "absent". Ids may not hold a zero byte (a list refuses
//! them); other fields lose theirs. Ended rather than preceded by its length, a field tells the
//! coder where it is (the zero bytes mark the fields), and its end is usually predictable where
//! a length never is; the source's name, written out in every entry, costs almost nothing where
//! it repeats, and spells out what an id or address beginning with it repeats.
//!
//! Reading never trusts a block: its decoded size is bounded by [`max_block_bytes`] (what its
//! entries can hold and what its stored bytes can code) before anything is allocated, and a
//! block that does not decode to exactly its entries (possible only in a crafted file, since the
//! body's checksum covers every block) reads as originals without metadata.

use std::sync::OnceLock;

use super::Meta;

/// Originals per compressed block in lists of up to four such blocks: the coder learns each
/// block's words and spellings afresh, so larger blocks compress better (on the bundled list, 45
/// bytes per original against 48 with 128 and 51 with 64).
pub const BLOCK: usize = 256;
/// Originals per block in larger lists: a check reports up to five originals, each perhaps in
/// another block, and decoding a block costs about 400 ns a byte (a block of 64 real headlines,
/// some 12 KB, about 5 ms natively and twice that in the browser).
pub const SMALL_BLOCK: usize = 64;

/// Originals per block in a list of `n` originals: [`BLOCK`] up to four blocks, [`SMALL_BLOCK`]
/// beyond, so that no check decodes more than four large blocks.
pub fn block_size(n: usize) -> usize {
    if n <= 4 * BLOCK {
        BLOCK
    } else {
        SMALL_BLOCK
    }
}
/// Longest id, title, url or published date a list stores, in bytes. Longer titles, addresses and
/// dates are cut at a character boundary when a list is built; longer ids are refused, since an
/// id must stay exact.
pub const MAX_FIELD_BYTES: usize = 2048;
/// Largest entry a list may hold: five strings of at most [`MAX_FIELD_BYTES`], each with its
/// ending zero byte.
pub const MAX_ENTRY_BYTES: usize = 5 * (MAX_FIELD_BYTES + 1);
/// Originals in block `b` of a list of `n` originals (0 past the last block).
pub fn entries_in_block(n: usize, b: usize) -> usize {
    let size = block_size(n);
    size.min(n.saturating_sub(b.saturating_mul(size)))
}

/// Largest decoded length block `b` of a list of `n` originals may declare when `stored` bytes
/// hold it: its entries at [`MAX_ENTRY_BYTES`] each, and no more than its stored bytes can code
/// ([`super::cm::max_decoded_len`]). So a crafted file cannot make one original's metadata cost
/// more decoding than its block could honestly hold, nor a few stored bytes cost megabytes of
/// decoding (a fuzzed file of one original, under 400 bytes, declared 2.6 MB: seconds of work).
pub fn max_block_bytes(n: usize, b: usize, stored: usize) -> usize {
    (entries_in_block(n, b) * MAX_ENTRY_BYTES).min(super::cm::max_decoded_len(stored))
}

/// Appends one original's entry (see the module docs) to `out`: its source, id, title, url and
/// date. Zero bytes are left out (the list builder refuses ids that hold one) and fields longer
/// than [`MAX_FIELD_BYTES`] are cut.
pub(crate) fn put_entry(out: &mut Vec<u8>, fields: [Option<&str>; 5]) {
    for f in fields {
        let f = f.unwrap_or("");
        let f: std::borrow::Cow<str> = if f.contains('\0') {
            f.replace('\0', "").into()
        } else {
            f.into()
        };
        out.extend_from_slice(cut(&f).as_bytes());
        out.push(0);
    }
}

/// `s` cut to at most [`MAX_FIELD_BYTES`] bytes, at a character boundary.
pub(crate) fn cut(s: &str) -> &str {
    cut_to(s, MAX_FIELD_BYTES)
}

/// `s` cut to at most `max` bytes, at a character boundary.
pub(crate) fn cut_to(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// One block as it is stored: its compressed bytes and its decoded length.
struct Packed {
    bytes: Vec<u8>,
    decoded_len: u32,
}

/// Compresses one block's concatenated entries ([`super::cm`]).
fn pack(entries: &[u8]) -> Packed {
    Packed {
        bytes: super::cm::compress(entries),
        decoded_len: entries.len() as u32,
    }
}

/// A decoded block: its bytes and where each of its entries starts (and the last ends).
#[derive(Debug)]
struct Decoded {
    bytes: Vec<u8>,
    starts: Vec<u32>,
}

/// The metadata of a list's originals: compressed blocks, each decoded on first use.
#[derive(Debug, Default)]
pub(crate) struct MetaBlocks {
    /// Originals described.
    n: usize,
    /// The compressed blocks, back to back.
    data: Vec<u8>,
    /// Where each block ends in `data`.
    ends: Vec<u32>,
    /// Each block's decoded length.
    decoded_lens: Vec<u32>,
    /// Each block once decoded and checked (`None`: it is damaged).
    decoded: Vec<OnceLock<Option<Decoded>>>,
}

impl Clone for MetaBlocks {
    /// A copy of the stored blocks; blocks are decoded again when used.
    fn clone(&self) -> MetaBlocks {
        MetaBlocks::new(
            self.n,
            self.data.clone(),
            self.ends.clone(),
            self.decoded_lens.clone(),
        )
    }
}

/// Number of blocks that hold `n` originals.
pub(crate) fn blocks_for(n: usize) -> usize {
    n.div_ceil(block_size(n))
}

impl MetaBlocks {
    /// Blocks for `n` originals from their stored parts, already checked by the caller: one end
    /// and one length per block, ends non-decreasing up to `data.len()`, lengths within
    /// [`max_block_bytes`].
    pub(crate) fn new(n: usize, data: Vec<u8>, ends: Vec<u32>, decoded_lens: Vec<u32>) -> Self {
        let decoded = (0..ends.len()).map(|_| OnceLock::new()).collect();
        MetaBlocks {
            n,
            data,
            ends,
            decoded_lens,
            decoded,
        }
    }

    /// Packs the entries of the originals (each made by [`put_entry`]) in blocks ([`block_size`]),
    /// compressed on all cores natively.
    pub(crate) fn from_entries(entries: &[Vec<u8>]) -> MetaBlocks {
        let blocks: Vec<&[Vec<u8>]> = entries.chunks(block_size(entries.len())).collect();
        let packed = super::build::map_all(&blocks, |b| pack(&b.concat()));
        let mut data = Vec::new();
        let mut ends = Vec::with_capacity(packed.len());
        let mut lens = Vec::with_capacity(packed.len());
        for p in packed {
            data.extend_from_slice(&p.bytes);
            ends.push(data.len() as u32);
            lens.push(p.decoded_len);
        }
        MetaBlocks::new(entries.len(), data, ends, lens)
    }

    /// The compressed blocks, back to back.
    pub(crate) fn data(&self) -> &[u8] {
        &self.data
    }

    /// Each block's end in [`Self::data`] and decoded length.
    pub(crate) fn table(&self) -> impl Iterator<Item = (u32, u32)> + '_ {
        self.ends
            .iter()
            .copied()
            .zip(self.decoded_lens.iter().copied())
    }

    /// The metadata of original `i`; `None` if `i` is out of range or its block is damaged.
    pub(crate) fn get(&self, i: usize) -> Option<Meta<'_>> {
        if i >= self.n {
            return None;
        }
        let size = block_size(self.n);
        let block = self.block(i / size)?;
        let k = i % size;
        let (start, end) = (block.starts[k] as usize, block.starts[k + 1] as usize);
        let (meta, _) = read_entry(&block.bytes[start..end])?;
        Some(meta)
    }

    /// Decodes the blocks that hold `originals`, those not decoded yet, at once: on all cores
    /// natively, so that a report naming originals of several blocks waits for one block's
    /// decoding, not for each in turn.
    pub(crate) fn decode_blocks_of(&self, originals: impl Iterator<Item = usize>) {
        let size = block_size(self.n);
        let mut blocks: Vec<usize> = originals
            .filter(|&i| i < self.n)
            .map(|i| i / size)
            .filter(|&b| self.decoded[b].get().is_none())
            .collect();
        blocks.sort_unstable();
        blocks.dedup();
        super::build::map_all(&blocks, |&b| {
            self.block(b);
        });
    }

    /// Block `b`, decoded and checked on first use and kept; `None` if it is out of range or
    /// damaged.
    fn block(&self, b: usize) -> Option<&Decoded> {
        self.decoded.get(b)?.get_or_init(|| self.decode(b)).as_ref()
    }

    /// Decodes and checks block `b`: exactly its declared length, exactly its entries.
    fn decode(&self, b: usize) -> Option<Decoded> {
        let start = if b == 0 { 0 } else { self.ends[b - 1] as usize };
        let stored = self.data.get(start..self.ends[b] as usize)?;
        let len = self.decoded_lens[b] as usize;
        let bytes = super::cm::decompress(stored, len);
        let count = entries_in_block(self.n, b);
        let mut starts = Vec::with_capacity(count + 1);
        starts.push(0u32);
        let mut at = 0;
        for _ in 0..count {
            let (_, used) = read_entry(&bytes[at..])?;
            at += used;
            starts.push(at as u32);
        }
        (at == bytes.len()).then_some(Decoded { bytes, starts })
    }
}

/// Reads one entry from the start of `bytes`: the metadata and the bytes it took; `None` if
/// its five fields are not there or not UTF-8.
fn read_entry<'a>(bytes: &'a [u8]) -> Option<(Meta<'a>, usize)> {
    let mut at = 0;
    let mut fields = [""; 5];
    for f in &mut fields {
        let len = bytes.get(at..)?.iter().position(|&b| b == 0)?;
        *f = std::str::from_utf8(&bytes[at..at + len]).ok()?;
        at += len + 1;
    }
    let opt = |s: &'a str| (!s.is_empty()).then_some(s);
    let [source, id, title, url, published] = fields;
    let meta = Meta {
        id,
        source: opt(source),
        title: opt(title),
        url: opt(url),
        published: opt(published),
    };
    Some((meta, at))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCES: [&str; 2] = ["Wire A", "Wire B"];

    fn entries(n: usize) -> Vec<Vec<u8>> {
        (0..n)
            .map(|i| {
                let mut e = Vec::new();
                let title = format!("Headline number {i} about the harbour");
                let url = format!("https://example.org/news/{i}-harbour");
                let source = (i % 3 != 0).then_some(SOURCES[i % 2]);
                put_entry(
                    &mut e,
                    [
                        source,
                        Some(&format!("id-{i}")),
                        Some(&title),
                        Some(&url),
                        None,
                    ],
                );
                e
            })
            .collect()
    }

    fn blocks(n: usize) -> MetaBlocks {
        MetaBlocks::from_entries(&entries(n))
    }

    #[test]
    fn every_original_reads_back_from_its_block() {
        let n = 2 * BLOCK + 22;
        let m = blocks(n);
        assert_eq!(m.ends.len(), 3);
        for i in [0, BLOCK - 1, BLOCK, 2 * BLOCK - 1, 2 * BLOCK, n - 1] {
            let meta = m.get(i).unwrap();
            assert_eq!(meta.id, format!("id-{i}"));
            assert_eq!(
                meta.url,
                Some(format!("https://example.org/news/{i}-harbour").as_str())
            );
            assert_eq!(meta.published, None);
            let source = (i % 3 != 0).then_some(SOURCES[i % 2]);
            assert_eq!(meta.source, source);
        }
        assert!(m.get(n).is_none());
        // Repeated headlines and addresses compress: well under half of the plain entries.
        let plain: usize = entries(n).iter().map(Vec::len).sum();
        assert!(m.data().len() * 2 < plain, "{} of {plain}", m.data().len());
    }

    #[test]
    fn damaged_or_lying_blocks_read_as_no_metadata() {
        let n = BLOCK + 6;
        let good = blocks(n);
        let (ends, lens): (Vec<u32>, Vec<u32>) = good.table().unzip();
        // A block that claims more bytes than it holds.
        let mut longer = lens.clone();
        longer[0] += 1;
        let m = MetaBlocks::new(n, good.data().to_vec(), ends.clone(), longer);
        assert!(m.get(0).is_none());
        assert_eq!(m.get(BLOCK).unwrap().id, format!("id-{BLOCK}"));
        // A block that claims fewer: decoding stops at the limit, and the entries do not fit.
        let mut shorter = lens.clone();
        shorter[1] -= 1;
        let m = MetaBlocks::new(n, good.data().to_vec(), ends.clone(), shorter);
        assert!(m.get(n - 1).is_none());
        // Garbage instead of coded data.
        let m = MetaBlocks::new(n, vec![0xff; good.data().len()], ends, lens);
        assert!(m.get(0).is_none() && m.get(BLOCK + 1).is_none());
    }

    #[test]
    fn a_block_declares_no_more_than_its_entries_and_stored_bytes_allow() {
        // One original: one entry's worth, not a whole block's (2.6 MB).
        assert_eq!(entries_in_block(1, 0), 1);
        assert_eq!(max_block_bytes(1, 0, 1000), MAX_ENTRY_BYTES);
        // The last block holds the rest; none lies beyond it.
        let n = 2 * BLOCK + 22;
        let counts: Vec<usize> = (0..4).map(|b| entries_in_block(n, b)).collect();
        assert_eq!(counts, [BLOCK, BLOCK, 22, 0]);
        // A few stored bytes code a few kilobytes at most.
        assert_eq!(max_block_bytes(n, 0, 2), 2 * 4096);
        assert_eq!(max_block_bytes(n, 0, 0), 0);
    }

    #[test]
    fn the_most_compressible_honest_block_stays_within_the_bound() {
        // Every field of every entry as long as a list stores it, and the same: the block that
        // codes into the fewest bytes for its length. It must still be read.
        let long: String = (0..MAX_FIELD_BYTES)
            .map(|i| char::from(b'a' + (i * 7 % 26) as u8))
            .collect();
        let entries: Vec<Vec<u8>> = (0..BLOCK)
            .map(|_| {
                let mut e = Vec::new();
                put_entry(&mut e, [Some(&long); 5]);
                e
            })
            .collect();
        let m = MetaBlocks::from_entries(&entries);
        let (_, len) = m.table().next().unwrap();
        assert_eq!(len as usize, BLOCK * MAX_ENTRY_BYTES);
        let stored = m.data().len();
        assert!(
            len as usize <= max_block_bytes(BLOCK, 0, stored),
            "{len} in {stored}"
        );
        // With room to spare: the coder's bound is about 2,840 bytes a stored byte.
        assert!((len as usize) < 2900 * stored, "{len} in {stored}");
        assert_eq!(m.get(BLOCK - 1).unwrap().title, Some(long.as_str()));
    }

    #[test]
    fn lists_beyond_four_blocks_use_small_ones() {
        let n = 4 * BLOCK + 1;
        let m = blocks(n);
        assert_eq!(m.ends.len(), n.div_ceil(SMALL_BLOCK));
        for i in [0, SMALL_BLOCK - 1, SMALL_BLOCK, n - 1] {
            assert_eq!(m.get(i).unwrap().id, format!("id-{i}"));
        }
        assert_eq!(blocks(4 * BLOCK).ends.len(), 4);
    }

    #[test]
    fn blocks_are_decoded_ahead_only_where_asked() {
        let n = 4 * BLOCK + 1;
        let m = blocks(n);
        m.decode_blocks_of([3, SMALL_BLOCK * 5 + 2, 3, n + 7].into_iter());
        let decoded: Vec<usize> = (0..m.decoded.len())
            .filter(|&b| m.decoded[b].get().is_some())
            .collect();
        assert_eq!(decoded, [0, 5]);
        assert_eq!(
            m.get(SMALL_BLOCK * 5 + 2).unwrap().id,
            format!("id-{}", SMALL_BLOCK * 5 + 2)
        );
    }

    #[test]
    fn zero_bytes_are_left_out_of_fields() {
        let mut e = Vec::new();
        put_entry(
            &mut e,
            [None, Some("a1"), Some("Head\0line"), None, Some("\0")],
        );
        let m = MetaBlocks::from_entries(&[e]);
        let meta = m.get(0).unwrap();
        assert_eq!((meta.source, meta.id), (None, "a1"));
        assert_eq!((meta.title, meta.published), (Some("Headline"), None));
    }

    #[test]
    fn long_fields_are_cut_at_a_character_boundary() {
        let long = "é".repeat(MAX_FIELD_BYTES);
        let cut = cut(&long);
        assert_eq!(cut.len(), MAX_FIELD_BYTES);
        assert!(cut.chars().all(|c| c == 'é'));
        let odd = format!("a{long}");
        assert_eq!(super::cut(&odd).len(), MAX_FIELD_BYTES - 1);
        assert_eq!(super::cut("short"), "short");
    }
}
