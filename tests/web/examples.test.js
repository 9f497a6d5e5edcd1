// Each example opens with its published totals, from disk (file://) and
// from a local server, with no request leaving the page's origin, no
// console error and no Content-Security-Policy violation.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const web = require('./lib/page.js');

let browser;
let server;

web.suite((b, s) => {
  browser = b;
  server = s;
});

for (const mode of ['file', 'http']) {
  const base = () => (mode === 'file' ? web.FILE_URL : server.url);
  const origin = () => (mode === 'file' ? null : server.origin);

  test(`${mode}: the first screen is the Stockholm 2021 model, 25 400 000 kr by the key and 32 926 000 kr in all`, async () => {
    const context = await web.newContext(browser);
    const page = await context.newPage();
    const watch = web.watch(page, origin());
    await web.open(page, base());
    assert.equal(await page.inputValue('[data-path="/pot/total"]'), '25 400 000'.replace(/ /g, '\u00a0'));
    assert.equal(await web.figure(page, 'formula'), '25 400 000 kr');
    assert.equal(await web.figure(page, 'total'), '32 926 000 kr');
    const rows = await web.resultTable(page);
    const rinkeby = rows.find((r) => r[0] === 'Rinkeby-Kista');
    assert.ok(rinkeby.includes('5 900 000 kr'), rinkeby.join(' | '));
    assert.ok(rinkeby.includes('6 954 200 kr'), rinkeby.join(' | '));
    assert.deepEqual(rows[rows.length - 1].slice(-1), ['32 926 000 kr']);
    await web.screenshot(page, `${mode}-first-screen`);
    await web.screenshot(page, `${mode}-first-screen-full`, { fullPage: true });
    assert.deepEqual(await watch.check(), []);
    await context.close();
  });

  test(`${mode}: Stockholm 2021 shows the published amounts and a total of 32 926 000 kr`, async () => {
    const context = await web.newContext(browser);
    const page = await context.newPage();
    const watch = web.watch(page, origin());
    await web.open(page, base() + '#example=stockholm-2021');
    assert.equal(await web.figure(page, 'formula'), '25 400 000 kr');
    assert.equal(await web.figure(page, 'earmarks'), '7 526 000 kr');
    assert.equal(await web.figure(page, 'total'), '32 926 000 kr');
    const rows = await web.resultTable(page);
    assert.deepEqual(rows.find((r) => r[0] === 'Skärholmen').slice(-3), ['3 300 000 kr', '479 200 kr', '3 779 200 kr']);
    assert.deepEqual(await watch.check(), []);
    await context.close();
  });

  test(`${mode}: a 5 000 000 frame with 4 850 000 allocated warns of 150 000 kr not allocated (Linköping 2022)`, async () => {
    const context = await web.newContext(browser);
    const page = await context.newPage();
    const watch = web.watch(page, origin());
    await web.open(page, base() + '#example=linkoping-2022');
    assert.equal(await web.figure(page, 'formula'), '4 850 000 kr');
    assert.equal(await web.figure(page, 'not-allocated'), '150 000 kr');
    const warning = await web.text(page, '.findings-list .finding.warning');
    assert.match(warning, /150 000 kr/);
    // Beside the key component the warning concerns, too.
    assert.match(await web.text(page, '#key .finding-msg.warning'), /150 000 kr/);
    assert.equal(await page.isVisible('#costs-section'), true);
    await web.screenshot(page, `${mode}-linkoping-2022`, { fullPage: true });
    assert.deepEqual(await watch.check(), []);
    await context.close();
  });

  test(`${mode}: Linköping 2021 splits 3 000 000 kr among three committees`, async () => {
    const context = await web.newContext(browser);
    const page = await context.newPage();
    const watch = web.watch(page, origin());
    await web.open(page, base() + '#example=linkoping-2021');
    assert.equal(await web.figure(page, 'formula'), '3 000 000 kr');
    assert.equal(await web.figure(page, 'not-allocated'), '0 kr');
    const rows = await web.resultTable(page);
    assert.deepEqual(rows.slice(1).map((r) => r[r.length - 1]), ['1 000 000 kr', '500 000 kr', '1 500 000 kr', '3 000 000 kr']);
    assert.deepEqual(await watch.check(), []);
    await context.close();
  });
}

test('the national key redistributes what Kommun H did not requisition', async () => {
  const context = await web.newContext(browser);
  const page = await context.newPage();
  const watch = web.watch(page, server.origin);
  await web.open(page, server.url + '#example=socialstyrelsen-2023');
  assert.equal(await web.figure(page, 'net'), '243 500 000 kr');
  assert.equal(await web.figure(page, 'final'), '243 500 000 kr');
  const rows = await web.resultTable(page);
  assert.match(rows[0].join(' '), /Omfördelning/);
  const h = rows.find((r) => r[0].startsWith('Kommun H'));
  assert.equal(h[h.length - 1], '0 kr');
  // Each row adds up on screen: by the key, less what was not requisitioned, plus the round = paid out.
  const header = rows[0];
  const at = (name) => header.findIndex((c) => c.startsWith(name));
  assert.deepEqual([at('Enligt nyckeln'), at('Ej rekvirerat'), at('Omfördelning'), at('Utbetalas')].map((i) => i > 0), [true, true, true, true]);
  const kr = (cell) => Number(cell.replace(/\s|kr/g, '').replace('−', '-').replace(',', '.'));
  for (const row of rows.slice(1)) {
    assert.equal(kr(row[at('Enligt nyckeln')]) + kr(row[at('Ej rekvirerat')]) + kr(row[at('Omfördelning')]), kr(row[at('Utbetalas')]), row[0]);
  }
  assert.match(h[at('Ej rekvirerat')], /^−\d/);
  assert.equal(await page.getAttribute('#requisition-details', 'open'), '');
  await web.screenshot(page, 'http-socialstyrelsen-2023', { fullPage: true });
  assert.deepEqual(await watch.check(), []);
  await context.close();
});

test('the example picker opens another example and the hash follows', async () => {
  const context = await web.newContext(browser);
  const page = await context.newPage();
  const watch = web.watch(page, server.origin);
  await web.open(page, server.url);
  await page.selectOption('#example-picker', 'linkoping-2021');
  await page.click('#open-example');
  await page.waitForFunction(() => location.hash === '#example=linkoping-2021');
  assert.equal(await web.figure(page, 'total'), '3 000 000 kr');
  assert.deepEqual(await watch.check(), []);
  await context.close();
});

test('without the core the page says so instead of showing amounts', async () => {
  const context = await web.newContext(browser);
  const page = await context.newPage();
  await page.route('**/web/gen/fordela-core.js', (route) => route.fulfill({ status: 404, body: '' }));
  await page.goto(server.url);
  await page.waitForSelector('#notice:not([hidden])');
  assert.match(await web.text(page, '#notice'), /Beräkningskärnan kunde inte laddas/);
  assert.equal(await page.$('#result-table'), null);
  await context.close();
});
