// The page's one loop: an edit changes the document (web/page-store.js) →
// the core computes it (debounced while typing) → derive() builds the one
// derived state → every view renders from the document and that state.
// Nothing else keeps findings, errors or the last good result.
import { core } from './core.js';
import * as decision from './decision.js';
import { rememberFocus, restoreFocus } from './focus.js';
import { t } from './i18n.js';
import { resetImport } from './import.js';
import * as levels from './levels.js';
import { showNotice } from './notices.js';
import { store } from './page-store.js';
import { documentChanged } from './toolbar.js';
import { forgetUndo } from './undo.js';
import { ChartView } from './views/chart.js';
import { FindingsView } from './views/findings.js';
import { KeyView, EarmarksView, RoundingView } from './views/key.js';
import { AboutView, PotView } from './views/pot.js';
import { IndicatorsView, RecipientsView, RequisitionView, CostsView } from './views/recipients.js';
import { drawWhenOpen } from './views/deferred.js';
import { SummaryView, ResultView } from './views/result.js';
import { VirtualRows } from './views/virtual-rows.js';
import * as workspace from './workspace.js';

const COMPUTE_DELAY_MS = 100;
// The inputs of a cost-built item that its name follows.
const NAMED_BY_COST = /^\/recipients\/\d+\/cost\/(posts|other\/\d+\/name)$/;

const $ = (id) => document.getElementById(id);

let coreReady = false;
let computeTimer = null;
// What the last computation left: the whole document's last good result
// ({result, scenario}, kept while later edits have errors), its findings
// and how many errors there are now.
let computed = { root: null, findings: [], errors: 0 };
let state = null; // derive()'s, from startLoop() on

let editor;
let findingsView;
let summaryView;
let resultView;
let chartView;

// ---- the derived state ---------------------------------------------------

// The one derived state, from what the core said and the level being
// edited: {root, good (the level's part of root: what the result views
// show), findings, levelFindings {own, other}, errors, warnings}.
function derive() {
  const { root, findings, errors } = computed;
  return {
    root,
    good: root ? levelGood(root) : null,
    findings,
    levelFindings: levels.splitFindings(findings, store.path),
    errors,
    warnings: findings.filter((f) => f.severity === 'warning').length,
  };
}

// The level's part of the last good result, for the result views.
function levelGood(root) {
  const result = levels.resultAt(root.result, store.path);
  const scenario = levels.at(root.scenario, store.path);
  return result && scenario ? { result, scenario } : null;
}

// ---- the views -----------------------------------------------------------

function createViews() {
  editor = {
    about: new AboutView($('about')),
    pot: new PotView($('pot')),
    indicators: new IndicatorsView($('indicators')),
    recipients: new RecipientsView($('recipients')),
    requisition: new RequisitionView($('requisition')),
    costs: new CostsView($('costs')),
    key: new KeyView($('key')),
    earmarks: new EarmarksView($('earmarks')),
    rounding: new RoundingView($('rounding')),
  };
  Object.assign(editor, decision.init());
  // Long documents: the requisition, costs and calendar tables drawn when opened.
  const large = () => Boolean(store.scenario) && VirtualRows.virtual((store.level().recipients || []).length);
  drawWhenOpen(editor.requisition, $('requisition-details'), ['render'], large);
  drawWhenOpen(editor.costs, $('costs-section'), ['render', 'refresh', 'showCosts'], large);
  drawWhenOpen(editor.calendar, $('calendar-details'), ['render', 'refresh'], large);
  findingsView = new FindingsView($('main'), $('findings'));
  summaryView = new SummaryView($('summary'), $('live-summary'));
  resultView = new ResultView($('result'));
  chartView = new ChartView($('chart'));
}

// Which editor views show a value typed elsewhere (names and labels).
function dependentViews(path) {
  if (/^\/recipients\/\d+\/name$/.test(path)) return ['requisition', 'costs', 'calendar'];
  if (/^\/indicators\/\d+\/label$/.test(path)) return ['recipients', 'key', 'earmarks'];
  // An item's name follows its costs (part-names.js).
  if (NAMED_BY_COST.test(path)) return ['recipients', 'requisition', 'calendar', 'costs'];
  return [];
}

