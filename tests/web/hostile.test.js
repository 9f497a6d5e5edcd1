// Hostile input as it reaches the page by file, by link and by paste:
// markup and script in every kind of name, control characters and
// right-to-left overrides, a megabyte of text, numbers JavaScript cannot
// hold, deep nesting, a million recipients (also over sub-scenarios),
// columns named "constructor" and "__proto__", and fields of the wrong JSON
// type (also from the browser's storage). Each either shows as inert text
// or gets a clear message; nothing runs, nothing is injected, no dialog
// opens and the tab does not freeze.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const web = require('./lib/page.js');

// Each payload would set window.__pwned if the page ever treated text as
// markup or code.
const PAYLOADS = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=2</script>',
  '"><svg onload="window.__pwned=3">',
  '<a href="javascript:window.__pwned=4">klicka</a>',
  '{{constructor.constructor("window.__pwned=5")()}}',
];
const RTL_NAME = 'Norr\u202e000 001\u202c';
const CONTROL_NAME = 'Söder\u0000\u0007\u001b[31m';

let browser;
let server;

web.suite((b, s) => {
  browser = b;
  server = s;
});

// A page that records dialogs, and watches for errors, CSP violations and
// requests leaving the page's origin.
async function openPage(url, options) {
  const context = await web.newContext(browser, options);
  const page = await context.newPage();
  const dialogs = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.type() + ': ' + dialog.message());
    dialog.dismiss().catch(() => {});
  });
  const watch = web.watch(page, server.origin);
  await web.open(page, url || server.url + '#example=linkoping-2021');
  return { context, page, dialogs, watch };
}

// Nothing ran and nothing was injected: no flag set, no element a payload
// would create, no event-handler attribute, no javascript: link.
async function assertInert(session) {
  const { page, dialogs, watch } = session;
  const found = await page.evaluate(() => ({
    pwned: window.__pwned,
    elements: [...document.querySelectorAll('img, iframe, object, embed, script:not([src]), a[href^="javascript:" i]')]
      .map((el) => el.outerHTML.slice(0, 80)),
    handlers: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes]
      .filter((a) => /^on/i.test(a.name)).map((a) => el.tagName + ' ' + a.name)),
  }));
  assert.equal(found.pwned, undefined, 'a payload ran');
  assert.deepEqual(found.elements, [], 'a payload made an element');
  assert.deepEqual(found.handlers, [], 'a payload made an event handler');
  assert.deepEqual(dialogs, [], 'a dialog opened');
  assert.deepEqual(await watch.check(), []);
}

function scenario(overrides) {
  return Object.assign({
    format: 'fordela-scenario',
    version: 1,
    title: PAYLOADS[0],
    notes: PAYLOADS.join('\n'),
    pot: { total: '1 000 000 kr', deductions: [{ name: PAYLOADS[1], amount: 1000 }] },
    indicators: [
      { id: 'bef', label: PAYLOADS[2], kind: 'count' },
      { id: 'extra', label: PAYLOADS[3], kind: 'amount' },
    ],
    recipients: [
      { name: PAYLOADS[0], values: { bef: 1200, extra: 5000 } },
      { name: PAYLOADS[1], values: { bef: 800 } },
      { name: PAYLOADS[4], values: { bef: 500 } },
    ],
    key: [{ name: PAYLOADS[3], share: 100, basis: 'indicator', indicator: 'bef' }],
    earmarks: [{ name: PAYLOADS[4], indicator: 'extra' }],
  }, overrides);
}

function openFile(page, name, content) {
  const buffer = Buffer.isBuffer(content) ? content : Buffer.from(typeof content === 'string' ? content : JSON.stringify(content));
  return page.setInputFiles('#file-input', { name, mimeType: 'application/json', buffer });
}

