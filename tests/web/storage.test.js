// The work kept in the browser: every change saved (debounced), back after
// a reload or a closed tab; several named scenarios to switch, rename,
// duplicate and delete with undo; the single scenario kept by earlier
// versions moved into the list; a page that says so, visibly, when the
// browser keeps nothing (storage full or blocked); and two tabs on one
// scenario that never overwrite each other's saves.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const web = require('./lib/page.js');

const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let browser;
let server;

web.suite((b, s) => {
  browser = b;
  server = s;
});

function index(page) {
  return page.evaluate(() => JSON.parse(localStorage.getItem('fordela.v1.index') || '{"entries":[]}'));
}

async function titles(page) {
  return (await index(page)).entries.map((e) => e.title);
}

function savedTitle(page, title) {
  return page.waitForFunction((t) => {
    const i = JSON.parse(localStorage.getItem('fordela.v1.index') || '{"entries":[]}');
    const current = i.entries.find((e) => e.id === i.current);
    return current && current.title === t;
  }, title);
}

function titleShown(page, title) {
  return page.waitForFunction((t) => document.querySelector('[data-path="/title"]').value === t, title);
}

async function openList(page) {
  if (await page.getAttribute('#scenarios-details', 'open') === null) await page.click('#scenarios-details summary');
}

function action(page, name, title) {
  return `#scenarios li:has(.scenario-open:text-is("${title}")) [data-scenario-action="${name}"]`;
}

test('every change is saved within a moment and comes back after a reload and in a new tab', async () => {
  const context = await web.newContext(browser);
  const page = await context.newPage();
  const watch = web.watch(page, server.origin);
  await web.open(page, server.url + '#example=stockholm-2021-model');
  // An example only looked at is not saved.
  assert.deepEqual(await titles(page), []);
  // Debounced: a keystroke is not written at once...
  const writtenAtOnce = await page.evaluate(() => {
    const title = document.querySelector('[data-path="/title"]');
    title.value = 'Förslag 60/40';
    title.dispatchEvent(new Event('input', { bubbles: true }));
    return localStorage.getItem('fordela.v1.index');
  });
  assert.equal(writtenAtOnce, null);
  await page.fill('[data-path="/key/0/share"]', '60');
  await page.fill('[data-path="/key/1/share"]', '40');
  // ...but all of it shortly after.
  await savedTitle(page, 'Förslag 60/40');
  await page.waitForFunction(() => /"share":"40"/.test(Object.keys(localStorage).filter((k) => k.startsWith('fordela.v1.entry.')).map((k) => localStorage.getItem(k)).join('')));
  await web.settle(page);
  const table = await web.resultTable(page);
  assert.match(await web.text(page, '#save-status'), /Sparat i den här webbläsaren kl\. \d\d:\d\d/);

  await page.reload();
  await page.waitForSelector('#result-table');
  await titleShown(page, 'Förslag 60/40');
  assert.equal(await page.inputValue('[data-path="/key/1/share"]'), '40');
  assert.deepEqual(await web.resultTable(page), table);

  // The tab closed, another opened: the work is there.
  assert.deepEqual(await watch.check(), []);
  await page.close();
  const again = await context.newPage();
  const watchAgain = web.watch(again, server.origin);
  await web.open(again, server.url);
  await titleShown(again, 'Förslag 60/40');
  assert.deepEqual(await web.resultTable(again), table);
  assert.deepEqual(await watchAgain.check(), []);
  await context.close();
});

