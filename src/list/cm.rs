//! A small context-mixing compressor for the metadata blocks of a list.
//!
//! Headlines are most of a list's metadata, and they are short texts that repeat little: DEFLATE
//! finds few matches in them and codes the rest a byte at a time with one Huffman code. This
//! coder predicts one bit at a time from what came before instead, the way the PAQ family of
//! compressors does, and codes each bit with a binary arithmetic coder:
//!
//! * seven **context models** each look at what came before the current byte: the last 0, 1,
//!   2, 3 and 5 bytes, the current word (its letters and digits, lower-cased) and the current
//!   word with the one before, each also told which field of an entry it is in (source, id,
//!   headline, address, date: `super::meta` ends each with a zero byte), and hashed with the bits
//!   of the current byte seen so far. Each keeps, per context, a probability that the next bit is
//!   1, which moves towards each bit seen there, fast at first and then more slowly (a count per
//!   context sets the pace);
//! * two **match models** (`MatchModel`) find where the last few bytes occurred before and
//!   predict the byte that followed them there: one on the bytes as they are (a host, or an id
//!   that repeats an address or a source's name), one on the bytes folded to lower case with
//!   every run of punctuation and spaces one separator, so that an address's slug
//!   (`…/russia-accuses-us-of-meddling/`) is predicted from the headline before it ("Russia
//!   accuses US of meddling");
//! * a **mixer** adds the models' predictions in the logistic domain (`stretch(p) = ln(p / (1 −
//!   p))`), with weights chosen by the bits of the current byte seen so far and by which match
//!   model predicts, and learns the weights online from its own errors: a long context that has
//!   seen a byte before is trusted where it has been right, the short ones where it has not;
//! * a **refiner** (an adaptive probability map, as in lpaq1) corrects the mixed probability by
//!   what followed such a probability before in the same field and partial byte;
//! * the **arithmetic coder** narrows a 32-bit interval by the final probability of each bit and
//!   writes out the leading bytes that no longer change;
//! * a **primer** (`primer.txt`), twenty made-up entries of the kinds of outlets lists are built
//!   from, is what every block's model learns from first: a block of a few originals no longer
//!   pays for learning how addresses, ids and dates are written (seed-story's three originals:
//!   91 → 59 bytes each; a block of 256 a byte or two).
//!
//! Compressor and decompressor run the same model on the same bits, so they predict alike; all of
//! it is integer arithmetic, so a list written natively reads the same in the browser. On the
//! bundled list's metadata it needs 44 bytes per original (45 unprimed), where DEFLATE needed 65
//! and this coder with only the six byte contexts of list format 8 needed 52
//! (`docs/performance.md`, "Size"); headlines with addresses whose slugs spell them out cost 30 %
//! less than with those six. It codes or decodes about 2 MB a second natively.
//!
//! A block is decoded to exactly the length its list declares, reading zeros past the end of
//! its bytes: damaged or hostile input gives wrong bytes (which the metadata reader then refuses),
//! never a panic, and never more work or memory than the declared length allows.

/// Bits of probability: probabilities are in 1/4096.
const PROB_BITS: u32 = 12;
/// Orders of the models: how many bytes before the current one each reads (0: none).
const ORDERS: [u32; 5] = [0, 1, 2, 3, 5];
/// Inputs of the mixer: one per context model, the two match models and a constant.
const INPUTS: usize = CONTEXTS + 3;
/// The constant input, in stretch units.
const BIAS: i32 = 256;
/// A new mixer weight: about 0.3 of each model (16.16 fixed point).
const INITIAL_WEIGHT: i32 = 19_660;
/// The mixer's learning rate, as a multiplier of `error × input` before a shift by 16.
const LEARNING_RATE: i32 = 40;
/// Errors (in 1/4096) too small to teach the mixer anything worth its time.
const SURE_ERROR: i32 = 64;
/// Most observations a context's probability counts before it adapts at a fixed rate.
const COUNT_LIMIT: u16 = 15;
/// Smallest and largest table, in bits of slots per model.
const MIN_TABLE_BITS: u32 = 10;
/// See [`MIN_TABLE_BITS`].
const MAX_TABLE_BITS: u32 = 18;

