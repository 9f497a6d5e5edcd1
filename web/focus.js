// Where the keyboard focus goes: kept across a re-rendering of the
// editors, and moved to the field or button an action leaves the user at.

// The focused field's path (or id) and selection, before a re-rendering.
function rememberFocus() {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const memo = { path: el.getAttribute('data-path'), id: el.id };
  try {
    memo.start = el.selectionStart;
    memo.end = el.selectionEnd;
  } catch (e) { /* not a text field */ }
  return memo;
}

function restoreFocus(memo) {
  if (!memo || (document.activeElement && document.activeElement !== document.body && document.body.contains(document.activeElement))) return;
  let el = null;
  if (memo.path) el = document.querySelector('[data-path="' + CSS.escape(memo.path) + '"]');
  if (!el && memo.id) el = document.getElementById(memo.id);
  if (!el) return;
  el.focus();
  if (typeof memo.start === 'number' && typeof el.setSelectionRange === 'function') {
    try { el.setSelectionRange(memo.start, memo.end); } catch (e) { /* not a text field */ }
  }
}

// The first of the selectors that finds a visible, enabled element.
function focusSelector(selectors) {
  for (const selector of selectors) {
    const el = selector && document.querySelector(selector);
    if (el && !el.disabled && el.offsetParent !== null) {
      el.focus();
      // A new row's default name is selected, so typing replaces it.
      if (el.tagName === 'INPUT' && el.type === 'text') el.select();
      return;
    }
  }
}

// The selector of the field that edits the document at a JSON pointer.
function byPath(path) {
  return '[data-path="' + CSS.escape(path) + '"]';
}

export { rememberFocus, restoreFocus, focusSelector, byPath };
