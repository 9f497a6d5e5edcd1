// The rows of a long table drawn only near what is seen: the recipients'
// editor and the result table keep one <tbody> whose rows are drawn for the
// part of the list in view, with spacer rows above and below standing in
// for the rest, and a filter box, as the browser's find cannot see rows that
// are not drawn. Rows are kept by their index, so an edit updates the drawn
// rows in place instead of building them again.
import { h } from '../dom.js';
import { number } from '../format.js';
import { t } from '../i18n.js';

  // Tables up to this many rows are drawn whole, as before: no scrolling box,
  // no filter, and the browser's find and print see every row.
  const ALL_DRAWN = 100;
  // Rows drawn beyond each edge of the view, so that scrolling a little
  // shows rows at once.
  const OVERSCAN = 12;
  const GUESSED_ROW_PX = 38;

  // opts: {scroller, body (the tbody), columns (cells per row), headerRows
  // (rows above the body, for aria-rowindex), draw(index) → tr,
  // update(tr, index) (brings a drawn row up to date in place),
  // drawn(trs) (after rows were added to the body, e.g. to decorate them)}.
  function VirtualRows(opts) {
    this.opts = opts;
    this.scroller = opts.scroller;
    this.body = opts.body;
    this.list = []; // the data indices shown, in order (all, or those the filter matches)
    this.total = 0;
    this.drawn = new Map(); // index → tr
    this.rowPx = GUESSED_ROW_PX;
    this.from = 0;
    this.to = 0;
    this.frame = 0;
    this.top = h('tr', { class: 'spacer', 'aria-hidden': 'true' }, h('td', { colspan: String(opts.columns) }));
    this.bottom = h('tr', { class: 'spacer', 'aria-hidden': 'true' }, h('td', { colspan: String(opts.columns) }));
    this.onScroll = () => this.schedule();
    this.scroller.addEventListener('scroll', this.onScroll, { passive: true });
    window.addEventListener('resize', this.onScroll);
  }

  VirtualRows.ALL_DRAWN = ALL_DRAWN;
  VirtualRows.virtual = (count) => count > ALL_DRAWN;

  // The rows to show: `list`, data indices in order (null: all `total`).
  VirtualRows.prototype.setRows = function (list, total) {
    this.total = total;
    this.list = list || range(total);
    this.virtual = VirtualRows.virtual(total);
    this.scroller.classList.toggle('virtual', this.virtual);
    this.draw(true);
  };

  // Every drawn row brought up to date (the data changed, the rows did not).
  VirtualRows.prototype.refresh = function () {
    for (const [index, tr] of this.drawn) this.opts.update(tr, index);
  };

  VirtualRows.prototype.rowOf = function (index) {
    return this.drawn.get(index) || null;
  };

  VirtualRows.prototype.positionOf = function (index) {
    const tr = this.drawn.get(index);
    if (tr && this.list[tr.virtualPosition] === index) return tr.virtualPosition;
    return this.list.indexOf(index);
  };

  VirtualRows.prototype.schedule = function () {
    if (this.frame) return;
    this.frame = window.requestAnimationFrame(() => {
      this.frame = 0;
      this.draw(false);
    });
  };

  VirtualRows.prototype.stop = function () {
    this.scroller.removeEventListener('scroll', this.onScroll);
    window.removeEventListener('resize', this.onScroll);
    if (this.frame) window.cancelAnimationFrame(this.frame);
    this.frame = 0;
  };

  // Which positions of the list are near the view.
  VirtualRows.prototype.window = function () {
    const n = this.list.length;
    if (!this.virtual) return [0, n];
    const height = this.scroller.clientHeight || 600;
    let first = 0;
    if (this.body.isConnected && this.scroller.clientHeight) first = Math.floor(-this.bodyOffset() / this.rowPx);
    first = Math.max(0, Math.min(n, first));
    const from = Math.max(0, first - OVERSCAN);
    const to = Math.min(n, first + Math.ceil(height / this.rowPx) + 1 + OVERSCAN);
    return [from, to];
  };

  // Where the body's first row would be, from the top of the scrolling box
  // (negative once scrolled past).
  VirtualRows.prototype.bodyOffset = function () {
    return this.body.getBoundingClientRect().top - this.scroller.getBoundingClientRect().top;
  };

  // Draws the rows of the window: rows already drawn are kept (and, when
  // `all`, updated), rows that left it are taken out.
  VirtualRows.prototype.draw = function (all) {
    const [from, to] = this.window();
    const body = this.body;
    const wanted = new Map();
    for (let p = from; p < to; p += 1) wanted.set(this.list[p], p);
    for (const [index, tr] of this.drawn) {
      if (wanted.has(index)) continue;
      tr.remove();
      this.drawn.delete(index);
    }
    const added = [];
    if (this.virtual) {
      if (this.top.parentNode !== body) body.insertBefore(this.top, body.firstChild);
    } else {
      this.top.remove();
    }
    let next = this.virtual ? this.top.nextSibling : body.firstChild;
    for (let p = from; p < to; p += 1) {
      const index = this.list[p];
      let tr = this.drawn.get(index);
      if (!tr) {
        tr = this.opts.draw(index);
        this.drawn.set(index, tr);
        added.push(tr);
      } else if (all) {
        this.opts.update(tr, index);
      }
      tr.virtualPosition = p;
      tr.setAttribute('aria-rowindex', String(index + 1 + (this.opts.headerRows || 1)));
      tr.setAttribute('data-row', String(index));
      if (tr !== next) body.insertBefore(tr, next);
      else next = next.nextSibling;
    }
    if (this.virtual) body.appendChild(this.bottom);
    else this.bottom.remove();
    this.from = from;
    this.to = to;
    if (this.virtual) {
      // The first drawn row's height stands for every row (the stylesheet
      // keeps them one line high).
      const first = this.drawn.get(this.list[from]);
      const px = first && first.getBoundingClientRect().height;
      if (px > 4) this.rowPx = px;
      setHeight(this.top, from * this.rowPx);
      setHeight(this.bottom, (this.list.length - to) * this.rowPx);
    }
    if (added.length && this.opts.drawn) this.opts.drawn(added);
  };

  // Brings the row at `position` of the list into view and draws it.
  VirtualRows.prototype.reveal = function (position) {
    const p = Math.max(0, Math.min(this.list.length - 1, position));
    const index = this.list[p];
    if (index === undefined) return null;
    if (this.virtual) {
      let tr = this.drawn.get(index);
      if (!tr) {
        // Scroll so that the row would be in view, then draw there.
        const top = this.scroller.scrollTop + this.bodyOffset();
        this.scroller.scrollTop = Math.max(0, top + p * this.rowPx - this.scroller.clientHeight / 2);
        this.draw(false);
        tr = this.drawn.get(index);
      }
      if (tr) {
        const box = this.scroller.getBoundingClientRect();
        const rect = tr.getBoundingClientRect();
        const headPx = this.scroller.querySelector('thead') ? this.scroller.querySelector('thead').getBoundingClientRect().height : 0;
        if (rect.top < box.top + headPx) this.scroller.scrollTop -= box.top + headPx - rect.top;
        else if (rect.bottom > box.bottom) this.scroller.scrollTop += rect.bottom - box.bottom;
        this.draw(false);
      }
    }
    return this.drawn.get(index) || null;
  };

  // Moving between cells with the keyboard. target(tr, column) → the
  // element to focus in that cell; the column is the cell's index.
  // ArrowUp/ArrowDown, Enter/Shift+Enter, PageUp/PageDown and Ctrl+Home/End
  // move between rows; ArrowLeft/ArrowRight between cells, in a text field
  // only when the caret is at its edge.
  VirtualRows.prototype.onKeydown = function (event, target) {
    const el = event.target;
    const cell = el.closest && el.closest('td, th');
    const tr = cell && cell.parentElement;
    if (!tr || tr.parentElement !== this.body || !tr.hasAttribute('data-row') || event.altKey || event.metaKey) return;
    const field = el.tagName === 'INPUT' && el.type === 'text';
    const column = cell.cellIndex;
    let position = tr.virtualPosition;
    let col = column;
    const page = Math.max(1, Math.floor((this.scroller.clientHeight || 600) / this.rowPx) - 1);
    switch (event.key) {
      case 'ArrowDown': position += 1; break;
      case 'ArrowUp': position -= 1; break;
      case 'Enter':
        if (el.tagName === 'BUTTON') return;
        position += event.shiftKey ? -1 : 1;
        break;
      case 'PageDown': position += page; break;
      case 'PageUp': position -= page; break;
      case 'Home': if (!event.ctrlKey) return; position = 0; break;
      case 'End': if (!event.ctrlKey) return; position = this.list.length - 1; break;
      case 'ArrowLeft':
        if (field && !(el.selectionStart === 0 && el.selectionEnd === 0)) return;
        col -= 1;
        break;
      case 'ArrowRight':
        if (field && !(el.selectionStart === el.value.length && el.selectionEnd === el.value.length)) return;
        col += 1;
        break;
      default: return;
    }
    if (event.ctrlKey && event.key !== 'Home' && event.key !== 'End') return;
    position = Math.max(0, Math.min(this.list.length - 1, position));
    const row = position === tr.virtualPosition ? tr : this.reveal(position);
    if (!row) return;
    let to = null;
    // Across cells: the next one that has something to focus.
    const step = col < column ? -1 : 1;
    for (let c = col; c >= 0 && c < row.cells.length; c += step) {
      to = target(row, c);
      if (to || col === column) break;
    }
    if (!to) return;
    event.preventDefault();
    to.focus();
    if (to.tagName === 'INPUT' && to.type === 'text' && event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') to.select();
  };

  // A filter box above a table: a labelled search field and a count of
  // the rows that match. onChange(query) on each keystroke.
  function filterBox(opts) {
    const id = opts.id;
    const input = h('input', {
      type: 'search', id, class: 'input filter-input', autocomplete: 'off', spellcheck: 'false',
      'aria-describedby': id + '-count', 'aria-controls': opts.controls, value: opts.value || '',
    });
    const count = h('p', { class: 'hint filter-count', id: id + '-count', role: 'status' });
    input.addEventListener('input', () => opts.onChange(input.value));
    const box = h('div', { class: 'filter-box no-print' }, [
      h('label', { for: id, text: opts.label }),
      input,
      count,
    ]);
    return {
      element: box,
      input,
      // "12 av 50 000 mottagare visas", or nothing while nothing is filtered.
      count(shown, total, query) {
        const text = query ? t('filter.count', { shown: number(shown), total: number(total) }) : t('filter.all', { total: number(total) });
        if (count.textContent !== text) count.textContent = text;
      },
    };
  }

  // The data indices whose text(index) holds `query`, case and accents of
  // the query aside from case; all of them when the query is empty.
  function matching(total, query, text) {
    const q = String(query || '').trim().toLocaleLowerCase('sv');
    if (!q) return null;
    const out = [];
    for (let i = 0; i < total; i += 1) {
      const s = text(i);
      if (s && String(s).toLocaleLowerCase('sv').includes(q)) out.push(i);
    }
    return out;
  }

  function range(n) {
    const out = new Array(n);
    for (let i = 0; i < n; i += 1) out[i] = i;
    return out;
  }

  // The stylesheet cannot know the height (the CSP forbids inline styles,
  // not styles set from script).
  function setHeight(tr, px) {
    const td = tr.firstChild;
    const value = Math.round(px) + 'px';
    if (td.style.height !== value) td.style.height = value;
    tr.hidden = px <= 0;
  }

  VirtualRows.filterBox = filterBox;
  VirtualRows.matching = matching;

export { VirtualRows };