/// The logistic function on stretch units (1/256), as an integer probability in 1/4096: the
/// interpolation, from a table of its values at every 128 units, that lpaq1 (Matt Mahoney's
/// public-domain compressor) uses.
fn squash(d: i32) -> i32 {
    const T: [i32; 33] = [
        1, 2, 3, 6, 10, 16, 27, 45, 73, 120, 194, 310, 488, 747, 1101, 1546, 2047, 2549, 2994,
        3348, 3607, 3785, 3901, 3975, 4022, 4050, 4068, 4079, 4085, 4089, 4092, 4093, 4094,
    ];
    if d > 2047 {
        return 4095;
    }
    if d < -2047 {
        return 1;
    }
    let w = d & 127;
    let i = ((d >> 7) + 16) as usize;
    (T[i] * (128 - w) + T[i + 1] * w + 64) >> 7
}

/// The tables every model reads, computed once.
struct Tables {
    /// [`stretch_table`].
    stretch: Box<[i16; 4096]>,
    /// [`squash`] of every logit from −2047 to 2047, at `logit + 2047`.
    squash: Box<[i16; 4095]>,
    /// 65536 / (n + 1.5) for each count n: how far a slot moves towards a bit ([`adapt`]).
    rates: [i32; COUNT_LIMIT as usize + 1],
}

/// The coder's fixed tables ([`Tables`]), computed once per process.
fn tables() -> &'static Tables {
    static TABLES: std::sync::OnceLock<Tables> = std::sync::OnceLock::new();
    TABLES.get_or_init(|| Tables {
        stretch: stretch_table(),
        squash: Box::new(std::array::from_fn(|i| squash(i as i32 - 2047) as i16)),
        rates: std::array::from_fn(|n| (65536.0 * 2.0 / (2.0 * n as f64 + 3.0)) as i32),
    })
}

/// The inverse of [`squash`] for every probability in 1/4096, found by walking `squash`.
fn stretch_table() -> Box<[i16; 4096]> {
    let mut t = Box::new([0i16; 4096]);
    let mut pi = 0usize;
    for d in -2047..=2047 {
        let v = squash(d) as usize;
        for slot in t.iter_mut().take(v + 1).skip(pi) {
            *slot = d as i16;
        }
        pi = v + 1;
    }
    for slot in t.iter_mut().skip(pi) {
        *slot = 2047;
    }
    t
}

/// A model that predicts the next byte by finding where the bytes before it occurred last.
///
/// It works on one view of the bytes: as they are ([`MatchModel::raw`]: addresses and ids that
/// repeat a host or another field) or folded to lower case with every run of other ASCII chars one
/// separator ([`MatchModel::folded`]: an address's slug spelling out the headline before it). At
/// each byte it looks the last few symbols of its view up in a table of where they
/// last ended and, once found, follows that earlier occurrence for as long as it keeps matching.
#[derive(Clone)]
struct MatchModel {
    /// Whether the view folds case and separators.
    folding: bool,
    /// The view of every byte so far (folded: separators collapsed to one [`SEPARATOR`]).
    seen: Vec<u8>,
    /// Where the last few symbols ending at each hash last ended (0: nowhere yet).
    last: Vec<u32>,
    /// Where in `seen` the followed occurrence continues, if one is followed.
    at: usize,
    /// How many symbols the followed occurrence has matched (0: none followed).
    len: u32,
    /// The byte predicted next, if any.
    expected: Option<u8>,
    /// Per length bucket and predicted bit, the probability (12 bits, count in 4) that the
    /// predicted bit is a 1.
    slots: [u16; 64],
    /// The slot used for the current bit, if the prediction still holds.
    slot: Option<usize>,
}

