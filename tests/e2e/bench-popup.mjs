// Popup benchmark: time from opening the popup to a shown result, in headless Chromium, with the
// bundled list and with a 20,000-original list; and the engine's size. Prints figures (never a
// test). Run: ./build.sh bench-popup (after ./build.sh extension and a release build).
import { createServer } from 'node:http';
import { readFileSync, writeFileSync, statSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { ROOT, testCopy, launchChromium, tempDir } from './harness.mjs';

const SHARED = resolve(ROOT, '../shared');
const RUNS = 15;

/** 20,000 synthetic originals of ~350 words from the public originals' sentences (fixed seed). */
function bigList(dir) {
  const sentences = [];
  for (const set of readdirSync(join(SHARED, 'eval'))) {
    let text;
    try { text = readFileSync(join(SHARED, 'eval', set, 'originals.jsonl'), 'utf8'); } catch { continue; }
    for (const line of text.split('\n').filter(Boolean)) {
      for (const s of JSON.parse(line).text.split('. ')) if (s.split(' ').length >= 8) sentences.push(s);
    }
  }
  let x = 2463534242;
  const next = () => { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; return x; };
  const lines = [];
  for (let i = 0; i < 20000; i++) {
    let text = '';
    while (text.split(' ').length < 350) text += `${sentences[next() % sentences.length]}. `;
    lines.push(JSON.stringify({ id: `syn-${i}`, source: `Agency ${i % 40}`, title: `Story ${i}`, url: `https://example.org/${i}`, published: '2026-01-01', lang: 'en', text }));
  }
  const jsonl = join(dir, 'big.jsonl');
  writeFileSync(jsonl, lines.join('\n'));
  const out = join(dir, 'big.provlist');
  execFileSync(join(ROOT, 'target/release/provenance'), ['build-list', '-q', jsonl, '-o', out]);
  return out;
}

async function measure(listFile, label) {
  const { dir } = testCopy('chrome', { list: listFile });
  const article = readFileSync(join(SHARED, 'seeds/003_5642dc05dc4bace3.txt'), 'utf8');
  const html = `<!doctype html><html lang="en"><body><article>${article.split('\n').filter(Boolean).map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
  const server = createServer((_, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end(html); });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { ctx, extId: id } = await launchChromium(dir);
  const worker = ctx.serviceWorkers()[0];
  const page = await ctx.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  const tabId = await worker.evaluate(async () => (await chrome.tabs.query({})).find((t) => (t.url || '').startsWith('http://127.0.0.1'))?.id);
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const popup = await ctx.newPage();
    const t0 = performance.now();
    await popup.goto(`chrome-extension://${id}/popup.html?tabId=${tabId}`);
    await popup.waitForSelector('body[data-verdict]');
    times.push(performance.now() - t0);
    await popup.close();
  }
  await ctx.close();
  server.close();
  times.sort((a, b) => a - b);
  const list = listFile || join(ROOT, 'lists/default.provlist');
  console.log(`${label}: popup open to result, median ${times[RUNS >> 1].toFixed(0)} ms (min ${times[0].toFixed(0)}, max ${times[RUNS - 1].toFixed(0)}), list ${(statSync(list).size / 1e6).toFixed(2)} MB`);
}

const wasm = readFileSync(join(ROOT, 'dist/chrome/pkg/provenance_bg.wasm'));
console.log(`wasm engine: ${wasm.length} bytes, ${gzipSync(wasm, { level: 9 }).length} gzipped`);
await measure(null, 'bundled list (460 originals)');
await measure(bigList(tempDir('provenance-biglist-')), '20,000-original list');
