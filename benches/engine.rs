//! Speed and size figures of the engine, printed (README's table). Run: `./build.sh bench`.
//!
//! With `--instructions [latin] N` it only fingerprints the pool (or its Latin-script texts) `N`
//! times on one thread: `./build.sh instructions` runs that under callgrind, whose instruction
//! counts do not drift with the machine's load as timings do.
//!
//! Texts come from `../shared/eval` when present (real news), else from the demo story. Large
//! lists are synthetic: originals of about 350 words assembled from the pool's sentences by a
//! fixed pseudo-random sequence, so that every run measures the same lists.

use std::time::Instant;

use provenance::fingerprint::SketchSize;
use provenance::list::{format, prepare, ListBuilder, OriginalDoc};
use provenance::matching::{check_page, Page};
use rayon::prelude::*;

#[path = "../tests/support/synthetic.rs"]
mod synthetic;

/// The command line's allocator (`src/bin/provenance/main.rs`), so that the figures are the
/// command's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Every line of every public set's originals and cases file, parsed, in a fixed order.
fn public_records() -> Vec<serde_json::Value> {
    let mut records = Vec::new();
    for set in [
        "seeds",
        "seed-story",
        "clough-stevenson",
        "counter-public",
        "wmt19-public",
    ] {
        for file in ["originals.jsonl", "cases.jsonl"] {
            records.extend(shared_jsonl(set, file).unwrap_or_default());
        }
    }
    records
}

/// Every line of `file` of the public set `set`, parsed; `None` without ../shared/eval.
fn shared_jsonl<T: serde::de::DeserializeOwned>(set: &str, file: &str) -> Option<Vec<T>> {
    let s = std::fs::read_to_string(format!("../shared/eval/{set}/{file}")).ok()?;
    Some(
        s.lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| serde_json::from_str(l).unwrap())
            .collect(),
    )
}

fn pool() -> Vec<String> {
    let mut texts: Vec<String> = public_records()
        .iter()
        .map(|v| v["text"].as_str().unwrap_or("").to_string())
        .collect();
    if texts.is_empty() {
        let demo = std::fs::read_to_string("examples/demo/originals.jsonl").unwrap();
        let v: serde_json::Value = serde_json::from_str(demo.lines().next().unwrap()).unwrap();
        texts.push(v["text"].as_str().unwrap().to_string());
    }
    texts
}

/// `n` synthetic originals of about 350 words built from the pool's English sentences
/// ([`synthetic::synthetic_texts`]), with made-up sources, headlines and addresses.
fn synthetic(pool: &[String], n: usize) -> Vec<OriginalDoc> {
    synthetic::synthetic_texts(pool.iter().map(String::as_str), n)
        .into_iter()
        .enumerate()
        .map(|(i, text)| OriginalDoc {
            id: format!("syn-{i}"),
            source: Some(format!("Agency {}", i % 40)),
            title: Some(format!("Synthetic story number {i}")),
            url: Some(format!("https://example.org/story/{i}")),
            published: Some("2026-01-01".into()),
            lang: Some("en".into()),
            text,
        })
        .collect()
}

fn build(docs: Vec<OriginalDoc>) -> provenance::List {
    let mut b = ListBuilder::new(SketchSize::LIST);
    for p in docs
        .into_par_iter()
        .map(|d| prepare(d, SketchSize::LIST))
        .collect::<Vec<_>>()
    {
        b.push(p).unwrap();
    }
    b.finish()
}

/// Prints how fast `texts` are fingerprinted as list originals, on one core and on all cores:
/// each analysed and sampled, and the list's vocabulary filters built (they are built once the
/// list knows which words its index holds for each original), as `build` does it.
fn fingerprinting(name: &str, texts: &[String]) {
    let bytes: usize = texts.iter().map(String::len).sum();
    let docs = as_originals(texts);
    // Each figure is the best of three timed runs of about 20 MB: this machine is shared, and
    // the best run is the one least disturbed.
    let reps = (20_000_000 / bytes.max(1)).max(1);
    let best_of_three = || {
        // The texts are copied before the clock starts: building takes its originals by value.
        let secs = fastest_of_three_of(
            || vec![docs.clone(); reps],
            |copies| {
                for docs in copies {
                    std::hint::black_box(build(docs));
                }
            },
        );
        (bytes * reps) as f64 / 1e6 / secs
    };
    let single = one_thread(best_of_three);
    let parallel = best_of_three();
    println!(
        "fingerprinting, {name} ({:.1} MB): {single:.1} MB/s on one core, {parallel:.1} MB/s on {} cores",
        bytes as f64 / 1e6,
        rayon::current_num_threads()
    );
}

/// The seconds the fastest of three runs of `run` took: this machine is shared, and the fastest
/// run is the one least disturbed.
fn fastest_of_three(run: impl Fn()) -> f64 {
    fastest_of_three_of(|| (), |()| run())
}

