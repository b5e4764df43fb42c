// End-to-end test of the unpacked extension in headless Chromium (Debian's, never a downloaded
// browser), driven by Playwright. Run by `./build.sh test` after `./build.sh extension`.
// Pages are realistic news layouts (navigation, ads, sidebar, comments, footer) around the seed
// articles of ../shared/seeds, served on 127.0.0.1 by this test.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdirSync, readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT, BRIEF, testCopy, launchChromium, demoLists } from './harness.mjs';

const SEEDS = resolve(ROOT, '../shared/seeds');
const WMT19_CASES = resolve(ROOT, '../shared/eval/wmt19-public/cases.jsonl');
/** A wmt19-public case: UPI's story, machine-translated into German. */
const TRANSLATION = 'ende-upi.176266-Facebook-FAIR-WMT19';
const SHOTS = join(ROOT, 'target/e2e');

/** Seed file stem -> the source the popup must name (labels of shared/eval/seeds). */
const EXPECT = {
  '000_f2869a96b21043eb': 'Al Jazeera',
  '001_524a7f7d4460bb73': 'Al Jazeera',
  '002_82c8c9658b6e642f': 'Reuters',
  '003_5642dc05dc4bace3': 'Reuters',
  '004_231163b21d9bc371': 'Reuters',
};

