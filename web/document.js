// Scenario documents that arrive from outside the page (files, links, the
// browser's storage): what a document is, and its migration to the format
// this page edits (docs/scenario-format.md, version 1).
(function (Fordela) {
  'use strict';

  const FORMAT = 'fordela-scenario';
  const VERSION = 1;

  // STEPS[v] turns a version-v document into version v + 1. Version 1 is
  // the first versioned format, so there is no step yet; the older forms
  // that exist (links written as "#s=", the single storage slot before
  // named scenarios) carried version-1 documents and are read by link.js
  // and library.js, then pass through migrate() like any other document.
  const STEPS = {};

  // migrate(value) → {ok: true, scenario, from} with the document in the
  // current version, or {ok: false, problem, version?}, problem one of:
  //   'not-object'  not a JSON object at all
  //   'result'      a result document (compute's output, "fordela-result")
  //   'foreign'     some other JSON
  //   'version'     a scenario whose "version" is not a version number
  //   'newer'       a scenario from a newer Fördela (version > 1)
  function migrate(doc) {
    if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return { ok: false, problem: 'not-object' };
    if (doc.format === 'fordela-result') return { ok: false, problem: 'result' };
    if (doc.format !== FORMAT) return { ok: false, problem: 'foreign' };
    const version = doc.version;
    if (!Number.isInteger(version) || version < 1) return { ok: false, problem: 'version' };
    if (version > VERSION) return { ok: false, problem: 'newer', version };
    let current = doc;
    for (let v = version; v < VERSION; v += 1) current = STEPS[v](current);
    return { ok: true, scenario: current, from: version };
  }

  // The canonical form from the core (defaults filled in, amounts as plain
  // numbers) when the scenario has no errors; otherwise the scenario as it
  // is, so that work with a mistake in it still travels and opens.
  function canonical(scenario) {
    const normalized = Fordela.core.normalize(scenario);
    return normalized.ok ? normalized.scenario : scenario;
  }

  // JSON text → the same as migrate(), plus problem 'not-json'.
  function fromText(text) {
    let doc;
    try {
      doc = JSON.parse(text);
    } catch (e) {
      return { ok: false, problem: 'not-json' };
    }
    return migrate(doc);
  }

  Fordela.document = { FORMAT, VERSION, migrate, canonical, fromText };
})(window.Fordela = window.Fordela || {});