// Text pasted into a field of the page, as from the clipboard.
async function paste(page, selector, text) {
  await page.focus(selector);
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

async function noticeText(page) {
  await page.waitForSelector('#notice:not([hidden])');
  return web.text(page, '#notice');
}

test('markup and script in every name of a file show as text and run nothing, on screen, in the print view and on the clipboard', async () => {
  const session = await openPage(undefined, { permissions: ['clipboard-read', 'clipboard-write'] });
  const { page } = session;
  await openFile(page, 'elak.json', scenario());
  await page.waitForFunction((name) => document.querySelector('[data-path="/recipients/0/name"]')?.value === name, PAYLOADS[0]);
  await web.settle(page);
  assert.equal(await page.inputValue('[data-path="/title"]'), PAYLOADS[0]);
  const names = (await web.resultTable(page)).map((row) => row[0]);
  for (const payload of [PAYLOADS[0], PAYLOADS[1], PAYLOADS[4]]) assert.ok(names.includes(payload), names.join(' | '));
  await assertInert(session);

  await page.emulateMedia({ media: 'print' });
  assert.match(await web.text(page, '.print-title'), /<img src=x onerror=/);
  await page.emulateMedia({ media: 'screen' });

  await page.click('#copy-result');
  await page.waitForFunction(() => document.getElementById('copy-status').textContent !== '');
  const html = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    return (await item.getType('text/html')).text();
  });
  assert.match(html, /&lt;img src=x onerror=/);
  assert.doesNotMatch(html, /<img|<script|<svg|<a /i);
  await assertInert(session);
  await session.context.close();
});

test('a file whose name is markup is named as text in the message', async () => {
  const session = await openPage();
  await openFile(session.page, '<img src=x onerror="window.__pwned=6">.json', '');
  assert.match(await noticeText(session.page), /<img src=x onerror="window.__pwned=6">\.json är tom/);
  await assertInert(session);
  await session.context.close();
});

test('a file name with a right-to-left override cannot turn the message around it', async () => {
  const session = await openPage();
  await openFile(session.page, 'budget\u202egnp.json', '');
  const notice = await noticeText(session.page);
  assert.ok(notice.includes('\u2068budget\u202egnp.json\u2069'), JSON.stringify(notice));
  assert.match(notice, /är tom\.$/);
  await assertInert(session);
  await session.context.close();
});

// Issue 17: with an unclosed override in a name, the explanation read
// "rk 55,454 591 5 ≈" and the rounding effects "kr 3 898,73+". Names are
// isolated where they meet the core's sentences, and rendered isolated.
test('a right-to-left override in a name cannot turn the explanation or the rounding effects around', async () => {
  const session = await openPage(undefined, { permissions: ['clipboard-read', 'clipboard-write'] });
  const { page } = session;
  const doc = web.example('stockholm-2021-model');
  for (const r of doc.recipients) r.name += '\u202e 1';
  const name = doc.recipients[0].name;
  await openFile(page, 'rtl.json', doc);
  await page.waitForSelector('#result-table [data-explain="0"]');
  await web.settle(page);
  await page.click('#result-table [data-explain="0"]');
  await page.waitForSelector('#explain-dialog[open] .explain-steps');

  // The text: every override inside FSI … PDI, in the steps and in the
  // text to copy.
  const steps = await page.textContent('#explain-dialog .explain-steps');
  const plain = await page.getAttribute('#explain-dialog', 'data-plain');
  for (const text of [steps, plain]) {
    assert.ok(text.includes('\u2068' + name + '\u2069'), JSON.stringify(text.slice(0, 200)));
    let rest = text;
    for (const r of doc.recipients) rest = rest.split('\u2068' + r.name + '\u2069').join('');
    assert.ok(!rest.includes('\u202e'), 'an override outside an isolate: ' + JSON.stringify(rest.slice(0, 300)));
  }

  // What is seen: in "… ≈ 5 899 499,28 kr (avrundat …)" after the name,
  // "≈" stays left of "kr"; in the rounding effects "+" left of "kr".
  const leftOf = (selector, first, second) => page.$eval(selector, (el, [a, b]) => {
    const node = [...el.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.data.includes(a) && n.data.includes(b)) || el.firstChild;
    const x = (index) => {
      const range = document.createRange();
      range.setStart(node, index);
      range.setEnd(node, index + 1);
      return range.getBoundingClientRect().left;
    };
    const i = node.data.lastIndexOf(a);
    return x(i) < x(node.data.indexOf(b, i));
  }, [first, second]);
  assert.ok(await leftOf('#explain-dialog .explain-step[data-kind="exact"]', '≈', 'kr'), 'the exact amount reads "≈ … kr"');
  await page.keyboard.press('Escape');
  await page.waitForSelector('#explain-dialog:not([open])', { state: 'attached' });
  const gain = '#rounding-effects [data-effect="gain"] strong';
  await page.waitForSelector(gain);
  assert.match(await web.text(page, gain), /^\+[\d ]+,\d\d kr$/);
  assert.ok(await leftOf(gain, '+', 'kr'), 'the gain reads "+… kr"');
  await assertInert(session);
  await session.context.close();
});

