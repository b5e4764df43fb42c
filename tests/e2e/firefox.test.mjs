// The extension in Firefox ESR (Debian's), driven by puppeteer-core: it installs, a check of a
// served seed article produces a report naming its source, and a list of the reader's own chosen
// on the options page is kept (in Firefox's IndexedDB) and used by the popup. Firefox refuses
// direct navigation to moz-extension:// pages, so a test copy of the extension lists popup.html
// and options.html as web-accessible and a 127.0.0.1 tab navigates itself there.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { ROOT, testCopy, demoLists } from './harness.mjs';

const SEED = resolve(ROOT, '../shared/seeds/003_5642dc05dc4bace3.txt');
const FIREFOX = process.env.FIREFOX || '/usr/bin/firefox-esr';
const skip = (!existsSync(SEED) && 'needs ../shared/seeds') || (!existsSync(FIREFOX) && `needs ${FIREFOX}`);

describe('extension in Firefox', { skip }, () => {
  let server;
  let base;
  let browser;
  const uuid = randomUUID();

  before(async () => {
    const text = readFileSync(SEED, 'utf8');
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>News</title></head><body>
<nav>Home · World · Sport</nav><article>${text.split('\n').filter(Boolean).map((p) => `<p>${p.replace(/</g, '&lt;')}</p>`).join('\n')}</article>
<footer>© Daily Planet</footer></body></html>`;
    server = createServer((_, res) => { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(html); });
    await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
    base = `http://127.0.0.1:${server.address().port}`;

    const { dir: ext, manifest } = testCopy('firefox', {
      extra: { web_accessible_resources: [{ resources: ['popup.html', 'options.html'], matches: ['http://127.0.0.1/*'] }] },
    });
    const id = manifest.browser_specific_settings.gecko.id;

    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [id]: uuid }) },
    });
    await browser.installExtension(ext);
  });

  after(async () => {
    await browser?.close();
    server?.close();
  });

  test('installs, and a check names the source', async () => {
    const article = await browser.newPage();
    await article.goto(`${base}/article.html`);
    const popup = await browser.newPage();
    await popup.goto(`${base}/blank`);
    // First as an extension page without a tab id, to find the article's tab id...
    await popup.evaluate((u) => { location.href = u; }, `moz-extension://${uuid}/popup.html`);
    await popup.waitForFunction(() => typeof browser !== 'undefined' && browser.tabs, { timeout: 15000 });
    const tabId = await popup.evaluate(async (url) => (await browser.tabs.query({})).find((t) => t.url === url)?.id, `${base}/article.html`);
    assert.ok(tabId, 'the article tab is visible to the extension');
    // ...then the popup for that tab.
    await popup.evaluate((u) => { location.href = u; }, `moz-extension://${uuid}/popup.html?tabId=${tabId}`);
    await popup.waitForSelector('body[data-verdict]', { timeout: 20000 });
    const verdict = await popup.$eval('body', (b) => b.dataset.verdict);
    const source = (await popup.$eval('#source', (e) => e.textContent)).replace(/^—\s*/, '').trim();
    assert.ok(['verbatim', 'partial', 'rewritten', 'translated'].includes(verdict), `verdict ${verdict}`);
    assert.equal(source, 'Reuters');
  });

  test("keeps a list of the reader's own, which the popup then checks against", async () => {
    const { own } = demoLists(join(ROOT, 'target/e2e'), 'firefox-');
    const article = await browser.newPage();
    await article.goto(`${base}/article.html`);
    const page = await browser.newPage();
    await page.goto(`${base}/blank`);
    await page.evaluate((u) => { location.href = u; }, `moz-extension://${uuid}/options.html`);
    await page.waitForSelector('body[data-ready]', { timeout: 15000 });
    assert.equal(await page.$eval('body', (b) => b.dataset.list), 'bundled');
    await (await page.$('#file')).uploadFile(own);
    await page.waitForSelector('body[data-list="own"]', { timeout: 15000 });
    // The popup, for the article's tab, now uses the list of the demo story alone.
    const tabId = await page.evaluate(async (url) => (await browser.tabs.query({})).find((t) => t.url === url)?.id, `${base}/article.html`);
    await page.evaluate((u) => { location.href = u; }, `moz-extension://${uuid}/popup.html?tabId=${tabId}`);
    await page.waitForSelector('body[data-verdict]', { timeout: 20000 });
    assert.equal(await page.$eval('body', (b) => b.dataset.list), 'own');
    assert.equal(await page.$eval('body', (b) => b.dataset.verdict), 'none');
    // And back to the bundled list.
    await page.evaluate((u) => { location.href = u; }, `moz-extension://${uuid}/options.html`);
    await page.waitForSelector('body[data-ready]', { timeout: 15000 });
    await page.click('#bundled');
    await page.waitForSelector('body[data-list="bundled"]', { timeout: 15000 });
  });
});
