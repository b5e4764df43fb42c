// The educator page: the wasm engine and the bundled list (or a list the reader chooses for the
// visit), in the browser, with no server behind them. Compare two texts side by side, or rank the
// known originals for one text.
import init, { Engine } from './pkg/provenance.js';

const $ = (id) => document.getElementById(id);
const WORDS = { verbatim: 'copied almost word for word', partial: 'partly copied', rewritten: 'rewritten from the original',
  translated: 'translated from the original', related: 'same story, not copied', none: 'not copied, not the same story' };
/** A score as a likelihood in whole percent, at most 99 %: a calibrated probability is never certainty. */
const pct = (x) => `${Math.min(99, Math.max(0, Math.round(x * 100)))}%`;
/** A share (a coverage, a similarity) in whole percent: unlike a score, 100 % is a fact. */
const share = (x) => `${Math.min(100, Math.max(0, Math.round(x * 100)))}%`;
/** What a passage not in the original's words is, on a page of `relation` to it: a translation's is translated. */
const reworded = (relation) => (relation === 'translated' ? 'translated' : 'reworded');

/** Says, in the paragraph `id`, when a report's verdict rests on the words of a short page alone. */
function caveat(id, report) {
  const words = `A short text (${report.stats.article_words} words)`;
  $(id).hidden = !report.rests_on_words_alone;
  $(id).textContent = !report.rests_on_words_alone ? ''
    : report.verdict === 'translated'
      ? `${words}: at this length another outlet's own report of the same event, in another language, can share as many `
        + "of the original's names and numbers as a translation does."
      : `${words} with no passage copied word for word: at this length another outlet's own report of the same event `
        + "can share as many of the original's words as a rewrite does.";
}

let engine;

/** Makes the list `bytes` the one checks and comparisons use; throws the engine's reason if it is no list. */
function useList(bytes, name) {
  const next = new Engine(new Uint8Array(bytes));
  engine?.free();
  engine = next;
  const n = engine.originals.toLocaleString();
  $('engine-info').textContent = `${n} known original${engine.originals === 1 ? '' : 's'}`;
  $('list-in-use').textContent = name
    ? `Known originals: your list “${name}” (${n}), for this visit only; nothing was uploaded.`
    : `Known originals: the bundled list (${n}): the public evaluation sets' originals and a demo story.`;
  $('list-bundled').hidden = !name;
  document.body.dataset.list = name ? 'own' : 'bundled';
  $('ranking').hidden = true;
  $('detail').hidden = true;
  $('check-status').textContent = '';
}

const bundledList = () => fetch(new URL('lists/default.provlist', import.meta.url)).then((r) => r.arrayBuffer());

async function load() {
  await init({ module_or_path: new URL('pkg/provenance_bg.wasm', import.meta.url) });
  useList(await bundledList());
}

/** Largest list file taken: a 100,000-original list is about 25 MB. */
const MAX_LIST_BYTES = 64 * 1024 * 1024;

/** A list file the reader chose: used if the engine reads it, else refused with its reason. */
async function chooseList(file) {
  const say = (text, kind) => { $('list-message').textContent = text; $('list-message').dataset.kind = kind; };
  if (file.size > MAX_LIST_BYTES) {
    say(`“${file.name}” is larger than 64 MB, more than a list of originals needs. The list in use has not changed.`, 'error');
    return;
  }
  try {
    useList(await file.arrayBuffer(), file.name);
    say('', 'ok');
  } catch (e) {
    say(`“${file.name}” was not taken: ${e.message}. The list in use has not changed.`, 'error');
  }
}

/** A text given as its `chars` (offsets count them), as nodes with `passages` wrapped in linked marks. */
function marked(chars, passages, side) {
  const out = [];
  let at = 0;
  for (const p of [...passages].sort((a, b) => a.start - b.start)) {
    if (p.start < at) continue;
    out.push(document.createTextNode(chars.slice(at, p.start).join('')));
    const m = document.createElement('mark');
    m.className = p.kind;
    m.dataset.link = p.link;
    m.dataset.side = side;
    m.tabIndex = 0;
    m.textContent = chars.slice(p.start, p.end).join('');
    out.push(m);
    at = p.end;
  }
  out.push(document.createTextNode(chars.slice(at).join('')));
  return out;
}

