// What leaves the page besides the result table: the comparison (what-if,
// snapshot, another allocation) copied for Word and Excel, saved as Excel
// CSV and printed as an A4 appendix with the rules of A and B side by
// side; and the result's Excel CSV with the summary after the table. The
// data are made up for these tests.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const web = require('./lib/page.js');

let browser;
let server;

web.suite((b, s) => {
  browser = b;
  server = s;
});

// Four youth centres share 1 800 000 kr, 70 % by young people and 30 % by
// visits, in whole thousands.
const CENTRES = {
  format: 'fordela-scenario',
  version: 1,
  title: 'Fritidsgårdar Norrvik 2027',
  pot: { total: '1 800 000' },
  indicators: [
    { id: 'ungdomar', label: 'Ungdomar 13–19', kind: 'count' },
    { id: 'besok', label: 'Besök per vecka', kind: 'count' },
  ],
  recipients: [
    { name: 'Åsen', values: { ungdomar: 420, besok: 310 } },
    { name: 'Bäckby', values: { ungdomar: 610, besok: 200 } },
    { name: 'Dalen', values: { ungdomar: 150, besok: 95 } },
    { name: 'Forsa', values: { ungdomar: 380, besok: 400 } },
  ],
  key: [
    { name: 'Ungdomar', share: 70, basis: 'indicator', indicator: 'ungdomar' },
    { name: 'Besök', share: 30, basis: 'indicator', indicator: 'besok' },
  ],
  rounding: { unit: 1000, method: 'largest-remainder', level: 'recipient' },
};

// Four associations share 900 000 kr less 27 000 kr of administration by
// members, in whole 10 000 kr (3 000 kr are left over); two get help with
// their premises on top.
const ASSOCIATIONS = {
  format: 'fordela-scenario',
  version: 1,
  title: 'Föreningsbidrag Ekby 2027',
  pot: { total: '900 000', deductions: [{ name: 'Administration', amount: '27 000' }] },
  indicators: [
    { id: 'medlemmar', label: 'Medlemmar', kind: 'count' },
    { id: 'lokal', label: 'Lokalstöd', kind: 'amount' },
  ],
  recipients: [
    { name: 'Ekby IF', values: { medlemmar: 340, lokal: '15 000' } },
    { name: 'Ekby scouter', values: { medlemmar: 120, lokal: 0 } },
    { name: 'Ekby konstförening', values: { medlemmar: 75, lokal: '8 500,50' } },
    { name: 'Ekby PRO', values: { medlemmar: 210, lokal: 0 } },
  ],
  key: [{ name: 'Medlemmar', share: 100, basis: 'indicator', indicator: 'medlemmar' }],
  earmarks: [{ name: 'Lokalstöd', indicator: 'lokal' }],
  rounding: { unit: 10000, method: 'largest-remainder', level: 'recipient' },
};

function copy(value) {
  return JSON.parse(JSON.stringify(value));
}

// A scenario opened the way a user opens one: as a file.
async function openScenario(page, scenario) {
  await page.setInputFiles('#file-input', { name: 'fordelning.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(scenario)) });
  await page.waitForFunction((title) => document.querySelector('[data-path="/title"]').value === title, scenario.title);
  await web.settle(page);
}

// The comparison in view (it is brought up to date there), in a mode.
async function compareIn(page, mode) {
  await page.locator('#compare-section').scrollIntoViewIfNeeded();
  await page.waitForSelector('#compare-section [data-compare-mode]');
  await page.check('[data-compare-mode="' + mode + '"]');
}

// The core's comparison of two documents, as the page gets it.
function coreCompare(page, a, b) {
  return page.evaluate(([docA, docB]) => Fordela.core.compare(docA, docB), [a, b]);
}

// Öre as Swedish Excel's plain number: "-1234,50", "5000".
function plainKr(ore) {
  const sign = ore < 0 ? '-' : '';
  const abs = Math.abs(ore);
  const kronor = String(Math.floor(abs / 100));
  return sign + kronor + (abs % 100 ? ',' + String(abs % 100).padStart(2, '0') : '');
}

// The comparison as its cells should read: from the core's answer.
function expectedCells(cmp, totalsLabel) {
  const pct = (p) => (p === null ? '' : p.replace('.', ','));
  const rows = cmp.recipients.map((r) => [r.name, r.only_in === 'b' ? '' : plainKr(r.a_ore), r.only_in === 'a' ? '' : plainKr(r.b_ore), plainKr(r.diff_ore), pct(r.diff_percent)]);
  rows.push([totalsLabel, plainKr(cmp.totals.a_ore), plainKr(cmp.totals.b_ore), plainKr(cmp.totals.diff_ore), pct(cmp.totals.diff_percent)]);
  return rows;
}

async function clipboard(page) {
  return page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    const read = async (type) => (item.types.includes(type) ? (await item.getType(type)).text() : '');
    return { html: await read('text/html'), plain: await read('text/plain') };
  });
}

