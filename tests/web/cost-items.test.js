// Cost-built items and earmarks on the page: names that follow their
// setting until the user types one (in Swedish and English), the cost the
// core computed shown beside each item's inputs, and an item marked "ej
// beslutat" (pending): shown as such, out of the sum, named in the frame's
// left-over warning. Made-up data of our own.
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

// A youth-services frame of 3 mnkr spent on measures, and an earmark.
const YOUTH = {
  format: 'fordela-scenario',
  version: 1,
  title: 'Ungdomsinsatser Norrvik 2027',
  pot: { total: '3 000 000 kr', deductions: [], dates: {} },
  indicators: [
    { id: 'lovbidrag', label: 'Lovbidrag', kind: 'amount' },
    { id: 'bussar', label: 'Bussresor', kind: 'amount' },
  ],
  recipients: [
    { name: 'Fältgrupp', values: { lovbidrag: 40000 }, cost: { posts: 2, cost_per_post: 640000, months: 12, other: [] } },
    { name: 'Nattvandring', values: { lovbidrag: 25000 }, cost: { posts: '0,5', cost_per_post: 600000, months: 12, other: [{ name: 'Västar', amount: 15000 }] } },
  ],
  key: [{ name: 'Insatser', share: 100, basis: 'cost' }],
  earmarks: [],
  rounding: { unit: 1, method: 'largest-remainder', level: 'recipient' },
};

