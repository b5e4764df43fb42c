//! Property tests: the text pipeline and the list parser never panic, whatever they are given.

use proptest::prelude::*;
use provenance::fingerprint::SketchSize;
use provenance::list::{build::build, format, OriginalDoc};
use provenance::text::analyze;

#[path = "support/shares.rs"]
mod shares;

fn small_list_bytes() -> Vec<u8> {
    let docs = (0..12).map(|i| OriginalDoc {
        id: format!("o{i}"),
        source: Some(format!("Source {}", i % 3)),
        title: Some(format!("Title {i}")),
        text: format!("The committee number {i} met on Friday and agreed on {} measures for the river basin, officials said.", i * 3),
        ..Default::default()
    });
    format::encode(&build(docs, SketchSize::LIST).unwrap())
}

/// Sentence `i` of a made-up pool: each a different combination of its words, so that every
/// sentence has phrases of its own.
fn pool_sentence(i: usize) -> String {
    const WHO: [&str; 7] = [
        "council",
        "union",
        "ministry",
        "court",
        "harbour board",
        "utility",
        "school board",
    ];
    const DID: [&str; 5] = [
        "approved",
        "rejected",
        "postponed",
        "questioned",
        "announced",
    ];
    const WHAT: [&str; 6] = [
        "budget",
        "contract",
        "inquiry",
        "timetable",
        "tariff",
        "merger",
    ];
    const WHEN: [&str; 4] = [
        "on Monday",
        "late on Friday",
        "this week",
        "after a long debate",
    ];
    format!(
        "The {} {} a {} of {} million for the {} district {}, its spokesman told reporters.",
        WHO[i % 7],
        DID[i / 7 % 5],
        WHAT[i / 3 % 6],
        10 + i * 7 % 90,
        ["northern", "southern", "eastern", "western", "central"][i / 5 % 5],
        WHEN[i / 2 % 4]
    )
}

/// A list of six originals of twelve pool sentences each, long enough that each keeps only a
/// sample of its phrases (built once for every case).
fn sampled_list() -> &'static provenance::List {
    static LIST: std::sync::OnceLock<provenance::List> = std::sync::OnceLock::new();
    LIST.get_or_init(|| {
        let docs = (0..6).map(|o| OriginalDoc {
            id: format!("o{o}"),
            source: Some("Wire".into()),
            lang: Some("en".into()),
            text: (0..12)
                .map(|s| pool_sentence(o * 12 + s))
                .collect::<Vec<_>>()
                .join(" "),
            ..Default::default()
        });
        build(docs, SketchSize::LIST).unwrap()
    })
}

fn reseal(mut b: Vec<u8>) -> Vec<u8> {
    if b.len() >= 48 {
        let body = crc32fast_hash(&b[48..]);
        b[40..44].copy_from_slice(&body.to_le_bytes());
        let h = crc32fast_hash(&b[..44]);
        b[44..48].copy_from_slice(&h.to_le_bytes());
    }
    b
}

/// CRC-32 (IEEE), bit by bit: the tests' own, independent of the crate's.
fn crc32fast_hash(data: &[u8]) -> u32 {
    let mut crc = 0xffff_ffffu32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn analysis_never_panics_and_offsets_are_sound(text in "\\PC{0,400}") {
        let a = analyze(&text, None);
        let mut last = 0u32;
        for t in &a.tokens {
            prop_assert!(t.start < t.end && t.start >= last);
            prop_assert!(text.is_char_boundary(t.start as usize) && text.is_char_boundary(t.end as usize));
            prop_assert!(t.sentence < a.sentences.max(1));
            last = t.end;
        }
    }

    #[test]
    fn reports_hold_scores_coverages_and_shares_in_the_unit_range(
        picks in proptest::collection::vec(0usize..90, 1..14),
        filler in "[a-z ]{0,200}",
    ) {
        // Pool sentences, some of them an original's (short pages of a few sentences sample
        // few phrases) and some no original's, among made-up words.
        let mut page: Vec<String> = picks.iter().map(|&i| pool_sentence(i)).collect();
        page.insert(picks[0] % page.len(), filler);
        let page = page.join(" ");
        let r = provenance::check(sampled_list(), &page, Some("en"));
        let chars = page.chars().count();
        for p in &r.passages {
            prop_assert!(p.start < p.end && p.end <= chars);
        }
        for c in r.best.iter().chain(&r.candidates) {
            for x in shares::unit_figures(c) {
                prop_assert!((0.0..=1.0).contains(&x), "{:?}", c);
            }
        }
    }

    #[test]
    fn decoding_arbitrary_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = format::decode(&bytes);
        let mut with_magic = b"PROVLIST".to_vec();
        with_magic.extend_from_slice(&bytes);
        let _ = format::decode(&reseal(with_magic));
    }

    #[test]
    fn decoding_mutated_lists_never_panics(at in any::<prop::sample::Index>(), value in any::<u8>(), cut in any::<prop::sample::Index>()) {
        let bytes = small_list_bytes();
        let mut m = bytes.clone();
        let i = at.index(m.len());
        m[i] = value;
        // Resealed, so that the structural checks (not just the checksums) are exercised.
        if let Ok(list) = format::decode(&reseal(m)) {
            let r = provenance::check(&list, "The committee met on Friday and agreed on measures for the river basin.", None);
            prop_assert!(r.candidates.len() <= 5);
            // Every original's metadata, its block decoded or found damaged.
            list.decode_meta_of(0..list.len());
            for i in 0..list.len() {
                let _ = list.meta(i);
            }
        }
        let c = cut.index(bytes.len());
        prop_assert!(format::decode(&reseal(bytes[..c].to_vec())).is_err());
    }
}
