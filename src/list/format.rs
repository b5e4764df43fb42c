//! The list file format, version 10. All integers little-endian. `FORMAT.md` has the same in prose.
//!
//! ```text
//! header, 48 bytes
//!   0  magic        8 bytes  "PROVLIST"
//!   8  version      u16      9
//!  10  header_len   u16      48
//!  12  originals    u32      n, at most 2^24 - 1
//!  16  entries      u32      m, index entries (stored features)
//!  20  bucket_bits  u8       b, 8 to 16
//!  21  sketch size  3 × u8   shingles, terms, anchors kept per original (informative)
//!  24  reserved     u32      0
//!  28  rice         u8       k, the Rice parameter of the index keys, at most b + 10
//!  29  filter salt  u8       the salt number of the vocabularies' filters: 0 in every list
//!                            `build-list` writes (see `ribbon::salt`)
//!  30  reserved     2 bytes  0
//!  32  body_len     u64      bytes after the header
//!  40  body_crc     u32      CRC-32 (IEEE) of the body
//!  44  header_crc   u32      CRC-32 of header bytes 0..44
//! body
//!   records    n records, each: simhash u64, tau u16 (top 16 bits), flags u8, lang u8, then
//!              varint words, the mean idf of its stored terms and of its stored anchors (u8
//!              each, in sixteenths: the record's weights are these times the counts); if flag 1 is clear,
//!              the counts of stored shingles, terms and anchors (3 × u8; when set, they are the
//!              sketch size); varint filter words; if flag 2 is set, vocabulary tau u16 (top
//!              16 bits; when clear, every word is kept); varints filter slots − filter words,
//!              vocabulary anchors (how many of the vocabulary's words are anchors, in its
//!              filter or among its indexed anchors)
//!   postings   m × w bits in the order of the keys (which follow), packed least significant
//!              bit first and padded to a whole byte: original index << 5 | position, where
//!              w = 5 + the bits of n − 1; position: 0–31 over the original
//!   keys       m keys of b + 10 bits (the top b select a bucket, the 10 below are its residual),
//!              sorted, as Rice codes of their gaps with parameter k (see `bits`): every gap's
//!              low k bits, padded to a whole byte, then every quotient in unary, padded too
//!   vocabulary the originals' vocabulary filters, in record order, each ⌈6 × slots / 8⌉ bytes
//!              (see `ribbon`): an original's content words and anchors but those of its index
//!              entries (terms and anchors) that a check looks up (held by at most
//!              `matching::max_df(n)` originals), which the index answers for exactly
//!   meta table ⌈n / B⌉ × (u32 end of the block in the meta blocks, u32 decoded length), where
//!              B = 256 for n ≤ 1,024 and 64 beyond (`meta::block_size`)
//!   meta blocks each coded by the context-mixing coder of `cm` (its model primed with
//!              `primer.txt`, part of the format), decoding to the entries of B
//!              originals (the last: the rest), one per original: source, id, title, url,
//!              published, each UTF-8 bytes ended by a zero byte; an empty one means "absent"
//!              (see `meta`)
//! varint = LEB128: 7 bits a byte, least significant first, high bit set on all but the last
//! ```
//!
//! Reading checks, before trusting any count: magic, version, both checksums, that the body is
//! exactly as long as declared, and that every count fits in the bytes present (so a hostile file
//! cannot make the reader allocate more than the file's size). After the checksums, the structure
//! is validated too (keys within their range, entries pointing at real originals, filters and
//! metadata blocks within their bounds), since a checksum proves integrity, not good
//! intent. A metadata block is decoded and checked when first used, never beyond its declared
//! size (see [`super::meta`]).

use super::bits::{self, pack_bits, packed_len, unpack_bits};
use super::meta::{self, MetaBlocks};
use super::{build::OriginalDoc, List, Record};
use crate::error::ListError;

