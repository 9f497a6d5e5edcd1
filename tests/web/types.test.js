// Documents with a field of the wrong JSON type (a key that is an object,
// indicators that are a text, a recipient that is null, ...) by link, into
// an open page, from the browser's storage and as a file: each is refused
// with the core's own field.type message, nothing throws, and what is on
// screen stays one document with its own result.
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

// [what is wrong, how to make it so, the core's message]
const CASES = [
  ['key is an object', (s) => { s.key = { a: 1 }; }, /Fältet ”key” ska vara en lista/],
  ['indicators is a text', (s) => { s.indicators = 'befolkning'; }, /Fältet ”indicators” ska vara en lista/],
  ['an indicator is null', (s) => { s.indicators[0] = null; }, /Fältet ”indicators” ska vara ett objekt/],
  ['a key component is null', (s) => { s.key[0] = null; }, /Fältet ”key” ska vara ett objekt/],
  ['a recipient is null', (s) => { s.recipients[0] = null; }, /Fältet ”recipients” ska vara ett objekt/],
  ['earmarks is an object', (s) => { s.earmarks = {}; }, /Fältet ”earmarks” ska vara en lista/],
  ['deductions is a text', (s) => { s.pot.deductions = '100 000'; }, /Fältet ”deductions” ska vara en lista/],
];

function wrong(make) {
  const doc = web.example('linkoping-2021');
  doc.title = 'Fel typ';
  make(doc);
  return doc;
}

async function noticeText(page, pattern) {
  await page.waitForFunction((source) => {
    const notice = document.getElementById('notice');
    return !notice.hidden && new RegExp(source).test(notice.textContent);
  }, pattern.source);
  return web.text(page, '#notice');
}

// A page on work of its own ("Mitt arbete", saved) with its result.
async function working(context) {
  const page = await context.newPage();
  const watch = web.watch(page, server.origin);
  await web.open(page, server.url + '#example=stockholm-2021');
  await page.fill('[data-path="/title"]', 'Mitt arbete');
  await web.settle(page);
  await page.waitForTimeout(350);
  return { page, watch, table: await web.resultTable(page) };
}

async function unchanged(session, what) {
  const { page, table } = session;
  assert.equal(await page.inputValue('[data-path="/title"]'), 'Mitt arbete', what);
  assert.deepEqual(await web.resultTable(page), table, what);
}

async function links(page) {
  const out = [];
  for (const [, make] of CASES) out.push(await page.evaluate((doc) => Fordela.link.encode(doc), wrong(make)));
  return out;
}

test('by link in a fresh tab: the core\'s field.type message, no error, and an example opens as usual', async () => {
  const helper = await web.session(browser, server, server.url);
  const hashes = await links(helper.page);
  await helper.close();
  for (const [i, [what, , message]] of CASES.entries()) {
    const context = await web.newContext(browser);
    const page = await context.newPage();
    const watch = web.watch(page, server.origin);
    await page.goto(server.url + '#' + hashes[i]);
    const text = await noticeText(page, message);
    assert.match(text, /^Länken innehåller en fördelning som inte går att öppna: fält i den har fel typ\./, what);
    assert.doesNotMatch(text, /Beräkningskärnan|forEach/, what);
    await page.waitForSelector('#result-table');
    await page.click('#open-example');
    await page.waitForSelector('#notice', { state: 'hidden' });
    assert.deepEqual(await watch.check(), [], what);
    await context.close();
  }
});

test('by link into an open page, from the storage and as a file: refused with the message, the work and its result stay', async () => {
  const context = await web.newContext(browser);
  const session = await working(context);
  const { page } = session;
  const hashes = await links(page);
  for (const [i, [what, make, message]] of CASES.entries()) {
    // A link pasted into the address of the open page.
    await page.evaluate((hash) => { location.hash = hash; }, hashes[i]);
    assert.match(await noticeText(page, message), /^Länken innehåller en fördelning som inte går att öppna/, what);
    await unchanged(session, 'link: ' + what);
    await page.evaluate(() => { document.getElementById('notice').hidden = true; });

    // A file.
    await page.setInputFiles('#file-input', { name: 'fel.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(wrong(make))) });
    assert.match(await noticeText(page, message), /^Filen fel\.json går inte att öppna: fält i den har fel typ\./, what);
    await unchanged(session, 'file: ' + what);
    await page.evaluate(() => { document.getElementById('notice').hidden = true; });
  }
  assert.deepEqual(await session.watch.check(), []);
  await context.close();
});

test('a saved scenario with a field of the wrong type says so on opening; the page opens the next one', async () => {
  for (const [what, make, message] of CASES) {
    const context = await web.newContext(browser);
    const { page, watch } = await working(context);
    await page.evaluate((doc) => {
      const index = JSON.parse(localStorage.getItem('fordela.v1.index'));
      localStorage.setItem('fordela.v1.entry.trasig1', JSON.stringify(doc));
      index.entries.unshift({ id: 'trasig1', title: 'Trasig', updated: '2026-01-01T00:00:00.000Z' });
      index.current = 'trasig1';
      localStorage.setItem('fordela.v1.index', JSON.stringify(index));
    }, wrong(make));
    await page.reload();
    assert.match(await noticeText(page, message), /^Den sparade fördelningen Trasig går inte att öppna: fält i den har fel typ\./, what);
    await page.waitForSelector('#result-table');
    assert.equal(await page.inputValue('[data-path="/title"]'), 'Mitt arbete', what);
    // Chosen in the list, it says the same and leaves the work open.
    await page.evaluate(() => { document.getElementById('notice').hidden = true; });
    if (await page.getAttribute('#scenarios-details', 'open') === null) await page.click('#scenarios-details summary');
    await page.click('#scenarios .scenario-open:text-is("Trasig")');
    assert.match(await noticeText(page, message), /^Den sparade fördelningen Trasig/, what);
    assert.equal(await page.inputValue('[data-path="/title"]'), 'Mitt arbete', what);
    assert.deepEqual(await watch.check(), [], what);
    await context.close();
  }
});

test('when the core cannot compute the document opened, the result of the one before does not stay on screen', async () => {
  const session = await web.session(browser, server, server.url + '#example=stockholm-2021-model');
  const { page } = session;
  assert.ok((await web.resultTable(page)).length > 1);
  await page.evaluate(() => { Fordela.core.compute = () => { throw new Error('provfel'); }; });
  await page.selectOption('#example-picker', 'linkoping-2021');
  await page.click('#open-example');
  await noticeText(page, /Beräkningen misslyckades: provfel/);
  assert.equal(await page.$('#result-table'), null);
  assert.match(await web.text(page, '#result'), /\S/);
  // Console errors are none: the failure is a message, not an exception.
  await session.close();
});
