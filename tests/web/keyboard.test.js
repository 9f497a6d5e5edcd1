// The Stockholm 2021 example from start to copied table with the keyboard
// alone: Tab and Shift+Tab to move, arrow keys in the example picker,
// Enter and Space on buttons, typing in a field. The test only reads the
// page to know where the focus is; every action is a key press.
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

// What has the focus: its data-path, else its id, else its tag.
function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    return (el && (el.getAttribute('data-path') || el.id || el.tagName)) || '';
  });
}

// Presses Tab (or Shift+Tab) until `target` has the focus; fails after
// `limit` presses, naming where the focus went.
async function tabTo(page, target, { back = false, limit = 300 } = {}) {
  const visited = [];
  for (let i = 0; i < limit; i += 1) {
    const now = await focused(page);
    if (now === target) return visited.length;
    visited.push(now);
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  assert.fail(`${target} not reached by ${back ? 'Shift+Tab' : 'Tab'} in ${limit} presses: ${visited.slice(-20).join(', ')}`);
  return limit;
}

test('by keyboard alone: open Stockholm 2021 from the picker, change an earmark, reach the copy button and copy the table', async () => {
  const context = await web.newContext(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  const watch = web.watch(page, server.origin);
  await web.open(page, server.url + '#example=linkoping-2021');

  // The skip link comes first.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip-link');

  // The picker: arrow keys choose the example, Enter on the button opens it.
  await tabTo(page, 'example-picker');
  for (let i = 0; i < 10 && await page.inputValue('#example-picker') !== 'stockholm-2021'; i += 1) {
    await page.keyboard.press('ArrowDown');
  }
  for (let i = 0; i < 10 && await page.inputValue('#example-picker') !== 'stockholm-2021'; i += 1) {
    await page.keyboard.press('ArrowUp');
  }
  assert.equal(await page.inputValue('#example-picker'), 'stockholm-2021');
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'open-example');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-path="/recipients/0/name"]')?.value === 'Rinkeby-Kista');
  await web.settle(page);
  assert.equal(await web.figure(page, 'total'), '32 926 000 kr');

  // Rinkeby-Kista's earmark for school social teams: 1 054 200 → 1 054 300.
  await tabTo(page, '/recipients/0/values/skolsoc');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('1 054 300');
  await web.settle(page);
  assert.equal(await web.figure(page, 'total'), '32 926 100 kr');

  // On to the copy button; one step back and forth with Shift+Tab.
  await tabTo(page, 'copy-result');
  await page.keyboard.press('Shift+Tab');
  assert.notEqual(await focused(page), 'copy-result');
  await tabTo(page, 'copy-result', { limit: 5 });
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.getElementById('copy-status').textContent !== '');
  assert.match(await web.text(page, '#copy-status'), /kopierad/);

  const plain = await page.evaluate(() => navigator.clipboard.readText());
  const lines = plain.split('\r\n');
  assert.match(lines[0], /^Mottagare\t/);
  assert.ok(lines.includes('Rinkeby-Kista\t5900000\t1054300\t6954300'), lines.join('\n'));
  assert.ok(lines.includes('Summa\t25400000\t7526100\t32926100'), lines.join('\n'));
  assert.deepEqual(await watch.check(), []);
  await web.screenshot(page, 'http-keyboard-copied');
  await context.close();
});
