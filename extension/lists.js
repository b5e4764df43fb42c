// The list of originals the extension checks against: the bundled one, or a list of the reader's
// own (built with `provenance build-list`) chosen on the options page. An own list is kept in the
// extension's IndexedDB, which the popup and the options page share and nothing else can read;
// like the page's text, it never leaves the browser.

const DB = 'provenance';
const STORE = 'lists';
const OWN = 'own';

/** Largest list file the options page accepts: a 100,000-original list is about 25 MB. */
export const MAX_LIST_BYTES = 64 * 1024 * 1024;

function openDb() {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** Runs `act` on the store in one transaction; resolves to its request's result once committed. */
async function transact(mode, act) {
  const db = await openDb();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = act(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

/** The reader's own list, `{ bytes: ArrayBuffer, name, originals, added }`, or undefined. */
export const ownList = () => transact('readonly', (store) => store.get(OWN));

/** Keeps `list` (the same shape) as the reader's own list, replacing any before it. */
export const keepOwnList = (list) => transact('readwrite', (store) => store.put(list, OWN));

/** Forgets the reader's own list: checks use the bundled list again. */
export const forgetOwnList = () => transact('readwrite', (store) => store.delete(OWN));

/** The bundled list's bytes. */
export const bundledList = () =>
  fetch(new URL('lists/default.provlist', import.meta.url)).then((r) => r.arrayBuffer());
