// The allocation core, compiled to WebAssembly (web/gen/fordela-core.js):
// created once and reused. Every amount the page shows comes from here;
// this file only turns JSON text into objects and back.

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

  function ready() {
    return module !== null;
  }

  // {ok, findings}: what is wrong with a scenario, without computing it.
  function validate(scenario) {
    const out = parse(module.validate(JSON.stringify(scenario)), 'validate');
    return { ok: Boolean(out && out.ok), findings: (out && Array.isArray(out.findings)) ? out.findings : [] };
  }

  function version() {
    return String(module.version());
  }

  // The limits the core reads every scenario with (ScenarioLimits):
  // {max_recipients, max_depth (JSON nesting), max_levels, ...}. The page
  // asks rather than keeping copies of them.
  let limitsRead = null;
  function limits() {
    if (!limitsRead) limitsRead = Object.freeze(parse(module.limits(), 'limits'));
    return limitsRead;
  }

  // The scenario in canonical form: {ok: true, scenario} or, when it has
  // errors, {ok: false, findings}.
  function normalize(scenario) {
    const out = parse(module.normalize(JSON.stringify(scenario)), 'normalize');
    return out && out.format === 'fordela-scenario' ? { ok: true, scenario: out } : { ok: false, findings: (out && out.findings) || [] };
  }

  // CSV text → {ok, separator, rows} or {ok: false, error, line}; the
  // separator ('\t', ';', ',') or '' to guess it.
  function readCsv(text, separator) {
    return parse(module.readCsv(String(text), separator || ''), 'readCsv');
  }

  // The core writes the UTF-8 byte order mark Excel needs, but Embind's
  // TextDecoder drops a leading BOM on the way here: it goes back.
  function withBom(text) {
    return text && !text.startsWith('\uFEFF') ? '\uFEFF' + text : text;
  }

  // A result as CSV for Swedish Excel, headers in the language given ('sv'
  // or 'en'), the summary after the table (docs/csv-format.md).
  function resultCsv(result, scenario, lang) {
    return withBom(String(module.resultCsv(JSON.stringify(result), JSON.stringify(scenario), lang === 'en' ? 'en' : 'sv')));
  }

  // A comparison (compare()) as CSV for Swedish Excel, A and B headed by
  // the labels the page shows.
  function compareCsv(comparison, aLabel, bLabel, lang) {
    return withBom(String(module.compareCsv(JSON.stringify(comparison), String(aLabel), String(bLabel), lang === 'en' ? 'en' : 'sv')));
  }

  // How one recipient's amount was computed: {ok, recipient, steps, text,
  // findings} (wasm/fordela-core.d.ts, Explanation). `above`: the names
  // leading down to the level the recipient is in (none at the top).
  function explain(scenario, name, above) {
    if (above && above.length) {
      const names = JSON.stringify(above.map(String).concat(String(name)));
      return parse(module.explainIn(JSON.stringify(scenario), names), 'explain');
    }
    return parse(module.explain(JSON.stringify(scenario), String(name)), 'explain');
  }

  // Two scenarios side by side, recipient by recipient: {ok, a_ok, b_ok,
  // recipients, totals, findings_added, findings_removed} (Comparison).
  function compare(a, b) {
    return parse(module.compare(JSON.stringify(a), JSON.stringify(b)), 'compare');
  }

  // Whole units in proportion to weights: {ok, allocation, findings}.
  function apportion(request) {
    return parse(module.apportion(JSON.stringify(request)), 'apportion');
  }

  // One object, not loose exports: the page's test and bench hook
  // (main.js) is this very object, so a bench that wraps core.compute
  // times the page's own calls.
  const core = { load, ready, validate, compute, examples, parseAmount, version, limits, normalize, readCsv, resultCsv, compareCsv, explain, compare, apportion };

export { core };
