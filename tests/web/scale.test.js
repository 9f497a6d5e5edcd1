// 50 000 recipients on the page: the recipients' editor and the result
// table draw only the rows in view (web/views/virtual-rows.js) with the
// whole count told to assistive technology, a filter finds a row to edit,
// the arrow keys move between cells, the print holds every row, a removal
// is undone, and axe finds nothing on the long tables.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const web = require('./lib/page.js');

const N = 50000;
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

// Units of a municipality's schools, numbered, with pupils by a fixed rule.
function schools(n) {
  const recipients = new Array(n);
  for (let i = 0; i < n; i += 1) recipients[i] = { name: 'Enhet ' + (i + 1), values: { elever: 20 + ((i * 7919) % 480) } };
  return {
    format: 'fordela-scenario',
    version: 1,
    title: 'Skolpeng per enhet',
    notes: '',
    pot: { total: '500 000 000 kr', deductions: [], dates: {} },
    indicators: [{ id: 'elever', label: 'Elever', kind: 'count' }],
    recipients,
    key: [{ name: 'Efter elever', share: 100, basis: 'indicator', indicator: 'elever' }],
    earmarks: [],
    rounding: { unit: 1, method: 'largest-remainder', level: 'recipient' },
  };
}

let browser;
let server;
let context;
let page;
let watch;

