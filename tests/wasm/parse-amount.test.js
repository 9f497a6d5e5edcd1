// parseAmount: amounts as people paste them, in öre.
'use strict';

const assert = require('node:assert/strict');
const test = require('node:test');
const { loadCore } = require('./core.js');

async function parse(text) {
  const core = await loadCore();
  return JSON.parse(core.parseAmount(text));
}

test('amounts as written in decisions and spreadsheets', async () => {
  const cases = [
    ['5900000', 590000000],
    ['5 900 000', 590000000],
    ['5 900 000 kr', 590000000],
    ['5\u00a0900\u00a0000\u00a0kr', 590000000], // no-break spaces, as Intl.NumberFormat writes
    ['5\u202f900\u202f000', 590000000], // narrow no-break spaces
    ['1,75 mnkr', 175000000],
    ['3 mkr', 300000000],
    ['750 tkr', 75000000],
    ['6 214 587,50', 621458750],
    ['\u22123', -300], // U+2212 minus
  ];
  for (const [text, ore] of cases) {
    assert.deepEqual(await parse(text), { ok: true, ore }, text);
  }
});

test('text that is not an amount gives a finding quoting it', async () => {
  for (const text of ['fem miljoner', '', '1,234', '1e6']) {
    const result = await parse(text);
    assert.equal(result.ok, false, text);
    assert.ok(result.findings.length > 0, text);
  }
  const result = await parse('fem miljoner');
  assert.match(result.findings[0].message.sv + result.findings[0].message.en, /fem miljoner/);
});
