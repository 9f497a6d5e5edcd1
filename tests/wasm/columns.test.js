// computeColumns, the columnar entry with typed arrays: the same amounts as
// compute() of the same scenario as a document, and numbers that are not
// whole refused with findings, never coerced.
'use strict';

const assert = require('node:assert/strict');
const test = require('node:test');
const { loadCore } = require('./core.js');
const { scenario290 } = require('../../bench/lib/scenario290.js');

function columnsOf(scenario) {
  const values = (id) => Float64Array.from(scenario.recipients, (r) => r.values[id] || 0);
  const weighted = Float64Array.from(scenario.recipients, (r) => r.values.utsatt + 2 * r.values.risk + 3 * r.values.sarskilt);
  return {
    pot_ore: scenario.pot.total * 100,
    unit_ore: scenario.rounding.unit * 100,
    method: 'largest-remainder',
    level: 'recipient',
    components: [{ share: 75, basis: weighted }, { share: 25, basis: values('befolkning') }],
    earmarks: [values('skolsoc').map((kr) => kr * 100)],
  };
}

test('290 recipients as columns get the amounts the document gets', async () => {
  const core = await loadCore();
  const scenario = scenario290();
  const document = JSON.parse(core.compute(JSON.stringify(scenario)));
  assert.equal(document.ok, true);
  const result = core.computeColumns(columnsOf(scenario));
  assert.equal(result.ok, true);
  assert.ok(result.total_ore instanceof Float64Array);
  assert.deepEqual([...result.formula_ore], document.recipients.map((r) => r.formula_ore));
  assert.deepEqual([...result.total_ore], document.recipients.map((r) => r.total_ore));
  assert.equal(result.not_allocated_ore, document.totals.not_allocated_ore);
  assert.deepEqual(result.findings.map((f) => f.code), ['rounding.not_allocated']);
});

test('a fraction of an öre, a fractional basis and a missing column are findings', async () => {
  const core = await loadCore();
  const result = core.computeColumns({
    pot_ore: 100.5,
    components: [{ share: 60, basis: [1, 2.5] }, { share: 40 }],
    earmarks: [[0, Number.NaN]],
  });
  assert.equal(result.ok, false);
  assert.deepEqual(result.findings.map((f) => [f.code, f.path]), [
    ['amount.too_precise', '/pot_ore'],
    ['number.syntax', '/components/0/basis/1'],
    ['field.type', '/components/1/basis'],
    ['number.syntax', '/earmarks/0/1'],
  ]);
  assert.equal(result.total_ore, undefined);
});

test('columns of unequal length are refused by the core', async () => {
  const core = await loadCore();
  const result = core.computeColumns({ pot_ore: 100000, components: [{ share: 100, basis: [1, 2, 3] }], earmarks: [[1, 2]] });
  assert.equal(result.ok, false);
  assert.ok(result.findings.some((f) => f.path === '/earmarks/0'), JSON.stringify(result.findings));
});