before(async () => {
  browser = await web.launch();
  server = await web.startServer();
  context = await web.newContext(browser, { viewport: { width: 1366, height: 768 } });
  page = await context.newPage();
  // A long document takes the shared test machine longer than the default.
  page.setDefaultTimeout(60000);
  watch = web.watch(page, server.origin);
  await web.open(page, server.url);
  await page.waitForSelector('#result-table tr.totals');
  await page.setInputFiles('#file-input', { name: 'skolenheter.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(schools(N))) });
  await page.waitForFunction((n) => {
    const table = document.getElementById('result-table');
    return table && table.getAttribute('aria-rowcount') === String(n + 2);
  }, N, { timeout: 120000 });
  await web.settle(page);
});

after(async () => {
  if (page) assert.deepEqual(await watch.check(), []);
  if (browser) await browser.close();
  if (server) await server.close();
});

// Recipient r's amount in the result table, found with its filter.
async function resultAmount(r) {
  await page.fill('#result-filter', 'Enhet ' + (r + 1));
  const row = page.locator('#result-table tbody tr[data-row="' + r + '"]');
  await row.waitFor();
  const cells = await row.locator('td').allTextContents();
  return web.normalize(cells[cells.length - 1]);
}

test('a 50 000-recipient file opens with the whole count told and only the rows in view drawn', async () => {
  assert.equal(await page.getAttribute('#recipients-table', 'aria-rowcount'), String(N + 1));
  assert.equal(await page.getAttribute('#result-table', 'aria-rowcount'), String(N + 2));
  const drawn = await page.$$eval('#result-table tbody tr[data-row]', (trs) => trs.map((tr) => Number(tr.getAttribute('aria-rowindex'))));
  assert.ok(drawn.length > 5 && drawn.length < 200, 'drawn result rows: ' + drawn.length);
  assert.deepEqual(drawn.slice(0, 3), [2, 3, 4], 'the rows are counted after the header row');
  const editorRows = await page.$$eval('#recipients-table tbody tr[data-row]', (trs) => trs.length);
  assert.ok(editorRows > 5 && editorRows < 200, 'drawn editor rows: ' + editorRows);
  assert.match(await web.text(page, '#recipients-filter-count'), /Alla 50 000 mottagare/);
  assert.equal(await web.figure(page, 'total'), '500 000 000 kr');
  await page.locator('#recipients').scrollIntoViewIfNeeded();
  await web.screenshot(page, 'scale-50000-editor');
  await page.locator('#result-table').scrollIntoViewIfNeeded();
  await web.screenshot(page, 'scale-50000-result');
});

test('the filter finds a recipient far down; its cell is edited and the result follows, the rest untouched', async () => {
  // Rows not edited are the same elements after the edit, not rebuilt.
  const drawn = await page.evaluate(() => ['#recipients-table', '#result-table'].map((table) => {
    const tr = document.querySelector(table + ' tbody tr[data-row="1"]');
    if (tr) tr.kept = true;
    return [...document.querySelectorAll(table + ' tbody tr[data-row]')].slice(0, 3).map((row) => row.getAttribute('data-row')).join(',');
  }));
  assert.deepEqual(drawn, ['0,1,2', '0,1,2']);
  await page.fill('[data-path="/recipients/0/values/elever"]', '21');
  await web.settle(page);
  assert.deepEqual(await page.evaluate(() => [
    document.querySelector('#recipients-table tbody tr[data-row="1"]').kept,
    document.querySelector('#result-table tbody tr[data-row="1"]').kept,
  ]), [true, true]);

  const before = await resultAmount(43209);
  await page.fill('#recipients-filter', 'Enhet 43210');
  assert.match(await web.text(page, '#recipients-filter-count'), /^1 av 50 000 mottagare visas/);
  const cell = '[data-path="/recipients/43209/values/elever"]';
  await page.fill(cell, '5000');
  await web.settle(page);
  assert.equal(await page.inputValue(cell), '5000', 'the field keeps what was typed');
  // The filtered row stayed the same element while the result changed.
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-path')), '/recipients/43209/values/elever');
  const after = await resultAmount(43209);
  assert.notEqual(after, before);
  assert.equal(await web.figure(page, 'total'), '500 000 000 kr');
  await page.fill('#recipients-filter', '');
  await page.fill('#result-filter', '');
});

async function clearFilters() {
  await page.fill('#recipients-filter', '');
  await page.fill('#result-filter', '');
}

test('the arrow keys, Enter and Ctrl+End move between cells, drawing the rows they reach', async () => {
  await clearFilters();
  await page.focus('[data-path="/recipients/0/values/elever"]');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowDown');
  const path = () => page.evaluate(() => document.activeElement.getAttribute('data-path'));
  assert.equal(await path(), '/recipients/3/values/elever');
  await page.keyboard.press('Shift+Enter');
  assert.equal(await path(), '/recipients/2/values/elever');
  await page.keyboard.press('Control+End');
  assert.equal(await path(), '/recipients/49999/values/elever');
  await page.keyboard.press('ArrowUp');
  assert.equal(await path(), '/recipients/49998/values/elever');
  // At the start of the field, ArrowLeft goes to the name beside it.
  await page.evaluate(() => document.activeElement.setSelectionRange(0, 0));
  await page.keyboard.press('ArrowLeft');
  assert.equal(await path(), '/recipients/49998/name');

  // The result table: its cells take the focus in turn.
  const first = page.locator('#result-table tbody tr[data-row="0"] td').last();
  await first.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('PageDown');
  const row = await page.evaluate(() => document.activeElement.closest('tr').getAttribute('data-row'));
  assert.ok(Number(row) > 5, 'PageDown moved a screenful: row ' + row);
  await page.keyboard.press('Control+Home');
  assert.equal(await page.evaluate(() => document.activeElement.closest('tr').getAttribute('data-row')), '0');
});

test('the print holds every row of the result and of the values it came from', async () => {
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.$$eval('#result-print-table tbody tr', (trs) => trs.length), N);
  assert.equal(await page.$$eval('.basis-box tbody tr', (trs) => trs.length), N);
  assert.equal(await page.isVisible('#result-print-table'), true);
  assert.equal(await page.isVisible('#result-table'), false, 'the drawn-in-view table is not printed');
  const last = await page.$eval('#result-print-table tbody tr:last-child th', (th) => th.textContent);
  assert.match(last, /Enhet 50000/);
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  assert.equal(await page.$('#result-print-table'), null, 'dropped after printing');
});

test('a removed recipient comes back with Ångra, in place', async () => {
  await clearFilters();
  await page.fill('#recipients-filter', 'Enhet 43210');
  await page.click('[data-action="remove"][data-collection="recipients"][data-index="43209"]');
  await web.settle(page);
  assert.equal(await page.getAttribute('#recipients-table', 'aria-rowcount'), String(N));
  assert.match(await web.text(page, '#recipients-filter-count'), /^0 av 49 999 mottagare visas/);
  await page.click('#recipients-toast button');
  await web.settle(page);
  assert.equal(await page.getAttribute('#recipients-table', 'aria-rowcount'), String(N + 1));
  assert.equal(await page.inputValue('[data-path="/recipients/43209/name"]'), 'Enhet 43210');
  assert.equal(await page.inputValue('[data-path="/recipients/43209/values/elever"]'), '5000', 'with its edit');
  await page.fill('#recipients-filter', '');
});

test('a recipient added at the end of the long table is drawn there with the focus on its name', async () => {
  await clearFilters();
  await page.click('[data-action="add"][data-collection="recipients"]');
  await web.settle(page);
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-path')), '/recipients/' + N + '/name');
  assert.equal(await page.getAttribute('#recipients-table', 'aria-rowcount'), String(N + 2));
  await page.click('[data-action="remove"][data-collection="recipients"][data-index="' + N + '"]');
  await web.settle(page);
  assert.equal(await page.getAttribute('#recipients-table', 'aria-rowcount'), String(N + 1));
});

test('axe finds no WCAG 2.1 AA violations on the long tables, in Swedish and English', async () => {
  const run = async () => {
    await page.evaluate(AXE);
    const result = await page.evaluate(() => window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    }));
    return result.violations.map((v) => v.id + ': ' + v.help + ' — ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', '));
  };
  assert.deepEqual(await run(), []);
  await page.click('#lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await web.settle(page);
  assert.match(await web.text(page, '#recipients-filter-count'), /All 50,000 recipients/);
  assert.deepEqual(await run(), [], 'in English');
});
