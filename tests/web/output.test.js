// What leaves the page: the result table copied for Word and Excel (HTML
// and tab-separated text), and the print view, an A4 appendix with the
// rule above the table and no editing controls.
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

test('the copy button puts the table on the clipboard as HTML and as tab-separated text Swedish Excel reads', async () => {
  const context = await web.newContext(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  const watch = web.watch(page, server.origin);
  await web.open(page, server.url + '#example=stockholm-2021');
  await page.click('#copy-result');
  await page.waitForFunction(() => document.getElementById('copy-status').textContent !== '');
  assert.match(await web.text(page, '#copy-status'), /kopierad/);
  const clip = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    const read = async (type) => (item.types.includes(type) ? (await item.getType(type)).text() : '');
    return { html: await read('text/html'), plain: await read('text/plain') };
  });
  const lines = clip.plain.split('\r\n');
  assert.match(lines[0], /^Mottagare\t/);
  assert.ok(lines.includes('Rinkeby-Kista\t5900000\t1054200\t6954200'), lines.join('\n'));
  assert.ok(lines.includes('Summa\t25400000\t7526000\t32926000'), lines.join('\n'));
  assert.match(clip.html, /<table[^>]*>/);
  assert.match(clip.html, /x:num="6954200"/);
  assert.match(clip.html, /Rinkeby-Kista/);
  assert.doesNotMatch(clip.html, /class=|data-user/);
  assert.deepEqual(await watch.check(), []);
  await context.close();
});

test('from file:// the copy falls back to a copy event and still reports success', async () => {
  const context = await web.newContext(browser);
  const page = await context.newPage();
  const watch = web.watch(page, null);
  await web.open(page, web.FILE_URL + '#example=linkoping-2021');
  await page.evaluate(() => {
    // As on a locked-down machine: no asynchronous clipboard at all.
    Object.defineProperty(navigator, 'clipboard', { value: undefined });
    // What the copy event handler hands to the clipboard.
    window.copied = {};
    const setData = DataTransfer.prototype.setData;
    DataTransfer.prototype.setData = function (type, data) {
      window.copied[type] = data;
      return setData.call(this, type, data);
    };
  });
  await page.click('#copy-result');
  const copied = await page.evaluate(() => window.copied);
  assert.match(copied['text/plain'], /Kommunstyrelsen\t1500000/);
  assert.match(copied['text/html'], /x:num="1500000"/);
  await page.waitForFunction(() => document.getElementById('copy-status').textContent !== '');
  assert.match(await web.text(page, '#copy-status'), /kopierad/);
  assert.deepEqual(await watch.check(), []);
  await context.close();
});

test('the print view is an A4 appendix: title, rule and inputs above the table, no editing controls', async () => {
  const context = await web.newContext(browser);
  const page = await context.newPage();
  const watch = web.watch(page, server.origin);
  await web.open(page, server.url + '#example=stockholm-2021-model');
  await page.emulateMedia({ media: 'print' });
  for (const hidden of ['.app-header', '#recipients-table', '[data-path="/pot/total"]', '#copy-result', '.findings']) {
    assert.equal(await page.isVisible(hidden), false, hidden + ' is not printed');
  }
  for (const shown of ['.print-title', '.rule-box', '#result-table', '.basis-box', '.chart']) {
    assert.equal(await page.isVisible(shown), true, shown + ' is printed');
  }
  const ruleTop = await page.$eval('.rule-box', (el) => el.getBoundingClientRect().top);
  const tableTop = await page.$eval('#result-table', (el) => el.getBoundingClientRect().top);
  assert.ok(ruleTop < tableTop, 'the rule comes before the table');
  const rule = await web.text(page, '.rule');
  assert.match(rule, /75 %/);
  assert.match(rule, /× 3/);
  assert.match(rule, /100 000 kr/);
  assert.match(rule, /Största rest/);
  await page.evaluate(() => Fordela.clock.set('2026-11-29'));
  assert.match(await web.text(page, '.print-foot'), /beräkningskärna [\d.]+, 2026-11-29\./);
  assert.equal(await page.isVisible('.stale-banner'), false, 'no out-of-date note on a current result');
  await web.screenshot(page, 'http-print-view', { fullPage: true });
  fs.mkdirSync(web.ARTIFACTS, { recursive: true });
  const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  fs.writeFileSync(path.join(web.ARTIFACTS, 'stockholm-2021-model.pdf'), pdf);
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.ok(pages >= 1 && pages <= 2, 'fits on one or two A4 pages, not ' + pages);
  assert.deepEqual(await watch.check(), []);
  await context.close();
});

