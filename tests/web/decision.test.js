// Decision support in the page: comparing two allocations (a share on a
// slider, a snapshot before an edit, another allocation), the explanation
// of every amount, rounding effects and their warnings, nested levels
// (split further, breadcrumb, a link and a file keep the tree, a level that
// does not add up) and the grant's calendar (days left, activity outside
// the period, used and unused money). Every amount on the page is checked
// against the core's own answer for the same documents.
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

// A screenshot of one part of the page, to test-artifacts/ (not committed).
async function shot(page, selector, name) {
  fs.mkdirSync(web.ARTIFACTS, { recursive: true });
  const el = await page.$(selector);
  await el.screenshot({ path: path.join(web.ARTIFACTS, name + '.png') });
}

// A page of its own, watched (web.session).
function session(url, options) {
  return web.session(browser, server, url, options);
}

// A scenario opened the way a user opens one: as a file.
async function openScenario(page, scenario, name) {
  await page.setInputFiles('#file-input', { name: name || 'scenario.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(scenario)) });
  await page.waitForFunction((title) => document.querySelector('[data-path="/title"]').value === title, scenario.title);
  await web.settle(page);
}

// The comparison is brought up to date once it is in view.
async function toCompare(page) {
  await page.locator('#compare-section').scrollIntoViewIfNeeded();
  await page.waitForSelector('#compare-section [data-compare-mode]');
}

// The comparison as shown, once in view (it is brought up to date there).
async function compareRows(page) {
  await page.locator('#compare-section').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector('#compare-table'));
  await web.settle(page);
  const rows = await page.$$eval('#compare-table tr', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  return rows.map((r) => r.map(web.normalize));
}

// The comparison as the page should show it, formatted from the core's compare().
function expectedRows(page, a, b) {
  return page.evaluate(([docA, docB]) => {
    const f = Fordela.format;
    const cmp = Fordela.core.compare(docA, docB);
    const pct = (p) => (p === null ? '–' : f.percentSigned(p));
    const rows = cmp.recipients.map((r) => [r.name, f.kr(r.a_ore), f.kr(r.b_ore), f.krSigned(r.diff_ore), pct(r.diff_percent)]);
    rows.push(['Summa', f.kr(cmp.totals.a_ore), f.kr(cmp.totals.b_ore), f.krSigned(cmp.totals.diff_ore), pct(cmp.totals.diff_percent)]);
    return { ok: cmp.ok, rows: rows.map((r) => r.map((c) => String(c).replace(/[\u00a0\u202f\s]+/g, ' ').trim())), added: cmp.findings_added.length };
  }, [a, b]);
}

// ---- compare ------------------------------------------------------------------

test('what if 60/40 instead of 75/25: the slider moves the table, live, to the core\'s comparison of the two documents', async () => {
  const s = await session(server.url + '#example=stockholm-2021-model');
  const { page } = s;
  const range = '#compare-section input[type="range"]';
  await toCompare(page);
  await page.waitForSelector(range);
  assert.equal(await page.inputValue(range), '75');
  // Before the slider moves, A and B are the same.
  let rows = await compareRows(page);
  assert.deepEqual(rows.find((r) => r[0] === 'Rinkeby-Kista').slice(3), ['0 kr', '0,0 %']);

  // By keyboard: Page Down is ten steps, the arrows one.
  await page.focus(range);
  await page.keyboard.press('PageDown');
  for (let i = 0; i < 5; i += 1) await page.keyboard.press('ArrowLeft');
  assert.equal(await page.inputValue(range), '60');
  assert.match(await web.text(page, '#compare-section output'), /Utsatthet 60 %, Befolkning 40 %/);
  assert.match(await page.getAttribute(range, 'aria-valuetext'), /Befolkning 40/);
  rows = await compareRows(page);

  const a = web.example('stockholm-2021-model');
  const b = JSON.parse(JSON.stringify(a));
  b.key[0].share = 60;
  b.key[1].share = 40;
  const expected = await expectedRows(page, a, b);
  assert.ok(expected.ok);
  assert.deepEqual(rows.slice(1), expected.rows);
  assert.deepEqual(rows.find((r) => r[0] === 'Rinkeby-Kista'), ['Rinkeby-Kista', '6 954 200 kr', '6 354 200 kr', '−600 000 kr', '−8,6 %']);
  assert.deepEqual(rows.find((r) => r[0] === 'Hägersten-Älvsjö'), ['Hägersten-Älvsjö', '4 398 000 kr', '5 398 000 kr', '+1 000 000 kr', '+22,7 %']);
  assert.match(rows[0].join(' '), /Nu \(75\/25\).*Prövat \(60\/40\)/);
  assert.match(await web.text(page, '#compare-table caption'), /^6 av 6 mottagare får ett annat belopp/);
  // The focus stayed on the slider while the table moved under it.
  assert.equal(await page.evaluate(() => document.activeElement.type), 'range');
  // The scenario itself is unchanged until the shares are applied.
  assert.equal(await page.inputValue('[data-path="/key/0/share"]'), '75');
  await shot(page, '#compare-section', 'decision-compare-60-40');

  await page.click('[data-compare="apply"]');
  await web.settle(page);
  assert.equal(await page.inputValue('[data-path="/key/0/share"]'), '60');
  assert.equal(await page.inputValue('[data-path="/key/1/share"]'), '40');
  assert.equal((await web.resultTable(page)).find((r) => r[0] === 'Rinkeby-Kista').slice(-1)[0], '6 354 200 kr');
  await s.close();
});

test('a share typed past 100 % or with decimals is tried as the nearest whole per cent, and the field says so', async () => {
  const s = await session(server.url + '#example=stockholm-2021-model');
  const { page } = s;
  await toCompare(page);
  await page.fill('[data-compare="share-number"]', '150');
  await page.waitForFunction(() => /150 prövas som 100 %/.test(document.querySelector('[data-compare="share-adjusted"]').textContent));
  assert.equal(await page.inputValue('[data-compare="share"]'), '100');
  await page.fill('[data-compare="share-number"]', '62.5');
  await page.waitForFunction(() => /62.5 prövas som 63 %/.test(document.querySelector('[data-compare="share-adjusted"]').textContent));
  await page.fill('[data-compare="share-number"]', '60');
  await page.waitForFunction(() => document.querySelector('[data-compare="share-adjusted"]').textContent === '');
  await s.close();
});

test('a snapshot before an edit: A stays as it was, B follows the edits, with the findings that appear', async () => {
  const s = await session(server.url + '#example=stockholm-2021-model');
  const { page } = s;
  await toCompare(page);
  await page.check('[data-compare-mode="snapshot"]');
  await page.click('[data-compare="snapshot"]');
  await page.waitForSelector('#compare-table');
  assert.match(await web.text(page, '#compare-table caption'), /^0 av 6/);

  // Särskilt utsatta områden weighed 1 instead of 3, and a rounding unit that leaves money over.
  await page.fill('[data-path="/key/0/weights/sarskilt"]', '1');
  await page.fill('[data-path="/rounding/unit"]', '300 000');
  await web.settle(page);
  const rows = await compareRows(page);
  const a = web.example('stockholm-2021-model');
  const b = JSON.parse(JSON.stringify(a));
  b.key[0].weights.sarskilt = '1';
  b.rounding.unit = '300 000';
  const expected = await expectedRows(page, a, b);
  assert.deepEqual(rows.slice(1), expected.rows);
  assert.ok(rows.slice(1, -1).some((r) => r[3] !== '0 kr'));
  assert.ok(expected.added > 0);
  assert.match(await web.text(page, '#compare-section .compare-added'), /fördelas inte/);
  assert.match(rows[0].join(' '), /Ögonblicksbild \d\d:\d\d/);
  await shot(page, '#compare-section', 'decision-compare-snapshot');

  // A reload brings back the work and its snapshot, compared as before;
  // once dropped, it stays dropped.
  await page.reload();
  await page.waitForSelector('#result-table');
  await web.settle(page);
  assert.equal(await page.inputValue('[data-path="/rounding/unit"]'), '300 000');
  await toCompare(page);
  await page.waitForSelector('#compare-table');
  assert.equal(await page.isChecked('[data-compare-mode="snapshot"]'), true);
  assert.deepEqual(await compareRows(page), rows);
  await page.click('[data-compare="drop"]');
  await page.reload();
  await page.waitForSelector('#result-table');
  await web.settle(page);
  await toCompare(page);
  assert.equal(await page.isChecked('[data-compare-mode="whatif"]'), true);
  await s.close();
});

test('a snapshot of an example, an edit made far from the comparison, a reload: the snapshot is still there', async () => {
  const s = await session(server.url + '#example=linkoping-2022-tree');
  const { page } = s;
  await toCompare(page);
  await page.check('[data-compare-mode="snapshot"]');
  await page.click('[data-compare="snapshot"]');
  await page.waitForSelector('#compare-table');
  // The first edit gives the work its saved id while the comparison is out of view.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.fill('[data-path="/recipients/2/name"]', 'Kommunledningen');
  await page.reload(); // at once: before the recomputation, let alone the comparison
  await page.waitForSelector('#result-table');
  await web.settle(page);
  assert.equal(await page.inputValue('[data-path="/recipients/2/name"]'), 'Kommunledningen');
  await toCompare(page);
  // Brought up to date once in view: wait for that, not for a time.
  await page.waitForFunction(() => document.querySelector('[data-compare-mode="snapshot"]').checked);
  const rows = await compareRows(page);
  assert.deepEqual(rows.slice(1).map((r) => r[0]), ['Social- och omsorgsnämnden', 'Kultur- och fritidsnämnden', 'Kommunstyrelsen (bara i A)', 'Kommunledningen (bara i B)', 'Summa']);
  await s.close();
});

test('a reload reopens the work on the level that was being edited', async () => {
  const s = await session(server.url + '#example=linkoping-2022-tree');
  const { page } = s;
  await page.click('#result-table [data-split="0"]');
  await page.waitForSelector('#levels [aria-current="location"][data-level="/recipients/0/sub"]');
  await page.fill('[data-path="/recipients/0/name"]', 'Fältarbete');
  await web.settle(page);
  await page.reload();
  await page.waitForSelector('#levels [aria-current="location"][data-level="/recipients/0/sub"]');
  await web.settle(page);
  assert.equal(await page.inputValue('[data-path="/recipients/0/name"]'), 'Fältarbete');
  assert.deepEqual((await web.resultTable(page)).slice(1).map((r) => r[0]), ['Fältarbete', 'Skolsociala team', 'SSPF-samordning', 'Summa']);
  await page.click('#levels button.crumb[data-level=""]');
  await web.settle(page);
  await page.reload();
  await page.waitForSelector('#result-table');
  await web.settle(page);
  assert.equal(await page.inputValue('[data-path="/recipients/0/name"]'), 'Social- och omsorgsnämnden');
  await s.close();
});

test('a snapshot taken on a sub-level, seen from another level, offers to go back to its level', async () => {
  const s = await session(server.url + '#example=linkoping-2022-tree');
  const { page } = s;
  await page.click('#result-table [data-split="0"]');
  await page.waitForSelector('#levels [aria-current="location"][data-level="/recipients/0/sub"]');
  await web.settle(page);
  await toCompare(page);
  await page.check('[data-compare-mode="snapshot"]');
  await page.click('[data-compare="snapshot"]');
  await page.waitForSelector('#compare-table');
  await page.click('#levels button.crumb[data-level=""]');
  await web.settle(page);
  await toCompare(page);
  assert.match(await web.text(page, '#compare-section .compare-snapshot .notice'), /tagen på en annan nivå/);
  assert.deepEqual(await violations(page), []);
  await shot(page, '#compare-section .compare-snapshot', 'decision-compare-snapshot-other-level');
  await page.click('[data-compare="snapshot-level"]');
  await page.waitForSelector('#levels [aria-current="location"][data-level="/recipients/0/sub"]');
  await web.settle(page);
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-compare')), 'snapshot');
  assert.equal(await page.isVisible('#compare-section .compare-snapshot .notice.info'), false);
  assert.match(await web.text(page, '#compare-table caption'), /^0 av 3/);
  await s.close();
});

test('compare with an example: the model against the published amounts, recipient by recipient', async () => {
  const s = await session(server.url + '#example=stockholm-2021-model');
  const { page } = s;
  await toCompare(page);
  await page.check('[data-compare-mode="other"]');
  await page.selectOption('[data-compare="other"]', 'example:stockholm-2021');
  await page.waitForSelector('#compare-table');
  const rows = await compareRows(page);
  const expected = await expectedRows(page, web.example('stockholm-2021'), web.example('stockholm-2021-model'));
  assert.deepEqual(rows.slice(1), expected.rows);
  // The model was chosen to give the published amounts.
  assert.deepEqual(rows.slice(1).map((r) => r[3]), rows.slice(1).map(() => '0 kr'));
  await s.close();
});

// ---- explain ------------------------------------------------------------------

test('Rinkeby-Kista explained: the exact quota, +500,72 kr from rounding, copied as text, closed with Escape', async () => {
  const s = await session(server.url + '#example=stockholm-2021-model', { permissions: ['clipboard-read', 'clipboard-write'] });
  const { page } = s;
  const opener = '#result-table [data-explain="0"]';
  assert.equal(await web.text(page, opener), 'Rinkeby-Kista');
  await page.focus(opener);
  await page.keyboard.press('Enter');
  await page.waitForSelector('#explain-dialog[open]');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'explain-title');
  assert.equal(await web.text(page, '#explain-title'), 'Så räknades beloppet till Rinkeby-Kista');
  assert.equal(await web.text(page, '#explain-dialog [data-figure="exact"] dd'), '≈ 5 899 499,28 kr');
  assert.equal(await web.text(page, '#explain-dialog [data-figure="rounding"] dd'), '+500,72 kr');
  assert.equal(await web.text(page, '#explain-dialog [data-figure="final"] dd'), '6 954 200 kr');
  const steps = await web.text(page, '#explain-dialog .explain-steps');
  assert.match(steps, /Kvoten för Rinkeby-Kista är dess andel av de 254 hela enheterna: 254 × 5 899 499,28 kr \/ 25 400 000 kr ≈ 58,9950/);
  assert.match(steps, /Avrundningen ändrade beloppet med \+500,72 kr/);
  await web.screenshot(page, 'decision-explain-rinkeby');

  await page.click('#explain-dialog >> text=Kopiera som text');
  await page.waitForFunction(() => /kopierad/.test(document.querySelector('#explain-dialog .copy-status').textContent));
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const expected = await page.evaluate(() => Fordela.core.explain(Fordela.core.examples().find((e) => e.id === 'stockholm-2021-model').scenario, 'Rinkeby-Kista').text.sv);
  assert.equal(copied, expected);

  // Printing shows the explanation alone.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.isVisible('#main'), false);
  assert.equal(await page.isVisible('#explain-dialog .explain-steps'), true);
  await web.screenshot(page, 'decision-explain-print', { fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  await page.keyboard.press('Escape');
  await page.waitForSelector('#explain-dialog:not([open])', { state: 'attached' });
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-explain')), '0');
  await s.close();
});

// Each recipient's panel against compute() and explain() of the same document.
async function checkExplanations(page, docExpr, rowsExpr, above) {
  const expected = await page.evaluate(([docCode, rowsCode, names]) => {
    const doc = new Function('Fordela', 'return ' + docCode)(Fordela);
    const rows = new Function('Fordela', 'doc', 'return ' + rowsCode)(Fordela, doc);
    const f = Fordela.format;
    return rows.map((row) => {
      const e = Fordela.core.explain(doc, row.name, names);
      const kind = (k) => e.steps.filter((step) => step.kind === k);
      const problems = [];
      const total = kind('total')[0];
      if (!total || total.final_ore !== row.final_ore) problems.push('total');
      for (const step of kind('exact')) if (step.exact_ore !== row.exact_ore || step.exact !== row.exact) problems.push('exact');
      for (const step of kind('rounding')) if (step.level === 'recipient' && step.rounding_ore !== row.rounding_ore) problems.push('rounding');
      return {
        name: row.name,
        ok: e.ok,
        problems,
        figures: {
          exact: (/\/1$/.test(row.exact) ? '' : '≈ ') + f.kr(row.exact_ore),
          fraction: row.exact + ' öre',
          rounding: f.krSigned(row.rounding_ore),
          formula: f.kr(row.formula_ore),
          final: f.kr(row.final_ore),
        },
        steps: e.steps.map((step) => step.sv),
      };
    });
  }, [docExpr, rowsExpr, above || []]);
  const norm = (v) => web.normalize(v);
  for (let r = 0; r < expected.length; r += 1) {
    const want = expected[r];
    assert.ok(want.ok, want.name);
    assert.deepEqual(want.problems, [], 'explain() and compute() agree for ' + want.name);
    await page.click('#result-table [data-explain="' + r + '"]');
    await page.waitForSelector('#explain-dialog[open]');
    assert.equal(await web.text(page, '#explain-title'), 'Så räknades beloppet till ' + norm(want.name));
    const shown = await page.$$eval('#explain-dialog [data-figure]', (els) => Object.fromEntries(els.map((el) => [el.getAttribute('data-figure'), el.querySelector('dd').textContent])));
    for (const key of Object.keys(want.figures)) assert.equal(norm(shown[key]), norm(want.figures[key]), want.name + ': ' + key);
    const steps = await page.$$eval('#explain-dialog .explain-step', (els) => els.map((el) => el.textContent));
    assert.deepEqual(steps.map(norm), want.steps.map(norm), want.name);
    await page.keyboard.press('Escape');
    await page.waitForSelector('#explain-dialog:not([open])', { state: 'attached' });
  }
  return expected.length;
}

test('every recipient of every example: the explanation shows the core\'s exact values', async () => {
  const s = await session(server.url + '#example=stockholm-2021-model');
  const { page } = s;
  const ids = await page.evaluate(() => Fordela.core.examples().map((e) => e.id));
  assert.ok(ids.length >= 6);
  let count = 0;
  for (const id of ids) {
    await page.selectOption('#example-picker', id);
    await page.click('#open-example');
    await page.waitForFunction((want) => location.hash === '#example=' + want, id);
    await web.settle(page);
    const docExpr = 'Fordela.core.examples().find((e) => e.id === ' + JSON.stringify(id) + ').scenario';
    count += await checkExplanations(page, docExpr, 'Fordela.core.compute(doc).recipients');
  }
  // The tree's second level, explained inside the tree: its pot is what its recipient receives.
  await page.selectOption('#example-picker', 'linkoping-2022-tree');
  await page.click('#open-example');
  await page.waitForFunction(() => location.hash === '#example=linkoping-2022-tree');
  await web.settle(page);
  await page.click('#result-table [data-split="0"]');
  await page.waitForSelector('#levels [aria-current="location"][data-level="/recipients/0/sub"]');
  await web.settle(page);
  const tree = 'Fordela.core.examples().find((e) => e.id === "linkoping-2022-tree").scenario';
  const parent = web.example('linkoping-2022-tree').recipients[0].name;
  count += await checkExplanations(page, tree, 'Fordela.core.compute(doc).recipients[0].sub.recipients', [parent]);
  await page.click('#result-table [data-explain="0"]');
  await page.waitForSelector('#explain-dialog[open]');
  assert.match(await web.text(page, '#explain-dialog'), new RegExp('Potten är det som ' + parent + ' får: '));
  await page.keyboard.press('Escape');
  assert.ok(count >= 30, 'recipients explained: ' + count);
  await s.close();
});

// ---- rounding effects ---------------------------------------------------------

test('the Alabama paradox in a small 6/6/2 case is warned of at the top and beside the table', async () => {
  const s = await session(server.url + '#example=stockholm-2021-model');
  const { page } = s;
  await openScenario(page, {
    format: 'fordela-scenario',
    version: 1,
    title: 'Tre stadsdelar 6/6/2',
    pot: { total: '10 kr' },
    indicators: [{ id: 'omraden', label: 'Områden', kind: 'count' }],
    recipients: [
      { name: 'Norr', values: { omraden: 6 } },
      { name: 'Söder', values: { omraden: 6 } },
      { name: 'Väster', values: { omraden: 2 } },
    ],
    key: [{ name: 'Efter områden', share: 100, basis: 'indicator', indicator: 'omraden' }],
    rounding: { unit: 1, method: 'largest-remainder' },
  });
  const top = '#decision-alerts [data-code="rounding.alabama"]';
  await page.waitForSelector(top);
  assert.match(await web.text(page, top), /^Alabamaparadoxen Om potten ökade med en enhet \(1 kr\) skulle Väster förlora en enhet/);
  assert.match(await web.text(page, '#rounding-effects [data-code="rounding.alabama"]'), /Alabamaparadoxen\. Om potten ökade med en enhet \(1 kr\) skulle Väster förlora en enhet/);
  assert.match(await web.text(page, '.findings-list'), /Alabamaparadoxen/);
  // The rounding column says what rounding gave each recipient.
  const rows = await web.resultTable(page);
  assert.match(rows[0].join(' | '), /Avrundning \(\+ fick mer, − fick mindre än exakt\)/);
  assert.deepEqual(rows.slice(1, 4).map((r) => r[2]), ['−0,29 kr', '−0,29 kr', '+0,57 kr']);
  assert.match(await web.text(page, '#rounding-effects [data-effect="gain"]'), /Väster \+0,57 kr/);
  await shot(page, '.card.intro', 'decision-alabama-summary');
  await shot(page, '#result-section', 'decision-alabama-result');
  // The way to a divisor method is one button away.
  await page.click('#rounding-effects >> text=Till inställningarna för avrundning');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'rounding-method');
  await page.selectOption('#rounding-method', 'sainte-lague');
  await web.settle(page);
  assert.equal(await page.$(top), null);
  await s.close();
});

test('a divisor method moving a recipient more than a unit from its quota is warned of prominently', async () => {
  const s = await session(server.url + '#example=stockholm-2021-model');
  const { page } = s;
  await openScenario(page, {
    format: 'fordela-scenario',
    version: 1,
    title: 'En stor och tio små',
    pot: { total: 20 },
    indicators: [{ id: 'w', label: 'Vikt', kind: 'count' }],
    recipients: [{ name: 'Stor', values: { w: 100 } }].concat([...Array(10)].map((_, i) => ({ name: 'Liten ' + (i + 1), values: { w: 3 } }))),
    key: [{ name: 'Efter vikt', share: 100, basis: 'indicator', indicator: 'w' }],
    rounding: { unit: 1, method: 'dhondt' },
  });
  await page.waitForSelector('#decision-alerts [data-code="rounding.quota_violation"]');
  assert.match(await web.text(page, '#rounding-effects [data-code="rounding.quota_violation"]'), /Mer än en enhet från den exakta kvoten\. Metoden dhondt ger Stor/);
  await shot(page, '#result-section', 'decision-quota-violation');
  await s.close();
});

// ---- nested levels ------------------------------------------------------------

// The breadcrumb as read: its steps, with the arrows the stylesheet draws.
async function breadcrumb(page) {
  const steps = await page.$$eval('#levels .breadcrumb > li', (lis) => lis.map((li) => li.textContent));
  return steps.map(web.normalize).join(' → ');
}

test('a recipient split further: a level of its own, edited with the same editors, reconciled in the breadcrumb; the tree survives a link and a file', async () => {
  const s = await session(server.url + '#example=stockholm-2021-model', { permissions: ['clipboard-read', 'clipboard-write'] });
  const { page } = s;
  assert.equal(await page.isVisible('#levels'), false);
  await page.focus('#result-table [data-split="0"]');
  assert.equal(await page.getAttribute('#result-table [data-split="0"]', 'aria-label'), 'Dela upp vidare: Rinkeby-Kista');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#levels [aria-current="location"][data-level="/recipients/0/sub"]');
  await web.settle(page);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'levels-heading');
  // The same editors, on the new level: two recipients in equal parts of 6 954 200 kr.
  assert.equal(await page.inputValue('[data-path="/title"]'), 'Fördelning av Rinkeby-Kista');
  assert.equal(await page.inputValue('[data-path="/pot/total"]'), '');
  assert.match(await web.text(page, '#pot .hint'), /Rinkeby-Kista får på nivån ovanför, 6 954 200 kr/);
  assert.equal(await page.inputValue('[data-path="/key/0/name"]'), 'Lika delar');
  let rows = await web.resultTable(page);
  assert.deepEqual(rows.slice(1).map((r) => [r[0], r[r.length - 1]]), [['Mottagare 1', '3 477 100 kr'], ['Mottagare 2', '3 477 100 kr'], ['Summa', '6 954 200 kr']]);

  // Edited like any scenario: names, a third measure, a column and its values.
  await page.fill('[data-path="/recipients/0/name"]', 'Fältarbete');
  await page.fill('[data-path="/recipients/1/name"]', 'Skolsocialt team');
  await page.click('#recipients [data-action="add"][data-collection="recipients"]');
  await page.fill('[data-path="/recipients/2/name"]', 'Föräldrastöd');
  await web.settle(page);
  rows = await web.resultTable(page);
  assert.deepEqual(rows.slice(1).map((r) => r[0]), ['Fältarbete', 'Skolsocialt team', 'Föräldrastöd', 'Summa']);
  assert.deepEqual(rows[rows.length - 1].slice(-1), ['6 954 200 kr']);
  assert.match(await breadcrumb(page), /^Stockholm 2021 .* 32 926 000 kr → Rinkeby-Kista 6 954 200 kr → 3 mottagare 6 954 200 kr$/);
  assert.match(await web.text(page, '#levels .level-status'), /Nivån stämmer: den fördelar exakt det som Rinkeby-Kista får, 6 954 200 kr/);
  await web.screenshot(page, 'decision-level-sub');
  await shot(page, '#result-section', 'decision-level-sub-result');

  // The CSV is the level on screen: its three rows and its total; the JSON
  // is the whole result, levels and all.
  const csv = await web.downloadOf(page, '#export-csv');
  assert.match(csv.name, /^stockholm-2021-.*-rinkeby-kista-resultat\.csv$/);
  const { table: csvRows, summary: csvSummary } = web.excelParts(web.readExcelCsv(csv.bytes));
  assert.deepEqual(csvRows.slice(1).map((r) => r[0]), ['Fältarbete', 'Skolsocialt team', 'Föräldrastöd', 'Summa']);
  assert.equal(web.excelOre(csvRows[csvRows.length - 1][csvRows[0].length - 1]), 695420000);
  // Its summary is the level's: the pot is what Rinkeby-Kista receives.
  assert.deepEqual(csvSummary[0], ['Pott', '6954200']);
  assert.deepEqual(csvSummary[csvSummary.length - 1], ['Totalt', '6954200']);
  const whole = JSON.parse((await web.downloadOf(page, '#export-json')).bytes.toString('utf8'));
  assert.equal(whole.totals.total_ore, 3292600000);
  assert.deepEqual(whole.recipients[0].sub.recipients.map((r) => r.name), ['Fältarbete', 'Skolsocialt team', 'Föräldrastöd']);

  // Back up by the breadcrumb: the row now opens its level.
  await page.click('#levels button.crumb[data-level=""]');
  await web.settle(page);
  assert.equal(await page.inputValue('[data-path="/title"]'), 'Stockholm 2021 – fördelningsmodellen 75/25 (illustrativa indata)');
  assert.equal(await page.getAttribute('#result-table [data-split="0"]', 'aria-label'), 'Öppna uppdelningen av Rinkeby-Kista (3 mottagare)');
  assert.match(await web.text(page, '#levels-overview'), /Rinkeby-Kista får 6 954 200 kr · fördelar 6 954 200 kr på 3 mottagare stämmer/);
  await shot(page, '#levels', 'decision-level-top');
  await shot(page, '#result-table', 'decision-level-top-table');

  // A link carries the whole tree.
  await page.click('#copy-link');
  await page.waitForSelector('#link-status:not([hidden])');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const colleague = await session(link);
  await colleague.page.click('#result-table [data-split="0"]');
  await colleague.page.waitForSelector('#levels [aria-current="location"][data-level="/recipients/0/sub"]');
  await web.settle(colleague.page);
  const linked = await web.resultTable(colleague.page);
  assert.deepEqual(linked.slice(1).map((r) => r[0]), ['Fältarbete', 'Skolsocialt team', 'Föräldrastöd', 'Summa']);
  await colleague.close();

  // So does a file.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save-file')]);
  const saved = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  assert.deepEqual(saved.recipients[0].sub.recipients.map((r) => r.name), ['Fältarbete', 'Skolsocialt team', 'Föräldrastöd']);
  const other = await session(server.url + '#example=linkoping-2021');
  await openScenario(other.page, saved, 'rinkeby.json');
  await other.page.click('#result-table [data-split="0"]');
  await other.page.waitForSelector('#levels [aria-current="location"][data-level="/recipients/0/sub"]');
  await web.settle(other.page);
  assert.deepEqual((await web.resultTable(other.page)).slice(1).map((r) => r[0]), ['Fältarbete', 'Skolsocialt team', 'Föräldrastöd', 'Summa']);
  await other.close();
  await s.close();
});

test('a level that states a pot of its own that does not add up is warned of beside the field, in the breadcrumb and from the top', async () => {
  const s = await session(server.url + '#example=linkoping-2022-tree');
  const { page } = s;
  assert.match(await web.text(page, '#levels-overview'), /Social- och omsorgsnämnden får 4 350 211 kr · fördelar 4 350 211 kr på 3 mottagare stämmer/);
  await page.click('#levels-overview [data-level="/recipients/0/sub"]');
  await page.waitForSelector('#levels [aria-current="location"][data-level="/recipients/0/sub"]');
  assert.match(await breadcrumb(page), /→ Social- och omsorgsnämnden 4 350 211 kr → 3 mottagare 4 350 211 kr$/);

  await page.fill('[data-path="/pot/total"]', '4 000 000');
  await web.settle(page);
  const beside = await page.evaluate(() => {
    const el = document.querySelector('[data-path="/pot/total"]');
    return el.nextElementSibling && el.nextElementSibling.classList.contains('finding-msg') ? el.nextElementSibling.textContent : '';
  });
  assert.match(web.normalize(beside), /Underfördelningen för Social- och omsorgsnämnden fördelar 4 000 000 kr, men Social- och omsorgsnämnden får 4 350 211 kr/);
  assert.match(await web.text(page, '#levels .level-status.warning'), /skillnad −350 211 kr/);
  assert.match(await web.text(page, '#levels-overview'), /fördelar 4 000 000 kr på 3 mottagare går inte ihop/);
  await shot(page, '#levels', 'decision-level-mismatch');
  await shot(page, '#pot', 'decision-level-mismatch-pot');

  // From the top level the warning says where it is, and takes the user there.
  await page.click('#levels button.crumb[data-level=""]');
  await web.settle(page);
  const item = '.findings-list .finding.warning';
  assert.match(await web.text(page, item), /Social- och omsorgsnämnden.*Underfördelningen/);
  await page.click(item + ' [data-action="goto-level"]');
  await page.waitForSelector('#levels [aria-current="location"][data-level="/recipients/0/sub"]');
  assert.equal(await page.inputValue('[data-path="/pot/total"]'), '4 000 000');
  await s.close();
});

test('removing a level asks first, and the row can be split again', async () => {
  const s = await session(server.url + '#example=linkoping-2022-tree');
  const { page } = s;
  await page.click('#result-table [data-split="0"]');
  await page.waitForSelector('#levels [aria-current="location"][data-level="/recipients/0/sub"]');
  // Cancelled: nothing changes.
  page.once('dialog', (dialog) => dialog.dismiss());
  await page.click('[data-level-action="remove"]');
  assert.equal(await page.inputValue('[data-path="/title"]'), 'Social- och omsorgsnämndens insatser i Skäggetorp');
  page.once('dialog', (dialog) => {
    assert.match(dialog.message(), /Ta bort uppdelningen av Social- och omsorgsnämnden/);
    dialog.accept();
  });
  await page.click('[data-level-action="remove"]');
  await page.waitForFunction(() => document.querySelector('[data-path="/title"]').value.startsWith('Linköping 2022'));
  await web.settle(page);
  assert.equal(await page.isVisible('#levels'), false);
  assert.equal(await page.getAttribute('#result-table [data-split="0"]', 'aria-label'), 'Dela upp vidare: Social- och omsorgsnämnden');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-split')), '0');
  assert.equal(await page.evaluate(() => document.getElementById('announcer').textContent), 'Uppdelningen av Social- och omsorgsnämnden är borttagen.');
  await s.close();
});

// ---- calendar -----------------------------------------------------------------

test('the calendar counts the days left from an injected today, warns of activity outside the period beside its field, and shows what is unused', async () => {
  const s = await session(server.url + '#example=stockholm-2021-model');
  const { page } = s;
  await page.evaluate(() => Fordela.clock.set('2021-05-01'));
  assert.match(await web.text(page, '#calendar-next'), /Sista dag att rekvirera 17 maj 2021 – om 16 dagar/);
  await page.click('#calendar-details > summary');
  assert.equal(await page.getAttribute('[data-date-key="requisition_deadline"]', 'data-days'), '16');
  assert.equal(await page.getAttribute('[data-date-key="period_end"]', 'data-days'), '244');
  assert.equal(await page.getAttribute('[data-date-key="period_start"]', 'data-days'), '-120');
  assert.match(await web.text(page, '.calendar-period'), /244 dagar kvar/);
  assert.match(await web.text(page, '[data-status="requisitioned"]'), /Senast 17 maj 2021, om 16 dagar/);

  // Activity that starts before the period: warned beside the dates.
  await page.fill('[data-path="/recipients/1/activity/from"]', '2020-11-01');
  await page.fill('[data-path="/recipients/1/activity/to"]', '2021-06-30');
  await web.settle(page);
  assert.match(await web.text(page, '[data-path="/recipients/1/activity"] .finding-msg.warning'), /Verksamheten för Spånga-Tensta \(2020-11-01 – 2021-06-30\) ligger utanför bidragsperioden/);
  assert.match(await web.text(page, '[data-status="used_in_period"]'), /Verksamheter utanför perioden: 1\./);

  // Used amounts: the core says what is unused, to be repaid.
  await page.fill('[data-path="/recipients/0/used"]', '6 000 000');
  await page.fill('[data-path="/recipients/2/used"]', '6 079 200');
  await web.settle(page);
  const expected = await page.evaluate(() => {
    const doc = Fordela.core.examples().find((e) => e.id === 'stockholm-2021-model').scenario;
    doc.recipients[0].used = '6 000 000';
    doc.recipients[2].used = '6 079 200';
    const r = Fordela.core.compute(doc);
    return { first: Fordela.format.kr(r.recipients[0].unused_ore), third: Fordela.format.kr(r.recipients[2].unused_ore), total: Fordela.format.kr(r.totals.unused_ore), used: Fordela.format.kr(r.totals.used_ore) };
  });
  assert.equal(web.normalize(expected.first), '954 200 kr');
  assert.equal(await web.text(page, '[data-out="unused-0"]'), web.normalize(expected.first));
  assert.equal(await web.text(page, '[data-out="unused-2"]'), web.normalize(expected.third));
  assert.equal(await web.text(page, '[data-out="unused-1"]'), '');
  assert.equal(await web.text(page, '[data-out="unused-total"]'), web.normalize(expected.total));
  assert.equal(await web.text(page, '[data-out="used-total"]'), web.normalize(expected.used));
  assert.match(await web.text(page, '[data-status="repaid"]'), /Att återbetala enligt redovisningen: 954 200 kr/);

  // The checklist is ticked and kept in this browser, not in the scenario.
  await page.check('[data-condition="not_replacing"]');
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('fordela.v1.checklist.')));
  const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('fordela.v1.checklist.')).map((k) => localStorage.getItem(k)));
  assert.deepEqual(stored.map((v) => JSON.parse(v)), [{ '': { not_replacing: true } }]);
  await shot(page, '.calendar-card', 'decision-calendar');
  await page.reload();
  await web.open(page, server.url);
  await web.settle(page);
  await page.evaluate(() => Fordela.clock.set('2021-05-01'));
  assert.equal(await page.isChecked('[data-condition="not_replacing"]'), true);
  assert.equal(await page.inputValue('[data-path="/recipients/0/used"]'), '6 000 000');
  assert.equal(await page.getAttribute('#calendar-details', 'open'), '');
  await s.close();
});

