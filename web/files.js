// Files in and out: reading what the user opens (a scenario, a CSV file
// of recipients), downloads (a scenario, the result as CSV or JSON), and
// turning rows of a CSV file or of cells pasted from Excel into
// recipients and indicator values.
import { fromText } from './document.js';
import { setOwn } from './dom.js';
import * as partNames from './part-names.js';
import * as paste from './paste.js';

  const MAX_BYTES = 64 * 1024 * 1024; // the core's largest document

  // ---- reading ---------------------------------------------------------------

  // What a file that is not text is, from its first bytes.
  function binaryKind(bytes) {
    const starts = (...sig) => sig.every((b, i) => bytes[i] === b);
    if (starts(0x89, 0x50, 0x4e, 0x47) || starts(0xff, 0xd8, 0xff) || starts(0x47, 0x49, 0x46, 0x38)) return 'image';
    if (starts(0x50, 0x4b, 0x03, 0x04)) return 'xlsx'; // a zip: .xlsx and .docx are zips
    if (starts(0x25, 0x50, 0x44, 0x46)) return 'pdf';
    if (starts(0xd0, 0xcf, 0x11, 0xe0)) return 'xlsx'; // the older .xls
    const head = bytes.subarray(0, 4096);
    return head.includes(0) ? 'binary' : null;
  }

  // The encoding a byte order mark names, or null.
  function bomEncoding(bytes) {
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
    return null;
  }

  // A File → {ok: true, text, encoding} or {ok: false, problem: 'empty' |
  // 'too-large' | 'image' | 'xlsx' | 'pdf' | 'binary' | 'read'}, the same
  // order for scenarios and CSV (and in the CLI): UTF-8 with or without a
  // BOM; UTF-16 little- or big-endian after its BOM (Excel's "Unicode
  // text" is UTF-16LE, tab-separated); otherwise Windows-1252, what Swedish
  // Excel writes as "CSV (semikolonavgränsad)". encoding: 'utf-8',
  // 'utf-16le', 'utf-16be' or 'windows-1252'.
  function readText(file) {
    if (file.size === 0) return Promise.resolve({ ok: false, problem: 'empty' });
    if (file.size > MAX_BYTES) return Promise.resolve({ ok: false, problem: 'too-large' });
    return file.arrayBuffer().then((buffer) => {
      const bytes = new Uint8Array(buffer);
      let encoding = bomEncoding(bytes);
      if (!encoding) {
        const kind = binaryKind(bytes);
        if (kind) return { ok: false, problem: kind };
      }
      let text;
      try {
        text = new TextDecoder(encoding || 'utf-8', { fatal: true }).decode(bytes);
        encoding = encoding || 'utf-8';
      } catch (e) {
        if (encoding) return { ok: false, problem: 'binary' }; // a BOM, then no such text
        encoding = 'windows-1252';
        text = new TextDecoder(encoding).decode(bytes);
      }
      text = text.replace(/^\uFEFF/, '');
      if (!text.trim()) return { ok: false, problem: 'empty' };
      return { ok: true, text, encoding };
    }, () => ({ ok: false, problem: 'read' }));
  }

  // A File → {ok: true, scenario, encoding} or {ok: false, problem, version?}: the
  // problems of readText, and those of document.fromText ('not-json',
  // 'result', 'foreign', 'version', 'newer', 'not-object').
  function readScenario(file) {
    return readText(file).then((read) => (read.ok ? Object.assign(fromText(read.text), { encoding: read.encoding }) : read));
  }

  // ---- writing ---------------------------------------------------------------

  // "Linköping 2022 – kostnader" → "linkoping-2022-kostnader"
  function slug(title) {
    const s = String(title || '').toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60).replace(/-$/, '');
    return s || 'fordela';
  }

  function download(text, name, type) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  // ---- importing rows ----------------------------------------------------------

  const NAME_HEADERS = /^(namn|name|mottagare|recipient|kommun|municipality|stadsdel|stadsdelsnämnd|sdn|nämnd|förvaltning|enhet|förening|organisation|område)$/i;
  const AMOUNT_HEADER = /(^|[^a-zåäö])(kr|sek|tkr|mkr|mnkr|kronor|belopp)([^a-zåäö]|$)/i;

  // A row that sums the rows above it, as a sheet ends with one ("Summa",
  // "Totalt", "S:a förskola"): not a recipient, whose share would double
  // the key. English "Total" only alone: a club may be called "Total Sport".
  const TOTAL_ROW = /^(summa|s:a|totalt|totalsumma|delsumma)(\s.*)?$|^(total|sum|subtotal|grand total|totals)\s*:?$/i;

  function isTotalRow(name) {
    return TOTAL_ROW.test(String(name || '').trim().replace(/:$/, '').trim());
  }

  const filledCells = (row) => row.filter((c) => String(c).trim() !== '');

  // A sheet's title lines above its table ("Föreningsbidrag 2027", a date):
  // rows of one cell before the first row of several, when that row is a
  // header (text only; a recipient with one value left empty above rows of
  // numbers is no title). {titles: [text], rows: the rest, empty rows left
  // out}. A table of one column has none.
  function withoutTitles(rows) {
    const nonEmpty = rows.filter((r) => filledCells(r).length > 0);
    const table = nonEmpty.findIndex((r) => filledCells(r).length >= 2);
    if (table <= 0 || filledCells(nonEmpty[table]).some((c) => looksNumeric(String(c).trim()))) return { titles: [], rows: nonEmpty };
    return { titles: nonEmpty.slice(0, table).map((r) => String(filledCells(r)[0]).trim()), rows: nonEmpty.slice(table) };
  }

  function plainHeader(text) {
    return String(text || '').replace(/\s*\((kr|sek)\)\s*$/i, '').trim().toLowerCase();
  }

  // A cell that people write as a number ("48 000", "1,5", "−3", "750 tkr").
  function looksNumeric(cell) {
    return /^[\s\u00a0\u202f]*[-\u2212+]?[\d\s\u00a0\u202f]*[.,]?\d+([.,]\d+)?[\s\u00a0\u202f]*(kr|tkr|mkr|mnkr|%)?[\s\u00a0\u202f]*$/i.test(cell);
  }

  // "48 000 kr", "750 tkr", "1,5 mnkr", "SEK": a cell that is money.
  function saysKronor(cell) {
    return /\d[\s\u00a0\u202f]*(kr|sek|tkr|mkr|mnkr)\.?[\s\u00a0\u202f]*$/i.test(String(cell || ''));
  }

  function uniqueColumnId(base, taken) {
    let id = slug(base).replace(/-/g, '_').slice(0, 40) || 'kolumn';
    if (/^\d/.test(id)) id = 'k' + id;
    let candidate = id;
    for (let n = 2; taken.has(candidate); n += 1) candidate = id + '_' + n;
    taken.add(candidate);
    return candidate;
  }

  // Rows read by the core (readCsv) → a plan of what an import does to the
  // scenario: {headerless, nameColumn, columns: [{index, header, id,
  // label, kind, isNew}], skipped: [headers], rows: [{name, values: Map of
  // column id → cell}]}; or
  // {problem: 'no-rows'}. Rows that total the others (isTotalRow) are left
  // out and named in `totals`, title lines above the table in `titles`. A first row of text is the header; without one,
  // the columns are the name and then the scenario's own columns in order.
  function planImport(scenario, rows) {
    const { titles, rows: nonEmpty } = withoutTitles(rows);
    if (nonEmpty.length === 0) return { problem: 'no-rows' };
    const indicators = scenario.indicators || [];
    const first = nonEmpty[0].map((c) => String(c).trim());
    const headerless = first.slice(1).some(looksNumeric);
    const width = Math.max(...nonEmpty.map((r) => r.length));
    const columns = [];
    const skipped = [];
    let nameColumn = 0;

    if (headerless) {
      for (let i = 1; i < width; i += 1) {
        const indicator = indicators[i - 1];
        if (indicator) columns.push({ index: i, header: '', id: indicator.id, label: indicator.label, kind: indicator.kind, isNew: false });
        else skipped.push(String(i + 1));
      }
    } else {
      const byName = first.findIndex((h) => NAME_HEADERS.test(h));
      nameColumn = byName >= 0 ? byName : 0;
      const taken = new Set(indicators.map((ind) => ind.id));
      for (let i = 0; i < width; i += 1) {
        if (i === nameColumn) continue;
        const header = first[i] || '';
        if (!header) {
          skipped.push(String(i + 1));
          continue;
        }
        const wanted = plainHeader(header);
        const existing = indicators.find((ind) => plainHeader(ind.label) === wanted || String(ind.id).toLowerCase() === wanted);
        if (existing) {
          columns.push({ index: i, header, id: existing.id, label: existing.label, kind: existing.kind, isNew: false });
        } else {
          const label = header.replace(/\s*\((kr|sek)\)\s*$/i, '').trim() || header;
          columns.push({ index: i, header, id: uniqueColumnId(label, taken), label, kind: AMOUNT_HEADER.test(header) ? 'amount' : 'count', isNew: true });
        }
      }
    }
    const all = headerless ? nonEmpty : nonEmpty.slice(1);
    const nameOf = (cells) => String(cells[nameColumn] === undefined ? '' : cells[nameColumn]).trim();
    const totals = [];
    const data = [];
    for (const cells of all) {
      if (isTotalRow(nameOf(cells))) totals.push(nameOf(cells));
      else data.push(cells);
    }
    if (data.length === 0) return { problem: 'no-rows' };
    const planned = data.map((cells) => {
      const values = new Map();
      for (const column of columns) {
        const cell = String(cells[column.index] === undefined ? '' : cells[column.index]).trim();
        if (cell !== '') values.set(column.id, cell);
      }
      return { name: nameOf(cells), values };
    });
    // A new column whose cells say kronor ("750 tkr") holds amounts, as its
    // header would have said (fillCells reads a paste's new columns alike).
    for (const column of columns) {
      if (column.isNew && column.kind === 'count' && planned.some((r) => saysKronor(r.values.get(column.id)))) column.kind = 'amount';
    }
    return { headerless, nameColumn, nameHeader: headerless ? '' : first[nameColumn], columns, skipped, titles, totals, rows: planned };
  }

  // Who is added, kept and dropped by a plan in each mode. A new
  // scenario's own rows ("Mottagare 1") are not the user's to lose.
  function importEffect(scenario, plan) {
    const existing = (scenario.recipients || []).map((r) => (r && typeof r.name === 'string' ? r.name.trim() : ''));
    const incoming = new Set(plan.rows.map((r) => r.name));
    const matched = plan.rows.filter((r) => existing.includes(r.name)).length;
    return {
      rows: plan.rows.length,
      matched,
      added: plan.rows.length - matched,
      dropped: paste.pristine(scenario) ? [] : existing.filter((name) => !incoming.has(name)),
      newColumns: plan.columns.filter((c) => c.isNew),
    };
  }

  // Applies a plan to the scenario (in place). mode 'replace': the
  // recipients become the rows, in the file's order (a recipient of the
  // same name keeps its other fields); 'merge': rows update the recipient
  // of the same name or are added at the end. Values stay as written.
  function applyImport(scenario, plan, mode) {
    scenario.indicators = scenario.indicators || [];
    for (const column of plan.columns) {
      if (column.isNew && !scenario.indicators.some((ind) => ind.id === column.id)) {
        scenario.indicators.push({ id: column.id, label: column.label, kind: column.kind });
      }
    }
    const before = scenario.recipients || [];
    const byName = new Map();
    before.forEach((r) => {
      const name = r && typeof r.name === 'string' ? r.name.trim() : '';
      if (!byName.has(name)) byName.set(name, r);
    });
    const after = mode === 'replace' ? [] : before.slice();
    const used = new Set();
    for (const row of plan.rows) {
      let recipient = byName.get(row.name);
      if (recipient && used.has(recipient)) recipient = null; // the same name twice in the file
      if (!recipient) {
        recipient = { name: row.name, values: {} };
        if (mode !== 'replace') after.push(recipient);
      }
      used.add(recipient);
      if (mode === 'replace') after.push(recipient);
      recipient.values = recipient.values && typeof recipient.values === 'object' ? recipient.values : {};
      for (const column of plan.columns) {
        if (row.values.has(column.id)) setOwn(recipient.values, column.id, row.values.get(column.id));
        else if (mode === 'replace') delete recipient.values[column.id];
      }
    }
    scenario.recipients = after;
    return dropStrayDefaults(scenario, plan.columns.filter((c) => c.isNew).length > 0);
  }

  // The column a new scenario starts with ("Antal"), never filled, goes when
  // real columns arrive; a part of the key that pointed at it moves to the
  // first real column. Returns the label of the column removed, or ''.
  function dropStrayDefaults(scenario, realColumnsArrived) {
    if (!realColumnsArrived) return '';
    const stray = (scenario.indicators || []).find((ind) => paste.isDefaultColumn(scenario, ind.id)
      && !(scenario.recipients || []).some((r) => r && r.values && Object.prototype.hasOwnProperty.call(r.values, ind.id)));
    if (!stray) return '';
    partNames.follow(scenario, () => {
      scenario.indicators = scenario.indicators.filter((ind) => ind !== stray);
      for (const part of scenario.key || []) {
        if (!part || part.indicator !== stray.id) continue;
        const wanted = part.basis === 'fixed' ? 'amount' : 'count';
        const first = scenario.indicators.find((ind) => ind.kind === wanted) || scenario.indicators[0];
        if (first) part.indicator = first.id;
      }
    });
    return stray.label;
  }

export { readText, readScenario, slug, download, planImport, importEffect, applyImport, dropStrayDefaults, looksNumeric, saysKronor, isTotalRow, withoutTitles, uniqueColumnId };