/// Bytes the raw match model must find repeated before it follows an earlier occurrence.
const RAW_MIN: usize = 7;
/// Symbols the folded match model must find repeated before it follows an earlier occurrence.
const FOLDED_MIN: usize = 4;
/// The one symbol every run of ASCII chars other than letters and digits folds to.
const SEPARATOR: u8 = b'-';

impl MatchModel {
    /// A model of the bytes as they are, with a table of `1 << bits` places.
    fn raw(bits: u32) -> MatchModel {
        MatchModel::new(false, bits)
    }

    /// A model of the bytes folded, with a table of `1 << bits` places.
    fn folded(bits: u32) -> MatchModel {
        MatchModel::new(true, bits)
    }

    /// A model that folds its view or not, with a table of `1 << bits` places.
    fn new(folding: bool, bits: u32) -> MatchModel {
        MatchModel {
            folding,
            seen: Vec::new(),
            last: vec![0; 1 << bits],
            at: 0,
            len: 0,
            expected: None,
            slots: [2048 << 4; 64],
            slot: None,
        }
    }

    /// Symbols that must repeat before an earlier occurrence is followed.
    fn min(&self) -> usize {
        if self.folding {
            FOLDED_MIN
        } else {
            RAW_MIN
        }
    }

    /// The symbol `byte` is in this model's view, or `None` if it only lengthens a separator.
    fn symbol(&self, byte: u8) -> Option<u8> {
        if !self.folding {
            return Some(byte);
        }
        let s = match byte {
            b'A'..=b'Z' => byte + 32,
            b'a'..=b'z' | b'0'..=b'9' | 0x80.. => byte,
            _ => SEPARATOR,
        };
        (s != SEPARATOR || self.seen.last() != Some(&SEPARATOR)).then_some(s)
    }

    /// Takes in a whole byte; `style` turns a folded symbol into the byte it most likely is
    /// here (its case and separator as the field has written them so far).
    fn byte_done(&mut self, byte: u8, style: impl Fn(u8) -> u8) {
        if let Some(s) = self.symbol(byte) {
            if self.len > 0 && self.seen.get(self.at) == Some(&s) {
                self.at += 1;
                self.len += 1;
            } else {
                self.len = 0;
            }
            self.seen.push(s);
            let (n, min) = (self.seen.len(), self.min());
            if n >= min {
                let h = self.seen[n - min..]
                    .iter()
                    .fold(0u32, |h, &b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193));
                let shift = 32 - self.last.len().trailing_zeros();
                let i = (h.wrapping_mul(0x9E37_79B1) >> shift) as usize;
                if self.len == 0 {
                    let candidate = self.last[i] as usize;
                    if candidate > 0 {
                        let back = self.seen[..candidate]
                            .iter()
                            .rev()
                            .zip(self.seen.iter().rev())
                            .take(16)
                            .take_while(|(a, b)| a == b)
                            .count();
                        if back >= min {
                            self.at = candidate;
                            self.len = back as u32;
                        }
                    }
                }
                self.last[i] = n as u32;
            }
        }
        self.expected = if self.len > 0 {
            self.seen
                .get(self.at)
                .map(|&s| if self.folding { style(s) } else { s })
        } else {
            None
        };
    }

    /// The model's input for the next bit, after `bits` of the byte (`partial`, with its
    /// leading 1): the stretched probability of a 1, or 0 if it predicts nothing.
    fn input(&mut self, partial: u32, bits: u32, stretch: &[i16; 4096]) -> i32 {
        self.slot = None;
        let Some(e) = self.expected else { return 0 };
        let e = u32::from(e) | 256;
        if e >> (8 - bits) != partial {
            return 0;
        }
        let bit = (e >> (7 - bits)) & 1;
        let bucket = (self.len.min(15) * 2 + u32::from(self.folding && bits == 0)) as usize;
        let slot = bucket * 2 + bit as usize;
        self.slot = Some(slot);
        i32::from(stretch[usize::from(self.slots[slot] >> 4)])
    }

    /// Learns from `bit` if this model predicted it.
    fn update(&mut self, bit: u32, rates: &[i32]) {
        if let Some(slot) = self.slot {
            adapt(&mut self.slots[slot], bit, rates);
        }
    }
}

