//! The command line proper (native only; see `main.rs`).

use std::collections::HashMap;
use std::fs;
use std::io::{self, BufRead, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use serde::de::DeserializeOwned;
use serde::Deserialize;

use provenance::eval::{evaluate, Case, EvalResult, Metrics};
use provenance::fingerprint::SketchSize;
use provenance::list::{format, prepare_salted, ListBuilder, OriginalDoc};
use provenance::matching::{candidate_features, check_page, Page};
use provenance::{List, PassageKind, Relation, Report};

use crate::readable::{
    carried_over, comparison_words, count_of, likelihood, phrase_shares, readable, short_page_note,
};

/// The list used when `--list` is not given: the public evaluation sets' originals and the
/// project's own demo story, as fingerprints only (see README).
static DEFAULT_LIST: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/lists/default.provlist"
));

#[derive(Parser)]
#[command(
    name = "provenance",
    version,
    about = "Names the original source behind a copied, partial, spun or translated news article."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build a list of originals from JSON Lines files ({"id","source","title","url","published","lang","text"}).
    BuildList {
        /// Originals files.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Where to write the list.
        #[arg(short, long)]
        output: PathBuf,
        /// No progress bar.
        #[arg(short, long)]
        quiet: bool,
        /// Metadata fields to leave out of the list (comma-separated); without headlines and
        /// addresses a list is about a quarter smaller.
        #[arg(long, value_delimiter = ',', value_name = "FIELDS")]
        leave_out: Vec<Field>,
    },
    /// Check articles (files, or - / nothing for standard input) against a list.
    Check {
        /// List file (default: the bundled list).
        #[arg(long)]
        list: Option<PathBuf>,
        /// Article text files or saved web pages (HTML), or - for standard input (the default).
        /// Given several, each is checked in turn: readable reports under a line naming the
        /// file, or with --json one report a line carrying the file's name as its id.
        files: Vec<PathBuf>,
        /// How to read FILE: as a web page whose article is found and checked, as text, or by
        /// what it starts with (a doctype or an html tag makes it a page).
        #[arg(long, value_enum, default_value_t = InputFormat::Auto)]
        input_format: InputFormat,
        /// Print one JSON report.
        #[arg(long, conflicts_with = "jsonl")]
        json: bool,
        /// Read cases {"id","text"[,"lang"]} from this JSON Lines file; write one JSON report per line.
        #[arg(long, conflicts_with = "files")]
        jsonl: Option<PathBuf>,
        /// The article's language (ISO 639-1), if known.
        #[arg(long)]
        lang: Option<String>,
    },
    /// Compare two texts: how much of PAGE comes from ORIGINAL, with the passages.
    Compare {
        /// The text that may be a copy.
        page: PathBuf,
        /// The text that may be its original.
        original: PathBuf,
        /// The list whose originals tell the original's characteristic words from its topic's,
        /// by idf (default: the bundled list).
        #[arg(long)]
        list: Option<PathBuf>,
        /// Weigh the original's words among itself alone, with no list of other originals.
        #[arg(long, conflicts_with = "list")]
        alone: bool,
        /// How to read PAGE and ORIGINAL (as for `check`).
        #[arg(long, value_enum, default_value_t = InputFormat::Auto)]
        input_format: InputFormat,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Measure accuracy on an evaluation set (a folder with originals.jsonl and cases.jsonl).
    Eval {
        /// Set folders.
        #[arg(required = true)]
        sets: Vec<PathBuf>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
        /// Write every (case, candidate) feature row to this TSV file (for calibration; of the
        /// lists' own salt 0).
        #[arg(long)]
        features: Option<PathBuf>,
        /// Evaluate every set with this many filter salts (1 to 255): the vocabularies' chance
        /// matches drawn anew for each, everything else the same, and print each figure's
        /// lowest and highest. With --json, one array of results per salt.
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u8).range(1..))]
        salts: u8,
        /// Check every set's cases against this list instead of a list of the set's own
        /// originals (which are then not read): how a set fares among other originals, in other
        /// languages too. Its originals must have the ids the cases expect.
        #[arg(long, conflicts_with = "salts")]
        list: Option<PathBuf>,
    },
    /// Print the article text `check` and `compare` read from a saved web page (their JSON
    /// passages' offsets count characters of it).
    Extract {
        /// The web page (HTML), or - for standard input.
        page: Option<PathBuf>,
    },
    /// Describe a list file: originals, sources, size.
    Info {
        /// List file (default: the bundled list).
        list: Option<PathBuf>,
    },
}

