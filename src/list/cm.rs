//! A small context-mixing compressor for the metadata blocks of a list.
//!
//! Headlines are most of a list's metadata, and they are short texts that repeat little: DEFLATE
//! finds few matches in them and codes the rest a byte at a time with one Huffman code. This
//! coder predicts one bit at a time from what came before instead, the way the PAQ family of
//! compressors does, and codes each bit with a binary arithmetic coder:
//!
//! * six **models** each look at the bytes before the current one (the last 0, 1, 2, 3, 4 and 6
//!   bytes, hashed with the bits of the current byte seen so far) and keep, per context, a
//!   probability that the next bit is 1, which moves towards each bit seen there, fast at first
//!   and then more slowly (a count per context sets the pace);
//! * a **mixer** adds the models' predictions in the logistic domain (`stretch(p) = ln(p / (1 −
//!   p))`), with weights chosen by the bits of the current byte seen so far, and learns the
//!   weights online from its own errors: a long context that has seen a byte before is trusted
//!   where it has been right, the short ones where it has not;
//! * the **arithmetic coder** narrows a 32-bit interval by the mixed probability of each bit and
//!   writes out the leading bytes that no longer change.
//!
//! Compressor and decompressor run the same model on the same bits, so they predict alike; all of
//! it is integer arithmetic, so a list written natively reads the same in the browser. On the
//! bundled list's metadata it needs 52 bytes per original where DEFLATE needed 65
//! (`docs/performance.md`, "Size"), and it codes or decodes about 5 MB a second natively.
//!
//! A block is decoded to exactly the length its list declares, reading zeros past the end of
//! its bytes: damaged or hostile input gives wrong bytes (which the metadata reader then refuses),
//! never a panic, and never more work or memory than the declared length allows.

/// Bits of probability: probabilities are in 1/4096.
const PROB_BITS: u32 = 12;
/// Orders of the models: how many bytes before the current one each reads (0: none).
const ORDERS: [u32; 6] = [0, 1, 2, 3, 4, 6];
/// Inputs of the mixer: one per model and a constant.
const INPUTS: usize = ORDERS.len() + 1;
/// The constant input, in stretch units.
const BIAS: i32 = 256;
/// A new mixer weight: about 0.3 of each model (16.16 fixed point).
const INITIAL_WEIGHT: i32 = 19_660;
/// The mixer's learning rate, as a multiplier of `error × input` before a shift by 16.
const LEARNING_RATE: i32 = 80;
/// Most observations a context's probability counts before it adapts at a fixed rate.
const COUNT_LIMIT: u16 = 15;
/// Smallest and largest table, in bits of slots per model.
const MIN_TABLE_BITS: u32 = 10;
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
}

