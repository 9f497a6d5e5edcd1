// The page's Content-Security-Policy, and a whole working session under
// it: every example, editing, pasting, the language switch, copying the
// table, the print view, saving a file and opening it again, exports, a
// copied link opened elsewhere, the saved list, the import panel, an
// explanation, a comparison and the accessibility statement. Not one CSP
// violation (securitypolicyviolation events, set up in lib/page.js), no
// console error, and no request leaving the page's origin. Last, a check
// that the watch does see a violation when one happens.
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

// The meta element's policy as {directive: [sources]}.
function policyOf(html) {
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  assert.ok(meta, 'index.html has a CSP meta element');
  const policy = {};
  for (const part of meta[1].split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) policy[name] = sources;
  }
  return policy;
}

test('the policy: nothing by default, scripts only from the page itself plus WebAssembly, no inline code, no connections', () => {
  const policy = policyOf(fs.readFileSync(path.join(web.ROOT, 'index.html'), 'utf8'));
  assert.deepEqual(policy['default-src'], ["'none'"]);
  assert.deepEqual(policy['script-src'], ["'self'", "'wasm-unsafe-eval'"]);
  assert.deepEqual(policy['style-src'], ["'self'"]);
  assert.deepEqual(policy['base-uri'], ["'none'"]);
  assert.deepEqual(policy['form-action'], ["'none'"]);
  // The page connects nowhere: the core is instantiated from its bytes,
  // not fetched as a data: URL, so connect-src falls back to 'none'.
  assert.equal(policy['connect-src'], undefined);
  for (const [directive, sources] of Object.entries(policy)) {
    for (const forbidden of ["'unsafe-inline'", "'unsafe-eval'", '*', 'http:', 'https:', 'blob:']) {
      assert.ok(!sources.includes(forbidden), `${directive} allows ${forbidden}`);
    }
  }
  for (const statement of ['web/tillganglighet.html', 'web/accessibility-statement.html']) {
    const own = policyOf(fs.readFileSync(path.join(web.ROOT, statement), 'utf8'));
    assert.deepEqual(own['default-src'], ["'none'"], statement);
    assert.equal(own['script-src'], undefined, statement + ' runs no script');
  }
});

