// Cells pasted from Excel into the recipients' table, read the way the
// import reads them: a header row names the columns (created when missing),
// the first text column gives the names, and nothing is dropped without a
// word. Decides what a paste does; web/import.js applies it and offers Ångra.
import { core } from './core.js';
import { setOwn } from './dom.js';
import * as files from './files.js';
import * as i18n from './i18n.js';

  // The rows of a pasted range (Excel quotes cells with line breaks: the
  // core's reader), or null when it is a single cell (the browser pastes it).
  function pastedRows(text) {
    if (!text || !/[\t\n]/.test(text.replace(/\r?\n$/, ''))) return null;
    const read = core.readCsv(text, '\t');
    if (read.ok) return read.rows;
    return text.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n').map((line) => line.split('\t'));
  }

  // A first row of text above rows with numbers in the same columns.
  function hasHeader(rows) {
    if (rows.length < 2) return false;
    const first = rows[0].map((c) => String(c).trim());
    if (first.some((c) => c !== '' && files.looksNumeric(c))) return false;
    return first.some((head, i) => head !== '' && rows.slice(1).some((r) => files.looksNumeric(String(r[i] === undefined ? '' : r[i]).trim())));
  }

  // The page's own defaults, not yet the user's: the new scenario's rows
  // ("Mottagare 1", "Recipient 2") holding nothing but the default column.
  function pristine(level) {
    const recipients = level.recipients || [];
    return recipients.every((r, i) => r && typeof r.name === 'string'
      && (r.name.trim() === '' || inEitherLanguage('recipient.new', { n: i + 1 }).includes(r.name.trim()))
      && Object.keys(r.values || {}).every((k) => isDefaultColumn(level, k))
      && Object.keys(r).every((k) => k === 'name' || k === 'values'));
  }

  // The column a new scenario starts with ("Antal"/"Count"), untouched.
  function isDefaultColumn(level, id) {
    const ind = (level.indicators || []).find((i) => i && i.id === id);
    return Boolean(ind) && ind.id === 'antal' && inEitherLanguage('new.indicator').includes(ind.label) && ind.kind === 'count';
  }

  // What the page itself names a thing (web/toolbar.js's blank scenario), in the
  // language it was made in, whichever that was.
  function inEitherLanguage(key, args) {
    return ['sv', 'en'].map((language) => i18n.tIn(language, key, args));
  }

  // What a paste at `at` ({row, column}: the cell pasted into; null when
  // pasted outside the table into a new scenario) does to the level:
  //   {kind: 'import', plan, mode}  read as the import reads it;
  //   {kind: 'choose'}              the import preview decides (a header
  //                                 row whose rows neither all match nor
  //                                 fill a new scenario);
  //   {kind: 'cells', rows, totals, startRow, startCol, extra}  fill from the cell
  //                                 (under a header row of the table's
  //                                 own columns, the rows below it),
  //                                 `extra` columns created for what lies
  //                                 beyond the last one;
  // each with the title lines above the table left out (`titles`).
  function plan(level, pasted, at) {
    const { titles, rows } = files.withoutTitles(pasted);
    // Without titles the rows stay as pasted, empty ones too: a cell paste
    // fills row by row.
    return Object.assign(planBody(level, titles.length ? rows : pasted, at), { titles });
  }

  function planBody(level, rows, at) {
    const empty = pristine(level);
    if (hasHeader(rows) && (!at || at.column === 'name' || empty)) {
      const importPlan = files.planImport(level, rows);
      if (importPlan.problem || importPlan.headerless) return { kind: 'choose' };
      if (empty) return { kind: 'import', plan: importPlan, mode: 'replace' };
      const effect = files.importEffect(level, importPlan);
      if (effect.added === 0 && importPlan.skipped.length === 0) return { kind: 'import', plan: importPlan, mode: 'merge' };
      // New rows under a header of the table's own columns, or of exactly
      // its shape from the cell pasted into (a copy of a table like this
      // one): they fill the table from that cell, the header row left out.
      // Any other header could put a column's numbers under another's name.
      const fill = at ? cellsFrom(level, rows.slice(1), at) : null;
      const known = importPlan.columns.every((c) => !c.isNew) && importPlan.skipped.length === 0;
      const sameShape = fill && fill.extra === 0 && fill.startCol + rows[0].length === fill.columnCount;
      if (fill && fill.extra === 0 && (known || sameShape)) return fill;
      return { kind: 'choose' };
    }
    return cellsFrom(level, rows, at);
  }

  // Rows pasted from the name column on leave out those that total the
  // others ("Summa"), named in `totals`.
  function cellsFrom(level, rows, at) {
    const startRow = at ? at.row : 0;
    const columns = ['name'].concat((level.indicators || []).map((ind) => ind.id));
    const startCol = at ? Math.max(0, columns.indexOf(at.column)) : 0;
    const isTotal = (r) => startCol === 0 && files.isTotalRow(r[0]);
    const totals = rows.filter(isTotal).map((r) => String(r[0]).trim());
    const kept = rows.filter((r) => !isTotal(r));
    const width = Math.max(0, ...kept.map((r) => r.length));
    return { kind: 'cells', rows: kept, totals, startRow, startCol, columnCount: columns.length, extra: Math.max(0, startCol + width - columns.length) };
  }

  // Fills the level from the cell pasted into (in place): names and values
  // as written, new columns ("Kolumn 3") for cells beyond the last one.
  function fillCells(level, cells, newColumnLabel) {
    level.indicators = level.indicators || [];
    const taken = new Set(level.indicators.map((ind) => ind.id));
    const added = [];
    for (let i = 0; i < cells.extra; i += 1) {
      const label = newColumnLabel(level.indicators.length + 2);
      const column = { id: files.uniqueColumnId(label, taken), label, kind: 'count' };
      level.indicators.push(column);
      added.push(column);
    }
    const columns = ['name'].concat(level.indicators.map((ind) => ind.id));
    level.recipients = level.recipients || [];
    cells.rows.forEach((row, r) => {
      const index = cells.startRow + r;
      if (!level.recipients[index]) level.recipients[index] = { name: '', values: {} };
      const recipient = level.recipients[index];
      row.forEach((raw, c) => {
        const column = columns[cells.startCol + c];
        const cell = String(raw).trim();
        if (column === 'name') {
          recipient.name = cell;
        } else {
          recipient.values = recipient.values && typeof recipient.values === 'object' ? recipient.values : {};
          if (cell === '') delete recipient.values[column];
          else setOwn(recipient.values, column, cell); // a column may be called __proto__
        }
      });
    });
    // An amount column is one whose cells say kronor.
    for (const column of added) {
      if (level.recipients.some((r) => files.saysKronor((r.values || {})[column.id]))) column.kind = 'amount';
    }
    return added;
  }

export { pastedRows, hasHeader, pristine, isDefaultColumn, plan, fillCells };
