//! Synthetic originals shared by the bench (`benches/engine.rs`: a 20,000-original list to time
//! checks against, a 100,000-original one to load) and the accuracy tests (distractors among which
//! a set's own originals must still be found). Included by path in both: it is a fixture, not part
//! of the library.

/// `n` texts of about 350 words each, made of `texts`' English sentences (all ASCII, eight words
/// or more) drawn with a fixed seed: the same texts on every run and machine.
pub fn synthetic_texts<'a>(texts: impl IntoIterator<Item = &'a str>, n: usize) -> Vec<String> {
    let sentences: Vec<&str> = texts
        .into_iter()
        .flat_map(|t| t.split(". "))
        .filter(|s| s.split_whitespace().count() >= 8 && s.is_ascii())
        .collect();
    assert!(!sentences.is_empty(), "no English sentence to draw from");
    // xorshift64: small, and the same everywhere.
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    (0..n)
        .map(|_| {
            let mut text = String::new();
            while text.split_whitespace().count() < 350 {
                text.push_str(sentences[(next() % sentences.len() as u64) as usize]);
                text.push_str(". ");
            }
            text
        })
        .collect()
}