/// The first eight bytes of every list file.
pub const MAGIC: &[u8; 8] = b"PROVLIST";
/// The format version this build writes and reads.
pub const VERSION: u16 = 10;
/// Length of the fixed header.
pub const HEADER_LEN: usize = 48;
/// Fewest bytes a record takes (see the layout above): a count of originals that would need
/// more than the file holds is refused before anything is allocated.
pub const MIN_RECORD_LEN: usize = 18;
/// Smallest bucket table exponent.
pub const MIN_BUCKET_BITS: u8 = 8;
/// Largest bucket table exponent.
pub const MAX_BUCKET_BITS: u8 = 16;
/// Entries a bucket holds on average, at least, below the largest table: a lookup reads one table
/// entry and binary-searches this many residuals. (The table is built when a list is read, not
/// stored.) Keys are truncated to `bucket_bits + RESIDUAL_BITS` bits, so a lookup finds a stray
/// entry of another key with a chance of about 32 to 64 in 1,024: some stray hits per page, each
/// a single feature of a random original, which selection and scoring outweigh.
pub const BUCKET_ENTRIES: usize = 32;
/// Key bits kept per entry below the bucket's. Ten, eleven and twelve gave the same figures on
/// the public sets over 16 filter salts, and the same top-1 and false attribution on
/// counter-public with 20,000 English distractor originals in its list (format 7; twelve cost
/// nothing measurable against sixteen, and eight lost up to 0.009 of top-1 accuracy, in format
/// 4). Stored as Rice-coded gaps, a key costs about 6 bits (a bucket of 32 to 64 keys spreads them
/// over 1,024 values), where a 12-bit residual and the bucket table cost about 13 (format 4).
pub const RESIDUAL_BITS: u32 = 10;
/// Bits of an entry's relative position: 32 steps over the original (positions are stored as
/// multiples of 8 on the 0–255 scale). The order of shared features is all they are used for:
/// 32 steps did as well as 64 and 256 on the public sets, 16 called more honest answers copies.
pub const POSITION_BITS: u32 = 5;

/// Rounds the summed idf `w` of an original's `count` stored terms (or anchors) to what a record
/// stores: their mean idf in sixteenths, one byte (a mean idf of 15.9 is a list of millions of
/// originals), so the sum is kept within `count / 32` (under 1 % of it for a full sketch).
pub fn quantize_weight(w: f32, count: u8) -> f32 {
    weight_from_byte(weight_to_byte(w, count), count)
}

/// The byte a record stores for the summed idf `w` of `count` items: their mean in sixteenths.
fn weight_to_byte(w: f32, count: u8) -> u8 {
    if count == 0 {
        return 0;
    }
    (w.max(0.0) / f32::from(count) * 16.0).round().min(255.0) as u8
}

/// The summed idf of `count` items whose mean a record stores as `byte`.
fn weight_from_byte(byte: u8, count: u8) -> f32 {
    f32::from(byte) / 16.0 * f32::from(count)
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
    let mut buckets = BucketStarts::new(bits);
    for (i, &e) in packed.iter().enumerate() {
        buckets.push((e >> (32 + RESIDUAL_BITS)) as usize, i);
    }
    List {
        by_lang: super::originals_by_lang(&records),
        records,
        bucket_bits: bits,
        buckets: buckets.finish(m),
        residuals: packed
            .iter()
            .map(|&e| ((e >> 32) as u32 & RESIDUAL_MASK) as u16)
            .collect(),
        postings: packed.iter().map(|&e| e as u32).collect(),
        meta: MetaBlocks::default(),
        sketch_size,
        vocab: Vec::new(),
        vocab_offsets: vec![0],
        filter_salt: 0,
        background: None,
    }
}

/// The table of where each bucket's entries start, built from the entries' buckets in sorted
/// order (as a list is laid out, and as its keys are read back).
struct BucketStarts {
    /// Where each bucket met so far, and every empty one before it, starts.
    starts: Vec<u32>,
    /// Buckets in the table.
    buckets: usize,
}

impl BucketStarts {
    /// An empty table of `2^bits` buckets.
    fn new(bits: u8) -> BucketStarts {
        let buckets = 1usize << bits;
        BucketStarts {
            starts: Vec::with_capacity(buckets + 1),
            buckets,
        }
    }

    /// Notes that entry `index` is in `bucket` (entries come in order, sorted by bucket).
    fn push(&mut self, bucket: usize, index: usize) {
        while self.starts.len() <= bucket {
            self.starts.push(index as u32);
        }
    }

