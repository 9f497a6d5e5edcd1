// Two tabs on the same saved scenario: a change saved in one is never
// overwritten by the other's older copy. A tab with nothing pending takes
// the other's change in; a tab with changes pending keeps both.
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

// The stored document of the current scenario, and the list's titles.
function saved(page) {
  return page.evaluate(() => {
    const index = JSON.parse(localStorage.getItem('fordela.v1.index') || '{"entries":[]}');
    const text = localStorage.getItem('fordela.v1.entry.' + index.current);
    return { id: index.current, titles: index.entries.map((e) => e.title), scenario: text && JSON.parse(text) };
  });
}

function storedWith(page, pattern) {
  return page.waitForFunction((source) => {
    const index = JSON.parse(localStorage.getItem('fordela.v1.index') || '{"entries":[]}');
    return new RegExp(source).test(localStorage.getItem('fordela.v1.entry.' + index.current) || '');
  }, pattern.source);
}

function fieldShows(page, path, pattern) {
  return page.waitForFunction(([p, source]) => {
    const field = document.querySelector('[data-path="' + p + '"]');
    return field && new RegExp(source).test(field.value.replace(/[\u00a0\u202f]/g, ' '));
  }, [path, pattern.source]);
}

// Work saved under the title "Delad", open in one tab.
async function sharedWork(context) {
  const page = await context.newPage();
  const watch = web.watch(page, server.origin);
  await web.open(page, server.url + '#example=stockholm-2021-model');
  await page.fill('[data-path="/title"]', 'Delad');
  await storedWith(page, /"title":"Delad"/);
  return { page, watch };
}

test('a pot changed in another tab is taken in here, and a later edit here keeps it', async () => {
  const context = await web.newContext(browser);
  const a = await sharedWork(context);
  const b = await context.newPage();
  const watchB = web.watch(b, server.origin);
  await web.open(b, server.url);
  await fieldShows(b, '/title', /^Delad$/);

  // Tab B changes the pot and saves; tab A, with nothing pending, shows it.
  await b.fill('[data-path="/pot/total"]', '30 000 000');
  await storedWith(b, /"total":"30 000 000"/);
  await fieldShows(a.page, '/pot/total', /^30 000 000/);

  // Tab A then edits the notes: its save carries the pot from tab B.
  await a.page.fill('[data-path="/notes"]', 'Anteckning i flik A');
  await storedWith(a.page, /Anteckning i flik A/);
  const after = await saved(a.page);
  assert.equal(after.scenario.pot.total, '30 000 000');
  assert.deepEqual(after.titles, ['Delad']);

  // A new tab shows both changes.
  const c = await context.newPage();
  const watchC = web.watch(c, server.origin);
  await web.open(c, server.url);
  await fieldShows(c, '/title', /^Delad$/);
  assert.match(await c.inputValue('[data-path="/pot/total"]'), /^30\s000\s000/);
  assert.equal(await c.inputValue('[data-path="/notes"]'), 'Anteckning i flik A');
  for (const watch of [a.watch, watchB, watchC]) assert.deepEqual(await watch.check(), []);
  await context.close();
});

test('a save from another tab while changes are pending here is kept beside them as "… (annan flik)"', async () => {
  const context = await web.newContext(browser);
  const { page, watch } = await sharedWork(context);
  // A keystroke here (its save waits a moment) and, before that save,
  // another tab's save of the same scenario with a new pot: written
  // straight to the storage, as the other tab's page would.
  const id = await page.evaluate(() => {
    const notes = document.querySelector('[data-path="/notes"]');
    notes.value = 'Anteckning här';
    notes.dispatchEvent(new Event('input', { bubbles: true }));
    const index = JSON.parse(localStorage.getItem('fordela.v1.index'));
    const key = 'fordela.v1.entry.' + index.current;
    const other = JSON.parse(localStorage.getItem(key));
    other.pot.total = 30000000;
    localStorage.setItem(key, JSON.stringify(other));
    return index.current;
  });
  await page.waitForSelector('#notice:not([hidden])');
  assert.match(await web.text(page, '#notice'), /ändrades i en annan flik medan du ändrade den här\. Båda finns kvar: dina ändringar här, den andra flikens som Delad \(annan flik\)/);
  const after = await saved(page);
  assert.equal(after.id, id);
  assert.deepEqual(after.titles, ['Delad', 'Delad (annan flik)']);
  assert.equal(after.scenario.notes, 'Anteckning här');
  assert.notEqual(after.scenario.pot.total, 30000000);
  const other = await page.evaluate(() => {
    const index = JSON.parse(localStorage.getItem('fordela.v1.index'));
    return JSON.parse(localStorage.getItem('fordela.v1.entry.' + index.entries[1].id));
  });
  assert.equal(other.pot.total, 30000000);
  assert.notEqual(other.notes, 'Anteckning här');
  assert.match(await web.text(page, '#save-status'), /Sparat/);
  assert.deepEqual(await watch.check(), []);
  await context.close();
});
