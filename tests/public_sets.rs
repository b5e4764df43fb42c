//! Accuracy on the public evaluation sets in `../shared/eval` (skipped, with a note, where they
//! are absent). The floors are today's measured figures rounded down: a change that loses accuracy
//! fails here. README's table has the figures and the targets.

use std::path::Path;

use provenance::eval::{evaluate, Case, EvalResult};
use provenance::fingerprint::SketchSize;
use provenance::list::{build::build, format, OriginalDoc};
use provenance::List;

#[path = "support/sets.rs"]
mod sets;
#[path = "support/synthetic.rs"]
mod synthetic;

use sets::{embedded_set, jsonl, shared_set, PUBLIC_SETS};

/// The list of the originals of the set in `dir`, each original's text rewritten by `rewrite`.
fn list_of(dir: &Path, rewrite: &dyn Fn(&str) -> String) -> List {
    let originals: Vec<OriginalDoc> = jsonl::<OriginalDoc>(&dir.join("originals.jsonl"))
        .into_iter()
        .map(|d| OriginalDoc {
            text: rewrite(&d.text),
            ..d
        })
        .collect();
    build(originals, SketchSize::LIST).unwrap()
}

/// The figures of the cases of the set in `dir` (named `set`) checked against `list`, each case's
/// text rewritten by `rewrite`: how a way of writing the same text moves them.
fn rewritten_figures(
    set: &str,
    dir: &Path,
    list: &List,
    rewrite: &dyn Fn(&str) -> String,
) -> provenance::eval::Metrics {
    let cases: Vec<Case> = jsonl::<Case>(&dir.join("cases.jsonl"))
        .into_iter()
        .map(|c| Case {
            text: rewrite(&c.text),
            ..c
        })
        .collect();
    let reports: Vec<_> = cases
        .iter()
        .map(|c| provenance::check(list, &c.text, c.lang.as_deref()))
        .collect();
    evaluate(set, &cases, &reports, list).all
}

/// A text as written.
fn as_written(text: &str) -> String {
    text.to_string()
}

/// The figures of `set`'s cases as written and rewritten by `rewrite`, against the list of its
/// originals as written (`None` without ../shared).
fn as_written_and_rewritten(
    set: &str,
    rewrite: &dyn Fn(&str) -> String,
) -> Option<(provenance::eval::Metrics, provenance::eval::Metrics)> {
    let dir = shared_set(set)?;
    let list = list_of(&dir, &as_written);
    Some((
        rewritten_figures(set, &dir, &list, &as_written),
        rewritten_figures(set, &dir, &list, rewrite),
    ))
}

/// Asserts that `set`'s cases rewritten by `rewrite` keep their decision accuracy and AUC as
/// written, within `decision_slack` and `auc_slack` (nothing to assert without ../shared).
fn assert_figures_kept(
    set: &str,
    rewrite: &dyn Fn(&str) -> String,
    decision_slack: f64,
    auc_slack: f64,
) {
    let Some((written, r)) = as_written_and_rewritten(set, rewrite) else {
        return;
    };
    assert!(
        r.decision.unwrap() >= written.decision.unwrap() - decision_slack,
        "{r:?} against {written:?}"
    );
    assert!(
        r.auc.unwrap() >= written.auc.unwrap() - auc_slack,
        "{r:?} against {written:?}"
    );
}

fn run(set: &str) -> Option<EvalResult> {
    let dir = shared_set(set)?;
    Some(run_dir(set, &dir))
}

/// The evaluation of the set in `dir`, named `set`.
fn run_dir(set: &str, dir: &Path) -> EvalResult {
    let list = build(
        jsonl::<OriginalDoc>(&dir.join("originals.jsonl")),
        SketchSize::LIST,
    )
    .unwrap();
    run_against(set, dir, &list)
}

/// The evaluation of the cases of the set in `dir`, named `set`, checked against `list`.
fn run_against(set: &str, dir: &Path, list: &List) -> EvalResult {
    let cases: Vec<Case> = jsonl(&dir.join("cases.jsonl"));
    let reports: Vec<_> = cases
        .iter()
        .map(|c| provenance::check(list, &c.text, c.lang.as_deref()))
        .collect();
    evaluate(set, &cases, &reports, list)
}

#[test]
fn seeds_are_attributed_to_their_source() {
    let Some(r) = run("seeds") else { return };
    assert_eq!(r.all.top1_source, Some(1.0));
    assert_eq!(r.all.decision, Some(1.0), "every seed is called derived");
}

#[test]
fn seed_story_independent_reports_are_not_copies() {
    let Some(r) = run("seed-story") else { return };
    assert!(r.all.false_attr.unwrap() <= 1.0 / 3.0 + 1e-9, "{:?}", r.all);
    assert!(r.all.auc.unwrap() >= 0.99);
}

