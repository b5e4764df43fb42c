//! Any bytes as a page (read as the command line reads a file: invalid UTF-8 replaced): analysed,
//! checked against a small list, and compared with a second text (what follows a 0xFF byte, or
//! the page's own second half). Nothing may panic, every offset reported must fall inside its
//! text, and every score, coverage and share must lie in [0, 1].
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use provenance::fingerprint::SketchSize;
use provenance::list::{build::build, List, OriginalDoc};

fn list() -> &'static List {
    static LIST: OnceLock<List> = OnceLock::new();
    LIST.get_or_init(|| {
        let docs = [
            "The harbour authority said on Monday that the northern pier will close for repairs \
             until the end of March, after inspectors found 41 cracks in its concrete supports.",
            "Президент заявил в понедельник, что 41 000 человек покинули город после наводнения.",
            "وزیر اعظم نے پیر کو کہا کہ 2021 میں 41 ہزار افراد کو روزگار ملے گا۔",
            "東京都は月曜日、新たに41人の感染を確認したと発表した。",
            // Long enough to be sampled rather than stored whole, so that a check's passages
            // weigh its vocabulary and its sample of phrases (`matching::passages`).
            include_str!("../../src/matching/testdata/library_reopens.txt"),
        ]
        .into_iter()
        .enumerate()
        .map(|(i, text)| OriginalDoc {
            id: format!("o{i}"),
            source: Some("Wire".into()),
            text: text.into(),
            ..Default::default()
        });
        build(docs, SketchSize::LIST).expect("the fuzz list builds")
    })
}

#[path = "../../tests/support/shares.rs"]
mod shares;

/// Asserts that every candidate's score, coverages and evidence shares lie in [0, 1].
fn assert_shares(report: &provenance::Report) {
    for c in report.best.iter().chain(&report.candidates) {
        for x in shares::unit_figures(c) {
            assert!((0.0..=1.0).contains(&x), "{c:?}");
        }
    }
}

fuzz_target!(|data: &[u8]| {
    // A second text, to compare the page with, follows a 0xFF byte (never UTF-8) if there is
    // one, so that two unrelated texts meet; otherwise it is the page's own second half.
    let (page, second) = match data.iter().position(|&b| b == 0xff) {
        Some(at) => (&data[..at], Some(&data[at + 1..])),
        None => (data, None),
    };
    let text = String::from_utf8_lossy(page);
    let a = provenance::text::analyze(&text, None);
    for t in &a.tokens {
        assert!(t.start < t.end && (t.end as usize) <= text.len());
        assert!(text.is_char_boundary(t.start as usize) && text.is_char_boundary(t.end as usize));
    }
    let report = provenance::check(list(), &text, None);
    // Passages count Unicode chars (what JavaScript's highlighting walks).
    let chars = text.chars().count();
    for p in &report.passages {
        assert!(p.start < p.end && p.end <= chars);
    }
    assert_shares(&report);
    let original = match second {
        Some(bytes) => String::from_utf8_lossy(bytes),
        None => {
            let mut half = text.len() / 2;
            while !text.is_char_boundary(half) {
                half -= 1;
            }
            std::borrow::Cow::Borrowed(&text[half..])
        }
    };
    let c = provenance::compare::compare(&text, &original, Some(list()));
    assert_shares(&c.report);
    let original_chars = original.chars().count();
    assert!(c
        .page_passages
        .iter()
        .all(|p| p.start < p.end && p.end <= chars));
    assert!(c
        .original_passages
        .iter()
        .all(|p| p.start < p.end && p.end <= original_chars));
});
