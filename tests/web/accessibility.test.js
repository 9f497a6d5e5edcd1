// axe-core's WCAG 2.1 A and AA rules over the main views (evaluated in the
// page: an injected script tag would be blocked by the page's CSP), and a
// walk through the page by keyboard.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const web = require('./lib/page.js');

const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

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

for (const id of ['stockholm-2021-model', 'linkoping-2022', 'socialstyrelsen-2023']) {
  test(`${id}: no WCAG 2.1 AA violations found by axe`, async () => {
    await web.open(page, server.url + '#example=' + id);
    await page.evaluate(() => { document.getElementById('requisition-details').open = true; });
    assert.deepEqual(await violations(), []);
  });
}

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
