// The controller: loads the core and the first scenario, turns the user's
// edits into changes of the scenario, recomputes (debounced), and asks the
// views to render. All event listeners of the page are set here.
(function (Fordela) {
  'use strict';

  const { pointer, parsePointer, setOwn } = Fordela.dom;
  const views = Fordela.views;
  const i18n = Fordela.i18n;
  const t = (...args) => i18n.t(...args);

  const DEFAULT_EXAMPLE = 'stockholm-2021-model';
  const COMPUTE_DELAY_MS = 100;
  // The inputs of a cost-built item that its name follows.
  const NAMED_BY_COST = /^\/recipients\/\d+\/cost\/(posts|other\/\d+\/name)$/;

  const $ = (id) => document.getElementById(id);

  const store = new Fordela.ScenarioStore();
  let examples = [];
  let lastGood = null; // {result, scenario}: what the result views show (the level being edited)
  let lastRoot = null; // {result, scenario}: the whole document's last good result
  let findings = [];
  let levelFindings = { own: [], other: [] }; // Fordela.levels.splitFindings
  let errorCount = 0;
  let computeTimer = null;
  let coreReady = false;

  let editor;
  let findingsView;
  let summaryView;
  let resultView;
  let chartView;

  function createViews() {
    editor = {
      about: new views.AboutView($('about')),
      pot: new views.PotView($('pot')),
      indicators: new views.IndicatorsView($('indicators')),
      recipients: new views.RecipientsView($('recipients')),
      requisition: new views.RequisitionView($('requisition')),
      costs: new views.CostsView($('costs')),
      key: new views.KeyView($('key')),
      earmarks: new views.EarmarksView($('earmarks')),
      rounding: new views.RoundingView($('rounding')),
    };
    Object.assign(editor, Fordela.decision.init({
      store, announce, openLevel, computeNow,
      good: () => lastGood,
      root: () => lastRoot,
      findings: () => findings,
      levelFindings: () => levelFindings,
      examples: () => examples,
    }));
    // Long documents: the requisition, costs and calendar tables drawn when opened.
    const large = () => Boolean(store.scenario) && Fordela.VirtualRows.virtual((store.level().recipients || []).length);
    views.drawWhenOpen(editor.requisition, $('requisition-details'), ['render'], large);
    views.drawWhenOpen(editor.costs, $('costs-section'), ['render', 'refresh', 'showCosts'], large);
    views.drawWhenOpen(editor.calendar, $('calendar-details'), ['render', 'refresh'], large);
    findingsView = new views.FindingsView($('main'), $('findings'));
    summaryView = new views.SummaryView($('summary'), $('live-summary'));
    resultView = new views.ResultView($('result'));
    chartView = new views.ChartView($('chart'));
  }

  // ---- rendering ---------------------------------------------------------

  // Which editor views show a value typed elsewhere (names and labels).
  function dependentViews(path) {
    if (/^\/recipients\/\d+\/name$/.test(path)) return ['requisition', 'costs', 'calendar'];
    if (/^\/indicators\/\d+\/label$/.test(path)) return ['recipients', 'key', 'earmarks'];
    // An item's name follows its costs (Fordela.partNames).
    if (NAMED_BY_COST.test(path)) return ['recipients', 'requisition', 'calendar', 'costs'];
    return [];
  }

  function renderEditor(only) {
    if (!store.scenario || (only && only.length === 0)) return;
    // The editors edit the level being edited (Fordela.levels), with paths relative to it.
    const scenario = store.level();
    const context = Fordela.decision.levelContext();
    const focus = rememberFocus();
    const names = only || Object.keys(editor);
    for (const name of names) {
      if (only && editor[name].container.contains(document.activeElement)) {
        // Being typed in: only its own texts that follow the typing.
        if (editor[name].refresh) editor[name].refresh(scenario);
        continue;
      }
      editor[name].render(scenario, context);
    }
    const hasCost = (scenario.key || []).some((c) => c.basis === 'cost');
    $('costs-section').hidden = !hasCost;
    if (!only) restoreFocus(focus);
    findingsView.decorate(levelFindings.own);
  }

  function renderResult() {
    const warnings = findings.filter((f) => f.severity === 'warning').length;
    const state = { good: lastGood, errors: errorCount, warnings };
    summaryView.render(state);
    // The items' costs only from a result of the scenario as it is now.
    editor.costs.showCosts(lastGood && errorCount === 0 ? lastGood.result : null);
    resultView.render(state);
    chartView.render(state);
    findingsView.renderSummary(Fordela.decision.summaryFindings(levelFindings));
    Fordela.decision.render(state);
    $('copy-result').disabled = !lastGood;
    $('result-section').classList.toggle('has-errors', errorCount > 0);
  }

  function renderAll() {
    renderEditor();
    renderResult();
  }

  function rememberFocus() {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const memo = { path: el.getAttribute('data-path'), id: el.id };
    try {
      memo.start = el.selectionStart;
      memo.end = el.selectionEnd;
    } catch (e) { /* not a text field */ }
    return memo;
  }

  function restoreFocus(memo) {
    if (!memo || (document.activeElement && document.activeElement !== document.body && document.body.contains(document.activeElement))) return;
    let el = null;
    if (memo.path) el = document.querySelector('[data-path="' + CSS.escape(memo.path) + '"]');
    if (!el && memo.id) el = document.getElementById(memo.id);
    if (!el) return;
    el.focus();
    if (typeof memo.start === 'number' && typeof el.setSelectionRange === 'function') {
      try { el.setSelectionRange(memo.start, memo.end); } catch (e) { /* not a text field */ }
    }
  }

  function focusSelector(selectors) {
    for (const selector of selectors) {
      const el = selector && document.querySelector(selector);
      if (el && !el.disabled && el.offsetParent !== null) {
        el.focus();
        // A new row's default name is selected, so typing replaces it.
        if (el.tagName === 'INPUT' && el.type === 'text') el.select();
        return;
      }
    }
  }

  function byPath(path) {
    return '[data-path="' + CSS.escape(path) + '"]';
  }

  function announce(text) {
    const el = $('announcer');
    el.textContent = '';
    // A fresh text node so that screen readers repeat the same message.
    window.setTimeout(() => { el.textContent = text; }, 30);
  }

  // ---- computing ---------------------------------------------------------

  function scheduleCompute() {
    window.clearTimeout(computeTimer);
    computeTimer = window.setTimeout(computeNow, COMPUTE_DELAY_MS);
  }

  function computeNow() {
    window.clearTimeout(computeTimer);
    computeTimer = null;
    if (!coreReady || !store.scenario) return;
    let result;
    try {
      result = Fordela.core.compute(store.scenario);
    } catch (e) {
      // No result then: the one on screen would be an earlier document's.
      lastGood = null;
      lastRoot = null;
      errorCount = Math.max(errorCount, 1);
      renderResult();
      showNotice(t('notice.core_failed', { message: e.message }));
      return;
    }
    findings = Array.isArray(result.findings) ? result.findings : [];
    levelFindings = Fordela.levels.splitFindings(findings, store.path);
    errorCount = findings.filter((f) => f.severity === 'error').length;
    if (result.ok && result.recipients && result.totals) {
      lastRoot = { result, scenario: JSON.parse(JSON.stringify(store.scenario)) };
      lastGood = levelGood();
      errorCount = 0;
    } else if (!errorCount) {
      errorCount = 1;
    }
    findingsView.decorate(levelFindings.own);
    renderResult();
  }

  // The level's part of the last good result, for the result views.
  function levelGood() {
    if (!lastRoot) return null;
    const result = Fordela.levels.resultAt(lastRoot.result, store.path);
    const scenario = Fordela.levels.at(lastRoot.scenario, store.path);
    return result && scenario ? { result, scenario } : null;
  }

  // Shows another level of the document in the editors and the result.
  function openLevel(path) {
    store.setLevel(path);
    Fordela.workspace.keepLevel();
    lastGood = levelGood();
    levelFindings = Fordela.levels.splitFindings(findings, store.path);
    renderAll();
  }

  function showNotice(text, kind) {
    const notice = $('notice');
    notice.textContent = text;
    notice.className = 'notice ' + (kind || 'error');
    notice.hidden = false;
  }

  // ---- scenarios ---------------------------------------------------------

  function exampleById(id) {
    return examples.find((e) => e.id === id) || null;
  }

  function openExample(id) {
    const example = exampleById(id);
    if (!example) return false;
    lastGood = null;
    store.replace(JSON.parse(JSON.stringify(example.scenario)), id);
    $('example-picker').value = id;
    setHash('example=' + encodeURIComponent(id));
    return true;
  }

  function setHash(hash) {
    try {
      const base = location.href.split('#')[0];
      history.replaceState(null, '', hash ? base + '#' + hash : base);
    } catch (e) { /* some file:// setups refuse; the hash is a convenience */ }
  }

  function hashExample() {
    const match = /^#example=([^&]+)/.exec(location.hash);
    return match ? decodeURIComponent(match[1]) : null;
  }

  // A shared link (#s1=…, or #s=… from before link format 1): {version,
  // payload}, or null.
  function hashScenario() {
    return Fordela.link.fromHash(location.hash);
  }

  // A link opens as a new scenario in the list, beside the work already
  // there; one that cannot be read says why and changes nothing.
  function openLink(link) {
    return Fordela.workspace.openLink(link);
  }

  function copyLink() {
    Fordela.workspace.copyLink();
  }

  function blankScenario() {
    return {
      format: 'fordela-scenario',
      version: 1,
      title: t('new.title'),
      notes: '',
      pot: { total: 1000000, deductions: [], dates: {} },
      indicators: [{ id: 'antal', label: t('new.indicator'), kind: 'count' }],
      recipients: [
        { name: t('recipient.new', { n: 1 }), values: { antal: 1 } },
        { name: t('recipient.new', { n: 2 }), values: { antal: 1 } },
      ],
      key: [{ name: t('part.auto.indicator', { label: t('new.indicator') }), share: 100, basis: 'indicator', indicator: 'antal' }],
      earmarks: [],
      rounding: { unit: 1, method: 'largest-remainder', level: 'recipient' },
    };
  }

  // ---- edits -------------------------------------------------------------

  function readValue(el) {
    const kind = el.getAttribute('data-kind');
    if (kind === 'bool') return el.checked;
    const value = el.value;
    if (kind === 'text' || kind === 'select') return value;
    if (value.trim() === '' && el.hasAttribute('data-optional')) return undefined;
    return kind === 'date' ? value.trim() : value;
  }

  function onInput(event) {
    const el = event.target;
    const path = el.getAttribute && el.getAttribute('data-path');
    const kind = el.getAttribute && el.getAttribute('data-kind');
    if (!path || kind === 'bool' || kind === 'select') return;
    const value = readValue(el);
    // A column's new label renames the parts and earmarks named after it, an
    // item's costs the item (Fordela.partNames).
    if (/^\/indicators\/\d+\/label$/.test(path) || NAMED_BY_COST.test(path)) {
      Fordela.partNames.follow(store.level(), (s) => Fordela.ScenarioStore.put(s, parsePointer(path), value));
    }
    store.setInLevel(path, value);
  }

  function onChange(event) {
    const el = event.target;
    const path = el.getAttribute && el.getAttribute('data-path');
    const kind = el.getAttribute && el.getAttribute('data-kind');
    if (!path || (kind !== 'bool' && kind !== 'select')) return;
    const value = readValue(el);
    const basis = /^\/key\/(\d+)\/basis$/.exec(path);
    if (basis) {
      store.mutateLevel((s) => Fordela.partNames.follow(s, () => setBasis(s.key[Number(basis[1])], value, s)));
    } else if (/^\/(key|earmarks)\/\d+\/indicator$/.test(path)) {
      const [list, i] = parsePointer(path);
      store.mutateLevel((s) => Fordela.partNames.follow(s, () => { s[list][Number(i)].indicator = value; }));
    } else {
      // An item is decided unless marked: no "pending": false in the document.
      store.setInLevel(path, /\/cost\/pending$/.test(path) && !value ? undefined : value, true);
    }
  }

  // A component keeps only the members its new basis uses.
  function setBasis(component, basis, scenario) {
    component.basis = basis;
    if (basis !== 'weighted') delete component.weights;
    if (basis !== 'indicator' && basis !== 'fixed') delete component.indicator;
    const indicators = scenario.indicators || [];
    if (basis === 'weighted' && !component.weights) component.weights = {};
    if (basis === 'indicator' || basis === 'fixed') {
      const wanted = basis === 'fixed' ? 'amount' : 'count';
      const first = indicators.find((ind) => ind.kind === wanted);
      if (first) component.indicator = first.id;
    }
  }

  const COLLECTIONS = {
    deductions: (s) => { s.pot = s.pot || {}; s.pot.deductions = s.pot.deductions || []; return s.pot.deductions; },
    indicators: (s) => { s.indicators = s.indicators || []; return s.indicators; },
    recipients: (s) => { s.recipients = s.recipients || []; return s.recipients; },
    key: (s) => { s.key = s.key || []; return s.key; },
    earmarks: (s) => { s.earmarks = s.earmarks || []; return s.earmarks; },
  };

  function uniqueName(existing, make) {
    for (let n = existing.length + 1; ; n += 1) {
      const name = make(n);
      if (!existing.includes(name)) return name;
    }
  }

  function addRow(collection, data) {
    const s = store.level();
    if (collection === 'other-costs') {
      const r = Number(data.recipient);
      store.mutateLevel((sc) => {
        const recipient = sc.recipients[r];
        recipient.cost = recipient.cost || { posts: 0, cost_per_post: 0, months: 12, other: [] };
        recipient.cost.other = recipient.cost.other || [];
        recipient.cost.other.push({ name: '', amount: 0 });
      });
      const o = s.recipients[r].cost.other.length - 1;
      focusSelector([byPath(pointer('recipients', r, 'cost', 'other', o, 'name'))]);
      announce(t('announce.added'));
      return;
    }
    const list = COLLECTIONS[collection](s);
    let row;
    let focusPath;
    const n = list.length;
    if (collection === 'deductions') {
      row = { name: '', amount: 0 };
      focusPath = pointer('pot', 'deductions', n, 'name');
    } else if (collection === 'indicators') {
      const ids = list.map((ind) => ind.id);
      const id = uniqueName(ids, (k) => 'kolumn' + k);
      row = { id, label: uniqueName(list.map((ind) => ind.label), (k) => t('indicator.new', { n: k })), kind: 'count' };
      focusPath = pointer('indicators', n, 'label');
    } else if (collection === 'recipients') {
      row = { name: uniqueName(list.map((r) => r.name), (k) => t('recipient.new', { n: k })), values: {} };
      if ((s.key || []).some((c) => c.basis === 'cost')) {
        row.cost = { posts: 0, cost_per_post: 0, months: 12, other: [] };
        row.name = Fordela.partNames.newName('items', row, s) || row.name;
      }
      focusPath = pointer('recipients', n, 'name');
    } else if (collection === 'key') {
      row = { name: t('key.component.new', { n: n + 1 }), share: 0, basis: 'equal' };
      focusPath = pointer('key', n, 'name');
    } else if (collection === 'earmarks') {
      const amountColumn = (s.indicators || []).find((ind) => ind.kind === 'amount');
      row = { name: t('earmarks.new', { n: n + 1 }), indicator: amountColumn ? amountColumn.id : '' };
      row.name = Fordela.partNames.newName('earmarks', row, s) || row.name;
      focusPath = pointer('earmarks', n, 'name');
    }
    store.mutate(() => list.push(row));
    // A long table draws only the rows in view: the new last one is brought there.
    if (collection === 'recipients') editor.recipients.reveal(n);
    focusSelector([byPath(focusPath)]);
    announce(t('announce.added'));
  }

  function moveRow(collection, index, delta) {
    const list = COLLECTIONS[collection](store.level());
    const to = index + delta;
    if (to < 0 || to >= list.length) return;
    store.mutate(() => {
      const [row] = list.splice(index, 1);
      list.splice(to, 0, row);
    });
    const same = '[data-action="' + (delta < 0 ? 'move-up' : 'move-down') + '"][data-collection="' + collection + '"][data-index="' + to + '"]';
    const other = '[data-action="' + (delta < 0 ? 'move-down' : 'move-up') + '"][data-collection="' + collection + '"][data-index="' + to + '"]';
    focusSelector([same, other]);
    announce(t(delta < 0 ? 'announce.moved_up' : 'announce.moved_down', { n: to + 1 }));
  }

  function removeRow(collection, index, data) {
    if (collection === 'other-costs') {
      const r = Number(data.recipient);
      store.mutateLevel((s) => s.recipients[r].cost.other.splice(index, 1));
      focusSelector([
        '[data-action="remove"][data-collection="other-costs"][data-recipient="' + r + '"][data-index="' + index + '"]',
        '[data-action="remove"][data-collection="other-costs"][data-recipient="' + r + '"][data-index="' + (index - 1) + '"]',
        '[data-action="add"][data-collection="other-costs"][data-recipient="' + r + '"]',
      ]);
      announce(t('announce.removed'));
      return;
    }
    const list = COLLECTIONS[collection](store.level());
    let forgotten = null;
    const removed = list[index];
    store.mutateLevel((s) => {
      const [row] = list.splice(index, 1);
      if (collection === 'indicators' && row) forgotten = forgetIndicator(s, row.id);
    });
    const remove = (i) => '[data-action="remove"][data-collection="' + collection + '"][data-index="' + i + '"]';
    if (removed && UNDOABLE[collection]) {
      offerUndo(collection, removed, index, forgotten);
      return;
    }
    focusSelector([remove(index), remove(index - 1), '[data-action="add"][data-collection="' + collection + '"]']);
    announce(t('announce.removed'));
  }

  // A removed column leaves no values or weights behind; components and
  // earmarks that used it keep the reference, and the core reports them.
  // Returns what it took, for an undo: [[object, key, value]].
  function forgetIndicator(s, id) {
    const taken = [];
    const take = (object) => {
      if (object && Object.prototype.hasOwnProperty.call(object, id)) {
        taken.push([object, id, object[id]]);
        delete object[id];
      }
    };
    for (const r of s.recipients || []) take(r.values);
    for (const c of s.key || []) take(c.weights);
    return taken;
  }

  // ---- undo of a removed column or recipient ------------------------------------

  // A column takes every recipient's value with it, a recipient its row:
  // both can be had back for a while (Ångra), in place, with what was
  // edited since kept.
  const UNDOABLE = {
    indicators: { toast: 'indicators-toast', name: (row) => row.label || row.id || '' },
    recipients: { toast: 'recipients-toast', name: (row) => row.name || '' },
  };
  const UNDO_MS = 10000;
  const toasts = {};
  let undoDocument = null; // the document an undo belongs to; another one voids it

  // The collection's one toast: a removal's undo and a paste's share it.
  function toastOf(collection) {
    return toasts[collection] || (toasts[collection] = new views.Toast($(UNDOABLE[collection].toast), (hadFocus) => {
      if (hadFocus) focusSelector(['[data-action="add"][data-collection="' + collection + '"]']);
    }));
  }

  function offerUndo(collection, row, index, forgotten) {
    const spec = UNDOABLE[collection];
    const toast = toastOf(collection);
    const name = spec.name(row);
    const path = store.path;
    undoDocument = store.scenario;
    const button = toast.show(() => [t('undo.removed.' + collection, { name }), t('scenarios.undo'), t('undo.removed.of', { name })], () => {
      if (store.scenario !== undoDocument || store.path !== path) return;
      store.mutateLevel(() => {
        const list = COLLECTIONS[collection](store.level());
        list.splice(Math.min(index, list.length), 0, row);
        for (const [object, key, value] of forgotten || []) if (!Object.prototype.hasOwnProperty.call(object, key)) setOwn(object, key, value);
      });
      const again = '[data-action="remove"][data-collection="' + collection + '"][data-index="' + Math.min(index, COLLECTIONS[collection](store.level()).length - 1) + '"]';
      focusSelector([again]);
      announce(t('undo.restored', { name }));
    }, UNDO_MS);
    button.focus();
  }

  function onClick(event) {
    const button = event.target.closest('[data-action]');
    if (!button || button.disabled) return;
    const data = button.dataset;
    const index = Number(data.index);
    switch (data.action) {
      case 'add': addRow(data.collection, data); break;
      case 'move-up': moveRow(data.collection, index, -1); break;
      case 'move-down': moveRow(data.collection, index, 1); break;
      case 'remove': removeRow(data.collection, index, data); break;
      case 'goto-finding': findingsView.focusPath(data.target); break;
      case 'goto-level': Fordela.decision.openLevel(data.level); break;
      default: return;
    }
    event.preventDefault();
  }

  // ---- paste from Excel and Word -----------------------------------------

  // A range of cells pasted into the recipients' table, or anywhere outside
  // a field while the level holds only a new scenario's defaults, is read
  // as the import reads it (Fordela.paste): a header row names the columns,
  // missing columns are created, and the outcome is said with Ångra. Numbers
  // stay as pasted text: the core reads Swedish formats ("48 000", "1,5").
  function onPaste(event) {
    const el = event.target;
    const path = el.getAttribute && el.getAttribute('data-path');
    const inTable = Boolean(path && el.closest('#recipients-table'));
    const inField = Boolean(el.closest && el.closest('input, textarea, select, [contenteditable]'));
    const level = store.level();
    if (!inTable && (inField || !Fordela.paste.pristine(level))) return;
    const text = event.clipboardData && event.clipboardData.getData('text/plain');
    const rows = Fordela.paste.pastedRows(text);
    if (!rows) return;
    event.preventDefault();

    let at = null;
    if (inTable) {
      const tokens = parsePointer(path);
      at = { row: Number(tokens[1]), column: tokens[2] === 'name' ? 'name' : tokens[3] };
    }
    const planned = Fordela.paste.plan(level, rows, at);
    if (planned.kind === 'choose') {
      Fordela.workspace.openImport(text, t('paste.choose'));
      return;
    }
    const count = store.recipientsWith(planned.kind === 'import'
      ? (planned.mode === 'replace' ? planned.plan.rows.length : (level.recipients || []).length + Fordela.files.importEffect(level, planned.plan).added)
      : Math.max((level.recipients || []).length, planned.startRow + planned.rows.length));
    if (count > Fordela.document.MAX_RECIPIENTS) {
      showNotice(Fordela.workspace.limitText('paste.too_many_recipients', count));
      return;
    }
    const before = JSON.parse(JSON.stringify({ indicators: level.indicators, recipients: level.recipients, key: level.key }));
    let added = [];
    let gone = '';
    store.mutateLevel((s) => {
      if (planned.kind === 'import') {
        added = planned.plan.columns.filter((c) => c.isNew);
        gone = Fordela.files.applyImport(s, planned.plan, planned.mode);
      } else {
        added = Fordela.paste.fillCells(s, planned, (n) => t('paste.column.new', { n }));
        gone = Fordela.files.dropStrayDefaults(s, added.length > 0);
      }
    });
    const pasted = planned.kind === 'import' ? planned.plan.rows.length : planned.rows.length;
    const kind = (c) => t(c.kind === 'amount' ? 'kind.amount' : 'kind.count').replace(/\s*\(.*\)$/, '').toLowerCase();
    const names = added.map((c) => c.label + ' (' + kind(c) + ')').join(', ');
    const said = (added.length === 0 ? t('paste.done', { rows: pasted })
      : t(added.length === 1 ? 'paste.done.column' : 'paste.done.columns', { rows: pasted, n: added.length, names }))
      + (gone ? ' ' + t('paste.done.default_gone', { name: gone }) : '');
    if (path) focusSelector([byPath(path)]);
    offerPasteUndo(said, before);
  }

  // The outcome of a paste, said where the table is, with Ångra: the
  // columns, rows and key as they were before it.
  function offerPasteUndo(said, before) {
    const toast = toastOf('recipients');
    const path = store.path;
    undoDocument = store.scenario;
    toast.show(() => [said, t('scenarios.undo'), t('paste.undo.of')], () => {
      if (store.scenario !== undoDocument || store.path !== path) return;
      store.mutateLevel((s) => {
        for (const key of ['indicators', 'recipients', 'key']) {
          if (before[key] === undefined) delete s[key];
          else s[key] = before[key];
        }
      });
      announce(t('paste.undone'));
    }, UNDO_MS);
    announce(said);
  }

  // ---- toolbar -----------------------------------------------------------

  // The picker says what is open: an example by its name, or the user's own
  // work ("Egen fördelning", or its title) while it is not an example.
  // `follow`: show what is open now, not what was last chosen in the list.
  let pickerShows; // the example id (or null) the picker was last drawn for
  function renderPicker(follow) {
    const picker = $('example-picker');
    const current = picker.value;
    while (picker.firstChild) picker.removeChild(picker.firstChild);
    pickerShows = store.exampleId || null;
    if (!store.exampleId && store.scenario) {
      const title = typeof store.scenario.title === 'string' ? store.scenario.title.trim() : '';
      const own = document.createElement('option');
      own.value = '';
      own.disabled = true;
      own.setAttribute('data-user', 'true');
      own.textContent = title ? t('picker.own.titled', { title }) : t('picker.own');
      picker.appendChild(own);
    }
    for (const example of examples) {
      const label = i18n.has('example.' + example.id) ? t('example.' + example.id) : (example.scenario && example.scenario.title) || example.id;
      const option = document.createElement('option');
      option.value = example.id;
      option.textContent = label;
      picker.appendChild(option);
    }
    if (follow || !current) picker.value = store.exampleId || '';
    else picker.value = current;
    if (picker.selectedIndex < 0) picker.value = store.exampleId || DEFAULT_EXAMPLE;
  }

  function switchLanguage() {
    i18n.setLang(i18n.lang() === 'sv' ? 'en' : 'sv');
    Fordela.storage.set('lang', i18n.lang());
    applyLanguage();
    announce(t('announce.language'));
  }

  function applyLanguage() {
    i18n.applyStatic(document);
    for (const toast of Object.values(toasts)) toast.relabel();
    summaryView.reset();
    renderPicker();
    if (store.scenario) renderAll();
    else renderResult();
  }

  function saveFile() {
    const text = JSON.stringify(store.scenario, null, 2) + '\n';
    const blob = new Blob([text], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    const slug = String(store.scenario.title || 'fordela').toLowerCase()
      .normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
    a.href = url;
    a.download = (slug || 'fordela') + '.json';
    document.body.appendChild(a);
    a.click();
    a.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  function openFile(event) {
    const file = event.target.files && event.target.files[0];
    event.target.value = '';
    if (!file) return;
    // Opened as a new scenario in the list; a file that is not one says so.
    Fordela.workspace.openFile(file);
  }

  function copyResult() {
    if (!lastGood) return;
    const status = $('copy-status');
    // The table on screen is then an earlier computation: it must not
    // reach a decision paper as if it were this one.
    if (errorCount > 0) {
      Fordela.workspace.status(t('copy.errors'));
      return;
    }
    Fordela.clipboard.copyResult(lastGood.result, lastGood.scenario).then((ok) => {
      status.textContent = ok ? t('copy.done') : t('copy.failed');
      window.setTimeout(() => { status.textContent = ''; }, 6000);
    });
  }

  function bindEvents() {
    const main = $('main');
    main.addEventListener('input', onInput);
    main.addEventListener('change', onChange);
    main.addEventListener('click', onClick);
    // On the document: a paste into a new scenario may come with no field focused.
    document.addEventListener('paste', onPaste);
    $('open-example').addEventListener('click', () => {
      $('notice').hidden = true; // what it said was about the work this replaces
      if (openExample($('example-picker').value)) announce(t('announce.opened', { name: $('example-picker').selectedOptions[0].textContent }));
    });
    $('new-scenario').addEventListener('click', () => {
      lastGood = null;
      store.replace(blankScenario(), null);
      setHash('');
      focusSelector([byPath('/title')]);
    });
    $('save-file').addEventListener('click', saveFile);
    $('open-file').addEventListener('click', () => $('file-input').click());
    $('file-input').addEventListener('change', openFile);
    $('print').addEventListener('click', () => window.print());
    $('print-result').addEventListener('click', () => window.print());
    $('copy-result').addEventListener('click', copyResult);
    $('lang-switch').addEventListener('click', switchLanguage);
    $('copy-link').addEventListener('click', copyLink);
    window.addEventListener('hashchange', () => {
      const id = hashExample();
      if (id && id !== store.exampleId) openExample(id);
      const shared = hashScenario();
      if (shared) openLink(shared);
    });
  }

  store.subscribe((change) => {
    if (change.kind === 'replace') {
      for (const toast of Object.values(toasts)) toast.hide();
      undoDocument = null;
      lastGood = null;
      lastRoot = null;
      findings = [];
      levelFindings = { own: [], other: [] };
      errorCount = 0;
      // The result of what was open goes at once, before anything else
      // can fail: it is not this document's.
      renderResult();
      // A scenario that uses requisition opens with that part shown.
      const recipients = store.scenario.recipients || [];
      $('requisition-details').open = recipients.some((r) => r.requisitioned === false || r.opted_in === true || r.requisition_date);
      renderEditor();
      if (coreReady) renderPicker(true);
      computeNow();
      return;
    }
    if (!store.exampleId && location.hash) setHash('');
    if (coreReady && (pickerShows !== (store.exampleId || null) || /^\/title$/.test(change.path || ''))) renderPicker(true);
    $('link-status').hidden = true;
    if (change.kind === 'structure') renderEditor();
    else renderEditor(dependentViews(change.path.startsWith(store.path) ? change.path.slice(store.path.length) : change.path));
    scheduleCompute();
  });

  function start() {
    i18n.setLang(Fordela.storage.get('lang') === 'en' ? 'en' : 'sv');
    i18n.applyStatic(document);
    createViews();
    bindEvents();
    renderResult();
    Fordela.workspace.init({ store, showNotice, announce, openLevel, openDefault: () => openExample(DEFAULT_EXAMPLE) });
    Fordela.core.load().then(() => {
      coreReady = true;
      $('core-version').textContent = Fordela.core.version();
      examples = Fordela.core.examples();
      if (!Array.isArray(examples)) examples = [];
      renderPicker();
      const wanted = hashExample();
      if (wanted && openExample(wanted)) return null;
      const shared = hashScenario();
      return shared ? openLink(shared) : false;
    }).then((opened) => {
      if (opened !== false) return;
      if (Fordela.workspace.restore()) return;
      if (!openExample(DEFAULT_EXAMPLE) && examples.length) openExample(examples[0].id);
    }).catch((e) => {
      const message = e && e.message ? e.message : String(e);
      showNotice(t(coreReady ? 'notice.core_failed' : 'notice.core_missing', { message }));
    });
  }

  // Whether the page still has work queued: a recomputation waiting for the
  // typing to pause, or a change waiting to be saved. Tests wait on this
  // instead of a number of milliseconds that a slower machine would miss.
  Fordela.busy = () => computeTimer !== null || Fordela.workspace.saving();

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})(window.Fordela = window.Fordela || {});
