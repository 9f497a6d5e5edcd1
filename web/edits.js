// The user's edits, turned into changes of the document: a typed value
// (input), a choice (change), and the row commands of every table (add,
// move, remove with Ångra), with the focus and announcement each leaves.
import * as decision from './decision.js';
import { pointer, parsePointer, setOwn } from './dom.js';
import { focusSelector, byPath } from './focus.js';
import { t } from './i18n.js';
import { showFinding, revealRecipient, NAMED_BY_COST } from './loop.js';
import { announce } from './notices.js';
import { store } from './page-store.js';
import * as partNames from './part-names.js';
import { ScenarioStore } from './store.js';
import { offerUndo } from './undo.js';

function readValue(el) {
  const kind = el.getAttribute('data-kind');
  if (kind === 'bool') return el.checked;
  const value = el.value;
  if (kind === 'text' || kind === 'select') return value;
  if (value.trim() === '' && el.hasAttribute('data-optional')) return undefined;
  return kind === 'date' ? value.trim() : value;
}

function onInput(event) {
  const el = event.target;
  const path = el.getAttribute && el.getAttribute('data-path');
  const kind = el.getAttribute && el.getAttribute('data-kind');
  if (!path || kind === 'bool' || kind === 'select') return;
  const value = readValue(el);
  // A column's new label renames the parts and earmarks named after it, an
  // item's costs the item (partNames).
  if (/^\/indicators\/\d+\/label$/.test(path) || NAMED_BY_COST.test(path)) {
    partNames.follow(store.level(), (s) => ScenarioStore.put(s, parsePointer(path), value));
  }
  store.setInLevel(path, value);
}

function onChange(event) {
  const el = event.target;
  const path = el.getAttribute && el.getAttribute('data-path');
  const kind = el.getAttribute && el.getAttribute('data-kind');
  if (!path || (kind !== 'bool' && kind !== 'select')) return;
  const value = readValue(el);
  const basis = /^\/key\/(\d+)\/basis$/.exec(path);
  if (basis) {
    store.mutateLevel((s) => partNames.follow(s, () => setBasis(s.key[Number(basis[1])], value, s)));
  } else if (/^\/(key|earmarks)\/\d+\/indicator$/.test(path)) {
    const [list, i] = parsePointer(path);
    store.mutateLevel((s) => partNames.follow(s, () => { s[list][Number(i)].indicator = value; }));
  } else {
    // An item is decided unless marked: no "pending": false in the document.
    store.setInLevel(path, /\/cost\/pending$/.test(path) && !value ? undefined : value, true);
  }
}

// A component keeps only the members its new basis uses.
function setBasis(component, basis, scenario) {
  component.basis = basis;
  if (basis !== 'weighted') delete component.weights;
  if (basis !== 'indicator' && basis !== 'fixed') delete component.indicator;
  const indicators = scenario.indicators || [];
  if (basis === 'weighted' && !component.weights) component.weights = {};
  if (basis === 'indicator' || basis === 'fixed') {
    const wanted = basis === 'fixed' ? 'amount' : 'count';
    const first = indicators.find((ind) => ind.kind === wanted);
    if (first) component.indicator = first.id;
  }
}

const COLLECTIONS = {
  deductions: (s) => { s.pot = s.pot || {}; s.pot.deductions = s.pot.deductions || []; return s.pot.deductions; },
  indicators: (s) => { s.indicators = s.indicators || []; return s.indicators; },
  recipients: (s) => { s.recipients = s.recipients || []; return s.recipients; },
  key: (s) => { s.key = s.key || []; return s.key; },
  earmarks: (s) => { s.earmarks = s.earmarks || []; return s.earmarks; },
};

function uniqueName(existing, make) {
  for (let n = existing.length + 1; ; n += 1) {
    const name = make(n);
    if (!existing.includes(name)) return name;
  }
}

function addRow(collection, data) {
  const s = store.level();
  if (collection === 'other-costs') {
    const r = Number(data.recipient);
    store.mutateLevel((sc) => {
      const recipient = sc.recipients[r];
      recipient.cost = recipient.cost || { posts: 0, cost_per_post: 0, months: 12, other: [] };
      recipient.cost.other = recipient.cost.other || [];
      recipient.cost.other.push({ name: '', amount: 0 });
    });
    const o = s.recipients[r].cost.other.length - 1;
    focusSelector([byPath(pointer('recipients', r, 'cost', 'other', o, 'name'))]);
    announce(t('announce.added'));
    return;
  }
  const list = COLLECTIONS[collection](s);
  let row;
  let focusPath;
  const n = list.length;
  if (collection === 'deductions') {
    row = { name: '', amount: 0 };
    focusPath = pointer('pot', 'deductions', n, 'name');
  } else if (collection === 'indicators') {
    const ids = list.map((ind) => ind.id);
    const id = uniqueName(ids, (k) => 'kolumn' + k);
    row = { id, label: uniqueName(list.map((ind) => ind.label), (k) => t('indicator.new', { n: k })), kind: 'count' };
    focusPath = pointer('indicators', n, 'label');
  } else if (collection === 'recipients') {
    row = { name: uniqueName(list.map((r) => r.name), (k) => t('recipient.new', { n: k })), values: {} };
    if ((s.key || []).some((c) => c.basis === 'cost')) {
      row.cost = { posts: 0, cost_per_post: 0, months: 12, other: [] };
      row.name = partNames.newName('items', row, s) || row.name;
    }
    focusPath = pointer('recipients', n, 'name');
  } else if (collection === 'key') {
    row = { name: t('key.component.new', { n: n + 1 }), share: 0, basis: 'equal' };
    focusPath = pointer('key', n, 'name');
  } else if (collection === 'earmarks') {
    const amountColumn = (s.indicators || []).find((ind) => ind.kind === 'amount');
    row = { name: t('earmarks.new', { n: n + 1 }), indicator: amountColumn ? amountColumn.id : '' };
    row.name = partNames.newName('earmarks', row, s) || row.name;
    focusPath = pointer('earmarks', n, 'name');
  }
  store.mutate(() => list.push(row));
  if (collection === 'recipients') revealRecipient(n);
  focusSelector([byPath(focusPath)]);
  announce(t('announce.added'));
}