function renderEditor(only) {
  if (!store.scenario || (only && only.length === 0)) return;
  // The editors edit the level being edited (levels.js), with paths relative to it.
  const scenario = store.level();
  const context = decision.levelContext(state);
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
  findingsView.decorate(state.levelFindings.own);
}

function renderResult() {
  summaryView.render(state);
  // The items' costs only from a result of the scenario as it is now.
  editor.costs.showCosts(state.good && state.errors === 0 ? state.good.result : null);
  resultView.render(state);
  chartView.render(state);
  findingsView.renderSummary(decision.summaryFindings(state.levelFindings));
  decision.render(state);
  $('copy-result').disabled = !state.good;
  $('result-section').classList.toggle('has-errors', state.errors > 0);
}

function renderAll() {
  renderEditor();
  renderResult();
}

// The language changed: everything is drawn again.
function relabel() {
  summaryView.reset();
  if (store.scenario) renderAll();
  else renderResult();
}

// ---- computing -----------------------------------------------------------

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
    result = core.compute(store.scenario);
  } catch (e) {
    // No result then: the one on screen would be an earlier document's.
    computed = { root: null, findings: computed.findings, errors: Math.max(computed.errors, 1) };
    state = derive();
    renderResult();
    showNotice(t('notice.core_failed', { message: e.message }));
    return;
  }
  const findings = Array.isArray(result.findings) ? result.findings : [];
  if (result.ok && result.recipients && result.totals) {
    computed = { root: { result, scenario: JSON.parse(JSON.stringify(store.scenario)) }, findings, errors: 0 };
  } else {
    // The last good result stays on screen, marked as not this document's.
    computed = { root: computed.root, findings, errors: Math.max(findings.filter((f) => f.severity === 'error').length, 1) };
  }
  state = derive();
  findingsView.decorate(state.levelFindings.own);
  renderResult();
}

// Shows another level of the document in the editors and the result.
function openLevel(path) {
  store.setLevel(path);
  workspace.keepLevel();
  state = derive();
  renderAll();
}

// ---- the document changed ----------------------------------------------------

function onDocumentChange(change) {
  if (change.kind === 'replace') {
    forgetUndo();
    resetImport();
    computed = { root: null, findings: [], errors: 0 };
    state = derive();
    // What the decision views hold of the document before goes first.
    decision.replaced();
    // The result of what was open goes at once, before anything else
    // can fail: it is not this document's.
    renderResult();
    // A scenario that uses requisition opens with that part shown.
    const recipients = store.scenario.recipients || [];
    $('requisition-details').open = recipients.some((r) => r.requisitioned === false || r.opted_in === true || r.requisition_date);
    renderEditor();
    documentChanged(change, coreReady);
    computeNow();
    return;
  }
  documentChanged(change, coreReady);
  if (change.kind === 'structure') renderEditor();
  else renderEditor(dependentViews(change.path.startsWith(store.path) ? change.path.slice(store.path.length) : change.path));
  scheduleCompute();
}

// ---- start ---------------------------------------------------------------------

function startLoop() {
  state = derive();
  createViews();
  store.subscribe(onDocumentChange);
  renderResult();
}

function coreLoaded() {
  coreReady = true;
}

function showFinding(path) {
  findingsView.focusPath(path);
}

function currentState() {
  return state;
}

// Whether the page still has work queued: a recomputation waiting for the
// typing to pause, or a change waiting to be saved. Tests wait on this
// instead of a number of milliseconds that a slower machine would miss.
function busy() {
  return computeTimer !== null || workspace.saving();
}

// A long table draws only the rows in view: a recipient added at its end
// is brought there.
function revealRecipient(n) {
  editor.recipients.reveal(n);
}

export { revealRecipient, startLoop, coreLoaded, computeNow, openLevel, relabel, showFinding, currentState, busy, NAMED_BY_COST };
