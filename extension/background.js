// provenance background: the context menu only. Checking happens in the popup (which runs the
// wasm engine); the page's text never leaves the browser.

const api = globalThis.browser ?? globalThis.chrome;
const MENU_ID = 'provenance-check-selection';

api.runtime.onInstalled.addListener(() => {
  api.contextMenus.create({
    id: MENU_ID,
    title: api.i18n.getMessage('menuCheckSelection'),
    contexts: ['selection'],
  });
});

api.contextMenus.onClicked.addListener(async (info, tab) => {
  if (info.menuItemId !== MENU_ID || !tab) return;
  // The popup picks the pending selection up when it opens.
  await api.storage.session.set({ pendingSelection: { tabId: tab.id, text: info.selectionText ?? '' } });
  try {
    await api.action.openPopup();
  } catch {
    // Browsers that refuse to open the popup here: open it as a small window instead.
    await api.windows.create({ url: api.runtime.getURL(`popup.html?tabId=${tab.id}`), type: 'popup', width: 420, height: 640 });
  }
});