test('the what-if comparison copies to Word and Excel: HTML with the numbers for Excel, and tab-separated text', async () => {
  const s = await web.session(browser, server, server.url, { permissions: ['clipboard-read', 'clipboard-write'] });
  const { page } = s;
  await openScenario(page, CENTRES);
  await compareIn(page, 'snapshot');
  // Nothing to compare yet: nothing to copy, save or print.
  assert.equal(await page.isVisible('[data-compare="copy"]'), false);
  await compareIn(page, 'whatif');
  await page.fill('[data-compare="share-number"]', '50');
  await page.waitForFunction(() => /Prövat \(50\/50\)/.test(document.querySelector('#compare-table thead').textContent));
  assert.equal(await page.textContent('[data-compare="copy"]'), 'Kopiera jämförelsen (Word/Excel)');
  await page.click('[data-compare="copy"]');
  await page.waitForFunction(() => document.querySelector('[data-compare="status"]').textContent !== '');
  assert.equal(await web.text(page, '[data-compare="status"]'), 'Jämförelsen är kopierad. Klistra in i Word eller Excel.');

  const b = copy(CENTRES);
  b.key[0].share = 50;
  b.key[1].share = 50;
  const cmp = await coreCompare(page, CENTRES, b);
  assert.ok(cmp.ok);
  assert.ok(cmp.recipients.filter((r) => r.diff_ore !== 0).length >= 2, 'amounts move at 50/50');
  const clip = await clipboard(page);
  const lines = clip.plain.split('\r\n');
  assert.equal(lines.pop(), '', 'ends with CRLF');
  assert.deepEqual(lines.map((l) => l.split('\t')), [
    ['Mottagare', 'A: Nu (70/30) (kr)', 'B: Prövat (50/50) (kr)', 'Skillnad B − A (kr)', 'Skillnad (%)'],
    ...expectedCells(cmp, 'Summa'),
  ]);
  // Word keeps the table; Excel reads each amount from x:num, in öre's
  // decimal form; the page's classes and marks stay behind.
  assert.match(clip.html, /<table[^>]*border="1"/);
  const asen = cmp.recipients.find((r) => r.name === 'Åsen');
  for (const ore of [asen.a_ore, asen.b_ore, asen.diff_ore, cmp.totals.b_ore]) {
    assert.match(clip.html, new RegExp('x:num="' + plainKr(ore).replace(',', '\\.') + '"'));
  }
  assert.match(clip.html, /Prövat \(50\/50\)/);
  assert.doesNotMatch(clip.html, /class=|data-user|id=/);

  // In English, the button and the headings are English.
  await page.click('#lang-switch');
  await web.settle(page);
  assert.equal(await page.textContent('[data-compare="copy"]'), 'Copy the comparison (Word/Excel)');
  await page.click('[data-compare="copy"]');
  await page.waitForFunction(() => /copied/.test(document.querySelector('[data-compare="status"]').textContent));
  const english = (await clipboard(page)).plain.split('\r\n');
  assert.equal(english[0], 'Recipient\tA: Now (70/30) (kr)\tB: Tried (50/50) (kr)\tDifference B − A (kr)\tDifference (%)');
  assert.equal(english[english.length - 2].split('\t')[0], 'Total');
  await s.close();
});