/// An original's metadata field that `build-list --leave-out` can leave out of a list (the id,
/// which names an original, and the source, which the report names, always stay).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Field {
    /// The headline.
    Title,
    /// The address.
    Url,
    /// The date.
    Published,
}

/// How `check` and `compare` read a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum InputFormat {
    /// A web page if it starts as one (a doctype, an `<html>`, `<head>`, `<body>` or `<meta>`
    /// tag), else text.
    Auto,
    /// An article's text, as it is.
    Text,
    /// A web page: its article is found and read.
    Html,
}

/// A CLI failure: a message for the user, exit code 2.
struct Failure(String);

impl<E: std::fmt::Display> From<E> for Failure {
    fn from(e: E) -> Failure {
        Failure(e.to_string())
    }
}

/// Parses the command line and runs the command.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::BuildList {
            inputs,
            output,
            quiet,
            leave_out,
        } => build_list(&inputs, &output, quiet, &leave_out),
        Command::Check {
            list,
            files,
            json,
            jsonl,
            lang,
            input_format,
        } => check(
            list.as_deref(),
            &files,
            json,
            jsonl.as_deref(),
            lang,
            input_format,
        ),
        Command::Compare {
            page,
            original,
            list,
            alone,
            json,
            input_format,
        } => compare(&page, &original, list.as_deref(), alone, json, input_format),
        Command::Extract { page } => extract(page.as_deref()),
        Command::Eval {
            sets,
            json,
            features,
            salts,
            list,
        } => eval(&sets, json, features.as_deref(), salts, list.as_deref()),
        Command::Info { list } => info(list.as_deref()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure(msg)) => {
            eprintln!("provenance: {msg}");
            ExitCode::from(2)
        }
    }
}

/// The bytes of a file (or standard input for "-" or `None`), and the name to give it in messages.
fn read_bytes(path: Option<&Path>) -> Result<(Vec<u8>, String), Failure> {
    Ok(match path {
        Some(p) if p.as_os_str() != "-" => (
            fs::read(p).map_err(|e| Failure(format!("{}: {e}", p.display())))?,
            p.display().to_string(),
        ),
        _ => (read_stdin()?, "standard input".to_string()),
    })
}

/// `bytes` as UTF-8 text, or an error that names `name` and the first bad byte.
fn utf8(bytes: Vec<u8>, name: &str) -> Result<String, Failure> {
    String::from_utf8(bytes).map_err(|e| {
        Failure(format!(
            "{name} is not UTF-8 text (invalid byte at offset {}); convert it to UTF-8 first",
            e.utf8_error().valid_up_to()
        ))
    })
}

/// Reads a JSON Lines file of `what`s (blank lines skipped), in order, each with its line number
/// (from 1).
///
/// Checking UTF-8 and parsing JSON are most of the time it takes to read a large file of
/// originals, so both run in parallel on the lines of one megabyte at a time, while the next
/// megabyte is read; the file itself is never held whole. Errors are taken in line order, so the
/// one reported is the first bad line's, with its number.
fn read_jsonl<T: DeserializeOwned + Send>(
    path: &Path,
    what: &str,
) -> Result<Vec<(usize, T)>, Failure> {
    let (mut reader, name): (Box<dyn BufRead + Send>, String) = if path.as_os_str() == "-" {
        (
            Box::new(io::BufReader::with_capacity(1 << 16, io::stdin())),
            "standard input".into(),
        )
    } else {
        let file = fs::File::open(path).map_err(|e| Failure(format!("{}: {e}", path.display())))?;
        (
            Box::new(io::BufReader::with_capacity(1 << 16, file)),
            path.display().to_string(),
        )
    };
    // Lines of about a megabyte from the reader, numbered on from `number`.
    let mut number = 0;
    let mut next_lines =
        |reader: &mut (dyn BufRead + Send)| -> Result<Vec<(usize, Vec<u8>)>, Failure> {
            let mut lines = Vec::new();
            let mut bytes = 0;
            while bytes < 1 << 20 {
                let mut line = Vec::new();
                let read = reader
                    .read_until(b'\n', &mut line)
                    .map_err(|e| Failure(format!("{name}: {e}")))?;
                if read == 0 {
                    break;
                }
                number += 1;
                bytes += read;
                lines.push((number, line));
            }
            Ok(lines)
        };
    let parse = |lines: Vec<(usize, Vec<u8>)>| -> Vec<(usize, Option<Result<T, String>>)> {
        lines
            .into_par_iter()
            .map(|(n, line)| {
                let item = match std::str::from_utf8(&line) {
                    Err(e) => Some(Err(format!(
                        "not UTF-8 text (invalid byte at column {}); convert it to UTF-8 first",
                        e.valid_up_to() + 1
                    ))),
                    Ok(l) if l.trim().is_empty() => None,
                    Ok(l) => Some(serde_json::from_str(l).map_err(|e| format!("not {what}: {e}"))),
                };
                (n, item)
            })
            .collect()
    };
    let mut out = Vec::new();
    let mut lines = next_lines(&mut *reader)?;
    while !lines.is_empty() {
        // The next megabyte is read while this one is parsed.
        let (parsed, next) = rayon::join(|| parse(lines), || next_lines(&mut *reader));
        for (n, item) in parsed {
            if let Some(item) = item {
                out.push((n, item.map_err(|e| Failure(format!("{name}:{n}: {e}")))?));
            }
        }
        lines = next?;
    }
    Ok(out)
}

