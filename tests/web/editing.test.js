// Editing the scenario: the result follows as the user types, a bad value
// gets its message beside the field while the last good result stays
// visible marked out of date, rows are pasted from Excel, and rows move by
// keyboard.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const web = require('./lib/page.js');

let browser;
let server;
let context;
let page;
let watch;

before(async () => {
  browser = await web.launch();
  server = await web.startServer();
  context = await web.newContext(browser);
  page = await context.newPage();
  watch = web.watch(page, server.origin);
});

after(async () => {
  if (page) assert.deepEqual(await watch.check(), []);
  if (browser) await browser.close();
  if (server) await server.close();
});

async function openModel() {
  await web.open(page, server.url + '#example=stockholm-2021-model');
  await page.waitForFunction(() => location.hash === '#example=stockholm-2021-model');
}

function row(rows, name) {
  return rows.find((r) => r[0] === name);
}

test('editing a weight updates the table as the user types, the sum staying 25 400 000 kr', async () => {
  await openModel();
  const before = row(await web.resultTable(page), 'Rinkeby-Kista');
  assert.ok(before.includes('5 900 000 kr'));
  // Särskilt utsatta områden weighed as 1 instead of 3: Rinkeby-Kista
  // (two such areas) gets less.
  await page.fill('[data-path="/key/0/weights/sarskilt"]', '1');
  await web.settle(page);
  const after = row(await web.resultTable(page), 'Rinkeby-Kista');
  assert.notDeepEqual(after, before);
  assert.ok(!after.includes('5 900 000 kr'), after.join(' | '));
  assert.equal(await web.figure(page, 'formula'), '25 400 000 kr');
  // The edit leaves the example: the hash no longer claims it.
  assert.equal(await page.evaluate(() => location.hash), '');
});

test('a pot total of "abc" is reported beside the field, and the last good result stays, marked out of date', async () => {
  await openModel();
  const total = '[data-path="/pot/total"]';
  await page.fill(total, 'abc');
  await web.settle(page);
  assert.equal(await page.getAttribute(total, 'aria-invalid'), 'true');
  const besideId = await page.getAttribute(total, 'aria-describedby');
  const beside = await page.evaluate((sel) => {
    const el = document.querySelector(sel);
    const next = el.nextElementSibling;
    return next && next.classList.contains('finding-msg') ? next.textContent : '';
  }, total);
  assert.match(beside, /abc/);
  assert.match(besideId, /finding-/);
  assert.match(await web.text(page, '.stale-banner'), /^Inaktuellt – indata har fel/);
  assert.match(await web.text(page, '#summary .status'), /Inaktuellt/);
  // The last good result is still there.
  const rows = await web.resultTable(page);
  assert.deepEqual(rows[rows.length - 1].slice(-1), ['32 926 000 kr']);
  assert.match(await web.text(page, '.findings-list'), /abc/);
  // An emptied field is told as such, not as '”” is not an amount'.
  await page.fill(total, '');
  await web.settle(page);
  assert.match(await web.text(page, '.findings-list'), /Fältet är tomt\. Skriv ett belopp, till exempel 25 400 000/);
  await page.fill(total, 'abc');
  await web.settle(page);
  await web.screenshot(page, 'http-error-state', { fullPage: true });

  // "Gå till fältet" takes the focus to the field.
  await page.click('.findings-list [data-action="goto-finding"]');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-path')), '/pot/total');

  // Corrected the Swedish way, it computes again.
  await page.fill(total, '25,4 mnkr');
  await web.settle(page);
  assert.equal(await page.getAttribute(total, 'aria-invalid'), null);
  assert.equal(await page.isVisible('.stale-banner'), false);
  assert.equal(await web.figure(page, 'total'), '32 926 000 kr');
});

test('a value that is not a number is reported beside its cell in the recipients table', async () => {
  await openModel();
  const cell = '[data-path="/recipients/2/values/befolkning"]';
  await page.fill(cell, '55 9OO');
  await web.settle(page);
  assert.equal(await page.getAttribute(cell, 'aria-invalid'), 'true');
  assert.match(await page.evaluate((sel) => document.querySelector(sel).nextElementSibling.textContent, cell), /55 9OO/);
  await page.fill(cell, '55 900');
  await web.settle(page);
  assert.equal(await page.getAttribute(cell, 'aria-invalid'), null);
});

