// Shared by the browser tests and the popup benchmark: a test copy of the built extension,
// Debian's headless Chromium with an extension loaded, and list files to choose.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');

/** A brief on the demo story in words of its own (78 words): short, sharing the story's words but no passage of them. */
export const BRIEF = readFileSync(join(ROOT, 'examples/demo/brief.txt'), 'utf8');

// Every temporary folder made through `tempDir` (extension copies, browser profiles, big lists),
// removed when the process exits, by which time the tests' `after` hooks have closed the
// browsers: runs leave nothing behind in the system's temporary folder.
const temporary = [];
process.on('exit', () => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true, maxRetries: 2 });
});

/** A new folder in the system's temporary folder, its name starting with `prefix`, removed at exit. */
export function tempDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

/**
 * Copies dist/<browser> to a temporary folder and lets it inject into 127.0.0.1 pages when its
 * popup is opened as a tab (the shipped extension relies on activeTab, granted by a real toolbar
 * click). `extra` adds manifest keys; `list` replaces the bundled list.
 */
export function testCopy(browser, { extra = {}, list } = {}) {
  const dir = tempDir(`provenance-${browser}-`);
  cpSync(join(ROOT, 'dist', browser), dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  Object.assign(manifest, { host_permissions: ['http://127.0.0.1/*'] }, extra);
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  if (list) cpSync(list, join(dir, 'lists/default.provlist'));
  return { dir, manifest };
}

/**
 * Headless Chromium with the extension in `dir`; resolves to the context and the extension id.
 * `args` are added to the browser's own (`--lang=de` for its interface in German).
 */
export async function launchChromium(dir, { args = [], ...options } = {}) {
  const ctx = await chromium.launchPersistentContext(tempDir('provenance-profile-'), {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    ...options,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      `--disable-extensions-except=${dir}`, `--load-extension=${dir}`, ...args],
  });
  const worker = ctx.serviceWorkers()[0] || await ctx.waitForEvent('serviceworker');
  return { ctx, extId: new URL(worker.url()).host };
}

/**
 * Two list files named `<prefix>demo.provlist` and `<prefix>damaged.provlist` in `dir`: the
 * project's demo story alone, built by the command line (`./build.sh test` has built it), and a
 * copy of it with one bit flipped.
 */
export function demoLists(dir, prefix = '') {
  mkdirSync(dir, { recursive: true });
  const own = join(dir, `${prefix}demo.provlist`);
  const built = spawnSync(join(ROOT, 'target/release/provenance'),
    ['build-list', '-q', join(ROOT, 'examples/demo/originals.jsonl'), '-o', own]);
  if (built.status !== 0) throw new Error(`provenance build-list: ${built.stderr}`);
  const damaged = join(dir, `${prefix}damaged.provlist`);
  const bytes = readFileSync(own);
  bytes[bytes.length - 3] ^= 0x40;
  writeFileSync(damaged, bytes);
  return { own, damaged };
}
