// provenance content script: injected on demand by the popup (activeTab), never on its own.
// It only reads the article and highlights passages; matching runs in the popup's wasm engine.
(() => {
  if (globalThis.__provenanceContent) return;
  globalThis.__provenanceContent = true;
  const api = globalThis.browser ?? globalThis.chrome;
  const MARK = 'provenance-mark';
  const BLOCKS = 'h1,h2,h3,h4,h5,h6,p,li,blockquote,pre,figcaption,td';

  /** Paragraph texts of an element, one per block, so sentences do not run together. */
  function blockText(root) {
    const blocks = [...root.querySelectorAll(BLOCKS)].filter((b) => !b.querySelector(BLOCKS));
    const parts = (blocks.length ? blocks : [root]).map((b) => b.textContent.replace(/\s+/g, ' ').trim());
    return parts.filter(Boolean).join('\n\n');
  }

  /** The article: Readability on a clone of the document, else the page's visible text. */
  function extract() {
    const lang = document.documentElement.lang || '';
    try {
      if (typeof Readability === 'function') {
        const article = new Readability(document.cloneNode(true)).parse();
        if (article && article.content) {
          const doc = new DOMParser().parseFromString(article.content, 'text/html');
          const body = blockText(doc.body);
          if (body.split(/\s+/).length >= 40) {
            const title = (article.title || '').trim();
            return { text: title ? `${title}\n\n${body}` : body, lang, via: 'readability' };
          }
        }
      }
    } catch (e) {
      // Readability failed on this page: fall back to the page's text below.
    }
    return { text: (document.body?.innerText || '').trim(), lang, via: 'page' };
  }

  /** Text nodes of the live page, with whitespace runs collapsed, and where each char came from. */
  function pageIndex() {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (n.parentElement?.closest('script,style,noscript,textarea,template')
        ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    let text = '';
    const at = []; // at[i] = [node, offset] of text[i]
    let lastSpace = true;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const s = n.nodeValue;
      for (let i = 0; i < s.length; i++) {
        const space = /\s/.test(s[i]);
        if (space && lastSpace) continue;
        text += space ? ' ' : s[i];
        at.push([n, i]);
        lastSpace = space;
      }
    }
    return { text, at };
  }

  /** Wraps text[start, end) of the index in marks of `kind`, node by node. */
  function wrap(index, start, end, kind) {
    const pieces = new Map();
    for (let i = start; i < end; i++) {
      const [node, off] = index.at[i];
      const p = pieces.get(node) || { from: off, to: off };
      p.to = off + 1;
      pieces.set(node, p);
    }
    let first = null;
    for (const [node, { from, to }] of pieces) {
      const range = document.createRange();
      range.setStart(node, from);
      range.setEnd(node, to);
      const mark = document.createElement('mark');
      mark.className = MARK;
      mark.dataset.kind = kind;
      range.surroundContents(mark);
      first = first || mark;
    }
    return first;
  }

  function addStyle() {
    if (document.getElementById(`${MARK}-style`)) return;
    const style = document.createElement('style');
    style.id = `${MARK}-style`;
    style.textContent = `mark.${MARK}{background:#ffe08a;color:inherit;border-radius:2px;box-shadow:0 0 0 1px #e0b400}`
      + `mark.${MARK}[data-kind="reworded"]{background:#cfe3ff;box-shadow:0 0 0 1px #6d9eeb}`;
    document.head.append(style);
  }

  /** Highlights each passage (its text) in the page; returns how many were found. */
  function highlight(passages) {
    clear();
    addStyle();
    let found = 0;
    let first = null;
    for (const p of passages) {
      // Paragraphs are searched one by one: the page's blocks are separate text nodes.
      for (const piece of p.text.split(/\n+/)) {
        const needle = piece.replace(/\s+/g, ' ').trim();
        if (needle.length < 12) continue;
        const index = pageIndex();
        const at = index.text.indexOf(needle);
        if (at < 0) continue;
        const mark = wrap(index, at, at + needle.length, p.kind);
        first = first || mark;
        found++;
      }
    }
    first?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    return found;
  }

  /** Removes every mark and the style, leaving the page's text nodes as they were. */
  function clear() {
    for (const mark of document.querySelectorAll(`mark.${MARK}`)) {
      const parent = mark.parentNode;
      mark.replaceWith(...mark.childNodes);
      parent.normalize();
    }
    document.getElementById(`${MARK}-style`)?.remove();
  }

  api.runtime.onMessage.addListener((msg, _sender, reply) => {
    if (msg?.type === 'extract') reply(extract());
    else if (msg?.type === 'selection') reply({ text: String(globalThis.getSelection?.() ?? '').trim() });
    else if (msg?.type === 'highlight') reply({ found: highlight(msg.passages || []) });
    else if (msg?.type === 'clear') { clear(); reply({ ok: true }); }
  });
})();
