// The extension in Firefox ESR (Debian's), driven by puppeteer-core: it installs, and a check of
// a served seed article produces a report naming its source. Firefox refuses direct navigation
// to moz-extension:// pages, so a test copy of the extension lists popup.html as web-accessible
// and a 127.0.0.1 tab navigates itself there.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { ROOT, testCopy } from './harness.mjs';

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
      extra: { web_accessible_resources: [{ resources: ['popup.html'], matches: ['http://127.0.0.1/*'] }] },
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
});
