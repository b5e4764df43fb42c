//! The browser's door to the engine, through wasm-bindgen. Deliberately thin: it converts
//! arguments and results and measures time; everything else is the native core. Errors become
//! JavaScript exceptions with the core's message; nothing here can panic on bad input.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::list::{format, List};
use crate::report::Report;

/// Serialises with `null` for absent fields and plain objects for maps, like `JSON.parse` would.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

/// The time in milliseconds, as the browser tells it (for a report's `stats.millis`).
fn now() -> f64 {
    js_sys::Date::now()
}

/// A loaded list of originals, ready to check pages against.
#[wasm_bindgen]
pub struct Engine {
    list: List,
}

#[wasm_bindgen]
impl Engine {
    /// Loads a list from the bytes of a list file; throws with a clear message if it is damaged.
    #[wasm_bindgen(constructor)]
    pub fn new(bytes: &[u8]) -> Result<Engine, JsError> {
        let list = format::decode(bytes).map_err(|e| JsError::new(&e.to_string()))?;
        Ok(Engine { list })
    }

    /// Number of originals in the list.
    #[wasm_bindgen(getter)]
    pub fn originals(&self) -> usize {
        self.list.len()
    }

    /// Checks a page's text; `lang` is the page's language if known (`<html lang>`).
    /// Returns the same report as `provenance check --json`.
    pub fn check(&self, text: &str, lang: Option<String>) -> Result<JsValue, JsError> {
        let start = now();
        let mut report: Report = crate::matching::check(&self.list, text, lang.as_deref());
        report.stats.millis = now() - start;
        to_js(&report)
    }

    /// Compares two texts directly: how much of `page` derives from `original`, with passages on
    /// both sides and the sentence alignment (see [`crate::compare`]). The original's words are
    /// weighed by idf among this engine's list, as `provenance compare` weighs them among the
    /// bundled list.
    pub fn compare(&self, page: &str, original: &str) -> Result<JsValue, JsError> {
        let start = now();
        let mut c = crate::compare::compare(page, original, Some(&self.list));
        c.report.stats.millis = now() - start;
        to_js(&c)
    }
}
