// The toolbar and the page's address: the examples and their picker, a
// new scenario, opening and saving a file, the link, printing, copying the
// result, the language; and the address's #example=… or shared link,
// followed when it changes.
import * as clipboard from './clipboard.js';
import { focusSelector, byPath } from './focus.js';
import * as i18n from './i18n.js';
import { t } from './i18n.js';
import { relabelImport } from './import.js';
import * as link from './link.js';
import { currentState, relabel } from './loop.js';
import { announce } from './notices.js';
import { store } from './page-store.js';
import { relabelUndo } from './undo.js';
import * as workspace from './workspace.js';

const DEFAULT_EXAMPLE = 'stockholm-2021-model';

const $ = (id) => document.getElementById(id);

let examples = []; // the core's built-in examples, once it is loaded

// ---- examples and the address ------------------------------------------

function exampleList() {
  return examples;
}

function exampleById(id) {
  return examples.find((e) => e.id === id) || null;
}

function openExample(id) {
  const example = exampleById(id);
  if (!example) return false;
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
  return link.fromHash(location.hash);
}

// What opens first, once the core is loaded: the example or the shared
// link in the address, else the work open last time, else the default
// example. A link opens as a new scenario in the list, beside the work
// already there; one that cannot be read says why and changes nothing.
function openFirst(list) {
  examples = Array.isArray(list) ? list : [];
  renderPicker();
  const wanted = hashExample();
  if (wanted && openExample(wanted)) return Promise.resolve(null);
  const shared = hashScenario();
  return Promise.resolve(shared ? workspace.openLink(shared) : false).then((opened) => {
    if (opened !== false) return;
    if (workspace.restore()) return;
    if (!openExample(DEFAULT_EXAMPLE) && examples.length) openExample(examples[0].id);
  });
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

// ---- the picker ------------------------------------------------------------

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

// The document changed (web/loop.js calls this): the picker and the
// address follow it, and a link shown for it is no longer its link.
function documentChanged(change, coreReady) {
  if (change.kind === 'replace') {
    if (coreReady) renderPicker(true);
    return;
  }
  if (!store.exampleId && location.hash) setHash('');
  if (coreReady && (pickerShows !== (store.exampleId || null) || /^\/title$/.test(change.path || ''))) renderPicker(true);
  $('link-status').hidden = true;
}

// ---- the buttons -------------------------------------------------------------

function switchLanguage() {
  i18n.setLang(i18n.lang() === 'sv' ? 'en' : 'sv');
  workspace.keepLanguage(i18n.lang());
  applyLanguage();
  announce(t('announce.language'));
}

// Everything drawn is drawn again in the language now chosen.
function applyLanguage() {
  i18n.applyStatic(document);
  relabelUndo();
  renderPicker();
  relabel();
  workspace.relabel();
  relabelImport();
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
  workspace.openFile(file);
}

function copyResult() {
  const { good, errors } = currentState();
  if (!good) return;
  const status = $('copy-status');
  // The table on screen is then an earlier computation: it must not
  // reach a decision paper as if it were this one.
  if (errors > 0) {
    workspace.status(t('copy.errors'));
    return;
  }
  clipboard.copyResult(good.result, good.scenario).then((ok) => {
    status.textContent = ok ? t('copy.done') : t('copy.failed');
    window.setTimeout(() => { status.textContent = ''; }, 6000);
  });
}

function listenToToolbar() {
  $('open-example').addEventListener('click', () => {
    $('notice').hidden = true; // what it said was about the work this replaces
    if (openExample($('example-picker').value)) announce(t('announce.opened', { name: $('example-picker').selectedOptions[0].textContent }));
  });
  $('new-scenario').addEventListener('click', () => {
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
  $('copy-link').addEventListener('click', () => workspace.copyLink());
  window.addEventListener('hashchange', () => {
    const id = hashExample();
    if (id && id !== store.exampleId) openExample(id);
    const shared = hashScenario();
    if (shared) workspace.openLink(shared);
  });
}

export { DEFAULT_EXAMPLE, exampleList, openExample, openFirst, documentChanged, listenToToolbar };