#[test]
fn clough_stevenson() {
    let Some(r) = run("clough-stevenson") else {
        return;
    };
    assert!(r.all.auc.unwrap() >= 0.97, "{:?}", r.all);
    assert!(r.all.top1_source.unwrap() >= 0.97);
    // 2 of 38 honest answers called copies (0.053) until title-case entries of the originals'
    // reference lists stopped making names of common words (`text::case`); 1 after; 2 again since
    // numbers with a word of magnitude read as their value (`text::magnitudes`): an answer at
    // 0.46 crossed the threshold on one chance match of the redrawn vocabulary filters (its share
    // 0.359 -> 0.377; over 16 filter salts the rate is 0.026 to 0.079 before and after).
    assert!(r.all.false_attr.unwrap() <= 0.06, "{:?}", r.all);
    assert!(r.all.decision.unwrap() >= 0.95, "{:?}", r.all);
    // The kind of reuse named: the revised answers are rewordings (15 of 38 called `rewritten`,
    // 18 `partial`, until a partial copy had to hold text of its own: 28 and 4), and the
    // cut-and-paste answers are copied word for word (8 of 19 `verbatim` until a page most of
    // whose sentences are found whole was: 11).
    let given = |relation: &str, verdict: &str| {
        let (_, m) = r.by_relation.iter().find(|(g, _)| g == relation).unwrap();
        m.verdicts
            .iter()
            .find(|v| v.verdict == verdict)
            .map_or(0, |v| v.cases)
    };
    assert!(given("spun", "rewritten") >= 26, "{:?}", r.by_relation);
    assert!(given("spun", "partial") <= 6, "{:?}", r.by_relation);
    assert!(given("verbatim", "verbatim") >= 10, "{:?}", r.by_relation);
}

#[test]
fn counter_public() {
    let Some(r) = run("counter-public") else {
        return;
    };
    // 0.852 before Urdu quotation marks were read as Urdu sets them (`text::quotes`), 0.861
    // after; 0.872 since letters carrying a hamza read as their carriers (`text::normalize`);
    // 0.868 since whole sentences count by their surprise (`score::surprise_term`): two pages
    // labelled non-derived that hold half their source's sentences now rank higher.
    assert!(r.all.auc.unwrap() >= 0.865, "{:?}", r.all);
    assert!(r.all.top1_id.unwrap() >= 0.965);
    assert!(r.all.false_attr.unwrap() <= 0.15);
}

#[test]
fn wmt19_translations() {
    let Some(r) = run("wmt19-public") else { return };
    assert!(r.all.top1_id.unwrap() >= 0.95, "{:?}", r.all);
    assert!(r.all.auc.unwrap() >= 0.95);
    // 0.852 before months and weekdays were anchors in every language (`text::dates`), 0.911 after.
    assert!(r.all.decision.unwrap() >= 0.90);
}

/// A few paragraphs of an original inside another story, the brief's first kind of partial copy,
/// in sets that `tools/embedded_set.py` builds from public originals (half the originals listed,
/// the others hosts; see docs/accuracy.md). Floors: the figures of 2026-12-04 rounded down, when whole
/// copied sentences started to count from 5 % of the original (they were 0.743, 0.640 and 0.802
/// before, with the square root of the share). English 0.84 since straight quotes open and close
/// by their spacing (`text::quotes`): of its 152 pages, 129 are called derived where 130 were, the
/// one fewer a page called derived from its host's near duplicate, not from the original inside
/// it (AUC 0.959 → 0.964). Since 2026-12-07 (twenty-second session), whole sentences count by
/// how unlikely they are by chance too (`score::surprise_term`): 0.862, 0.719 and 0.902 before,
/// 0.901, 0.831 and 0.963 after, the hosts alone called copies as often as before.
#[test]
fn copies_inside_other_stories() {
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("embedded");
    for (set, lang, decision, false_attr) in [
        ("wmt19-public", "en", 0.89, 0.03),
        ("wmt19-public", "de", 0.82, 0.0),
        ("counter-public", "ur", 0.95, 0.16),
    ] {
        let dir = out.join(lang);
        if embedded_set(set, lang, &dir).is_none() {
            return;
        }
        let r = run_dir(lang, &dir);
        eprintln!("{set} {lang}: {:?}", r.all);
        assert!(r.all.decision.unwrap() >= decision, "{lang}: {:?}", r.all);
        assert!(
            r.all.false_attr.unwrap() <= false_attr + 1e-9,
            "{lang}: {:?}",
            r.all
        );
    }
}