fn tables() -> &'static Tables {
    static TABLES: std::sync::OnceLock<Tables> = std::sync::OnceLock::new();
    TABLES.get_or_init(|| Tables {
        stretch: stretch_table(),
        squash: Box::new(std::array::from_fn(|i| squash(i as i32 - 2047) as i16)),
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

/// The state both directions share: the models' tables, the mixer and the context.
struct Model {
    /// The logistic function and its inverse, as tables ([`tables`]).
    tables: &'static Tables,
    /// Every model's table of slots, one after the other: probability in the high 12 bits,
    /// count in the low 4.
    slots_of: Vec<u16>,
    /// Each model's table holds `1 << table_bits` slots.
    table_bits: u32,
    /// Per model, its context hash for the current byte.
    contexts: [u32; ORDERS.len()],
    /// Per model, the first slot of the 16 its context has for the current half byte: the slots
    /// of one half byte are neighbours, so a model reaches memory once per half byte, not per bit.
    bases: [usize; ORDERS.len()],
    /// Per model, the slot used for the current bit.
    slots: [usize; ORDERS.len()],
    /// The current half byte's bits so far, after a leading 1 (1 to 15).
    nibble: u32,
    /// Mixer weights, one set of [`INPUTS`] per partial byte.
    weights: Box<[[i32; INPUTS]; 256]>,
    /// The mixer's inputs for the current bit.
    inputs: [i32; INPUTS],
    /// The mixed probability of a 1, in 1/4096.
    p: i32,
    /// The current byte's bits so far, after a leading 1.
    partial: u32,
    /// The last eight bytes, the latest in the low byte.
    history: u64,
    /// 65536 / (n + 1.5) for each count n: how far a slot moves towards a bit.
    rates: [i32; COUNT_LIMIT as usize + 1],
}

impl Model {
    /// A fresh model with tables sized for `len` bytes of data.
    fn new(len: usize) -> Model {
        // About a slot per bit coded, for the long contexts, which are new at nearly every bit.
        let bits = (usize::BITS - len.max(1).saturating_mul(8).leading_zeros())
            .clamp(MIN_TABLE_BITS, MAX_TABLE_BITS);
        let mut m = Model {
            tables: tables(),
            slots_of: vec![2048 << 4; ORDERS.len() << bits],
            table_bits: bits,
            contexts: [0; ORDERS.len()],
            bases: [0; ORDERS.len()],
            slots: [0; ORDERS.len()],
            nibble: 1,
            weights: Box::new([[INITIAL_WEIGHT; INPUTS]; 256]),
            inputs: [0; INPUTS],
            p: 2048,
            partial: 1,
            history: 0,
            rates: [0; COUNT_LIMIT as usize + 1],
        };
        for (n, r) in m.rates.iter_mut().enumerate() {
            *r = (65536.0 * 2.0 / (2.0 * n as f64 + 3.0)) as i32;
        }
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

    /// Hashes each model's context at a byte boundary.
    fn start_byte(&mut self) {
        for (c, &order) in self.contexts.iter_mut().zip(&ORDERS) {
            let bytes = if order == 0 {
                0
            } else {
                self.history & (u64::MAX >> (64 - 8 * order))
            };
            let h = (bytes ^ u64::from(order) << 56).wrapping_mul(0x9E37_79B9_7F4A_7C15);
            *c = (h >> 32) as u32;
        }
    }

    /// Computes [`Model::p`], the probability that the next bit is 1.
    fn predict(&mut self) {
        let mut dot: i64 = 0;
        let w = &self.weights[self.partial as usize & 255];
        for (i, (&base, &wi)) in self.bases.iter().zip(w).enumerate() {
            let slot = base | self.nibble as usize;
            self.slots[i] = slot;
            let p = self.slots_of.get(slot).map_or(2048, |s| s >> 4);
            let st = i32::from(self.tables.stretch[usize::from(p) & 4095]);
            self.inputs[i] = st;
            dot += i64::from(wi) * i64::from(st);
        }
        self.inputs[INPUTS - 1] = BIAS;
        dot += i64::from(w[INPUTS - 1]) * i64::from(BIAS);
        let at = ((dot >> 16).clamp(-2047, 2047) + 2047) as usize;
        self.p = i32::from(self.tables.squash[at.min(4094)]).clamp(1, 4095);
    }

    /// Learns from `bit`, the bit [`Model::p`] was the prediction for, and predicts the next.
    fn update(&mut self, bit: u32) {
        // |input × error × rate| < 2^11 · 2^12 · 2^7: within an i32.
        let error = ((bit as i32) << PROB_BITS) - self.p;
        let w = &mut self.weights[self.partial as usize & 255];
        for (wi, &x) in w.iter_mut().zip(&self.inputs) {
            *wi = wi.saturating_add((x * error * LEARNING_RATE) >> 16);
        }
        // A slot's probability moves towards 4095 or 1, so it stays within them.
        let target = if bit == 1 { 4095 } else { 1 };
        for &slot in &self.slots {
            if let Some(s) = self.slots_of.get_mut(slot) {
                let (p, n) = (i32::from(*s >> 4), *s & 15);
                let p = p + (((target - p) * self.rates[usize::from(n & 15)]) >> 16);
                *s = (p as u16) << 4 | (n + 1).min(COUNT_LIMIT);
            }
        }
        self.partial = self.partial << 1 | bit;
        self.nibble = self.nibble << 1 | bit;
        if self.partial >= 256 {
            self.history = self.history << 8 | u64::from(self.partial & 255);
            self.partial = 1;
            self.start_byte();
            self.start_nibble();
        } else if self.nibble >= 16 {
            self.start_nibble();
        }
        self.predict();
    }
}

/// Compresses `data`; [`decompress`] with `data.len()` gives it back.
pub fn compress(data: &[u8]) -> Vec<u8> {
    let mut model = Model::new(data.len());
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
    let mut model = Model::new(len);
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
