// The first-time path: from "Ny fördelning" through a range pasted from
// Excel to the printed appendix, at 1366×768, with made-up data of our own;
// and the pieces of it one by one (a paste with a header row, a paste
// wider than the table, the defaults a new scenario leaves behind, names
// that follow their setting, the picker, a wide screen).
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

// Seven school areas, as a finance officer would copy them from Excel:
// a header row, tabs, thousands with a no-break space, an amount in kr.
const SCHOOL_AREAS = [
  ['Skolområde', 'Elever 6–15', 'Nyanlända', 'Lokalhyra (kr)'],
  ['Berga', '1\u00a0240', '35', '2 400 000'],
  ['Dalby', '860', '12', '1 750 000'],
  ['Ekbacken', '2\u00a0015', '64', '3 100 000'],
  ['Fjällnäs', '415', '3', '900 000'],
  ['Granåsen', '1\u00a0530', '41', '2 650 000'],
  ['Hagalund', '990', '27', '1 980 000'],
  ['Ivarsberg', '1\u00a0105', '18', '2 020 000'],
].map((r) => r.join('\t')).join('\r\n') + '\r\n';

// Pastes text as Excel puts it on the clipboard, into what has focus.
async function paste(page, text) {
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    const target = document.activeElement || document.body;
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
  await web.settle(page);
}

async function newScenario(page) {
  await page.click('#new-scenario');
  await web.settle(page);
}

function indicatorLabels(page) {
  return page.$$eval('[data-path^="/indicators/"][data-path$="/label"]', (els) => els.map((el) => el.value));
}

function recipientNames(page) {
  return page.$$eval('[data-path^="/recipients/"][data-path$="/name"]', (els) => els.map((el) => el.value));
}

function errorsShown(page) {
  return page.$$eval('.finding-msg.error, [aria-invalid="true"], .notice.error:not([hidden])', (els) => els.map((el) => el.textContent || el.getAttribute('data-path')));
}

test('a first-time session: new scenario, a pasted Excel range with a header row, the key, the rounding, the printed appendix, with no error shown at any step', async () => {
  const s = await web.session(browser, server, server.url, { viewport: { width: 1366, height: 768 } });
  const { page } = s;
  await newScenario(page);
  await web.screenshot(page, 'first-time-1-new', { fullPage: false });
  // Step 1: paste into the first name cell, as the tip says.
  await page.focus('[data-path="/recipients/0/name"]');
  await paste(page, SCHOOL_AREAS);
  assert.deepEqual(await recipientNames(page), ['Berga', 'Dalby', 'Ekbacken', 'Fjällnäs', 'Granåsen', 'Hagalund', 'Ivarsberg']);
  assert.deepEqual(await indicatorLabels(page), ['Elever 6–15', 'Nyanlända', 'Lokalhyra'], 'the default column is gone, the three are created');
  const toast = await web.text(page, '#recipients-toast');
  assert.match(toast, /7 mottagare inklistrade, 3 nya kolumner: Elever 6–15 \(antal\), Nyanlända \(antal\), Lokalhyra \(belopp\)\./);
  assert.match(toast, /Kolumnen ”Antal” som sidan började med är borttagen\./);
  assert.match(toast, /Ångra/);
  assert.deepEqual(await errorsShown(page), [], 'no error after the paste');
  // The key's part moved to the first real column and is named after it.
  assert.equal(await page.inputValue('[data-path="/key/0/name"]'), 'Efter Elever 6–15');
  await web.screenshot(page, 'first-time-2-pasted', { fullPage: false });
  // Step 2: the key. 80 % by pupils, 20 % by newly arrived.
  await page.fill('[data-path="/key/0/share"]', '80');
  await page.click('[data-action="add"][data-collection="key"]');
  await page.fill('[data-path="/key/1/share"]', '20');
  await page.selectOption('[data-path="/key/1/basis"]', 'indicator');
  await web.settle(page);
  await page.selectOption('[data-path="/key/1/indicator"]', 'nyanlanda');
  await web.settle(page);
  assert.equal(await page.inputValue('[data-path="/key/1/name"]'), 'Efter Nyanlända', 'the new part is named after its column');
  // Step 3: the pot and the rounding to whole thousands.
  await page.fill('[data-path="/pot/total"]', '12 500 000');
  await page.fill('[data-path="/rounding/unit"]', '1 000');
  await web.settle(page);
  assert.deepEqual(await errorsShown(page), [], 'no error after the key and rounding');
  assert.equal(await web.figure(page, 'total'), '12 500 000 kr');
  const table = await web.resultTable(page);
  assert.ok(table[0].some((head) => head.startsWith('Efter Elever 6–15')) && table[0].some((head) => head.startsWith('Efter Nyanlända')), 'the parts head the columns: ' + table[0].join(' | '));
  assert.ok(!table[0].some((head) => /^Antal$|Fördelning efter antal|Del 2/.test(head)), 'no default name is printed');
  assert.equal(await page.inputValue('#example-picker'), '');
  assert.match(await page.$eval('#example-picker', (el) => el.selectedOptions[0].textContent), /^Egen fördelning/);
  // What the user sees next: the summary and the result, scrolled to.
  await page.locator('#result-table').scrollIntoViewIfNeeded();
  await web.settle(page);
  await web.screenshot(page, 'first-time-3-result', { fullPage: false });
  // Step 4: print.
  await page.emulateMedia({ media: 'print' });
  const printed = await page.evaluate(() => document.querySelector('#result').innerText);
  assert.doesNotMatch(printed, /Antal|Fördelning efter antal/);
  assert.match(printed, /Ivarsberg/);
  await web.screenshot(page, 'first-time-4-print', { fullPage: true });
  await s.close();
});