/// A page made of the first half of one original's paragraphs and the second half of another's
/// (wmt19-public's English originals of 150 words or more, taken in pairs) is copied in part from
/// each: it is named after one of them, called derived, and not word for word. The ten sampled
/// phrases of an original alone called 15 of the 38 such pages verbatim; with the shares counted
/// over every word, 2.
#[test]
fn halves_of_two_originals_are_partial_copies() {
    let Some(dir) = shared_set("wmt19-public") else {
        return;
    };
    let originals: Vec<OriginalDoc> = jsonl::<OriginalDoc>(&dir.join("originals.jsonl"))
        .into_iter()
        .filter(|o| o.lang.as_deref() == Some("en") && o.text.split_whitespace().count() >= 150)
        .collect();
    let list = build(originals.iter().cloned(), SketchSize::LIST).unwrap();
    let paragraphs = |o: &OriginalDoc| -> Vec<String> {
        o.text
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(str::to_string)
            .collect()
    };
    let (mut pages, mut verbatim) = (0, Vec::new());
    for pair in originals.chunks_exact(2) {
        let (a, b) = (paragraphs(&pair[0]), paragraphs(&pair[1]));
        let page = [&a[..a.len() / 2], &b[b.len() / 2..]].concat().join("\n");
        let report = provenance::check(&list, &page, Some("en"));
        let best = report.best.expect("a candidate");
        assert!(
            best.id == pair[0].id || best.id == pair[1].id,
            "{} + {}: {}",
            pair[0].id,
            pair[1].id,
            best.id
        );
        assert!(
            report.verdict.is_derived(),
            "{}: {:?}",
            best.id,
            report.verdict
        );
        pages += 1;
        if report.verdict == provenance::Relation::Verbatim {
            verbatim.push(best.id);
        }
    }
    eprintln!(
        "halves of two originals: {} of {pages} verbatim",
        verbatim.len()
    );
    assert!(pages >= 20, "{pages}");
    assert!(verbatim.len() * 10 <= pages, "{verbatim:?} of {pages}");
}

/// A report of an event an original covers, in another language, is not a translation of it. No
/// public set holds such reports, but every translation in wmt19 becomes one once its own
/// original is left out of the list: the other originals of its week cover the same events, in
/// its language or another. Measured: 5.7 % of them (26 of 460) are then called derived from
/// another original (5.0 % at an earlier count; 4.6 % before German common nouns that no article
/// marks were taken for nouns; 38.7 % when the few names and numbers in the index were compared
/// one way only; 7.2 % once months and weekdays were anchors, before the cross-language model
/// was fitted again).
#[test]
fn wmt19_translations_are_not_pinned_on_other_reports() {
    let dir = Path::new("../shared/eval/wmt19-public");
    if !dir.exists() {
        eprintln!("skipping: ../shared/eval is not beside the checkout");
        return;
    }
    let originals: Vec<OriginalDoc> = jsonl(&dir.join("originals.jsonl"));
    let cases: Vec<Case> = jsonl(&dir.join("cases.jsonl"));
    let mut pinned = Vec::new();
    for own in &originals {
        let mine: Vec<&Case> = cases
            .iter()
            .filter(|c| c.expect.as_deref() == Some(own.id.as_str()))
            .collect();
        if mine.is_empty() {
            continue;
        }
        let others = originals.iter().filter(|o| o.id != own.id).cloned();
        let list = build(others, SketchSize::LIST).unwrap();
        for c in mine {
            let report = provenance::check(&list, &c.text, c.lang.as_deref());
            if report.verdict.is_derived() {
                pinned.push(c.id.as_str());
            }
        }
    }
    let share = pinned.len() as f64 / cases.len() as f64;
    eprintln!("translations pinned on another original: {share:.3}");
    assert!(share <= 0.06, "{share:.3}: {pinned:?}");
}

/// The committed default list is exactly what the current code builds from its sources.
#[test]
fn bundled_list_is_up_to_date() {
    let shared = Path::new("../shared/eval");
    if !shared.exists() {
        return;
    }
    let mut docs: Vec<OriginalDoc> = jsonl(Path::new("examples/demo/originals.jsonl"));
    for set in PUBLIC_SETS {
        for d in jsonl::<OriginalDoc>(&shared.join(set).join("originals.jsonl")) {
            if !docs.iter().any(|x| x.id == d.id) {
                docs.push(d);
            }
        }
    }
    let built = format::encode(&build(docs, SketchSize::LIST).unwrap());
    let committed = std::fs::read("lists/default.provlist").unwrap();
    assert!(
        built == committed,
        "lists/default.provlist is stale: run ./build.sh list"
    );
}

/// The seeds against the whole bundled list (every set's originals, five languages, together):
/// what the extension sees. A story in another language sharing a number or two must not win.
#[test]
fn seeds_against_the_bundled_list() {
    let seeds = Path::new("../shared/seeds");
    if !seeds.exists() {
        return;
    }
    let list = format::decode(&std::fs::read("lists/default.provlist").unwrap()).unwrap();
    for (stem, source) in [
        ("000_f2869a96b21043eb", "Al Jazeera"),
        ("001_524a7f7d4460bb73", "Al Jazeera"),
        ("002_82c8c9658b6e642f", "Reuters"),
        ("003_5642dc05dc4bace3", "Reuters"),
        ("004_231163b21d9bc371", "Reuters"),
    ] {
        let text = std::fs::read_to_string(seeds.join(format!("{stem}.txt"))).unwrap();
        let r = provenance::check(&list, &text, None);
        let best = r.best.expect("a candidate");
        assert_eq!(best.source.as_deref(), Some(source), "{stem}");
        assert!(r.verdict.is_derived(), "{stem}: {:?}", r.verdict);
    }
}