/// [`fastest_of_three`] for a `run` that consumes its input: `input` makes it, untimed, before
/// each run.
fn fastest_of_three_of<T>(input: impl Fn() -> T, run: impl Fn(T)) -> f64 {
    (0..3)
        .map(|_| {
            let x = input();
            let t = Instant::now();
            run(x);
            t.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

/// `texts` as originals with distinct ids.
fn as_originals(texts: &[String]) -> Vec<OriginalDoc> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| OriginalDoc {
            id: i.to_string(),
            text: t.clone(),
            ..Default::default()
        })
        .collect()
}

/// `f`'s result, computed with every parallel step on one thread.
fn one_thread<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("a one-thread pool")
        .install(f)
}

/// Prints how fast metadata is coded and decoded ([`provenance::list::cm`]): the public originals.
/// sources, ids, headlines, addresses and dates in blocks of about the size of 256 real entries. Best of
/// three runs.
fn metadata_coding() {
    let mut text = Vec::new();
    for v in public_records().iter().filter(|v| v.get("title").is_some()) {
        for field in ["source", "id", "title", "url", "published"] {
            text.extend_from_slice(v[field].as_str().unwrap_or("").as_bytes());
            text.push(0);
        }
    }
    if text.is_empty() {
        return;
    }
    let blocks: Vec<&[u8]> = text.chunks(48_000).collect();
    let coded: Vec<Vec<u8>> = blocks
        .iter()
        .map(|b| provenance::list::cm::compress(b))
        .collect();
    let code = fastest_of_three(|| {
        for b in &blocks {
            std::hint::black_box(provenance::list::cm::compress(b));
        }
    });
    let decode = fastest_of_three(|| {
        for (c, b) in coded.iter().zip(&blocks) {
            std::hint::black_box(provenance::list::cm::decompress(c, b.len()));
        }
    });
    let mb = text.len() as f64 / 1e6;
    let packed: usize = coded.iter().map(Vec::len).sum();
    println!(
        "metadata coding ({:.2} MB in blocks of 48 KB, coded to {:.1} %): {:.1} MB/s coding, {:.1} MB/s decoding, {:.1} ms a block decoded",
        mb,
        100.0 * packed as f64 / text.len() as f64,
        mb / code,
        mb / decode,
        decode * 1e3 / blocks.len() as f64
    );
}