    /// The offsets of a table of `entries` entries: one per bucket, then `entries`.
    fn finish(mut self, entries: usize) -> Vec<u32> {
        self.starts.resize(self.buckets + 1, entries as u32);
        self.starts
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

/// The metadata of a list's originals `docs`, in record order: each original's entry in
/// compressed blocks (see [`super::meta`]), compressed on all cores.
pub(crate) fn metadata(docs: &[&OriginalDoc]) -> MetaBlocks {
    let entries: Vec<Vec<u8>> = docs
        .iter()
        .map(|d| {
            let mut e = Vec::new();
            let fields = [
                d.source.as_deref(),
                Some(d.id.as_str()),
                d.title.as_deref(),
                d.url.as_deref(),
                d.published.as_deref(),
            ];
            meta::put_entry(&mut e, fields);
            e
        })
        .collect();
    MetaBlocks::from_entries(&entries)
}

/// The encoded parts of a list's body that [`encode`] writes and [`sections`] measures (the
/// metadata blocks are written from the list as they are).
struct Parts {
    records: Vec<u8>,
    rice: u8,
    keys: Vec<u8>,
    postings: Vec<u8>,
    meta_table: Vec<u8>,
}

/// Encodes every part of `list` but its metadata blocks.
fn parts(list: &List) -> Parts {
    let mut records = Vec::with_capacity(list.records.len() * 24);
    for r in &list.records {
        put_record(&mut records, r, list.sketch_size);
    }
    let keys: Vec<u32> = list
        .buckets
        .windows(2)
        .enumerate()
        .flat_map(|(bucket, w)| {
            let residuals = list.residuals.get(w[0] as usize..w[1] as usize);
            residuals
                .unwrap_or_default()
                .iter()
                .map(move |&r| (bucket as u32) << RESIDUAL_BITS | u32::from(r))
        })
        .collect();
    let rice = bits::rice_parameter(&keys);
    let mut key_bytes = Vec::new();
    bits::rice_encode(&keys, rice, &mut key_bytes);
    let mut postings = Vec::new();
    let entries = list.postings.iter().map(|&p| {
        u64::from(p >> 8) << POSITION_BITS | u64::from((p & 0xff) >> (8 - POSITION_BITS))
    });
    pack_bits(entries, posting_bits(list.records.len()), &mut postings);
    let mut meta_table = Vec::new();
    for (end, len) in list.meta.table() {
        meta_table.extend_from_slice(&end.to_le_bytes());
        meta_table.extend_from_slice(&len.to_le_bytes());
    }
    Parts {
        records,
        rice,
        keys: key_bytes,
        postings,
        meta_table,
    }
}

/// Record flag: the original stores as many shingles, terms and anchors as the sketch size says
/// (so the three counts are not written).
const FULL_SKETCH: u8 = 1;
/// Record flag: the vocabulary was cut at a threshold, which follows (top 16 bits).
const CUT_VOCABULARY: u8 = 2;

/// Appends one record (see the layout above).
fn put_record(out: &mut Vec<u8>, r: &Record, sketch_size: [u8; 3]) {
    let vocab_tau = (r.vocab_tau >> 16) as u16;
    let mut flags = 0;
    if r.counts == sketch_size {
        flags |= FULL_SKETCH;
    }
    if vocab_tau != u16::MAX {
        flags |= CUT_VOCABULARY;
    }
    out.extend_from_slice(&r.simhash.to_le_bytes());
    out.extend_from_slice(&((r.tau >> 16) as u16).to_le_bytes());
    out.push(flags);
    out.push(r.lang);
    put_varint(out, u64::from(r.words.min(u32::from(u16::MAX))));
    out.push(weight_to_byte(r.term_weight, r.counts[1]));
    out.push(weight_to_byte(r.anchor_weight, r.counts[2]));
    if flags & FULL_SKETCH == 0 {
        out.extend_from_slice(&r.counts);
    }
    put_varint(out, u64::from(r.vocab_words));
    if flags & CUT_VOCABULARY != 0 {
        out.extend_from_slice(&vocab_tau.to_le_bytes());
    }
    debug_assert!(
        r.vocab_slots >= r.vocab_words,
        "a filter has a slot per word"
    );
    put_varint(out, u64::from(r.vocab_slots.saturating_sub(r.vocab_words)));
    put_varint(out, u64::from(r.vocab_anchors));
}

/// Serialises `list` to the file format of this version.
pub fn encode(list: &List) -> Vec<u8> {
    let p = parts(list);
    let body: Vec<u8> = [
        &p.records[..],
        &p.postings,
        &p.keys,
        &list.vocab,
        &p.meta_table,
        list.meta.data(),
    ]
    .concat();
    let mut out = Vec::with_capacity(HEADER_LEN + body.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&(HEADER_LEN as u16).to_le_bytes());
    out.extend_from_slice(&(list.records.len() as u32).to_le_bytes());
    out.extend_from_slice(&(list.postings.len() as u32).to_le_bytes());
    out.push(list.bucket_bits);
    out.extend_from_slice(&list.sketch_size);
    out.extend_from_slice(&0u32.to_le_bytes());
    out.extend_from_slice(&[p.rice, list.filter_salt, 0, 0]);
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
    /// Header and records.
    pub records: usize,
    /// Keys and postings: the inverted index.
    pub index: usize,
    /// The originals' vocabulary filters.
    pub vocabulary: usize,
    /// Per-original metadata (source, id, title, url, date).
    pub metadata: usize,
}

/// How many bytes each section of `list` takes once encoded (their sum is the file's length).
pub fn sections(list: &List) -> Sections {
    let p = parts(list);
    Sections {
        records: HEADER_LEN + p.records.len(),
        index: p.keys.len() + p.postings.len(),
        vocabulary: list.vocab.len(),
        metadata: p.meta_table.len() + list.meta.data().len(),
    }
}

/// The low [`RESIDUAL_BITS`] of a key.
pub(crate) const RESIDUAL_MASK: u32 = (1 << RESIDUAL_BITS) - 1;

/// Bits of one stored posting in a list of `n` originals: the original's index (as many bits as
/// `n − 1` needs) above its position. A posting of a 460-original list takes 14 bits, of a
/// 20,000-original list 20.
fn posting_bits(n: usize) -> u32 {
    usize::BITS - n.saturating_sub(1).leading_zeros() + POSITION_BITS
}

/// Reads the `m` Rice-coded keys at the start of `bytes` (parameter `rice`, `bits` of bucket):
/// the bucket table (where each bucket's entries start), the residuals, and the bytes they took.
fn read_keys(
    bytes: &[u8],
    m: usize,
    rice: u8,
    bits: u8,
) -> Result<(Vec<u32>, Vec<u16>, usize), ListError> {
    let mut buckets = BucketStarts::new(bits);
    let mut residuals = Vec::with_capacity(m);
    let limit = 1 << (u32::from(bits) + RESIDUAL_BITS);
    let used = bits::rice_decode(bytes, m, rice, limit, |k| {
        buckets.push((k >> RESIDUAL_BITS) as usize, residuals.len());
        residuals.push((k & RESIDUAL_MASK) as u16);
    })
    .map_err(ListError::Corrupt)?;
    Ok((buckets.finish(m), residuals, used))
}

/// Reads the `m` packed postings of a list of `n` originals from `bytes` (exactly their length),
/// as the list holds them in memory: original index << 8 | position on the 0–255 scale.
fn read_postings(bytes: &[u8], m: usize, n: usize) -> Result<Vec<u32>, ListError> {
    let mut postings = Vec::with_capacity(m);
    let mut past_end = false;
    for e in unpack_bits(bytes, m, posting_bits(n)) {
        let original = e >> POSITION_BITS;
        let pos = e as u32 & ((1 << POSITION_BITS) - 1);
        past_end |= original >= n as u64;
        postings.push((original as u32) << 8 | pos << (8 - POSITION_BITS));
    }
    if past_end {
        return Err(ListError::Corrupt(
            "an index entry points past the last original",
        ));
    }
    Ok(postings)
}

/// A bounds-checked reader over a byte slice.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    /// The next `n` bytes, or an error if the file ends first.
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

    /// The next LEB128 varint.
    fn varint(&mut self) -> Result<u64, ListError> {
        read_varint(self.bytes, &mut self.at).map_err(ListError::Corrupt)
    }

    /// The next little-endian `u16`.
    fn u16(&mut self) -> Result<u16, ListError> {
        Ok(u16_at(self.take(2)?, 0))
    }

    /// A varint that must fit in 16 bits.
    fn varint16(&mut self) -> Result<u16, ListError> {
        u16::try_from(self.varint()?)
            .map_err(|_| ListError::Corrupt("a record's count is out of range"))
    }

    /// One record (see the layout above) of a list with `sketch_size`.
    fn record(&mut self, sketch_size: [u8; 3]) -> Result<Record, ListError> {
        let fixed = self.take(12)?;
        let flags = fixed[10];
        let words = self.varint16()?;
        let [term_weight, anchor_weight] = {
            let w = self.take(2)?;
            [w[0], w[1]]
        };
        let counts = if flags & FULL_SKETCH != 0 {
            sketch_size
        } else {
            let c = self.take(3)?;
            [c[0], c[1], c[2]]
        };
        let vocab_words = self.varint16()?;
        let vocab_tau = if flags & CUT_VOCABULARY != 0 {
            u32::from(self.u16()?) << 16 | 0xffff
        } else {
            u32::MAX
        };
        let vocab_slots = vocab_words
            .checked_add(self.varint16()?)
            .ok_or(ListError::Corrupt("a record's count is out of range"))?;
        Ok(Record {
            simhash: u64_at(fixed, 0),
            tau: u32::from(u16_at(fixed, 8)) << 16 | 0xffff,
            words: u32::from(words),
            term_weight: weight_from_byte(term_weight, counts[1]),
            anchor_weight: weight_from_byte(anchor_weight, counts[2]),
            counts,
            lang: fixed[11],
            vocab_words,
            vocab_slots,
            vocab_tau,
            vocab_anchors: self.varint16()?,
        })
    }
}

/// Appends `v` as a LEB128 varint: 7 bits a byte, least significant first, the high bit set on
/// every byte but the last.
fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push(v as u8 | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Reads a LEB128 varint of at most 64 bits at `*at` (as [`put_varint`] writes them), moving
/// `*at` past it; the error says what is wrong, for the list reader's messages (varints hold
/// record fields).
fn read_varint(bytes: &[u8], at: &mut usize) -> Result<u64, &'static str> {
    let mut v = 0u64;
    for shift in (0..64).step_by(7) {
        let b = *bytes
            .get(*at)
            .ok_or("a number runs past the end of its section")?;
        *at += 1;
        v |= u64::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            return Ok(v);
        }
    }
    Err("a number is not a valid varint")
}