test('named scenarios: switch, rename, duplicate, and delete with an undo reached by keyboard', async () => {
  const context = await web.newContext(browser);
  const page = await context.newPage();
  const watch = web.watch(page, server.origin);
  await web.open(page, server.url + '#example=stockholm-2021-model');
  await page.fill('[data-path="/title"]', 'Förslag A');
  await savedTitle(page, 'Förslag A');
  await page.click('#new-scenario');
  await titleShown(page, 'Ny fördelning');
  await savedTitle(page, 'Ny fördelning');
  assert.deepEqual(await titles(page), ['Ny fördelning', 'Förslag A']);

  // Rename the open one from the list: the title field follows.
  await openList(page);
  assert.equal(await page.getAttribute('#scenarios .scenario-open[aria-current="true"]', 'data-id'), (await index(page)).current);
  await page.click(action(page, 'rename', 'Ny fördelning'));
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('scenario-name-input')), true);
  await page.keyboard.type('Förslag B');
  await page.keyboard.press('Enter');
  await titleShown(page, 'Förslag B');
  await savedTitle(page, 'Förslag B');

  // Rename one that is not open; Escape leaves a name as it was.
  await page.click(action(page, 'rename', 'Förslag A'));
  await page.keyboard.type('Något annat');
  await page.keyboard.press('Escape');
  assert.deepEqual(await titles(page), ['Förslag B', 'Förslag A']);

  // Switch.
  await page.click('#scenarios .scenario-open:text-is("Förslag A")');
  await titleShown(page, 'Förslag A');
  assert.equal(await web.figure(page, 'total'), '32 926 000 kr');
  const afterSwitch = await index(page);
  assert.equal(afterSwitch.entries.length, 2);
  assert.equal(afterSwitch.entries.find((e) => e.id === afterSwitch.current).title, 'Förslag A');

  // Duplicate: the copy opens, next to its original.
  await page.click(action(page, 'duplicate', 'Förslag A'));
  await titleShown(page, 'Förslag A (kopia)');
  assert.deepEqual(await titles(page), ['Förslag B', 'Förslag A', 'Förslag A (kopia)']);
  await page.fill('[data-path="/key/0/share"]', '50');
  await page.fill('[data-path="/key/1/share"]', '50');
  await web.settle(page);

  // Delete the copy: the original opens, the toast offers Ångra and has
  // the focus; Enter undoes.
  await page.click(action(page, 'remove', 'Förslag A (kopia)'));
  await page.waitForSelector('#scenarios-toast:not([hidden])');
  assert.match(await web.text(page, '#scenarios-toast'), /Förslag A \(kopia\) är borttagen\.\s*Ångra/);
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Ångra');
  assert.deepEqual(await titles(page), ['Förslag B', 'Förslag A']);
  await titleShown(page, 'Förslag A');
  await web.screenshot(page, 'http-scenarios-undo');
  await page.keyboard.press('Enter');
  await titleShown(page, 'Förslag A (kopia)');
  assert.equal(await page.inputValue('[data-path="/key/0/share"]'), '50');
  assert.deepEqual(await titles(page), ['Förslag B', 'Förslag A', 'Förslag A (kopia)']);
  assert.equal(await page.isVisible('#scenarios-toast'), false);

  // Deleted again and left alone: the toast goes after about ten seconds
  // (not while the focus is on it), and the deletion stands.
  await page.click(action(page, 'remove', 'Förslag A (kopia)'));
  await page.waitForSelector('#scenarios-toast:not([hidden])');
  await page.waitForTimeout(500);
  assert.equal(await page.isVisible('#scenarios-toast'), true, 'kept while the focus is on Ångra');
  await page.focus('[data-path="/title"]');
  await page.waitForSelector('#scenarios-toast', { state: 'hidden', timeout: 12000 });
  await page.reload();
  await page.waitForSelector('#result-table');
  assert.deepEqual(await titles(page), ['Förslag B', 'Förslag A']);
  await titleShown(page, 'Förslag A');
  assert.deepEqual(await watch.check(), []);
  await context.close();
});

test('the scenario kept by the page before named scenarios moves into the list', async () => {
  const context = await web.newContext(browser);
  const page = await context.newPage();
  const watch = web.watch(page, server.origin);
  await web.open(page, server.url + '#example=linkoping-2021');
  await page.evaluate(() => {
    const scenario = Fordela.core.examples().find((e) => e.id === 'linkoping-2022').scenario;
    scenario.title = 'Sparad förra året';
    localStorage.clear();
    localStorage.setItem('fordela.v1.scenario', JSON.stringify(scenario));
  });
  await web.open(page, server.url);
  await titleShown(page, 'Sparad förra året');
  assert.equal(await web.figure(page, 'formula'), '4 850 000 kr');
  assert.deepEqual(await titles(page), ['Sparad förra året']);
  assert.equal(await page.evaluate(() => localStorage.getItem('fordela.v1.scenario')), null);
  assert.deepEqual(await watch.check(), []);
  await context.close();
});

