//! The binding layer as JavaScript sees it: run in Node with
//! `cargo test --target wasm32-unknown-unknown --test wasm` (see build.sh).
#![cfg(target_arch = "wasm32")]

use provenance::wasm::Engine;
use wasm_bindgen_test::wasm_bindgen_test;

static LIST: &[u8] = include_bytes!("../lists/default.provlist");
static ARTICLE: &str = include_str!("../examples/demo/article.txt");

fn json(v: wasm_bindgen::JsValue) -> serde_json::Value {
    serde_wasm_bindgen::from_value(v).expect("a plain object")
}

#[wasm_bindgen_test]
fn checks_an_article_with_the_bundled_list() {
    let engine = Engine::new(LIST).expect("the bundled list loads");
    assert!(engine.originals() > 400);
    let r = json(engine.check(ARTICLE, Some("en".into())).expect("a report"));
    assert_eq!(r["best"]["source"], "Northwind Wire");
    assert_eq!(r["verdict"], "verbatim");
    assert!(r["stats"]["millis"].as_f64().unwrap() >= 0.0);
    assert!(r["best"]["url"].is_string());
    // Absent metadata is null, as in the CLI's JSON.
    let none = json(engine.check("", None).unwrap());
    assert!(none["best"].is_null());
}

#[wasm_bindgen_test]
fn damaged_lists_throw_instead_of_panicking() {
    assert!(Engine::new(&LIST[..LIST.len() / 2]).is_err());
    assert!(Engine::new(b"not a list").is_err());
    let mut flipped = LIST.to_vec();
    flipped[100] ^= 1;
    assert!(Engine::new(&flipped).is_err());
}

#[wasm_bindgen_test]
fn compares_two_texts() {
    let original: serde_json::Value = serde_json::from_str(
        include_str!("../examples/demo/originals.jsonl")
            .lines()
            .next()
            .unwrap(),
    )
    .unwrap();
    let engine = Engine::new(LIST).unwrap();
    let c = json(
        engine
            .compare(ARTICLE, original["text"].as_str().unwrap())
            .unwrap(),
    );
    assert!(c["report"]["best"]["score"].as_f64().unwrap() > 0.5);
    assert!(!c["page_passages"].as_array().unwrap().is_empty());
    assert!(!c["alignment"].as_array().unwrap().is_empty());
}