/// Moves a slot's probability (high 12 bits) towards `bit`, at the pace its count (low 4 bits)
/// sets, and counts the bit.
fn adapt(s: &mut u16, bit: u32, rates: &[i32]) {
    // A slot's probability moves towards 4095 or 1, so it stays within them.
    let target = if bit == 1 { 4095 } else { 1 };
    let (p, n) = (i32::from(*s >> 4), *s & 15);
    let p = p + (((target - p) * rates[usize::from(n)]) >> 16);
    *s = (p as u16) << 4 | (n + 1).min(COUNT_LIMIT);
}

/// Fields of a metadata entry ([`next_field`]).
const FIELDS: usize = 5;

/// The field of a metadata entry the byte after `byte` belongs to, `byte` being in `field`: 0 to
/// 4 the source, id, title, url and date, each ended by a zero byte (`super::meta`). Any bytes
/// give some field, so the coder still works, only less well, on other data.
fn next_field(field: u32, byte: u8) -> u32 {
    match (field, byte) {
        (4, 0) => 0,
        (f, 0) => f + 1,
        (f, _) => f,
    }
}

/// An adaptive probability map: refines a probability by what followed it before in a small
/// context, by interpolating between 33 learned points along the stretched probability.
#[derive(Clone)]
struct Refiner {
    /// Per context, 33 probabilities in 1/65536.
    points: Vec<u16>,
    /// The point nearest the last refined probability, which learns from its bit.
    nearest: usize,
}

impl Refiner {
    /// A map for `contexts` contexts, each starting as the identity.
    fn new(contexts: usize) -> Refiner {
        let row: [u16; 33] = std::array::from_fn(|i| (squash(i as i32 * 128 - 2048) * 16) as u16);
        Refiner {
            points: row.repeat(contexts),
            nearest: 0,
        }
    }

    /// The probability (1/4096) whose stretch is `logit` (−2047 to 2047), refined in context
    /// `cx`.
    fn refine(&mut self, logit: i32, cx: usize) -> i32 {
        let s = logit + 2048;
        let (i, w) = ((s >> 7) as usize, s & 127);
        let at = cx * 33 + i.min(31);
        self.nearest = at + usize::from(w >= 64);
        let (a, b) = (i32::from(self.points[at]), i32::from(self.points[at + 1]));
        (a * (128 - w) + b * w) >> 11
    }

    /// Moves the point nearest the last refined probability towards `bit`.
    fn update(&mut self, bit: u32) {
        let target = (bit as i32) << 16;
        let t = &mut self.points[self.nearest];
        *t = (i32::from(*t) + ((target - i32::from(*t)) >> 6)).clamp(32, 65_503) as u16;
    }
}

/// Hashed contexts: one per order of [`ORDERS`], the current word, and the current word with
/// the one before.
const CONTEXTS: usize = ORDERS.len() + 2;