test('rows pasted from Excel (tab-separated, Swedish numbers, with a header) fill the table from the cell', async () => {
  await openModel();
  const pasted = [
    'Stadsdel\tUtsatta\tRisk\tSärskilt\tBefolkning\tSkolsoc',
    'Norr\t1\t0\t1\t50 000\t1 000 000 kr',
    'Söder\t0\t1\t0\t60\u00a0000\t0',
  ].join('\r\n') + '\r\n';
  await page.focus('[data-path="/recipients/4/name"]');
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, pasted);
  await web.settle(page);
  assert.equal(await page.inputValue('[data-path="/recipients/4/name"]'), 'Norr');
  assert.equal(await page.inputValue('[data-path="/recipients/5/name"]'), 'Söder');
  assert.equal(await page.inputValue('[data-path="/recipients/5/values/befolkning"]'), '60\u00a0000');
  assert.equal(await page.inputValue('[data-path="/recipients/4/values/skolsoc"]'), '1 000 000 kr');
  const rows = await web.resultTable(page);
  assert.ok(row(rows, 'Norr') && row(rows, 'Söder'));
  assert.equal(await web.figure(page, 'formula'), '25 400 000 kr');
});

test('a recipient moves down with the keyboard, and the focus follows it', async () => {
  await openModel();
  const down = '[data-action="move-down"][data-collection="recipients"][data-index="0"]';
  await page.focus(down);
  await page.keyboard.press('Enter');
  await web.settle(page);
  assert.equal(await page.inputValue('[data-path="/recipients/1/name"]'), 'Rinkeby-Kista');
  assert.equal(await page.inputValue('[data-path="/recipients/0/name"]'), 'Spånga-Tensta');
  const focused = await page.evaluate(() => [document.activeElement.dataset.action, document.activeElement.dataset.index]);
  assert.deepEqual(focused, ['move-down', '1']);
  const rows = await web.resultTable(page);
  assert.equal(rows[1][0], 'Spånga-Tensta');
  assert.equal(rows[2][0], 'Rinkeby-Kista');
});

test('adding and removing a recipient and a key component', async () => {
  await openModel();
  await page.click('[data-action="add"][data-collection="recipients"]');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-path')), '/recipients/6/name');
  // The new row's default name is selected: typing replaces it.
  await page.keyboard.type('Farsta');
  await web.settle(page);
  assert.ok(row(await web.resultTable(page), 'Farsta'));
  await page.click('[data-action="remove"][data-collection="recipients"][data-index="6"]');
  await web.settle(page);
  assert.equal(row(await web.resultTable(page), 'Farsta'), undefined);

  // A third component at 0 % keeps the sum at 100 %; equal shares.
  await page.click('[data-action="add"][data-collection="key"]');
  await web.settle(page);
  assert.equal(await page.inputValue('[data-path="/key/2/basis"]'), 'equal');
  await page.fill('[data-path="/key/0/share"]', '65');
  await page.fill('[data-path="/key/2/share"]', '10');
  await web.settle(page);
  assert.equal(await page.isVisible('.stale-banner'), false);
  assert.equal(await web.figure(page, 'formula'), '25 400 000 kr');
});

test('a removed column takes its values with it, and Ångra brings them all back in place; so does a removed recipient', async () => {
  await openModel();
  const before = await web.resultTable(page);
  // Befolkning is the fourth column; the key's second part is by it.
  assert.equal(await page.inputValue('[data-path="/indicators/3/label"]'), 'Befolkning');
  await page.click('[data-action="remove"][data-collection="indicators"][data-index="3"]');
  await web.settle(page);
  assert.match(await web.text(page, '#indicators-toast'), /Kolumnen ”Befolkning” är borttagen, med alla mottagares värden i den\.\s?Ångra/);
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Ångra', 'the focus is on the undo');
  assert.equal(await page.isVisible('.stale-banner'), true, 'the key now refers to a column that is gone');
  await page.keyboard.press('Enter');
  await web.settle(page);
  assert.equal(await page.isVisible('#indicators-toast'), false);
  assert.equal(await page.inputValue('[data-path="/indicators/3/label"]'), 'Befolkning');
  assert.equal(web.normalize(await page.inputValue('[data-path="/recipients/0/values/befolkning"]')), '46 600');
  assert.deepEqual(await web.resultTable(page), before, 'the same result as before');

  await page.click('[data-action="remove"][data-collection="recipients"][data-index="2"]');
  await web.settle(page);
  assert.match(await web.text(page, '#recipients-toast'), /Mottagaren ”Hässelby-Vällingby” är borttagen/);
  await page.click('#recipients-toast button');
  await web.settle(page);
  assert.deepEqual(await web.resultTable(page), before);
});

