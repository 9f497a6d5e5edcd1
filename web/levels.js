// Levels: a recipient's amount split one level further (`sub`: state →
// municipality → committee → measures). The page edits one level at a time
// inside the one document; a level is named by the JSON pointer of its
// object: "" for the scenario itself, "/recipients/0/sub" one level down.
// Nothing here computes an amount: a level's pot and result come from the
// core's one result for the whole document.
import { pointer } from './dom.js';
import { core } from './core.js';
import * as format from './format.js';

  // How deep a level can be: the core reads limits().max_levels levels,
  // the scenario and those below it. None before the core is loaded.
  function maxDepth() {
    return core.ready() ? core.limits().max_levels - 1 : 0;
  }
  const LEVEL = /^(\/recipients\/\d+\/sub)*$/;
  const STEP = /\/recipients\/(\d+)\/sub/g;

  function valid(path) {
    return typeof path === 'string' && LEVEL.test(path);
  }

  // The recipient indices on the way down: "/recipients/0/sub/recipients/2/sub" → [0, 2].
  function indices(path) {
    return [...String(path).matchAll(STEP)].map((m) => Number(m[1]));
  }

  function depth(path) {
    return indices(path).length;
  }

  function child(path, index) {
    return path + pointer('recipients', index, 'sub');
  }

  function parent(path) {
    return path.replace(/\/recipients\/\d+\/sub$/, '');
  }

  // The level's object in the document, or null when the path leads nowhere.
  function at(doc, path) {
    if (!valid(path)) return null;
    let node = doc;
    for (const i of indices(path)) {
      const recipient = node && Array.isArray(node.recipients) ? node.recipients[i] : null;
      node = recipient && recipient.sub && typeof recipient.sub === 'object' ? recipient.sub : null;
    }
    return node || null;
  }

  // The level's part of the one result (the same fields as the top level's
  // result: rounding, components, earmarks, recipients, totals), or null.
  function resultAt(result, path) {
    if (!result || !valid(path)) return null;
    let node = result;
    for (const i of indices(path)) {
      const row = node && Array.isArray(node.recipients) ? node.recipients[i] : null;
      node = row && row.sub ? row.sub : null;
    }
    return node || null;
  }

  // The result row of the recipient whose amount a level splits.
  function parentRow(result, path) {
    if (!path) return null;
    const above = resultAt(result, parent(path));
    const list = indices(path);
    return above && above.recipients ? above.recipients[list[list.length - 1]] || null : null;
  }

  // The level a finding belongs to: the longest level pointer its path starts with.
  function levelOfFinding(path) {
    const match = /^((?:\/recipients\/\d+\/sub)*)/.exec(String(path || ''));
    return match ? match[1] : '';
  }

  // Findings split for a level: `own` with paths relative to it (for the
  // fields of its editors), `other` those of other levels, each with the
  // level it belongs to.
  function splitFindings(findings, path) {
    const own = [];
    const other = [];
    for (const finding of findings) {
      const level = levelOfFinding(finding.path);
      if (level === path) own.push(Object.assign({}, finding, { path: finding.path.slice(path.length) }));
      else other.push({ finding, level });
    }
    return { own, other };
  }

  // The dates that apply to a level: its own, or (when it states none) the
  // nearest level above that does, as the core reads them.
  function effectiveDates(doc, path) {
    let p = path;
    for (;;) {
      const level = at(doc, p);
      const dates = level && level.pot && level.pot.dates;
      if (dates && Object.keys(dates).some((k) => dates[k])) return dates;
      if (!p) return {};
      p = parent(p);
    }
  }

  // A level on its own, as a scenario document for explain() and compare():
  // without a pot of its own it splits what its recipient receives in the
  // one result (an amount from the core, written back as kronor).
  function standalone(doc, path, result) {
    if (!path) return doc;
    const level = at(doc, path);
    if (!level) return null;
    const copy = JSON.parse(JSON.stringify(level));
    copy.format = doc.format;
    copy.version = doc.version;
    const pot = copy.pot || {};
    const row = parentRow(result, path);
    if ((pot.total === undefined || pot.total === null || pot.total === '') && row) pot.total = format.krPlain(row.final_ore);
    const dates = pot.dates;
    if (!dates || !Object.keys(dates).some((k) => dates[k])) pot.dates = Object.assign({}, effectiveDates(doc, parent(path)));
    copy.pot = pot;
    const ordered = { format: copy.format, version: copy.version };
    return Object.assign(ordered, copy);
  }

  // The way down to a level, for the breadcrumb: [{path, name, level,
  // row}] where name is the recipient a level splits (the top: the
  // scenario's title), level the level's object and row its recipient's
  // row in the result (null at the top or without a result).
  function chain(doc, path, result) {
    const out = [{ path: '', name: null, level: doc, row: null, result: result || null }];
    let p = '';
    for (const i of indices(path)) {
      const above = at(doc, p);
      const recipient = above && above.recipients ? above.recipients[i] : null;
      p = child(p, i);
      out.push({
        path: p,
        index: i,
        name: recipient ? recipient.name : null,
        level: at(doc, p),
        row: parentRow(result, p),
        result: resultAt(result, p),
      });
    }
    return out;
  }

  // Every level of the document, depth first: [{path, depth}].
  function all(doc) {
    const out = [];
    (function walk(level, path) {
      out.push({ path, depth: depth(path) });
      (level.recipients || []).forEach((r, i) => {
        if (r && r.sub && typeof r.sub === 'object') walk(r.sub, child(path, i));
      });
    })(doc, '');
    return out;
  }

  // A new, empty level below a recipient: split in equal parts of what the
  // recipient receives (no pot of its own), two recipients to rename.
  function newSub(title, names, component) {
    return {
      title,
      notes: '',
      indicators: [],
      recipients: names.map((name) => ({ name, values: {} })),
      key: [{ name: component, share: 100, basis: 'equal' }],
      earmarks: [],
      rounding: { unit: 1, method: 'largest-remainder', level: 'recipient' },
    };
  }

export { maxDepth, valid, indices, depth, child, parent, at, resultAt, parentRow, levelOfFinding, splitFindings, effectiveDates, standalone, chain, all, newSub };