// ---- from disk ----------------------------------------------------------------

test('file: compare, explain and a new level work from disk too', async () => {
  const s = await session(web.FILE_URL + '#example=stockholm-2021-model');
  const { page } = s;
  await toCompare(page);
  await page.fill('#compare-section input[type="number"]', '60');
  await page.waitForFunction(() => /Prövat \(60\/40\)/.test(document.querySelector('#compare-table thead').textContent));
  assert.deepEqual((await compareRows(page)).find((r) => r[0] === 'Rinkeby-Kista').slice(3), ['−600 000 kr', '−8,6 %']);
  await page.click('#result-table [data-explain="5"]');
  await page.waitForSelector('#explain-dialog[open]');
  assert.equal(await web.text(page, '#explain-dialog [data-figure="final"] dd'), '3 779 200 kr');
  await page.click('#explain-dialog .explain-close');
  await page.click('#result-table [data-split="5"]');
  await page.waitForSelector('#levels [aria-current="location"][data-level="/recipients/5/sub"]');
  await web.settle(page);
  assert.deepEqual((await web.resultTable(page)).slice(-1)[0].slice(-1), ['3 779 200 kr']);
  await s.close();
});

// ---- accessibility ------------------------------------------------------------

const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

async function violations(page) {
  await page.evaluate(AXE);
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  }));
  return result.violations.map((v) => v.id + ': ' + v.help + ' — ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', '));
}