test('the rounding method explains itself in one line, and Sainte-Laguë asks for its first divisor', async () => {
  await openModel();
  const before = await web.text(page, '#rounding-method-hint');
  await page.focus('#rounding-method');
  await page.selectOption('#rounding-method', 'sainte-lague');
  await web.settle(page);
  const after = await web.text(page, '#rounding-method-hint');
  assert.notEqual(after, before);
  assert.match(after, /1, 3, 5/);
  assert.equal(await page.isVisible('[data-path="/rounding/first_divisor"]'), true);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'rounding-method');
  assert.equal(await web.figure(page, 'formula'), '25 400 000 kr');
  // To the öre the rule says "hela ören", not "hela 0,01 kr".
  await page.fill('[data-path="/rounding/unit"]', '0,01');
  await web.settle(page);
  assert.match(await web.text(page, '.rule'), /Till hela ören med Sainte-Laguë/);
});

test('a minimum number of units typed in its field lifts every recipient to it; half a unit is not a whole number', async () => {
  await openModel();
  const min = '[data-path="/rounding/min_units"]';
  await page.fill('[data-path="/rounding/unit"]', '1 000 000');
  await page.fill(min, '4');
  await web.settle(page);
  assert.equal(await page.getAttribute(min, 'aria-invalid'), null);
  const rows = (await web.resultTable(page)).slice(1, -1);
  const formula = (r) => Number(r[4].replace(/\D/g, ''));
  assert.ok(rows.every((r) => formula(r) >= 4000000), rows.map((r) => r[4]).join(', '));
  assert.equal(await web.figure(page, 'formula'), '25 000 000 kr');
  await page.fill(min, '1,5');
  await web.settle(page);
  assert.equal(await page.getAttribute(min, 'aria-invalid'), 'true');
  assert.match(await web.text(page, '.findings-list'), /”1,5” är inte ett heltal/);
});

test('rounded part by part, what is left over is named part by part, and each part\'s column has its sum', async () => {
  await openModel();
  await page.selectOption('[data-path="/rounding/level"]', 'component');
  await web.settle(page);
  const list = await web.text(page, '.findings-list');
  assert.match(list, /varje del av nyckeln avrundas för sig/);
  assert.match(list, /50 000 kr av ”Utsatthet” \(19 050 000 kr\) och 50 000 kr av ”Befolkning” \(6 350 000 kr\)/);
  assert.doesNotMatch(list, /inte är en jämn multipel/);
  const rows = await web.resultTable(page);
  const sums = rows[rows.length - 1];
  assert.equal(sums[1], '19 000 000 kr');
  assert.equal(sums[2], '6 300 000 kr');
});

test('the last work is kept: a reload without a hash reopens it', async () => {
  await openModel();
  await page.fill('[data-path="/title"]', 'Min fördelning');
  await web.settle(page);
  await page.goto(server.url);
  await page.waitForSelector('#result-table');
  assert.equal(await page.inputValue('[data-path="/title"]'), 'Min fördelning');
});

test('opening an example does not replace the last own work kept in the browser', async () => {
  await openModel();
  await page.fill('[data-path="/title"]', 'Eget arbete');
  await web.settle(page);
  await page.selectOption('#example-picker', 'linkoping-2021');
  await page.click('#open-example');
  await web.settle(page);
  await page.goto(server.url);
  await page.waitForSelector('#result-table');
  assert.equal(await page.inputValue('[data-path="/title"]'), 'Eget arbete');
});

test('a scenario saved as a file opens again from that file', async () => {
  await web.open(page, server.url + '#example=linkoping-2022');
  await page.fill('[data-path="/recipients/1/cost/posts"]', '2,5');
  await web.settle(page);
  assert.equal(await web.figure(page, 'formula'), '4 500 000 kr');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save-file')]);
  assert.match(download.suggestedFilename(), /^linkoping-2022-.*\.json$/);
  const file = await download.path();
  const saved = JSON.parse(require('node:fs').readFileSync(file, 'utf8'));
  assert.equal(saved.format, 'fordela-scenario');
  assert.equal(saved.recipients[1].cost.posts, '2,5');

  await web.open(page, server.url + '#example=stockholm-2021');
  await page.setInputFiles('#file-input', file);
  await page.waitForFunction(() => document.querySelector('[data-path="/title"]').value.startsWith('Linköping 2022'));
  await web.settle(page);
  assert.equal(await web.figure(page, 'formula'), '4 500 000 kr');
  assert.equal(await web.figure(page, 'not-allocated'), '500 000 kr');
});
