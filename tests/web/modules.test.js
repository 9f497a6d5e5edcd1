// The page's modules (web/, README "Architecture"): ES modules whose
// imports show what each uses, all reached from the entry web/main.js that
// scripts/build page bundles. Reads the files and asks esbuild for the
// module graph; no browser.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const ROOT = path.resolve(__dirname, '..', '..');
// Served only, and loaded on its own (index.html, data-online-only).
const CLASSIC = ['web/offline.js'];

function modules() {
  const out = [];
  for (const dir of ['web', 'web/views']) {
    for (const name of fs.readdirSync(path.join(ROOT, dir))) {
      const file = dir + '/' + name;
      if (name.endsWith('.js') && !CLASSIC.includes(file)) out.push(file);
    }
  }
  return out.sort();
}

const read = (file) => fs.readFileSync(path.join(ROOT, file), 'utf8');

test('every module of the page is reached from web/main.js, and the bundle builds without a warning', () => {
  const built = esbuild.buildSync({ absWorkingDir: ROOT, entryPoints: ['web/main.js'], bundle: true, format: 'iife', write: false, metafile: true, logLevel: 'silent' });
  assert.deepEqual(built.warnings, []);
  assert.deepEqual(Object.keys(built.metafile.inputs).sort(), modules());
});

test('only web/main.js sets window.Fordela, the hook of the tests; no module reads it', () => {
  const users = modules().filter((file) => /\bFordela\./.test(read(file).replace(/^\s*\/\/.*$/gm, '')));
  assert.deepEqual(users, []);
  assert.match(read('web/main.js'), /^window\.Fordela = \{/m);
});

test('what this browser keeps goes through three modules: the saved work, the autosave and the home address; no view touches storage', () => {
  // web/store.js wraps localStorage (storage); these are its users.
  const keeping = modules().filter((file) => file !== 'web/store.js').filter((file) => /localStorage|import \{[^}]*\bstorage\b[^}]*\} from '\.\.?\/store\.js'/.test(read(file)));
  assert.deepEqual(keeping, ['web/home.js', 'web/library.js', 'web/workspace.js']);
  const views = modules().filter((file) => file.startsWith('web/views/') && /from '\.\.\/(store|library|workspace)\.js'/.test(read(file)));
  assert.deepEqual(views, []);
});
