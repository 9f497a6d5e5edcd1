// Keeping and sharing the work: autosave of every change to the named
// scenarios in this browser, the list to switch, rename, duplicate and
// delete them (with undo), links that carry a scenario, scenario files,
// and the result saved as CSV or JSON. It watches the document
// (web/page-store.js) as the loop does, and is called by the toolbar.
import * as clipboard from './clipboard.js';
import { clock } from './clock.js';
import { core } from './core.js';
import { fromText, MAX_RECIPIENTS, canonical } from './document.js';
import { clear, h } from './dom.js';
import * as files from './files.js';
import * as format from './format.js';
import * as home from './home.js';
import * as i18n from './i18n.js';
import { t } from './i18n.js';
import * as levels from './levels.js';
import { library } from './library.js';
import * as link from './link.js';
import { openLevel } from './loop.js';
import { showNotice, announce } from './notices.js';
import { store } from './page-store.js';
import { storage } from './store.js';
import { DEFAULT_EXAMPLE, openExample } from './toolbar.js';
import { findingMessage } from './views/findings.js';
import { ScenariosView, Toast } from './views/scenarios.js';

  const SAVE_DELAY_MS = 300;
  const UNDO_MS = 10000;
  const LONG_LINK = 2000; // Teams refuses links over 2 048 characters; Outlook may cut at about 1 000

  const $ = (id) => document.getElementById(id);

  let pending = null; // {scenario, id}: work changed since it was last written
  // {id, text}: the stored text the open work was read from or last wrote.
  // Another tab that saves the same scenario changes the stored text: this
  // tab then takes that change in, or keeps it beside its own (flush).
  let base = null;
  let saveTimer = null;
  let saveProblem = null; // 'full' | 'blocked' while saving fails
  let lastSaved = null;
  let scenariosView = null;
  let toast = null;

  // ---- saving ----------------------------------------------------------------

  // Work gets its id at its first change, so that every later write (and a
  // retry after a failure) updates the same entry.
  function changed() {
    if (!store.entryId) {
      store.entryId = library.newId();
      keepLevel(); // an example edited on a sub-level is that level's work from now on
    }
    pending = { scenario: store.scenario, id: store.entryId };
  }

  function onStoreChange(change) {
    if (change.kind === 'replace') {
      // What was open is written before anything else takes its place (the
      // store already holds the new scenario; pending keeps the old one).
      flush();
      base = store.entryId ? { id: store.entryId, text: library.stored(store.entryId) } : null;
      // New work (a link, a file, a blank scenario) is listed at once; a
      // saved scenario or an example opened as it is needs no writing.
      if (!store.exampleId && !store.entryId) {
        changed();
        flush();
      }
      render();
      return;
    }
    changed();
    window.clearTimeout(saveTimer);
    saveTimer = window.setTimeout(flush, SAVE_DELAY_MS);
  }

  // Writes the pending change now. When another tab saved the same
  // scenario since this one read it, its version is not overwritten: it is
  // kept as a scenario of its own next to this one, and the user is told.
  function flush() {
    window.clearTimeout(saveTimer);
    saveTimer = null;
    if (!pending) return;
    const stored = library.stored(pending.id);
    if (base && base.id === pending.id && stored !== null && stored !== base.text) keepOther(pending.id, stored);
    if (library.save(pending.id, pending.scenario)) {
      base = { id: pending.id, text: library.stored(pending.id) };
      pending = null;
      lastSaved = clock.now();
      if (saveProblem) {
        saveProblem = null;
        announce(t('save.again'));
      }
    } else {
      saveProblem = storage.lastError || 'blocked';
    }
    render();
  }

  // The version another tab saved while this one had changes pending, as
  // "<title> (annan flik)" right after the scenario.
  function keepOther(id, text) {
    const other = fromText(text);
    if (!other.ok) return;
    other.scenario.title = t('scenarios.other_tab_title', { name: titleOf(other.scenario) });
    if (library.save(library.newId(), other.scenario, { after: id, notCurrent: true })) {
      showNotice(t('save.conflict', { name: other.scenario.title }), 'warning');
    } else {
      saveProblem = storage.lastError || 'blocked';
    }
  }

  function titleOf(scenario) {
    return (typeof scenario.title === 'string' && scenario.title.trim()) || t('scenarios.untitled');
  }

  // Another tab saved the scenario open here: with nothing pending here,
  // its version replaces what is shown (on the same level); with changes
  // pending, the next save keeps both (flush).
  function savedElsewhere(id, text) {
    if (text === null || pending || (base && base.id === id && base.text === text)) return;
    const read = fromText(text);
    if (!read.ok) return;
    const path = store.path;
    store.replace(read.scenario, null, id);
    if (path && levels.at(store.scenario, path)) openLevel(path);
    announce(t('save.from_other_tab'));
  }

  function renderSaveState() {
    const problem = $('save-problem');
    if (saveProblem) {
      clear(problem);
      problem.appendChild(document.createTextNode(t('save.' + saveProblem) + ' '));
      const button = h('button', { type: 'button', class: 'button small secondary' }, t('toolbar.save'));
      button.addEventListener('click', () => $('save-file').click());
      problem.appendChild(button);
      problem.hidden = false;
    } else {
      problem.hidden = true;
    }
    const status = $('save-status');
    if (saveProblem) status.textContent = t('save.failed');
    else if (store && store.exampleId) status.textContent = t('save.example');
    else if (lastSaved) status.textContent = t('save.saved', { time: new Intl.DateTimeFormat(i18n.lang() === 'en' ? 'en-GB' : 'sv-SE', { timeStyle: 'short' }).format(lastSaved) });
    else status.textContent = t('save.auto');
  }

  function render(force) {
    if (!scenariosView) return; // before init()
    renderSaveState();
    scenariosView.render({
      entries: library.entries(),
      currentId: store.exampleId ? null : store.entryId,
      example: Boolean(store.exampleId),
    }, force);
  }

  // ---- messages ----------------------------------------------------------------

  const count = (n) => format.number(n);

  // The message about a document that cannot be opened ({problem, version,
  // count, findings} from document.migrate), under prefix ('file.problem.',
  // 'link.problem.', 'scenarios.problem.'): with the recipients counted and
  // the limit, and the core's own messages for fields of the wrong type.
  function problemText(prefix, read, args) {
    const text = t(prefix + read.problem, Object.assign({
      version: read.version,
      n: read.count === undefined ? undefined : count(read.count),
      max: count(MAX_RECIPIENTS),
      cli_max: cliMax(),
    }, args));
    const detail = (read.findings || []).map((f) => findingMessage(f)).join(' ');
    return detail ? text + ' ' + detail : text;
  }

  // The name of an encoding a file was read in other than UTF-8, or ''.
  function readAs(encoding) {
    return encoding && encoding !== 'utf-8' ? t('file.encoding.' + encoding) : '';
  }

  // A paste or an import past the limit: key with the count and the limit.
  function limitText(key, n) {
    return t(key, { n: count(n), max: count(MAX_RECIPIENTS), cli_max: cliMax() });
  }

  // What the command-line tool takes: the core's own limit.
  function cliMax() {
    return count(core.ready() ? core.limits().max_recipients : 1000000);
  }

  // ---- the list ----------------------------------------------------------------

  function clearHash() {
    if (!location.hash) return;
    try {
      history.replaceState(null, '', location.href.split('#')[0]);
    } catch (e) { /* some file:// setups refuse; the hash is a convenience */ }
  }

  function entryName(id) {
    const entry = library.entries().find((e) => e.id === id);
    return (entry && entry.title) || t('scenarios.untitled');
  }

  function openEntry(id) {
    flush();
    if (id === store.entryId && !store.exampleId) return true;
    const read = library.read(id);
    if (!read.ok) {
      showNotice(entryProblem(id, read), 'warning');
      return false;
    }
    library.setCurrent(id);
    clearHash();
    replaceWithEntry(read.scenario, id);
    announce(t('scenarios.opened', { name: entryName(id) }));
    return true;
  }

  function rename(id, title) {
    if (id === store.entryId && !store.exampleId) {
      store.mutate((s) => { s.title = title; });
      flush();
    } else {
      const read = library.read(id);
      if (!read.ok) return;
      read.scenario.title = title;
      if (!library.save(id, read.scenario, { notCurrent: true })) saveProblem = storage.lastError || 'blocked';
      render();
    }
    announce(t('scenarios.renamed', { name: title }));
  }

  function duplicate(id) {
    flush();
    const source = id === store.entryId && !store.exampleId ? { ok: true, scenario: store.scenario } : library.read(id);
    if (!source.ok) return;
    const copy = JSON.parse(JSON.stringify(source.scenario));
    copy.title = t('scenarios.copy_title', { name: entryName(id) });
    const copyId = library.newId();
    if (!library.save(copyId, copy, { after: id })) {
      saveProblem = storage.lastError || 'blocked';
      render();
      return;
    }
    clearHash();
    store.replace(copy, null, copyId);
    scenariosView.focus(copyId, 'open');
    announce(t('scenarios.duplicated', { name: copy.title }));
  }

  function remove(id) {
    flush();
    const name = entryName(id);
    const removed = library.remove(id);
    if (!removed) {
      saveProblem = storage.lastError || 'blocked';
      render();
      return;
    }
    if (id === store.entryId && !store.exampleId) {
      const rest = library.entries();
      const next = rest[Math.min(removed.at, rest.length - 1)];
      if (!next || !openEntry(next.id)) openExample(DEFAULT_EXAMPLE);
    }
    render();
    const undo = toast.show(() => [t('scenarios.deleted', { name }), t('scenarios.undo'), t('scenarios.undo.of', { name })], () => {
      if (!library.undo(removed)) {
        saveProblem = storage.lastError || 'blocked';
        render();
        return;
      }
      if (removed.wasCurrent) openEntry(removed.line.id);
      render();
      scenariosView.focus(removed.line.id, 'open');
      announce(t('scenarios.restored', { name }));
    }, UNDO_MS);
    undo.focus();
  }

  // Focus that was on the toast's button when it went goes to the list.
  function afterToast(hadFocus) {
    if (!hadFocus) return;
    const first = document.querySelector('#scenarios [data-scenario-action="open"]');
    if (first) first.focus();
    else $('scenarios-details').querySelector('summary').focus();
  }

  // The level being edited is kept with its saved work (not in the
  // document: it is where the user is, not part of the decision), so that
  // a reload opens the work where it was left.
  function keepLevel() {
    if (!store || !store.entryId) return;
    if (store.path) storage.set('level.' + store.entryId, store.path);
    else storage.remove('level.' + store.entryId);
  }

  // A saved allocation in place of the work open, on the level it was left on.
  function replaceWithEntry(scenario, id) {
    store.replace(scenario, null, id);
    const path = storage.get('level.' + id);
    if (path && levels.at(store.scenario, path)) openLevel(path);
  }

  // ---- starting ----------------------------------------------------------------

  // Why a saved scenario does not open.
  function entryProblem(id, read) {
    const known = read.problem === 'too-many-recipients' || read.problem === 'wrong-type';
    return known ? problemText('scenarios.problem.', read, { name: entryName(id) }) : t('scenarios.unreadable', { name: entryName(id) });
  }

  // Opens the current saved scenario (the last one worked on); false when
  // there is none. The current one not opening is said; the next is opened.
  function restore() {
    const current = library.current();
    const ids = [current].concat(library.entries().map((e) => e.id)).filter(Boolean);
    for (const id of ids) {
      const read = library.read(id);
      if (!read.ok) {
        if (id === current) showNotice(entryProblem(id, read), 'warning');
        continue;
      }
      replaceWithEntry(read.scenario, id);
      return true;
    }
    render();
    return false;
  }

  // ---- links -------------------------------------------------------------------

  // The message about a link; kept as a key so the language switch can say
  // it again in the other language.
  let linkMessage = null;

  function linkStatus(key, args, kind, url, offerFile, askHome) {
    linkMessage = { key, args, kind, url, offerFile, askHome };
    const text = t(key, args);
    const status = $('link-status');
    clear(status);
    status.className = 'notice link-box ' + kind;
    status.appendChild(h('span', { class: 'link-text', text }));
    if (url) {
      const field = h('input', { type: 'text', id: 'link-field', class: 'input link-field', readonly: true, value: url, 'aria-label': t('link.field'), spellcheck: 'false' });
      field.addEventListener('focus', () => field.select());
      status.appendChild(field);
    }
    if (offerFile) {
      const save = h('button', { type: 'button', class: 'button small secondary' }, t('toolbar.save'));
      save.addEventListener('click', () => $('save-file').click());
      status.appendChild(save);
    }
    if (askHome) status.appendChild(homeForm());
    status.hidden = false;
  }

  // The page's public address, asked for where links would name a file on
  // this computer (home); kept in this browser, then the link is
  // made again on it.
  function homeForm() {
    const field = h('input', { type: 'url', id: 'home-field', class: 'input link-field', placeholder: 'https://', spellcheck: 'false' });
    const use = h('button', { type: 'button', id: 'home-use', class: 'button small secondary' }, t('link.home.use'));
    use.addEventListener('click', () => {
      if (home.choose(field.value)) copyLink();
      else linkStatus('link.home.invalid', null, 'warning', null, true, true);
    });
    return h('span', { class: 'link-home' }, [h('label', { for: 'home-field', text: t('link.home.label') }), field, use]);
  }

  async function copyLink() {
    $('link-status').removeAttribute('data-length');
    if (!link.supported()) {
      linkStatus('link.unsupported', null, 'warning', null, true);
      return;
    }
    let url;
    try {
      url = home.linkBase() + '#' + (await link.encode(store.scenario));
    } catch (e) {
      linkStatus('link.failed', null, 'warning', null, true);
      return;
    }
    const copied = await clipboard.copyText(url);
    const n = count(url.length);
    const long = url.length > LONG_LINK;
    const local = !home.address();
    if (local) linkStatus(copied ? 'link.local' : 'link.not_copied', { n }, 'warning', url, true, true);
    else if (!copied) linkStatus('link.not_copied', { n }, 'warning', url, long);
    else if (long) linkStatus('link.long', { n }, 'warning', url, true);
    else linkStatus('link.copied', { n }, 'info', url, false);
    $('link-status').setAttribute('data-length', String(url.length));
  }

  // A link from the address ({version, payload}, link.fromHash):
  // opened as a new scenario in the list, next to the work already there.
  // A link that cannot be read says why and changes nothing.
  async function openLink(shared) {
    const read = await link.decode(shared);
    clearHash();
    if (!read.ok) {
      $('link-status').hidden = true;
      showNotice(problemText('link.problem.', read) + ' ' + t('link.kept'), 'error');
      return false;
    }
    flush();
    store.replace(read.scenario, null, null);
    linkStatus('link.opened', { name: read.scenario.title || t('scenarios.untitled') }, 'info', null, false);
    return true;
  }

  // ---- files -------------------------------------------------------------------

  function openFile(file) {
    return files.readScenario(file).then((read) => {
      if (!read.ok) {
        const problem = read.problem === 'not-json' && /\.(csv|tsv|txt)$/i.test(file.name) ? 'csv' : read.problem;
        showNotice(problemText('file.problem.', Object.assign({}, read, { problem }), { name: file.name }), 'error');
        return false;
      }
      $('notice').hidden = true;
      flush();
      clearHash();
      // A file of work already in the list: the same title and content is
      // that work, opened from the list; the same title with other content
      // asks which to have (library entries are named by title).
      const same = sameTitled(read.scenario);
      if (same.identical) {
        openEntry(same.identical);
        showNotice(t('file.same.opened', { name: file.name, title: entryName(same.identical) }), 'info');
        return true;
      }
      if (same.other) {
        offerBoth(file, read, same.other);
        return true;
      }
      openNew(file, read);
      return true;
    });
  }

  function openNew(file, read) {
    store.replace(read.scenario, null, null);
    announce(t('file.opened', { name: file.name }));
    if (readAs(read.encoding)) showNotice(t('file.read_as', { name: file.name, encoding: readAs(read.encoding) }), 'info');
  }

  // {identical, other}: the id of the listed work with the scenario's title
  // (or its numbered copy, "Budget (2)") and the same content, else of the
  // first with that title and other content.
  function sameTitled(scenario) {
    const title = titleOf(scenario);
    // As the core writes it: a file saved elsewhere (keys in another order,
    // "5 000 000" for 5000000) compares as the same work.
    const untitled = (s) => JSON.stringify(canonical(Object.assign({}, s, { title: '' })));
    const found = { identical: null, other: null };
    let text = null;
    for (const entry of library.entries()) {
      const listedTitle = entry.title || t('scenarios.untitled');
      const numbered = listedTitle.startsWith(title + ' (') && /^ \(\d+\)$/.test(listedTitle.slice(title.length));
      if (listedTitle !== title && !numbered) continue;
      const listed = library.read(entry.id);
      if (!listed.ok) continue;
      text = text === null ? untitled(scenario) : text;
      if (untitled(listed.scenario) === text) return { identical: entry.id, other: null };
      if (!numbered) found.other = found.other || entry.id;
    }
    return found;
  }

  // "Budget (2)", or the next number free in the list.
  function numberedTitle(title) {
    const taken = new Set(library.entries().map((e) => e.title));
    for (let n = 2; ; n += 1) {
      const name = t('file.same.numbered', { title, n });
      if (!taken.has(name)) return name;
    }
  }

  // Same title, other content: open the one in the list, or keep both with
  // the file's copy numbered. Until a choice, the work open stays open.
  function offerBoth(file, read, id) {
    const notice = $('notice');
    clear(notice);
    notice.className = 'notice warning link-box';
    notice.appendChild(h('span', { class: 'link-text', text: t('file.same.differs', { name: file.name, title: entryName(id) }) }));
    const done = () => { notice.hidden = true; clear(notice); };
    const openListed = h('button', { type: 'button', id: 'file-same-open', class: 'button small' }, t('file.same.open'));
    openListed.addEventListener('click', () => {
      done();
      openEntry(id);
    });
    const keep = h('button', { type: 'button', id: 'file-same-keep', class: 'button small secondary' }, t('file.same.keep'));
    keep.addEventListener('click', () => {
      done();
      read.scenario.title = numberedTitle(titleOf(read.scenario));
      flush();
      openNew(file, read);
      announce(t('file.same.kept', { name: file.name, title: read.scenario.title }));
    });
    notice.appendChild(openListed);
    notice.appendChild(keep);
    notice.hidden = false;
    openListed.focus();
  }

  function currentResult() {
    const result = core.compute(store.scenario);
    return result && result.ok && Array.isArray(result.recipients) ? result : null;
  }

  // A message beside the result's buttons (copy, exports), gone after a
  // while unless another took its place.
  function exportStatus(text) {
    const status = $('copy-status');
    status.textContent = text;
    window.setTimeout(() => { if (status.textContent === text) status.textContent = ''; }, 8000);
  }

  function exportResult(kind) {
    const result = currentResult();
    if (!result) {
      exportStatus(t('export.errors'));
      return;
    }
    // The CSV is the table on screen: the level being edited (a sub-level's
    // rows and totals); the JSON is the core's whole result, every level.
    const path = store.path;
    const title = files.slug(store.scenario.title);
    if (kind === 'csv') {
      const chain = levels.chain(store.scenario, path, null);
      const below = path ? '-' + files.slug(chain[chain.length - 1].name) : '';
      const level = levels.resultAt(result, path);
      files.download(core.resultCsv(level, store.level(), i18n.lang()), title + below + '-' + t('export.suffix') + '.csv', 'text/csv;charset=utf-8');
      exportStatus(t('export.csv_done'));
    } else {
      files.download(JSON.stringify(result, null, 2) + '\n', title + '-' + t('export.suffix') + '.json', 'application/json');
      exportStatus(t('export.json_done'));
    }
  }

  // ---- wiring ------------------------------------------------------------------

  function init() {
    scenariosView = new ScenariosView($('scenarios'), $('scenarios-count'), { open: openEntry, rename, duplicate, remove });
    toast = new Toast($('scenarios-toast'), afterToast);
    store.subscribe(onStoreChange);
    // Tell the user at once when nothing can be kept here, before they work.
    if (!storage.available()) saveProblem = storage.lastError || 'blocked';
    library.load();
    $('export-csv').addEventListener('click', () => exportResult('csv'));
    $('export-json').addEventListener('click', () => exportResult('json'));
    // A closed tab or a switch to another program: write what is pending.
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') flush();
    });
    // Another tab changed the list, or the scenario open here.
    window.addEventListener('storage', (event) => {
      if (event.key && !event.key.startsWith(storage.PREFIX)) return;
      const id = event.key ? library.entryOf(event.key.slice(storage.PREFIX.length)) : null;
      if (id && id === store.entryId && !store.exampleId) savedElsewhere(id, event.newValue);
      render();
    });
    render();
  }

  // What this file draws, in the language just chosen.
  function relabel() {
    render(true);
    toast.relabel();
    const status = $('link-status');
    if (linkMessage && !status.hidden) {
      const m = linkMessage;
      linkStatus(m.key, m.args, m.kind, m.url, m.offerFile, m.askHome);
    }
  }

  // The language chosen last, kept in this browser ('sv' unless 'en').
  function keptLanguage() {
    return storage.get('lang') === 'en' ? 'en' : 'sv';
  }

  function keepLanguage(lang) {
    storage.set('lang', lang);
  }

  // Whether a change waits to be written (tests wait for it, not for a time).
  function saving() {
    return saveTimer !== null;
  }

export { saving, init, relabel, keptLanguage, keepLanguage, restore, flush, keepLevel, exportStatus as status, openLink, copyLink, openFile, limitText, readAs };