test('a link carrying markup opens as text, through the page\'s own encoder', async () => {
  const first = await openPage();
  const hash = await first.page.evaluate((doc) => Fordela.link.encode(doc), scenario());
  await first.context.close();
  assert.match(hash, /^s\d*=/);
  const session = await openPage(server.url + '#' + hash);
  const { page } = session;
  await page.waitForFunction((name) => document.querySelector('[data-path="/recipients/0/name"]')?.value === name, PAYLOADS[0]);
  await web.settle(page);
  assert.ok((await web.resultTable(page)).some((row) => row[0] === PAYLOADS[1]));
  await assertInert(session);
  await session.context.close();
});

test('rows pasted into the table with markup, control characters and a right-to-left override stay text', async () => {
  const session = await openPage(server.url + '#example=stockholm-2021-model');
  const { page } = session;
  const pasted = [PAYLOADS[0] + '\t1\t0\t1\t50 000\t0', RTL_NAME + '\t0\t1\t0\t60 000\t0', CONTROL_NAME + '\t1\t1\t1\t1\t0'].join('\r\n');
  await paste(page, '[data-path="/recipients/4/name"]', pasted);
  await web.settle(page);
  assert.equal(await page.inputValue('[data-path="/recipients/4/name"]'), PAYLOADS[0]);
  assert.equal(await page.inputValue('[data-path="/recipients/5/name"]'), RTL_NAME);
  const cells = await page.$$eval('#result-table tbody th, #result-table tbody td:first-child', (els) => els.map((el) => el.textContent));
  assert.ok(cells.includes(RTL_NAME), 'the override is kept, as text');
  // The override cannot turn the text after the name around: every user
  // text sits in its own cell, isolated.
  const notIsolated = await page.$$eval('[data-user]', (els) => els.filter((el) => getComputedStyle(el).unicodeBidi !== 'isolate').map((el) => el.outerHTML.slice(0, 60)));
  assert.deepEqual(notIsolated, []);
  await assertInert(session);
  await session.context.close();
});

test('a name of a megabyte is refused with a message beside the field, and the page stays responsive', async () => {
  const session = await openPage();
  const { page } = session;
  await openFile(page, 'lang.json', scenario({ recipients: [{ name: 'A'.repeat(1000000), values: { bef: 1 } }, { name: 'B', values: { bef: 1 } }] }));
  await page.waitForSelector('[data-path="/recipients/0/name"][aria-invalid="true"]');
  assert.match(await web.text(page, '.findings-list'), /längre än 1\s?000 byte/);
  await page.fill('[data-path="/recipients/0/name"]', 'Alby');
  await web.settle(page);
  assert.equal(await page.getAttribute('[data-path="/recipients/0/name"]', 'aria-invalid'), null);
  await assertInert(session);
  await session.context.close();
});

