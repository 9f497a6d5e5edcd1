// Ångra after a removal or a paste: the message with its undo button in the
// toast beside the table, for a while. An undo belongs to the document and
// level it was offered on; another one voids it.
import { focusSelector } from './focus.js';
import { store } from './page-store.js';
import { Toast } from './views/scenarios.js';

const UNDO_MS = 10000;
// The collection's one toast: a removal's undo and a paste's share it.
const TOAST_OF = { indicators: 'indicators-toast', recipients: 'recipients-toast' };
const toasts = {};
let undoDocument = null;

function toastOf(collection) {
  return toasts[collection] || (toasts[collection] = new Toast(document.getElementById(TOAST_OF[collection]), (hadFocus) => {
    if (hadFocus) focusSelector(['[data-action="add"][data-collection="' + collection + '"]']);
  }));
}

// texts() → [message, button label, button's accessible name], in the
// language of the moment; undo() runs only on the same document and level.
// Returns the undo button.
function offerUndo(collection, texts, undo) {
  const path = store.path;
  undoDocument = store.scenario;
  return toastOf(collection).show(texts, () => {
    if (store.scenario !== undoDocument || store.path !== path) return;
    undo();
  }, UNDO_MS);
}

// Another document is open: no undo of the one before.
function forgetUndo() {
  for (const toast of Object.values(toasts)) toast.hide();
  undoDocument = null;
}

function relabelUndo() {
  for (const toast of Object.values(toasts)) toast.relabel();
}

export { offerUndo, forgetUndo, relabelUndo };