/// wmt19's translations against the whole bundled list, whose 291 Urdu originals store one to
/// three names and numbers each: a page sharing a number or two with many of them must still have
/// its own original measured and named first. 0.939 of them had before each language's best
/// candidates were measured (`matching::PER_LANGUAGE`), 0.961 after (0.965 since numbers with a
/// word of magnitude read as their value, `text::magnitudes`); 0.980 with wmt19's own list.
#[test]
fn wmt19_translations_against_the_bundled_list() {
    let Some(dir) = shared_set("wmt19-public") else {
        return;
    };
    let list = format::decode(&std::fs::read("lists/default.provlist").unwrap()).unwrap();
    let r = run_against("wmt19-public", &dir, &list);
    assert!(r.all.top1_id.unwrap() >= 0.95, "{:?}", r.all);
    assert!(r.all.decision.unwrap() >= 0.89, "{:?}", r.all);
}

/// counter-public's Urdu pages checked among 20,000 English distractor originals beside their
/// own: 350-word texts of sentences drawn (with a fixed seed) from the English texts of the other
/// public sets, which share numbers and names with the Urdu copy by chance. Each language's best
/// candidates are measured beyond the sixteen (`matching::PER_LANGUAGE`) only when they share
/// three features with the page: admitted on one, distractors outscored the weak own originals
/// of partial copies, and the right original came first for 0.947 of the copies here (0.967 with
/// three, as without distractors). AUC 0.849 before Urdu quotation marks were read as Urdu sets
/// them (`text::quotes`) and letters carrying a hamza were folded to their carriers
/// (`text::normalize`), 0.867 after.
#[test]
fn counter_public_among_english_distractors() {
    let Some(dir) = shared_set("counter-public") else {
        return;
    };
    let english: Vec<String> = ["seeds", "seed-story", "clough-stevenson", "wmt19-public"]
        .iter()
        .flat_map(|set| {
            let dir = Path::new("../shared/eval").join(set);
            jsonl::<serde_json::Value>(&dir.join("originals.jsonl"))
                .into_iter()
                .chain(jsonl::<serde_json::Value>(&dir.join("cases.jsonl")))
        })
        .filter_map(|v| v["text"].as_str().map(str::to_string))
        .collect();
    let distractors = synthetic::synthetic_texts(english.iter().map(String::as_str), 20_000)
        .into_iter()
        .enumerate()
        .map(|(i, text)| OriginalDoc {
            id: format!("distractor-{i}"),
            lang: Some("en".into()),
            text,
            ..Default::default()
        });
    let originals = jsonl::<OriginalDoc>(&dir.join("originals.jsonl"));
    let list = build(originals.into_iter().chain(distractors), SketchSize::LIST).unwrap();
    let r = run_against("counter-public", &dir, &list);
    eprintln!(
        "counter-public among 20,000 English distractors: {:?}",
        r.all
    );
    assert!(r.all.top1_id.unwrap() >= 0.96, "{:?}", r.all);
    assert!(r.all.auc.unwrap() >= 0.86, "{:?}", r.all);
    assert!(r.all.false_attr.unwrap() <= 0.07, "{:?}", r.all);
}

/// The two-text view (`compare`) on seed-story, the original's words weighed among the other
/// sets' originals (none of seed-story's own, as a reader's texts are not in the bundled list):
/// every copy is derived from its own original, and no independent report is called a copy of
/// any of the three originals (with no background, Press TV's report was, of Al Jazeera's).
#[test]
fn seed_story_compared_two_texts_at_a_time() {
    let Some(dir) = shared_set("seed-story") else {
        return;
    };
    let mut others: Vec<OriginalDoc> = Vec::new();
    for set in [
        "seeds",
        "clough-stevenson",
        "counter-public",
        "wmt19-public",
    ] {
        let Some(d) = shared_set(set) else { return };
        others.extend(jsonl::<OriginalDoc>(&d.join("originals.jsonl")));
    }
    let background = build(others, SketchSize::LIST).unwrap();
    let originals: Vec<OriginalDoc> = jsonl(&dir.join("originals.jsonl"));
    let cases: Vec<Case> = jsonl(&dir.join("cases.jsonl"));
    for c in &cases {
        for o in &originals {
            let own = c.expect.as_deref() == Some(o.id.as_str());
            if c.expect.is_some() && !own {
                continue;
            }
            let r = provenance::compare::compare(&c.text, &o.text, Some(&background)).report;
            assert_eq!(r.verdict.is_derived(), own, "{} against {}", c.id, o.id);
        }
    }
}

/// Every case of `set` checked as if its page declared the language `hint` (a site template's
/// `<html lang>`, wrong for most of them), its list built as usual.
fn run_with_hint(set: &str, hint: &str) -> Option<(EvalResult, EvalResult)> {
    let dir = shared_set(set)?;
    let list = build(
        jsonl::<OriginalDoc>(&dir.join("originals.jsonl")),
        SketchSize::LIST,
    )
    .unwrap();
    let cases: Vec<Case> = jsonl(&dir.join("cases.jsonl"));
    let check = |hint: Option<&str>| -> Vec<_> {
        cases
            .iter()
            .map(|c| provenance::check(&list, &c.text, hint.or(c.lang.as_deref())))
            .collect()
    };
    Some((
        evaluate(set, &cases, &check(None), &list),
        evaluate(set, &cases, &check(Some(hint)), &list),
    ))
}

