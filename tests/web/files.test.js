// Files: a scenario saved and opened again (as a new scenario in the
// list), documents that are not scenarios refused with a clear message,
// migrate(); the result saved as CSV that Swedish Excel reads (checked
// here as Excel reads it) and as JSON; and recipients imported from a CSV
// file or from rows pasted from Excel.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const web = require('./lib/page.js');
const xlsx = require('./lib/xlsx.js');

let browser;
let server;

web.suite((b, s) => {
  browser = b;
  server = s;
});

test('a scenario saved as a file opens in a fresh browser as a new scenario, unchanged', async () => {
  const context = await web.newContext(browser);
  const page = await context.newPage();
  const watch = web.watch(page, server.origin);
  await web.open(page, server.url + '#example=socialstyrelsen-2023');
  await page.fill('[data-path="/title"]', 'Nationell nyckel, förslag');
  await page.fill('[data-path="/pot/total"]', '250 mnkr');
  await web.settle(page);
  const table = await web.resultTable(page);
  const file = await web.downloadOf(page, '#save-file');
  assert.equal(file.name, 'nationell-nyckel-forslag.json');
  const saved = JSON.parse(file.bytes.toString('utf8'));
  assert.equal(saved.format, 'fordela-scenario');
  assert.equal(saved.version, 1);
  assert.equal(saved.pot.total, '250 mnkr', 'kept as the user wrote it');

  const other = await web.newContext(browser);
  const colleague = await other.newPage();
  const watchColleague = web.watch(colleague, server.origin);
  await web.open(colleague, server.url + '#example=linkoping-2021');
  await colleague.setInputFiles('#file-input', { name: file.name, mimeType: 'application/json', buffer: file.bytes });
  await colleague.waitForFunction(() => document.querySelector('[data-path="/title"]').value === 'Nationell nyckel, förslag');
  await web.settle(colleague);
  assert.deepEqual(await web.resultTable(colleague), table);
  const stored = await colleague.evaluate(() => {
    const index = JSON.parse(localStorage.getItem('fordela.v1.index'));
    return { titles: index.entries.map((e) => e.title), scenario: JSON.parse(localStorage.getItem('fordela.v1.entry.' + index.current)) };
  });
  assert.deepEqual(stored.titles, ['Nationell nyckel, förslag']);
  assert.deepEqual(stored.scenario, saved);
  assert.deepEqual(await watchColleague.check(), []);
  await other.close();
  assert.deepEqual(await watch.check(), []);
  await context.close();
});

test('files that are not a scenario are refused with a message saying what they are; the work stays', async () => {
  const context = await web.newContext(browser);
  const page = await context.newPage();
  const watch = web.watch(page, server.origin);
  await web.open(page, server.url + '#example=stockholm-2021');
  await page.fill('[data-path="/title"]', 'Mitt arbete');
  await web.settle(page);
  const result = await page.evaluate(() => JSON.stringify(Fordela.core.compute(Fordela.core.examples()[0].scenario)));
  const newer = Object.assign(web.example('linkoping-2021'), { version: 2 });
  const cases = [
    ['resultat.json', result, /är ett resultat från Fördela, inte en fördelning/],
    ['data.json', '{"rows": [1, 2, 3]}', /är JSON men ingen Fördela-fördelning/],
    ['lista.json', '[1, 2]', /är JSON men ingen Fördela-fördelning/],
    ['trasig.json', '{"format": "fordela-scenario", "version": 1,', /inte JSON/],
    ['nyare.json', JSON.stringify(newer), /version 2 av formatet, som är nyare/],
    ['ingen-version.json', '{"format": "fordela-scenario", "version": "ett"}', /inget giltigt versionsnummer/],
    ['bild.png', fs.readFileSync(path.join(web.ROOT, 'web', 'icons', 'icon-192.png')), /är en bild, inte en fördelning/],
    ['mottagare.csv', 'Kommun;Befolkning\r\nAlby;48 000\r\n', /är en CSV-fil.*Importera/],
    ['tom.json', '', /är tom/],
  ];
  for (const [name, content, message] of cases) {
    await page.setInputFiles('#file-input', { name, mimeType: 'application/octet-stream', buffer: Buffer.from(content) });
    await page.waitForFunction((n) => !document.getElementById('notice').hidden && document.getElementById('notice').textContent.includes(n), name);
    assert.match(await web.text(page, '#notice'), message, name);
    assert.equal(await page.inputValue('[data-path="/title"]'), 'Mitt arbete', name);
  }
  await web.screenshot(page, 'http-foreign-file');
  assert.equal(await web.figure(page, 'total'), '32 926 000 kr');
  assert.deepEqual(await watch.check(), []);
  await context.close();
});