test('the snapshot comparison saves as Excel CSV written by the core, with recipients on one side only and names that look like formulas kept as text', async () => {
  const s = await web.session(browser, server, server.url);
  const { page } = s;
  await openScenario(page, CENTRES);
  await compareIn(page, 'snapshot');
  await page.click('[data-compare="snapshot"]');
  // After the snapshot: Dalen is renamed (so it is only in A, the new name
  // only in B) and Åsen has more visits.
  await page.locator('[data-path="/recipients/2/name"]').scrollIntoViewIfNeeded();
  await page.fill('[data-path="/recipients/2/name"]', '=Dalen+1');
  await page.fill('[data-path="/recipients/0/values/besok"]', '500');
  await web.settle(page);
  await page.locator('#compare-section').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => /bara i B/.test(document.querySelector('#compare-table').textContent));

  const file = await web.downloadOf(page, '[data-compare="export_csv"]');
  assert.equal(file.name, 'fritidsgardar-norrvik-2027-jamforelse.csv');
  assert.equal(await web.text(page, '[data-compare="status"]'), 'CSV-filen med jämförelsen är sparad. Den öppnas direkt i Excel.');
  const rows = web.readExcelCsv(file.bytes);

  const b = copy(CENTRES);
  b.recipients[2].name = '=Dalen+1';
  b.recipients[0].values.besok = '500';
  const cmp = await coreCompare(page, CENTRES, b);
  assert.ok(cmp.ok);
  assert.equal(rows[0][0], 'Mottagare');
  assert.match(rows[0][1], /^A: Ögonblicksbild .+ \(kr\)$/);
  assert.deepEqual(rows[0].slice(2), ['B: Nu (kr)', 'Skillnad B − A (kr)', 'Skillnad (%)']);
  const expected = expectedCells(cmp, 'Summa');
  expected.forEach((row) => { if (row[0].startsWith('=')) row[0] = '\'' + row[0]; });
  assert.deepEqual(rows.slice(1), expected);
  assert.deepEqual(rows.find((r) => r[0] === 'Dalen').slice(2), ['', plainKr(-cmp.recipients.find((r) => r.name === 'Dalen').a_ore), '-100,0']);
  assert.equal(rows.find((r) => r[0] === '\'=Dalen+1')[1], '', 'not in A: an empty cell');
  // The sheet adds up: each column's sum is its total, to the öre.
  for (const c of [1, 2, 3]) {
    const sum = rows.slice(1, -1).reduce((acc, r) => acc + (r[c] === '' ? 0 : web.excelOre(r[c])), 0);
    assert.equal(sum, web.excelOre(rows[rows.length - 1][c]), rows[0][c]);
  }

  // In English the headings are English; the numbers stay Swedish Excel's.
  await page.click('#lang-switch');
  await web.settle(page);
  const english = web.readExcelCsv((await web.downloadOf(page, '[data-compare="export_csv"]')).bytes);
  assert.equal(english[0][0], 'Recipient');
  assert.match(english[0][1], /^A: Snapshot .+ \(kr\)$/);
  assert.deepEqual(english[0].slice(2), ['B: Now (kr)', 'Difference B − A (kr)', 'Difference (%)']);
  assert.equal(english[english.length - 1][0], 'Total');
  assert.deepEqual(english.slice(1).map((r) => r.slice(1)), rows.slice(1).map((r) => r.slice(1)));
  await s.close();
});