test('a paste with a header row into a table whose recipients it matches updates them, and Ångra puts everything back', async () => {
  const s = await web.session(browser, server, server.url + '#example=stockholm-2021-model');
  const { page } = s;
  const labels = await indicatorLabels(page);
  const names = await recipientNames(page);
  const rows = [['Stadsdelsnämnd', 'Fritidsgårdar'], ...names.map((n, i) => [n, String(3 + i)])].map((r) => r.join('\t')).join('\n');
  await page.focus('[data-path="/recipients/0/name"]');
  await paste(page, rows);
  assert.deepEqual(await recipientNames(page), names, 'the same recipients, in the same order');
  assert.deepEqual(await indicatorLabels(page), [...labels, 'Fritidsgårdar']);
  assert.match(await web.text(page, '#recipients-toast'), new RegExp(names.length + ' mottagare inklistrade, 1 ny kolumn: Fritidsgårdar \\(antal\\)'));
  await page.click('#recipients-toast .toast-action');
  await web.settle(page);
  assert.deepEqual(await indicatorLabels(page), labels);
  assert.equal(await page.$$eval('[data-path$="/values/fritidsgardar"]', (els) => els.length), 0, 'the pasted values are gone with the column');
  await s.close();
});

test('a paste whose header rows match nobody in a table of real recipients opens the import preview with the text in it', async () => {
  const s = await web.session(browser, server, server.url + '#example=stockholm-2021-model');
  const { page } = s;
  const names = await recipientNames(page);
  await page.focus('[data-path="/recipients/0/name"]');
  await paste(page, 'Område\tBarn 0–17\nNorrby\t412\nSöderby\t388\n');
  assert.deepEqual(await recipientNames(page), names, 'nothing is changed before the user chooses');
  assert.equal(await page.isVisible('#import-panel'), true);
  assert.match(await page.inputValue('#import-text'), /Norrby\t412/);
  assert.match(await web.text(page, '#import-preview'), /rubrikrad men matchar inte mottagarna/);
  assert.match(await web.text(page, '#import-preview'), /2 rader/);
  await s.close();
});

test('cells pasted past the last column make new columns instead of being dropped, and say so', async () => {
  const s = await web.session(browser, server, server.url);
  const { page } = s;
  await newScenario(page);
  await page.focus('[data-path="/recipients/0/name"]');
  await paste(page, 'Alfa\t10\t7\t1 500 kr\nBeta\t20\t9\t2 500 kr\n');
  assert.deepEqual(await recipientNames(page), ['Alfa', 'Beta']);
  assert.deepEqual(await indicatorLabels(page), ['Antal', 'Kolumn 3', 'Kolumn 4']);
  assert.equal(await page.inputValue('[data-path="/recipients/1/values/kolumn_4"]'), '2 500 kr');
  assert.match(await web.text(page, '#recipients-toast'), /2 mottagare inklistrade, 2 nya kolumner: Kolumn 3 \(antal\), Kolumn 4 \(belopp\)\./);
  await s.close();
});

test('a paste into a new scenario with nothing focused is read as well', async () => {
  const s = await web.session(browser, server, server.url);
  const { page } = s;
  await newScenario(page);
  await page.evaluate(() => { if (document.activeElement) document.activeElement.blur(); });
  await paste(page, 'Enhet\tPlatser\nUggla\t14\nRäven\t22\n');
  assert.deepEqual(await recipientNames(page), ['Uggla', 'Räven']);
  assert.deepEqual(await indicatorLabels(page), ['Platser']);
  assert.equal(await page.inputValue('[data-path="/key/0/name"]'), 'Efter Platser');
  assert.deepEqual(await errorsShown(page), []);
  await s.close();
});

