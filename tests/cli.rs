//! End-to-end tests of the `provenance` binary: the report contract, the demo, and bad input.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_provenance"))
}

fn run_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

/// What the binary prints on standard output when run with `args`; it must succeed.
fn printed(args: &[&str]) -> String {
    let out = bin().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The JSON values, one a line, that the binary prints when run with `args`; it must succeed.
fn json_lines(args: &[&str]) -> Vec<serde_json::Value> {
    printed(args)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn json(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn demo_article_names_its_original_with_the_bundled_list() {
    let out = bin()
        .args(["check", "--json", "examples/demo/article.txt"])
        .output()
        .unwrap();
    let r = json(&out);
    assert_eq!(r["best"]["source"], "Northwind Wire");
    assert_eq!(r["best"]["id"], "demo-harbour-bridge");
    assert_eq!(r["verdict"], "verbatim");
    for key in [
        "id",
        "source",
        "title",
        "url",
        "published",
        "score",
        "relation",
        "page_coverage",
        "original_coverage",
        "credited",
    ] {
        assert!(r["best"].get(key).is_some(), "best.{key}");
    }
    // The copied wording both ways: the page gives most of the original in whole sentences, and
    // most of its own words stand in them (the rest: its headline, a caption, a share row).
    let evidence = &r["best"]["evidence"];
    for key in ["sentences", "page_sentences"] {
        let share = evidence[key].as_f64().unwrap();
        assert!(share > 0.5 && share <= 1.0, "evidence.{key}: {evidence}");
    }
    assert!(r["candidates"].as_array().unwrap().len() <= 5);
    let text = std::fs::read_to_string("examples/demo/article.txt").unwrap();
    let passages = r["passages"].as_array().unwrap();
    assert!(!passages.is_empty());
    for p in passages {
        let (s, e) = (
            p["start"].as_u64().unwrap() as usize,
            p["end"].as_u64().unwrap() as usize,
        );
        assert!(s < e && e <= text.chars().count());
        assert_eq!(p["original_id"], "demo-harbour-bridge");
    }
    // Offsets are in characters: the first passage is the copied headline, word for word.
    let chars: Vec<char> = text.chars().collect();
    let span = |p: &serde_json::Value| {
        (
            p["start"].as_u64().unwrap() as usize,
            p["end"].as_u64().unwrap() as usize,
        )
    };
    let (s0, e0) = span(&passages[0]);
    assert_eq!(
        chars[s0..e0].iter().collect::<String>(),
        "Bridge shut for six weeks as rust eats cables"
    );
    assert!(r["stats"]["words"].as_u64().unwrap() > 100);
    // Furniture is not reuse: no passage covers the comment prompt at the end.
    let last = passages
        .iter()
        .map(|p| p["end"].as_u64().unwrap() as usize)
        .max()
        .unwrap();
    assert!(
        last < text[..text.find("Share this article").unwrap()]
            .chars()
            .count()
    );
}

#[test]
fn readable_report_speaks_plain_words() {
    let s = printed(&["check", "examples/demo/article.txt"]);
    assert!(
        s.starts_with("Copied almost word for word from Northwind Wire"),
        "{s}"
    );
    // The phrases found both ways, and the page's words found in the original (what a rewrite
    // keeps when it keeps no phrase).
    let share = |label: &str| -> u32 {
        let at = s.find(label).unwrap_or_else(|| panic!("{label}: {s}")) + label.len();
        s[at..].split('%').next().unwrap().trim().parse().unwrap()
    };
    assert_eq!(share("page's phrases in the original:"), 100, "{s}");
    assert!(share("page's words in the original:") >= 80, "{s}");
    // The sentences copied whole, as shares of the original's words and of the page's.
    assert!(share("page sentences copied whole:") > 50, "{s}");
    assert!(share("page's words in them:") > 50, "{s}");
}

#[test]
fn several_files_are_checked_in_turn_and_a_bad_one_does_not_stop_the_others() {
    let files = [
        "examples/demo/article.txt",
        "examples/demo/no-such-file.txt",
        "examples/demo/translation-de.txt",
    ];
    let out = bin().arg("check").args(files).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(!out.status.success());
    assert!(
        stderr.contains("examples/demo/no-such-file.txt: "),
        "{stderr}"
    );
    assert!(
        stderr.contains("1 of the 3 files could not be checked"),
        "{stderr}"
    );
    let article = text
        .find("== examples/demo/article.txt ==\nCopied almost word for word from Northwind Wire");
    let translation =
        text.find("== examples/demo/translation-de.txt ==\nTranslated from Northwind Wire");
    assert!(
        article.is_some() && translation.is_some() && article < translation,
        "{text}"
    );
    // As JSON, one report a line, each with its file's name as its id.
    let reports = json_lines(&["check", "--json", files[0], files[2]]);
    let ids: Vec<&str> = reports.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, [files[0], files[2]]);
    assert_eq!(reports[1]["verdict"], "translated");
}

#[test]
fn jsonl_mode_keeps_ids_and_order() {
    let dir = tempdir();
    let cases = dir.join("cases.jsonl");
    std::fs::write(
        &cases,
        "{\"id\":\"b\",\"text\":\"Nothing to see here at all.\"}\n{\"id\":7,\"text\":\"\"}\n",
    )
    .unwrap();
    let lines = json_lines(&["check", "--jsonl", cases.to_str().unwrap()]);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "b");
    assert_eq!(lines[1]["id"], "7");
    assert_eq!(lines[1]["verdict"], "none");
}

#[test]
fn bad_input_gets_clear_errors_or_sane_reports() {
    let out = run_stdin(&["check", "-"], b"caf\xe9 au lait");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not UTF-8"));

    let r = json(&run_stdin(&["check", "--json"], b""));
    assert_eq!(r["verdict"], "none");
    assert!(r["best"].is_null());
    // In words, an empty text is not reported as one without a known original.
    for empty in [&b""[..], b" \n \xe2\x80\x94 ... \n"] {
        let out = run_stdin(&["check", "-"], empty);
        assert_eq!(out.status.code(), Some(0));
        let said = String::from_utf8_lossy(&out.stdout);
        assert!(
            said.starts_with("Nothing to check: the text has no words"),
            "{said}"
        );
    }

    let junk: Vec<u8> = (0..200_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8 & 0x7f)
        .collect();
    assert!(json(&run_stdin(&["check", "--json"], &junk))["stats"].is_object());

    let huge = "The council met again on Tuesday to discuss the harbour. ".repeat(180_000);
    let r = json(&run_stdin(&["check", "--json"], huge.as_bytes()));
    assert_eq!(r["stats"]["truncated"], true);

    let rtl =
        "لاہور میں بارش کے بعد شہر کی کئی سڑکیں زیر آب آگئیں اور ٹریفک کا نظام درہم برہم ہو گیا۔ "
            .repeat(20);
    assert!(json(&run_stdin(&["check", "--json"], rtl.as_bytes()))["lang"] == "ur");

    let no_spaces = "x".repeat(50_000);
    assert!(
        json(&run_stdin(&["check", "--json"], no_spaces.as_bytes()))["stats"]["words"]
            .as_u64()
            .unwrap()
            > 0
    );
}

#[test]
fn left_out_metadata_is_not_stored_and_changes_no_match() {
    let dir = tempdir();
    let build = |name: &str, extra: &[&str]| {
        let path = dir.join(name);
        let mut args = vec![
            "build-list",
            "-q",
            "examples/demo/originals.jsonl",
            "-o",
            path.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        let out = bin().args(&args).output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        path
    };
    let check = |list: &std::path::Path| {
        json(
            &bin()
                .args(["check", "--json", "--list", list.to_str().unwrap()])
                .arg("examples/demo/article.txt")
                .output()
                .unwrap(),
        )
    };
    let full = build("full.provlist", &[]);
    let bare = build("bare.provlist", &["--leave-out", "title,url,published"]);
    let (with, without) = (check(&full), check(&bare));
    assert!(with["best"]["title"].is_string() && with["best"]["url"].is_string());
    for key in ["title", "url", "published"] {
        assert!(without["best"][key].is_null(), "{key}");
    }
    for key in ["id", "source", "score", "relation", "page_coverage"] {
        assert_eq!(with["best"][key], without["best"][key], "{key}");
    }
    assert_eq!(with["passages"], without["passages"]);
    let size = |p: &std::path::Path| std::fs::metadata(p).unwrap().len();
    assert!(size(&bare) < size(&full));
    let info = |p: &std::path::Path| {
        let out = bin().arg("info").arg(p).output().unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    assert!(info(&full).contains("with a headline: 1, an address: 1, a date: 1"));
    assert!(info(&full).contains("\nlanguages: en 1\n"));
    assert!(info(&bare).contains("with a headline: 0, an address: 0, a date: 0"));
    let out = bin()
        .args([
            "build-list",
            "examples/demo/originals.jsonl",
            "--leave-out",
            "text",
        ])
        .args(["-o", dir.join("x").to_str().unwrap()])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("possible values"));
}

#[test]
fn damaged_list_files_are_refused_clearly() {
    let dir = tempdir();
    let good = dir.join("demo.provlist");
    let out = bin()
        .args([
            "build-list",
            "-q",
            "examples/demo/originals.jsonl",
            "-o",
            good.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bytes = std::fs::read(&good).unwrap();
    for (name, damaged, expect) in [
        ("cut", bytes[..bytes.len() / 2].to_vec(), "truncated"),
        (
            "flipped",
            {
                let mut b = bytes.clone();
                let n = b.len() - 3;
                b[n] ^= 4;
                b
            },
            "damaged",
        ),
        (
            "text",
            b"hello, this is not a list at all, just some text that is long enough".to_vec(),
            "not a provenance list",
        ),
    ] {
        let path = dir.join(name);
        std::fs::write(&path, damaged).unwrap();
        let out = bin()
            .args([
                "check",
                "--list",
                path.to_str().unwrap(),
                "examples/demo/article.txt",
            ])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{name}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains(expect),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let out = bin()
        .args([
            "check",
            "--json",
            "--list",
            good.to_str().unwrap(),
            "examples/demo/article.txt",
        ])
        .output()
        .unwrap();
    assert_eq!(json(&out)["best"]["id"], "demo-harbour-bridge");
}

#[test]
fn build_list_reports_bad_lines_with_their_place() {
    let dir = tempdir();
    let bad = dir.join("bad.jsonl");
    // Builds a list from `lines`; the error message, given that building failed.
    let failure = |lines: &[u8]| {
        std::fs::write(&bad, lines).unwrap();
        let out = bin()
            .args([
                "build-list",
                bad.to_str().unwrap(),
                "-o",
                dir.join("x").to_str().unwrap(),
            ])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    assert!(failure(b"{\"id\":\"a\",\"text\":\"fine\"}\n{\"id\":\"b\"}\n").contains("bad.jsonl:2"));
    // Lines are checked in parallel, but the first bad one is the one named, whatever is wrong.
    let err = failure(
        b"{\"id\":\"a\",\"text\":\"fine\"}\n\n{\"id\":\"b\",\"text\":\"caf\xe9\"}\n{\"id\":\"c\"}\n",
    );
    assert!(
        err.contains("bad.jsonl:3: not UTF-8 text (invalid byte at column 22)"),
        "{err}"
    );
    // In a file of many lines, parsed in parallel, the bad lines are still named by their place.
    let mut big = Vec::new();
    for i in 1..=4000 {
        let text = "word ".repeat(60);
        big.extend_from_slice(format!("{{\"id\":\"{i}\",\"text\":\"{text}\"}}\n").as_bytes());
    }
    assert!(big.len() > 1 << 20);
    let find = |bytes: &[u8], id: &[u8]| bytes.windows(id.len()).position(|w| w == id).unwrap();
    let mut bad_byte = big.clone();
    let at = find(&bad_byte, b"\"id\":\"3000\"");
    bad_byte[at + 1] = 0xff;
    assert!(
        failure(&bad_byte).contains("bad.jsonl:3000: not UTF-8 text (invalid byte at column 3)")
    );
    let at = find(&big, b"\"id\":\"3500\"");
    big[at] = b'x';
    assert!(failure(&big).contains("bad.jsonl:3500: not an original"));
}

#[test]
fn build_list_refuses_no_originals_and_warns_of_wordless_ones() {
    let dir = tempdir();
    let (input, list) = (dir.join("in.jsonl"), dir.join("out.provlist"));
    let build = |lines: &str| {
        std::fs::write(&input, lines).unwrap();
        bin()
            .args([
                "build-list",
                input.to_str().unwrap(),
                "-o",
                list.to_str().unwrap(),
            ])
            .output()
            .unwrap()
    };
    // Nothing to build from: an error, and no file.
    let out = build("\n\n");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no originals"));
    assert!(!list.exists());
    // Originals that no check could ever name are built, and named in a warning.
    let out = build(concat!(
        "{\"id\":\"bridge\",\"text\":\"The harbour bridge closes for six weeks.\"}\n",
        "{\"id\":\"empty\",\"text\":\"\"}\n",
        "{\"id\":\"dashes\",\"text\":\" --- !!! \"}\n",
    ));
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("warning: 2 originals have no words to match (\"empty\", \"dashes\")"),
        "{err}"
    );
    assert!(err.contains("(3 originals,"), "{err}");
    // One original is one, in `info` too.
    let out = build("{\"id\":\"bridge\",\"text\":\"The harbour bridge closes.\"}\n");
    assert!(out.status.success());
    assert!(!String::from_utf8_lossy(&out.stderr).contains("warning"));
    let info = bin()
        .args(["info", list.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&info.stdout).starts_with("1 original, "));
}

/// The demo original's text, written to a file in `dir`.
fn demo_original_in(dir: &std::path::Path) -> std::path::PathBuf {
    let orig = dir.join("orig.txt");
    let text: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("examples/demo/originals.jsonl").unwrap())
            .unwrap();
    std::fs::write(&orig, text["text"].as_str().unwrap()).unwrap();
    orig
}

#[test]
fn compare_shows_linked_passages() {
    let dir = tempdir();
    let orig = demo_original_in(&dir);
    let out = bin()
        .args([
            "compare",
            "--json",
            "examples/demo/article.txt",
            orig.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    let c = json(&out);
    assert!(c["report"]["best"]["score"].as_f64().unwrap() > 0.5);
    let page = c["page_passages"].as_array().unwrap();
    let original = c["original_passages"].as_array().unwrap();
    assert!(!page.is_empty());
    for p in page {
        assert!(original.iter().any(|o| o["link"] == p["link"]));
    }
    // Read aloud: the relation in words, and each passage with its kind.
    let text = printed(&[
        "compare",
        "examples/demo/article.txt",
        orig.to_str().unwrap(),
    ]);
    let first = text.lines().next().unwrap();
    assert!(
        first.starts_with("score 99% · Copied almost word for word from the original"),
        "{text}"
    );
    assert!(text.contains("  [copied] page \""), "{text}");
}

/// A brief on the demo story in words of its own (78 words): short, sharing the story's words
/// but no passage of them.
const BRIEF: &str = include_str!("../examples/demo/brief.txt");

#[test]
fn a_short_page_s_verdict_on_shared_words_alone_is_flagged() {
    let r = json(&run_stdin(&["check", "--json"], BRIEF.as_bytes()));
    assert_eq!(r["best"]["id"], "demo-harbour-bridge", "{r}");
    assert_eq!(r["rests_on_words_alone"], true, "{r}");
    let whole = bin()
        .args(["check", "--json", "examples/demo/article.txt"])
        .output()
        .unwrap();
    assert_eq!(json(&whole)["rests_on_words_alone"], false);
    let dir = tempdir();
    let (orig, brief) = (demo_original_in(&dir), dir.join("brief.txt"));
    std::fs::write(&brief, BRIEF).unwrap();
    let text = printed(&["compare", brief.to_str().unwrap(), orig.to_str().unwrap()]);
    assert!(
        text.contains("Note: a short text (78 words) with no passage copied word for word"),
        "{text}"
    );
    // A short translation (the demo story's first paragraphs in German) shares names and
    // numbers, not words, and the note says so.
    let german = std::fs::read_to_string("examples/demo/translation-de.txt").unwrap();
    let lead = german
        .split("\n\n")
        .take(3)
        .collect::<Vec<_>>()
        .join("\n\n");
    let text = String::from_utf8(run_stdin(&["check"], lead.as_bytes()).stdout).unwrap();
    assert!(text.starts_with("Translated from Northwind Wire"), "{text}");
    assert!(
        text.contains(
            "  a short text (73 words): at this length another outlet's own report of the same \
             event, in another language, can share as many of the original's names and numbers"
        ),
        "{text}"
    );
}

#[test]
fn compare_shows_a_translation_sentence_by_sentence() {
    let dir = tempdir();
    let orig = demo_original_in(&dir);
    let text = printed(&[
        "compare",
        "examples/demo/translation-de.txt",
        orig.to_str().unwrap(),
    ]);
    assert!(
        text.starts_with("score 99% · Translated from the original"),
        "{text}"
    );
    // Each of the ten sentences beside the one it translates.
    assert_eq!(text.matches("  [translated] page \"").count(), 10, "{text}");
    let ferries = text
        .lines()
        .position(|l| l.starts_with("  [translated] page \"Fähren zwischen"))
        .expect("the ferries' sentence");
    assert!(
        text.lines()
            .nth(ferries + 1)
            .unwrap()
            .trim_start()
            .starts_with("original \"Ferries between"),
        "{text}"
    );
    // And what each pair holds in common, where it holds any.
    let vehicles = text
        .lines()
        .position(|l| l.starts_with("  [translated] page \"Rund 41.000"))
        .expect("the vehicles' sentence");
    assert_eq!(
        text.lines().nth(vehicles + 2).unwrap().trim_start(),
        "in both: 41.000 · 1962",
        "{text}"
    );
}

#[test]
fn check_names_a_translation_s_sentences_translated() {
    // The demo story in German, checked against the bundled list, which holds the story.
    let text = printed(&["check", "examples/demo/translation-de.txt"]);
    assert!(text.starts_with("Translated from Northwind Wire"), "{text}");
    // All but a few of the story's names, numbers and dates are in the translation.
    assert!(
        text.contains("  names and numbers carried over: 85% · no credit found\n"),
        "{text}"
    );
    assert!(
        text.contains("  passages: 6 translated\n    [Translated]"),
        "{text}"
    );
    assert!(
        text.contains("    and 3 more (--json gives them all)\n"),
        "{text}"
    );
    assert!(
        text.contains("    [Translated] \"Rund 41.000 Fahrzeuge"),
        "{text}"
    );
}

#[test]
fn compare_weighs_the_originals_words_among_the_bundled_list_or_alone() {
    let dir = tempdir();
    let orig = demo_original_in(&dir);
    // The demo story's event, reported in other words.
    let honest = dir.join("honest.txt");
    std::fs::write(
        &honest,
        "Drivers in Porthaven will need another way across the water from next week. City \
         officials confirmed the harbour bridge is shutting to traffic while engineers carry out \
         work on it, and said buses would be rerouted around the bay. Shop owners near the \
         crossing said they feared a quiet spring.",
    )
    .unwrap();
    let terms = |extra: &[&str]| {
        let mut args = vec!["compare", "--json"];
        args.extend_from_slice(extra);
        args.extend([honest.to_str().unwrap(), orig.to_str().unwrap()]);
        let c = json(&bin().args(&args).output().unwrap());
        assert!(!c["report"]["verdict"].as_str().unwrap().is_empty());
        c["report"]["best"]["evidence"]["terms"].as_f64().unwrap()
    };
    // Among the bundled list's news, the story's topic words weigh less than its own.
    assert!(terms(&[]) < terms(&["--alone"]));
    let out = bin()
        .args(["compare", "--list", "no-such.provlist"])
        .args([honest.to_str().unwrap(), orig.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no-such.provlist"));
}

/// A new folder of its own under the system's temporary folder, for one test's files.
fn tempdir() -> TempDir {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let d = std::env::temp_dir().join(format!(
        "provenance-test-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    std::fs::create_dir_all(&d).unwrap();
    TempDir(d)
}

/// A test's temporary folder, removed with everything in it when the test ends, passed or
/// failed (a failing assertion unwinds through the drop), so that runs leave nothing behind.
struct TempDir(std::path::PathBuf);

impl std::ops::Deref for TempDir {
    type Target = std::path::Path;
    fn deref(&self) -> &std::path::Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn a_closed_output_pipe_ends_the_program_quietly() {
    // `provenance check … | head -1`: the reader is gone before the report is written.
    let mut child = bin()
        .args(["check", "examples/demo/article.txt"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// An evaluation set of the demo story, `demo-set` in a new temporary folder (returned too, to
/// be kept while the set is used): its article (a verbatim copy) and an honest text on something
/// else.
fn demo_set() -> (TempDir, std::path::PathBuf) {
    let tmp = tempdir();
    let set = tmp.join("demo-set");
    std::fs::create_dir_all(&set).unwrap();
    std::fs::copy("examples/demo/originals.jsonl", set.join("originals.jsonl")).unwrap();
    let article = std::fs::read_to_string("examples/demo/article.txt").unwrap();
    let cases = [
        serde_json::json!({"id": "copy", "text": article, "lang": "en",
                           "expect": "demo-harbour-bridge", "relation": "verbatim"}),
        serde_json::json!({"id": "other", "lang": "en", "expect": null, "relation": "unrelated",
                           "text": "The orchestra opened its winter season on Friday with a symphony \
                                    by a young composer, and the audience stood to applaud the soloist."}),
    ];
    let lines: Vec<String> = cases.iter().map(|c| c.to_string()).collect();
    std::fs::write(set.join("cases.jsonl"), lines.join("\n")).unwrap();
    (tmp, set)
}

#[test]
fn eval_with_salts_prints_each_figure_over_every_salt() {
    let (_tmp, set) = demo_set();
    let dir = set.to_str().unwrap();

    let out = bin().args(["eval", dir, "--salts", "3"]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("over 3 filter salts"), "{stdout}");
    let spread = stdout
        .lines()
        .skip_while(|l| !l.starts_with("over 3"))
        .find(|l| l.starts_with("demo-set"))
        .unwrap_or_else(|| panic!("no spread row: {stdout}"));
    // The verbatim copy is named and decided right with every salt.
    assert!(spread.contains("1.000–1.000"), "{spread}");

    let runs = json(
        &bin()
            .args(["eval", dir, "--salts", "2", "--json"])
            .output()
            .unwrap(),
    );
    let runs = runs.as_array().unwrap();
    assert_eq!(runs.len(), 2, "one array of results per salt");
    for r in runs {
        assert_eq!(r[0]["set"], "demo-set");
        assert_eq!(r[0]["all"]["top1_id"], 1.0);
    }
    // One salt is the plain evaluation; none is refused.
    let plain = json(&bin().args(["eval", dir, "--json"]).output().unwrap());
    assert_eq!(plain[0]["set"], "demo-set");
    // Beside the figures, the verdicts given: the copy's, and the unrelated story's.
    let verdicts = |m: &serde_json::Value| {
        m["verdicts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| format!("{} {}", v["verdict"].as_str().unwrap(), v["cases"]))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        verdicts(&plain[0]["all"]),
        ["verbatim 1", "none 1"],
        "{plain}"
    );
    let by_relation = plain[0]["by_relation"].as_array().unwrap();
    assert_eq!(by_relation[0][0], "verbatim");
    assert_eq!(verdicts(&by_relation[0][1]), ["verbatim 1"]);
    // The table printed above (of salt 0) ends each row with them.
    let row = stdout
        .lines()
        .find(|l| l.starts_with("demo-set"))
        .unwrap_or_else(|| panic!("no set row: {stdout}"));
    assert!(row.ends_with("verbatim 1, none 1"), "{row}");
    let none = bin().args(["eval", dir, "--salts", "0"]).output().unwrap();
    assert!(!none.status.success());
}

#[test]
fn eval_checks_against_a_given_list() {
    let (_tmp, set) = demo_set();
    let dir = set.to_str().unwrap();
    // The set's own originals are not read: the bundled list holds the demo story among others.
    std::fs::remove_file(set.join("originals.jsonl")).unwrap();
    let bundled = json(
        &bin()
            .args(["eval", dir, "--list", "lists/default.provlist", "--json"])
            .output()
            .unwrap(),
    );
    assert_eq!(bundled[0]["all"]["top1_id"], 1.0, "{bundled}");
    assert_eq!(bundled[0]["all"]["decision"], 1.0, "{bundled}");

    // A list without the story: its copy can only be a miss, and the command says why.
    let other = set.join("other.jsonl");
    std::fs::write(
        &other,
        serde_json::json!({"id": "orchestra", "lang": "en",
            "text": "The city orchestra will tour four countries next spring, its director said."})
        .to_string(),
    )
    .unwrap();
    let list = set.join("other.provlist");
    let built = bin()
        .args(["build-list", "-q", "-o"])
        .arg(&list)
        .arg(&other)
        .output()
        .unwrap();
    assert!(built.status.success());
    let out = bin()
        .args(["eval", dir, "--json", "--list"])
        .arg(&list)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("does not hold the original expected by 1 of the 2 cases of demo-set"),
        "{stderr}"
    );
    assert_eq!(json(&out)[0]["all"]["top1_id"], 0.0);

    // Salts draw a set's own list anew, so they do not go with a given one.
    let both = bin()
        .args([
            "eval",
            dir,
            "--salts",
            "2",
            "--list",
            "lists/default.provlist",
        ])
        .output()
        .unwrap();
    assert!(!both.status.success());
}

/// The demo article as a saved web page: its paragraphs in an `<article>`, inside the markup, menus,
/// scripts and sidebars a real page has (all of which a text check would count as words).
fn demo_page_in(dir: &std::path::Path) -> std::path::PathBuf {
    let text = std::fs::read_to_string("examples/demo/article.txt").unwrap();
    let paragraphs: Vec<&str> = text.split("\n\n").map(str::trim).collect();
    let headline = "Bridge shut for six weeks as rust eats cables";
    let body: String = paragraphs
        .iter()
        .filter(|p| p.split_whitespace().count() > 12)
        .map(|p| format!("<p>{}</p>\n", p.replace('&', "&amp;").replace('<', "&lt;")))
        .collect();
    let script = "<script>window.dataLayer = window.dataLayer || []; function track(event, \
                  category, label) { dataLayer.push({ event: event, category: category, label: \
                  label, value: 1 }); } track('view', 'article', 'bridge closure cables \
                  inspection traffic');</script>";
    let html = format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{headline} | \
         Porthaven Daily Courier</title>{script}<style>body {{ font-family: Georgia }}</style>\
         </head>\n<body><header><nav><a href=\"/\">Home</a> | <a href=\"/news\">News</a> | \
         <a href=\"/sport\">Sport</a> | <a href=\"/weather\">Weather</a></nav></header>\n\
         <main><article><h1>{headline}</h1><p class=\"byline\">By Courier staff</p>\n{body}\
         </article>\n<aside><h2>Most read</h2><ul><li><a href=\"/a\">Harbour festival returns \
         with fireworks over the bay</a></li><li><a href=\"/b\">Council approves new cycle lanes \
         on the eastern ring road</a></li><li><a href=\"/c\">Ferry timetable changes for the \
         summer season announced</a></li></ul></aside></main>\n<footer><p>© 2026 Porthaven \
         Daily Courier · Privacy · Terms · Contact us</p></footer>{script}</body></html>\n"
    );
    let page = dir.join("page.html");
    std::fs::write(&page, html).unwrap();
    page
}

#[test]
fn a_saved_web_page_is_checked_by_its_article() {
    let dir = tempdir();
    let page = demo_page_in(&dir);
    let check = |extra: &[&str]| {
        let mut args = vec!["check", "--json"];
        args.extend_from_slice(extra);
        args.push(page.to_str().unwrap());
        json(&bin().args(&args).output().unwrap())
    };
    let as_page = check(&[]);
    assert_eq!(as_page["best"]["id"], "demo-harbour-bridge");
    assert_eq!(as_page["verdict"], "verbatim");
    // Read as text (its tags read as the text they stand for, its scripts and styles left out),
    // the menus, sidebar and footer are words of the page; those the text's own furniture rules
    // know (the "Most read" list, the footer's line) are not evidence either way, so the share of
    // the page's words found in the original is no higher than the article's.
    let as_text = check(&["--input-format", "text"]);
    let words = |r: &serde_json::Value| r["stats"]["words"].as_u64().unwrap();
    let vocabulary = |r: &serde_json::Value| r["best"]["evidence"]["vocabulary"].as_f64().unwrap();
    assert!(
        words(&as_text) > words(&as_page) + 40,
        "{as_page} {as_text}"
    );
    assert!(
        vocabulary(&as_page) >= vocabulary(&as_text),
        "{as_page} {as_text}"
    );
    // `extract` prints the text the report's passages point into: the headline and paragraphs,
    // none of the menus, scripts, sidebar or footer.
    let article = printed(&["extract", page.to_str().unwrap()]);
    assert!(article.starts_with("Bridge shut for six weeks as rust eats cables"));
    assert!(
        article.contains("\n\nAbout 41,000 vehicles cross"),
        "{article}"
    );
    for furniture in [
        "Weather",
        "dataLayer",
        "font-family",
        "Most read",
        "Privacy",
        "<",
    ] {
        assert!(!article.contains(furniture), "{furniture}: {article}");
    }
    let chars: Vec<char> = article.chars().collect();
    for p in as_page["passages"].as_array().unwrap() {
        let (start, end) = (p["start"].as_u64().unwrap(), p["end"].as_u64().unwrap());
        let passage: String = chars[start as usize..end as usize].iter().collect();
        assert!(passage.split_whitespace().count() >= 3, "{passage:?}");
    }
    // The readable report says how the file was read; compare reads pages too.
    let report = printed(&["check", page.to_str().unwrap()]);
    assert!(report.contains("Read as a web page"), "{report}");
    let orig = demo_original_in(&dir);
    let c = json(
        &bin()
            .args(["compare", "--json", page.to_str().unwrap()])
            .arg(&orig)
            .output()
            .unwrap(),
    );
    assert_eq!(c["report"]["verdict"], "verbatim");
}

#[test]
fn hostile_web_pages_get_clear_errors() {
    let dir = tempdir();
    let deep = dir.join("deep.html");
    std::fs::write(
        &deep,
        format!(
            "<!doctype html><html><body>{}text{}</body></html>",
            "<div>".repeat(50_000),
            "</div>".repeat(50_000)
        ),
    )
    .unwrap();
    for args in [
        vec!["check", deep.to_str().unwrap()],
        vec!["extract", deep.to_str().unwrap()],
    ] {
        let out = bin().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("deep.html") && err.contains("50000 deep"),
            "{err}"
        );
    }
    // A page with no text at all is a sane, empty report.
    let out = run_stdin(
        &["check", "--json", "-"],
        b"<html><head><script>let x = 1;</script></head><body></body></html>",
    );
    let r = json(&out);
    assert_eq!(r["verdict"], "none");
    assert_eq!(r["stats"]["words"], 0);
}

#[test]
fn a_page_in_another_charset_is_read_in_the_one_it_declares() {
    let dir = tempdir();
    let page = dir.join("cp1251.html");
    // "Мост закрыт на шесть недель." ("The bridge is closed for six weeks.") in windows-1251.
    let sentence: &[u8] = &[
        0xCC, 0xEE, 0xF1, 0xF2, 0x20, 0xE7, 0xE0, 0xEA, 0xF0, 0xFB, 0xF2, 0x20, 0xED, 0xE0, 0x20,
        0xF8, 0xE5, 0xF1, 0xF2, 0xFC, 0x20, 0xED, 0xE5, 0xE4, 0xE5, 0xEB, 0xFC, 0x2E,
    ];
    let html = [
        b"<!DOCTYPE html><html lang=\"ru\"><head><meta charset=\"windows-1251\"></head><body><p>"
            .as_slice(),
        sentence,
        b"</p></body></html>",
    ]
    .concat();
    std::fs::write(&page, html).unwrap();
    let out = bin()
        .args(["extract", page.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap().trim(),
        "Мост закрыт на шесть недель."
    );
    let r = json(
        &bin()
            .args(["check", "--json", page.to_str().unwrap()])
            .output()
            .unwrap(),
    );
    assert_eq!(
        (r["lang"].as_str(), r["stats"]["words"].as_u64()),
        (Some("ru"), Some(5))
    );
    // Read as text, it is not UTF-8, and says so.
    let out = bin()
        .args(["check", "--input-format", "text", page.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not UTF-8"));
}