/// An article read from a file: its text, the language its page declares, and how it was read
/// (`None` for a text file).
struct Input {
    text: String,
    lang: Option<String>,
    via: Option<crate::html::Via>,
}

/// Reads `path` (standard input for "-" or `None`) as `format` says: a web page's article is
/// found in it (`crate::html`), a text is taken as it is.
fn read_input(path: Option<&Path>, format: InputFormat) -> Result<Input, Failure> {
    let (bytes, name) = read_bytes(path)?;
    // A page saved in another charset than UTF-8 is read in the one it declares.
    let raw = match std::str::from_utf8(&bytes) {
        Err(_) if format != InputFormat::Text => match crate::html::decode(&bytes) {
            Some(text) => text,
            None => utf8(bytes, &name)?,
        },
        _ => utf8(bytes, &name)?,
    };
    let is_page = match format {
        InputFormat::Auto => crate::html::looks_like_html(&raw),
        InputFormat::Text => false,
        InputFormat::Html => true,
    };
    if !is_page {
        return Ok(Input {
            text: raw,
            lang: None,
            via: None,
        });
    }
    let article = crate::html::extract(&raw).map_err(|e| Failure(format!("{name}: {e}")))?;
    Ok(Input {
        text: article.text,
        lang: article.lang,
        via: Some(article.via),
    })
}

/// `provenance extract`: prints the article text read from a web page.
fn extract(page: Option<&Path>) -> Result<(), Failure> {
    let input = read_input(page, InputFormat::Html)?;
    let mut out = io::stdout().lock();
    writeln!(out, "{}", input.text)?;
    Ok(out.flush()?)
}

/// The line that says how a web page was read, for the readable reports.
fn read_as(via: crate::html::Via) -> &'static str {
    match via {
        crate::html::Via::Readability => {
            "Read as a web page: the article Readability found in it, headline and paragraphs."
        }
        crate::html::Via::PageText => {
            "Read as a web page: no article found in it, so every paragraph of the page."
        }
    }
}

/// All of standard input, as bytes.
fn read_stdin() -> Result<Vec<u8>, Failure> {
    let mut buf = Vec::new();
    io::stdin().read_to_end(&mut buf)?;
    Ok(buf)
}

/// The list at `path`, or the bundled list; a file that is not a valid list is refused with its
/// path and the reason.
fn load_list(path: Option<&Path>) -> Result<List, Failure> {
    match path {
        Some(p) => {
            let bytes = fs::read(p).map_err(|e| Failure(format!("{}: {e}", p.display())))?;
            format::decode(&bytes).map_err(|e| Failure(format!("{}: {e}", p.display())))
        }
        None => format::decode(DEFAULT_LIST).map_err(|e| Failure(format!("the bundled list: {e}"))),
    }
}