function moveRow(collection, index, delta) {
  const list = COLLECTIONS[collection](store.level());
  const to = index + delta;
  if (to < 0 || to >= list.length) return;
  store.mutate(() => {
    const [row] = list.splice(index, 1);
    list.splice(to, 0, row);
  });
  const same = '[data-action="' + (delta < 0 ? 'move-up' : 'move-down') + '"][data-collection="' + collection + '"][data-index="' + to + '"]';
  const other = '[data-action="' + (delta < 0 ? 'move-down' : 'move-up') + '"][data-collection="' + collection + '"][data-index="' + to + '"]';
  focusSelector([same, other]);
  announce(t(delta < 0 ? 'announce.moved_up' : 'announce.moved_down', { n: to + 1 }));
}

function removeRow(collection, index, data) {
  if (collection === 'other-costs') {
    const r = Number(data.recipient);
    store.mutateLevel((s) => s.recipients[r].cost.other.splice(index, 1));
    focusSelector([
      '[data-action="remove"][data-collection="other-costs"][data-recipient="' + r + '"][data-index="' + index + '"]',
      '[data-action="remove"][data-collection="other-costs"][data-recipient="' + r + '"][data-index="' + (index - 1) + '"]',
      '[data-action="add"][data-collection="other-costs"][data-recipient="' + r + '"]',
    ]);
    announce(t('announce.removed'));
    return;
  }
  const list = COLLECTIONS[collection](store.level());
  let forgotten = null;
  const removed = list[index];
  store.mutateLevel((s) => {
    const [row] = list.splice(index, 1);
    if (collection === 'indicators' && row) forgotten = forgetIndicator(s, row.id);
  });
  const remove = (i) => '[data-action="remove"][data-collection="' + collection + '"][data-index="' + i + '"]';
  if (removed && UNDOABLE[collection]) {
    offerRemovalUndo(collection, removed, index, forgotten);
    return;
  }
  focusSelector([remove(index), remove(index - 1), '[data-action="add"][data-collection="' + collection + '"]']);
  announce(t('announce.removed'));
}

// A removed column leaves no values or weights behind; components and
// earmarks that used it keep the reference, and the core reports them.
// Returns what it took, for an undo: [[object, key, value]].
function forgetIndicator(s, id) {
  const taken = [];
  const take = (object) => {
    if (object && Object.prototype.hasOwnProperty.call(object, id)) {
      taken.push([object, id, object[id]]);
      delete object[id];
    }
  };
  for (const r of s.recipients || []) take(r.values);
  for (const c of s.key || []) take(c.weights);
  return taken;
}

// ---- undo of a removed column or recipient ------------------------------------

// A column takes every recipient's value with it, a recipient its row:
// both can be had back for a while (Ångra), in place, with what was
// edited since kept.
const UNDOABLE = {
  indicators: (row) => row.label || row.id || '',
  recipients: (row) => row.name || '',
};

function offerRemovalUndo(collection, row, index, forgotten) {
  const name = UNDOABLE[collection](row);
  const button = offerUndo(collection, () => [t('undo.removed.' + collection, { name }), t('scenarios.undo'), t('undo.removed.of', { name })], () => {
    store.mutateLevel(() => {
      const list = COLLECTIONS[collection](store.level());
      list.splice(Math.min(index, list.length), 0, row);
      for (const [object, key, value] of forgotten || []) if (!Object.prototype.hasOwnProperty.call(object, key)) setOwn(object, key, value);
    });
    const again = '[data-action="remove"][data-collection="' + collection + '"][data-index="' + Math.min(index, COLLECTIONS[collection](store.level()).length - 1) + '"]';
    focusSelector([again]);
    announce(t('undo.restored', { name }));
  });
  button.focus();
}

function onClick(event) {
  const button = event.target.closest('[data-action]');
  if (!button || button.disabled) return;
  const data = button.dataset;
  const index = Number(data.index);
  switch (data.action) {
    case 'add': addRow(data.collection, data); break;
    case 'move-up': moveRow(data.collection, index, -1); break;
    case 'move-down': moveRow(data.collection, index, 1); break;
    case 'remove': removeRow(data.collection, index, data); break;
    case 'goto-finding': showFinding(data.target); break;
    case 'goto-level': decision.openLevel(data.level); break;
    default: return;
  }
  event.preventDefault();
}

// Every edit arrives at <main>, from whichever view drew the field.
function listenForEdits(main) {
  main.addEventListener('input', onInput);
  main.addEventListener('change', onChange);
  main.addEventListener('click', onClick);
}

export { listenForEdits };
