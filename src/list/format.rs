//! The list file format, version 4. All integers little-endian. `FORMAT.md` has the same in prose.
//!
//! ```text
//! header, 48 bytes
//!   0  magic        8 bytes  "PROVLIST"
//!   8  version      u16      4
//!  10  header_len   u16      48
//!  12  originals    u32      n, at most 2^24 - 1
//!  16  entries      u32      m, index entries (stored features)
//!  20  bucket_bits  u8       b, 8 to 16
//!  21  sketch size  3 × u8   shingles, terms, anchors kept per original (informative)
//!  24  sources      u32      s, distinct source names
//!  28  reserved     u32      0
//!  32  body_len     u64      bytes after the header
//!  40  body_crc     u32      CRC-32 (IEEE) of the body
//!  44  header_crc   u32      CRC-32 of header bytes 0..44
//! body
//!   records    n × 28 bytes: simhash u64, tau u16 (top 16 bits), words u16, term_weight u16
//!              (/256), anchor_weight u16 (/256), shingles u8, terms u8, anchors u8, lang u8,
//!              vocabulary words u16, vocabulary tau u16 (top 16 bits), vocabulary slots u16,
//!              vocabulary anchors u16 (how many of its words are anchors)
//!   buckets    (2^b + 1) × u32: entry offsets, non-decreasing, first 0, last m
//!   entries    m × w bits, packed least significant bit first and padded to a whole byte:
//!              original index << 18 | position << 12 | residual, where w = 18 + the bits of
//!              n − 1; residual: the 12 key bits after the top b, sorted within a bucket;
//!              position: 0–63 over the original
//!   vocabulary the originals' vocabulary filters (content words and anchors), in record order,
//!              each ⌈6 × slots / 8⌉ bytes (see `ribbon`)
//!   sources    s × string
//!   meta table ⌈n / 64⌉ × (u32 end of the block in the meta blocks, u32 inflated length)
//!   meta blocks raw DEFLATE streams, each inflating to the entries of 64 originals (the last:
//!              the rest), one per original: varint source index + 1 or 0; strings id, title,
//!              url, published (see `meta`)
//! string = varint byte length + UTF-8 bytes; an empty optional string means "absent"
//! ```
//!
//! Reading checks, before trusting any count: magic, version, both checksums, that the body is
//! exactly as long as declared, and that every count fits in the bytes present (so a hostile file
//! cannot make the reader allocate more than the file's size). After the checksums, the structure
//! is validated too (monotonic buckets, sorted residuals, entries pointing at real originals,
//! filters and metadata blocks within their bounds), since a checksum proves integrity, not good
//! intent. A metadata block is inflated and checked when first used, never beyond its declared
//! size (see [`super::meta`]).

use super::meta::{self, MetaBlocks};
use super::{build::OriginalDoc, List, Record};
use crate::error::ListError;

/// The first eight bytes of every list file.
pub const MAGIC: &[u8; 8] = b"PROVLIST";
/// The format version this build writes and reads.
pub const VERSION: u16 = 4;
/// Length of the fixed header.
pub const HEADER_LEN: usize = 48;
/// Bytes per original record.
pub const RECORD_LEN: usize = 28;
/// Smallest bucket table exponent.
pub const MIN_BUCKET_BITS: u8 = 8;
/// Largest bucket table exponent.
pub const MAX_BUCKET_BITS: u8 = 16;
/// Entries a bucket holds on average, at least, below the largest table: a lookup reads one table
/// entry and binary-searches this many residuals. Thirty-two keep the table at about 1.6 bytes
/// per original at 20,000 originals (eight cost 6.6). Keys are then truncated to
/// `bucket_bits + RESIDUAL_BITS` bits, so a lookup finds a stray entry of another key with a
/// chance of about 32 in 4,096: a few stray hits per page, each a single feature of a random
/// original, which selection and scoring outweigh.
pub const BUCKET_ENTRIES: usize = 32;
/// Key bits stored per entry after the bucket's. Twelve cost nothing measurable on the public
/// sets against sixteen (every metric the same) and save half a byte per entry; eight lost up
/// to 0.009 of top-1 accuracy.
pub const RESIDUAL_BITS: u32 = 12;
/// Bits of an entry's relative position: 64 steps over the original (positions are stored as
/// multiples of 4 on the 0–255 scale). The order of shared features is all they are used for;
/// 256 steps did no better on the public sets.
pub const POSITION_BITS: u32 = 6;