test('a comparison with another allocation prints as an A4 appendix: both rules side by side above the table', async () => {
  const s = await web.session(browser, server, server.url);
  const { page } = s;
  // Last year's allocation, then this year's with an even split.
  const lastYear = copy(CENTRES);
  lastYear.title = 'Fritidsgårdar Norrvik 2026';
  await openScenario(page, lastYear);
  const thisYear = copy(CENTRES);
  thisYear.key[0].share = 50;
  thisYear.key[1].share = 50;
  await openScenario(page, thisYear);
  await compareIn(page, 'other');
  await page.selectOption('[data-compare="other"]', { label: 'Fritidsgårdar Norrvik 2026' });
  await page.waitForSelector('#compare-table');
  await page.evaluate(() => { window.print = () => { window.__printed = (window.__printed || 0) + 1; }; });
  await page.click('[data-compare="print"]');
  assert.equal(await page.evaluate(() => window.__printed), 1);

  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.isVisible('#main'), false, 'the page itself is not printed');
  assert.equal(await web.text(page, '.compare-appendix .print-title'), 'Fritidsgårdar Norrvik 2027');
  const sides = await page.$$eval('.compare-appendix .compare-rule', (els) => els.map((el) => {
    const box = el.getBoundingClientRect();
    return { side: el.getAttribute('data-side'), head: el.querySelector('h3').textContent, text: el.textContent, left: box.left, right: box.right, top: box.top };
  }));
  assert.deepEqual(sides.map((x) => x.side), ['A', 'B']);
  assert.match(web.normalize(sides[0].head), /^A Fritidsgårdar Norrvik 2026$/);
  assert.match(web.normalize(sides[1].head), /^B Nu$/);
  assert.match(web.normalize(sides[0].text), /Ungdomar: 70 %/);
  assert.match(web.normalize(sides[1].text), /Ungdomar: 50 %/);
  assert.match(web.normalize(sides[1].text), /Pott ?1 800 000 kr/, 'each rule with its pot');
  assert.equal(sides[0].top, sides[1].top, 'side by side');
  assert.ok(sides[0].right <= sides[1].left, 'A left of B');
  const printed = await page.$$eval('.compare-appendix table tr', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  const cmp = await coreCompare(page, lastYear, thisYear);
  assert.equal(printed.length, cmp.recipients.length + 2);
  assert.deepEqual(printed.slice(1, -1).map((r) => r[0]), cmp.recipients.map((r) => r.name));
  // The day of the fixed clock in the browser's own time zone (under
  // Pacific/Kiritimati 12:00Z is already the next day).
  const day = await page.evaluate(() => { const d = new Date(); return [d.getFullYear(), d.getMonth() + 1, d.getDate()].map((n) => String(n).padStart(2, '0')).join('-'); });
  assert.match(await web.text(page, '.compare-appendix .print-foot'), new RegExp('beräkningskärna [\\d.]+, ' + day + '\\.'));
  await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
  await web.screenshot(page, 'compare-print-appendix', { fullPage: true });
  fs.mkdirSync(web.ARTIFACTS, { recursive: true });
  const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  fs.writeFileSync(path.join(web.ARTIFACTS, 'compare-appendix.pdf'), pdf);
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.equal(pages, 1, 'one A4 page');

  // Once the print dialog closes, the page prints its result again.
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  assert.equal(await page.$('.compare-appendix'), null);
  assert.equal(await page.isVisible('#result-table'), true);
  await page.emulateMedia({ media: 'screen' });
  await s.close();
});

test('the result\'s Excel CSV ends with the summary, so that the sheet adds up by itself, in the page\'s words', async () => {
  const s = await web.session(browser, server, server.url);
  const { page } = s;
  await openScenario(page, ASSOCIATIONS);
  const result = await page.evaluate((doc) => Fordela.core.compute(doc), ASSOCIATIONS);
  assert.ok(result.ok);
  const file = await web.downloadOf(page, '#export-csv');
  const { table, summary } = web.excelParts(web.readExcelCsv(file.bytes));
  // The part's exact sum is the 873 000 to allocate; by the key, 870 000.
  assert.deepEqual(table[table.length - 1], ['Summa', '873000', '', '870000', '23500,50', '893500,50']);
  assert.deepEqual(summary, [
    ['Pott', '900000'],
    ['Avdrag', '27000'],
    ['Att fördela', '873000'],
    ['Fördelat enligt nyckeln', '870000'],
    ['Ej fördelat', '3000'],
    ['Öronmärkt', '23500,50'],
    ['Totalt', '893500,50'],
  ]);
  const t = result.totals;
  assert.deepEqual(summary.map((r) => web.excelOre(r[1])), [t.pot_ore, t.deductions_ore, t.net_ore, t.formula_ore, t.not_allocated_ore, t.earmarks_ore, t.total_ore]);
  // The labels are the page's own, as in its summary under the table.
  const onPage = await page.$$eval('.totals-list dt', (dts) => dts.map((dt) => dt.textContent));
  assert.deepEqual(summary.map((r) => r[0]), onPage);

  await page.click('#lang-switch');
  await web.settle(page);
  const english = web.excelParts(web.readExcelCsv((await web.downloadOf(page, '#export-csv')).bytes));
  assert.deepEqual(english.summary.map((r) => r[0]), ['Pot', 'Deductions', 'To allocate', 'Allocated by the key', 'Not allocated', 'Earmarked', 'Total']);
  assert.deepEqual(english.summary.map((r) => r[1]), summary.map((r) => r[1]));
  assert.deepEqual(english.summary.map((r) => r[0]), await page.$$eval('.totals-list dt', (dts) => dts.map((dt) => dt.textContent)));
  await s.close();
});