/// Reads originals from JSON Lines files, skipping exact repeats of an id (the same original in
/// two sets) and refusing two different originals under one id.
fn read_originals(inputs: &[PathBuf]) -> Result<Vec<OriginalDoc>, Failure> {
    let mut docs: Vec<OriginalDoc> = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for path in inputs {
        for (n, doc) in read_jsonl::<OriginalDoc>(path, "an original")? {
            if doc.id.is_empty() {
                return Err(Failure(format!(
                    "{}:{n}: an original needs a non-empty \"id\"",
                    path.display()
                )));
            }
            match seen.get(&doc.id) {
                Some(&i) if docs[i].text == doc.text => continue,
                Some(_) => {
                    return Err(Failure(format!(
                        "{}:{n}: id {:?} is used by two different originals",
                        path.display(),
                        doc.id
                    )))
                }
                None => {
                    seen.insert(doc.id.clone(), docs.len());
                    docs.push(doc);
                }
            }
        }
    }
    Ok(docs)
}

/// Lays out the list of `docs`, fingerprinting them in parallel (in chunks, so that a progress
/// bar can follow long builds unless `quiet`).
fn fingerprint(docs: Vec<OriginalDoc>, quiet: bool) -> Result<List, Failure> {
    fingerprint_salted(docs, quiet, 0)
}

/// [`fingerprint`] with the vocabulary filters' salt number `filter_salt` (0 for real lists).
fn fingerprint_salted(
    docs: Vec<OriginalDoc>,
    quiet: bool,
    filter_salt: u8,
) -> Result<List, Failure> {
    let bar = if quiet || docs.len() < 2000 {
        ProgressBar::hidden()
    } else {
        ProgressBar::new(docs.len() as u64)
    };
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} fingerprinting {pos}/{len} originals [{bar:30}] {eta}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let size = SketchSize::LIST;
    let mut builder = ListBuilder::new(size);
    let mut docs = docs.into_iter();
    loop {
        let chunk: Vec<OriginalDoc> = docs.by_ref().take(4096).collect();
        if chunk.is_empty() {
            break;
        }
        let n = chunk.len() as u64;
        let prepared: Vec<_> = chunk
            .into_par_iter()
            .map(|d| prepare_salted(d, size, filter_salt))
            .collect();
        for p in prepared {
            builder.push(p)?;
        }
        bar.inc(n);
    }
    bar.finish_and_clear();
    Ok(builder.finish())
}

/// `provenance build-list`: reads the originals, leaves out the `leave_out` fields, fingerprints
/// them and writes the list to `output`.
fn build_list(
    inputs: &[PathBuf],
    output: &Path,
    quiet: bool,
    leave_out: &[Field],
) -> Result<(), Failure> {
    let start = Instant::now();
    let mut docs = read_originals(inputs)?;
    for doc in &mut docs {
        for field in leave_out {
            match field {
                Field::Title => doc.title = None,
                Field::Url => doc.url = None,
                Field::Published => doc.published = None,
            }
        }
    }
    if docs.is_empty() {
        // A list of nothing can name nothing: most likely the wrong file, or an empty feed.
        let names: Vec<String> = inputs.iter().map(|p| p.display().to_string()).collect();
        return Err(Failure(format!(
            "{}: no originals (a JSON Lines file holds one per line); no list written",
            names.join(", ")
        )));
    }
    let bytes_in: usize = docs.iter().map(|d| d.text.len()).sum();
    let list = fingerprint(docs, quiet)?;
    warn_of_wordless_originals(&list);
    let bytes = format::encode(&list);
    fs::write(output, &bytes).map_err(|e| Failure(format!("{}: {e}", output.display())))?;
    if !quiet {
        let secs = start.elapsed().as_secs_f64();
        eprintln!(
            "provenance: wrote {} ({}, {} bytes, {:.0} bytes per original) from {:.1} MB of text in {:.2} s",
            output.display(), count_of(list.len(), "original"), bytes.len(), bytes.len() as f64 / list.len().max(1) as f64, bytes_in as f64 / 1e6, secs
        );
    }
    Ok(())
}

/// Warns on standard error of the originals of `list` without a word to match (an empty text,
/// or only punctuation, numbers' separators or site furniture): they are kept, so that ids stay
/// as given, but no check can ever name them.
fn warn_of_wordless_originals(list: &List) {
    let wordless: Vec<usize> = (0..list.len())
        .filter(|&i| list.record(i).words == 0)
        .collect();
    if wordless.is_empty() {
        return;
    }
    let ids: Vec<String> = wordless
        .iter()
        .take(3)
        .map(|&i| format!("{:?}", list.meta(i).id))
        .collect();
    let more = if wordless.len() > 3 { ", …" } else { "" };
    let one = wordless.len() == 1;
    eprintln!(
        "provenance: warning: {} {} no words to match ({}{more}): a check can never name {}",
        count_of(wordless.len(), "original"),
        if one { "has" } else { "have" },
        ids.join(", "),
        if one { "it" } else { "them" }
    );
}