/// The state both directions share: the models' tables, the mixer and the context.
#[derive(Clone)]
struct Model {
    /// The logistic function and its inverse, as tables ([`tables`]).
    tables: &'static Tables,
    /// Every context model's table of slots, one after the other: probability in the high 12
    /// bits, count in the low 4.
    slots_of: Vec<u16>,
    /// Each model's table holds `1 << table_bits` slots.
    table_bits: u32,
    /// Per context model, its context hash for the current byte.
    contexts: [u32; CONTEXTS],
    /// Per context model, the first slot of the 16 its context has for the current half byte:
    /// the slots of one half byte are neighbours, so a model reaches memory once per half byte,
    /// not per bit.
    bases: [usize; CONTEXTS],
    /// Per context model, the slot used for the current bit.
    slots: [usize; CONTEXTS],
    /// The match model of the bytes as they are.
    raw: MatchModel,
    /// The match model of the bytes folded to lower case and one separator.
    folded: MatchModel,
    /// The field the current byte belongs to ([`next_field`]).
    field: u32,
    /// Hash of the current word's letters and digits, lower-cased (0 between words).
    word: u64,
    /// Hash of the word before.
    previous_word: u64,
    /// The current field's last separator (ASCII other than letters and digits), and whether
    /// its last letter was a capital: how a folded match writes its symbols.
    separator: u8,
    capitals: bool,
    /// The current half byte's bits so far, after a leading 1 (1 to 15).
    nibble: u32,
    /// Mixer weights, one set of [`INPUTS`] per partial byte and per which match model
    /// predicts (none, the folded one alone, the raw one).
    weights: Vec<[i32; INPUTS]>,
    /// The weight set of the current bit.
    set: usize,
    /// The mixer's inputs for the current bit.
    inputs: [i32; INPUTS],
    /// The mixer's probability of a 1, in 1/4096.
    mixed: i32,
    /// The final probability of a 1, in 1/4096.
    p: i32,
    /// Refines the mixer's probability in the context of the field and the partial byte.
    refiner: Refiner,
    /// The current byte's bits so far, after a leading 1.
    partial: u32,
    /// The last eight bytes, the latest in the low byte.
    history: u64,
}

impl Model {
    /// A model for a block of `len` bytes, primed ([`primer`]): its tables sized for the block
    /// and the primer, about a slot per bit coded for the long contexts, which are new at nearly
    /// every bit.
    ///
    /// Priming a model runs it over the primer's 3.7 KB, about 2 ms; so each size of table is
    /// primed once per process and copied for every block after, which costs what filling a
    /// fresh model's tables does.
    fn primed(len: usize) -> Model {
        const SIZES: usize = (MAX_TABLE_BITS - MIN_TABLE_BITS + 1) as usize;
        static PRIMED: [std::sync::OnceLock<Model>; SIZES] =
            [const { std::sync::OnceLock::new() }; SIZES];
        let coded = len.saturating_add(primer().len()).max(1).saturating_mul(8);
        let bits = (usize::BITS - coded.leading_zeros()).clamp(MIN_TABLE_BITS, MAX_TABLE_BITS);
        PRIMED[(bits - MIN_TABLE_BITS) as usize]
            .get_or_init(|| {
                let mut m = Model::fresh(bits);
                for &byte in primer() {
                    for i in (0..8).rev() {
                        m.update(u32::from(byte >> i) & 1);
                    }
                }
                m
            })
            .clone()
    }

    /// A model that has seen nothing, with tables of `1 << bits` slots per context model.
    fn fresh(bits: u32) -> Model {
        let mut m = Model {
            tables: tables(),
            slots_of: vec![2048 << 4; CONTEXTS << bits],
            table_bits: bits,
            contexts: [0; CONTEXTS],
            bases: [0; CONTEXTS],
            slots: [0; CONTEXTS],
            raw: MatchModel::raw(bits - 3),
            folded: MatchModel::folded(bits - 3),
            field: 0,
            word: 0,
            previous_word: 0,
            separator: SEPARATOR,
            capitals: false,
            nibble: 1,
            weights: vec![[INITIAL_WEIGHT; INPUTS]; 3 * 256],
            set: 0,
            inputs: [0; INPUTS],
            mixed: 2048,
            p: 2048,
            refiner: Refiner::new(FIELDS * 256),
            partial: 1,
            history: 0,
        };
        m.start_byte();
        m.start_nibble();
        m.predict();
        m
    }

    /// Finds each model's 16 slots for the half byte that starts now (its context and the byte's
    /// first half, if this is the second).
    fn start_nibble(&mut self) {
        let shift = 32 - self.table_bits;
        let partial = self.partial.wrapping_mul(0x2545_F491);
        for (i, (base, &c)) in self.bases.iter_mut().zip(&self.contexts).enumerate() {
            let own = ((c ^ partial).wrapping_mul(0x85EB_CA6B) >> shift) as usize & !15;
            *base = i << self.table_bits | own;
        }
        self.nibble = 1;
    }