test('numbers JavaScript cannot hold are reported as written: 1e309, 20 nines, NaN; -0 is zero', async () => {
  const session = await openPage();
  const { page } = session;
  // A title each: the same title with other content would ask which to keep (files.test.js).
  const doc = (total) => JSON.stringify(scenario({ title: 'Tal ' + total, pot: { total: 0 }, earmarks: [] })).replace('"total":0', '"total":' + total);
  for (const [total, message] of [
    ['1e309', /”1e309” är inte ett belopp/],
    ['99999999999999999999', /Beloppet ”99999999999999999999” är för stort/],
  ]) {
    await openFile(page, 'tal.json', doc(total));
    await page.waitForSelector('[data-path="/pot/total"][aria-invalid="true"]');
    assert.match(await web.text(page, '.findings-list'), message);
  }
  await openFile(page, 'tal.json', doc('-0'));
  await page.waitForFunction(() => !document.querySelector('[data-path="/pot/total"][aria-invalid="true"]'));
  await web.settle(page);
  assert.equal(await web.figure(page, 'formula'), '0 kr');
  // NaN is not JSON: the file is refused as a whole.
  await openFile(page, 'nan.json', doc('NaN'));
  assert.match(await noticeText(page), /nan\.json.*inte JSON/);
  await assertInert(session);
  await session.context.close();
});

test('JSON nested a hundred thousand deep is refused with a message, not a stack overflow', async () => {
  const session = await openPage();
  const { page } = session;
  for (const inner of ['['.repeat(100000) + ']'.repeat(100000), '['.repeat(100000) + '1e3' + ']'.repeat(100000)]) {
    await openFile(page, 'djup.json', '{"format":"fordela-scenario","version":1,"notes":' + inner + '}');
    assert.match(await noticeText(page), /djup\.json (är ingen fördelning som går att läsa: den är nästlad djupare än 24 nivåer|är ingen Fördela-fördelning: den är inte JSON)/);
    await page.evaluate(() => { document.getElementById('notice').hidden = true; });
  }
  await assertInert(session);
  await session.context.close();
});

test('a million recipients by file get the limit message at once instead of a frozen tab', async () => {
  const session = await openPage();
  const { page } = session;
  const firstName = await page.inputValue('[data-path="/recipients/0/name"]');
  const recipients = new Array(1000000).fill('{"name":"M","values":{"bef":1}}').join(',');
  const text = JSON.stringify(scenario({ recipients: [] })).replace('"recipients":[]', '"recipients":[' + recipients + ']');
  // From the disk: a 30 MB buffer would crawl through the test protocol.
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fordela-')), 'miljon.json');
  fs.writeFileSync(file, text);
  await page.setInputFiles('#file-input', file);
  const notice = await noticeText(page);
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  assert.match(notice, /miljon\.json har fler mottagare än sidan kan redigera \(högst 100 000\)/);
  // The work that was open is still there and still answers.
  assert.equal(await page.inputValue('[data-path="/recipients/0/name"]'), firstName);
  await page.fill('[data-path="/title"]', 'Fortfarande här');
  await web.settle(page);
  await assertInert(session);
  await session.context.close();
});

test('a link or a paste past 100 000 recipients gets the same limit, and changes nothing', async () => {
  const first = await openPage();
  const many = scenario({ title: 'Många', recipients: Array.from({ length: 100001 }, (_, i) => ({ name: 'M' + i, values: { bef: 1 } })) });
  const hash = await first.page.evaluate((doc) => Fordela.link.encode(doc), many);
  await first.context.close();
  const session = await openPage(server.url + '#' + hash);
  const { page } = session;
  assert.match(await noticeText(page), /Länken innehåller fler mottagare än sidan kan redigera \(högst 100 000\)/);

  await web.open(page, server.url + '#example=linkoping-2021');
  await page.evaluate(() => { document.getElementById('notice').hidden = true; });
  const before = await page.$$eval('#recipients-table tbody tr', (rows) => rows.length);
  await paste(page, '[data-path="/recipients/0/name"]', Array.from({ length: 100500 }, (_, i) => 'R' + i + '\t1').join('\n'));
  assert.match(await noticeText(page), /Inklistringen skulle ge 100\s500 mottagare/);
  assert.equal(await page.$$eval('#recipients-table tbody tr', (rows) => rows.length), before);
  await assertInert(session);
  await session.context.close();
});

