// explain and compare through WebAssembly: the same text as the native
// CLI prints, and the same numbers as compute.
'use strict';

const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const test = require('node:test');
const { CLI, EXAMPLES_DIR, loadCore } = require('./core.js');

const exampleFiles = fs
  .readdirSync(EXAMPLES_DIR)
  .filter((name) => name.endsWith('.json'))
  .sort();

// names: one name, or the names leading down nested levels.
function explainWithCli(file, names, lang) {
  assert.ok(fs.existsSync(CLI), `${CLI} is missing: run scripts/build native`);
  const run = spawnSync(CLI, ['explain', file, ...[].concat(names), '--lang', lang], { encoding: 'utf8' });
  assert.equal(run.status, 0, `fordela explain exited ${run.status}: ${run.stderr}`);
  return run.stdout;
}

for (const fileName of exampleFiles) {
  const file = path.join(EXAMPLES_DIR, fileName);

  test(`${fileName}: every recipient's explanation matches the CLI and ends at its final amount`, async () => {
    const core = await loadCore();
    const text = fs.readFileSync(file, 'utf8');
    const result = JSON.parse(core.compute(text));
    if (!result.ok) return;
    for (const recipient of result.recipients) {
      const explanation = JSON.parse(core.explain(text, recipient.name));
      assert.equal(explanation.ok, true, recipient.name);
      const total = explanation.steps.at(-1);
      assert.equal(total.kind, 'total');
      assert.equal(total.final_ore, recipient.final_ore);
      assert.equal(`${explanation.text.sv}\n`, explainWithCli(file, recipient.name, 'sv'));
      assert.equal(`${explanation.text.en}\n`, explainWithCli(file, recipient.name, 'en'));
    }
  });
}

test('explainIn: every recipient of every sub-level matches the CLI given the same names', async () => {
  const core = await loadCore();
  let explained = 0;
  for (const fileName of exampleFiles) {
    const file = path.join(EXAMPLES_DIR, fileName);
    const text = fs.readFileSync(file, 'utf8');
    const result = JSON.parse(core.compute(text));
    if (!result.ok) continue;
    const walk = (level, above) => {
      for (const recipient of level.recipients) {
        const names = above.concat(recipient.name);
        if (above.length > 0) {
          const explanation = JSON.parse(core.explainIn(text, JSON.stringify(names)));
          assert.equal(explanation.ok, true, names.join(' / '));
          assert.deepEqual(explanation.path, names);
          assert.equal(explanation.steps.at(-1).final_ore, recipient.final_ore);
          assert.equal(`${explanation.text.sv}\n`, explainWithCli(file, names, 'sv'));
          explained += 1;
        }
        if (recipient.sub) walk(recipient.sub, names);
      }
    };
    walk(result, []);
  }
  assert.ok(explained >= 3, `recipients in sub-levels explained: ${explained}`);
  const tree = fs.readFileSync(path.join(EXAMPLES_DIR, 'linkoping-2022-tree.json'), 'utf8');
  for (const bad of ['{', '"Kommunstyrelsen"', '[1, 2]', '[]']) {
    const answer = JSON.parse(core.explainIn(tree, bad));
    assert.equal(answer.ok, false, bad);
    assert.ok(answer.findings.some((f) => f.code === 'explain.unknown_recipient'), bad);
  }
});

test('explain of a name that is not there lists the recipients', async () => {
  const core = await loadCore();
  const text = fs.readFileSync(path.join(EXAMPLES_DIR, 'stockholm-2021-model.json'), 'utf8');
  const explanation = JSON.parse(core.explain(text, 'Farsta'));
  assert.equal(explanation.ok, false);
  const finding = explanation.findings.find((f) => f.code === 'explain.unknown_recipient');
  assert.ok(finding);
  assert.match(finding.message.sv, /Rinkeby-Kista/);
});

// The Stockholm model as published (75/25), and at 60/40.
function sixtyForty() {
  const a = JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, 'stockholm-2021-model.json'), 'utf8'));
  const b = structuredClone(a);
  b.key[0].share = 60;
  b.key[1].share = 40;
  return [a, b];
}

test('compare: 60/40 instead of 75/25 on the Stockholm model', async () => {
  const core = await loadCore();
  const [a, b] = sixtyForty();
  const comparison = JSON.parse(core.compare(JSON.stringify(a), JSON.stringify(b)));
  assert.equal(comparison.ok, true);
  const rinkeby = comparison.recipients.find((r) => r.name === 'Rinkeby-Kista');
  assert.deepEqual(rinkeby, {
    name: 'Rinkeby-Kista',
    a_ore: 695420000,
    b_ore: 635420000,
    diff_ore: -60000000,
    diff_percent: '-8.6',
    only_in: null,
  });
  assert.equal(comparison.totals.diff_ore, 0);
});

test('compareCsv: the comparison as Excel CSV, its rows the comparison\'s, its headers in the language asked for', async () => {
  const core = await loadCore();
  const [a, b] = sixtyForty();
  const comparison = core.compare(JSON.stringify(a), JSON.stringify(b));
  // The BOM is dropped by Embind's TextDecoder (web/core.js puts it back).
  const lines = core.compareCsv(comparison, 'Nu (75/25)', 'Prövat (60/40)', 'sv').replace(/^\uFEFF/, '').split('\r\n');
  assert.equal(lines[0], 'Mottagare;A: Nu (75/25) (kr);B: Prövat (60/40) (kr);Skillnad B − A (kr);Skillnad (%)');
  assert.equal(lines[1], 'Rinkeby-Kista;6954200;6354200;-600000;-8,6');
  assert.equal(lines[7], 'Summa;32926000;32926000;0;0,0');
  assert.equal(lines.length, 9);
  const english = core.compareCsv(comparison, 'Now', 'Tried', 'en');
  assert.match(english, /^\uFEFF?Recipient;A: Now \(kr\);B: Tried \(kr\);Difference B − A \(kr\);Difference \(%\)\r\n/);
  assert.equal(core.compareCsv('not json', 'A', 'B', 'sv'), '');
});
