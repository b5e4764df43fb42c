// provenance options: which list of originals the popup checks pages against. A list file the
// reader chooses is loaded in the wasm engine first, so a damaged or foreign file is refused with
// the engine's reason and the list in use stays as it was; a list taken is kept in the
// extension's IndexedDB (lists.js) and used by the popup from its next opening.
import init, { Engine } from './pkg/provenance.js';
import { MAX_LIST_BYTES, bundledList, forgetOwnList, keepOwnList, ownList } from './lists.js';

const api = globalThis.browser ?? globalThis.chrome;
const $ = (id) => document.getElementById(id);
const t = (key, ...subs) => api.i18n.getMessage(key, subs.map(String)) || key;

/** A byte count as the reader reads it: "85 KB", "5.9 MB". */
function size(bytes) {
  return bytes < 1e6 ? `${Math.max(1, Math.round(bytes / 1e3))} KB` : `${(bytes / 1e6).toFixed(1)} MB`;
}

/** The number of originals in the list `bytes`; throws the engine's reason if it is no list. */
function originalsIn(bytes) {
  const engine = new Engine(new Uint8Array(bytes));
  try {
    return engine.originals;
  } finally {
    engine.free();
  }
}

/** Shows `text` under the file chooser, as an error or as done (`kind`). */
function say(text, kind) {
  $('message').textContent = text;
  $('message').dataset.kind = kind;
}

/** Says that the browser's storage refused `error` (a private window, a full disk). */
function sayStorageRefused(error) {
  say(t('storageUnavailable', error?.message || String(error)), 'error');
}

/** Says which list the popup uses now, and offers the bundled one back if it is another. */
async function showListInUse() {
  // Storage a browser refuses (a private window, a full disk) leaves the bundled list in use.
  const own = await ownList().catch((e) => {
    sayStorageRefused(e);
    return undefined;
  });
  $('in-use').textContent = own
    ? t('ownInUse', own.name, own.originals.toLocaleString(), size(own.bytes.byteLength), own.added)
    : t('bundledInUse', originalsIn(await bundledList()).toLocaleString());
  $('bundled').hidden = !own;
  document.body.dataset.list = own ? 'own' : 'bundled';
}

/** Takes the list file `file` as the reader's own if the engine reads it, else says why not. */
async function choose(file) {
  if (file.size > MAX_LIST_BYTES) {
    say(t('listTooLarge', file.name, size(MAX_LIST_BYTES)), 'error');
    return;
  }
  const bytes = await file.arrayBuffer();
  let originals;
  try {
    originals = originalsIn(bytes);
  } catch (e) {
    say(t('listRefused', file.name, e.message), 'error');
    return;
  }
  try {
    await keepOwnList({ bytes, name: file.name, originals, added: new Date().toISOString().slice(0, 10) });
  } catch (e) {
    sayStorageRefused(e);
    return;
  }
  say(t('listKept', file.name, originals.toLocaleString()), 'ok');
  await showListInUse();
}

async function main() {
  document.documentElement.lang = t('lang');
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  await init({ module_or_path: new URL('pkg/provenance_bg.wasm', import.meta.url) });
  $('file').addEventListener('change', async () => {
    const [file] = $('file').files;
    $('file').value = '';
    if (file) await choose(file);
  });
  $('bundled').addEventListener('click', async () => {
    try {
      await forgetOwnList();
      say(t('bundledAgain'), 'ok');
    } catch (e) {
      sayStorageRefused(e);
    }
    await showListInUse();
  });
  await showListInUse();
  document.body.dataset.ready = 'true';
}

main().catch((e) => say(t('optionsFailed', e.message || String(e)), 'error'));