test('migrate() takes version 1 as it is and refuses newer, foreign and result documents', async () => {
  const context = await web.newContext(browser);
  const page = await context.newPage();
  await web.open(page, server.url + '#example=linkoping-2021');
  const outcomes = await page.evaluate(() => {
    const v1 = Fordela.core.examples()[0].scenario;
    const m = Fordela.document.migrate;
    const brief = (r) => (r.ok ? { ok: true, same: r.scenario === v1, from: r.from } : r);
    return {
      v1: brief(m(v1)),
      newer: m(Object.assign({}, v1, { version: 7 })),
      noVersion: m({ format: 'fordela-scenario' }),
      zero: m({ format: 'fordela-scenario', version: 0 }),
      result: m({ format: 'fordela-result', version: 1, ok: true }),
      foreign: m({ title: 'x' }),
      array: m([v1]),
      nothing: m(null),
      text: Fordela.document.fromText('not json'),
    };
  });
  assert.deepEqual(outcomes.v1, { ok: true, same: true, from: 1 });
  assert.deepEqual(outcomes.newer, { ok: false, problem: 'newer', version: 7 });
  assert.deepEqual(outcomes.noVersion, { ok: false, problem: 'version' });
  assert.deepEqual(outcomes.zero, { ok: false, problem: 'version' });
  assert.deepEqual(outcomes.result, { ok: false, problem: 'result' });
  assert.deepEqual(outcomes.foreign, { ok: false, problem: 'foreign' });
  assert.deepEqual(outcomes.array, { ok: false, problem: 'not-object' });
  assert.deepEqual(outcomes.nothing, { ok: false, problem: 'not-object' });
  assert.deepEqual(outcomes.text, { ok: false, problem: 'not-json' });
  await context.close();
});