/// One line of a `--jsonl` cases file.
#[derive(Deserialize)]
struct JsonlCase {
    id: serde_json::Value,
    text: String,
    #[serde(default)]
    lang: Option<String>,
}

/// The report on `text`, its time measured ([`timed_check_page`]).
fn timed_check(list: &List, text: &str, lang: Option<&str>) -> Report {
    timed_check_page(list, text, lang).0
}

/// The report on `text`, timed from analysis to report, and the analysed page.
fn timed_check_page<'t>(list: &List, text: &'t str, lang: Option<&str>) -> (Report, Page<'t>) {
    let start = Instant::now();
    let page = Page::new(text, lang);
    let mut r = check_page(list, &page);
    r.stats.millis = (start.elapsed().as_secs_f64() * 1e6).round() / 1e3;
    (r, page)
}

/// `provenance check`: one text (a file, a saved web page or standard input) as a readable or
/// JSON report, several files in turn ([`check_files`]), or every case of a JSON Lines file as
/// one JSON report a line.
fn check(
    list: Option<&Path>,
    files: &[PathBuf],
    json: bool,
    jsonl: Option<&Path>,
    lang: Option<String>,
    input_format: InputFormat,
) -> Result<(), Failure> {
    let list = load_list(list)?;
    if let Some(cases_path) = jsonl {
        let cases: Vec<JsonlCase> = read_jsonl(cases_path, "a case")?
            .into_iter()
            .map(|(_, c)| c)
            .collect();
        let reports: Vec<(String, Report)> = cases
            .par_iter()
            .map(|c| {
                let mut r = timed_check(&list, &c.text, c.lang.as_deref().or(lang.as_deref()));
                let id = match &c.id {
                    serde_json::Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                r.id = Some(id.clone());
                (id, r)
            })
            .collect();
        let mut out = BufWriter::new(io::stdout().lock());
        for (_, r) in reports {
            serde_json::to_writer(&mut out, &r)?;
            writeln!(out)?;
        }
        return Ok(out.flush()?);
    }
    if files.len() > 1 {
        return check_files(&list, files, json, lang.as_deref(), input_format);
    }
    let input = read_input(files.first().map(PathBuf::as_path), input_format)?;
    let text = &input.text;
    let report = timed_check(&list, text, lang.as_deref().or(input.lang.as_deref()));
    if json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!("{}", readable_of(&report, &input));
    }
    Ok(())
}

/// The readable report of `input`, and how it was read when it was a web page.
fn readable_of(report: &Report, input: &Input) -> String {
    let mut s = readable(report, &input.text);
    if let Some(via) = input.via {
        s += &format!("{}\n", read_as(via));
    }
    s
}

/// `provenance check` of several files, in the order given: a readable report under a line
/// naming each file, or (`json`) one JSON report a line with the file's name as its `id`. A file
/// that cannot be read or checked is named on standard error and the others are still checked;
/// the command then fails, saying how many.
fn check_files(
    list: &List,
    files: &[PathBuf],
    json: bool,
    lang: Option<&str>,
    input_format: InputFormat,
) -> Result<(), Failure> {
    let mut out = BufWriter::new(io::stdout().lock());
    let mut failed = 0;
    for (n, path) in files.iter().enumerate() {
        let input = match read_input(Some(path), input_format) {
            Ok(input) => input,
            Err(Failure(why)) => {
                out.flush()?;
                eprintln!("provenance: {why}");
                failed += 1;
                continue;
            }
        };
        let mut report = timed_check(list, &input.text, lang.or(input.lang.as_deref()));
        if json {
            report.id = Some(path.display().to_string());
            serde_json::to_writer(&mut out, &report)?;
            writeln!(out)?;
        } else {
            if n > 0 {
                writeln!(out)?;
            }
            writeln!(out, "== {} ==", path.display())?;
            write!(out, "{}", readable_of(&report, &input))?;
        }
    }
    out.flush()?;
    match failed {
        0 => Ok(()),
        n => Err(Failure(format!(
            "{} of the {} files could not be checked",
            n,
            files.len()
        ))),
    }
}