/// Rounds a weight to what a record stores (1/256 steps up to 255.99).
pub fn quantize_weight(w: f32) -> f32 {
    f32::from(weight_to_u16(w)) / 256.0
}

fn weight_to_u16(w: f32) -> u16 {
    (w.max(0.0) * 256.0).round().min(f32::from(u16::MAX)) as u16
}

/// Lays out the index of a list from its records and `(key, posting)` entries.
pub(crate) fn layout(records: Vec<Record>, entries: Vec<(u32, u32)>, sketch_size: [u8; 3]) -> List {
    let m = entries.len();
    let mut bits = MIN_BUCKET_BITS;
    while bits < MAX_BUCKET_BITS && (m >> (bits + 1)) >= BUCKET_ENTRIES {
        bits += 1;
    }
    let shift = 32u32.saturating_sub(u32::from(bits) + RESIDUAL_BITS);
    let position_mask = !((1u32 << (8 - POSITION_BITS)) - 1);
    // Sorted as plain integers, several times faster than as pairs: the truncated key (bucket,
    // then residual) in the high half, the posting (its position as stored) in the low.
    let mut packed: Vec<u64> = entries
        .iter()
        .map(|&(key, posting)| {
            let posting = posting & (!0xff | position_mask);
            u64::from(key >> shift) << 32 | u64::from(posting)
        })
        .collect();
    packed.sort_unstable();
    let mut buckets = vec![0u32; (1usize << bits) + 1];
    for &e in &packed {
        buckets[(e >> (32 + RESIDUAL_BITS)) as usize + 1] += 1;
    }
    for i in 1..buckets.len() {
        buckets[i] += buckets[i - 1];
    }
    List {
        records,
        bucket_bits: bits,
        buckets,
        residuals: packed
            .iter()
            .map(|&e| (e >> 32) as u16 & RESIDUAL_MASK)
            .collect(),
        postings: packed.iter().map(|&e| e as u32).collect(),
        sources: Vec::new(),
        meta: MetaBlocks::default(),
        sketch_size,
        vocab: Vec::new(),
        vocab_offsets: vec![0],
    }
}

/// Puts every original's vocabulary filter ([`super::ribbon::build`], in record order; each
/// record already holds its word and slot counts) into `list`.
pub(crate) fn set_vocabularies<'a>(list: &mut List, vocabs: impl Iterator<Item = &'a [u8]>) {
    let mut blob = Vec::new();
    let mut offsets = vec![0u32];
    for bytes in vocabs {
        blob.extend_from_slice(bytes);
        offsets.push(blob.len() as u32);
    }
    list.vocab = blob;
    list.vocab_offsets = offsets;
}

/// Fills in the metadata of `list`'s originals, in record order: the table of distinct sources,
/// and each original's entry in compressed blocks (see [`super::meta`]), compressed on all cores.
pub(crate) fn set_meta(list: &mut List, docs: &[&OriginalDoc]) {
    let mut sources: Vec<String> = Vec::new();
    let mut index: std::collections::HashMap<&str, usize> = Default::default();
    let entries: Vec<Vec<u8>> = docs
        .iter()
        .map(|d| {
            let src = d.source.as_deref().filter(|s| !s.is_empty()).map(|s| {
                let next = sources.len();
                *index.entry(s).or_insert_with(|| {
                    sources.push(s.to_string());
                    next
                })
            });
            let mut e = Vec::new();
            let fields = [
                Some(d.id.as_str()),
                d.title.as_deref(),
                d.url.as_deref(),
                d.published.as_deref(),
            ];
            meta::put_entry(&mut e, src, fields);
            e
        })
        .collect();
    list.sources = sources;
    list.meta = MetaBlocks::from_entries(&entries);
}

