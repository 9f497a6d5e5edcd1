// Scenario documents that arrive from outside the page (files, links, the
// browser's storage): what a document is, and its migration to the format
// this page edits (docs/scenario-format.md, version 1).
import { core } from './core.js';

  const FORMAT = 'fordela-scenario';
  const VERSION = 1;

  // STEPS[v] turns a version-v document into version v + 1. Version 1 is
  // the first versioned format, so there is no step yet; the older forms
  // that exist (links written as "#s=", the single storage slot before
  // named scenarios) carried version-1 documents and are read by link.js
  // and library.js, then pass through migrate() like any other document.
  const STEPS = {};

  // The most recipients the page edits, counted over every level
  // (sub-scenarios are edited and computed with the rest): the page draws
  // only the rows in view, and at 100 000 an edit still shows its table
  // within a quarter of a second (bench/page.js). A larger document is
  // refused with a message that points to the command-line tool, which
  // takes what the core takes (core.limits().max_recipients).
  const MAX_RECIPIENTS = 100000;
  // Before the core is loaded (the list of saved work at start) only a
  // guard against nesting that would overflow JSON.stringify's stack; the
  // core's own depth (limits().max_depth) once it is there.
  const GUARD_DEPTH = 64;

  function maxDepth() {
    return core.ready() ? core.limits().max_depth : GUARD_DEPTH;
  }

  // True when some value lies deeper than `limit` levels (the document
  // itself is level 1). Stops at the first such value, so it never
  // recurses deeper than limit + 1.
  function deeperThan(value, limit, level = 1) {
    if (!value || typeof value !== 'object') return false;
    if (level > limit) return true;
    for (const key in value) {
      if (Object.prototype.hasOwnProperty.call(value, key) && deeperThan(value[key], limit, level + 1)) return true;
    }
    return false;
  }

  // The recipients of a scenario and of every sub-scenario below them.
  // Iterative: the depth is checked separately.
  function recipientCount(scenario) {
    let count = 0;
    const levels = [scenario];
    while (levels.length) {
      const level = levels.pop();
      if (!level || typeof level !== 'object' || !Array.isArray(level.recipients)) continue;
      count += level.recipients.length;
      for (const recipient of level.recipients) {
        if (recipient && typeof recipient === 'object' && recipient.sub) levels.push(recipient.sub);
      }
    }
    return count;
  }

  // The core's field.type findings (a list where an object belongs, a
  // number where a list does): the editors walk the document by its
  // shape, so such a document is refused with the core's own messages.
  // Before the core is loaded (the list of saved work at start) nothing
  // is checked; every document is read again through here when opened.
  function typeFindings(doc) {
    if (!core.ready()) return [];
    return core.validate(doc).findings.filter((f) => f && f.code === 'field.type');
  }

  // migrate(value) → {ok: true, scenario, from} with the document in the
  // current version, or {ok: false, problem, version?}, problem one of:
  //   'not-object'  not a JSON object at all
  //   'result'      a result document (compute's output, "fordela-result")
  //   'foreign'     some other JSON
  //   'version'     a scenario whose "version" is not a version number
  //   'newer'       a scenario from a newer Fördela (version > 1)
  //   'too-deep'    nested deeper than the core reads (limits().max_depth)
  //   'too-many-recipients'  more than MAX_RECIPIENTS recipients on all
  //                 levels together (count: how many)
  //   'wrong-type'  a field of the wrong JSON type (findings: the core's
  //                 field.type findings)
  function migrate(doc) {
    if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return { ok: false, problem: 'not-object' };
    if (doc.format === 'fordela-result') return { ok: false, problem: 'result' };
    if (doc.format !== FORMAT) return { ok: false, problem: 'foreign' };
    const version = doc.version;
    if (!Number.isInteger(version) || version < 1) return { ok: false, problem: 'version' };
    if (version > VERSION) return { ok: false, problem: 'newer', version };
    if (deeperThan(doc, maxDepth())) return { ok: false, problem: 'too-deep' };
    const count = recipientCount(doc);
    if (count > MAX_RECIPIENTS) return { ok: false, problem: 'too-many-recipients', count };
    const wrong = typeFindings(doc);
    if (wrong.length) return { ok: false, problem: 'wrong-type', findings: wrong };
    let current = doc;
    for (let v = version; v < VERSION; v += 1) current = STEPS[v](current);
    return { ok: true, scenario: current, from: version };
  }

  // The canonical form from the core (defaults filled in, amounts as plain
  // numbers) when the scenario has no errors; otherwise the scenario as it
  // is, so that work with a mistake in it still travels and opens.
  function canonical(scenario) {
    const normalized = core.normalize(scenario);
    return normalized.ok ? normalized.scenario : scenario;
  }

  // JSON.parse, except that a number JavaScript cannot hold as written
  // (1e309 becomes Infinity, then null; 99999999999999999999 loses its
  // last digits) is kept as its text, which the core reads and refuses
  // quoting exactly what the document says. Browsers without the reviver's
  // source text (before Chrome 114, Firefox 135) parse as before.
  function parseJson(text) {
    // The reviver makes parsing ten times slower: only when the text holds
    // a number with an exponent or 16 digits or more.
    if (!/[0-9][eE]|[0-9]{16}/.test(text)) return JSON.parse(text);
    return JSON.parse(text, (key, value, context) => {
      if (typeof value !== 'number' || !context || typeof context.source !== 'string') return value;
      const exact = Number.isFinite(value) && (!Number.isInteger(value) || Number.isSafeInteger(value));
      return exact ? value : context.source;
    });
  }

  // JSON text → the same as migrate(), plus problem 'not-json'.
  function fromText(text) {
    let doc;
    try {
      doc = parseJson(text);
    } catch (e) {
      return { ok: false, problem: 'not-json' };
    }
    return migrate(doc);
  }

export { FORMAT, VERSION, MAX_RECIPIENTS, recipientCount, migrate, canonical, fromText, parseJson };
