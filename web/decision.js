// Decision support, where Fördela goes beyond a spreadsheet: comparing two
// allocations, explaining each amount, the effects of rounding, nested
// levels and the grant's calendar. This wires those views to the document
// (the store) and the loop's derived state (web/loop.js): the loop calls
// init() once, replaced() when another document opens, render(state) after
// every result, and levelContext(state) and summaryFindings() while
// rendering.
import * as clipboard from './clipboard.js';
import { clock } from './clock.js';
import * as i18n from './i18n.js';
import { t } from './i18n.js';
import * as levels from './levels.js';
import { library, workNotes } from './library.js';
import * as loop from './loop.js';
import { announce } from './notices.js';
import { store } from './page-store.js';
import { exampleList } from './toolbar.js';
import { CalendarView } from './views/calendar.js';
import { CompareView } from './views/compare.js';
import { ExplainView } from './views/explain.js';
import { RoundingEffectsView } from './views/rounding-effects.js';
import { LevelsView } from './views/tree.js';

  const $ = (id) => document.getElementById(id);

  let explainView;
  let compareView;
  let levelsView;
  let effectsView;
  let calendarView;
  // The loop's derived state last rendered ({root, good, findings,
  // levelFindings, errors, warnings}), for the views that ask later (a click).
  let lastState = null;

  // ---- what the views are given ---------------------------------------------------

  // The level being edited as a scenario of its own, for compare(): live,
  // with the edits made since the last good result.
  function currentLevel() {
    if (!store.scenario) return null;
    const root = lastState && lastState.root;
    const doc = levels.standalone(store.scenario, store.path, root && root.result);
    return doc ? { doc, path: store.path } : null;
  }

  // The document as it was when the shown result was computed, and the
  // names leading down to the level shown, for explain(): the steps then
  // match the figures beside them.
  function shownLevel() {
    const root = lastState && lastState.root;
    if (!root) return null;
    return { doc: root.scenario, above: levels.chain(root.scenario, store.path, null).slice(1).map((c) => c.name) };
  }

  function others() {
    const out = [];
    const own = store.exampleId ? null : store.entryId;
    for (const entry of library.entries()) {
      if (entry.id === own) continue;
      out.push({ value: 'saved:' + entry.id, label: entry.title || t('scenarios.untitled'), group: 'saved' });
    }
    for (const example of exampleList()) {
      const label = i18n.has('example.' + example.id) ? t('example.' + example.id) : (example.scenario && example.scenario.title) || example.id;
      out.push({ value: 'example:' + example.id, label, group: 'examples' });
    }
    return out;
  }

  function load(value) {
    const [kind, id] = [value.slice(0, value.indexOf(':')), value.slice(value.indexOf(':') + 1)];
    if (kind === 'saved') {
      const read = library.read(id);
      return read.ok ? read.scenario : null;
    }
    const example = exampleList().find((e) => e.id === id);
    return example ? JSON.parse(JSON.stringify(example.scenario)) : null;
  }

  // The name of the recipient a level splits ("" for the top).
  function levelName(path) {
    if (!path) return store.scenario && store.scenario.title ? store.scenario.title : t('levels.top');
    const chain = levels.chain(store.scenario, path, null);
    const last = chain[chain.length - 1];
    return last.name || t('recipient.unnamed', { n: last.index + 1 });
  }

  // ---- levels -----------------------------------------------------------------------

  function openLevel(path) {
    loop.openLevel(path);
    levelsView.focus();
    announce(t('levels.opened', { name: levelName(store.path) }));
  }

  function split(index) {
    const level = store.level();
    const recipient = level.recipients && level.recipients[index];
    if (!recipient || recipient.sub || levels.depth(store.path) >= levels.maxDepth()) return;
    const name = recipient.name || t('recipient.unnamed', { n: index + 1 });
    const child = levels.child(store.path, index);
    store.mutateLevel((l) => {
      l.recipients[index].sub = levels.newSub(t('levels.new.title', { name }), [t('recipient.new', { n: 1 }), t('recipient.new', { n: 2 })], t('basis.equal'));
    });
    loop.computeNow();
    loop.openLevel(child);
    levelsView.focus();
    announce(t('levels.created', { name }));
  }

  function removeLevel() {
    const path = store.path;
    if (!path) return;
    const name = levelName(path);
    if (!window.confirm(t('levels.remove.confirm', { name }))) return;
    const above = levels.parent(path);
    const index = levels.indices(path).pop();
    store.mutate((s) => {
      const parent = levels.at(s, above);
      if (parent && parent.recipients && parent.recipients[index]) delete parent.recipients[index].sub;
    });
    loop.computeNow();
    loop.openLevel(above);
    // The focus goes to the row that held the level when there is no level left to show.
    const row = document.querySelector('#result-table [data-split="' + index + '"]');
    if ($('levels').hidden && row) row.focus();
    else levelsView.focus();
    announce(t('levels.removed', { name }));
  }

  // ---- wiring -------------------------------------------------------------------------

  // Returns the editor views this file owns, for the loop's list of editors.
  function init() {
    $('result').addEventListener('rowsdrawn', decorateResult);
    explainView = new ExplainView({
      document: shownLevel,
      good: () => {
        const good = lastState && lastState.good;
        return good ? Object.assign({ findings: lastState.levelFindings.own }, good) : null;
      },
      copy: (text) => clipboard.copyText(text),
    });
    compareView = new CompareView($('compare'), {
      current: currentLevel,
      others,
      load,
      apply(shares) {
        store.mutateLevel((l) => l.key.forEach((c, i) => { c.share = shares[i]; }));
      },
      announce,
      // The snapshot is kept with the work it was taken of: once the work
      // is saved, under its entry; before that, under its example.
      storageKey: () => (store.entryId ? 'entry.' + store.entryId : store.exampleId ? 'example.' + store.exampleId : null),
      notes: workNotes,
      // The level a snapshot was taken on, opened from the comparison
      // (the focus stays there); false when the document no longer has it.
      openLevel(path) {
        if (!levels.at(store.scenario, path)) return false;
        loop.openLevel(path);
        announce(t('levels.opened', { name: levelName(store.path) }));
        return true;
      },
    });
    levelsView = new LevelsView($('levels'), {
      open: openLevel,
      split,
      removeLevel,
      document: () => store.scenario,
      result: () => (lastState && lastState.root ? lastState.root.result : null),
      findings: () => (lastState ? lastState.findings : []),
      path: () => store.path,
    });
    effectsView = new RoundingEffectsView($('rounding-effects'), $('decision-alerts'), {
      goToRounding() {
        const el = $('rounding-method');
        if (!el) return;
        el.focus();
        el.scrollIntoView({ block: 'center' });
      },
    });
    calendarView = new CalendarView($('calendar'), {
      dates() {
        const own = store.level().pot && store.level().pot.dates;
        const inherited = Boolean(store.path) && !(own && Object.keys(own).some((k) => own[k]));
        return { dates: levels.effectiveDates(store.scenario, store.path), inherited };
      },
      storageKey: () => (store.exampleId ? 'example.' + store.exampleId : store.entryId ? 'entry.' + store.entryId : null),
      notes: workNotes,
      path: () => store.path,
      goToDates() {
        const el = document.querySelector('[data-path="/pot/dates/period_start"]');
        if (el) el.focus();
      },
    });
    clock.subscribe(() => {
      if (lastState) render(lastState);
    });
    // A reload right after the first edit (before the comparison has
    // caught up) still finds the snapshot with the saved work.
    window.addEventListener('pagehide', () => compareView.syncSnapshot());
    return { calendar: calendarView };
  }

  // Another document is open: what the views held of the one before goes,
  // before anything is rendered for the new one.
  function replaced() {
    // A scenario with reports or activity dates opens with its calendar shown.
    const recipients = store.scenario.recipients || [];
    $('calendar-details').open = recipients.some((r) => r && (r.used !== undefined || r.activity));
    if (explainView.isOpen()) explainView.close();
    compareView.forgetSnapshot();
  }

  // What the editors of a level need besides its object.
  function levelContext(state) {
    const path = store.path;
    if (!path) return { path, level: 0 };
    const root = state.root;
    const row = root ? levels.parentRow(root.result, path) : null;
    const own = store.level().pot && store.level().pot.dates;
    return {
      path,
      level: levels.depth(path),
      parentName: levelName(path),
      parentAmountOre: row ? row.final_ore : null,
      inheritsDates: !(own && Object.keys(own).some((k) => own[k])),
    };
  }

  // The findings list under the result: the level's own (their fields are
  // on the page), then those of other levels, each saying where it is.
  function summaryFindings(split) {
    const other = split.other.map(({ finding, level }) => Object.assign({}, finding, {
      path: undefined,
      level,
      levelName: levelName(level),
    }));
    return split.own.concat(other);
  }

  // The result table's drawn rows: names that explain, buttons to levels.
  function decorateResult() {
    const good = lastState && lastState.good;
    const table = $('result-table');
    if (table && good) {
      explainView.decorate(table, good);
      levelsView.decorate(table, good, store.path, good.scenario);
    }
  }

  // After every rendering of the result, with the loop's derived state.
  function render(state) {
    lastState = state;
    const good = state.good;
    levelsView.render();
    decorateResult();
    const own = state.levelFindings.own;
    effectsView.render({ good, findings: own, errors: state.errors });
    calendarView.update({ good, findings: own, errors: state.errors });
    $('calendar-next').textContent = calendarView.nextText();
    compareView.update();
    explainView.refresh();
  }

export { init, replaced, render, levelContext, summaryFindings, levelName, openLevel };