#[test]
fn a_wrong_language_hint_changes_nothing() {
    // Trusted, "en" on counter-public's Urdu pages took its AUC from 0.827 to 0.519, and "ru" on
    // seed-story's English ones called all three independent reports copies.
    for (set, hint) in [
        ("counter-public", "en"),
        ("seed-story", "ru"),
        ("wmt19-public", "en"),
        ("clough-stevenson", "ru"),
    ] {
        let Some((right, wrong)) = run_with_hint(set, hint) else {
            return;
        };
        assert_eq!(
            format!("{:?}", right.all),
            format!("{:?}", wrong.all),
            "{set} with \"{hint}\""
        );
    }
}

/// `text` as a feed gives it: each line a `<p>` element, its apostrophes and double quotes as
/// character references.
fn as_feed_html(text: &str) -> String {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let l = l
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('\'', "&#8217;")
                .replace('"', "&quot;");
            format!("<p>{l}</p>\n")
        })
        .collect()
}

#[test]
fn originals_and_pages_given_as_feed_html_read_as_their_text() {
    // Read as it was, feed HTML in the originals put seed-story's right source first for 0.833
    // and took wmt19's decision accuracy from 0.839 to 0.793.
    for set in ["seed-story", "wmt19-public"] {
        let Some(dir) = shared_set(set) else { return };
        let evaluate_as = |feed: bool| {
            let mut originals: Vec<OriginalDoc> = jsonl(&dir.join("originals.jsonl"));
            let mut cases: Vec<Case> = jsonl(&dir.join("cases.jsonl"));
            if feed {
                originals
                    .iter_mut()
                    .for_each(|o| o.text = as_feed_html(&o.text));
                cases
                    .iter_mut()
                    .for_each(|c| c.text = as_feed_html(&c.text));
            }
            let list = build(originals, SketchSize::LIST).unwrap();
            let reports: Vec<_> = cases
                .iter()
                .map(|c| provenance::check(&list, &c.text, c.lang.as_deref()))
                .collect();
            format!("{:?}", evaluate(set, &cases, &reports, &list).all)
        };
        assert_eq!(evaluate_as(false), evaluate_as(true), "{set}");
    }
}

/// `text` with every Latin letter that has a Cyrillic look-alike swapped for it (the disguise
/// some copies use against plagiarism checkers).
fn disguised(text: &str) -> String {
    const SWAPS: &[(char, char)] = &[
        ('a', 'а'),
        ('e', 'е'),
        ('o', 'о'),
        ('c', 'с'),
        ('p', 'р'),
        ('x', 'х'),
        ('y', 'у'),
        ('i', 'і'),
        ('A', 'А'),
        ('E', 'Е'),
        ('O', 'О'),
        ('T', 'Т'),
        ('H', 'Н'),
        ('M', 'М'),
    ];
    text.chars()
        .map(|c| SWAPS.iter().find(|(l, _)| *l == c).map_or(c, |&(_, s)| s))
        .collect()
}

/// `text` with an acute accent on every vowel, as one combining mark.
fn accented(text: &str) -> String {
    text.chars()
        .flat_map(|c| {
            let mark = "aeiou".contains(c).then_some('\u{301}');
            std::iter::once(c).chain(mark)
        })
        .collect()
}

#[test]
fn pages_disguised_with_look_alikes_or_diacritics_read_as_their_words() {
    // Read as they were, seed-story with every page disguised with look-alikes had AUC 0.583 and
    // decision 0.333, clough-stevenson AUC 0.648 and top-1 source 0.649; with accents, 0.944 and
    // 0.444, and 0.694 and 0.772.
    for set in ["seed-story", "clough-stevenson"] {
        let Some(dir) = shared_set(set) else { return };
        let list = list_of(&dir, &as_written);
        let figures = |rewrite: &dyn Fn(&str) -> String| {
            format!("{:?}", rewritten_figures(set, &dir, &list, rewrite))
        };
        let plain = figures(&as_written);
        assert_eq!(plain, figures(&disguised), "{set}, look-alikes");
        assert_eq!(plain, figures(&accented), "{set}, accents");
    }
}

