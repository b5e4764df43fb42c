// provenance popup: reads the article through the content script, checks it with the wasm engine
// and the list in use (the bundled one, or the reader's own from the options page), shows the
// report, drives the highlights.
// No network request is made: the page's text never leaves the browser.
import init, { Engine } from './pkg/provenance.js';
import { bundledList, ownList } from './lists.js';

const api = globalThis.browser ?? globalThis.chrome;
const $ = (id) => document.getElementById(id);
const t = (key, ...subs) => api.i18n.getMessage(key, subs.map(String)) || key;
/** Fewer words than this cannot be attributed with any confidence. */
const MIN_WORDS = 40;
const STORES = /^https:\/\/(chromewebstore\.google\.com|chrome\.google\.com\/webstore|addons\.mozilla\.org)/;

let engine;
let tab;
let checked = { text: '', report: null };

function localize() {
  document.documentElement.lang = t('lang');
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
}

async function targetTab() {
  const id = Number(new URLSearchParams(location.search).get('tabId'));
  if (id) return api.tabs.get(id);
  const [active] = await api.tabs.query({ active: true, currentWindow: true });
  return active;
}

/** Loads the engine with the reader's own list (options page) if there is one, else the bundled one. */
async function loadEngine() {
  const started = performance.now();
  // The reader's own list is looked up while the engine compiles.
  const stored = ownList().catch(() => undefined);
  await init({ module_or_path: new URL('pkg/provenance_bg.wasm', import.meta.url) });
  engine?.free();
  engine = undefined;
  let note = '';
  const own = await stored;
  if (own) {
    try {
      engine = new Engine(new Uint8Array(own.bytes));
      $('list-used').textContent = t('listOwn', own.name, engine.originals.toLocaleString());
      document.body.dataset.list = 'own';
    } catch (e) {
      // Checked when it was chosen, so only damaged browser storage gets here.
      note = `${t('ownListFailed', e.message)} `;
    }
  }
  if (!engine) {
    engine = new Engine(new Uint8Array(await bundledList()));
    $('list-used').textContent = note + t('listBundled', engine.originals.toLocaleString());
    document.body.dataset.list = 'bundled';
  }
  document.body.dataset.engineMs = String(Math.round(performance.now() - started));
}

function problem(title, detail) {
  const status = $('status');
  status.hidden = false;
  status.className = 'problem';
  status.textContent = title;
  if (detail) {
    const d = document.createElement('span');
    d.className = 'detail';
    d.textContent = detail;
    status.append(d);
  }
  $('result').hidden = true;
}

/** Passage text from character offsets (Unicode scalar values, as the report gives them). */
function slice(chars, start, end) {
  return chars.slice(start, end).join('');
}

function render(report, text) {
  const best = report.best;
  const verdict = report.verdict;
  const h = $('verdict');
  const derived = ['verbatim', 'partial', 'rewritten', 'translated'].includes(verdict);
  h.className = derived ? 'derived' : verdict === 'related' ? 'related' : 'none';
  $('verdict-words').textContent = t(`verdict_${verdict}`);
  const source = best ? (best.source || best.id) : '';
  $('source').textContent = verdict === 'none' ? '' : (['rewritten', 'translated'].includes(verdict) ? source : `— ${source}`);
  const show = verdict !== 'none' && best;
  for (const id of ['pct', 'title', 'date', 'credit']) $(id).textContent = '';
  document.querySelector('.original').hidden = !show;
  document.querySelector('.bars').hidden = !show;
  $('show-row').hidden = !report.passages.length;
  if (show) {
    // A calibrated probability is never a certainty: the display stays between 1 and 99 %.
    $('pct').textContent = t('likely', `${Math.min(99, Math.max(1, Math.round(best.score * 100)))}%`);
    const a = $('title');
    a.textContent = best.title || best.id;
    if (best.url) a.href = best.url; else a.removeAttribute('href');
    a.title = t('openOriginal');
    $('date').textContent = best.published ? t('published', best.published) : '';
    // Phrases measure word-for-word copying only: a rewrite keeps the original's words in new
    // phrases, and a translation only its names and numbers, so the third bar shows what carries
    // over in each case.
    const translated = verdict === 'translated';
    $('words-label').textContent = t(translated ? 'namesNumbers' : 'pageWords');
    // A translation's sentences are the original's in other words of another language.
    $('legend-reworded').textContent = t(translated ? 'legendTranslated' : 'legendReworded');
    const words = translated ? best.evidence.names : best.evidence.vocabulary;
    for (const [id, v] of [['page-cov', best.page_coverage], ['orig-cov', best.original_coverage], ['words', words]]) {
      $(id).value = v;
      $(`${id}-n`).textContent = `${Math.round(v * 100)}%`;
    }
    $('credit').textContent = best.credited ? t('credits', source) : t('noCredit');
  }
  const others = report.candidates.slice(1).filter((c) => c.relation !== 'none');
  $('others').hidden = !others.length;
  $('others-list').replaceChildren(...others.map((c) => {
    const li = document.createElement('li');
    li.textContent = `${c.source || c.id} — ${c.title || c.id} (${Math.round(c.score * 100)}%, ${t(`verdict_${c.relation}`)})`;
    return li;
  }));
  // A short page called derived with no passage copied word for word: its verdict rests on the
  // words it shares, which another outlet's report of the same event this short shares too.
  const short = report.rests_on_words_alone;
  $('short-note').hidden = !short;
  $('short-note').textContent = !short ? ''
    : t(verdict === 'translated' ? 'shortTranslation' : 'shortPage', report.stats.article_words);
  $('stats').textContent = t('words', report.stats.words, Math.round(report.stats.millis));
  $('status').hidden = true;
  $('result').hidden = false;
  $('show').checked = false;
  document.body.dataset.verdict = verdict;
}

