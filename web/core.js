// The allocation core, compiled to WebAssembly (web/gen/fordela-core.js):
// created once and reused. Every amount the page shows comes from here;
// this file only turns JSON text into objects and back.
(function (Fordela) {
  'use strict';

  let module = null;

  function load() {
    if (typeof window.FordelaCore !== 'function') {
      return Promise.reject(new Error('web/gen/fordela-core.js is missing'));
    }
    return window.FordelaCore().then((m) => {
      module = m;
    });
  }

  function parse(text, what) {
    try {
      return JSON.parse(text);
    } catch (e) {
      throw new Error('the core returned invalid JSON from ' + what);
    }
  }

  // The result document for a scenario (docs/scenario-format.md, "Result").
  function compute(scenario) {
    return parse(module.compute(JSON.stringify(scenario)), 'compute');
  }

  // [{id, scenario}] for the example picker.
  function examples() {
    return parse(module.examples(), 'examples');
  }

  // An amount as typed ("1,75 mnkr", 25400000) → {ok, ore} or findings.
  function parseAmount(value) {
    return parse(module.parseAmount(String(value)), 'parseAmount');
  }

  function version() {
    return String(module.version());
  }

  Fordela.core = { load, compute, examples, parseAmount, version };
})(window.Fordela = window.Fordela || {});