/// `provenance compare`: two texts, their score, relation and linked passages.
fn compare(
    page: &Path,
    original: &Path,
    list: Option<&Path>,
    alone: bool,
    json: bool,
    input_format: InputFormat,
) -> Result<(), Failure> {
    let page_input = read_input(Some(page), input_format)?;
    let original_input = read_input(Some(original), input_format)?;
    let (a, b) = (&page_input.text, &original_input.text);
    let background = if alone { None } else { Some(load_list(list)?) };
    let start = Instant::now();
    let mut c = provenance::compare::compare(a, b, background.as_ref());
    c.report.stats.millis = (start.elapsed().as_secs_f64() * 1e6).round() / 1e3;
    if json {
        println!("{}", serde_json::to_string_pretty(&c)?);
        return Ok(());
    }
    let best = c.report.best.as_ref();
    let rel = best.map_or(Relation::None, |b| b.relation);
    println!(
        "score {} · {}",
        likelihood(best.map_or(0.0, |b| b.score)),
        comparison_words(rel)
    );
    if let Some(b) = best {
        println!("{}\n{}", phrase_shares(b), carried_over(b));
    }
    if c.report.rests_on_words_alone {
        println!("Note: {}", short_page_note(&c.report));
    }
    // Words a page shares with an original it does not derive from (a quotation, a name with its
    // title) are the same words, not copied ones.
    let exact = if rel.is_derived() {
        "copied"
    } else {
        "same words"
    };
    for p in &c.page_passages {
        let q = c.original_passages.iter().find(|q| q.link == p.link);
        let snip = |t: &str, s: usize, e: usize| {
            t.chars()
                .skip(s)
                .take((e - s).min(70))
                .collect::<String>()
                .replace('\n', " ")
        };
        let translated = p.kind == PassageKind::Reworded && rel == Relation::Translated;
        let kind = match p.kind {
            PassageKind::Exact => exact,
            PassageKind::Reworded if translated => "translated",
            PassageKind::Reworded => "reworded",
        };
        println!("  [{kind}] page \"{}\"", snip(a, p.start, p.end));
        if let Some(q) = q {
            println!(
                "  {:w$}original \"{}\"",
                "",
                snip(b, q.start, q.end),
                w = kind.len() + 3
            );
        }
        // A translated sentence shares names, numbers and dates with its original: say which.
        if translated {
            let shared = c
                .alignment
                .iter()
                .find(|x| x.page == (p.start, p.end))
                .map(|x| shared_words(a, &x.shared))
                .unwrap_or_default();
            if !shared.is_empty() {
                println!(
                    "  {:w$}in both: {}",
                    "",
                    shared.join(" · "),
                    w = kind.len() + 3
                );
            }
        }
    }
    for (which, input) in [("page", &page_input), ("original", &original_input)] {
        if let Some(via) = input.via {
            println!("The {which}: {}", read_as(via));
        }
    }
    Ok(())
}

/// The distinct words of `text` at the character ranges `at`, in order.
fn shared_words(text: &str, at: &[(usize, usize)]) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut words: Vec<String> = Vec::new();
    for &(start, end) in at {
        let word: String = chars[start.min(chars.len())..end.min(chars.len())]
            .iter()
            .collect();
        if !words.contains(&word) {
            words.push(word);
        }
    }
    words
}

