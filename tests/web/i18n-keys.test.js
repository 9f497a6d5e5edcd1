// The page's strings (web/i18n.js): Swedish and English hold the same keys,
// and each key the same placeholders, so that switching the language never
// shows a key or a "{name}" the other language fills in. Runs the page's
// module web/i18n.js in Node, without a browser (esbuild turns its export
// into CommonJS, as it bundles it for the page).
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const esbuild = require('esbuild');

function loadStrings() {
  const source = fs.readFileSync(path.join(__dirname, '..', '..', 'web', 'i18n.js'), 'utf8');
  const module = { exports: {} };
  vm.runInNewContext(esbuild.transformSync(source, { format: 'cjs' }).code, { module, exports: module.exports }, { filename: 'web/i18n.js' });
  return module.exports.STRINGS;
}

// As t() fills them in: {name}, a word in braces.
function placeholders(text) {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
}

test('Swedish and English have exactly the same keys', () => {
  const { sv, en } = loadStrings();
  assert.ok(Object.keys(sv).length > 100);
  const onlySv = Object.keys(sv).filter((k) => !(k in en));
  const onlyEn = Object.keys(en).filter((k) => !(k in sv));
  assert.deepEqual({ onlySv, onlyEn }, { onlySv: [], onlyEn: [] });
});

test('each key has the same placeholders in Swedish and English', () => {
  const { sv, en } = loadStrings();
  const differ = Object.keys(sv)
    .filter((k) => k in en)
    .filter((k) => placeholders(sv[k]).join() !== placeholders(en[k]).join())
    .map((k) => `${k}: sv {${placeholders(sv[k])}} en {${placeholders(en[k])}}`);
  assert.deepEqual(differ, []);
});

test('no string is empty in either language', () => {
  const strings = loadStrings();
  for (const lang of ['sv', 'en']) {
    const empty = Object.keys(strings[lang]).filter((k) => typeof strings[lang][k] !== 'string' || strings[lang][k] === '');
    assert.deepEqual(empty, [], lang);
  }
});