async function openScenario(page, scenario) {
  await page.setInputFiles('#file-input', { name: 'ungdom.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(scenario)) });
  await page.waitForFunction((title) => document.querySelector('[data-path="/title"]').value === title, scenario.title);
  await web.settle(page);
}

// The work open, as saved in this browser.
function savedWork(page) {
  return page.evaluate(() => JSON.parse(localStorage.getItem('fordela.v1.entry.' + JSON.parse(localStorage.getItem('fordela.v1.index')).current)));
}

function costCells(page) {
  return page.$$eval('#costs [data-cost-of]', (cells) => cells.map((c) => c.textContent.replace(/[\u00a0\u202f\s]+/g, ' ').trim()));
}

function gapWarning(page) {
  return page.$$eval('.findings-list li', (items) => items.map((li) => li.textContent.replace(/[\u00a0\u202f\s]+/g, ' ')).find((text) => /inte fördelat|not allocated/.test(text)) || '');
}

test('a cost-built item shows its cost beside its inputs as the core computes it, live while typing', async () => {
  const s = await web.session(browser, server, server.url);
  const { page } = s;
  await openScenario(page, YOUTH);
  assert.deepEqual(await costCells(page), ['1 280 000 kr', '315 000 kr']);
  // Typing changes the cost at once, without leaving the field.
  await page.fill('[data-path="/recipients/0/cost/months"]', '9');
  await web.settle(page);
  assert.deepEqual(await costCells(page), ['960 000 kr', '315 000 kr']);
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-path')), '/recipients/0/cost/months');
  // The cost is the core's own figure for the item (cost_ore), not the page's.
  const costs = await page.evaluate((doc) => Fordela.core.compute(doc).recipients.map((r) => r.cost_ore), await savedWork(page));
  assert.deepEqual(costs, [96000000, 31500000]);
  // Over the frame the core gives no result: no earlier cost is left standing.
  await page.fill('[data-path="/recipients/0/cost/posts"]', '10');
  await web.settle(page);
  assert.deepEqual(await costCells(page), ['–', '–']);
  await s.close();
});

test('an item marked "ej beslutat" is shown as such, kept out of the sum, and named in the frame\'s left-over warning; in English too', async () => {
  const s = await web.session(browser, server, server.url);
  const { page } = s;
  await page.setViewportSize({ width: 1366, height: 768 });
  await openScenario(page, YOUTH);
  assert.equal(await web.figure(page, 'formula'), '1 595 000 kr');
  await page.check('[data-path="/recipients/1/cost/pending"]');
  await web.settle(page);
  assert.deepEqual(await costCells(page), ['1 280 000 kr', '315 000 kr (ej beslutat, räknas inte med)']);
  assert.equal(await web.figure(page, 'formula'), '1 280 000 kr', 'the pending item is out of the sum');
  const table = await web.resultTable(page);
  const row = table.find((r) => r[0].startsWith('Nattvandring'));
  assert.match(row[0], /Nattvandring \(ej beslutat\)/);
  assert.match(await gapWarning(page), /1 720 000 kr är inte fördelat\. Ej beslutat och inte medräknat: ”Nattvandring” \(315 000 kr\)\./);
  assert.equal((await savedWork(page)).recipients[1].cost.pending, true);
  await page.locator('#costs-section').scrollIntoViewIfNeeded();
  await web.screenshot(page, 'cost-items-pending', { fullPage: false });

  await page.click('#lang-switch');
  await web.settle(page);
  assert.deepEqual(await costCells(page), ['1 280 000 kr', '315 000 kr (not decided, not counted)']);
  assert.match(await gapWarning(page), /Not decided and not counted: “Nattvandring” \(315,000 kr\)\./);

  // Decided again: counted, and the document carries no mark.
  await page.uncheck('[data-path="/recipients/1/cost/pending"]');
  await web.settle(page);
  assert.equal(await web.figure(page, 'formula'), '1 595 000 kr');
  assert.equal(Object.prototype.hasOwnProperty.call((await savedWork(page)).recipients[1].cost, 'pending'), false);
  await s.close();
});

test('a pending item travels in a link of either format and opens still not decided', async () => {
  const s = await web.session(browser, server, server.url);
  const { page } = s;
  const pending = JSON.parse(JSON.stringify(YOUTH));
  pending.recipients[1].cost.pending = true;
  for (const version of [1, 2]) {
    const link = await page.evaluate(async ([doc, v]) => location.href.split('#')[0] + '#' + (await Fordela.link.encode(doc, v)), [pending, version]);
    const other = await web.session(browser, server, link);
    await other.page.waitForSelector('[data-path="/recipients/1/cost/pending"]');
    await web.settle(other.page);
    assert.equal(await other.page.isChecked('[data-path="/recipients/1/cost/pending"]'), true, 'format ' + version);
    assert.equal(await other.page.isChecked('[data-path="/recipients/0/cost/pending"]'), false, 'format ' + version);
    assert.equal(await web.figure(other.page, 'formula'), '1 280 000 kr', 'format ' + version);
    await other.close();
  }
  await s.close();
});

test('items and earmarks are named after their setting until the user types a name, in Swedish and in English', async () => {
  const s = await web.session(browser, server, server.url);
  const { page } = s;
  const unnamed = JSON.parse(JSON.stringify(YOUTH));
  unnamed.recipients = [{ name: 'Mottagare 1', values: {}, cost: { posts: 0, cost_per_post: 0, months: 12, other: [] } }];
  unnamed.key[0].name = 'Del 1';
  await openScenario(page, unnamed);
  // A new item is a measure, not a "Mottagare".
  await page.click('[data-action="add"][data-collection="recipients"]');
  await web.settle(page);
  // Its name follows what it costs, as typed.
  await page.fill('[data-path="/recipients/0/cost/posts"]', '1,5');
  await web.settle(page);
  assert.equal(await page.inputValue('[data-path="/recipients/0/name"]'), '1,5 årsarbetare');
  assert.equal(await page.textContent('#costs [data-name-of="0"]'), '1,5 årsarbetare', 'the row says it while the posts are typed');
  assert.equal(await page.inputValue('[data-path="/recipients/1/name"]'), 'Insats 2');
  await page.click('[data-action="add"][data-collection="other-costs"][data-recipient="1"]');
  await page.fill('[data-path="/recipients/1/cost/other/0/name"]', 'Lokalhyra');
  await page.fill('[data-path="/recipients/1/cost/other/0/amount"]', '90 000');
  await web.settle(page);
  assert.equal(await page.inputValue('[data-path="/recipients/1/name"]'), 'Lokalhyra');
  // A name the user typed stays.
  await page.fill('[data-path="/recipients/1/name"]', 'Mötesplats Väster');
  await page.fill('[data-path="/recipients/0/cost/cost_per_post"]', '600 000');
  await page.fill('[data-path="/recipients/1/cost/other/0/name"]', 'Hyra');
  await web.settle(page);
  assert.equal(await page.inputValue('[data-path="/recipients/1/name"]'), 'Mötesplats Väster');

  // An earmark is named after its column, and follows it.
  await page.click('[data-action="add"][data-collection="earmarks"]');
  await web.settle(page);
  assert.equal(await page.inputValue('[data-path="/earmarks/0/name"]'), 'Öronmärkt: Lovbidrag');
  await page.selectOption('[data-path="/earmarks/0/indicator"]', 'bussar');
  await web.settle(page);
  assert.equal(await page.inputValue('[data-path="/earmarks/0/name"]'), 'Öronmärkt: Bussresor');
  await page.fill('[data-path="/indicators/1/label"]', 'Busskort');
  await web.settle(page);
  assert.equal(await page.inputValue('[data-path="/earmarks/0/name"]'), 'Öronmärkt: Busskort');

  // The names reach the result's heads, the warning and the print.
  const table = await web.resultTable(page);
  assert.ok(table[0].some((head) => head.startsWith('Öronmärkt: Busskort')), table[0].join(' | '));
  assert.ok(table.some((r) => r[0] === '1,5 årsarbetare'), table.map((r) => r[0]).join(' | '));
  assert.match(await gapWarning(page), /Kostnadsberäknat: 990 000 kr av ramen/);
  await page.click('#result-table [data-explain="0"]');
  await page.waitForSelector('#explain-dialog[open] .explain-steps');
  assert.match(await web.text(page, '#explain-dialog .explain-steps'), /För 1,5 årsarbetare: 1,5 årsarbetare × 600 000 kr/);
  await page.keyboard.press('Escape');
  await page.emulateMedia({ media: 'print' });
  const printed = await page.evaluate(() => document.querySelector('#result').innerText);
  assert.match(printed, /1,5 årsarbetare/);
  assert.match(printed, /Öronmärkt: Busskort/);
  assert.doesNotMatch(printed, /Mottagare \d|Öronmärkt \d/);
  await page.emulateMedia({ media: 'screen' });

  // In English, a change names them in English; a name from the other
  // language still counts as the page's.
  await page.click('#lang-switch');
  await page.selectOption('[data-path="/earmarks/0/indicator"]', 'lovbidrag');
  await page.fill('[data-path="/recipients/0/cost/posts"]', '2.5');
  await web.settle(page);
  assert.equal(await page.inputValue('[data-path="/earmarks/0/name"]'), 'Earmarked: Lovbidrag');
  assert.equal(await page.inputValue('[data-path="/recipients/0/name"]'), '2.5 FTE');
  await page.click('[data-action="add"][data-collection="recipients"]');
  await web.settle(page);
  assert.equal(await page.inputValue('[data-path="/recipients/2/name"]'), 'Measure 3');
  await s.close();
});