/** Hovering, focusing or clicking a passage lights up its counterpart and scrolls it into view. */
function link(container) {
  const counterpart = (m) => document.querySelectorAll(`mark[data-link="${m.dataset.link}"]`);
  const on = (e, scroll) => {
    const m = e.target.closest('mark[data-link]');
    if (!m) return;
    document.querySelectorAll('mark.linked').forEach((x) => x.classList.remove('linked'));
    counterpart(m).forEach((x) => {
      x.classList.add('linked');
      if (scroll && x !== m) x.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    });
  };
  container.addEventListener('mouseover', (e) => on(e, false));
  container.addEventListener('focusin', (e) => on(e, true));
  container.addEventListener('click', (e) => on(e, true));
}

function runCompare() {
  const page = $('page-text').value;
  const original = $('original-text').value;
  if (!page.trim() || !original.trim()) {
    $('compare-status').textContent = 'Paste a text on both sides first.';
    $('compare-result').hidden = true;
    return;
  }
  const c = engine.compare(page, original);
  const best = c.report.best;
  const relation = best ? best.relation : 'none';
  $('c-pct').textContent = best ? `${pct(best.score)} likely derived` : '0%';
  $('c-relation').textContent = `— ${WORDS[relation]}`;
  $('c-relation').dataset.relation = relation;
  // Phrases count word-for-word copying only; a rewrite keeps words in new phrases, and a
  // translation its names and numbers.
  const carried = !best ? ''
    : relation === 'translated'
      ? ` ${share(best.evidence.names)} of the original's names and numbers carry over.`
      : ` ${share(best.evidence.vocabulary)} of the copy's words are in the original.`;
  $('c-coverage').textContent = best
    ? `${share(best.page_coverage)} of the copy's phrases are in the original; ${share(best.original_coverage)} of the original's are reused.${carried}`
    : '';
  caveat('c-short', c.report);
  // A page that does not derive from the original shares words with it, not copied passages.
  const derived = ['verbatim', 'partial', 'rewritten', 'translated'].includes(relation);
  $('c-legend-reworded').textContent = reworded(relation);
  $('c-legend').hidden = !derived;
  $('c-legend-same').hidden = derived;
  const chars = [Array.from(page), Array.from(original)];
  $('c-page').replaceChildren(...marked(chars[0], c.page_passages, 'page'));
  $('c-original').replaceChildren(...marked(chars[1], c.original_passages, 'original'));
  // A translation shares no words with its original but names, numbers and dates: those are
  // shown for each pair of sentences, where a text in the original's language shows its overlap.
  const translated = relation === 'translated';
  $('c-overlap-head').textContent = translated ? 'Names and numbers in both' : 'Overlap';
  $('c-alignment-note').hidden = !translated;
  const inBoth = (a) => [...new Set(a.shared.map(([s, e]) => chars[0].slice(s, e).join('')))].join(' · ') || '—';
  $('c-alignment').tBodies[0].replaceChildren(...c.alignment.map((a) => {
    const tr = document.createElement('tr');
    for (const v of [chars[0].slice(a.page[0], a.page[1]).join(''), chars[1].slice(a.original[0], a.original[1]).join(''),
      translated ? inBoth(a) : share(a.similarity), a.kind !== 'exact' ? reworded(relation) : derived ? 'copied' : 'the same words']) {
      const td = document.createElement('td');
      td.textContent = v;
      tr.append(td);
    }
    return tr;
  }));
  $('compare-status').textContent = '';
  $('compare-result').hidden = false;
  $('save').hidden = false;
}

/** Paragraph texts of an HTML document, one per block (a dropped .html file). */
function htmlText(html) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  doc.querySelectorAll('script,style,nav,footer,aside,noscript').forEach((e) => e.remove());
  const blocks = [...doc.body.querySelectorAll('h1,h2,h3,p,li,blockquote')].map((b) => b.textContent.replace(/\s+/g, ' ').trim());
  return blocks.filter(Boolean).join('\n\n') || doc.body.textContent.trim();
}

