// The educator page in headless Chromium, served from dist/www on 127.0.0.1 by this test.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT, BRIEF, demoLists } from './harness.mjs';

const SEEDS = resolve(ROOT, '../shared/seeds');
const EVAL = resolve(ROOT, '../shared/eval/seeds/originals.jsonl');
const STORY = resolve(ROOT, '../shared/eval/seed-story/cases.jsonl');
const SHOTS = join(ROOT, 'target/e2e');
/** The Reuters original that seed 003 republishes, as the seeds set holds it. */
const reutersOriginal = () => JSON.parse(readFileSync(EVAL, 'utf8').split('\n').find((l) => l.includes('"reuters-kremlin-meddling"'))).text;
/** The project's demo story as its list of originals holds it, and its German translation. */
const demoOriginal = () => JSON.parse(readFileSync(join(ROOT, 'examples/demo/originals.jsonl'), 'utf8').split('\n')[0]).text;
const demoGerman = () => readFileSync(join(ROOT, 'examples/demo/translation-de.txt'), 'utf8');
/** Puts `copy` and `original` in the two panes and compares them; resolves once the result shows. */
async function compareTexts(page, copy, original) {
  await page.fill('#page-text', copy);
  await page.fill('#original-text', original);
  await page.click('#compare');
  await page.waitForSelector('#compare-result:not([hidden])');
}
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css', '.wasm': 'application/wasm', '.png': 'image/png' };