#[test]
fn pages_typed_with_straight_quotes_keep_their_figures() {
    // Curly quotes and apostrophes typed straight, as many sites and keyboards set them. Before
    // straight quotes opened and closed by their spacing (`text::quotes`), one stray mark turned
    // the quotations after it into narrative: wmt19's decision accuracy was 0.915 so, 0.920 as
    // written.
    let straight = |t: &str| t.replace(['“', '”'], "\"").replace(['‘', '’'], "'");
    for set in ["wmt19-public", "clough-stevenson"] {
        let Some(dir) = shared_set(set) else { return };
        let list = list_of(&dir, &as_written);
        let written = rewritten_figures(set, &dir, &list, &as_written);
        let typed = rewritten_figures(set, &dir, &list, &straight);
        assert_eq!(written.top1_id, typed.top1_id, "{set}");
        assert_eq!(written.decision, typed.decision, "{set}: {typed:?}");
        assert_eq!(written.false_attr, typed.false_attr, "{set}");
        assert!(
            (written.auc.unwrap() - typed.auc.unwrap()).abs() <= 0.003,
            "{set}: {typed:?}"
        );
    }
}

/// wmt19's figures with each case's first line (its headline, most often) rewritten by
/// `headline`, against the list of its originals as written.
fn wmt19_with_headline(headline: &dyn Fn(&str) -> String) -> Option<provenance::eval::Metrics> {
    let dir = shared_set("wmt19-public")?;
    let list = list_of(&dir, &as_written);
    let rewrite = |text: &str| {
        let (first, rest) = text.split_once('\n').unwrap_or((text, ""));
        format!("{}\n{rest}", headline(first))
    };
    Some(rewritten_figures("wmt19-public", &dir, &list, &rewrite))
}

#[test]
fn pages_with_a_headline_in_capitals_keep_their_figures() {
    // Read as names, the words of a headline in capitals were anchors the original lacks:
    // decision accuracy 0.880 (0.920 as written); since a sentence in capitals tells no names but
    // those the rest of the text writes as names (`text::case`), 0.911 (0.913 later), the right
    // original first for 0.980 (0.985 as written). Taking every capital off lost the names only
    // the headline holds; read as a headline in title case is (2026-12-07), 0.917 and 0.987; 0.922
    // and 0.983 since numbers with a word of magnitude read as their value (`text::magnitudes`;
    // 0.924 and 0.980 as written: two pages at 0.47 and 0.43 lost their original's candidacy as
    // the index's sampled features moved).
    let Some(r) = wmt19_with_headline(&str::to_uppercase) else {
        return;
    };
    assert!(r.decision.unwrap() >= 0.915, "{r:?}");
    assert!(r.top1_id.unwrap() >= 0.98, "{r:?}");
}

#[test]
fn pages_with_a_headline_in_title_case_keep_their_figures() {
    // Headlines in title case, as many English sites set them ("Four Injured After Crash at
    // Intersection in Hildburghausen"). Read as names, their words were anchors the original
    // lacks: decision accuracy 0.883 (0.920 as written); since such a sentence's words written
    // in lower case elsewhere are no names and the rest count only where the original has them
    // (`text::case`, `matching::vocabulary`), 0.915.
    let in_title_case = |headline: &str| {
        let words: Vec<String> = headline
            .split(' ')
            .map(|w| match w.chars().count() {
                0..=3 => w.to_string(),
                _ => w
                    .chars()
                    .take(1)
                    .flat_map(char::to_uppercase)
                    .chain(w.chars().skip(1))
                    .collect(),
            })
            .collect();
        words.join(" ")
    };
    let Some(r) = wmt19_with_headline(&in_title_case) else {
        return;
    };
    assert!(r.decision.unwrap() >= 0.91, "{r:?}");
    assert!(r.top1_id.unwrap() >= 0.98, "{r:?}");
}

#[test]
fn pages_whose_line_breaks_were_lost_keep_their_figures() {
    // Text copied from a page that kept no line breaks: every paragraph of a case joined into one
    // line. A quotation its paragraph left open then ran on into the narrative after it (to the
    // text's end, or was given up at the next opening mark), and the headline ran into the lead,
    // whose first word read as a name: wmt19's translations joined so were called derived for
    // 0.915 (0.920 as written); since such a quotation is taken up to its first sentence's end
    // (`text::quotes`), 0.920, and since the lead's first word is no name where the text writes
    // it in lower case too (`text::case`), 0.926.
    let joined = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let Some((written, r)) = as_written_and_rewritten("wmt19-public", &joined) else {
        return;
    };
    assert!(
        r.decision.unwrap() >= written.decision.unwrap() - 0.0025,
        "{r:?} against {written:?}"
    );
    assert!(r.top1_id.unwrap() >= 0.98, "{r:?}");
}

#[test]
fn pages_with_interface_lines_in_another_script_keep_their_figures() {
    // An Urdu story's page with English lines under it, as sites print them: a syndication note,
    // a newsletter prompt, a count of comments and a comment. Read as the page's words they
    // lowered the share of the page found in its original: decision accuracy 0.635 (0.699 as
    // written), AUC 0.850 (0.872); since a short line all in another script than the text's is
    // furniture (`text::furniture`), 0.693 and 0.871.
    let with_interface = |text: &str| {
        format!(
            "{text}\nThis article was originally published by Reuters.\nSign up for our daily \
             newsletter\n12 comments\nJohn: This is outrageous, who allowed this?"
        )
    };
    assert_figures_kept("counter-public", &with_interface, 0.01, 0.005);
}