test('when the storage is full the page says so at once and offers the file; saving resumes when there is room', async () => {
  const context = await web.newContext(browser);
  await context.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    window.__full = true;
    Storage.prototype.setItem = function (key, value) {
      if (window.__full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return setItem.call(this, key, value);
    };
  });
  const page = await context.newPage();
  const watch = web.watch(page, server.origin);
  await web.open(page, server.url);
  await page.waitForSelector('#save-problem:not([hidden])');
  assert.equal(await page.getAttribute('#save-problem', 'role'), 'alert');
  assert.match(await web.text(page, '#save-problem'), /lagringsutrymmet är fullt.*Spara som fil/);
  await page.fill('[data-path="/title"]', 'Viktigt arbete');
  await web.settle(page);
  assert.match(await web.text(page, '#save-status'), /Inte sparat/);
  assert.equal(await page.isVisible('#save-problem'), true);
  // The page still computes, and the file is one click away.
  assert.equal(await web.figure(page, 'total'), '32 926 000 kr');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save-problem button')]);
  assert.match(download.suggestedFilename(), /^viktigt-arbete\.json$/);
  await web.screenshot(page, 'http-storage-full');

  await page.evaluate(() => { window.__full = false; });
  await page.fill('[data-path="/title"]', 'Viktigt arbete 2');
  await page.waitForSelector('#save-problem', { state: 'hidden' });
  await savedTitle(page, 'Viktigt arbete 2');
  assert.deepEqual(await watch.check(), []);
  await context.close();
});

test('with storage blocked altogether the page says that nothing is kept, and works', async () => {
  const context = await web.newContext(browser);
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() { throw new DOMException('Access is denied for this document.', 'SecurityError'); },
    });
  });
  const page = await context.newPage();
  const watch = web.watch(page, server.origin);
  await web.open(page, server.url);
  await page.waitForSelector('#save-problem:not([hidden])');
  assert.match(await web.text(page, '#save-problem'), /kan inte sparas i den här webbläsaren: lagringen är avstängd eller blockerad/);
  await page.fill('[data-path="/pot/total"]', '30 mnkr');
  await web.settle(page);
  assert.equal(await web.figure(page, 'net'), '30 000 000 kr');
  await page.click('#lang-switch');
  assert.match(await web.text(page, '#save-problem'), /cannot be saved in this browser: storage is turned off or blocked/);
  await web.screenshot(page, 'http-storage-blocked');
  assert.deepEqual(await watch.check(), []);
  await context.close();
});

test('the list, a name being changed, the undo toast, the link box and the import panel: no WCAG 2.1 AA violations, in Swedish and English', async () => {
  const context = await web.newContext(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  const watch = web.watch(page, server.origin);
  const violations = async () => {
    await page.evaluate(AXE);
    const result = await page.evaluate(() => window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    }));
    return result.violations.map((v) => v.id + ': ' + v.help + ' — ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', '));
  };
  await web.open(page, server.url + '#example=stockholm-2021-model');
  await page.fill('[data-path="/title"]', 'Förslag A');
  await savedTitle(page, 'Förslag A');
  await page.click('#new-scenario');
  await savedTitle(page, 'Ny fördelning');
  await openList(page);
  await page.click('#copy-link');
  await page.waitForSelector('#link-status[data-length]');
  await page.click('#import-toggle');
  await page.fill('#import-text', 'Namn\tAntal\nAlby\t1\nBoda\t2');
  await page.waitForSelector('#import-preview p');
  await page.click(action(page, 'remove', 'Förslag A'));
  await page.waitForSelector('#scenarios-toast:not([hidden])');
  assert.deepEqual(await violations(), []);
  await page.click(action(page, 'rename', 'Ny fördelning'));
  assert.deepEqual(await violations(), []);
  await page.keyboard.press('Escape');
  await page.click('#lang-switch');
  assert.match(await web.text(page, '#scenarios-toast'), /Förslag A is deleted\.\s*Undo/);
  assert.match(await web.text(page, '#link-status'), /The link is copied/);
  assert.deepEqual(await violations(), []);
  await web.screenshot(page, 'http-scenarios-english');
  assert.deepEqual(await watch.check(), []);
  await context.close();
});

// ---- two tabs on one saved scenario ----------------------------------------

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