test('the chart never shows the previous scenario: opened off screen, it holds no old bars and draws the new ones when scrolled to', async () => {
  const s = await web.session(browser, server, server.url + '#example=stockholm-2021-model');
  const { page } = s;
  const barNames = () => page.$$eval('#chart .bar-label', (els) => els.map((el) => el.getAttribute('data-name')));
  await page.locator('#chart').scrollIntoViewIfNeeded();
  await page.waitForSelector('#chart .bar-label');
  assert.ok((await barNames()).includes('Rinkeby-Kista'));
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.selectOption('#example-picker', 'linkoping-2022');
  await page.click('#open-example');
  await page.waitForFunction(() => location.hash === '#example=linkoping-2022');
  await web.settle(page);
  const offScreen = await barNames();
  assert.ok(!offScreen.includes('Rinkeby-Kista'), 'no bar of the previous scenario: ' + offScreen.join(', '));
  await page.locator('#chart').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => [...document.querySelectorAll('#chart .bar-label')].some((el) => /Skäggetorp/.test(el.getAttribute('data-name'))));
  // Printed, it is the new scenario's chart too.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.selectOption('#example-picker', 'stockholm-2021-model');
  await page.click('#open-example');
  await page.waitForFunction(() => location.hash === '#example=stockholm-2021-model');
  await web.settle(page);
  await page.emulateMedia({ media: 'print' });
  await page.waitForFunction(() => [...document.querySelectorAll('#chart .bar-label')].some((el) => el.getAttribute('data-name') === 'Rinkeby-Kista'));
  assert.ok(!(await barNames()).some((n) => /Skäggetorp/.test(n)));
  await s.close();
});

test('an out-of-date result is printed under a note saying so, and is not copied', async () => {
  const s = await web.session(browser, server, server.url + '#example=stockholm-2021-model', { permissions: ['clipboard-read', 'clipboard-write'] });
  const { page } = s;
  await page.click('#copy-result');
  await page.waitForFunction(() => /kopierad/.test(document.getElementById('copy-status').textContent));
  const before = await page.evaluate(() => navigator.clipboard.readText());
  await page.fill('[data-path="/key/0/share"]', '70');
  await web.settle(page);
  await page.click('#copy-result');
  await page.waitForFunction(() => /kopieras inte/.test(document.getElementById('copy-status').textContent));
  assert.match(await web.text(page, '#copy-status'), /medan indata har fel/);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), before, 'the clipboard keeps what was there');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.isVisible('.stale-banner'), true, 'the note is printed');
  const noteTop = await page.$eval('.stale-banner', (el) => el.getBoundingClientRect().top);
  const tableTop = await page.$eval('#result-table', (el) => el.getBoundingClientRect().top);
  assert.ok(noteTop < tableTop, 'above the table');
  assert.match(await web.text(page, '.stale-banner'), /^Inaktuellt/);
  await web.screenshot(page, 'http-print-view-stale', { fullPage: true });
  await s.close();
});

test('a copied link opens exactly the same scenario in another browser, without the first one\'s storage', async () => {
  const context = await web.newContext(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  const watch = web.watch(page, server.origin);
  await web.open(page, server.url + '#example=stockholm-2021-model');
  await page.fill('[data-path="/title"]', 'Förslag 60/40');
  await page.fill('[data-path="/key/0/share"]', '60');
  await page.fill('[data-path="/key/1/share"]', '40');
  await web.settle(page);
  const formula = await web.resultTable(page);
  await page.click('#copy-link');
  await page.waitForSelector('#link-status:not([hidden])');
  assert.match(await web.text(page, '#link-status'), /länk/i);
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/index\.html#s[123]=[A-Za-z0-9_-]+$/);
  assert.ok(link.length < 2000, 'short enough for Teams: ' + link.length);

  const other = await web.newContext(browser);
  const colleague = await other.newPage();
  const watchColleague = web.watch(colleague, server.origin);
  await web.open(colleague, link);
  await colleague.waitForFunction(() => document.querySelector('[data-path="/title"]').value === 'Förslag 60/40');
  await web.settle(colleague);
  assert.deepEqual(await web.resultTable(colleague), formula);
  assert.deepEqual(await watchColleague.check(), []);
  await other.close();
  assert.deepEqual(await watch.check(), []);
  await context.close();
});

test('a damaged link says so and opens the default example', async () => {
  const context = await web.newContext(browser);
  const page = await context.newPage();
  const watch = web.watch(page, server.origin);
  await web.open(page, server.url + '#s=AAAA');
  await page.waitForSelector('#result-table');
  assert.match(await web.text(page, '#notice'), /ingen läsbar fördelning/);
  assert.equal(await web.figure(page, 'total'), '32 926 000 kr');
  assert.deepEqual(await watch.check(), []);
  await context.close();
});