    /// Takes in a whole byte: the field, the words, the match models and each context.
    fn byte_done(&mut self, byte: u8) {
        self.history = self.history << 8 | u64::from(byte);
        if byte.is_ascii_alphanumeric() || byte >= 0x80 {
            let folded = u64::from(byte.to_ascii_lowercase()) + 1;
            self.word = (self.word ^ folded).wrapping_mul(0x0100_0000_01B3);
            if byte.is_ascii_alphabetic() {
                self.capitals = byte.is_ascii_uppercase();
            }
        } else {
            if self.word != 0 {
                self.previous_word = self.word;
                self.word = 0;
            }
            if byte != 0 {
                self.separator = byte;
            }
        }
        let field = next_field(self.field, byte);
        if field != self.field {
            self.field = field;
            self.separator = SEPARATOR;
            self.capitals = false;
        }
        let (separator, capitals) = (self.separator, self.capitals);
        let style = |s: u8| match s {
            SEPARATOR => separator,
            b'a'..=b'z' if capitals => s - 32,
            _ => s,
        };
        self.raw.byte_done(byte, style);
        self.folded.byte_done(byte, style);
        self.start_byte();
    }

    /// Hashes each context model's context at a byte boundary.
    fn start_byte(&mut self) {
        let field = u64::from(self.field) << 48;
        for (c, &order) in self.contexts.iter_mut().zip(&ORDERS) {
            let bytes = if order == 0 {
                0
            } else {
                self.history & (u64::MAX >> (64 - 8 * order))
            };
            *c = hash_context(bytes ^ field, order);
        }
        self.contexts[ORDERS.len()] = hash_context(self.word ^ field, 7);
        self.contexts[ORDERS.len() + 1] =
            hash_context(self.word ^ self.previous_word.rotate_left(17) ^ field, 8);
    }

    /// Computes [`Model::p`], the probability that the next bit is 1.
    fn predict(&mut self) {
        let mut dot: i64 = 0;
        let stretch = &self.tables.stretch;
        for (i, &base) in self.bases.iter().enumerate() {
            let slot = base | self.nibble as usize;
            self.slots[i] = slot;
            // In range: a base is a model's table start plus a multiple of 16 within it.
            self.inputs[i] = i32::from(stretch[usize::from(self.slots_of[slot] >> 4)]);
        }
        // The bits of the current byte known so far: those of `partial` below its leading 1.
        let bits = 31 - self.partial.leading_zeros();
        self.inputs[CONTEXTS] = self.raw.input(self.partial, bits, stretch);
        self.inputs[CONTEXTS + 1] = self.folded.input(self.partial, bits, stretch);
        self.inputs[INPUTS - 1] = BIAS;
        let state = if self.inputs[CONTEXTS] != 0 {
            2
        } else {
            usize::from(self.inputs[CONTEXTS + 1] != 0)
        };
        self.set = state * 256 + (self.partial as usize & 255);
        let w = &self.weights[self.set];
        for (&wi, &x) in w.iter().zip(&self.inputs) {
            dot += i64::from(wi) * i64::from(x);
        }
        let logit = (dot >> 16).clamp(-2047, 2047) as i32;
        self.mixed = i32::from(self.tables.squash[(logit + 2047) as usize]).clamp(1, 4095);
        let cx = self.field as usize * 256 + (self.partial as usize & 255);
        let refined = self.refiner.refine(logit, cx);
        self.p = ((self.mixed + 3 * refined) >> 2).clamp(1, 4095);
    }

