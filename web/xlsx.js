// The first worksheet of an Excel workbook (.xlsx) as rows of cell texts,
// read in the browser with what it has: the zip's entries inflated by
// DecompressionStream, the sheet's XML by DOMParser. Text cells come as
// written; a number cell as Excel keeps it (a binary fraction), written
// with Excel's own 15 significant digits and a decimal comma, so that the
// core reads it as the number Excel shows ("0,3", not 0.30000000000000004).
// Nothing here reads amounts: the core does.

// ---- the zip -------------------------------------------------------------

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

// name → {method, offset, size}, from the central directory.
function zipEntries(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i -= 1) {
    if (view.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries = new Map();
  const names = new TextDecoder('utf-8');
  for (let n = 0; n < count; n += 1) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) return null;
    const method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    entries.set(names.decode(bytes.subarray(at + 46, at + 46 + nameLength)), { method, local, size });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

// The text of one entry, or null when it is missing or cannot be read.
async function entryText(bytes, entries, name) {
  const entry = entries.get(name);
  if (!entry) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (entry.local + 30 > bytes.length || view.getUint32(entry.local, true) !== LOCAL) return null;
  const start = entry.local + 30 + view.getUint16(entry.local + 26, true) + view.getUint16(entry.local + 28, true);
  const data = bytes.subarray(start, start + entry.size);
  if (entry.method === 0) return new TextDecoder('utf-8').decode(data);
  if (entry.method !== 8 || typeof DecompressionStream !== 'function') return null;
  try {
    const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    return await new Response(stream).text();
  } catch (e) {
    return null;
  }
}

// ---- the workbook ----------------------------------------------------------

// A part's XML, or null. Text that is not XML is not handed to DOMParser
// at all when it is missing: the error document it makes carries an inline
// style, which the page's CSP reports.
function xml(text) {
  if (!text) return null;
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  return doc.getElementsByTagName('parsererror').length ? null : doc;
}

function byName(node, localName) {
  return Array.from(node.getElementsByTagNameNS('*', localName));
}

// "B12" → 1 (the column, from 0).
function columnOf(ref) {
  const letters = /^[A-Z]+/.exec(String(ref || '').toUpperCase());
  if (!letters) return -1;
  let n = 0;
  for (const c of letters[0]) n = n * 26 + (c.charCodeAt(0) - 64);
  return n - 1;
}

// The places a scenario's numbers may have (the core's rule for decimals).
const PLACES = 6;

// "1250000" → "1 250 000", as Excel shows a number in its usual format and
// the core reads it.
function grouped(integer) {
  return integer.replace(/\B(?=(\d{3})+$)/g, ' ');
}

// A number as Excel stores it ("0.30000000000000004", "1.5E-3") → as it
// shows it, at most 15 significant digits, thousands grouped, with a
// decimal comma: "0,3", "0,0015", "1 240". More than six decimals
// (a share computed as =1/3) are rounded half up to six, the most a
// scenario holds: {text, full} where full is the 15 digits when rounded.
function excelNumber(raw) {
  const value = Number(raw);
  if (!Number.isFinite(value) || !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(String(raw).trim())) return { text: String(raw), full: null };
  if (Number.isSafeInteger(value)) return { text: (value < 0 ? '-' : '') + grouped(String(Math.abs(value))), full: null };
  const [mantissa, exponentText] = value.toPrecision(15).split('e');
  const negative = mantissa.startsWith('-');
  const [whole, fraction = ''] = mantissa.replace('-', '').split('.');
  let digits = whole + fraction;
  let point = whole.length + Number(exponentText || 0);
  if (point <= 0) {
    digits = '0'.repeat(1 - point) + digits;
    point = 1;
  } else if (point > digits.length) {
    digits += '0'.repeat(point - digits.length);
  }
  const written = (d, p) => {
    const integer = d.slice(0, p).replace(/^0+(?=\d)/, '');
    let decimals = d.slice(p).replace(/0+$/, '');
    // "1,234" could be a thousand written the English way (the core asks);
    // a fourth decimal says it is not, and is the same number.
    if (decimals.length === 3 && /^[1-9]\d{0,2}$/.test(integer)) decimals += '0';
    const text = grouped(integer) + (decimals ? ',' + decimals : '');
    return negative && /[1-9]/.test(text) ? '-' + text : text;
  };
  const full = written(digits, point);
  if (digits.length - point <= PLACES || digits.slice(point + PLACES).replace(/0+$/, '') === '') return { text: full, full: null };
  // Half up on the digits: keep PLACES decimals, carry a 5 or more.
  let kept = digits.slice(0, point + PLACES);
  if (digits[point + PLACES] >= '5') {
    const carried = (BigInt(kept) + 1n).toString().padStart(kept.length, '0');
    if (carried.length > kept.length) point += 1;
    kept = carried;
  }
  return { text: written(kept, point), full };
}

// Bytes of a .xlsx → {ok: true, rows, rounded, sheet, sheets} (rounded:
// the number cells rounded to six decimals, {row, column, from, to};
// sheet: the first sheet's name, sheets: how many there are) or {ok: false} when the zip
// holds no workbook (a Word file, a damaged file).
async function readXlsx(bytes) {
  const entries = zipEntries(bytes);
  if (!entries) return { ok: false };
  const workbook = xml(await entryText(bytes, entries, 'xl/workbook.xml'));
  if (!workbook) return { ok: false };
  const sheets = byName(workbook, 'sheet');
  if (sheets.length === 0) return { ok: false };
  const first = sheets[0];
  const relId = first.getAttributeNS('http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'id') || first.getAttribute('r:id');
  let target = 'worksheets/sheet1.xml';
  const rels = xml(await entryText(bytes, entries, 'xl/_rels/workbook.xml.rels'));
  if (rels) {
    const rel = byName(rels, 'Relationship').find((r) => r.getAttribute('Id') === relId);
    if (rel) target = rel.getAttribute('Target');
  }
  const sheetPath = target.startsWith('/') ? target.slice(1) : 'xl/' + target;
  const sheet = xml(await entryText(bytes, entries, sheetPath));
  if (!sheet) return { ok: false };

  const shared = [];
  const strings = xml((await entryText(bytes, entries, 'xl/sharedStrings.xml')) || '<sst/>');
  if (strings) {
    for (const si of byName(strings, 'si')) {
      // The text runs, not the phonetic guide (rPh) some workbooks carry.
      shared.push(byName(si, 't').filter((t) => t.parentNode.localName !== 'rPh').map((t) => t.textContent).join(''));
    }
  }

  const rows = [];
  const rounded = [];
  for (const row of byName(sheet, 'row')) {
    const index = Number(row.getAttribute('r')) - 1;
    const rowAt = Number.isInteger(index) && index >= rows.length ? index : rows.length;
    const cells = [];
    for (const c of byName(row, 'c')) {
      const column = columnOf(c.getAttribute('r'));
      const at = column >= 0 ? column : cells.length;
      const type = c.getAttribute('t') || 'n';
      const v = byName(c, 'v')[0];
      let text = '';
      if (type === 's') text = v ? shared[Number(v.textContent)] || '' : '';
      else if (type === 'inlineStr') text = byName(c, 't').map((t) => t.textContent).join('');
      else if (type === 'b') text = v ? (v.textContent === '1' ? 'SANT' : 'FALSKT') : '';
      else if (type === 'n' && v) {
        const number = excelNumber(v.textContent);
        text = number.text;
        if (number.full) rounded.push({ row: rowAt, column: at, from: number.full, to: number.text });
      } else text = v ? v.textContent : '';
      while (cells.length < at) cells.push('');
      cells[at] = text;
    }
    while (rows.length < rowAt) rows.push([]);
    rows[rowAt] = cells;
  }
  return { ok: true, rows, rounded, sheet: first.getAttribute('name') || '', sheets: sheets.length };
}

export { readXlsx, excelNumber, columnOf };
