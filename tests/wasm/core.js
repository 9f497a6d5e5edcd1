// Loads the very artefact the page loads, web/gen/fordela-core.js, once
// per test file. The MODULARIZE script is also a CommonJS module.
'use strict';

const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');
const ARTEFACT = path.join(ROOT, 'web', 'gen', 'fordela-core.js');
const CLI = path.join(ROOT, 'build', 'native', 'fordela');
const EXAMPLES_DIR = path.join(ROOT, 'examples');

let core;
function loadCore() {
  core ??= require(ARTEFACT)();
  return core;
}

module.exports = { ROOT, ARTEFACT, CLI, EXAMPLES_DIR, loadCore };