/// The little-endian `u16` at byte `i` of `b` (the caller has checked the bounds).
fn u16_at(b: &[u8], i: usize) -> u16 {
    u16::from_le_bytes([b[i], b[i + 1]])
}
/// The little-endian `u32` at byte `i` of `b`.
fn u32_at(b: &[u8], i: usize) -> u32 {
    u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]])
}
/// The little-endian `u64` at byte `i` of `b`.
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
    let rice = h[28];
    let filter_salt = h[29];
    if !(MIN_BUCKET_BITS..=MAX_BUCKET_BITS).contains(&bits) {
        return Err(ListError::Corrupt("bucket table too large"));
    }
    if rice > bits::MAX_RICE_PARAMETER {
        return Err(ListError::Corrupt(
            "the index keys' Rice parameter is out of range",
        ));
    }
    if n > super::build::MAX_ORIGINALS {
        return Err(ListError::Corrupt("too many originals"));
    }
    let width = posting_bits(n);
    let postings_len = packed_len(m, width).ok_or(ListError::Corrupt("counts overflow"))?;
    // Every count must fit in the bytes present before anything is allocated for it (the keys
    // are checked as they are read: each takes at least one bit).
    let fixed = n
        .checked_mul(MIN_RECORD_LEN)
        .and_then(|r| r.checked_add(m / 8))
        .and_then(|r| r.checked_add(postings_len))
        .and_then(|r| r.checked_add(meta::blocks_for(n).checked_mul(8)?))
        .ok_or(ListError::Corrupt("counts overflow"))?;
    if fixed > body.len() {
        return Err(ListError::Corrupt("counts exceed the file's size"));
    }
    let mut rd = Reader { bytes: body, at: 0 };
    let mut records = Vec::with_capacity(n);
    for _ in 0..n {
        records.push(rd.record(sketch_size)?);
    }
    // Postings have a fixed length, so the keys after them are found at once and both are
    // decoded together.
    let postings_bytes = rd.take(postings_len)?;
    let key_bytes = &body[rd.at..];
    let (index, postings) = super::build::both(
        || read_keys(key_bytes, m, rice, bits),
        || read_postings(postings_bytes, m, n),
    );
    let (buckets, residuals, used) = index?;
    let postings = postings?;
    rd.at += used;
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
        // A vocabulary's anchors are in its filter or among the original's indexed anchors.
        if u32::from(r.vocab_anchors) > u32::from(r.vocab_words) + u32::from(r.counts[2]) {
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
    let blocks = meta::blocks_for(n);
    let table = rd.take(
        blocks
            .checked_mul(8)
            .ok_or(ListError::Corrupt("too many originals"))?,
    )?;
    let data = &body[rd.at..];
    let mut ends = Vec::with_capacity(blocks);
    let mut decoded_lens = Vec::with_capacity(blocks);
    let mut prev = 0;
    for (b, entry) in table.chunks_exact(8).enumerate() {
        let (end, len) = (u32_at(entry, 0), u32_at(entry, 4));
        if end < prev || end as usize > data.len() {
            return Err(ListError::Corrupt("metadata blocks are out of order"));
        }
        if len as usize > meta::max_block_bytes(n, b, (end - prev) as usize) {
            return Err(ListError::Corrupt(
                "a metadata block is larger than the format allows",
            ));
        }
        prev = end;
        ends.push(end);
        decoded_lens.push(len);
    }
    if prev as usize != data.len() {
        return Err(ListError::Corrupt("unexpected bytes after the metadata"));
    }
    Ok(List {
        by_lang: super::originals_by_lang(&records),
        records,
        bucket_bits: bits,
        buckets,
        residuals,
        postings,
        meta: MetaBlocks::new(n, data.to_vec(), ends, decoded_lens),
        sketch_size,
        vocab,
        vocab_offsets,
        filter_salt,
        background: None,
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
    fn salted_lists_keep_their_salt_and_find_their_words() {
        use crate::list::build::{prepare, prepare_salted, ListBuilder};
        let docs: Vec<OriginalDoc> =
            (0..12)
                .map(|i| OriginalDoc {
                    id: format!("doc-{i}"),
                    lang: Some("en".into()),
                    // More words than the index holds for an original (format 6 leaves those out of
                    // the filter), so that the filter answers for most of them.
                    text: format!(
                    "Story number {i} reports that the council approved plan {} for the harbour \
                     district after engineers found corroded cables beneath the old bridge. {}.",
                    i * 7,
                    (0..40).map(|j| format!("w{i}x{j}")).collect::<Vec<_>>().join(" ")
                ),
                    ..Default::default()
                })
                .collect();
        let mut b = ListBuilder::new(SketchSize::LIST);
        for d in docs.clone() {
            b.push(prepare_salted(d, SketchSize::LIST, 7)).unwrap();
        }
        let list = b.finish();
        let back = decode(&encode(&list)).unwrap();
        assert_eq!((list.filter_salt, back.filter_salt), (7, 7));
        let vocabulary = |l: &List| {
            let r = crate::matching::check(l, &docs[5].text, Some("en"));
            r.best.map(|b| (b.id, b.evidence.vocabulary))
        };
        // Read with its own salt, each original's filter holds its words...
        let (id, share) = vocabulary(&back).unwrap();
        assert_eq!(id, "doc-5");
        assert!(share > 0.95, "{share}");
        // ...and read with another, it holds them only by chance.
        let mut unsalted = back.clone();
        unsalted.filter_salt = 0;
        assert!(vocabulary(&unsalted).is_none_or(|(_, s)| s < 0.5));
        // A list has one salt.
        let mut mixed = ListBuilder::new(SketchSize::LIST);
        mixed
            .push(prepare(docs[0].clone(), SketchSize::LIST))
            .unwrap();
        let refused = mixed.push(prepare_salted(docs[1].clone(), SketchSize::LIST, 2));
        assert!(
            matches!(refused, Err(crate::error::BuildError::MixedSalts(0, 2))),
            "{refused:?}"
        );
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
        assert!(s.records > HEADER_LEN + 40 * MIN_RECORD_LEN);
        assert!(s.index > 0 && s.vocabulary > 0 && s.metadata > 0);
        assert_eq!(
            s.records + s.index + s.vocabulary + s.metadata,
            encode(&list).len()
        );
    }

    #[test]
    fn postings_take_as_many_bits_as_the_list_needs() {
        assert_eq!(posting_bits(0), 5);
        assert_eq!(posting_bits(1), 5);
        assert_eq!(posting_bits(2), 6);
        assert_eq!(posting_bits(460), 14);
        assert_eq!(posting_bits(20_000), 20);
        assert_eq!(posting_bits(super::super::build::MAX_ORIGINALS), 29);
        let list = sample();
        let p = parts(&list);
        assert_eq!(p.postings.len(), (list.postings.len() * 11).div_ceil(8));
        // Rice-coded keys cost about log2(range / keys) + 1.5 bits each.
        let m = list.postings.len() as f64;
        let range = f64::from(1u32 << (u32::from(list.bucket_bits) + RESIDUAL_BITS));
        assert!((p.keys.len() * 8) as f64 <= m * ((range / m).log2() + 2.0));
        // Positions keep their top five bits; residuals their low twelve.
        assert!(list.postings.iter().all(|p| p & 7 == 0));
        assert!(list.residuals.iter().all(|&r| r < 1 << RESIDUAL_BITS));
    }

    #[test]
    fn records_round_trip_their_rare_forms() {
        // A short original with fewer features than the sketch holds, and a vocabulary cut at a
        // threshold: both written in full, where common records leave them out.
        let mut list = sample();
        list.records[0].counts = [2, 1, 0];
        list.records[1].vocab_tau = 0x8000_ffff;
        list.records[2].words = 70_000;
        let back = decode(&encode(&list)).unwrap();
        assert_eq!(back.records[0].counts, [2, 1, 0]);
        assert_eq!(back.records[1].vocab_tau, 0x8000_ffff);
        assert_eq!(back.records[2].words, u32::from(u16::MAX));
        assert_eq!(back.records[3..], list.records[3..]);
        // Common records leave the counts (3 bytes) and the threshold (2 bytes) out.
        let mut common = list.clone();
        common.records[0].counts = list.sketch_size;
        common.records[1].vocab_tau = u32::MAX;
        assert_eq!(parts(&list).records.len() - parts(&common).records.len(), 5);
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
        // Lists of earlier formats (32-bit postings; no anchors in vocabularies; plain metadata;
        // keys stored whole) or a later one.
        for other in [1, 2, 3, 4, 5, 6, 7, 8, 9, VERSION + 1] {
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
        // A Rice parameter beyond the widest keys; one entry more than the keys hold.
        let mut rice = bytes.clone();
        rice[28] = bits::MAX_RICE_PARAMETER + 1;
        assert_eq!(
            decode(&reseal(rice)).unwrap_err(),
            ListError::Corrupt("the index keys' Rice parameter is out of range")
        );
        let m = u32_at(&bytes, 16);
        let mut more = bytes.clone();
        more[16..20].copy_from_slice(&(m + 1).to_le_bytes());
        assert!(matches!(
            decode(&reseal(more)).unwrap_err(),
            ListError::Corrupt(_)
        ));
        // The first record's vocabulary claiming more anchors than words.
        let mut list = sample();
        list.records[0].vocab_anchors =
            list.records[0].vocab_words + u16::from(list.records[0].counts[2]) + 1;
        assert_eq!(
            decode(&encode(&list)).unwrap_err(),
            ListError::Corrupt("a vocabulary holds more anchors than words")
        );
        // The metadata table: one block of 40 originals, its end and decoded length.
        let list = sample();
        let stored = list.meta.data().len();
        let table = bytes.len() - stored - 8;
        let mut big = bytes.clone();
        let most = meta::max_block_bytes(list.len(), 0, stored);
        big[table + 4..table + 8].copy_from_slice(&(most as u32 + 1).to_le_bytes());
        assert_eq!(
            decode(&reseal(big)).unwrap_err(),
            ListError::Corrupt("a metadata block is larger than the format allows")
        );
        // A whole block's worth of the longest entries for the 40 originals' block (2.6 MB, which
        // a list's reader once decoded, seconds of work, when a fuzzed file of one original
        // declared it): refused.
        let mut whole = bytes.clone();
        let block = (meta::BLOCK * meta::MAX_ENTRY_BYTES) as u32;
        whole[table + 4..table + 8].copy_from_slice(&block.to_le_bytes());
        assert!(decode(&reseal(whole)).is_err());
        let mut past = bytes.clone();
        past[table..table + 4].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(matches!(
            decode(&reseal(past)).unwrap_err(),
            ListError::Corrupt(_)
        ));
        // A block that passes the checksums but does not decode to its entries reads as no metadata.
        let mut garbage = bytes.clone();
        for b in &mut garbage[table + 8..] {
            *b = 0xff;
        }
        let back = decode(&reseal(garbage)).unwrap();
        assert_eq!(back.meta(0).id, "");
        assert_eq!(back.meta(39).source, None);
    }
}