test('a sheet copied with its total row: the "Summa" row is left out and named, a column of kronor becomes an amount column', async () => {
  const s = await web.session(browser, server, server.url);
  const { page } = s;
  await newScenario(page);
  await page.focus('[data-path="/recipients/0/name"]');
  await paste(page, 'Förening\tMedlemmar\tHyra\nBollklubben\t120\t40 tkr\nKörsällskapet\t45\t12 500 kr\nSumma\t165\t52 500 kr\n');
  assert.deepEqual(await recipientNames(page), ['Bollklubben', 'Körsällskapet'], 'the total is no recipient');
  assert.deepEqual(await indicatorLabels(page), ['Medlemmar', 'Hyra']);
  assert.equal(await page.inputValue('[data-path="/indicators/1/kind"]'), 'amount', 'cells in kr and tkr say the column is money');
  assert.match(await web.text(page, '#recipients-toast'), /Lämnas utanför som summarad, inte mottagare: Summa\./);
  assert.deepEqual(await errorsShown(page), []);

  // Cells pasted from the name cell with a "Totalt" row under them.
  await page.focus('[data-path="/recipients/0/name"]');
  await paste(page, 'Alfa\t10\t1 000 kr\nBeta\t20\t2 000 kr\nTotalt\t30\t3 000 kr\n');
  assert.deepEqual(await recipientNames(page), ['Alfa', 'Beta']);
  assert.match(await web.text(page, '#recipients-toast'), /summarad, inte mottagare: Totalt/);
  await s.close();
});

test('a range copied with the sheet title above it: the title is left out and named, the header row under it names the columns', async () => {
  const s = await web.session(browser, server, server.url);
  const { page } = s;
  await newScenario(page);
  await page.focus('[data-path="/recipients/0/name"]');
  await paste(page, 'Föreningsbidrag 2027\t\t\n\t\t\nFörening\tMedlemmar\tHyra (kr)\nBollklubben\t120\t40 000\nKörsällskapet\t45\t12 500\n');
  assert.deepEqual(await recipientNames(page), ['Bollklubben', 'Körsällskapet']);
  assert.deepEqual(await indicatorLabels(page), ['Medlemmar', 'Hyra']);
  assert.match(await web.text(page, '#recipients-toast'), /Rader ovanför tabellen lämnas utanför som rubrik: Föreningsbidrag 2027\./);
  assert.deepEqual(await errorsShown(page), []);

  // A name whose value is left empty, above rows with numbers, is a recipient.
  await page.focus('[data-path="/recipients/0/name"]');
  await paste(page, 'Alfa\nBeta\t2\nGamma\t3\n');
  assert.deepEqual(await recipientNames(page), ['Alfa', 'Beta', 'Gamma']);
  assert.doesNotMatch(await web.text(page, '#recipients-toast'), /rubrik/);
  await s.close();
});

test('a part of the key is named after its setting until the user types a name, in Swedish and in English', async () => {
  const s = await web.session(browser, server, server.url);
  const { page } = s;
  await newScenario(page);
  assert.equal(await page.inputValue('[data-path="/key/0/name"]'), 'Efter Antal');
  await page.fill('[data-path="/indicators/0/label"]', 'Invånare');
  await web.settle(page);
  assert.equal(await page.inputValue('[data-path="/key/0/name"]'), 'Efter Invånare', 'follows the column being renamed');
  await page.selectOption('[data-path="/key/0/basis"]', 'equal');
  await web.settle(page);
  assert.equal(await page.inputValue('[data-path="/key/0/name"]'), 'Lika delar');
  await page.click('[data-action="add"][data-collection="key"]');
  await web.settle(page);
  await page.selectOption('[data-path="/key/1/basis"]', 'cost');
  await web.settle(page);
  assert.equal(await page.inputValue('[data-path="/key/1/name"]'), 'Kostnadsberäknat', '"Del 2" follows its setting too');
  // A name the user typed stays.
  await page.fill('[data-path="/key/0/name"]', 'Grundbelopp');
  await web.settle(page);
  await page.selectOption('[data-path="/key/0/basis"]', 'indicator');
  await web.settle(page);
  assert.equal(await page.inputValue('[data-path="/key/0/name"]'), 'Grundbelopp');
  // In English, a setting's name is English.
  await page.click('#lang-switch');
  await web.settle(page);
  await page.selectOption('[data-path="/key/1/basis"]', 'equal');
  await web.settle(page);
  assert.equal(await page.inputValue('[data-path="/key/1/name"]'), 'Equal shares');
  await s.close();
});

test('the picker names the user\'s own work, not the example it came from, and a wide screen gives the result its width', async () => {
  const s = await web.session(browser, server, server.url + '#example=linkoping-2021', { viewport: { width: 1920, height: 1080 } });
  const { page } = s;
  const picked = () => page.$eval('#example-picker', (el) => el.selectedOptions[0].textContent);
  assert.match(await picked(), /Linköping/);
  await page.fill('[data-path="/title"]', 'Vår egen 2027');
  await web.settle(page);
  assert.equal(await picked(), 'Egen fördelning: Vår egen 2027');
  const width = await page.$eval('#result', (el) => el.getBoundingClientRect().width);
  assert.ok(width > 900, 'the result is ' + width + ' px wide on a 1 920 px screen');
  await web.screenshot(page, 'first-time-wide-1920', { fullPage: false });
  await newScenario(page);
  assert.equal(await picked(), 'Egen fördelning: Ny fördelning');
  await s.close();
});
