// apportion: the apportionment request of api.hpp, through WebAssembly.
'use strict';

const assert = require('node:assert/strict');
const test = require('node:test');
const { loadCore } = require('./core.js');

async function apportion(request) {
  const core = await loadCore();
  return JSON.parse(core.apportion(JSON.stringify(request)));
}

test('10 seats by largest remainder: quotas 4.6, 3.3, 2.1 give 5, 3, 2', async () => {
  const result = await apportion({ weights: [4600, 3300, 2100], units: 10 });
  assert.equal(result.ok, true);
  assert.deepEqual(result.allocation, [5, 3, 2]);
  assert.deepEqual(result.tied, []);
});

test("D'Hondt gives 6000, 2500, 1500 votes 7, 2, 1 of 10 seats", async () => {
  const result = await apportion({ weights: [6000, 2500, 1500], units: 10, method: 'dhondt' });
  assert.deepEqual(result.allocation, [7, 2, 1]);
});

test('a tie for the last unit goes to the one listed first and is reported', async () => {
  const result = await apportion({ weights: ['6000', '2500', '1500'], names: ['A', 'B', 'C'], units: 10 });
  assert.deepEqual(result.allocation, [6, 3, 1]);
  assert.deepEqual(result.tied, [1, 2]);
});

test('a total in units of 250 tkr, allocations in öre', async () => {
  const result = await apportion({ weights: [1, 1, 2], total: '5 mnkr', unit: '250 tkr' });
  assert.equal(result.ok, true);
  assert.equal(result.unit_ore, 25000000);
  assert.deepEqual(result.allocation, [125000000, 125000000, 250000000]);
  assert.equal(result.not_allocated_ore, 0);
});

test('a total that is not a multiple of the unit reports what is not allocated', async () => {
  const result = await apportion({ weights: [4600, 3300, 2100], total: '1 000 050 kr', unit: '100 000 kr' });
  assert.deepEqual(result.allocation, [50000000, 30000000, 20000000]);
  assert.equal(result.not_allocated_ore, 5000);
});

test('a malformed request gives ok: false with findings', async () => {
  const core = await loadCore();
  for (const text of ['{', '{}', JSON.stringify({ weights: [1, 2], units: 3, method: 'hare' })]) {
    const result = JSON.parse(core.apportion(text));
    assert.equal(result.ok, false, text);
    assert.ok(result.findings.length > 0, text);
  }
});
