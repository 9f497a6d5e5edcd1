// The document store (web/store.js) in Node, without a browser: esbuild
// turns the module and what it imports into CommonJS, as it bundles them
// for the page.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const vm = require('node:vm');
const esbuild = require('esbuild');

function loadStore() {
  const built = esbuild.buildSync({ absWorkingDir: path.resolve(__dirname, '..', '..'), entryPoints: ['web/store.js'], bundle: true, format: 'cjs', write: false, logLevel: 'silent' });
  const module = { exports: {} };
  vm.runInNewContext(built.outputFiles[0].text, { module, exports: module.exports, window: {} }, { filename: 'web/store.js' });
  return module.exports.ScenarioStore;
}

function twoDistricts() {
  return {
    title: 'Stadsdelar',
    recipients: [
      { name: 'Skärholmen', sub: { title: 'Skärholmens enheter', recipients: [{ name: 'Förskolan' }] } },
      { name: 'Rinkeby' },
    ],
  };
}

test('reading the level being edited changes nothing, even when that level is gone', () => {
  const ScenarioStore = loadStore();
  const store = new ScenarioStore();
  store.replace(twoDistricts());
  store.setLevel('/recipients/0/sub');
  assert.equal(store.level().title, 'Skärholmens enheter');
  delete store.scenario.recipients[0].sub; // not through the store
  assert.equal(store.level().title, 'Stadsdelar');
  assert.equal(store.path, '/recipients/0/sub');
});

test('removing the recipient whose level is open leaves the editors on the scenario itself', () => {
  const ScenarioStore = loadStore();
  const store = new ScenarioStore();
  store.replace(twoDistricts());
  store.setLevel('/recipients/0/sub');
  const seen = [];
  store.subscribe(() => seen.push(store.path));
  store.mutate((s) => s.recipients.splice(0, 1));
  assert.deepEqual(seen, ['']);
  assert.equal(store.level().title, 'Stadsdelar');
});