#[test]
fn pages_with_readers_comments_keep_their_figures() {
    // wmt19's translations, each followed by its readers' comments under a heading: names,
    // places and opinions the original lacks. Before the heading ended the article, decision
    // accuracy was 0.896 (0.920 as written), AUC 0.974 (0.978) and right original first 0.980
    // (0.985); now the same as written.
    let with_comments = |text: &str| {
        format!(
            "{text}\n\n23 Comments\nJohn Miller: This is outrageous, who allowed this to happen \
             in the first place?\nSarah K: I read about it this morning on my way to work, \
             terrible news for the whole city.\nReply\nDavid: Nobody in Washington or London \
             will do anything about it, as usual."
        )
    };
    assert_figures_kept("wmt19-public", &with_comments, 0.0, 0.0);
}

#[test]
fn pages_with_a_dateline_keep_their_figures() {
    // wmt19's translations, each given a wire dateline before its first paragraph, as agency
    // copy and the pages reprinting it have: its place and date were anchors the original lacks,
    // and the lead's first word after it read as a name. Decision accuracy 0.913 (0.920 as
    // written), AUC 0.975 (0.978); since a dateline is no evidence and ends a sentence
    // (`text::dateline`), 0.920 and 0.978.
    let with_dateline = |text: &str| {
        let (first, rest) = text.split_once('\n').unwrap_or((text, ""));
        format!("{first}\nLONDON, Oct 1 (Reuters) - {rest}")
    };
    assert_figures_kept("wmt19-public", &with_dateline, 0.003, 0.002);
}

#[test]
fn pages_with_a_list_of_links_keep_their_figures() {
    // counter-public's cases, each followed by a list of links in Urdu ("یہ بھی پڑھیں", also
    // read) to four other stories of its set: their headlines (up to twelve words of other
    // originals' first lines) are the page's menu, not its article. Before such headings were
    // read in the page's language, decision accuracy was 0.605 (0.699 as written), AUC 0.763
    // (0.872), and the right original came first for 0.641 (0.976); now the same as written.
    let set = "counter-public";
    let Some(dir) = shared_set(set) else { return };
    let headlines: Vec<String> = jsonl::<OriginalDoc>(&dir.join("originals.jsonl"))
        .iter()
        .map(|d| {
            let first = d.text.lines().next().unwrap_or_default();
            let words: Vec<&str> = first.split_whitespace().take(12).collect();
            words
                .join(" ")
                .trim_end_matches(['۔', '،', ' '])
                .to_string()
        })
        .collect();
    let with_links = |text: &str| {
        let at = text.len() % headlines.len();
        let picked: Vec<&str> = (0..4)
            .map(|i| headlines[(at + 37 * i) % headlines.len()].as_str())
            .collect();
        format!("{text}\n\nیہ بھی پڑھیں\n{}", picked.join("\n"))
    };
    assert_figures_kept(set, &with_links, 0.003, 0.002);
    // The same list with no heading, after the text's last paragraph: before such lists were
    // read as links, decision accuracy 0.605, AUC 0.762, right original first 0.641.
    let without_heading = |text: &str| with_links(text).replace("یہ بھی پڑھیں\n", "");
    assert_figures_kept(set, &without_heading, 0.003, 0.002);
    // The same list with no heading between the headline and the body: before such lists were
    // read as links, decision accuracy 0.564, AUC 0.793, right original first 0.636.
    let after_headline = |text: &str| {
        let (headline, rest) = text.split_once('\n').unwrap_or((text, ""));
        let links = with_links(text);
        let list = links.rsplit("یہ بھی پڑھیں\n").next().unwrap_or_default();
        format!("{headline}\n{list}\n{rest}")
    };
    assert_figures_kept(set, &after_headline, 0.003, 0.002);
}

#[test]
fn pages_with_a_sites_calls_to_follow_keep_their_figures() {
    // counter-public's cases, each followed by two of a site's calls in Urdu ("subscribe to our
    // YouTube channel", "share this story with your friends"): words its original lacks. Before
    // they were furniture, decision accuracy was 0.645 (0.699 as written) and AUC 0.856 (0.872);
    // now the same as written.
    let with_calls = |text: &str| {
        format!(
            "{text}\n\nہمارے یوٹیوب چینل کو سبسکرائب کریں۔\nیہ خبر اپنے دوستوں کے ساتھ شیئر کریں۔"
        )
    };
    assert_figures_kept("counter-public", &with_calls, 0.003, 0.002);
}

#[test]
fn pages_with_calls_to_comment_keep_their_figures() {
    // counter-public's cases, each followed by two of a site's calls to comment in Urdu ("express
    // your opinion in the comments", "give your opinion below"): words its original lacks. Before
    // such calls were furniture, decision accuracy was 0.649 (0.699 as written) and AUC
    // 0.859 (0.872); now the same as written.
    let with_calls = |text: &str| {
        format!("{text}\nاپنی رائے کا اظہار کمنٹس میں کریں\nنیچے کمنٹ کر کے اپنی رائے دیں۔")
    };
    assert_figures_kept("counter-public", &with_calls, 0.003, 0.002);
}

