// Recipients brought in from elsewhere: a range of cells pasted from Excel
// or Word (read by web/paste.js), and the import panel's commands (a CSV
// file or pasted text, planned by web/files.js, shown by
// web/views/import.js). Both go into the level being edited, within the
// page's limit of recipients, and say what they did.
import { core } from './core.js';
import { MAX_RECIPIENTS } from './document.js';
import { parsePointer } from './dom.js';
import * as files from './files.js';
import { focusSelector, byPath } from './focus.js';
import { t } from './i18n.js';
import { showNotice, announce } from './notices.js';
import { store } from './page-store.js';
import * as paste from './paste.js';
import { offerUndo } from './undo.js';
import { ImportView } from './views/import.js';
import { limitText, readAs } from './workspace.js';
import { readXlsx } from './xlsx.js';

const $ = (id) => document.getElementById(id);

let importView = null;
let importPlan = null;

// ---- paste from Excel and Word -----------------------------------------

// A range of cells pasted into the recipients' table, or anywhere outside
// a field while the level holds only a new scenario's defaults, is read
// as the import reads it (paste): a header row names the columns,
// missing columns are created, and the outcome is said with Ångra. Numbers
// stay as pasted text: the core reads Swedish formats ("48 000", "1,5").
function onPaste(event) {
  const el = event.target;
  const path = el.getAttribute && el.getAttribute('data-path');
  const inTable = Boolean(path && el.closest('#recipients-table'));
  const inField = Boolean(el.closest && el.closest('input, textarea, select, [contenteditable]'));
  const level = store.level();
  if (!inTable && (inField || !paste.pristine(level))) return;
  const text = event.clipboardData && event.clipboardData.getData('text/plain');
  const rows = paste.pastedRows(text);
  if (!rows) return;
  event.preventDefault();

  let at = null;
  if (inTable) {
    const tokens = parsePointer(path);
    at = { row: Number(tokens[1]), column: tokens[2] === 'name' ? 'name' : tokens[3] };
  }
  const planned = paste.plan(level, rows, at);
  if (planned.kind === 'choose') {
    openImport(text, t('paste.choose'));
    return;
  }
  const count = store.recipientsWith(planned.kind === 'import'
    ? (planned.mode === 'replace' ? planned.plan.rows.length : (level.recipients || []).length + files.importEffect(level, planned.plan).added)
    : Math.max((level.recipients || []).length, planned.startRow + planned.rows.length));
  if (count > MAX_RECIPIENTS) {
    showNotice(limitText('paste.too_many_recipients', count));
    return;
  }
  const before = JSON.parse(JSON.stringify({ indicators: level.indicators, recipients: level.recipients, key: level.key }));
  let added = [];
  let gone = '';
  store.mutateLevel((s) => {
    if (planned.kind === 'import') {
      added = planned.plan.columns.filter((c) => c.isNew);
      gone = files.applyImport(s, planned.plan, planned.mode);
    } else {
      added = paste.fillCells(s, planned, (n) => t('paste.column.new', { n }));
      gone = files.dropStrayDefaults(s, added.length > 0);
    }
  });
  const pasted = planned.kind === 'import' ? planned.plan.rows.length : planned.rows.length;
  const kind = (c) => t(c.kind === 'amount' ? 'kind.amount' : 'kind.count').replace(/\s*\(.*\)$/, '').toLowerCase();
  const names = added.map((c) => c.label + ' (' + kind(c) + ')').join(', ');
  const totals = planned.kind === 'import' ? planned.plan.totals : planned.totals;
  const said = (added.length === 0 ? t('paste.done', { rows: pasted })
    : t(added.length === 1 ? 'paste.done.column' : 'paste.done.columns', { rows: pasted, n: added.length, names }))
    + (gone ? ' ' + t('paste.done.default_gone', { name: gone }) : '')
    + (totals.length ? ' ' + t('import.totals', { names: totals.join(', ') }) : '')
    + (planned.titles.length ? ' ' + t('import.titles', { lines: planned.titles.join(' / ') }) : '');
  if (path) focusSelector([byPath(path)]);
  offerPasteUndo(said, before);
}

// The outcome of a paste, said where the table is, with Ångra: the
// columns, rows and key as they were before it.
function offerPasteUndo(said, before) {
  offerUndo('recipients', () => [said, t('scenarios.undo'), t('paste.undo.of')], () => {
    store.mutateLevel((s) => {
      for (const key of ['indicators', 'recipients', 'key']) {
        if (before[key] === undefined) delete s[key];
        else s[key] = before[key];
      }
    });
    announce(t('paste.undone'));
  });
  announce(said);
}

// ---- the import panel -----------------------------------------------------

function resetImport() {
  importPlan = null;
  if (importView && importView.state.open) importView.set({ plan: null, effect: null, problem: '', text: '', fileName: '' });
}

function planFrom(text, separator, fileName, encoding) {
  const note = readAs(encoding) ? t('file.read_as', { name: fileName, encoding: readAs(encoding) }) : '';
  importView.set({ note });
  const read = core.readCsv(text, separator);
  if (!read.ok) {
    importPlan = null;
    importView.set({ plan: null, effect: null, fileName, problem: t('import.csv.' + read.error, { line: read.line }) });
    return;
  }
  planRows(read.rows, fileName, text.trim() !== '');
}

