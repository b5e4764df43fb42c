//! The figures of a report's candidate that are shares, each of which must lie in [0, 1]: what
//! the property tests (`tests/properties.rs`) and the `text` fuzz target hold every report to.
//! Included by path in both: it is a check of the tests, not part of the library.

use provenance::Candidate;

/// `c`'s score, coverages both ways and every share of its evidence.
pub fn unit_figures(c: &Candidate) -> [f64; 10] {
    let e = &c.evidence;
    [
        c.score,
        c.page_coverage,
        c.original_coverage,
        e.phrases,
        e.vocabulary,
        e.terms,
        e.anchors,
        e.order,
        e.sentences,
        e.page_sentences,
    ]
}
