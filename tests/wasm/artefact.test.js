// The shipped artefact: present, what the build made, free of eval (a
// strict Content-Security-Policy blocks it), and exposing the API of
// wasm/fordela-core.d.ts.
'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const test = require('node:test');
const { ROOT, ARTEFACT, loadCore } = require('./core.js');

test('web/gen/fordela-core.js is the module the wasm build made', () => {
  const built = path.join(ROOT, 'build', 'wasm', 'fordela-core.js');
  assert.ok(fs.existsSync(ARTEFACT), `${ARTEFACT} is missing: run scripts/build wasm`);
  assert.ok(fs.readFileSync(ARTEFACT).equals(fs.readFileSync(built)), 'web/gen is stale: run scripts/build wasm');
});

test('the artefact uses neither eval nor new Function', () => {
  const text = fs.readFileSync(ARTEFACT, 'utf8');
  assert.doesNotMatch(text, /new Function/);
  assert.doesNotMatch(text, /\beval\(/);
});

test('the artefact embeds the wasm: no second file to fetch', () => {
  const text = fs.readFileSync(ARTEFACT, 'utf8');
  assert.match(text, /data:application\/octet-stream;base64,/);
  assert.doesNotMatch(text, /fordela-core\.wasm/);
});

test('the artefact is a classic script defining FordelaCore', () => {
  const text = fs.readFileSync(ARTEFACT, 'utf8');
  assert.match(text, /var FordelaCore\s*=/);
  assert.doesNotMatch(text, /^\s*(import|export)\s/m);
});

test('the module loads and has the documented functions', async () => {
  const core = await loadCore();
  for (const name of ['compute', 'validate', 'normalize', 'apportion', 'parseAmount', 'version', 'examples']) {
    assert.equal(typeof core[name], 'function', name);
  }
  assert.match(core.version(), /^\d+\.\d+\.\d+/);
});
