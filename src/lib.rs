//! # provenance
//!
//! Names the original behind a news article: given a page's text and a list of known originals
//! (wire stories and the like), says which original the page most likely derives from, how sure
//! that is, what kind of reuse it is (verbatim, partial, rewritten, translated — or merely related,
//! or none) and which passages of the page were reused.
//!
//! The crate is pure Rust without browser types, so it is tested natively; the browser extension
//! and the educator page use it through the thin `wasm` layer (built for wasm32 only), the
//! command line through the `provenance` binary.
//!
//! * [`text`]: the text pipeline (normalisation, words with offsets, sentences, languages,
//!   stemming, furniture, quotes);
//! * [`credits`]: wire credits ("(Reuters)");
//! * [`fingerprint`]: features of a text and the compact sketch of an original;
//! * [`list`]: lists of originals, their builder and their file format;
//! * [`matching`] and [`score`]: checking a page against a list;
//! * [`compare`]: two texts side by side;
//! * [`report`]: the JSON contract;
//! * [`eval`]: accuracy metrics on labelled sets.
//!
//! ```
//! use provenance::{check, list::{build::build, OriginalDoc}, fingerprint::SketchSize};
//! let original = OriginalDoc {
//!     id: "wire-1".into(), source: Some("Wire".into()),
//!     text: "The harbour authority said on Monday that the northern pier will close for repairs \
//!            until the end of March, after inspectors found cracks in its concrete supports.".into(),
//!     ..Default::default()
//! };
//! let list = build([original], SketchSize::LIST).unwrap();
//! let page = "Local news. The harbour authority said on Monday that the northern pier will close for \
//!             repairs until the end of March, after inspectors found cracks in its concrete supports.";
//! let report = check(&list, page, None);
//! assert_eq!(report.best.unwrap().id, "wire-1");
//! assert!(report.verdict.is_derived());
//! ```

// Every public item says what it is and why (the lints of `./build.sh test` deny warnings).
#![warn(missing_docs)]

pub mod compare;
pub mod credits;
pub mod error;
pub mod eval;
pub mod fingerprint;
pub mod hash;
pub mod list;
pub mod matching;
pub mod report;
pub mod score;
pub mod text;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use error::{BuildError, ListError};
pub use list::List;
pub use matching::check;
pub use report::{Candidate, Passage, PassageKind, Relation, Report};
