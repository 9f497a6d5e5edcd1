// compute, validate and normalize through WebAssembly, against the native
// CLI: every example must give the same result, byte for byte.
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

// What `fordela compute FILE --format json` prints: the core's string and
// a final newline.
function computeWithCli(file) {
  assert.ok(fs.existsSync(CLI), `${CLI} is missing: run scripts/build native`);
  const run = spawnSync(CLI, ['compute', file, '--format', 'json'], { encoding: 'utf8' });
  assert.ok(run.status === 0 || run.status === 1, `fordela compute exited ${run.status}: ${run.stderr}`);
  return run.stdout;
}

function withNewline(text) {
  return text.endsWith('\n') ? text : `${text}\n`;
}

test('there are examples to compare', () => {
  assert.ok(exampleFiles.length >= 1);
});

for (const name of exampleFiles) {
  const file = path.join(EXAMPLES_DIR, name);

  test(`${name}: WebAssembly and the native CLI give the same result`, async () => {
    const core = await loadCore();
    const wasm = core.compute(fs.readFileSync(file, 'utf8'));
    assert.equal(withNewline(wasm), computeWithCli(file));
    assert.equal(JSON.parse(wasm).format, 'fordela-result');
  });

  test(`${name}: validate agrees with compute on ok`, async () => {
    const core = await loadCore();
    const text = fs.readFileSync(file, 'utf8');
    const validation = JSON.parse(core.validate(text));
    assert.equal(typeof validation.ok, 'boolean');
    assert.ok(Array.isArray(validation.findings));
    assert.equal(validation.ok, JSON.parse(core.compute(text)).ok);
  });

  test(`${name}: normalize gives a scenario that computes to the same result`, async () => {
    const core = await loadCore();
    const text = fs.readFileSync(file, 'utf8');
    if (!JSON.parse(core.compute(text)).ok) return; // an example with errors has no normal form
    const normalized = core.normalize(text);
    assert.equal(JSON.parse(normalized).format, 'fordela-scenario');
    assert.deepEqual(JSON.parse(core.compute(normalized)), JSON.parse(core.compute(text)));
  });
}

test('examples() holds every examples/*.json, sorted by id', async () => {
  const core = await loadCore();
  const examples = JSON.parse(core.examples());
  const ids = exampleFiles.map((name) => name.replace(/\.json$/, '')).sort();
  assert.deepEqual(
    examples.map((example) => example.id),
    ids,
  );
  for (const example of examples) {
    const file = path.join(EXAMPLES_DIR, `${example.id}.json`);
    assert.deepEqual(example.scenario, JSON.parse(fs.readFileSync(file, 'utf8')), example.id);
  }
});

test('examples() computes like the files, byte for byte', async () => {
  const core = await loadCore();
  for (const example of JSON.parse(core.examples())) {
    const file = path.join(EXAMPLES_DIR, `${example.id}.json`);
    assert.equal(withNewline(core.compute(JSON.stringify(example.scenario))), computeWithCli(file), example.id);
  }
});

test('Stockholm 2021 adds up to 32 926 000 kr', async () => {
  const core = await loadCore();
  const result = JSON.parse(core.compute(fs.readFileSync(path.join(EXAMPLES_DIR, 'stockholm-2021.json'), 'utf8')));
  assert.equal(result.ok, true);
  assert.equal(result.totals.total_ore, 3292600000);
});

test('malformed JSON gives ok: false with an error finding, not an exception', async () => {
  const core = await loadCore();
  for (const text of ['{ not json', '', '[]', '"fordela"', '{"format": "fordela-scenario", "version": 99}']) {
    const result = JSON.parse(core.compute(text));
    assert.equal(result.ok, false, text);
    assert.ok(result.findings.length > 0, text);
    assert.equal(result.findings[0].severity, 'error', text);
    assert.equal(typeof result.findings[0].message.sv, 'string', text);
    assert.equal(typeof result.findings[0].message.en, 'string', text);
  }
});

test('names with å, ä, ö and emoji survive the trip through WebAssembly', async () => {
  const core = await loadCore();
  const scenario = JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, 'stockholm-2021.json'), 'utf8'));
  scenario.recipients[0].name = 'Rinkeby-Kista 🏘 åäö ÅÄÖ';
  const result = JSON.parse(core.compute(JSON.stringify(scenario)));
  assert.equal(result.recipients[0].name, 'Rinkeby-Kista 🏘 åäö ÅÄÖ');
});