describe('educator page', { skip: !existsSync(SEEDS) && 'needs ../shared/seeds beside the checkout' }, () => {
  let server;
  let base;
  let browser;
  const errors = [];

  before(async () => {
    const dir = join(ROOT, 'dist/www');
    server = createServer((req, res) => {
      const path = join(dir, req.url === '/' ? 'index.html' : decodeURIComponent(req.url.split('?')[0]));
      if (!path.startsWith(dir) || !existsSync(path)) { res.writeHead(404); res.end(); return; }
      res.writeHead(200, { 'content-type': TYPES[extname(path)] || 'application/octet-stream' });
      res.end(readFileSync(path));
    });
    await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
    base = `http://127.0.0.1:${server.address().port}/`;
    mkdirSync(SHOTS, { recursive: true });
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'] });
  });

  after(async () => {
    await browser?.close();
    server?.close();
  });

  async function open(viewport) {
    const page = await browser.newPage({ viewport });
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(base);
    await page.waitForSelector('body[data-ready="true"]');
    return page;
  }

  test('compares two versions of the seed story side by side', async () => {
    const page = await open({ width: 1280, height: 900 });
    const copy = readFileSync(join(SEEDS, '003_5642dc05dc4bace3.txt'), 'utf8');
    const original = reutersOriginal();
    await compareTexts(page, copy, original);
    assert.match(await page.textContent('#c-pct'), /^\d{1,2}% likely derived$/);
    assert.ok(Number((await page.textContent('#c-pct')).match(/\d+/)[0]) >= 50);
    assert.equal(await page.getAttribute('#c-relation', 'data-relation'), 'partial');
    // The phrases found both ways, and the copy's words found in the original.
    assert.match(await page.textContent('#c-coverage'),
      /^\d{1,3}% of the copy's phrases are in the original; \d{1,3}% of the original's are reused\. \d{1,3}% of the copy's words are in the original\.$/);
    const left = await page.locator('#c-page mark').count();
    const right = await page.locator('#c-original mark').count();
    assert.ok(left >= 3 && right >= 3, `passages: ${left} / ${right}`);
    // Hovering a passage lights up its counterpart on the other side.
    const first = page.locator('#c-page mark.exact').first();
    const linkId = await first.getAttribute('data-link');
    await first.hover();
    assert.equal(await page.locator(`#c-original mark[data-link="${linkId}"].linked`).count(), 1);
    assert.ok(await page.locator('#c-alignment tbody tr').count() >= 3);
    assert.equal(await page.textContent('#c-overlap-head'), 'Overlap');
    assert.notEqual(await page.getAttribute('#c-alignment-note', 'hidden'), null);
    await page.screenshot({ path: join(SHOTS, 'www-desktop.png'), fullPage: false });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(SHOTS, 'www-phone.png'), fullPage: false });
    await page.evaluate(() => document.getElementById('compare-result').scrollIntoView());
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    await page.screenshot({ path: join(SHOTS, 'www-phone-result.png'), fullPage: false });
    await page.close();
  });

  test("an independent report of the same event: the same story, none of its sentences called reworded", async () => {
    const page = await open({ width: 1280, height: 900 });
    // Press TV's own report of the Kremlin's remarks: it quotes the same speaker and tells the
    // same facts, so its sentences align with the Reuters story's on their shared words.
    const report = JSON.parse(readFileSync(STORY, 'utf8').split('\n').find((l) => l.includes('"presstv.ir"'))).text;
    await compareTexts(page, report, reutersOriginal());
    assert.equal(await page.getAttribute('#c-relation', 'data-relation'), 'related');
    assert.equal(await page.locator('#c-page mark.reworded').count(), 0);
    assert.ok(await page.locator('#c-page mark.exact').count() >= 1, 'the quotation both hold');
    assert.ok(await page.isHidden('#c-legend'));
    assert.match(await page.textContent('#c-legend-same'), /the same words/);
    const kinds = await page.locator('#c-alignment tbody tr td:nth-child(4)').allTextContents();
    assert.ok(kinds.every((k) => k === 'the same words'), kinds.join(', '));
    await page.close();
  });

  test('a translation: each of its sentences beside the one it translates', async () => {
    const page = await open({ width: 1280, height: 900 });
    // The demo story in German, written for the tests: its sentences share a name or a number
    // with the original's at most, and are aligned by their places.
    const german = demoGerman();
    await compareTexts(page, german, demoOriginal());
    assert.equal(await page.getAttribute('#c-relation', 'data-relation'), 'translated');
    assert.equal(await page.textContent('#c-legend-reworded'), 'translated');
    assert.equal(await page.locator('#c-page mark.reworded').count(), 10);
    assert.equal(await page.locator('#c-original mark.reworded').count(), 10);
    const kinds = await page.locator('#c-alignment tbody tr td:nth-child(4)').allTextContents();
    assert.deepEqual(kinds, Array(10).fill('translated'));
    // What each pair has in common: the names, numbers and dates a translation keeps.
    assert.equal(await page.textContent('#c-overlap-head'), 'Names and numbers in both');
    const inBoth = await page.locator('#c-alignment tbody tr td:nth-child(3)').allTextContents();
    assert.ok(inBoth.includes('Elena · Marsh'), inBoth.join(' | '));
    assert.ok(inBoth.includes('41.000 · 1962'), inBoth.join(' | '));
    assert.equal(await page.getAttribute('#c-alignment-note', 'hidden'), null);
    // The ferries' sentence lights up the one it translates.
    const ferries = page.locator('#c-page mark.reworded', { hasText: 'Fähren zwischen' });
    await ferries.hover();
    const linked = page.locator(`#c-original mark[data-link="${await ferries.getAttribute('data-link')}"].linked`);
    assert.match(await linked.textContent(), /^Ferries between the two districts/);
    await page.screenshot({ path: join(SHOTS, 'www-translation.png'), fullPage: false });
    // Checked against the bundled list, which holds the demo story: its translated sentences,
    // found by the names and numbers they carry, beside what the list knows of the original.
    await page.click('.tab[data-view="check"]');
    await page.fill('#check-text', german);
    await page.click('#check');
    await page.waitForSelector('#ranking:not([hidden])');
    await page.locator('#ranking tbody tr').first().locator('button').click();
    await page.waitForSelector('#detail:not([hidden])');
    assert.equal(await page.textContent('#d-legend-reworded'), 'translated');
    assert.equal(await page.locator('#d-page mark.reworded').count(), 6);
    // What a translation carries over, not words or sentences it does not share.
    const facts = await page.locator('#d-meta').textContent();
    assert.match(facts, /Its names and numbers in the text\s*85%/);
    assert.doesNotMatch(facts, /sentences copied whole/);
    await page.close();
  });

  test('says where a short text is called a copy on shared words alone', async () => {
    const page = await open({ width: 1280, height: 900 });
    const demo = demoOriginal();
    await compareTexts(page, BRIEF, demo);
    assert.equal(await page.getAttribute('#c-relation', 'data-relation'), 'rewritten');
    assert.match(await page.textContent('#c-short'), /^A short text \(78 words\) with no passage copied word for word/);
    // Its first two paragraphs, as short but copied word for word, are a copy without doubt.
    await page.fill('#page-text', demo.split('\n\n').slice(0, 2).join('\n\n'));
    await page.click('#compare');
    await page.waitForSelector('#c-short', { state: 'hidden' });
    // The story's first paragraphs in German: a short translation shares names and numbers.
    await page.fill('#page-text', demoGerman().split('\n\n').slice(0, 3).join('\n\n'));
    await page.click('#compare');
    await page.waitForSelector('#c-short:not([hidden])');
    assert.match(await page.textContent('#c-short'), /^A short text \(73 words\): .* in another language, can share as many of the original's names and numbers/);
    // Checked against the bundled list, which holds the demo story.
    await page.click('.tab[data-view="check"]');
    await page.fill('#check-text', BRIEF);
    await page.click('#check');
    await page.waitForSelector('#ranking:not([hidden])');
    assert.match(await page.textContent('#check-short'), /^A short text \(78 words\)/);
    await page.screenshot({ path: join(SHOTS, 'www-short.png') });
    await page.fill('#check-text', demo);
    await page.click('#check');
    await page.waitForSelector('#check-short', { state: 'hidden' });
    await page.close();
  });

  test('ranks the Reuters original first for the Reuters republication', async () => {
    const page = await open({ width: 1280, height: 900 });
    await page.click('.tab[data-view="check"]');
    await page.fill('#check-text', readFileSync(join(SEEDS, '003_5642dc05dc4bace3.txt'), 'utf8'));
    await page.click('#check');
    await page.waitForSelector('#ranking:not([hidden])');
    const first = await page.locator('#ranking tbody tr').first().locator('td').allTextContents();
    assert.equal(first[1], 'Reuters');
    assert.match(first[2], /Kremlin accuses U\.S\. of meddling/);
    await page.screenshot({ path: join(SHOTS, 'www-check.png') });
    // The detail says what the score is made of, the copied whole sentences among it.
    await page.locator('#ranking tbody tr').first().locator('button').click();
    await page.waitForSelector('#detail:not([hidden])');
    const facts = await page.locator('#d-meta').textContent();
    assert.match(facts, /Its words in sentences copied whole\s*\d+%/);
    await page.locator('#detail').screenshot({ path: join(SHOTS, 'www-detail.png') });
    await page.close();
  });

  test("checks against a list of the reader's own for the visit, and refuses a damaged one", async () => {
    const { own, damaged } = demoLists(SHOTS, 'www-');

    const page = await open({ width: 1280, height: 900 });
    await page.click('.tab[data-view="check"]');
    assert.match(await page.textContent('#list-in-use'), /^Known originals: the bundled list \([\d,]+\)/);
    await page.setInputFiles('#list-file', own);
    await page.waitForSelector('body[data-list="own"]');
    assert.match(await page.textContent('#list-in-use'), /^Known originals: your list “www-demo\.provlist” \(1\), for this visit only/);
    assert.equal(await page.textContent('#engine-info'), '1 known original');
    await page.screenshot({ path: join(SHOTS, 'www-own-list.png') });
    await page.fill('#check-text', readFileSync(join(ROOT, 'examples/demo/article.txt'), 'utf8'));
    await page.click('#check');
    await page.waitForSelector('#ranking:not([hidden])');
    assert.equal((await page.locator('#ranking tbody tr').first().locator('td').allTextContents())[1], 'Northwind Wire');
    // A seed article is unknown to this list.
    await page.fill('#check-text', readFileSync(join(SEEDS, '003_5642dc05dc4bace3.txt'), 'utf8'));
    await page.click('#check');
    assert.equal(await page.textContent('#check-status'), 'No known original shares anything with this text.');
    // A damaged file is refused with the engine's reason; the list in use stays.
    await page.setInputFiles('#list-file', damaged);
    await page.waitForSelector('#list-message[data-kind="error"]');
    assert.equal(await page.textContent('#list-message'),
      '“www-damaged.provlist” was not taken: list body is damaged (checksum mismatch). The list in use has not changed.');
    assert.equal(await page.getAttribute('body', 'data-list'), 'own');
    // And the bundled list again: the seed article's original is ranked.
    await page.click('#list-bundled');
    await page.waitForSelector('body[data-list="bundled"]');
    await page.click('#check');
    await page.waitForSelector('#ranking:not([hidden])');
    assert.equal((await page.locator('#ranking tbody tr').first().locator('td').allTextContents())[1], 'Reuters');
    await page.close();
  });

  test('lists no original for an unrelated text', async () => {
    const page = await open({ width: 1280, height: 900 });
    await page.click('.tab[data-view="check"]');
    await page.fill('#check-text', 'Der Stadtrat von Freiburg hat am Dienstag beschlossen, die Straßenbahnlinie bis zum neuen '
      + 'Stadtteil zu verlängern. Die Bauarbeiten sollen im Frühjahr beginnen und etwa zwei Jahre dauern. Anwohner hatten '
      + 'sich lange für die Verbindung eingesetzt, weil die Busse im Berufsverkehr überfüllt sind.');
    await page.click('#check');
    assert.equal(await page.textContent('#check-status'), 'No known original shares anything with this text.');
    assert.ok(await page.locator('#ranking').isHidden());
    await page.close();
  });

  test('accepts dropped files, shows a ranked original, saves a report', async () => {
    const page = await open({ width: 1280, height: 900 });
    const html = `<html><body><nav>Home · World</nav><h1>Kremlin says ready to talk</h1>${
      readFileSync(join(SEEDS, '003_5642dc05dc4bace3.txt'), 'utf8').split('\n').filter(Boolean).map((p) => `<p>${p.replace(/</g, '&lt;')}</p>`).join('')}<footer>© News</footer></body></html>`;
    await page.click('.tab[data-view="check"]');
    await page.evaluate((h) => {
      const dt = new DataTransfer();
      dt.items.add(new File([h], 'article.html', { type: 'text/html' }));
      document.getElementById('check-text').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, html);
    await page.waitForFunction(() => document.getElementById('check-text').value.startsWith('Kremlin says ready to talk'));
    assert.ok(!(await page.inputValue('#check-text')).includes('Home · World'), 'navigation is dropped with the HTML');
    await page.click('#check');
    await page.click('#ranking tbody tr:first-child button');
    await page.waitForSelector('#detail:not([hidden])');
    assert.ok(await page.locator('#d-page mark').count() >= 3);
    assert.match(await page.textContent('#d-meta'), /Reuters/);
    await page.click('.tab[data-view="compare"]');
    await page.fill('#page-text', await page.inputValue('#check-text'));
    await page.fill('#original-text', reutersOriginal());
    await page.click('#compare');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save')]);
    const saved = readFileSync(await download.path(), 'utf8');
    assert.match(saved, /<style>/);
    assert.match(saved, /likely derived/);
    assert.ok(!/<script|src=|href="[^#]/.test(saved.replace(/href="https?:[^"]*"/g, '')), 'self-contained');
    await page.close();
  });

  test('the guided example: a heat map where each version scores highest on its own original', async () => {
    const page = await open({ width: 1280, height: 900 });
    await page.click('.tab[data-view="example"]');
    await page.waitForSelector('#example:not([hidden])');
    const rows = page.locator('#heatmap tbody tr');
    assert.equal(await rows.count(), 5);
    for (let i = 0; i < 5; i++) {
      const cells = (await rows.nth(i).locator('td').allTextContents()).map((t) => Number(t.replace('%', '')));
      const truth = await rows.nth(i).locator('td').evaluateAll((tds) => tds.findIndex((td) => td.classList.contains('truth')));
      assert.ok(cells[truth] >= 50, `row ${i}: its original scores ${cells[truth]}`);
    }
    assert.equal(await page.locator('#walkthrough li').count(), 5);
    await page.screenshot({ path: join(SHOTS, 'www-example.png'), fullPage: true });
    await page.locator('#heatmap td.truth button').first().click();
    await page.waitForSelector('#compare-result:not([hidden])');
    assert.ok(await page.locator('#c-page mark').count() >= 1);
    await page.close();
  });

  test('opens and works offline once loaded', async () => {
    const page = await open({ width: 1280, height: 900 });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    assert.equal(await page.textContent('#offline-info'), ' · works offline');
    // No server and no network: the reload must come from the service worker's cache alone.
    server.closeAllConnections();
    await new Promise((ok) => server.close(ok));
    server = null;
    await page.context().setOffline(true);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await compareTexts(page, readFileSync(join(SEEDS, '003_5642dc05dc4bace3.txt'), 'utf8'), reutersOriginal());
    assert.ok(await page.locator('#c-page mark').count() >= 3);
    await page.click('.tab[data-view="example"]');
    assert.equal(await page.locator('#heatmap tbody tr').count(), 5);
    await page.close();
  });

  test('no console errors', () => {
    assert.deepEqual(errors, []);
  });
});