test('the result as CSV opens in Swedish Excel with every amount equal to the result, to the öre', async () => {
  const context = await web.newContext(browser);
  const page = await context.newPage();
  const watch = web.watch(page, server.origin);
  await web.open(page, server.url + '#example=stockholm-2021-model');
  // A name Excel would run as a formula, and one with the separator in it.
  await page.fill('[data-path="/recipients/0/name"]', '=HYPERLINK("http://example.org";"Rinkeby")');
  await page.fill('[data-path="/recipients/1/name"]', 'Spånga; Tensta');
  await web.settle(page);
  const result = await page.evaluate(() => {
    const read = (id) => document.querySelector('[data-path="' + id + '"]').value;
    const scenario = Fordela.core.examples().find((e) => e.id === 'stockholm-2021-model').scenario;
    scenario.recipients[0].name = read('/recipients/0/name');
    scenario.recipients[1].name = read('/recipients/1/name');
    return Fordela.core.compute(scenario);
  });
  const file = await web.downloadOf(page, '#export-csv');
  assert.match(file.name, /^stockholm-2021-fordelningsmodellen-75-25.*-resultat\.csv$/);
  const { table: rows, summary } = web.excelParts(web.readExcelCsv(file.bytes));
  const header = rows[0];
  assert.deepEqual(header, ['Mottagare', 'Utsatthet (exakt) (kr)', 'Befolkning (exakt) (kr)', 'Avrundning (kr)', 'Enligt nyckeln (kr)', 'Extra medel skolsociala team (öronmärkt) (kr)', 'Totalt (kr)']);
  assert.equal(rows[1][0], '\'=HYPERLINK("http://example.org";"Rinkeby")', 'guarded against formula injection');
  assert.equal(rows[2][0], 'Spånga; Tensta');
  assert.match(file.bytes.toString('utf8'), /"Spånga; Tensta"/);
  const column = (name) => header.indexOf(name);
  result.recipients.forEach((r, i) => {
    const row = rows[i + 1];
    assert.equal(web.excelOre(row[column('Utsatthet (exakt) (kr)')]), r.components[0].exact_ore);
    assert.equal(web.excelOre(row[column('Avrundning (kr)')]), r.rounding_ore);
    assert.equal(web.excelOre(row[column('Enligt nyckeln (kr)')]), r.formula_ore);
    assert.equal(web.excelOre(row[column('Totalt (kr)')]), r.total_ore);
  });
  const totals = rows[rows.length - 1];
  assert.equal(totals[0], 'Summa');
  assert.equal(web.excelOre(totals[column('Enligt nyckeln (kr)')]), result.totals.formula_ore);
  assert.equal(web.excelOre(totals[column('Totalt (kr)')]), 3292600000);
  assert.equal(rows.length, result.recipients.length + 2);
  assert.deepEqual(summary.map((r) => r[0]), ['Pott', 'Avdrag', 'Att fördela', 'Fördelat enligt nyckeln', 'Ej fördelat', 'Öronmärkt', 'Totalt']);
  assert.ok(rows.some((r) => r.slice(1).some((c) => /,\d\d$/.test(c))), 'öre with a decimal comma');
  assert.ok(rows.some((r) => r.slice(1).some((c) => c.startsWith('-'))), 'negative rounding as a plain minus');
  assert.match(await web.text(page, '#copy-status'), /CSV-filen är sparad/);

  // In English, the headers are English; the numbers stay Swedish Excel's.
  await page.click('#lang-switch');
  const english = web.excelParts(web.readExcelCsv((await web.downloadOf(page, '#export-csv')).bytes)).table;
  assert.equal(english[0][0], 'Recipient');
  assert.equal(english[english.length - 1][0], 'Total');
  assert.deepEqual(english.slice(1).map((r) => r.slice(1)), rows.slice(1).map((r) => r.slice(1)));
  assert.deepEqual(await watch.check(), []);
  await context.close();
});

test('the result as JSON is the core\'s result document; with errors there is nothing to save', async () => {
  const context = await web.newContext(browser);
  const page = await context.newPage();
  const watch = web.watch(page, server.origin);
  await web.open(page, server.url + '#example=linkoping-2022');
  const file = await web.downloadOf(page, '#export-json');
  assert.match(file.name, /-resultat\.json$/);
  const saved = JSON.parse(file.bytes.toString('utf8'));
  const expected = await page.evaluate(() => Fordela.core.compute(Fordela.core.examples().find((e) => e.id === 'linkoping-2022').scenario));
  assert.deepEqual(saved, expected);
  assert.equal(saved.format, 'fordela-result');
  assert.equal(saved.totals.not_allocated_ore, 15000000);

  await page.fill('[data-path="/pot/total"]', 'abc');
  await web.settle(page);
  let downloaded = false;
  page.once('download', () => { downloaded = true; });
  await page.click('#export-json');
  await page.waitForFunction(() => /inget resultat att spara förrän felen är rättade/.test(document.getElementById('copy-status').textContent));
  assert.equal(downloaded, false);
  assert.deepEqual(await watch.check(), []);
  await context.close();
});