/// `provenance eval`: accuracy on labelled sets (optionally over several filter salts, and with
/// every candidate's features written out for study).
fn eval(
    sets: &[PathBuf],
    json: bool,
    features: Option<&Path>,
    salts: u8,
    list_path: Option<&Path>,
) -> Result<(), Failure> {
    let given = list_path.map(|p| load_list(Some(p))).transpose()?;
    let mut feature_out = match features {
        Some(p) => {
            let mut f = BufWriter::new(fs::File::create(p)?);
            writeln!(f, "set\tcase\trelation\texpected\tcandidate\tis_expected\tcross_language\tpage_coverage\toriginal_coverage\tterms\tanchors\torder\torder_pairs\tnear_duplicate\tvocabulary\tanchor_matches\tpage_anchors\toriginal_anchors\tpage_lang\tsentences\tpage_sentences\tpage_reworded\tsurprise\twords_looked_up")?;
            Some(f)
        }
        None => None,
    };
    // Every set's results with each filter salt: by_salt[s] for salt s (0: the lists' own).
    let mut by_salt: Vec<Vec<EvalResult>> = vec![Vec::new(); usize::from(salts.max(1))];
    for set in sets {
        let name = set
            .file_name()
            .map_or("set".into(), |n| n.to_string_lossy().to_string());
        let cases: Vec<Case> = read_jsonl(&set.join("cases.jsonl"), "a case")?
            .into_iter()
            .map(|(_, c)| c)
            .collect();
        let originals = match &given {
            Some(list) => {
                warn_of_missing_originals(&name, &cases, list);
                Vec::new()
            }
            None => read_originals(&[set.join("originals.jsonl")])?,
        };
        for (salt, results) in by_salt.iter_mut().enumerate() {
            let built;
            let list = match &given {
                Some(list) => list,
                None => {
                    built = fingerprint_salted(originals.clone(), true, salt as u8)?;
                    &built
                }
            };
            // Each case is analysed once: for its report and, with --features (of salt 0), for
            // what was measured about its candidates.
            let want_features = salt == 0 && feature_out.is_some();
            type Measured = (&'static str, Vec<(usize, provenance::score::Features)>);
            let checked: Vec<(Report, Measured)> = cases
                .par_iter()
                .map(|c| {
                    let (report, page) = timed_check_page(list, &c.text, c.lang.as_deref());
                    let measured = if want_features {
                        candidate_features(list, &page)
                    } else {
                        Vec::new()
                    };
                    (report, (page.analysis.lang, measured))
                })
                .collect();
            if let Some(out) = feature_out.as_mut().filter(|_| want_features) {
                for (c, (_, (page_lang, measured))) in cases.iter().zip(&checked) {
                    for (o, f) in measured {
                        let id = list.meta(*o).id;
                        writeln!(
                            out,
                            "{name}\t{}\t{}\t{}\t{id}\t{}\t{}\t{:.4}\t{:.4}\t{:.4}\t{:.4}\t{:.4}\t{}\t{}\t{:.4}\t{}\t{:.4}\t{:.4}\t{page_lang}\t{:.4}\t{:.4}\t{:.4}\t{:.2}\t{}",
                            c.id, c.relation, c.expect.as_deref().unwrap_or(""), u8::from(c.expect.as_deref() == Some(id)),
                            u8::from(f.cross_language), f.page_coverage, f.original_coverage, f.terms, f.anchors, f.order,
                            f.order_pairs, u8::from(f.near_duplicate), f.vocabulary, f.anchor_matches, f.page_anchors, f.original_anchors, f.sentences, f.page_sentences, f.page_reworded, f.surprise, f.words_looked_up
                        )?;
                    }
                }
            }
            let reports: Vec<Report> = checked.into_iter().map(|(r, _)| r).collect();
            results.push(evaluate(&name, &cases, &reports, list));
        }
    }
    if let Some(mut out) = feature_out {
        out.flush()?;
    }
    if json {
        if by_salt.len() == 1 {
            println!("{}", serde_json::to_string_pretty(&by_salt[0])?);
        } else {
            println!("{}", serde_json::to_string_pretty(&by_salt)?);
        }
        return Ok(());
    }
    let results = &by_salt[0];
    let f = |x: Option<f64>| x.map_or("   –".to_string(), |v| format!("{v:.3}"));
    println!(
        "{:<28} {:>5} {:>6} {:>7} {:>7} {:>8} {:>10}  verdicts",
        "set / relation", "cases", "auc", "top1src", "top1id", "decision", "false_attr"
    );
    let row = |label: &str, m: &Metrics| {
        let verdicts: Vec<String> = m
            .verdicts
            .iter()
            .map(|v| format!("{} {}", v.verdict, v.cases))
            .collect();
        println!(
            "{:<28} {:>5} {:>6} {:>7} {:>7} {:>8} {:>10}  {}",
            label,
            m.cases,
            format!("{}{}", f(m.auc), if m.auc_leave_own_out { "*" } else { "" }),
            f(m.top1_source),
            f(m.top1_id),
            f(m.decision),
            f(m.false_attr),
            verdicts.join(", ")
        )
    };
    for r in results {
        row(&r.set, &r.all);
        for (rel, m) in &r.by_relation {
            row(&format!("  {rel}"), m);
        }
        for (lang, m) in &r.by_language {
            let lang = if lang.is_empty() { "unknown" } else { lang };
            row(&format!("  pages in {lang}"), m);
        }
    }
    if results.iter().any(|r| r.all.auc_leave_own_out) {
        println!("* no negatives in the set: AUC against each case's best other original");
    }
    if by_salt.len() > 1 {
        print_salt_spread(&by_salt);
    }
    Ok(())
}

/// Notes on standard error how many of set `name`'s derived cases expect an original that `list`
/// does not hold (`eval --list`): they can only count as misses.
fn warn_of_missing_originals(name: &str, cases: &[Case], list: &List) {
    let missing = cases
        .iter()
        .filter_map(|c| c.expect.as_deref())
        .filter(|id| list.find(id).is_none())
        .count();
    if missing > 0 {
        eprintln!(
            "provenance: the list does not hold the original expected by {missing} of the {} \
             cases of {name}; they count as misses",
            cases.len()
        );
    }
}

/// Prints, per set, the lowest and highest of each figure over every filter salt (`by_salt[s]`
/// holds salt `s`'s results): how much of a figure is the filters' chance matches.
fn print_salt_spread(by_salt: &[Vec<EvalResult>]) {
    println!(
        "\nover {} filter salts (lowest–highest; the lists' own salt 0 above):",
        by_salt.len()
    );
    println!(
        "{:<20} {:>13} {:>13} {:>13} {:>13} {:>13}",
        "set", "auc", "top1src", "top1id", "decision", "false_attr"
    );
    for (i, r) in by_salt[0].iter().enumerate() {
        let runs: Vec<&Metrics> = by_salt
            .iter()
            .filter_map(|s| s.get(i))
            .map(|x| &x.all)
            .collect();
        let range = |get: fn(&Metrics) -> Option<f64>| {
            let v: Vec<f64> = runs.iter().filter_map(|m| get(m)).collect();
            match (
                v.iter().copied().reduce(f64::min),
                v.iter().copied().reduce(f64::max),
            ) {
                (Some(lo), Some(hi)) => format!("{lo:.3}–{hi:.3}"),
                _ => "–".to_string(),
            }
        };
        println!(
            "{:<20} {:>13} {:>13} {:>13} {:>13} {:>13}",
            r.set,
            range(|m| m.auc),
            range(|m| m.top1_source),
            range(|m| m.top1_id),
            range(|m| m.decision),
            range(|m| m.false_attr)
        );
    }
}

/// `provenance info`: what a list holds, and where its bytes go.
fn info(path: Option<&Path>) -> Result<(), Failure> {
    let list = load_list(path)?;
    let bytes = match path {
        Some(p) => fs::metadata(p)?.len() as usize,
        None => DEFAULT_LIST.len(),
    };
    let mut by_source: HashMap<&str, usize> = HashMap::new();
    // How many originals have each optional field (a list may be built without some of them).
    let (mut titles, mut urls, mut dates) = (0, 0, 0);
    for i in 0..list.len() {
        let meta = list.meta(i);
        *by_source
            .entry(meta.source.unwrap_or("(no source)"))
            .or_default() += 1;
        titles += usize::from(meta.title.is_some());
        urls += usize::from(meta.url.is_some());
        dates += usize::from(meta.published.is_some());
    }
    let mut sources: Vec<_> = by_source.into_iter().collect();
    sources.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    println!(
        "{}, {} index entries, {} bytes ({:.0} per original)",
        count_of(list.len(), "original"),
        list.entries(),
        bytes,
        bytes as f64 / list.len().max(1) as f64
    );
    let [s, t, a] = list.sketch_size();
    println!("sketch: {s} phrases, {t} terms, {a} anchors per original");
    let parts = provenance::list::format::sections(&list);
    let per = |b: usize| b as f64 / list.len().max(1) as f64;
    println!(
        "bytes per original: {:.0} records, {:.0} index, {:.0} vocabulary, {:.0} metadata",
        per(parts.records),
        per(parts.index),
        per(parts.vocabulary),
        per(parts.metadata)
    );
    println!("with a headline: {titles}, an address: {urls}, a date: {dates}");
    // Languages, commonest first: a check weighs a term among the originals of its language.
    let mut langs: Vec<(u32, &str)> = list
        .languages()
        .map(|(code, n)| (n, if code.is_empty() { "unknown" } else { code }))
        .collect();
    langs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    let langs: Vec<String> = langs
        .iter()
        .map(|(n, code)| format!("{code} {n}"))
        .collect();
    println!("languages: {}", langs.join(", "));
    for (src, n) in sources.iter().take(15) {
        println!("  {n:>6}  {src}");
    }
    Ok(())
}
