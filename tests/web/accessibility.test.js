// axe-core's WCAG 2.1 A and AA rules over every view: each example in
// Swedish and English, errors, the requisition part, the print view and
// the accessibility statement (evaluated in the page: an injected script
// tag would be blocked by the page's CSP); the page at 320 CSS px (400 %
// zoom) without sideways scrolling; and a walk through the page by keyboard.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const web = require('./lib/page.js');

const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
// Every example the page offers (the core embeds examples/*.json).
const EXAMPLES = fs.readdirSync(path.join(web.ROOT, 'examples')).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();

let browser;
let server;
let context;
let page;
let watch;

before(async () => {
  browser = await web.launch();
  server = await web.startServer();
  context = await web.newContext(browser, { viewport: { width: 1024, height: 768 } });
  page = await context.newPage();
  watch = web.watch(page, server.origin);
});

after(async () => {
  if (page) assert.deepEqual(await watch.check(), []);
  if (browser) await browser.close();
  if (server) await server.close();
});

async function violations() {
  await page.evaluate(AXE);
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  }));
  return result.violations.map((v) => v.id + ': ' + v.help + ' — ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', '));
}

async function setLanguage(lang) {
  if (await page.evaluate(() => document.documentElement.lang) !== lang) {
    await page.click('#lang-switch');
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  }
}

for (const id of EXAMPLES) {
  test(`${id}: no WCAG 2.1 AA violations found by axe, in Swedish and English, with the requisition part open`, async () => {
    await web.open(page, server.url + '#example=' + id);
    await page.evaluate(() => { document.getElementById('requisition-details').open = true; });
    assert.deepEqual(await violations(), []);
    await setLanguage('en');
    await web.settle(page);
    assert.deepEqual(await violations(), [], 'in English');
    await setLanguage('sv');
  });
}

test('the print view: no WCAG 2.1 AA violations found by axe', async () => {
  await web.open(page, server.url + '#example=stockholm-2021-model');
  await page.emulateMedia({ media: 'print' });
  try {
    assert.deepEqual(await violations(), []);
  } finally {
    await page.emulateMedia({ media: 'screen' });
  }
});

for (const [file, lang] of [['web/tillganglighet.html', 'sv'], ['web/accessibility-statement.html', 'en']]) {
  test(`the accessibility statement (${lang}): no WCAG 2.1 AA violations found by axe, at full width and 320 px`, async () => {
    const statement = await context.newPage();
    const statementWatch = web.watch(statement, server.origin);
    await statement.goto(server.origin + '/' + file);
    assert.equal(await statement.evaluate(() => document.documentElement.lang), lang);
    for (const width of [1024, 320]) {
      await statement.setViewportSize({ width, height: 768 });
      await statement.evaluate(AXE);
      const result = await statement.evaluate(() => window.axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      }));
      assert.deepEqual(result.violations.map((v) => v.id + ': ' + v.help), [], 'at ' + width + ' px');
      assert.ok(await statement.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no sideways scrolling at ' + width + ' px');
    }
    // It names the supervisory authority and links to its report form,
    // and the municipality's details are marked placeholders.
    const text = await web.text(statement, 'main');
    assert.match(text, /Myndigheten för digital förvaltning/);
    assert.equal(await statement.getAttribute('a[href="https://www.digg.se/tdosanmalan"]', 'href'), 'https://www.digg.se/tdosanmalan');
    assert.ok(await statement.locator('.placeholder').count() >= 5);
    assert.deepEqual(await statementWatch.check(), []);
    await web.screenshot(statement, 'accessibility-statement-' + lang, { fullPage: true });
    await statement.close();
  });
}

test('the footer links to the accessibility statement in the page\'s language', async () => {
  await web.open(page, server.url + '#example=linkoping-2021');
  assert.equal(await page.getAttribute('.app-footer a', 'href'), 'web/tillganglighet.html');
  await setLanguage('en');
  assert.equal(await page.getAttribute('.app-footer a', 'href'), 'web/accessibility-statement.html');
  await setLanguage('sv');
});

test('at 320 CSS px (a 1 280 px screen at 400 %) only the tables scroll sideways, in their own box: every example, both languages', async () => {
  await page.setViewportSize({ width: 320, height: 700 });
  try {
    for (const id of EXAMPLES) {
      await web.open(page, server.url + '#example=' + id);
      for (const lang of ['sv', 'en']) {
        await setLanguage(lang);
        await web.settle(page);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= 320, `${id} (${lang}) is ${width} px wide`);
      }
      await setLanguage('sv');
    }
    await web.screenshot(page, 'http-320px');
  } finally {
    await page.setViewportSize({ width: 1024, height: 768 });
  }
});

test('with errors and in English: no WCAG 2.1 AA violations found by axe', async () => {
  await web.open(page, server.url + '#example=stockholm-2021-model');
  await page.fill('[data-path="/pot/total"]', 'abc');
  await page.fill('[data-path="/key/0/share"]', '70');
  await web.settle(page);
  assert.deepEqual(await violations(), []);
  await page.click('#lang-switch');
  await web.settle(page);
  assert.deepEqual(await violations(), []);
  await page.click('#lang-switch');
});

test('the keyboard reaches the toolbar, the fields and the result actions in reading order, with a visible focus', async () => {
  await web.open(page, server.url + '#example=linkoping-2021');
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  const seen = [];
  for (let i = 0; i < 80; i += 1) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement;
      const style = getComputedStyle(el);
      return {
        id: el.getAttribute('data-path') || el.id || el.getAttribute('data-action') || el.tagName,
        outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
        top: el.getBoundingClientRect().top + window.scrollY,
      };
    });
    seen.push(info);
  }
  const ids = seen.map((s) => s.id);
  for (const expected of ['example-picker', 'open-example', 'lang-switch', '/title', '/pot/total', '/rounding/unit', '/key/0/name', '/recipients/0/name', 'copy-result']) {
    assert.ok(ids.includes(expected), expected + ' is reachable by Tab: ' + ids.join(', '));
  }
  assert.ok(ids.indexOf('/pot/total') < ids.indexOf('/recipients/0/name'));
  assert.ok(ids.indexOf('/recipients/0/name') < ids.indexOf('copy-result'));
  const noFocusRing = seen.filter((s) => !s.outline && s.id !== 'BODY').map((s) => s.id);
  assert.deepEqual(noFocusRing, []);
  await web.screenshot(page, 'http-keyboard-focus');
});
