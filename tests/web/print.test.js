// The printed appendix as the PDF a user gets from the page: every column
// of the result on the paper (a column past the page's edge is not printed
// at all), portrait for the usual tables and a landscape page for the
// widest. Read back with poppler's pdftotext and pdfinfo.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const web = require('./lib/page.js');

let browser;
let server;

web.suite((b, s) => {
  browser = b;
  server = s;
});

const EXAMPLES = fs.readdirSync(path.join(web.ROOT, 'examples')).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));

// Fourteen districts, four parts of the key, three earmarks and a
// redistribution round: a table of fourteen columns.
function wideScenario() {
  const names = ['Rinkeby-Kista stadsdelsförvaltning', 'Spånga-Tensta', 'Hässelby-Vällingby', 'Enskede-Årsta-Vantör',
    'Hägersten-Älvsjö', 'Skärholmen', 'Bromma', 'Kungsholmen', 'Norrmalm', 'Östermalm', 'Södermalm', 'Farsta', 'Skarpnäck', 'Älvsjö'];
  return {
    format: 'fordela-scenario',
    version: 1,
    title: 'Bred tabell: fyra delar, tre öronmärkningar och omfördelning',
    notes: '',
    pot: { total: '987 654 321', deductions: [], dates: { requisition_deadline: '2026-05-12' } },
    indicators: [
      { id: 'elever', label: 'Elever', kind: 'count' },
      { id: 'nya', label: 'Nyanlända', kind: 'count' },
      { id: 'barn', label: 'Barn i ekonomiskt utsatta hushåll', kind: 'count' },
      { id: 'team', label: 'Skolsociala team', kind: 'amount' },
      { id: 'lov', label: 'Lovverksamhet', kind: 'amount' },
      { id: 'falt', label: 'Fältassistenter', kind: 'amount' },
    ],
    recipients: names.map((name, i) => ({
      name,
      values: {
        elever: String(1000 + i * 937), nya: String(10 + i * 7), barn: String(100 + ((i * 53) % 400)),
        team: String(1234567 + i * 11111), lov: String(987654 + i * 2222), falt: String(555555 + i * 3333),
      },
      requisitioned: i !== 3,
      opted_in: i % 2 === 0,
    })),
    key: [
      { name: 'Efter elever', share: 40, basis: 'indicator', indicator: 'elever' },
      { name: 'Efter nyanlända', share: 30, basis: 'indicator', indicator: 'nya' },
      { name: 'Efter barn i ekonomiskt utsatta hushåll', share: 20, basis: 'indicator', indicator: 'barn' },
      { name: 'Lika delar', share: 10, basis: 'equal' },
    ],
    earmarks: [
      { name: 'Skolsociala team', indicator: 'team' },
      { name: 'Lovverksamhet', indicator: 'lov' },
      { name: 'Fältassistenter', indicator: 'falt' },
    ],
    rounding: { unit: 1000, method: 'largest-remainder', level: 'recipient' },
  };
}

const plain = (s) => String(s).replace(/[\u00a0\u202f\s]+/g, ' ').trim();

// Prints the page to a PDF as Chromium prints it (the page's own @page
// sizes) and reads it back: {lines (the text laid out as on the paper, one
// string a line), pages: ['portrait'|'landscape', ...]}.
async function printed(page) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fordela-print-'));
  const file = path.join(dir, 'appendix.pdf');
  try {
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const info = execFileSync('pdfinfo', ['-f', '1', '-l', '999', file], { encoding: 'utf8' });
    const pages = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/gm)].map((m) => (Number(m[1]) > Number(m[2]) ? 'landscape' : 'portrait'));
    return { lines: text.split('\n').map(plain), pages };
  } finally {
    await page.emulateMedia({ media: 'screen' });
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// The table as printed: each row's first amount and its last cell, the
// totals row included. A column cut off at the paper's edge is missing
// from the line its row prints on (the chart and the summary below repeat
// some of the same amounts, so the check is made line by line).
async function printedRows(page) {
  return page.evaluate(() => {
    const table = document.querySelector('#result-print-table') || document.querySelector('#result-table');
    const rows = [...table.querySelectorAll('tbody tr, tfoot tr')].filter((tr) => !tr.classList.contains('spacer'));
    return {
      columns: table.querySelectorAll('thead tr > *').length,
      rows: rows.map((tr) => {
        const cells = [...tr.cells].slice(1).map((c) => c.textContent).filter((t) => t.trim() !== '');
        return { first: cells[0], last: cells[cells.length - 1] };
      }),
    };
  });
}

async function assertEveryColumnPrinted(page, what) {
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  const table = await printedRows(page);
  const pdf = await printed(page);
  for (const { first, last } of table.rows) {
    const a = plain(first);
    const b = plain(last);
    const line = pdf.lines.find((l) => l.includes(a) && l.lastIndexOf(b) >= l.indexOf(a));
    assert.ok(line, what + ': a printed line holds the row’s first amount ' + a + ' and its last ' + b);
  }
  return { table, pdf };
}

for (const id of EXAMPLES) {
  test('example ' + id + ' prints every column of its result on portrait A4', async () => {
    const s = await web.session(browser, server, server.url + '#example=' + id);
    const { table, pdf } = await assertEveryColumnPrinted(s.page, id);
    assert.ok(table.columns <= 8, id + ' has ' + table.columns + ' columns');
    assert.deepEqual([...new Set(pdf.pages)], ['portrait']);
    await s.close();
  });
}

test('a result of fourteen columns prints on a landscape page with every column and total on it', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fordela-wide-'));
  const file = path.join(dir, 'bred-tabell.json');
  fs.writeFileSync(file, JSON.stringify(wideScenario(), null, 1));
  const s = await web.session(browser, server, server.url + '#example=linkoping-2021');
  await s.page.setInputFiles('#file-input', file);
  await s.page.waitForFunction(() => document.querySelector('#result-table thead tr').children.length === 14);
  await web.settle(s.page);
  const { pdf } = await assertEveryColumnPrinted(s.page, 'the wide table');
  assert.ok(pdf.pages.includes('landscape'), 'the table gets a landscape page: ' + pdf.pages.join(', '));
  assert.ok(pdf.lines.some((l) => l.includes('Utbetalas')), 'the last head is printed');
  await s.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