test('levels, calendar, comparison and explanation: no WCAG 2.1 AA violations found by axe, in Swedish and English', async () => {
  const s = await session(server.url + '#example=linkoping-2022-tree');
  const { page } = s;
  await page.click('#levels-overview [data-level="/recipients/0/sub"]');
  await page.waitForSelector('#levels [aria-current="location"][data-level="/recipients/0/sub"]');
  await page.evaluate(() => { document.getElementById('calendar-details').open = true; });
  await page.fill('[data-path="/pot/total"]', '4 000 000');
  await page.fill('[data-path="/recipients/0/used"]', '1 000 000');
  await page.fill('[data-path="/recipients/1/activity/from"]', '2021-06-01');
  await toCompare(page);
  await page.check('[data-compare-mode="snapshot"]');
  await page.click('[data-compare="snapshot"]');
  await web.settle(page);
  assert.deepEqual(await violations(page), []);
  await page.click('#result-table [data-explain="1"]');
  await page.waitForSelector('#explain-dialog[open]');
  assert.deepEqual(await violations(page), []);
  await page.keyboard.press('Escape');
  await page.click('#lang-switch');
  await web.settle(page);
  assert.match(await web.text(page, '#levels-heading'), /You are editing level 2/);
  assert.deepEqual(await violations(page), []);
  await page.click('#result-table [data-explain="0"]');
  await page.waitForSelector('#explain-dialog[open]');
  assert.match(await web.text(page, '#explain-title'), /^How the amount was computed for Fältarbetare$/);
  assert.match(await web.text(page, '#explain-dialog .explain-steps'), /The pot is 4,000,000 kr/);
  await page.keyboard.press('Escape');
  await s.close();
});