/// Serialises `list` to the file format of this version.
pub fn encode(list: &List) -> Vec<u8> {
    let mut body = Vec::with_capacity(
        list.records.len() * RECORD_LEN
            + list.buckets.len() * 4
            + list.postings.len() * 6
            + list.meta.data().len()
            + 64,
    );
    for r in &list.records {
        body.extend_from_slice(&r.simhash.to_le_bytes());
        body.extend_from_slice(&((r.tau >> 16) as u16).to_le_bytes());
        body.extend_from_slice(&(r.words.min(u32::from(u16::MAX)) as u16).to_le_bytes());
        body.extend_from_slice(&weight_to_u16(r.term_weight).to_le_bytes());
        body.extend_from_slice(&weight_to_u16(r.anchor_weight).to_le_bytes());
        body.extend_from_slice(&r.counts);
        body.push(r.lang);
        body.extend_from_slice(&r.vocab_words.to_le_bytes());
        body.extend_from_slice(&((r.vocab_tau >> 16) as u16).to_le_bytes());
        body.extend_from_slice(&r.vocab_slots.to_le_bytes());
        body.extend_from_slice(&r.vocab_anchors.to_le_bytes());
    }
    for b in &list.buckets {
        body.extend_from_slice(&b.to_le_bytes());
    }
    let entries = list.residuals.iter().zip(&list.postings).map(|(&r, &p)| {
        let original = u64::from(p >> 8);
        let pos = u64::from((p & 0xff) >> (8 - POSITION_BITS));
        original << (RESIDUAL_BITS + POSITION_BITS) | pos << RESIDUAL_BITS | u64::from(r)
    });
    pack_bits(entries, entry_bits(list.records.len()), &mut body);
    body.extend_from_slice(&list.vocab);
    for s in &list.sources {
        meta::put_str(&mut body, s);
    }
    for (end, len) in list.meta.table() {
        body.extend_from_slice(&end.to_le_bytes());
        body.extend_from_slice(&len.to_le_bytes());
    }
    body.extend_from_slice(list.meta.data());

    let mut out = Vec::with_capacity(HEADER_LEN + body.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&(HEADER_LEN as u16).to_le_bytes());
    out.extend_from_slice(&(list.records.len() as u32).to_le_bytes());
    out.extend_from_slice(&(list.postings.len() as u32).to_le_bytes());
    out.push(list.bucket_bits);
    out.extend_from_slice(&list.sketch_size);
    out.extend_from_slice(&(list.sources.len() as u32).to_le_bytes());
    out.extend_from_slice(&0u32.to_le_bytes());
    out.extend_from_slice(&(body.len() as u64).to_le_bytes());
    out.extend_from_slice(&crc32fast::hash(&body).to_le_bytes());
    let header_crc = crc32fast::hash(&out[..44]);
    out.extend_from_slice(&header_crc.to_le_bytes());
    out.extend_from_slice(&body);
    out
}

/// Bytes each part of a list takes in its file: what `provenance info` and the bench print, so
/// that the cost of every part is seen where it is spent.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sections {
    /// Header and fixed records.
    pub records: usize,
    /// Bucket table, residuals and postings: the inverted index.
    pub index: usize,
    /// The originals' vocabulary filters.
    pub vocabulary: usize,
    /// Source names and per-original metadata (id, title, url, date).
    pub metadata: usize,
}

/// How many bytes each section of `list` takes once encoded (their sum is the file's length).
pub fn sections(list: &List) -> Sections {
    let entries = packed_len(list.postings.len(), entry_bits(list.records.len())).unwrap_or(0);
    let mut sources = Vec::new();
    for s in &list.sources {
        meta::put_str(&mut sources, s);
    }
    Sections {
        records: HEADER_LEN + list.records.len() * RECORD_LEN,
        index: list.buckets.len() * 4 + entries,
        vocabulary: list.vocab.len(),
        metadata: sources.len() + list.meta.table().count() * 8 + list.meta.data().len(),
    }
}

/// The low [`RESIDUAL_BITS`] of a `u16`.
const RESIDUAL_MASK: u16 = (1 << RESIDUAL_BITS) - 1;

/// Bits of one stored index entry in a list of `n` originals: the original's index (as many bits
/// as `n − 1` needs) above its position above its key residual. An entry of a 460-original list
/// takes 27 bits, of a 20,000-original list 33 (a `u16` residual and a `u32` posting would take 48).
fn entry_bits(n: usize) -> u32 {
    usize::BITS - n.saturating_sub(1).leading_zeros() + POSITION_BITS + RESIDUAL_BITS
}