/// `provenance build-list` as a user runs it, on a JSON Lines file of every public original and
/// case, each ten times under new ids (13,270 originals, 30.5 MB): reading, parsing,
/// fingerprinting, laying out and writing the list. Best of three runs.
fn build_list_end_to_end() {
    let records = public_records();
    if records.is_empty() {
        return;
    }
    let dir = std::env::temp_dir().join(format!("provenance-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join("originals.jsonl");
    let mut lines = String::new();
    for copy in 0..10 {
        for (i, record) in records.iter().enumerate() {
            let mut v = record.clone();
            v["id"] = format!("{copy}-{i}").into();
            lines.push_str(&v.to_string());
            lines.push('\n');
        }
    }
    std::fs::write(&input, &lines).unwrap();
    let secs = fastest_of_three(|| {
        let status = std::process::Command::new(env!("CARGO_BIN_EXE_provenance"))
            .args(["build-list", "-q", "-o"])
            .arg(dir.join("list.provlist"))
            .arg(&input)
            .status()
            .unwrap();
        assert!(status.success());
    });
    println!(
        "build-list, end to end ({:.1} MB of JSON Lines): {secs:.2} s, {:.1} MB/s",
        lines.len() as f64 / 1e6,
        lines.len() as f64 / 1e6 / secs
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// Prints the size of `list` encoded, per original and by part.
fn print_size(name: &str, list: &provenance::List) {
    let encoded = format::encode(list);
    let parts = format::sections(list);
    let per = |b: usize| b as f64 / list.len().max(1) as f64;
    println!(
        "{name}: {} bytes, {:.0} bytes per original ({:.0} records, {:.0} index, {:.0} vocabulary, {:.0} metadata)",
        encoded.len(),
        per(encoded.len()),
        per(parts.records),
        per(parts.index),
        per(parts.vocabulary),
        per(parts.metadata)
    );
}

/// The size of lists of real originals, with their headlines and addresses: each public set's
/// own list, as `build-list` writes it from the set's originals.
fn real_list_sizes() {
    for set in [
        "counter-public",
        "wmt19-public",
        "clough-stevenson",
        "seed-story",
    ] {
        let Some(docs) = shared_jsonl::<OriginalDoc>(set, "originals.jsonl") else {
            continue;
        };
        let words = docs
            .iter()
            .map(|d| d.text.split_whitespace().count())
            .sum::<usize>()
            / docs.len().max(1);
        let n = docs.len();
        print_size(
            &format!("{set}'s list ({n} originals of {words} words)"),
            &build(docs),
        );
    }
}

/// The size of lists of real texts by their length: every distinct public text (originals and
/// cases, in their languages) in lists of those of 150–299, 300–449, 450–599 and 600–749 words,
/// without headlines or addresses. An original's vocabulary, stored whole, grows with its length.
fn sizes_by_length() {
    let mut seen = std::collections::HashSet::new();
    let texts: Vec<(usize, OriginalDoc)> = public_records()
        .iter()
        .filter_map(|v| {
            let text = v["text"].as_str()?;
            seen.insert(text.to_string()).then(|| {
                let doc = OriginalDoc {
                    id: seen.len().to_string(),
                    lang: v["lang"].as_str().map(str::to_string),
                    text: text.to_string(),
                    ..Default::default()
                };
                (text.split_whitespace().count(), doc)
            })
        })
        .collect();
    for low in [150, 300, 450, 600] {
        let docs: Vec<OriginalDoc> = texts
            .iter()
            .filter(|(words, _)| (low..low + 150).contains(words))
            .map(|(_, d)| d.clone())
            .collect();
        if docs.len() >= 10 {
            let n = docs.len();
            let name = format!(
                "public texts of {low}–{} words ({n}, no headlines)",
                low + 149
            );
            print_size(&name, &build(docs));
        }
    }
}

/// The pool's Latin-script texts (under 5% of their bytes beyond ASCII).
fn latin(pool: &[String]) -> Vec<String> {
    pool.iter()
        .filter(|t| t.bytes().filter(|b| *b >= 0x80).count() * 20 < t.len())
        .cloned()
        .collect()
}

/// `--instructions [latin] N`: builds a list of the texts `N` times on one thread, as the timed
/// fingerprinting figure does, and prints how many bytes that was.
fn instructions(pool: Vec<String>, args: &[String]) {
    let texts = if args.iter().any(|a| a == "latin") {
        latin(&pool)
    } else {
        pool
    };
    let reps: usize = args.iter().find_map(|a| a.parse().ok()).unwrap_or(1);
    let docs = as_originals(&texts);
    one_thread(|| {
        for _ in 0..reps {
            std::hint::black_box(build(docs.clone()));
        }
    });
    println!("{}", texts.iter().map(String::len).sum::<usize>());
}

fn main() {
    let pool = pool();
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|a| a == "--instructions") {
        instructions(pool, &args[at + 1..]);
        return;
    }
    let bytes: usize = pool.iter().map(String::len).sum();
    println!("pool: {} texts, {:.1} MB", pool.len(), bytes as f64 / 1e6);

    // Fingerprinting throughput (the costly part of building a list), one core and all cores:
    // on the whole pool (more than half of its bytes are Urdu) and on its Latin-script texts.
    fingerprinting("whole pool", &pool);
    fingerprinting("Latin-script texts", &latin(&pool));
    build_list_end_to_end();
    metadata_coding();

    // Checking against a 20,000-original list, batch mode (one thread, pages analysed in the loop).
    let list = build(synthetic(&pool, 20_000));
    print_size("20,000-original list (synthetic, 350 words)", &list);
    real_list_sizes();
    sizes_by_length();
    let pages: Vec<&String> = pool
        .iter()
        .filter(|t| (200..600).contains(&t.split_whitespace().count()))
        .take(300)
        .collect();
    let words: usize = pages.iter().map(|p| p.split_whitespace().count()).sum();
    let t = Instant::now();
    let mut runs = 0;
    while t.elapsed().as_secs_f64() < 3.0 {
        for p in &pages {
            std::hint::black_box(check_page(&list, &Page::new(p, None)));
            runs += 1;
        }
    }
    println!(
        "check: {:.3} ms per article on average ({} words on average) against 20,000 originals",
        t.elapsed().as_secs_f64() * 1e3 / runs as f64,
        words / pages.len().max(1)
    );

    compare_two_texts(&pages);

    // Loading a 100,000-original list.
    let big = format::encode(&build(synthetic(&pool, 100_000)));
    let t = Instant::now();
    let n = 10;
    for _ in 0..n {
        std::hint::black_box(format::decode(&big).unwrap());
    }
    println!(
        "load: {:.1} ms for a 100,000-original list ({:.1} MB)",
        t.elapsed().as_secs_f64() * 1e3 / n as f64,
        big.len() as f64 / 1e6
    );
}

/// Comparing two texts directly, as the educator page does: each of `pages` with the next, the
/// original's words weighed among the bundled list's originals, and alone.
fn compare_two_texts(pages: &[&String]) {
    let bundled = format::decode(&std::fs::read("lists/default.provlist").unwrap()).unwrap();
    let pairs: Vec<(&String, &String)> = pages
        .iter()
        .zip(pages.iter().skip(1))
        .map(|(a, b)| (*a, *b))
        .collect();
    let time = |background: Option<&provenance::List>| {
        let t = Instant::now();
        let mut runs = 0;
        while t.elapsed().as_secs_f64() < 2.0 {
            for (page, original) in &pairs {
                std::hint::black_box(provenance::compare::compare(page, original, background));
                runs += 1;
            }
        }
        t.elapsed().as_secs_f64() * 1e3 / runs as f64
    };
    let (weighed, alone) = (time(Some(&bundled)), time(None));
    println!(
        "compare: {weighed:.2} ms for two texts with the bundled list ({} originals) as background, {alone:.2} ms alone",
        bundled.len()
    );
}