const escape = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** A news page around `text`: the first line is the headline, blank lines separate paragraphs. */
function newsPage(text) {
  const [headline, ...rest] = text.split('\n').filter((l) => l.trim());
  const paragraphs = rest.map((p) => `<p>${escape(p)}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(headline)} | Daily Planet</title>
<style>body{font:17px/1.5 Georgia,serif;margin:0}nav,footer{background:#223;color:#fff;padding:10px}
.wrap{display:flex;gap:24px;max-width:1100px;margin:auto}article{flex:3}aside{flex:1;font:14px sans-serif}
.ad{background:#eee;border:1px dashed #999;padding:30px;text-align:center;margin:12px 0}</style></head>
<body><nav><a href="#">Home</a> · <a href="#">World</a> · <a href="#">Business</a> · <a href="#">Sport</a> · <a href="#">Subscribe</a></nav>
<div class="ad">Advertisement — Summer sale on garden furniture, up to 50% off</div>
<div class="wrap"><article><h1>${escape(headline)}</h1><p class="byline">By Staff Writer · 25 January 2021</p>
${paragraphs}
<section class="comments"><h3>Comments (3)</h3><p>Great article, thanks for sharing!</p><p>I disagree with the premise entirely.</p><p>Who else is reading this in 2021?</p></section>
</article><aside><h3>Trending</h3><ul><li>Ten recipes for a quick weeknight dinner</li><li>Local team wins the cup after extra time</li><li>How to save on your energy bill this winter</li></ul>
<div class="ad">Advertisement</div></aside></div>
<footer>© 2021 Daily Planet Media. All rights reserved. · Privacy policy · Terms of use</footer></body></html>`;
}

describe('extension in Chromium', { skip: !existsSync(SEEDS) && 'needs ../shared/seeds beside the checkout' }, () => {
let server;
let base;
let ctx;
let extId;
const requests = [];

before(async () => {
  const pages = { '/short.html': '<!doctype html><html lang="en"><body><p>Hello, world. Only a few words here.</p></body></html>' };
  for (const f of readdirSync(SEEDS)) pages[`/${f.replace(/\.txt$/, '')}.html`] = newsPage(readFileSync(join(SEEDS, f), 'utf8'));
  // A site template's language, wrong for the story: an English copy under <html lang="ru">.
  pages['/wrong-lang.html'] = pages['/004_231163b21d9bc371.html'].replace('<html lang="en">', '<html lang="ru">');
  // The project's own demo story, which only the bundled list and a list of it alone hold.
  pages['/demo.html'] = newsPage(readFileSync(join(ROOT, 'examples/demo/article.txt'), 'utf8'));
  // A brief on the demo story in words of its own: short, and sharing the story's words.
  pages['/brief.html'] = newsPage(BRIEF);
  // A German machine translation of an English original of wmt19-public (in the bundled list).
  const translation = readFileSync(WMT19_CASES, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l))
    .find((c) => c.id === TRANSLATION);
  pages['/translation.html'] = newsPage(translation.text).replace('<html lang="en">', '<html lang="de">');
  server = createServer((req, res) => {
    const body = pages[req.url];
    res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body || 'not found');
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${server.address().port}`;

  mkdirSync(SHOTS, { recursive: true });
  ({ ctx, extId } = await launchChromium(testCopy('chrome').dir, { viewport: { width: 1200, height: 900 } }));
  ctx.on('request', (r) => requests.push(r.url()));
});

after(async () => {
  await ctx?.close();
  server?.close();
});

/**
 * Opens `url` in a tab, then the popup for that tab; resolves when the popup has an answer.
 * `browser`: the context and extension id to use, the tests' shared browser unless given.
 */
async function check(url, browser = { ctx, extId }) {
  const page = await browser.ctx.newPage();
  await page.goto(url);
  const worker = browser.ctx.serviceWorkers()[0];
  const tabId = await worker.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, page.url());
  const popup = await browser.ctx.newPage();
  await popup.setViewportSize({ width: 400, height: 640 });
  await popup.goto(`chrome-extension://${browser.extId}/popup.html?tabId=${tabId}`);
  await popup.waitForSelector('body[data-verdict]', { timeout: 15000 });
  return { page, popup };
}

test('names the original source of every seed article', async () => {
  for (const [stem, source] of Object.entries(EXPECT)) {
    const { page, popup } = await check(`${base}/${stem}.html`);
    const verdict = await popup.getAttribute('body', 'data-verdict');
    const shownSource = (await popup.textContent('#source')).replace(/^—\s*/, '').trim();
    const pct = await popup.textContent('#pct');
    assert.equal(shownSource, source, `${stem}: source`);
    assert.ok(['verbatim', 'partial', 'rewritten', 'translated'].includes(verdict), `${stem}: derived verdict, got ${verdict}`);
    assert.match(pct, /^\d{1,2}% likely derived$/, `${stem}: percentage`);
    assert.ok(Number(pct.match(/\d+/)[0]) >= 50, `${stem}: ${pct}`);
    assert.ok((await popup.textContent('#verdict-words')).length > 5);
    // Three bars, each a percentage; a rewrite copies few phrases, but the words bar shows what
    // it kept of the original.
    const bars = {};
    for (const id of ['page-cov', 'orig-cov', 'words']) {
      const shown = await popup.textContent(`#${id}-n`);
      assert.match(shown, /^\d{1,3}%$/, `${stem}: ${id}`);
      assert.ok((await popup.textContent(`#${id}-label`)).length > 5, `${stem}: ${id} label`);
      bars[id] = Number(shown.slice(0, -1));
    }
    assert.equal(await popup.textContent('#words-label'), verdict === 'translated'
      ? 'Names and numbers carried over' : "Page's words in the original", `${stem}: words label`);
    if (verdict === 'rewritten') assert.ok(bars.words >= 20, `${stem}: words bar ${bars.words}%`);
    await popup.screenshot({ path: join(SHOTS, `popup-${stem}.png`) });
    await popup.close();
    await page.close();
  }
});

test('names the original of a translation, with the names and numbers carried over', async () => {
  const { page, popup } = await check(`${base}/translation.html`);
  assert.equal(await popup.getAttribute('body', 'data-verdict'), 'translated');
  assert.equal((await popup.textContent('#source')).trim(), 'upi');
  assert.equal(await popup.textContent('#words-label'), 'Names and numbers carried over');
  // Three in four of the story's names, numbers and dates are in the translation (of all of
  // them, not of the few its index entries hold).
  assert.ok(Number((await popup.textContent('#words-n')).slice(0, -1)) >= 60);
  // Its translated sentences, found by the names and numbers they carry, are shown on the page.
  await popup.check('#show');
  await popup.waitForSelector('body[data-highlighted]');
  const marks = await page.locator('mark.provenance-mark[data-kind="reworded"]').count();
  assert.ok(marks >= 8, `marks on the page: ${marks}`);
  assert.equal(await popup.textContent('#legend-reworded'), 'translated');
  await page.screenshot({ path: join(SHOTS, 'page-translation.png'), fullPage: false });
  await popup.screenshot({ path: join(SHOTS, 'popup-translation.png') });
  await popup.close();
  await page.close();
});

test('a short page called derived on shared words alone says its verdict rests on them', async () => {
  const { page, popup } = await check(`${base}/brief.html`);
  const verdict = await popup.getAttribute('body', 'data-verdict');
  assert.ok(['verbatim', 'partial', 'rewritten'].includes(verdict), `${verdict}: ${await popup.inputValue('#text')}`);
  assert.ok(await popup.isVisible('#short-note'), await popup.textContent('#stats'));
  assert.match(await popup.textContent('#short-note'), /^A short text \(\d+ words\) with no passage copied word for word/);
  await popup.screenshot({ path: join(SHOTS, 'popup-short.png') });
  await popup.close();
  await page.close();
  // A long copy says nothing of the kind.
  const demo = await check(`${base}/demo.html`);
  assert.ok(await demo.popup.isHidden('#short-note'));
  await demo.popup.close();
  await demo.page.close();
});

test('a page declaring the wrong language is still read in its own', async () => {
  // Trusted, lang="ru" made this Reuters copy a "translation" of Al Jazeera's report.
  const { page, popup } = await check(`${base}/wrong-lang.html`);
  assert.equal((await popup.textContent('#source')).replace(/^—\s*/, '').trim(), EXPECT['004_231163b21d9bc371']);
  const verdict = await popup.getAttribute('body', 'data-verdict');
  assert.ok(['verbatim', 'partial', 'rewritten'].includes(verdict), `same-language verdict, got ${verdict}`);
  await popup.close();
  await page.close();
});

test('the toolbar popup checks the active tab by itself', async () => {
  // An extension page in a background tab, from which chrome.extension.getViews reaches the real
  // popup (its own check, of no tab, fails quietly).
  const probe = await ctx.newPage();
  await probe.goto(`chrome-extension://${extId}/popup.html?tabId=-1`);
  const page = await ctx.newPage();
  await page.goto(`${base}/002_82c8c9658b6e642f.html`);
  await page.bringToFront();
  // What a click on the toolbar button does: open the popup, with no tab named in its address.
  const opened = await ctx.serviceWorkers()[0].evaluate(() => chrome.action.openPopup().then(() => true, (e) => String(e)));
  assert.equal(opened, true);
  const view = async () => probe.evaluate(() => chrome.extension.getViews({ type: 'popup' }).map((v) => ({
    url: v.location.href, verdict: v.document.body.dataset.verdict, source: v.document.getElementById('source')?.textContent,
  }))[0]);
  let popup;
  for (let i = 0; i < 100 && !popup?.verdict; i++) {
    popup = await view();
    if (!popup?.verdict) await new Promise((ok) => setTimeout(ok, 150));
  }
  assert.ok(popup, 'the toolbar popup is open');
  assert.equal(new URL(popup.url).search, '', 'no tab named in its address');
  assert.ok(['verbatim', 'partial', 'rewritten', 'translated'].includes(popup.verdict), `derived verdict, got ${popup.verdict}`);
  assert.equal(popup.source.replace(/^—\s*/, '').trim(), 'Reuters');
  await probe.close();
  await page.close();
});

test('a keyboard shortcut opens the popup', async () => {
  // Chromium leaves a suggested key it reserves unassigned (Alt+Shift+P was): the key must be set.
  const worker = ctx.serviceWorkers()[0];
  const commands = await worker.evaluate(() => chrome.commands.getAll());
  const action = commands.find((c) => c.name === '_execute_action');
  assert.equal(action?.shortcut, 'Alt+Shift+O', JSON.stringify(commands));
});

test('highlights reused passages on the page and removes every mark', async () => {
  const { page, popup } = await check(`${base}/003_5642dc05dc4bace3.html`);
  const before = await page.evaluate(() => document.body.innerHTML);
  await popup.check('#show');
  await popup.waitForSelector('body[data-highlighted]');
  const marks = await page.locator('mark.provenance-mark').count();
  assert.ok(marks >= 3, `marks on the page: ${marks}`);
  assert.ok(await page.locator('mark.provenance-mark[data-kind="exact"]').count() >= 1);
  await page.screenshot({ path: join(SHOTS, 'page-highlighted.png'), fullPage: false });
  await popup.uncheck('#show');
  await page.waitForFunction(() => !document.querySelector('mark.provenance-mark'));
  assert.equal(await page.evaluate(() => document.body.innerHTML), before, 'the page is left as it was');
  await popup.close();
  await page.close();
});

test('checks a selection instead of the extracted article', async () => {
  const { page, popup } = await check(`${base}/000_f2869a96b21043eb.html`);
  await page.evaluate(() => {
    const paragraphs = [...document.querySelectorAll('article p')].slice(1, 6);
    const range = document.createRange();
    range.setStartBefore(paragraphs[0]);
    range.setEndAfter(paragraphs.at(-1));
    getSelection().removeAllRanges();
    getSelection().addRange(range);
  });
  const selected = await page.evaluate(() => String(getSelection()).trim());
  await popup.click('#checked summary');
  await popup.click('#check-selection');
  await popup.waitForFunction((s) => document.getElementById('text').value === s, selected);
  assert.equal((await popup.textContent('#source')).replace(/^—\s*/, '').trim(), 'Al Jazeera');
  assert.ok(await popup.isVisible('#check-article'));
  await popup.close();
  await page.close();
});

test('the context menu hands its selection to the popup', async () => {
  const page = await ctx.newPage();
  await page.goto(`${base}/001_524a7f7d4460bb73.html`);
  const worker = ctx.serviceWorkers()[0];
  const text = await page.evaluate(() => [...document.querySelectorAll('article p')].slice(1, 7).map((p) => p.textContent).join('\n\n'));
  // What background.js stores when "Check selection with provenance" is clicked.
  const tabId = await worker.evaluate(async ([u, t]) => {
    const tab = (await chrome.tabs.query({})).find((x) => x.url === u);
    await chrome.storage.session.set({ pendingSelection: { tabId: tab.id, text: t } });
    return tab.id;
  }, [page.url(), text]);
  const popup = await ctx.newPage();
  await popup.goto(`chrome-extension://${extId}/popup.html?tabId=${tabId}`);
  await popup.waitForSelector('body[data-verdict]');
  assert.equal(await popup.inputValue('#text'), text);
  assert.equal((await popup.textContent('#source')).replace(/^—\s*/, '').trim(), 'Al Jazeera');
  const menus = await worker.evaluate(() => chrome.contextMenus.update('provenance-check-selection', {}).then(() => true, () => false));
  assert.ok(menus, 'the context menu item exists');
  await popup.close();
  await page.close();
});

test('dark theme', async () => {
  const { page, popup } = await check(`${base}/004_231163b21d9bc371.html`);
  await popup.emulateMedia({ colorScheme: 'dark' });
  const bg = await popup.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(bg, 'rgb(27, 31, 36)');
  await popup.screenshot({ path: join(SHOTS, 'popup-dark.png') });
  await popup.close();
  await page.close();
});

test('explains what it cannot check', async () => {
  const blank = await check('about:blank');
  assert.equal(await blank.popup.getAttribute('body', 'data-verdict'), 'unsupported');
  assert.match(await blank.popup.textContent('#status'), /can't be checked/);
  await blank.popup.screenshot({ path: join(SHOTS, 'popup-unsupported.png') });
  const short = await check(`${base}/short.html`);
  assert.equal(await short.popup.getAttribute('body', 'data-verdict'), 'too-short');
  assert.match(await short.popup.textContent('#status'), /too little text/);
});

test("checks against a list of the reader's own, refuses a damaged one, and goes back to the bundled one", async () => {
  const { own, damaged } = demoLists(SHOTS);

  const options = await ctx.newPage();
  await options.setViewportSize({ width: 800, height: 700 });
  await options.goto(`chrome-extension://${extId}/options.html`);
  await options.waitForSelector('body[data-ready]');
  assert.match(await options.textContent('#in-use'), /^The bundled list\. Originals in it: [\d,]+\.$/);
  assert.equal(await options.isHidden('#bundled'), true);
  await options.setInputFiles('#file', own);
  await options.waitForSelector('body[data-list="own"]');
  assert.match(await options.textContent('#in-use'), /^Your list “demo\.provlist”, chosen on \d{4}-\d\d-\d\d \(\d+ KB\)\. Originals in it: 1\.$/);
  assert.equal(await options.getAttribute('#message', 'data-kind'), 'ok');

  // The popup checks against it: the demo story is found, a seed article is no longer known.
  const demo = await check(`${base}/demo.html`);
  assert.equal(await demo.popup.getAttribute('body', 'data-list'), 'own');
  assert.equal((await demo.popup.textContent('#source')).replace(/^—\s*/, '').trim(), 'Northwind Wire');
  assert.equal(await demo.popup.textContent('#list-used'), 'Originals: your list “demo.provlist” (1).');
  await demo.popup.screenshot({ path: join(SHOTS, 'popup-own-list.png') });
  await demo.popup.close();
  await demo.page.close();
  const seed = await check(`${base}/003_5642dc05dc4bace3.html`);
  assert.equal(await seed.popup.getAttribute('body', 'data-verdict'), 'none');
  await seed.popup.close();
  await seed.page.close();

  // A damaged file is refused with the engine's reason, and the list in use stays.
  await options.setInputFiles('#file', damaged);
  await options.waitForSelector('#message[data-kind="error"]');
  assert.match(await options.textContent('#message'),
    /^“damaged\.provlist” was not taken: list body is damaged \(checksum mismatch\)\. The list in use has not changed\.$/);
  assert.match(await options.textContent('#in-use'), /demo\.provlist/);
  await options.screenshot({ path: join(SHOTS, 'options.png') });

  // Back to the bundled list: the seed article's source is named again.
  await options.click('#bundled');
  await options.waitForSelector('body[data-list="bundled"]');
  await options.close();
  const again = await check(`${base}/003_5642dc05dc4bace3.html`);
  assert.equal(await again.popup.getAttribute('body', 'data-list'), 'bundled');
  assert.equal((await again.popup.textContent('#source')).replace(/^—\s*/, '').trim(), EXPECT['003_5642dc05dc4bace3']);
  assert.match(await again.popup.textContent('#list-used'), /^Originals: the bundled list \([\d,]+\)\.$/);
  await again.popup.close();
  await again.page.close();
});

test('every locale has every message, with the same placeholders', () => {
  const dir = join(ROOT, 'extension/_locales');
  const read = (locale) => JSON.parse(readFileSync(join(dir, locale, 'messages.json'), 'utf8'));
  const shape = (messages) => Object.entries(messages)
    .map(([key, m]) => `${key}(${Object.keys(m.placeholders || {}).sort().join(',')})`).sort();
  const en = shape(read('en'));
  for (const locale of readdirSync(dir)) assert.deepEqual(shape(read(locale)), en, locale);
});

/** What the popup and options page say on the demo story, in each language besides English. */
const SPOKEN = {
  de: { verdict: 'Fast wörtlich übernommen', pct: /^zu \d{1,2}% wahrscheinlich übernommen$/, words: 'Wörter der Seite im Original',
    list: /^Originale: die mitgelieferte Liste \([\d.,]+\)\.$/, options: 'provenance: die Originale, die es kennt' },
  ru: { verdict: 'Скопировано почти дословно', pct: /^вероятность заимствования: \d{1,2}%$/, words: 'Слова страницы в оригинале',
    list: /^Оригиналы: встроенный список \([\d\s.,]+\)\.$/, options: 'provenance: известные ему оригиналы' },
};

for (const [lang, say] of Object.entries(SPOKEN)) {
  test(`speaks the browser's language: ${lang}`, async () => {
    const b = await launchChromium(testCopy('chrome').dir, { args: [`--lang=${lang}`], env: { ...process.env, LANGUAGE: lang } });
    try {
      const { popup } = await check(`${base}/demo.html`, b);
      assert.equal(await popup.getAttribute('html', 'lang'), lang);
      assert.equal(await popup.getAttribute('body', 'data-verdict'), 'verbatim');
      assert.equal(await popup.textContent('#verdict-words'), say.verdict);
      assert.match(await popup.textContent('#pct'), say.pct);
      assert.equal(await popup.textContent('#words-label'), say.words);
      assert.match(await popup.textContent('#list-used'), say.list);
      await popup.screenshot({ path: join(SHOTS, `popup-${lang}.png`) });
      const options = await b.ctx.newPage();
      await options.goto(`chrome-extension://${b.extId}/options.html`);
      await options.waitForSelector('body[data-list]');
      assert.equal(await options.textContent('h1'), say.options);
    } finally {
      await b.ctx.close();
    }
  });
}

test('no request leaves loopback', () => {
  const outside = requests.filter((u) => !/^(http:\/\/127\.0\.0\.1[:/]|chrome-extension:|about:|data:|blob:)/.test(u));
  assert.deepEqual(outside, []);
});
});
