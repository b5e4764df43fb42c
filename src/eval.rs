//! Accuracy on a labelled evaluation set (format: `shared/eval/FORMAT.md`).
//!
//! The definitions are those of the project's independent scorer, so that `provenance eval` and
//! `score_cli.py` agree: ROC AUC of the best score (derived vs not derived; in sets without
//! negatives, each derived case's best score among originals other than its own serves as the
//! negative), top-1 by source and by id over derived cases, decision accuracy of the verdict, and
//! the false-attribution rate (non-derived cases given a derived verdict).

use serde::{Deserialize, Serialize};

use crate::list::List;
use crate::report::{Relation, Report};

/// One case of a set's `cases.jsonl`.
#[derive(Debug, Clone, Deserialize)]
pub struct Case {
    /// Case id.
    pub id: String,
    /// The text to attribute.
    pub text: String,
    /// Its language.
    #[serde(default)]
    pub lang: Option<String>,
    /// The original it derives from, or null.
    #[serde(default)]
    pub expect: Option<String>,
    /// verbatim | partial | spun | translated | independent | unrelated.
    pub relation: String,
}

impl Case {
    /// Whether the label says the case derives from an original.
    pub fn is_derived(&self) -> bool {
        derived_label(&self.relation)
    }
}

/// Whether a case labelled `relation` derives from an original.
fn derived_label(relation: &str) -> bool {
    matches!(relation, "verbatim" | "partial" | "spun" | "translated")
}

/// Metrics over one group of cases.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Metrics {
    /// Number of cases.
    pub cases: usize,
    /// ROC AUC of the best score, derived vs not derived.
    pub auc: Option<f64>,
    /// Whether the AUC used leave-own-original-out negatives (set without negatives).
    pub auc_leave_own_out: bool,
    /// Share of derived cases whose best candidate has the expected source.
    pub top1_source: Option<f64>,
    /// Share of derived cases whose best candidate is the expected original.
    pub top1_id: Option<f64>,
    /// Share of cases whose verdict (derived or not) matches the label.
    pub decision: Option<f64>,
    /// Share of non-derived cases given a derived verdict.
    pub false_attr: Option<f64>,
    /// How many cases were given each verdict, most given first: the kind of reuse the engine
    /// names (`rewritten` for spun pages, `partial` for copies of part of an original …) beside
    /// the set's own label, which `decision` reads only as derived or not.
    pub verdicts: Vec<VerdictCount>,
}

/// How many cases of a group were given one verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VerdictCount {
    /// The verdict, as reports name it (`rewritten`, `related` …).
    pub verdict: String,
    /// The cases given it.
    pub cases: usize,
}

/// Metrics of a whole set and per labelled relation.
#[derive(Debug, Clone, Serialize)]
pub struct EvalResult {
    /// Name of the set.
    pub set: String,
    /// Over all cases.
    pub all: Metrics,
    /// Per labelled relation, in a fixed order.
    pub by_relation: Vec<(String, Metrics)>,
    /// Per language of the page (the case's `lang`, or the language the check read it as), in
    /// the order of their codes, when the set's pages are in more than one: a translation set's
    /// figures differ by the direction of translation.
    pub by_language: Vec<(String, Metrics)>,
}

/// ROC AUC of `pos` vs `neg` (ties count half); `None` when either is empty.
pub fn auc(pos: &[f64], neg: &[f64]) -> Option<f64> {
    if pos.is_empty() || neg.is_empty() {
        return None;
    }
    let mut wins = 0.0;
    for p in pos {
        for n in neg {
            wins += if p > n {
                1.0
            } else if p == n {
                0.5
            } else {
                0.0
            };
        }
    }
    Some(wins / (pos.len() * neg.len()) as f64)
}

/// The share of `xs` that are true; `None` for no values.
fn mean(xs: &[bool]) -> Option<f64> {
    (!xs.is_empty()).then(|| xs.iter().filter(|&&x| x).count() as f64 / xs.len() as f64)
}

/// How many times each of `verdicts` was given, most given first (ties in the order of the
/// relations, from `verbatim` to `none`).
fn count_verdicts(verdicts: impl Iterator<Item = Relation>) -> Vec<VerdictCount> {
    const ORDER: [Relation; 6] = [
        Relation::Verbatim,
        Relation::Partial,
        Relation::Rewritten,
        Relation::Translated,
        Relation::Related,
        Relation::None,
    ];
    let mut counts = [0usize; ORDER.len()];
    for v in verdicts {
        if let Some(i) = ORDER.iter().position(|&r| r == v) {
            counts[i] += 1;
        }
    }
    let mut out: Vec<(usize, usize)> = (0..ORDER.len())
        .filter(|&i| counts[i] > 0)
        .map(|i| (i, counts[i]))
        .collect();
    out.sort_by_key(|&(i, n)| (std::cmp::Reverse(n), i));
    out.into_iter()
        .map(|(i, n)| VerdictCount {
            verdict: ORDER[i].as_str().to_string(),
            cases: n,
        })
        .collect()
}