test('recipients and values imported from a CSV file that Swedish Excel saved (Windows-1252, semicolons)', async () => {
  const context = await web.newContext(browser);
  const page = await context.newPage();
  const watch = web.watch(page, server.origin);
  await web.open(page, server.url + '#example=stockholm-2021-model');
  // "CSV (semikolonavgränsad)" from Swedish Excel: ANSI, not UTF-8.
  const latin1 = Buffer.from([
    'Stadsdel;Befolkning;Utsatta områden;Skolsociala team (kr);Kommentar',
    'Rinkeby-Kista;48 000;0;1 054 200;',
    'Spånga-Tensta;"55 100";1;986 200;"ny; siffra"',
    'Farsta;52 000;1;500 000;',
  ].join('\r\n') + '\r\n', 'latin1');
  await page.click('#import-toggle');
  await page.setInputFiles('#import-file', { name: 'stadsdelar.csv', mimeType: 'text/csv', buffer: latin1 });
  await page.waitForSelector('#import-preview p');
  const preview = await web.text(page, '#import-preview');
  assert.match(preview, /3 rader\. Mottagarnas namn från kolumnen ”Stadsdel”/);
  assert.match(preview, /2 finns redan och uppdateras, 1 är nya/);
  assert.match(preview, /Befolkning → Befolkning/);
  assert.match(preview, /Utsatta områden → Utsatta områden/);
  assert.match(preview, /Skolsociala team \(kr\) → ny kolumn \(belopp \(kr\)\)/);
  assert.match(preview, /Kommentar → ny kolumn \(antal\)/);
  await web.screenshot(page, 'http-import-preview', { fullPage: true });
  assert.equal(await page.isChecked('#import-mode-merge'), true);
  await page.click('#import-apply');
  await page.waitForFunction(() => document.querySelectorAll('#recipients-table tbody tr').length === 7);
  await web.settle(page);
  assert.equal(await page.inputValue('[data-path="/recipients/6/name"]'), 'Farsta');
  assert.equal(await page.inputValue('[data-path="/recipients/1/values/befolkning"]'), '55 100', 'kept as written');
  assert.equal(await page.isVisible('#import-panel'), false);
  // The "Kommentar" column holds text: the core reports it beside the cell.
  assert.match(await web.text(page, '.findings-list'), /ny; siffra/);
  assert.deepEqual(await watch.check(), []);
  await context.close();
});

