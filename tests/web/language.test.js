// The language switch changes every string the interface shows (the
// user's own names and the example's data stay as they are), and the
// html lang attribute with it.
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

// Swedish words of the interface that occur in none of the Stockholm
// example's own data.
const SWEDISH = [
  'Mottagare', 'Avrundning', 'Avrunda', 'Resultat', 'Summa', 'Summering', 'Kopiera', 'Skriv', 'Lägg', 'Exempel',
  'Öppna', 'Rubrik', 'Pott', 'Datum', 'Totalt', 'fördelat', 'Andel', 'Vikter', 'Kolumn', 'Kolumner',
  'Rekvisition', 'Spara', 'Anteckningar', 'Tips', 'enligt', 'nyckeln', 'Avdrag', 'Belopp', 'Metod',
  'Antal', 'Välj', 'Flytta', 'Ta bort', 'Inga', 'exakt', 'öronmärkt', 'Fördelningsregel',
  'Fördelningsnyckel', 'Värden', 'och', 'till', 'för', 'med', 'av', 'är', 'per mottagare', 'Del',
  'Benämning', 'Underlag', 'Hoppa', 'Beräkningskärna', 'Medlen', 'senast', 'ÅÅÅÅ',
];

// Every string a user meets: visible text outside the user's own data,
// the chosen option of each list, placeholders and accessible names.
function interfaceStrings() {
  const strings = [];
  // The user's data, and the language switch (named in the other language).
  const isUser = (el) => Boolean(el.closest('[data-user], #lang-switch'));
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const el = node.parentElement;
    if (!node.textContent.trim() || !el || el.closest('script, style, option') || isUser(el)) continue;
    if (!el.checkVisibility() && !el.closest('.visually-hidden')) continue;
    strings.push(node.textContent.trim());
  }
  for (const select of document.querySelectorAll('select')) {
    if (select.checkVisibility() && select.selectedOptions[0]) strings.push(select.selectedOptions[0].textContent);
  }
  for (const el of document.querySelectorAll('[placeholder], [aria-label], [title]')) {
    if (!el.checkVisibility() || isUser(el)) continue;
    for (const attr of ['placeholder', 'aria-label', 'title']) {
      if (el.hasAttribute(attr)) strings.push(el.getAttribute(attr));
    }
  }
  strings.push(document.title);
  return strings;
}

function swedishIn(strings) {
  const found = [];
  for (const word of SWEDISH) {
    const re = new RegExp('(^|[^\\p{L}])' + word + '([^\\p{L}]|$)', 'iu');
    for (const s of strings) if (re.test(s)) found.push(word + ' in "' + s + '"');
  }
  return found;
}

test('switching to English changes every visible string and the html lang; switching back restores Swedish', async () => {
  const context = await web.newContext(browser);
  const page = await context.newPage();
  const watch = web.watch(page, server.origin);
  await web.open(page, server.url + '#example=stockholm-2021-model');
  // Open the closed parts so that their strings are checked too.
  await page.click('#requisition-details > summary');
  assert.equal(await page.getAttribute('html', 'lang'), 'sv');
  const swedish = await page.evaluate(interfaceStrings);
  assert.ok(swedishIn(swedish).length > 40, 'the word list finds the Swedish interface');

  const pickerSv = await page.evaluate(() => [...document.querySelectorAll('#example-picker option')].map((o) => o.textContent));
  await page.click('#lang-switch');
  await web.settle(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  const english = await page.evaluate(interfaceStrings);
  assert.deepEqual(swedishIn(english), []);
  assert.equal(await web.figure(page, 'total'), '32 926 000 kr');
  // Every example in the picker has an English name.
  const picker = await page.evaluate(() => [...document.querySelectorAll('#example-picker option')].map((o) => o.textContent));
  assert.equal(picker.length, pickerSv.length);
  picker.forEach((name, i) => assert.notEqual(name, pickerSv[i], 'an example named in Swedish only: ' + name));
  assert.match(await web.text(page, '#lang-switch'), /^Svenska$/);
  assert.equal(await page.getAttribute('#lang-switch', 'lang'), 'sv');
  await web.screenshot(page, 'http-english', { fullPage: true });

  // Findings come from the core in English too.
  await page.fill('[data-path="/pot/total"]', 'abc');
  await web.settle(page);
  assert.match(await web.text(page, '.findings-list'), /is not an amount/);
  assert.match(await web.text(page, '.stale-banner'), /^Out of date/);
  assert.deepEqual(swedishIn(await page.evaluate(interfaceStrings)), []);

  // The choice is remembered.
  await page.reload();
  await page.waitForSelector('.findings-list');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');

  await page.click('#lang-switch');
  await web.settle(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'sv');
  assert.match(await web.text(page, '.findings-list'), /är inte ett belopp/);
  assert.deepEqual(await watch.check(), []);
  await context.close();
});