async function run(text, lang) {
  checked = { text, report: null };
  $('text').value = text;
  $('checked').hidden = false;
  const words = text.split(/\s+/).filter(Boolean).length;
  if (words < MIN_WORDS) {
    problem(t('cannotCheck'), t('tooShort'));
    document.body.dataset.verdict = 'too-short';
    return;
  }
  checked.report = engine.check(text, lang || undefined);
  render(checked.report, text);
}

async function send(message) {
  return api.tabs.sendMessage(tab.id, message);
}

async function toggleHighlights(on) {
  if (!on) return send({ type: 'clear' });
  const chars = Array.from(checked.text);
  const passages = checked.report.passages.map((p) => ({ text: slice(chars, p.start, p.end), kind: p.kind }));
  const { found } = await send({ type: 'highlight', passages });
  document.body.dataset.highlighted = String(found);
}

async function checkSelection() {
  const { text } = await send({ type: 'selection' });
  if (!text) {
    problem(t('noSelection'));
    return;
  }
  await send({ type: 'clear' });
  await run(text, '');
  $('check-article').hidden = false;
}

async function main() {
  localize();
  tab = await targetTab();
  const ready = loadEngine();
  const { pendingSelection } = await api.storage.session.get('pendingSelection');
  if (pendingSelection && pendingSelection.tabId === tab?.id) {
    await api.storage.session.remove('pendingSelection');
    await ready;
    await injectContent().catch(() => {});
    return run(pendingSelection.text, '');
  }
  const url = tab?.url || '';
  if (!tab || (url && (!/^(https?|file):/i.test(url) || STORES.test(url) || /\.pdf([?#]|$)/i.test(url)))) {
    document.body.dataset.verdict = 'unsupported';
    return problem(t('cannotCheck'), t('cannotCheckSpecial'));
  }
  let page;
  try {
    await injectContent();
    page = await send({ type: 'extract' });
  } catch {
    document.body.dataset.verdict = 'unsupported';
    return problem(t('cannotCheck'), t('cannotCheckSpecial'));
  }
  await ready;
  await run(page.text, page.lang);
}

async function injectContent() {
  await api.scripting.executeScript({ target: { tabId: tab.id }, files: ['lib/Readability.js', 'content.js'] });
}

$('show').addEventListener('change', (e) => toggleHighlights(e.target.checked));
$('change-list').addEventListener('click', (e) => {
  e.preventDefault();
  api.runtime.openOptionsPage();
});
$('check-selection').addEventListener('click', () => checkSelection().catch((e) => problem(t('failed', e.message))));
$('check-article').addEventListener('click', () => { $('check-article').hidden = true; main(); });
main().catch((e) => problem(t('failed', e.message || String(e))));