/// Bytes that `m` values of `width` bits take, or `None` on overflow.
fn packed_len(m: usize, width: u32) -> Option<usize> {
    Some(m.checked_mul(width as usize)?.div_ceil(8))
}

/// Appends `values` as `width`-bit values (at most 56), least significant bit first.
fn pack_bits(values: impl Iterator<Item = u64>, width: u32, out: &mut Vec<u8>) {
    let (mut acc, mut bits) = (0u64, 0u32);
    for v in values {
        acc |= v << bits;
        bits += width;
        while bits >= 8 {
            out.push(acc as u8);
            acc >>= 8;
            bits -= 8;
        }
    }
    if bits > 0 {
        out.push(acc as u8);
    }
}

/// Reads `m` values of `width` bits (at most 56) from `bytes` (exactly [`packed_len`] of them):
/// each is read from the eight bytes starting at its first one, zero-padded for the last few.
fn unpack_bits(bytes: &[u8], m: usize, width: u32) -> impl Iterator<Item = u64> + '_ {
    let mask = (1u64 << width) - 1;
    (0..m).map(move |i| {
        let bit = i * width as usize;
        let mut word = [0u8; 8];
        match bytes.get(bit / 8..bit / 8 + 8) {
            Some(whole) => word.copy_from_slice(whole),
            None => {
                let rest = bytes.get(bit / 8..).unwrap_or_default();
                word[..rest.len()].copy_from_slice(rest);
            }
        }
        (u64::from_le_bytes(word) >> (bit % 8)) & mask
    })
}

/// A bounds-checked reader over a byte slice.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ListError> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or(ListError::Corrupt(
                "a section runs past the end of the file",
            ))?;
        let s = &self.bytes[self.at..end];
        self.at = end;
        Ok(s)
    }

    fn varint(&mut self) -> Result<u64, ListError> {
        meta::read_varint(self.bytes, &mut self.at).map_err(ListError::Corrupt)
    }

    fn str(&mut self) -> Result<&'a str, ListError> {
        std::str::from_utf8(self.str_bytes()?)
            .map_err(|_| ListError::Corrupt("a source name is not valid UTF-8"))
    }

    fn str_bytes(&mut self) -> Result<&'a [u8], ListError> {
        let len = self.varint()?;
        let len = usize::try_from(len)
            .map_err(|_| ListError::Corrupt("a string is longer than the file"))?;
        self.take(len)
    }
}

fn u16_at(b: &[u8], i: usize) -> u16 {
    u16::from_le_bytes([b[i], b[i + 1]])
}
fn u32_at(b: &[u8], i: usize) -> u32 {
    u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]])
}
fn u64_at(b: &[u8], i: usize) -> u64 {
    u64::from_le_bytes([
        b[i],
        b[i + 1],
        b[i + 2],
        b[i + 3],
        b[i + 4],
        b[i + 5],
        b[i + 6],
        b[i + 7],
    ])
}

