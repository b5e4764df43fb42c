//! The public evaluation sets in `../shared/eval` as the accuracy tests read them, and the sets
//! of copies inside other stories built from them (`tools/embedded_set.py`). Included by path in
//! `tests/public_sets.rs` and `tests/passages.rs`.

use std::path::{Path, PathBuf};

/// The five public sets, in the order the tests read them.
pub const PUBLIC_SETS: [&str; 5] = [
    "seeds",
    "seed-story",
    "clough-stevenson",
    "counter-public",
    "wmt19-public",
];

/// The records of the JSON Lines file at `p`.
pub fn jsonl<T: serde::de::DeserializeOwned>(p: &Path) -> Vec<T> {
    std::fs::read_to_string(p)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// The folder of public set `set`, or `None` (with a note) where ../shared/eval is absent.
pub fn shared_set(set: &str) -> Option<PathBuf> {
    let dir = Path::new("../shared/eval").join(set);
    if !dir.exists() {
        eprintln!("skipping {set}: ../shared/eval is not beside the checkout");
        return None;
    }
    Some(dir)
}

/// Writes into `dir` the set of copies inside other stories that `tools/embedded_set.py` builds
/// from public set `set`'s originals in `lang`. `None` (with a note) where the public set or
/// python3 is absent.
pub fn embedded_set(set: &str, lang: &str, dir: &Path) -> Option<()> {
    let source = shared_set(set)?;
    let built = std::process::Command::new("python3")
        .arg("tools/embedded_set.py")
        .arg(&source)
        .arg(lang)
        .arg(dir)
        .output();
    match built {
        Ok(o) if o.status.success() => Some(()),
        Ok(o) => panic!("embedded_set.py: {}", String::from_utf8_lossy(&o.stderr)),
        Err(e) => {
            eprintln!("skipping: python3 is not available ({e})");
            None
        }
    }
}