/** Dropping a .txt or .html file on a text box fills it with the file's (article) text. */
function acceptDrops(textarea) {
  textarea.addEventListener('dragover', (e) => e.preventDefault());
  textarea.addEventListener('drop', async (e) => {
    e.preventDefault();
    const file = e.dataTransfer?.files?.[0];
    if (!file) return;
    const text = await file.text();
    textarea.value = /\.html?$/i.test(file.name) || file.type === 'text/html' ? htmlText(text) : text;
    textarea.dispatchEvent(new Event('input'));
  });
}

/** Saves the comparison as one self-contained HTML file (styles inlined, nothing to fetch). */
async function saveReport() {
  const css = await fetch(new URL('style.css', import.meta.url)).then((r) => r.text());
  const body = $('compare-result').cloneNode(true);
  body.hidden = false;
  body.querySelectorAll('details').forEach((d) => d.setAttribute('open', ''));
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>provenance report</title><style>${css}</style></head>`
    + `<body><main><h1>provenance report</h1><p>${new Date().toISOString().slice(0, 10)}</p>${body.outerHTML}</main></body></html>`;
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
  a.download = 'provenance-report.html';
  a.click();
  URL.revokeObjectURL(a.href);
}

/** The checked text with one candidate's passages, beside what the list knows of the original. */
function showCandidate(text, report, c) {
  const passages = report.passages.filter((p) => p.original_id === c.id).map((p, i) => ({ ...p, link: `c${i}` }));
  $('d-page').replaceChildren(...marked(Array.from(text), passages, 'page'));
  $('d-legend-reworded').textContent = reworded(c.relation);
  $('d-title').textContent = c.title || c.id;
  // A translation shares names, numbers and dates with its original, not words or sentences.
  const carried = c.relation === 'translated'
    ? [["Its names and numbers in the text", share(c.evidence.names)]]
    : [["Text's words found in it", share(c.evidence.vocabulary)],
      ['Its words in sentences copied whole', share(c.evidence.sentences)],
      ["Text's words in those sentences", share(c.evidence.page_sentences)]];
  const facts = [['Source', c.source], ['Published', c.published], ['Address', c.url], ['Score', pct(c.score)],
    ['Relation', WORDS[c.relation]], ["Text's phrases found in it", share(c.page_coverage)],
    ['Its phrases reused', share(c.original_coverage)], ...carried,
    ['Credited in the text', c.credited ? 'yes' : 'no']];
  $('d-meta').replaceChildren(...facts.filter(([, v]) => v).flatMap(([k, v]) => {
    const dt = document.createElement('dt');
    dt.textContent = k;
    const dd = document.createElement('dd');
    dd.textContent = v;
    return [dt, dd];
  }));
  $('detail').hidden = false;
  $('detail').scrollIntoView({ block: 'start', behavior: 'smooth' });
}

function runCheck() {
  const text = $('check-text').value;
  if (!text.trim()) {
    $('check-status').textContent = 'Paste a text first.';
    $('ranking').hidden = true;
    $('check-short').hidden = true;
    return;
  }
  const r = engine.check(text);
  // As in the popup, originals that are not even the same story are not listed: their score says nothing.
  const rows = r.candidates.filter((c) => c.relation !== 'none').map((c, i) => {
    const tr = document.createElement('tr');
    const cells = [String(i + 1), c.source || '', null, c.published || '', pct(c.score), WORDS[c.relation], 'show'];
    for (const v of cells) {
      const td = document.createElement('td');
      if (v === 'show') {
        const b = document.createElement('button');
        b.type = 'button';
        b.textContent = 'Show side by side';
        b.addEventListener('click', () => showCandidate(text, r, c));
        td.append(b);
      } else if (v === null) {
        const a = document.createElement(c.url ? 'a' : 'span');
        if (c.url) { a.href = c.url; a.rel = 'noopener noreferrer'; a.target = '_blank'; }
        a.textContent = c.title || c.id;
        td.append(a);
      } else td.textContent = v;
      tr.append(td);
    }
    return tr;
  });
  $('ranking').tBodies[0].replaceChildren(...rows);
  $('ranking').hidden = !rows.length;
  caveat('check-short', r);
  $('detail').hidden = true;
  $('check-status').textContent = rows.length ? `${r.stats.words} words checked in ${Math.round(r.stats.millis)} ms.` : 'No known original shares anything with this text.';
}

const HOW = {
  verbatim: 'republished the original word for word (the heat map shows the original is fully reused).',
  partial: 'copied part of an original, then added other text; the score is high, the page coverage lower.',
  spun: 'is a “spun” rewrite: words swapped for synonyms, sentences reworded, the order kept. Exact phrases are few, but the vocabulary and the order give it away.',
  translated: 'was machine-translated into another language and back: hardly a phrase survives, yet names, numbers and the sequence of facts do.',
};

function show(view) {
  for (const t of document.querySelectorAll('.tab')) t.setAttribute('aria-pressed', String(t.dataset.view === view));
  for (const v of ['compare', 'check', 'example']) $(`${v}-view`).hidden = v !== view;
}

/** The guided example: a heat map of every version against every original, and a walk-through. */
async function loadExample() {
  const res = await fetch(new URL('example.json', import.meta.url));
  const ex = res.ok ? await res.json() : null;
  if (!ex) {
    $('example-missing').hidden = false;
    return;
  }
  $('ex-story').textContent = ex.story;
  const head = document.createElement('tr');
  head.append(document.createElement('th'));
  for (const o of ex.originals) {
    const th = document.createElement('th');
    th.textContent = `${o.source}: ${o.title}`;
    head.append(th);
  }
  $('heatmap').tHead.replaceChildren(head);
  $('heatmap').tBodies[0].replaceChildren(...ex.versions.map((v) => {
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.textContent = v.headline;
    tr.append(th);
    for (const o of ex.originals) {
      const best = engine.compare(v.text, o.text).report.best;
      const s = best ? best.score : 0;
      const td = document.createElement('td');
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'cell';
      b.textContent = pct(s);
      b.style.background = `hsl(${Math.round(120 - 120 * s)} 70% ${Math.round(88 - 30 * s)}%)`;
      b.setAttribute('aria-label', `${v.headline} against ${o.source}: ${pct(s)}${v.expect === o.id ? ' (its original)' : ''}`);
      if (v.expect === o.id) td.className = 'truth';
      b.addEventListener('click', () => {
        $('page-text').value = v.text;
        $('original-text').value = o.text;
        show('compare');
        runCompare();
      });
      td.append(b);
      tr.append(td);
    }
    return tr;
  }));
  $('walkthrough').replaceChildren(...ex.versions.map((v) => {
    const li = document.createElement('li');
    const o = ex.originals.find((x) => x.id === v.expect);
    li.textContent = `“${v.headline}” ${HOW[v.relation] || ''} Its original: ${o ? `${o.source}, “${o.title}”` : 'none'}. (${v.note})`;
    return li;
  }));
  $('ex-sources').textContent = ex.originals.map((o) => `${o.source} “${o.title}” (${o.published}, copy at ${o.url})`).join('; ');
  $('example').hidden = false;
}

for (const tab of document.querySelectorAll('.tab')) {
  tab.addEventListener('click', () => show(tab.dataset.view));
}
link($('compare-result'));
acceptDrops($('page-text'));
acceptDrops($('original-text'));
acceptDrops($('check-text'));
$('save').addEventListener('click', () => saveReport());
$('compare').addEventListener('click', runCompare);
$('check').addEventListener('click', runCheck);
$('list-file').addEventListener('change', async () => {
  const [file] = $('list-file').files;
  $('list-file').value = '';
  if (file) await chooseList(file);
});
$('list-bundled').addEventListener('click', async () => {
  useList(await bundledList());
  $('list-message').textContent = '';
});
/**
 * Keeps the page usable offline once loaded (sw.js caches every file of the build). Service
 * workers need http://localhost, 127.0.0.1 or https; opened as a file the page simply stays online-only.
 */
function workOffline() {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  navigator.serviceWorker.register(new URL('sw.js', import.meta.url))
    .then(() => navigator.serviceWorker.ready)
    .then(() => { $('offline-info').textContent = ' · works offline'; }, () => {});
}

workOffline();
load().then(() => loadExample()).then(() => { document.body.dataset.ready = 'true'; }, (e) => { $('engine-info').textContent = `The engine did not load: ${e.message}`; });