test('rows pasted from Excel replace the recipients; a broken file says on which line', async () => {
  const context = await web.newContext(browser);
  const page = await context.newPage();
  const watch = web.watch(page, server.origin);
  await web.open(page, server.url + '#example=socialstyrelsen-2023');
  await page.click('#import-toggle');
  await page.fill('#import-text', ['Kommun\tUtsatta områden\tRiskområden\tSärskilt utsatta områden', 'Umeå\t1\t0\t0', 'Luleå\t2\t0\t1', 'Gävle\t"1,5"\t1\t0'].join('\n'));
  await page.waitForSelector('#import-preview p');
  assert.match(await web.text(page, '#import-preview'), /0 finns redan och uppdateras, 3 är nya/);
  assert.match(await web.text(page, '#import-preview'), /Med Ersätt tas 10 bort: Kommun A, Kommun B/);
  assert.equal(await page.isChecked('#import-mode-replace'), true);
  await page.click('#import-apply');
  await page.waitForFunction(() => document.querySelectorAll('#recipients-table tbody tr').length === 3);
  await web.settle(page);
  const rows = await web.resultTable(page);
  assert.deepEqual(rows.slice(1, 4).map((r) => r[0]), ['Umeå', 'Luleå', 'Gävle']);
  assert.equal(await web.figure(page, 'formula'), '243 500 000 kr');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'import-toggle');

  await page.click('#import-toggle');
  await page.setInputFiles('#import-file', { name: 'trasig.csv', mimeType: 'text/csv', buffer: Buffer.from('Namn;Antal\nAlby;1\n"Boda;2\n') });
  await page.waitForSelector('#import-problem:not([hidden])');
  assert.match(await web.text(page, '#import-problem'), /Rad 3 har ett citattecken/);
  assert.equal(await page.isDisabled('#import-apply'), true);
  await page.setInputFiles('#import-file', { name: 'bok.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]) });
  await page.waitForFunction(() => /Excel/.test(document.getElementById('import-problem').textContent));
  assert.match(await web.text(page, '#import-problem'), /Spara den som CSV i Excel/);
  await page.click('#import-cancel');
  assert.equal(await page.isVisible('#import-panel'), false);
  assert.deepEqual(await watch.check(), []);
  await context.close();
});

// A new scenario with the import panel open.
async function importIntoNewScenario() {
  const context = await web.newContext(browser);
  const page = await context.newPage();
  const watch = web.watch(page, server.origin);
  await web.open(page, server.url);
  await page.click('#new-scenario');
  await web.settle(page);
  await page.click('#import-toggle');
  return { context, page, watch };
}

// The import preview's text once a file is chosen.
async function previewOf(page, file) {
  await page.setInputFiles('#import-file', file);
  await page.waitForSelector('#import-preview p');
  return web.text(page, '#import-preview');
}

function recipientNames(page) {
  return page.$$eval('[data-path^="/recipients/"][data-path$="/name"]', (els) => els.map((el) => el.value));
}

test('a file with a total row and amounts in kr: the preview leaves the total out and names it, makes the column an amount, and a new scenario\'s own rows are not said to be lost', async () => {
  const { context, page, watch } = await importIntoNewScenario();
  const csv = ['Enhet;Barn;Lokalkostnad', 'Ugglan;14;"1 250 000 kr"', 'Räven;22;980 000,-', 'S:a;36;"2 230 000 kr"'].join('\r\n');
  const preview = await previewOf(page, { name: 'enheter.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  assert.match(preview, /2 rader\./);
  assert.match(preview, /Lokalkostnad → ny kolumn \(belopp \(kr\)\)/);
  assert.match(preview, /Lämnas utanför som summarad, inte mottagare: S:a\./);
  assert.doesNotMatch(preview, /tas \d+ bort/, 'the new scenario\'s "Mottagare 1" is nobody\'s data');
  await page.click('#import-apply');
  await web.settle(page);
  assert.deepEqual(await recipientNames(page), ['Ugglan', 'Räven']);
  assert.equal(await page.inputValue('[data-path="/recipients/1/values/lokalkostnad"]'), '980 000,-');
  assert.deepEqual(await page.$$eval('.finding-msg.error', (els) => els.map((el) => el.textContent)), [], '"980 000,-" is read as kronor');
  assert.deepEqual(await watch.check(), []);
  await context.close();
});

test('an Excel workbook (.xlsx) is imported from its first sheet: shared and inline strings, numbers as Excel shows them, an empty cell, a title and a total row; another sheet is named', async () => {
  const { context, page, watch } = await importIntoNewScenario();
  const book = xlsx.workbook([
    {
      name: 'Förskolor',
      rows: [
        ['Förskolor 2027'],
        [],
        ['Förskola', 'Barn', 'Andel nyanlända', 'Hyra (kr)'],
        ['Ugglan', { number: '14' }, { number: '0.30000000000000004' }, { number: '1250000' }],
        [{ inline: 'Räven' }, { number: '22' }, { number: '1.234' }, null],
        ['Myran', { number: '8' }, { number: '5E-3' }, { number: '980000.5' }],
        ['Lärkan', { number: '3' }, { number: '0.33333333333333331' }, { number: '0' }],
        ['Summa', { number: '44' }, null, { number: '2230000.5' }],
      ],
    },
    { name: 'Anteckningar', rows: [['Inget att importera']] },
  ]);
  const preview = await previewOf(page, { name: 'forskolor.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: book });
  assert.match(preview, /4 rader\. Mottagarnas namn från kolumnen ”Förskola”/);
  assert.match(preview, /1 tal hade fler decimaler än de sex en fördelning räknar med och avrundas till sex: Lärkan, Andel nyanlända: 0,333333333333333 → 0,333333\./);
  assert.match(preview, /Hyra \(kr\) → ny kolumn \(belopp \(kr\)\)/);
  assert.match(preview, /Lämnas utanför som summarad, inte mottagare: Summa\./);
  assert.match(preview, /Arbetsboken har 2 blad; det första, ”Förskolor”, läses/);
  assert.match(preview, /Rader ovanför tabellen lämnas utanför som rubrik: Förskolor 2027\./);
  await web.screenshot(page, 'http-import-xlsx-preview', { fullPage: true });
  await page.click('#import-apply');
  await web.settle(page);
  assert.deepEqual(await recipientNames(page), ['Ugglan', 'Räven', 'Myran', 'Lärkan']);
  const value = (row, id) => page.inputValue('[data-path="/recipients/' + row + '/values/' + id + '"]');
  assert.equal(await value(0, 'andel_nyanlanda'), '0,3', 'the binary fraction as Excel shows it');
  assert.equal(await value(1, 'andel_nyanlanda'), '1,2340', 'not a thousand written the English way');
  assert.equal(await value(2, 'andel_nyanlanda'), '0,005');
  assert.equal(await value(3, 'andel_nyanlanda'), '0,333333', 'rounded to the six decimals a scenario holds, as the preview said');
  assert.equal(await value(2, 'hyra'), '980 000,5', 'grouped in thousands, as Excel shows it');
  assert.equal(await value(1, 'hyra'), '', 'the empty cell stays empty');
  assert.equal(await value(0, 'barn'), '14');
  assert.deepEqual(await page.$$eval('.finding-msg.error', (els) => els.map((el) => el.textContent)), []);

  // A zip that holds no workbook (a Word file) says what to do instead.
  await page.click('#import-toggle');
  await page.setInputFiles('#import-file', { name: 'brev.docx', mimeType: 'application/octet-stream', buffer: xlsx.zip({ 'word/document.xml': '<w:document/>' }) });
  await page.waitForSelector('#import-problem:not([hidden])');
  assert.match(await web.text(page, '#import-problem'), /går inte att läsa som en Excel-arbetsbok/);
  assert.equal(await page.isDisabled('#import-apply'), true);
  assert.deepEqual(await watch.check(), []);
  await context.close();
});

test('a workbook saved by a real spreadsheet program (LibreOffice, from tests/web/data/foreningar-libreoffice.fods): per cent cells, a formula total, a share of 1/3', async () => {
  const { context, page, watch } = await importIntoNewScenario();
  const preview = await previewOf(page, path.join(__dirname, 'data', 'foreningar-libreoffice.xlsx'));
  assert.match(preview, /3 rader\. Mottagarnas namn från kolumnen ”Förening”/);
  assert.match(preview, /Lämnas utanför som summarad, inte mottagare: Summa\./);
  assert.match(preview, /Scoutkåren Ugglan, Andel flickor: 0,333333333333333 → 0,333333/);
  await page.click('#import-apply');
  await web.settle(page);
  assert.deepEqual(await recipientNames(page), ['Norrby IF', 'Söderby Simsällskap', 'Scoutkåren Ugglan']);
  const values = await page.$$eval('[data-path^="/recipients/"][data-path*="/values/"]', (els) => els.map((el) => el.value));
  assert.deepEqual(values, ['312', '0,125', '184 000', '141', '0,61', '', '88', '0,333333', '52 500,5']);
  assert.deepEqual(await page.$$eval('.finding-msg.error', (els) => els.map((el) => el.textContent)), []);
  assert.deepEqual(await watch.check(), []);
  await context.close();
});

// Text in the encodings Windows programs write: UTF-8 with and without a
// BOM, UTF-16 after its BOM (Excel's "Unicode text": little-endian, tabs),
// and otherwise Windows-1252.
function encoded(text, encoding) {
  switch (encoding) {
    case 'utf-8': return Buffer.from(text, 'utf8');
    case 'utf-8-bom': return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le': return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16be': return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    case 'windows-1252': return Buffer.from(text, 'latin1');
    default: throw new Error(encoding);
  }
}

const READ_AS = {
  'utf-8': null,
  'utf-8-bom': null,
  'utf-16le': /lästes som UTF-16 \(little-endian, som Excels ”Unicode-text”\)/,
  'utf-16be': /lästes som UTF-16 \(big-endian\)/,
  'windows-1252': /lästes som Windows-1252/,
};

test('scenarios and CSV in UTF-8, UTF-16 with a BOM (Excel\'s Unicode text) and Windows-1252 are read, and a text not in UTF-8 says how it was read', async () => {
  const context = await web.newContext(browser);
  const page = await context.newPage();
  const watch = web.watch(page, server.origin);
  await web.open(page, server.url + '#example=stockholm-2021-model');
  for (const encoding of Object.keys(READ_AS)) {
    const doc = Object.assign(web.example('linkoping-2021'), { title: 'Fördelning åäö ' + encoding });
    await page.evaluate(() => { document.getElementById('notice').hidden = true; });
    await page.setInputFiles('#file-input', { name: 'fil.json', mimeType: 'application/json', buffer: encoded(JSON.stringify(doc), encoding) });
    await page.waitForFunction((title) => document.querySelector('[data-path="/title"]').value === title, doc.title);
    if (READ_AS[encoding]) assert.match(await web.text(page, '#notice'), READ_AS[encoding], encoding);
    else assert.equal(await page.isVisible('#notice'), false, encoding);

    // Recipients from a file as Excel saves "Unicode text": tab-separated.
    await page.click('#import-toggle');
    const csv = ['Namn\tBelopp', 'Nämnd för äldre\t1 000', 'Kulturnämnden\t2 000'].join('\r\n') + '\r\n';
    await page.setInputFiles('#import-file', { name: 'rader.txt', mimeType: 'text/plain', buffer: encoded(csv, encoding) });
    await page.waitForSelector('#import-preview p');
    const preview = await web.text(page, '#import-preview');
    assert.match(preview, /2 rader\. Mottagarnas namn från kolumnen ”Namn”/, encoding);
    if (READ_AS[encoding]) assert.match(preview, READ_AS[encoding], encoding);
    else assert.doesNotMatch(preview, /lästes som/, encoding);
    await page.click('#import-mode-replace');
    await page.click('#import-apply');
    await page.waitForFunction(() => document.querySelector('[data-path="/recipients/0/name"]').value === 'Nämnd för äldre');
    assert.equal(await page.inputValue('[data-path="/recipients/1/values/belopp"]'), '2 000', encoding);
  }
  assert.deepEqual(await watch.check(), []);
  await context.close();
});

// Issue 12, item 6. "Already in the list" as the user sees it: the same
// title and the same content is the same work (opened from the list, not
// added again); the same title with other content asks which to have.
test('a file already in the list opens the one there; the same title with other content offers to open that one or keep both', async () => {
  const s = await web.session(browser, server, server.url, { viewport: { width: 1366, height: 768 } });
  const { page } = s;
  const grants = {
    format: 'fordela-scenario',
    version: 1,
    title: 'Föreningsbidrag Åsby 2027',
    pot: { total: '420 000 kr' },
    indicators: [{ id: 'medlemmar', label: 'Medlemmar 7–20 år', kind: 'count' }],
    recipients: [
      { name: 'Åsby IF', values: { medlemmar: 212 } },
      { name: 'Scoutkåren Tallen', values: { medlemmar: 64 } },
      { name: 'Schackklubben Löparen', values: { medlemmar: 31 } },
    ],
    key: [{ name: 'Efter Medlemmar 7–20 år', share: 100, basis: 'indicator', indicator: 'medlemmar' }],
    rounding: { unit: 1000 },
  };
  const open = async (doc, name) => {
    await page.evaluate(() => { document.getElementById('notice').hidden = true; });
    await page.setInputFiles('#file-input', { name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc, null, 2)) });
    await page.waitForSelector('#notice:not([hidden])');
    await web.settle(page);
  };
  const titles = () => page.evaluate(() => JSON.parse(localStorage.getItem('fordela.v1.index')).entries.map((e) => e.title));
  const title = () => page.inputValue('[data-path="/title"]');

  await page.setInputFiles('#file-input', { name: 'bidrag.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(grants)) });
  await page.waitForFunction((t) => document.querySelector('[data-path="/title"]').value === t, grants.title);
  await web.settle(page);
  assert.deepEqual(await titles(), [grants.title]);

  // The same file again, with its keys in another order, while an example is open.
  await page.selectOption('#example-picker', 'linkoping-2021');
  await page.click('#open-example');
  await web.settle(page);
  const reordered = Object.fromEntries(Object.entries(grants).reverse());
  await open(reordered, 'bidrag-kopia.json');
  assert.equal(await title(), grants.title);
  assert.deepEqual(await titles(), [grants.title], 'not added a second time');
  assert.match(await web.text(page, '#notice'), /bidrag-kopia\.json är ”Föreningsbidrag Åsby 2027”, som redan finns med samma innehåll under Mina fördelningar: den är öppnad därifrån/);

  // The same title, other content: nothing changes until the user chooses.
  const revised = JSON.parse(JSON.stringify(grants));
  revised.recipients[2].values.medlemmar = 45;
  await page.selectOption('#example-picker', 'linkoping-2021');
  await page.click('#open-example');
  await web.settle(page);
  await open(revised, 'bidrag-ny.json');
  assert.match(await web.text(page, '#notice'), /bidrag-ny\.json heter ”Föreningsbidrag Åsby 2027” som en fördelning som redan finns under Mina fördelningar, men innehållet skiljer sig/);
  assert.notEqual(await title(), grants.title, 'the work open stays open until a choice');
  assert.deepEqual(await titles(), [grants.title]);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'file-same-open');
  await web.screenshot(page, 'files-same-title', { fullPage: false });
  await page.click('#file-same-keep');
  await web.settle(page);
  assert.equal(await title(), grants.title + ' (2)');
  assert.equal(await page.inputValue('[data-path="/recipients/2/values/medlemmar"]'), '45');
  assert.deepEqual((await titles()).sort(), [grants.title, grants.title + ' (2)'].sort());
  assert.equal(await page.isVisible('#notice'), false);

  // The revised file once more is now the "(2)" in the list: opened, not added.
  await open(revised, 'bidrag-ny.json');
  assert.equal(await title(), grants.title + ' (2)');
  assert.equal((await titles()).length, 2);

  // Other content again, and "open the one in the list": the listed one opens.
  const third = JSON.parse(JSON.stringify(grants));
  third.pot.total = '450 000 kr';
  await open(third, 'bidrag-tredje.json');
  await page.click('#file-same-open');
  await web.settle(page);
  assert.equal(await title(), grants.title);
  assert.equal(await page.inputValue('[data-path="/pot/total"]'), '420 000 kr');
  assert.equal((await titles()).length, 2);

  // In English too.
  await page.click('#lang-switch');
  await open(third, 'bidrag-tredje.json');
  assert.match(await web.text(page, '#notice'), /The file bidrag-tredje\.json is called “Föreningsbidrag Åsby 2027” like an allocation already under My allocations, but the content differs/);
  assert.equal(await web.text(page, '#file-same-keep'), 'Keep both');
  await s.close();
});