// Rows read from a CSV text or a workbook → the plan shown in the panel.
function planRows(rows, fileName, anyText) {
  // Into the level being edited (levels), whose recipients the table shows.
  const plan = files.planImport(store.level(), rows);
  if (plan.problem) {
    importPlan = null;
    importView.set({ plan: null, effect: null, fileName, problem: anyText ? t('import.no_rows') : '' });
    return;
  }
  if (store.recipientsWith(plan.rows.length) > MAX_RECIPIENTS) {
    importPlan = null;
    importView.set({ plan: null, effect: null, fileName, problem: limitText('import.too_many_recipients', store.recipientsWith(plan.rows.length)) });
    return;
  }
  importPlan = plan;
  const effect = files.importEffect(store.level(), plan);
  // Rows that match nobody replace a list; rows that match update it.
  importView.set({ plan, effect, fileName, problem: '', mode: effect.matched === 0 ? 'replace' : 'merge' });
}

// An Excel workbook: its first sheet, read as a CSV file of the same rows
// would be. A zip that holds no workbook (a Word file) or the older .xls
// is refused as before, with the way round it.
function importWorkbook(file) {
  file.arrayBuffer().then((buffer) => readXlsx(new Uint8Array(buffer))).then((book) => {
    importView.set({ text: '', note: '' });
    if (!book.ok) {
      importPlan = null;
      importView.set({ plan: null, effect: null, fileName: file.name, problem: t('import.xlsx.unreadable', { name: file.name }) });
      return;
    }
    planRows(book.rows, file.name, book.rows.length > 0);
    if (!importPlan) return;
    const notes = [];
    if (book.sheets > 1) notes.push(t('import.xlsx.first_sheet', { sheet: book.sheet, n: book.sheets }));
    if (book.rounded.length) notes.push(roundedNote(book, importPlan));
    importView.set({ note: notes.join(' ') });
  }, () => {
    importPlan = null;
    importView.set({ plan: null, effect: null, fileName: file.name, problem: t('file.problem.read', { name: file.name }) });
  });
}

// "2 tal hade fler än sex decimaler och avrundades: Ugglan, Andel: 0,333333333333333 → 0,333333, …"
function roundedNote(book, plan) {
  const cell = (row, column) => String((book.rows[row] || [])[column] || '').trim();
  // The header row is the first that is not empty under the titles, as
  // planImport reads it.
  const filled = book.rows.map((r, i) => (r.some((c) => String(c).trim() !== '') ? i : -1)).filter((i) => i >= 0);
  const headerRow = plan.headerless ? -1 : filled[plan.titles.length];
  const header = (column) => (headerRow < 0 ? '' : cell(headerRow, column));
  const shown = book.rounded.slice(0, 3).map((r) => t('import.xlsx.rounded.one', {
    name: cell(r.row, plan.nameColumn), column: header(r.column) || String(r.column + 1), from: r.from, to: r.to,
  }));
  return t('import.xlsx.rounded', { n: book.rounded.length, list: shown.join('; ') + (book.rounded.length > 3 ? ' …' : '') });
}

// A paste that needs a choice: the import panel opens with the text in it
// and a line saying why.
function openImport(text, note) {
  importView.set({ open: true, text });
  planFrom(text, '\t', '');
  importView.set({ note });
  const textarea = document.getElementById('import-text');
  if (textarea) textarea.value = text;
  const focus = document.getElementById('import-apply');
  if (focus && !focus.disabled) focus.focus();
}

const importCommands = {
  file(file) {
    files.readText(file).then((read) => {
      if (!read.ok && read.problem === 'xlsx') {
        importWorkbook(file);
        return;
      }
      if (!read.ok) {
        importPlan = null;
        importView.set({ plan: null, effect: null, fileName: file.name, problem: t('file.problem.' + read.problem, { name: file.name }) });
        return;
      }
      importView.set({ text: '' });
      planFrom(read.text, '', file.name, read.encoding);
    });
  },
  text(text) {
    planFrom(text, '\t', '');
  },
  apply(mode) {
    const plan = importPlan;
    if (!plan) return;
    const rows = plan.rows.length;
    const after = store.recipientsWith(mode === 'merge' ? (store.level().recipients || []).length + files.importEffect(store.level(), plan).added : rows);
    if (after > MAX_RECIPIENTS) {
      importView.set({ problem: limitText('import.too_many_recipients', after) });
      return;
    }
    store.mutateLevel((s) => files.applyImport(s, plan, mode));
    importView.set({ open: false, plan: null, effect: null, problem: '', note: '', text: '', fileName: '' });
    importPlan = null;
    announce(t('import.done', { rows }));
    const toggle = $('import-toggle');
    if (toggle) toggle.focus();
  },
  close() {
    importPlan = null;
    importView.set({ open: false, plan: null, effect: null, problem: '', note: '', text: '', fileName: '' });
  },
};

// The panel, and the paste on the whole document: a paste into a new
// scenario may come with no field focused.
function startImport() {
  importView = new ImportView($('import'), importCommands);
  document.addEventListener('paste', onPaste);
}

function relabelImport() {
  importView.render();
}

export { startImport, resetImport, relabelImport };