// Two recipients on top, each split among `each` below: the recipients the
// page edits are those of every level together.
function tree(each) {
  const level = (n, prefix) => ({
    indicators: [{ id: 'bef', label: 'Befolkning', kind: 'count' }],
    recipients: Array.from({ length: n }, (_, i) => ({ name: prefix + i, values: { bef: 1 } })),
    key: [{ name: 'Befolkning', share: 100, basis: 'indicator', indicator: 'bef' }],
  });
  const doc = Object.assign(scenario({ title: 'Träd' }), level(2, 'Top'));
  doc.recipients[0].sub = level(each, 'A');
  doc.recipients[1].sub = level(each, 'B');
  return doc;
}

test('sub-scenarios count toward the 100 000 recipients: file, link, storage, paste and import name the count and the limit', async () => {
  const session = await openPage();
  const { page } = session;
  await page.fill('[data-path="/title"]', 'Mitt arbete');
  await web.settle(page);
  const over = tree(50000); // 2 + 100 000
  const overText = JSON.stringify(over);

  await page.setInputFiles('#file-input', { name: 'träd.json', mimeType: 'application/json', buffer: Buffer.from(overText) });
  assert.match(await noticeText(page), /Filen träd\.json har fler mottagare än sidan kan redigera \(högst 100 000\): 100 002 på alla nivåer tillsammans, så den öppnas inte\./);
  assert.equal(await page.inputValue('[data-path="/title"]'), 'Mitt arbete');

  const hash = await page.evaluate((doc) => Fordela.link.encode(doc), over);
  await page.evaluate(() => { document.getElementById('notice').hidden = true; });
  await page.evaluate((h) => { location.hash = h; }, hash);
  assert.match(await noticeText(page), /Länken innehåller fler mottagare än sidan kan redigera \(högst 100 000\): 100 002 på alla nivåer tillsammans/);
  assert.equal(await page.inputValue('[data-path="/title"]'), 'Mitt arbete');

  // Kept by an earlier page in this browser, it is refused on opening with
  // the same reason, not with a message about full storage.
  await page.evaluate((text) => {
    const index = JSON.parse(localStorage.getItem('fordela.v1.index'));
    localStorage.setItem('fordela.v1.entry.trad1', text);
    index.entries.unshift({ id: 'trad1', title: 'Träd', updated: '2026-01-01T00:00:00.000Z' });
    index.current = 'trad1';
    localStorage.setItem('fordela.v1.index', JSON.stringify(index));
  }, overText);
  await page.reload();
  assert.match(await noticeText(page), /Den sparade fördelningen Träd har fler mottagare än sidan kan redigera \(högst 100 000\): 100 002 på alla nivåer tillsammans/);
  await page.waitForSelector('#result-table');
  assert.equal(await page.inputValue('[data-path="/title"]'), 'Mitt arbete');
  assert.doesNotMatch(await web.text(page, '#save-status'), /Inte sparat/);

  // 2 + 200 opens; 99 900 pasted or imported on top would make 100 100.
  await page.evaluate(() => { document.getElementById('notice').hidden = true; });
  await page.setInputFiles('#file-input', { name: 'lagom.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(tree(100))) });
  await page.waitForFunction(() => document.querySelector('[data-path="/title"]').value === 'Träd');
  const rows = Array.from({ length: 99900 }, (_, i) => 'R' + i + '\t1').join('\n');
  await paste(page, '[data-path="/recipients/0/name"]', rows);
  assert.match(await noticeText(page), /Inklistringen skulle ge 100 100 mottagare på alla nivåer tillsammans, fler än sidan kan redigera \(högst 100 000\)\. Inget har ändrats\. Räkna fördelningen med kommandoradsverktyget \(fordela compute, se docs\/cli\.md\), som klarar 1 000 000 mottagare\./);
  assert.equal(await page.$$eval('#recipients-table tbody tr', (trs) => trs.length), 2);

  await page.click('#import-toggle');
  // A megabyte of text: set as one input, as a paste into the box would.
  await page.$eval('#import-text', (el, text) => {
    el.value = text;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, 'Namn\tBefolkning\n' + rows);
  await page.waitForSelector('#import-problem:not([hidden])');
  assert.match(await web.text(page, '#import-problem'), /Importen skulle ge 100 100 mottagare på alla nivåer tillsammans, fler än sidan kan redigera \(högst 100 000\)/);
  await assertInert(session);
  await session.context.close();
});

test('columns named constructor and __proto__ read and write only the recipients\' own values', async () => {
  const session = await openPage();
  const { page } = session;
  // A file whose columns are named so: the second recipient has no values.
  const doc = scenario({
    title: 'Prototyp',
    indicators: [{ id: 'constructor', label: 'constructor', kind: 'count' }, { id: '__proto__', label: '__proto__', kind: 'count' }],
    recipients: [{ name: 'Ett', values: JSON.parse('{"constructor": 1, "__proto__": 2}') }, { name: 'Två', values: {} }],
    key: [{ name: 'Lika', share: 100, basis: 'equal' }],
    earmarks: [],
  });
  const text = JSON.stringify(doc); // JSON.parse made "__proto__" an own member
  await page.setInputFiles('#file-input', { name: 'prototyp.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.waitForFunction(() => document.querySelector('[data-path="/title"]').value === 'Prototyp');
  assert.equal(await page.inputValue('[data-path="/recipients/0/values/constructor"]'), '1');
  assert.equal(await page.inputValue('[data-path="/recipients/0/values/__proto__"]'), '2');
  assert.equal(await page.inputValue('[data-path="/recipients/1/values/constructor"]'), '');
  assert.equal(await page.inputValue('[data-path="/recipients/1/values/__proto__"]'), '');
  await web.settle(page);
  assert.doesNotMatch(await web.text(page, '#result'), /native code|object Object/);

  // A value typed under __proto__ is kept, saved and computed.
  await page.fill('[data-path="/recipients/1/values/__proto__"]', '7');
  await page.waitForFunction(() => {
    const index = JSON.parse(localStorage.getItem('fordela.v1.index') || '{}');
    return /"Två","values":\{"__proto__":"7"\}/.test(localStorage.getItem('fordela.v1.entry.' + index.current) || '');
  });

  // Imported rows with a header "constructor" leave the rows not in the
  // file empty, not showing Object's constructor.
  await page.click('#import-toggle');
  await page.fill('#import-text', 'Namn\tconstructor\nEtt\t5');
  await page.waitForSelector('#import-apply:not([disabled])');
  await page.click('#import-apply');
  await page.waitForFunction(() => document.querySelector('[data-path="/recipients/0/values/constructor"]').value === '5');
  const cells = await page.$$eval('#recipients-table input', (inputs) => inputs.map((i) => i.value));
  assert.ok(!cells.some((v) => /native code|object Object/.test(v)), cells.join(' | '));
  assert.equal(await page.inputValue('[data-path="/recipients/1/values/constructor"]'), '');
  await assertInert(session);
  await session.context.close();
});

// Text on the page with a right-to-left override in it that could turn
// the page's own words around: every such text node must either hold the
// user's text alone in an element that isolates it (unicode-bidi), or
// carry it between FSI and PDI.
function unisolated(page, names) {
  return page.evaluate((users) => {
    const bad = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      if (!parent || parent.closest('option, textarea, script, style')) continue;
      const rest = n.data.replace(/\u2068[^\u2068\u2069]*\u2069/g, '');
      if (!/[\u202a-\u202e]/.test(rest)) continue;
      const isolating = ['isolate', 'isolate-override', 'plaintext'].includes(getComputedStyle(parent).unicodeBidi);
      if (isolating && users.includes(n.data)) continue;
      bad.push(parent.tagName.toLowerCase() + '.' + parent.className + ': ' + JSON.stringify(n.data));
    }
    return bad;
  }, names);
}

test('a right-to-left override in any name cannot turn the page\'s own sentences around: result, rules, rounding, levels, comparison, print', async () => {
  const session = await openPage();
  const { page } = session;
  const rtl = (what) => what + ' \u202e' + 'ABC 123' + '\u202c';
  const names = ['Titel', 'Avdrag', 'Befolkning', 'Belopp', 'Mottagare 1', 'Mottagare 2', 'Mottagare 3', 'Del', 'Öronmärkt', 'Under'].map(rtl);
  const [title, deduction, indicator, amount, r1, r2, r3, component, earmark, below] = names;
  await openFile(session.page, 'rtl.json', scenario({
    title,
    notes: '',
    pot: { total: '1 000 000 kr', deductions: [{ name: deduction, amount: 1000 }] },
    indicators: [{ id: 'bef', label: indicator, kind: 'count' }, { id: 'extra', label: amount, kind: 'amount' }],
    recipients: [
      { name: r1, values: { bef: 1201, extra: 5000 }, sub: { recipients: [{ name: below, values: { bef: 1 } }], indicators: [{ id: 'bef', label: indicator, kind: 'count' }], key: [{ name: component, share: 100, basis: 'indicator', indicator: 'bef' }] } },
      { name: r2, values: { bef: 803 } },
      { name: r3, values: { bef: 505 } },
    ],
    key: [{ name: component, share: 60, basis: 'indicator', indicator: 'bef' }, { name: rtl('Lika'), share: 40, basis: 'equal' }],
    earmarks: [{ name: earmark, indicator: 'extra' }],
    rounding: { unit: 1000, method: 'largest-remainder', level: 'recipient' },
  }));
  names.push(rtl('Lika'));
  await page.waitForFunction((t) => document.querySelector('[data-path="/title"]').value === t, title);
  await page.waitForSelector('#result-table');
  await web.settle(page);
  // The comparison with the what-if slider moved.
  await page.locator('#compare-section').scrollIntoViewIfNeeded();
  await page.waitForSelector('#compare-section input[type="range"]');
  await page.fill('[data-compare="share-number"]', '70');
  await page.waitForSelector('#compare-table');
  await web.settle(page);
  assert.deepEqual(await unisolated(page, names), []);
  await page.emulateMedia({ media: 'print' });
  assert.deepEqual(await unisolated(page, names), []);
  await page.emulateMedia({ media: 'screen' });
  // The status line of a removed recipient ("… är borttagen").
  await page.click('[data-action="remove"][data-collection="recipients"][data-index="2"]');
  await page.waitForSelector('#recipients-toast:not([hidden])');
  assert.match(await page.textContent('#recipients-toast'), /\u2068Mottagare 3 \u202eABC 123\u202c\u2069/);
  assert.deepEqual(await unisolated(page, names), []);
  await assertInert(session);
  await session.context.close();
});

// ---- fields of the wrong JSON type -------------------------------------------

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

async function noticeMatching(page, pattern) {
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
    const text = await noticeMatching(page, message);
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
    assert.match(await noticeMatching(page, message), /^Länken innehåller en fördelning som inte går att öppna/, what);
    await unchanged(session, 'link: ' + what);
    await page.evaluate(() => { document.getElementById('notice').hidden = true; });

    // A file.
    await page.setInputFiles('#file-input', { name: 'fel.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(wrong(make))) });
    assert.match(await noticeMatching(page, message), /^Filen fel\.json går inte att öppna: fält i den har fel typ\./, what);
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
    assert.match(await noticeMatching(page, message), /^Den sparade fördelningen Trasig går inte att öppna: fält i den har fel typ\./, what);
    await page.waitForSelector('#result-table');
    assert.equal(await page.inputValue('[data-path="/title"]'), 'Mitt arbete', what);
    // Chosen in the list, it says the same and leaves the work open.
    await page.evaluate(() => { document.getElementById('notice').hidden = true; });
    if (await page.getAttribute('#scenarios-details', 'open') === null) await page.click('#scenarios-details summary');
    await page.click('#scenarios .scenario-open:text-is("Trasig")');
    assert.match(await noticeMatching(page, message), /^Den sparade fördelningen Trasig/, what);
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
  await noticeMatching(page, /Beräkningen misslyckades: provfel/);
  assert.equal(await page.$('#result-table'), null);
  assert.match(await web.text(page, '#result'), /\S/);
  // Console errors are none: the failure is a message, not an exception.
  await session.close();
});