    /// Learns from `bit`, the bit [`Model::p`] was the prediction for, and predicts the next.
    fn update(&mut self, bit: u32) {
        // |input × error × rate| < 2^11 · 2^12 · 2^7: within an i32.
        let error = ((bit as i32) << PROB_BITS) - self.mixed;
        if error.abs() > SURE_ERROR {
            let w = &mut self.weights[self.set];
            for (wi, &x) in w.iter_mut().zip(&self.inputs) {
                *wi = wi.saturating_add((x * error * LEARNING_RATE) >> 16);
            }
        }
        for &slot in &self.slots {
            adapt(&mut self.slots_of[slot], bit, &self.tables.rates);
        }
        self.raw.update(bit, &self.tables.rates);
        self.folded.update(bit, &self.tables.rates);
        self.refiner.update(bit);
        self.partial = self.partial << 1 | bit;
        self.nibble = self.nibble << 1 | bit;
        if self.partial >= 256 {
            let byte = (self.partial & 255) as u8;
            self.partial = 1;
            self.byte_done(byte);
            self.start_nibble();
        } else if self.nibble >= 16 {
            self.start_nibble();
        }
        self.predict();
    }
}

/// What a list's metadata is like, each line of `primer.txt` ended by a zero byte: twenty
/// entries (source, id, headline, address, date) of the kinds of outlets lists are built from, in
/// the scripts they write, invented for this project. Every block's model first learns from it
/// ([`Model::primed`]), so that a block starts knowing how addresses, ids, dates and headlines
/// are written rather than learning it anew from its first entries: what makes a list of a few
/// originals costly. Part of the list format: a list is read only with the primer it was
/// written with (`format::VERSION`).
fn primer() -> &'static [u8] {
    static PRIMER: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    PRIMER.get_or_init(|| {
        include_str!("primer.txt")
            .lines()
            .flat_map(|line| line.bytes().chain([0]))
            .collect()
    })
}

/// A context model's hash of its context `bytes`, told apart from other models' by `model`.
fn hash_context(bytes: u64, model: u32) -> u32 {
    ((bytes ^ u64::from(model) << 56).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as u32
}

/// Most bytes [`compress`] can code in `stored` bytes: 4,096 a byte. The coder's probability of
/// a bit is kept within 1/4096 and 4095/4096 (12 bits), so each bit, however well predicted,
/// narrows the coder's interval by a factor of 4096/4095 at least and costs at least
/// log2(4096/4095) ≈ 0.00035 bits: no more than about 2,840 bytes can come out of one stored byte
/// (the most a block of identical two-kilobyte fields gave was 1,180). Reading holds a block's
/// declared length to this, so that a crafted file cannot have a few bytes decode to megabytes.
pub fn max_decoded_len(stored: usize) -> usize {
    stored.saturating_mul(1 << PROB_BITS)
}

/// Compresses `data`; [`decompress`] with `data.len()` gives it back.
pub fn compress(data: &[u8]) -> Vec<u8> {
    compress_with(Model::primed(data.len()), data)
}

/// Compresses `data` with `model` to start from.
fn compress_with(mut model: Model, data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() / 2 + 8);
    let (mut low, mut high) = (0u32, u32::MAX);
    for &byte in data {
        for i in (0..8).rev() {
            let bit = u32::from(byte >> i) & 1;
            let mid = low + ((high - low) >> PROB_BITS) * model.p as u32;
            if bit == 1 {
                high = mid;
            } else {
                low = mid + 1;
            }
            while (low ^ high) & 0xff00_0000 == 0 {
                out.push((high >> 24) as u8);
                low <<= 8;
                high = high << 8 | 255;
            }
            model.update(bit);
        }
    }
    // Enough of `low` that any continuation a reader supplies (zeros) stays inside the interval.
    out.extend_from_slice(&low.to_be_bytes());
    out
}