/// Reads a list from the bytes of a list file.
pub fn decode(bytes: &[u8]) -> Result<List, ListError> {
    if bytes.len() < HEADER_LEN {
        if bytes.len() >= 8 && &bytes[..8] != MAGIC {
            return Err(ListError::BadMagic);
        }
        return Err(ListError::TooShort(bytes.len()));
    }
    let h = &bytes[..HEADER_LEN];
    if &h[..8] != MAGIC {
        return Err(ListError::BadMagic);
    }
    let version = u16_at(h, 8);
    if version != VERSION {
        return Err(ListError::UnsupportedVersion {
            found: version,
            supported: VERSION,
        });
    }
    if crc32fast::hash(&h[..44]) != u32_at(h, 44) {
        return Err(ListError::HeaderChecksum);
    }
    if usize::from(u16_at(h, 10)) != HEADER_LEN {
        return Err(ListError::Corrupt("unexpected header length"));
    }
    let body = &bytes[HEADER_LEN..];
    let body_len = u64_at(h, 32);
    if body_len != body.len() as u64 {
        return Err(ListError::Length {
            expected: body_len,
            found: body.len() as u64,
        });
    }
    if crc32fast::hash(body) != u32_at(h, 40) {
        return Err(ListError::BodyChecksum);
    }
    let n = u32_at(h, 12) as usize;
    let m = u32_at(h, 16) as usize;
    let bits = h[20];
    let sketch_size = [h[21], h[22], h[23]];
    let n_sources = u32_at(h, 24) as usize;
    if !(MIN_BUCKET_BITS..=MAX_BUCKET_BITS).contains(&bits) {
        return Err(ListError::Corrupt("bucket table too large"));
    }
    if n > super::build::MAX_ORIGINALS {
        return Err(ListError::Corrupt("too many originals"));
    }
    let n_buckets = (1usize << bits) + 1;
    let width = entry_bits(n);
    let entries_len = packed_len(m, width).ok_or(ListError::Corrupt("counts overflow"))?;
    // Every count must fit in the bytes present before anything is allocated for it.
    let fixed = n
        .checked_mul(RECORD_LEN)
        .and_then(|r| r.checked_add(n_buckets * 4))
        .and_then(|r| r.checked_add(entries_len))
        .and_then(|r| r.checked_add(n_sources))
        .and_then(|r| r.checked_add(meta::blocks_for(n).checked_mul(8)?))
        .ok_or(ListError::Corrupt("counts overflow"))?;
    if fixed > body.len() {
        return Err(ListError::Corrupt("counts exceed the file's size"));
    }
    let mut rd = Reader { bytes: body, at: 0 };
    let rec_bytes = rd.take(n * RECORD_LEN)?;
    let records: Vec<Record> = rec_bytes
        .chunks_exact(RECORD_LEN)
        .map(|r| Record {
            simhash: u64_at(r, 0),
            tau: u32::from(u16_at(r, 8)) << 16 | 0xffff,
            words: u32::from(u16_at(r, 10)),
            term_weight: f32::from(u16_at(r, 12)) / 256.0,
            anchor_weight: f32::from(u16_at(r, 14)) / 256.0,
            counts: [r[16], r[17], r[18]],
            lang: r[19],
            vocab_words: u16_at(r, 20),
            vocab_slots: u16_at(r, 24),
            vocab_tau: u32::from(u16_at(r, 22)) << 16 | 0xffff,
            vocab_anchors: u16_at(r, 26),
        })
        .collect();
    let buckets: Vec<u32> = rd
        .take(n_buckets * 4)?
        .chunks_exact(4)
        .map(|c| u32_at(c, 0))
        .collect();
    if buckets[0] != 0
        || buckets[n_buckets - 1] as usize != m
        || buckets.windows(2).any(|w| w[0] > w[1])
    {
        return Err(ListError::Corrupt("bucket offsets are not monotonic"));
    }
    let mut residuals = Vec::with_capacity(m);
    let mut postings = Vec::with_capacity(m);
    let mut past_end = false;
    for e in unpack_bits(rd.take(entries_len)?, m, width) {
        let original = e >> (RESIDUAL_BITS + POSITION_BITS);
        let pos = (e >> RESIDUAL_BITS) as u32 & ((1 << POSITION_BITS) - 1);
        past_end |= original >= n as u64;
        residuals.push(e as u16 & RESIDUAL_MASK);
        postings.push((original as u32) << 8 | pos << (8 - POSITION_BITS));
    }
    if past_end {
        return Err(ListError::Corrupt(
            "an index entry points past the last original",
        ));
    }
    for w in buckets.windows(2) {
        if residuals[w[0] as usize..w[1] as usize]
            .windows(2)
            .any(|p| p[0] > p[1])
        {
            return Err(ListError::Corrupt("index entries are not sorted"));
        }
    }
    let mut vocab_offsets = Vec::with_capacity(n + 1);
    vocab_offsets.push(0u32);
    let mut vocab_len = 0usize;
    for r in &records {
        if usize::from(r.vocab_words) > super::ribbon::MAX_WORDS
            || usize::from(r.vocab_slots) > super::ribbon::MAX_SLOTS
        {
            return Err(ListError::Corrupt(
                "a vocabulary is larger than the format allows",
            ));
        }
        if r.vocab_anchors > r.vocab_words {
            return Err(ListError::Corrupt(
                "a vocabulary holds more anchors than words",
            ));
        }
        vocab_len += super::ribbon::bytes_for(usize::from(r.vocab_slots));
        vocab_offsets.push(
            u32::try_from(vocab_len).map_err(|_| ListError::Corrupt("vocabularies too large"))?,
        );
    }
    let vocab = rd.take(vocab_len)?.to_vec();
    let mut sources = Vec::with_capacity(n_sources);
    for _ in 0..n_sources {
        sources.push(rd.str()?.to_string());
    }
    let blocks = meta::blocks_for(n);
    let table = rd.take(
        blocks
            .checked_mul(8)
            .ok_or(ListError::Corrupt("too many originals"))?,
    )?;
    let data = &body[rd.at..];
    let mut ends = Vec::with_capacity(blocks);
    let mut inflated_lens = Vec::with_capacity(blocks);
    let mut prev = 0;
    for entry in table.chunks_exact(8) {
        let (end, len) = (u32_at(entry, 0), u32_at(entry, 4));
        if end < prev || end as usize > data.len() {
            return Err(ListError::Corrupt("metadata blocks are out of order"));
        }
        if len as usize > meta::MAX_BLOCK_BYTES {
            return Err(ListError::Corrupt(
                "a metadata block is larger than the format allows",
            ));
        }
        prev = end;
        ends.push(end);
        inflated_lens.push(len);
    }
    if prev as usize != data.len() {
        return Err(ListError::Corrupt("unexpected bytes after the metadata"));
    }
    Ok(List {
        records,
        bucket_bits: bits,
        buckets,
        residuals,
        postings,
        sources,
        meta: MetaBlocks::new(n, data.to_vec(), ends, inflated_lens),
        sketch_size,
        vocab,
        vocab_offsets,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fingerprint::SketchSize;
    use crate::list::build::build;

    fn sample() -> List {
        let docs = (0..40).map(|i| OriginalDoc {
            id: format!("doc-{i}"),
            source: Some(if i % 2 == 0 { "Wire A" } else { "Wire B" }.into()),
            title: Some(format!("Title {i}")),
            url: (i % 3 == 0).then(|| format!("https://example.org/{i}")),
            published: Some("2021-01-24".into()),
            lang: Some("en".into()),
            text: format!("Story number {i} says that the council met on day {i} and approved plan {} for the harbour district, \
                           while residents protested outside the town hall in the rain.", i * 7),
        });
        build(docs, SketchSize::LIST).unwrap()
    }

    #[test]
    fn round_trips() {
        let list = sample();
        let bytes = encode(&list);
        let back = decode(&bytes).unwrap();
        assert_eq!(back.records, list.records);
        assert_eq!(back.postings, list.postings);
        assert_eq!(back.residuals, list.residuals);
        assert_eq!(back.meta(3), list.meta(3));
        assert_eq!(back.meta(3).url, Some("https://example.org/3"));
        assert_eq!(back.meta(4).url, None);
        assert_eq!(encode(&back), bytes);
    }

    #[test]
    fn sections_add_up_to_the_file() {
        let list = sample();
        let s = sections(&list);
        assert_eq!(s.records, HEADER_LEN + 40 * RECORD_LEN);
        assert!(s.index > 0 && s.vocabulary > 0 && s.metadata > 0);
        assert_eq!(
            s.records + s.index + s.vocabulary + s.metadata,
            encode(&list).len()
        );
    }

    #[test]
    fn entries_take_as_many_bits_as_the_list_needs() {
        assert_eq!(entry_bits(0), 18);
        assert_eq!(entry_bits(1), 18);
        assert_eq!(entry_bits(2), 19);
        assert_eq!(entry_bits(460), 27);
        assert_eq!(entry_bits(20_000), 33);
        assert_eq!(entry_bits(super::super::build::MAX_ORIGINALS), 42);
        let list = sample();
        assert_eq!(
            sections(&list).index,
            list.buckets.len() * 4 + (list.postings.len() * 24).div_ceil(8)
        );
        // Positions keep their top six bits; residuals their low twelve.
        assert!(list.postings.iter().all(|p| p & 3 == 0));
        assert!(list.residuals.iter().all(|&r| r < 1 << 12));
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
    }

    #[test]
    fn rejects_damage_with_clear_errors() {
        let bytes = encode(&sample());
        assert_eq!(decode(&bytes[..10]).unwrap_err(), ListError::TooShort(10));
        assert!(matches!(
            decode(&bytes[..bytes.len() - 1]).unwrap_err(),
            ListError::Length { .. }
        ));
        let mut wrong = bytes.clone();
        wrong[0] = b'X';
        assert_eq!(decode(&wrong).unwrap_err(), ListError::BadMagic);
        // Lists of earlier formats (32-bit postings; no anchors in vocabularies; plain metadata)
        // or a later one.
        for other in [1, 2, 3, VERSION + 1] {
            let mut v = bytes.clone();
            v[8..10].copy_from_slice(&other.to_le_bytes());
            assert_eq!(
                decode(&v).unwrap_err(),
                ListError::UnsupportedVersion {
                    found: other,
                    supported: VERSION
                }
            );
        }
        for at in [HEADER_LEN + 5, bytes.len() / 2, bytes.len() - 1] {
            let mut flipped = bytes.clone();
            flipped[at] ^= 0x10;
            assert_eq!(decode(&flipped).unwrap_err(), ListError::BodyChecksum);
        }
        let mut hdr = bytes.clone();
        hdr[13] ^= 1;
        assert_eq!(decode(&hdr).unwrap_err(), ListError::HeaderChecksum);
    }

    /// Re-seals a tampered body with valid checksums, as a hostile file would.
    fn reseal(mut bytes: Vec<u8>) -> Vec<u8> {
        let body_crc = crc32fast::hash(&bytes[HEADER_LEN..]);
        bytes[40..44].copy_from_slice(&body_crc.to_le_bytes());
        let hc = crc32fast::hash(&bytes[..44]);
        bytes[44..48].copy_from_slice(&hc.to_le_bytes());
        bytes
    }

    #[test]
    fn rejects_hostile_counts_without_allocating() {
        let bytes = encode(&sample());
        let mut huge = bytes.clone();
        huge[12..16].copy_from_slice(&0x00ff_ffffu32.to_le_bytes());
        assert!(matches!(
            decode(&reseal(huge)).unwrap_err(),
            ListError::Corrupt(_)
        ));
        let mut entries = bytes.clone();
        entries[16..20].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(matches!(
            decode(&reseal(entries)).unwrap_err(),
            ListError::Corrupt(_)
        ));
        let mut bits = bytes.clone();
        bits[20] = 40;
        assert!(matches!(
            decode(&reseal(bits)).unwrap_err(),
            ListError::Corrupt(_)
        ));
        // The first record's vocabulary claiming more anchors than words.
        let mut anchors = bytes.clone();
        let words = u16_at(&anchors[HEADER_LEN..], 20);
        anchors[HEADER_LEN + 26..HEADER_LEN + 28].copy_from_slice(&(words + 1).to_le_bytes());
        assert_eq!(
            decode(&reseal(anchors)).unwrap_err(),
            ListError::Corrupt("a vocabulary holds more anchors than words")
        );
        // The metadata table: one block of 40 originals, its end and inflated length.
        let list = sample();
        let table = bytes.len() - list.meta.data().len() - 8;
        let mut big = bytes.clone();
        big[table + 4..table + 8]
            .copy_from_slice(&(meta::MAX_BLOCK_BYTES as u32 + 1).to_le_bytes());
        assert_eq!(
            decode(&reseal(big)).unwrap_err(),
            ListError::Corrupt("a metadata block is larger than the format allows")
        );
        let mut past = bytes.clone();
        past[table..table + 4].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(matches!(
            decode(&reseal(past)).unwrap_err(),
            ListError::Corrupt(_)
        ));
        // A block that passes the checksums but does not inflate reads as no metadata.
        let mut garbage = bytes.clone();
        for b in &mut garbage[table + 8..] {
            *b = 0xff;
        }
        let back = decode(&reseal(garbage)).unwrap();
        assert_eq!(back.meta(0).id, "");
        assert_eq!(back.meta(39).source, None);
    }
}