#[test]
fn pages_with_their_sites_lines_in_urdu_keep_their_figures() {
    // counter-public's cases with a news site's lines in Urdu: the site's name after the
    // headline, a byline ("report:" and a name), a time stamp ("updated:" and a date) and a
    // photo's caption with its credit under it; a note of its sources ("with the help of news
    // agencies"), a disclaimer, a tag line and a copyright line after the text.
    // All are names, words and numbers the original lacks. Before this session (2026-12-07,
    // sixteenth) read them as furniture, decision accuracy was 0.547 (0.699 as written), AUC
    // 0.791 (0.872) and the right original first 0.943 (0.976); now the same as written.
    let with_lines = |text: &str| {
        let (headline, rest) = text.split_once('\n').unwrap_or((text, ""));
        format!(
            "{headline} | روزنامہ پاکستان ٹائمز\nرپورٹ: محمد اکرم چوہدری\nاپ ڈیٹ: 12 مارچ 2019، \
             14:32\nپیر کے روز جائے وقوعہ پر پولیس اہلکار۔ فوٹو: اے پی پی\n{rest}\nخبر رساں اداروں \
             کی مدد سے۔\n\nادارے کا مصنف کی رائے سے متفق ہونا ضروری نہیں۔\nٹیگز: پولیس، حادثہ، \
             لاہور\nجملہ حقوق بحق روزنامہ پاکستان ٹائمز محفوظ ہیں۔"
        )
    };
    assert_figures_kept("counter-public", &with_lines, 0.003, 0.002);
}

#[test]
fn texts_in_decomposed_unicode_read_as_composed() {
    // Urdu typesetting and converters may write a letter and its hamza or madda as two chars
    // (NFD); a page so written, checked against originals written composed, or the other way
    // round, gets the same figures. Before hamza-carrying letters were folded to their carriers
    // (`text::normalize`), counter-public's cases in NFD changed 15 verdicts of 296.
    use unicode_normalization::UnicodeNormalization;
    let set = "counter-public";
    let Some(dir) = shared_set(set) else { return };
    let decomposed = |text: &str| -> String { text.nfd().collect() };
    let (list, nfd_list) = (list_of(&dir, &as_written), list_of(&dir, &decomposed));
    let figures = |list: &List, rewrite: &dyn Fn(&str) -> String| {
        format!("{:?}", rewritten_figures(set, &dir, list, rewrite))
    };
    let plain = figures(&list, &as_written);
    assert_eq!(plain, figures(&list, &decomposed), "pages in NFD");
    assert_eq!(plain, figures(&nfd_list, &as_written), "originals in NFD");
}

/// `text` wrapped at `width` chars, as wire copy and e-mailed text come: each of its lines broken
/// before the word that would pass the width.
fn wrapped(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / width);
    for line in text.split('\n') {
        let mut at = 0;
        for (i, word) in line.split_whitespace().enumerate() {
            let chars = word.chars().count();
            if i > 0 && at + 1 + chars > width {
                out.push('\n');
                at = 0;
            } else if i > 0 {
                out.push(' ');
                at += 1;
            }
            out.push_str(word);
            at += chars;
        }
        out.push('\n');
    }
    out
}

#[test]
fn pages_wrapped_at_a_fixed_width_keep_their_figures() {
    // Every case wrapped at 60 columns. Before a bare line break in a wrapped text stopped
    // ending a sentence before a word not in capitals, and stopped making the capitalised word
    // after it sentence-initial (so no name), counter-public's honest reports were called copies
    // 11.5 % of the time (5.7 % as written then) and wmt19's decision accuracy was 0.809 (0.839).
    // Counter-public's floors are those since numbers written on words were split off (0.847,
    // 8.0 % and 0.672; 0.852, 6.9 % and 0.676 as written).
    for (set, min_auc, max_false_attr, min_decision) in [
        ("counter-public", 0.84, 0.085, 0.66),
        ("wmt19-public", 0.96, 0.0, 0.825),
    ] {
        let Some(dir) = shared_set(set) else { return };
        let list = build(
            jsonl::<OriginalDoc>(&dir.join("originals.jsonl")),
            SketchSize::LIST,
        )
        .unwrap();
        let cases: Vec<Case> = jsonl::<Case>(&dir.join("cases.jsonl"))
            .into_iter()
            .map(|c| Case {
                text: wrapped(&c.text, 60),
                ..c
            })
            .collect();
        let reports: Vec<_> = cases
            .iter()
            .map(|c| provenance::check(&list, &c.text, c.lang.as_deref()))
            .collect();
        let r = evaluate(set, &cases, &reports, &list).all;
        assert!(r.auc.unwrap() >= min_auc, "{set}: {r:?}");
        assert!(
            r.false_attr.unwrap_or(0.0) <= max_false_attr,
            "{set}: {r:?}"
        );
        assert!(r.decision.unwrap() >= min_decision, "{set}: {r:?}");
    }
}