/// Decompresses `len` bytes from `stored` (made by [`compress`]). Bytes past the end of `stored`
/// read as zeros: damaged input gives other bytes of the same length, never an error or a panic.
pub fn decompress(stored: &[u8], len: usize) -> Vec<u8> {
    let mut model = Model::primed(len);
    let mut input = stored.iter().copied().chain(std::iter::repeat(0));
    let mut next = || input.next().unwrap_or(0);
    let (mut low, mut high) = (0u32, u32::MAX);
    let mut x = u32::from_be_bytes([next(), next(), next(), next()]);
    let mut out = Vec::with_capacity(len);
    for _ in 0..len {
        let mut byte = 0u8;
        for _ in 0..8 {
            let mid = low + ((high - low) >> PROB_BITS) * model.p as u32;
            let bit = u32::from(x <= mid);
            if bit == 1 {
                high = mid;
            } else {
                low = mid + 1;
            }
            while (low ^ high) & 0xff00_0000 == 0 {
                low <<= 8;
                high = high << 8 | 255;
                x = x << 8 | u32::from(next());
            }
            model.update(bit);
            byte = byte << 1 | bit as u8;
        }
        out.push(byte);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn squash_and_stretch_are_inverse_and_monotone() {
        let t = stretch_table();
        for p in 1..4095 {
            assert!(t[p] <= t[p + 1]);
            let back = squash(i32::from(t[p]));
            assert!((back - p as i32).abs() <= 40, "{p}: {back}");
        }
        assert!((squash(0) - 2048).abs() <= 1);
    }

    #[test]
    fn round_trips_text_and_edge_cases() {
        let headlines = "Kremlin accuses U.S. of meddling, says ready to talk\n\
                         Harbour strike strands 4,200 containers in Valdoria\n\
                         وزیراعظم کا دورہ، معاہدے پر دستخط\n"
            .repeat(20);
        for data in [
            Vec::new(),
            vec![0u8],
            vec![255u8; 1000],
            headlines.into_bytes(),
            (0..5000u32)
                .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
                .collect(),
        ] {
            let packed = compress(&data);
            assert_eq!(decompress(&packed, data.len()), data);
        }
    }

    #[test]
    fn the_primer_is_whole_entries_and_makes_a_few_entries_cheap() {
        // Twenty entries of five fields, each ended by a zero byte: a block starts at a source.
        let zeros = primer().iter().filter(|&&b| b == 0).count();
        assert_eq!(zeros, 20 * FIELDS);
        // Two entries of a small list, as `super::meta` writes them: primed, the coder knows how
        // addresses, ids and dates are written before it meets them (96 bytes against 159).
        let block = "Harbour Times\0harbour-times-2024-03-02-strike\0Dock strike strands \
                     containers in Valdoria\0https://www.harbourtimes.com/news/2024/03/02/\
                     dock-strike-strands-containers-in-valdoria/\x002024-03-02\0Harbour Times\0\
                     harbour-times-2024-03-05-talks\0Talks to end dock strike resume on \
                     Monday\0https://www.harbourtimes.com/news/2024/03/05/talks-to-end-dock-\
                     strike-resume-on-monday/\x002024-03-05\0";
        let primed = compress(block.as_bytes());
        let cold = compress_with(Model::fresh(MIN_TABLE_BITS + 5), block.as_bytes());
        assert!(
            primed.len() * 4 < cold.len() * 3,
            "{} against {}",
            primed.len(),
            cold.len()
        );
        assert_eq!(decompress(&primed, block.len()), block.as_bytes());
    }

    #[test]
    fn repeated_text_compresses_far_below_its_size() {
        let data = "Harbour strike strands containers; talks to resume in March. ".repeat(100);
        let packed = compress(data.as_bytes());
        assert!(
            packed.len() * 20 < data.len(),
            "{} of {}",
            packed.len(),
            data.len()
        );
    }

    #[test]
    fn damaged_or_short_input_gives_the_declared_length() {
        let data = "Leaders meet in Brussels as talks on the budget drag on".repeat(10);
        let mut packed = compress(data.as_bytes());
        packed[3] ^= 0x40;
        assert_eq!(decompress(&packed, data.len()).len(), data.len());
        assert_eq!(decompress(&[], 100).len(), 100);
        assert_eq!(decompress(&packed[..5], 300).len(), 300);
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// Any bytes come back as they went in.
        #[test]
        fn any_bytes_round_trip(data in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..3000)) {
            proptest::prop_assert_eq!(decompress(&compress(&data), data.len()), data);
        }
    }
}