test('a whole session under the policy: no violation, no console error, no request leaving the page', async () => {
  const context = await web.newContext(browser, { permissions: ['clipboard-read', 'clipboard-write'], acceptDownloads: true });
  const page = await context.newPage();
  const watch = web.watch(page, server.origin);
  const dialogs = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.type());
    dialog.dismiss().catch(() => {});
  });
  await web.open(page, server.url);

  // Every example, opened with the picker.
  const ids = await page.$$eval('#example-picker option', (options) => options.map((o) => o.value));
  assert.ok(ids.length >= 5, ids.join(', '));
  for (const id of ids) {
    await page.selectOption('#example-picker', id);
    await page.click('#open-example');
    await page.waitForFunction((wanted) => location.hash === '#example=' + wanted, id);
    await page.waitForSelector('#result-table');
  }

  // Editing, with a mistake and its correction, and a paste from Excel.
  await page.selectOption('#example-picker', 'stockholm-2021-model');
  await page.click('#open-example');
  await page.waitForSelector('[data-path="/key/0/share"]');
  await page.fill('[data-path="/key/0/share"]', '60');
  await page.fill('[data-path="/key/1/share"]', '40');
  await page.fill('[data-path="/pot/total"]', 'fel');
  await web.settle(page);
  await page.click('.findings-list [data-action="goto-finding"]');
  await page.fill('[data-path="/pot/total"]', '25,4 mnkr');
  await page.focus('[data-path="/recipients/5/name"]');
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', 'Norr\t1\t0\t1\t50 000\t0\r\nSöder\t0\t1\t0\t60 000\t0\r\n');
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await web.settle(page);
  await page.click('#requisition-details > summary');

  // The language, both ways.
  await page.click('#lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.click('#lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'sv');

  // Copying the table, and the print view.
  await page.click('#copy-result');
  await page.waitForFunction(() => document.getElementById('copy-status').textContent !== '');
  await page.evaluate(() => { window.print = () => { window.__printed = (window.__printed || 0) + 1; }; });
  await page.click('#print');
  await page.click('#print-result');
  assert.equal(await page.evaluate(() => window.__printed), 2);
  await page.emulateMedia({ media: 'print' });
  await web.screenshot(page, 'http-session-print', { fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  // Saving as a file, the exports, and the saved file opened again.
  const [saved] = await Promise.all([page.waitForEvent('download'), page.click('#save-file')]);
  const savedPath = await saved.path();
  assert.match(saved.suggestedFilename(), /\.json$/);
  for (const button of ['#export-csv', '#export-json']) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
    assert.ok(fs.statSync(await download.path()).size > 0, button);
  }
  await page.setInputFiles('#file-input', savedPath);
  await page.waitForFunction(() => document.querySelector('[data-path="/key/0/share"]')?.value === '60');

  // The saved list, the import panel, an explanation and a comparison.
  await page.click('#scenarios-details > summary');
  await page.click('#import-toggle');
  await page.fill('#import-text', 'Mottagare\tBefolkning\nVäster\t1 000\n');
  await page.waitForSelector('#import-apply:not([disabled])');
  await page.click('#import-toggle');
  await page.click('#result-table [data-explain="0"]');
  await page.waitForSelector('#explain-dialog[open]');
  await page.keyboard.press('Escape');
  await page.waitForSelector('#explain-dialog:not([open])', { state: 'attached' });
  await page.locator('#compare-section').scrollIntoViewIfNeeded();
  await page.check('[data-compare-mode="snapshot"]');
  await page.click('[data-compare="snapshot"]');
  await page.waitForSelector('#compare-table');

  // A copied link, opened as a colleague would.
  await page.click('#copy-link');
  await page.waitForSelector('#link-status:not([hidden])');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(link.startsWith(server.origin + '/index.html#s'), link.slice(0, 80));
  const colleague = await context.newPage();
  const colleagueWatch = web.watch(colleague, server.origin);
  await web.open(colleague, link);
  await colleague.waitForFunction(() => document.querySelector('[data-path="/key/0/share"]')?.value === '60');
  assert.deepEqual(await colleagueWatch.check(), []);
  await colleague.close();

  // The accessibility statement, from the footer, and back.
  await page.click('.app-footer a');
  await page.waitForURL(/tillganglighet\.html$/);
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  await page.click('a[hreflang="en"]');
  await page.waitForURL(/accessibility-statement\.html$/);
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  await page.goBack();
  await page.goBack();
  await page.waitForSelector('#result-table');

  assert.deepEqual(dialogs, []);
  assert.deepEqual(await watch.check(), []);
  await context.close();
});

test('from file:// too: the core loads and an example computes with no violation and no request', async () => {
  const context = await web.newContext(browser);
  const page = await context.newPage();
  const watch = web.watch(page, null);
  await web.open(page, web.FILE_URL + '#example=socialstyrelsen-2023');
  await page.waitForSelector('#result-table');
  await page.click('#lang-switch');
  await page.fill('[data-path="/title"]', 'Från disken');
  await web.settle(page);
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.click('#lang-switch');
  await web.settle(page);
  assert.deepEqual(requests.filter((url) => !url.startsWith('file://')), []);
  assert.deepEqual(await watch.check(), []);
  await context.close();
});

test('the watch is real: what the policy refuses is refused and reported', async () => {
  const context = await web.newContext(browser);
  const page = await context.newPage();
  await web.open(page, server.url + '#example=linkoping-2021');
  const outcome = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.__inline = 1';
    document.body.appendChild(script);
    let fetched = true;
    try { await fetch('data:text/plain,x'); } catch (e) { fetched = false; }
    await new Promise((r) => setTimeout(r, 100));
    return { inline: window.__inline, fetched, violations: window.__cspViolations };
  });
  assert.equal(outcome.inline, undefined);
  assert.equal(outcome.fetched, false);
  assert.ok(outcome.violations.some((v) => v.startsWith('script-src')), outcome.violations.join('; '));
  assert.ok(outcome.violations.some((v) => v.startsWith('connect-src')), outcome.violations.join('; '));
  await context.close();
});