/// Computes the metrics of `cases` given their `reports` (same order) against `list`.
pub fn metrics(cases: &[&Case], reports: &[&Report], list: &List) -> Metrics {
    let source_of = |id: &str| {
        list.find(id)
            .and_then(|i| list.meta(i).source.map(str::to_lowercase))
    };
    let (mut pos, mut neg) = (Vec::new(), Vec::new());
    let (mut src, mut ids, mut dec, mut fa) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for (c, r) in cases.iter().zip(reports) {
        let best = r.best.as_ref();
        let score = best.map_or(0.0, |b| b.score);
        let said = r.verdict.is_derived();
        dec.push(c.is_derived() == said);
        if c.is_derived() {
            pos.push(score);
            let want = c.expect.as_deref().unwrap_or("");
            src.push(
                best.and_then(|b| b.source.as_deref())
                    .map(str::to_lowercase)
                    .unwrap_or_default()
                    == source_of(want).unwrap_or_default(),
            );
            ids.push(best.is_some_and(|b| b.id == want));
        } else {
            neg.push(score);
            fa.push(said);
        }
    }
    let mut loo = false;
    if neg.is_empty() {
        loo = true;
        for (c, r) in cases.iter().zip(reports) {
            let want = c.expect.as_deref().unwrap_or("");
            neg.push(
                r.candidates
                    .iter()
                    .filter(|x| x.id != want)
                    .map(|x| x.score)
                    .fold(0.0, f64::max),
            );
        }
    }
    Metrics {
        cases: cases.len(),
        auc: auc(&pos, &neg),
        auc_leave_own_out: loo,
        top1_source: mean(&src),
        top1_id: mean(&ids),
        decision: mean(&dec),
        false_attr: mean(&fa),
        verdicts: count_verdicts(reports.iter().map(|r| r.verdict)),
    }
}

/// Metrics of a set overall, per labelled relation and, where its pages are in several
/// languages, per page language.
pub fn evaluate(set: &str, cases: &[Case], reports: &[Report], list: &List) -> EvalResult {
    // The metrics of the cases (and their reports) that `keep` selects by index.
    let of = |keep: &dyn Fn(usize) -> bool| {
        let idx: Vec<usize> = (0..cases.len()).filter(|&i| keep(i)).collect();
        let cs: Vec<&Case> = idx.iter().map(|&i| &cases[i]).collect();
        let rs: Vec<&Report> = idx.iter().map(|&i| &reports[i]).collect();
        metrics(&cs, &rs, list)
    };
    let mut by_relation = Vec::new();
    for rel in [
        "verbatim",
        "partial",
        "spun",
        "translated",
        "independent",
        "unrelated",
    ] {
        if !cases.iter().any(|c| c.relation == rel) {
            continue;
        }
        let mut m = of(&|i| cases[i].relation == rel);
        if !derived_label(rel) {
            m.auc = None; // one class only: AUC is a whole-set figure
            m.auc_leave_own_out = false;
        }
        by_relation.push((rel.to_string(), m));
    }
    // A case's language as labelled, or as the check read it.
    let langs: Vec<String> = cases
        .iter()
        .zip(reports)
        .map(|(c, r)| {
            c.lang
                .clone()
                .filter(|l| !l.is_empty())
                .unwrap_or_else(|| r.lang.clone())
        })
        .collect();
    let mut distinct = langs.clone();
    distinct.sort_unstable();
    distinct.dedup();
    let by_language = if distinct.len() < 2 {
        Vec::new()
    } else {
        distinct
            .into_iter()
            .map(|lang| {
                let m = of(&|i| langs[i] == lang);
                (lang, m)
            })
            .collect()
    };
    EvalResult {
        set: set.to_string(),
        all: of(&|_| true),
        by_relation,
        by_language,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdicts_are_counted_most_given_first() {
        use Relation::*;
        let counted =
            count_verdicts([Related, Rewritten, Partial, Rewritten, Partial, None].into_iter());
        let want = [
            ("partial", 2),
            ("rewritten", 2),
            ("related", 1),
            ("none", 1),
        ];
        let want: Vec<VerdictCount> = want
            .iter()
            .map(|&(v, n)| VerdictCount {
                verdict: v.to_string(),
                cases: n,
            })
            .collect();
        assert_eq!(counted, want);
        assert!(count_verdicts(std::iter::empty()).is_empty());
    }

    #[test]
    fn pages_in_more_than_one_language_are_also_measured_by_language() {
        let demo = crate::matching::tests::demo_text();
        let list = crate::matching::tests::english_list("demo", &demo);
        let case = |id: &str, text: &str, lang: Option<&str>| Case {
            id: id.into(),
            text: text.into(),
            lang: lang.map(str::to_string),
            expect: Some("demo".into()),
            relation: "translated".into(),
        };
        let german = include_str!("../examples/demo/translation-de.txt");
        let cases = [
            case("copy", &demo, Some("en")),
            case("de", german, Some("de")),
            // No language given: the one the check read it in.
            case("de-unlabelled", german, None),
        ];
        let reports: Vec<Report> = cases
            .iter()
            .map(|c| crate::check(&list, &c.text, c.lang.as_deref()))
            .collect();
        let r = evaluate("demo", &cases, &reports, &list);
        let langs: Vec<(&str, usize)> = r
            .by_language
            .iter()
            .map(|(l, m)| (l.as_str(), m.cases))
            .collect();
        assert_eq!(langs, [("de", 2), ("en", 1)]);
        assert_eq!(r.by_language[0].1.top1_id, Some(1.0));
        // Pages all in one language: the overall figures say it all.
        let r = evaluate("demo", &cases[..1], &reports[..1], &list);
        assert!(r.by_language.is_empty());
    }

    #[test]
    fn auc_extremes_and_ties() {
        assert_eq!(auc(&[0.9, 0.8], &[0.1, 0.2]), Some(1.0));
        assert_eq!(auc(&[0.1], &[0.9]), Some(0.0));
        assert_eq!(auc(&[0.5], &[0.5]), Some(0.5));
        assert_eq!(auc(&[], &[0.5]), None);
    }
}
