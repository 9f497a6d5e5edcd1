// Editors of long documents that the user has not opened (a closed
// <details>, a hidden section) are drawn when they open, not on every
// change: with thousands of recipients a table of every row, one per
// editor, is most of what an edit would cost. Small documents are drawn
// as before, open or not.
import { clear } from '../dom.js';

  // view: an editor view; box: the element whose being shown counts (a
  // <details>, or a section with the hidden attribute); methods: those
  // that draw (the first one draws it all; the rest are replayed after it);
  // large(): whether the document is long enough to wait.
  function drawWhenOpen(view, box, methods, large) {
    const shown = () => (box.tagName === 'DETAILS' ? box.open : !box.hidden) && !box.closest('[hidden]');
    const pending = new Map(); // method → its latest arguments
    for (const name of methods) {
      const draw = view[name];
      if (typeof draw !== 'function') continue;
      view[name] = function (...args) {
        if (!shown() && large()) {
          // What it showed is of an earlier document: gone, so that no field
          // of it answers a query for a path.
          if (name === methods[0] && !pending.has(name)) clear(view.container);
          pending.set(name, args);
          return undefined;
        }
        pending.delete(name);
        return draw.apply(this, args);
      };
    }
    const open = () => {
      if (!shown() || !pending.size) return;
      for (const name of methods) {
        if (!pending.has(name)) continue;
        const args = pending.get(name);
        pending.delete(name);
        view[name].apply(view, args);
      }
    };
    if (box.tagName === 'DETAILS') box.addEventListener('toggle', open);
    else new MutationObserver(open).observe(box, { attributes: true, attributeFilter: ['hidden'] });
  }

export { drawWhenOpen };
