// Comparing two allocations side by side ("what if 60/40 instead of
// 75/25?"): the level being edited against a copy with another share for
// one component of the key (a slider, live), against a snapshot taken
// before an edit, or against a saved allocation or an example. Every
// amount, difference and per cent comes from the core's compare(); this
// file only lays them out. The comparison shown is copied for Word and
// Excel, saved as CSV (written by the core) and printed as an appendix
// with the rules of A and B side by side.
import * as clipboard from '../clipboard.js';
import { clock } from '../clock.js';
import { core } from '../core.js';
import { h, clear, uniqueId } from '../dom.js';
import * as files from '../files.js';
import * as format from '../format.js';
import * as i18n from '../i18n.js';
import { t } from '../i18n.js';
import { findingMessage } from './findings.js';
import { componentName } from './key.js';
import { ruleList, printedOn } from './result.js';

  const MODES = ['whatif', 'snapshot', 'other'];
  const ANNOUNCE_DELAY_MS = 700;

  function message(finding) {
    return findingMessage(finding);
  }

  function clone(value) {
    return JSON.parse(JSON.stringify(value));
  }

  // hooks: {current() → {doc, path, title} | null, others() → [{value,
  // label, group}], load(value) → scenario | null, apply(shares),
  // announce(text), entryName(path) → level name, storageKey() → the work
  // the snapshot is kept with | null, notes (web/library.js's workNotes,
  // which keep it), openLevel(path) → whether the level could be opened}
  function CompareView(container, hooks) {
    this.container = container;
    this.hooks = hooks;
    this.mode = 'whatif';
    this.whatif = { component: 0, value: null, path: null };
    this.snapshot = null; // {doc, path, time, title}
    this.snapshotFrom = undefined; // the work (storageKey()) this.snapshot belongs to
    this.snapshotUnsaved = false; // its last write to the browser's storage failed
    this.other = '';
    this.controls = h('div', { class: 'compare-controls' });
    this.output = h('div', { class: 'compare-output', id: 'compare-output' });
    this.live = h('p', { class: 'visually-hidden', 'aria-live': 'polite', id: 'compare-live' });
    this.signature = '';
    this.shown = null; // {cmp, docs}: the comparison on screen, for its copy, CSV and print
    this.actions = this.renderActions();
    container.appendChild(this.controls);
    container.appendChild(this.actions);
    container.appendChild(this.output);
    container.appendChild(this.live);
    // Computing two scenarios after every keystroke is wasted while the
    // comparison is off screen: it catches up once it comes into view.
    this.visible = true;
    this.dirty = false;
    if (typeof window.IntersectionObserver === 'function') {
      this.visible = false;
      new window.IntersectionObserver((entries) => {
        // One call can hold several records of the container (in view,
        // then out of it within one frame): the last is where it is now.
        this.visible = entries[entries.length - 1].isIntersecting;
        if (this.visible && this.dirty) this.update();
      }, { rootMargin: '200px 0px' }).observe(container);
    }
  }

  // After every recomputation and level change: the controls are rebuilt
  // only when what they offer changed (never under the user's hands), the
  // comparison always.
  CompareView.prototype.update = function (force) {
    // Off screen only a change of language is shown at once (the page
    // never shows two languages); the comparison itself waits.
    // Which work the snapshot belongs to is followed even off screen: new
    // work gets its saved id at its first edit, and a reload looks there.
    this.syncSnapshot();
    const lang = i18n.lang();
    if (!this.visible && !force && lang === this.lang) {
      this.dirty = true;
      return;
    }
    this.lang = lang;
    this.dirty = false;
    const current = this.hooks.current();
    const key = current ? current.doc.key || [] : [];
    if (this.whatif.path !== (current && current.path)) {
      this.whatif = { component: 0, value: null, path: current ? current.path : null };
    }
    if (this.whatif.component >= key.length) this.whatif = { component: 0, value: null, path: this.whatif.path };
    const signature = JSON.stringify([i18n.lang(), this.mode, key.map((c) => [c.name, c.share]), this.whatif,
      this.hooks.others().map((o) => o.value + o.label), Boolean(this.snapshot), this.snapshot && this.snapshot.time, this.other]);
    if (force || (signature !== this.signature && !this.controls.contains(document.activeElement))) {
      this.signature = signature;
      this.renderControls(current);
    } else if (signature !== this.signature && this.mode === 'whatif') {
      this.syncSlider(current);
    }
    this.renderOutput(current);
  };

  CompareView.prototype.renderControls = function (current) {
    const controls = this.controls;
    clear(controls);
    controls.appendChild(h('p', { class: 'hint', text: t('compare.hint') }));
    const modes = h('fieldset', { class: 'compare-modes' }, [h('legend', { text: t('compare.mode') })]);
    const group = uniqueId('compare-mode');
    for (const mode of MODES) {
      const id = group + '-' + mode;
      const radio = h('input', { type: 'radio', name: group, id, value: mode, checked: this.mode === mode, 'data-compare-mode': mode });
      radio.addEventListener('change', () => {
        if (!radio.checked) return;
        this.mode = mode;
        this.update(true);
        const again = this.controls.querySelector('[data-compare-mode="' + mode + '"]');
        if (again) again.focus();
      });
      modes.appendChild(h('label', { class: 'radio', for: id }, [radio, h('span', { text: t('compare.mode.' + mode) })]));
    }
    controls.appendChild(modes);
    if (!current) return;
    if (this.mode === 'whatif') this.renderWhatif(current);
    else if (this.mode === 'snapshot') this.renderSnapshot(current);
    else this.renderOther();
  };

  // ---- what if: another share for one component ----------------------------

  // The shares of B: the chosen component at `value`, the rest of 100 split
  // among the others in proportion to their present shares, in whole per
  // cent by the core's apportionment.
  CompareView.prototype.sharesFor = function (key, k, value) {
    const others = key.map((c, i) => i).filter((i) => i !== k);
    const shares = key.map((c) => c.share);
    shares[k] = value;
    if (!others.length) return shares;
    let allocation = null;
    try {
      const out = core.apportion({ weights: others.map((i) => String(key[i].share === undefined ? 0 : key[i].share)), units: 100 - value });
      if (out.ok) allocation = out.allocation;
    } catch (e) {
      allocation = null;
    }
    others.forEach((i, n) => { shares[i] = allocation ? allocation[n] : (n === 0 ? 100 - value : 0); });
    return shares;
  };

  CompareView.prototype.renderWhatif = function (current) {
    const key = current.doc.key || [];
    const box = h('div', { class: 'compare-whatif' });
    if (key.length < 2) {
      box.appendChild(h('p', { class: 'hint', text: t('compare.whatif.one') }));
      this.controls.appendChild(box);
      return;
    }
    const k = this.whatif.component;
    const selectId = uniqueId('compare-component');
    const select = h('select', { id: selectId, class: 'select', 'data-compare': 'component' });
    key.forEach((c, i) => select.appendChild(h('option', { value: String(i), selected: i === k, text: componentName(c, i) })));
    select.addEventListener('change', () => {
      this.whatif = { component: Number(select.value), value: null, path: this.whatif.path };
      this.update(true);
      const again = this.controls.querySelector('[data-compare="component"]');
      if (again) again.focus();
    });
    box.appendChild(h('div', { class: 'field' }, [h('label', { for: selectId, text: t('compare.whatif.component') }), select]));

    const rangeId = uniqueId('compare-share');
    const numberId = rangeId + '-number';
    const outputId = rangeId + '-out';
    const start = this.whatif.value === null ? Math.round(Number(key[k].share) || 0) : this.whatif.value;
    const range = h('input', {
      type: 'range', id: rangeId, class: 'range', min: '0', max: '100', step: '1', value: String(start),
      'data-compare': 'share', 'aria-describedby': outputId,
    });
    const number = h('input', {
      type: 'number', id: numberId, class: 'input number short', min: '0', max: '100', step: '1', value: String(start),
      'data-compare': 'share-number', inputmode: 'numeric',
    });
    const out = h('output', { id: outputId, for: rangeId + ' ' + numberId, class: 'compare-shares' });
    // A share typed outside 0–100 or with decimals is tried as the nearest
    // whole per cent in range, and the field says so.
    const adjusted = h('p', { class: 'hint', 'data-compare': 'share-adjusted', 'aria-live': 'polite' });
    const onValue = (raw, from) => {
      const typed = Number(String(raw).replace(',', '.'));
      const value = Math.max(0, Math.min(100, Math.round(typed)));
      if (!Number.isFinite(value)) return;
      adjusted.textContent = typed !== value ? t('compare.whatif.adjusted', { typed: String(raw), value: String(value) }) : '';
      this.whatif.value = value;
      if (from !== range) range.value = String(value);
      if (from !== number) number.value = String(value);
      const now = this.hooks.current();
      this.showShares(now);
      this.renderOutput(now, true);
    };
    range.addEventListener('input', () => onValue(range.value, range));
    number.addEventListener('input', () => { if (number.value !== '') onValue(number.value, number); });
    const name = componentName(key[k], k);
    box.appendChild(h('div', { class: 'compare-slider' }, [
      h('label', { for: rangeId, text: t('compare.whatif.share', { name }) }),
      range,
      h('label', { for: numberId, class: 'visually-hidden', text: t('compare.whatif.share_exact', { name }) }),
      number,
      h('span', { class: 'unit', 'aria-hidden': 'true', text: '%' }),
      out,
    ]));
    box.appendChild(adjusted);
    const reset = h('button', { type: 'button', class: 'button quiet small', 'data-compare': 'reset', text: t('compare.whatif.reset') });
    reset.addEventListener('click', () => {
      this.whatif.value = null;
      this.update(true);
    });
    const apply = h('button', { type: 'button', class: 'button secondary small', 'data-compare': 'apply', text: t('compare.whatif.apply') });
    apply.addEventListener('click', () => {
      const now = this.hooks.current();
      const nowKey = now ? now.doc.key || [] : [];
      if (this.whatif.value === null || !nowKey[k]) return;
      const shares = this.sharesFor(nowKey, k, this.whatif.value);
      this.whatif.value = null;
      this.hooks.apply(shares);
      this.hooks.announce(t('compare.whatif.applied', { shares: this.sharesText(nowKey, shares) }));
    });
    box.appendChild(h('div', { class: 'button-row' }, [reset, apply]));
    this.controls.appendChild(box);
    this.range = range;
    this.number = number;
    this.sharesOut = out;
    this.showShares(current);
  };

  // Keeps the slider where the scenario's share now is (edited elsewhere).
  CompareView.prototype.syncSlider = function (current) {
    if (!current || !this.range || this.whatif.value !== null) return;
    const key = current.doc.key || [];
    const c = key[this.whatif.component];
    if (!c) return;
    this.range.value = String(Math.round(Number(c.share) || 0));
    this.number.value = this.range.value;
    this.showShares(current);
  };

  CompareView.prototype.sharesText = function (key, shares) {
    return key.map((c, i) => i18n.isolate(componentName(c, i)) + ' ' + format.inputValue(shares[i]) + ' %').join(', ');
  };

  CompareView.prototype.showShares = function (current) {
    if (!this.sharesOut || !current) return;
    const key = current.doc.key || [];
    const k = this.whatif.component;
    const value = this.whatif.value === null ? null : this.whatif.value;
    const shares = value === null ? key.map((c) => c.share) : this.sharesFor(key, k, value);
    const text = this.sharesText(key, shares);
    this.sharesOut.textContent = text;
    this.range.setAttribute('aria-valuetext', text);
  };

  CompareView.prototype.whatifDocs = function (current) {
    const key = current.doc.key || [];
    if (key.length < 2) return null;
    const a = current.doc;
    const b = clone(a);
    let shares = key.map((c) => c.share);
    if (this.whatif.value !== null) {
      shares = this.sharesFor(key, this.whatif.component, this.whatif.value);
      b.key.forEach((c, i) => { c.share = shares[i]; });
    }
    const split = (list) => list.map((s) => format.inputValue(s)).join('/');
    return {
      a, b,
      aLabel: t('compare.label.now', { shares: split(key.map((c) => c.share)) }),
      bLabel: t('compare.label.whatif', { shares: split(shares) }),
      announce: this.whatif.value !== null ? this.sharesText(key, shares) : '',
    };
  };

  // ---- snapshot before an edit ----------------------------------------------

  CompareView.prototype.renderSnapshot = function (current) {
    const box = h('div', { class: 'compare-snapshot' });
    const take = h('button', { type: 'button', class: 'button', 'data-compare': 'snapshot', text: this.snapshot ? t('compare.snapshot.again') : t('compare.snapshot.take') });
    take.addEventListener('click', () => {
      const now = this.hooks.current();
      if (!now) return;
      this.snapshot = { doc: clone(now.doc), path: now.path, time: clock.now(), title: now.doc.title || '' };
      this.writeSnapshot(this.snapshotKey());
      this.update(true);
      this.hooks.announce(t('compare.snapshot.taken'));
      const again = this.controls.querySelector('[data-compare="snapshot"]');
      if (again) again.focus();
    });
    const row = h('div', { class: 'button-row' }, [take]);
    if (this.snapshot) {
      const drop = h('button', { type: 'button', class: 'button quiet', 'data-compare': 'drop', text: t('compare.snapshot.drop') });
      drop.addEventListener('click', () => {
        this.snapshot = null;
        this.writeSnapshot(this.snapshotKey());
        this.update(true);
        const again = this.controls.querySelector('[data-compare="snapshot"]');
        if (again) again.focus();
      });
      row.appendChild(drop);
    }
    box.appendChild(row);
    box.appendChild(h('p', { class: 'hint', text: this.snapshot ? t('compare.snapshot.held', { time: this.timeText(this.snapshot.time) }) : t('compare.snapshot.hint') }));
    if (this.snapshot && this.snapshotUnsaved) {
      box.appendChild(h('p', { class: 'notice warning', text: t('compare.snapshot.unsaved') }));
    }
    if (this.snapshot && this.snapshot.path !== current.path) {
      const notice = h('div', { class: 'notice info' }, [h('p', { text: t('compare.snapshot.other_level') })]);
      const path = this.snapshot.path;
      if (this.hooks.openLevel) {
        const go = h('button', { type: 'button', class: 'button', 'data-compare': 'snapshot-level', text: t('compare.snapshot.go_level') });
        go.addEventListener('click', () => {
          if (!this.hooks.openLevel(path)) return;
          this.update(true);
          const again = this.controls.querySelector('[data-compare="snapshot"]');
          if (again) again.focus();
        });
        notice.appendChild(go);
      }
      box.appendChild(notice);
    }
    this.controls.appendChild(box);
  };

  // A snapshot outlives a reload: it is kept in this browser with the work
  // it was taken of (hooks.notes, web/library.js's workNotes; not in links
  // or files: it is a working aid, not part of the decision).
  CompareView.prototype.snapshotKey = function () {
    return this.hooks.storageKey ? this.hooks.storageKey() : null;
  };

  CompareView.prototype.readSnapshot = function (key) {
    return key ? this.hooks.notes.snapshot(key) : null;
  };

  CompareView.prototype.writeSnapshot = function (key) {
    if (!key) return;
    this.snapshotUnsaved = !this.hooks.notes.keepSnapshot(key, this.snapshot);
  };

  // The work's key changes when other work is opened (forgetSnapshot()
  // first: its snapshot is read), and when new work or an edited example
  // is first saved (the snapshot held moves to the saved entry).
  CompareView.prototype.syncSnapshot = function () {
    const key = this.snapshotKey();
    if (key === this.snapshotFrom) return;
    const kept = this.readSnapshot(key);
    if (kept) {
      this.snapshot = kept;
      this.mode = 'snapshot'; // the work is being compared with it
    } else if (this.snapshot) {
      this.writeSnapshot(key);
      if (this.snapshotFrom) this.hooks.notes.keepSnapshot(this.snapshotFrom, null);
    }
    this.snapshotFrom = key;
  };

  CompareView.prototype.forgetSnapshot = function () {
    this.snapshot = null;
    this.snapshotUnsaved = false;
    this.snapshotFrom = undefined;
  };

  CompareView.prototype.timeText = function (time) {
    return new Intl.DateTimeFormat(i18n.lang() === 'en' ? 'en-GB' : 'sv-SE', { timeStyle: 'short' }).format(time);
  };

  // ---- another allocation ------------------------------------------------------

  CompareView.prototype.renderOther = function () {
    const id = uniqueId('compare-other');
    const select = h('select', { id, class: 'select', 'data-compare': 'other' });
    select.appendChild(h('option', { value: '', text: t('select.choose') }));
    const groups = {};
    for (const option of this.hooks.others()) {
      if (!groups[option.group]) {
        groups[option.group] = h('optgroup', { label: t('compare.other.' + option.group) });
        select.appendChild(groups[option.group]);
      }
      groups[option.group].appendChild(h('option', { value: option.value, selected: option.value === this.other, 'data-user': 'true', text: option.label }));
    }
    select.addEventListener('change', () => {
      this.other = select.value;
      this.renderOutput(this.hooks.current());
    });
    this.controls.appendChild(h('div', { class: 'field compare-other' }, [
      h('label', { for: id, text: t('compare.other.label') }),
      select,
      h('p', { class: 'hint', text: t('compare.other.hint') }),
    ]));
  };

  // ---- the comparison ---------------------------------------------------------

  CompareView.prototype.docs = function (current) {
    if (!current) return null;
    if (this.mode === 'whatif') return this.whatifDocs(current);
    if (this.mode === 'snapshot') {
      if (!this.snapshot) return null;
      return { a: this.snapshot.doc, b: current.doc, aLabel: t('compare.label.snapshot', { time: this.timeText(this.snapshot.time) }), bLabel: t('compare.label.current') };
    }
    if (!this.other) return null;
    const other = this.hooks.load(this.other);
    if (!other) return null;
    return { a: other, b: current.doc, aLabel: other.title || t('scenarios.untitled'), aUser: true, bLabel: t('compare.label.current') };
  };

  CompareView.prototype.renderOutput = function (current, live) {
    const output = this.output;
    clear(output);
    this.shown = null;
    this.actions.hidden = true;
    const docs = this.docs(current);
    if (!docs) return;
    let cmp;
    try {
      cmp = core.compare(docs.a, docs.b);
    } catch (e) {
      output.appendChild(h('p', { class: 'notice error', text: t('notice.core_failed', { message: e.message }) }));
      return;
    }
    if (!cmp.ok) {
      const which = !cmp.a_ok && !cmp.b_ok ? 'both' : !cmp.a_ok ? 'a' : 'b';
      output.appendChild(h('p', { class: 'notice warning', role: 'note', text: t('compare.errors.' + which, { a: docs.aLabel, b: docs.bLabel }) }));
      return;
    }
    output.appendChild(this.table(cmp, docs));
    output.appendChild(this.findings(cmp));
    this.shown = { cmp, docs };
    this.actions.hidden = false;
    if (live && docs.announce) this.announce(cmp, docs);
  };

  // ---- out of the page: copy, CSV, print ----------------------------------------

  // Built once, so that a message stays while the comparison follows edits.
  CompareView.prototype.renderActions = function () {
    const button = (action, cls, onClick) => {
      const b = h('button', { type: 'button', class: 'button ' + cls, 'data-compare': action, 'data-i18n': 'compare.' + action, text: t('compare.' + action) });
      b.addEventListener('click', onClick);
      return b;
    };
    this.status = h('span', { class: 'copy-status', role: 'status', 'data-compare': 'status' });
    return h('div', { class: 'compare-actions', hidden: true }, [
      button('copy', 'secondary small', () => this.copy()),
      button('export_csv', 'quiet small', () => this.exportCsv()),
      button('print', 'quiet small', () => this.print()),
      this.status,
    ]);
  };

  // The comparison as it is now: one that waited off screen catches up.
  CompareView.prototype.latest = function () {
    if (this.dirty || !this.shown) this.update(true);
    return this.shown;
  };

  CompareView.prototype.say = function (text) {
    const status = this.status;
    status.textContent = text;
    window.setTimeout(() => { if (status.textContent === text) status.textContent = ''; }, 8000);
  };

  CompareView.prototype.labels = function (docs) {
    return { a: docs.aLabel, b: docs.bLabel };
  };

  CompareView.prototype.copy = function () {
    const shown = this.latest();
    if (!shown) return;
    const table = this.table(shown.cmp, shown.docs).querySelector('table');
    clipboard.copyComparison(table, shown.cmp, this.labels(shown.docs))
      .then((ok) => this.say(ok ? t('compare.copy.done') : t('copy.failed')));
  };

  CompareView.prototype.fileName = function (ext) {
    const current = this.hooks.current();
    return files.slug(current && current.doc.title) + '-' + t('compare.file') + '.' + ext;
  };

  CompareView.prototype.exportCsv = function () {
    const shown = this.latest();
    if (!shown) return;
    const { a, b } = this.labels(shown.docs);
    files.download(core.compareCsv(shown.cmp, a, b, i18n.lang()), this.fileName('csv'), 'text/csv;charset=utf-8');
    this.say(t('compare.export_csv.done'));
  };

  // Printed on its own, as the explanation is: the appendix replaces the
  // page in print until the print dialog closes.
  CompareView.prototype.print = function () {
    const shown = this.latest();
    if (!shown) return;
    const old = document.querySelector('.compare-appendix');
    if (old) old.remove();
    const appendix = this.appendix(shown.cmp, shown.docs);
    document.body.appendChild(appendix);
    document.body.classList.add('printing-comparison');
    const done = () => {
      window.removeEventListener('afterprint', done);
      document.body.classList.remove('printing-comparison');
      appendix.remove();
    };
    window.addEventListener('afterprint', done);
    window.print();
  };

  // The appendix: the title, the rules of A and B side by side (each as the
  // result prints its rule, from the core's result), the table, the
  // findings that differ, the core's version and the day.
  CompareView.prototype.appendix = function (cmp, docs) {
    const current = this.hooks.current();
    const title = (current && current.doc.title) || t('result.heading');
    const side = (tag, doc, label, user) => {
      let rule;
      try {
        const result = core.compute(doc);
        rule = result && result.ok ? ruleList(result, doc) : null;
      } catch (e) {
        rule = null;
      }
      return h('section', { class: 'rule-box compare-rule', 'data-side': tag }, [
        h('h3', { class: 'subheading' }, [h('span', { class: 'compare-tag', text: tag }), ' ', h('span', { 'data-user': user ? 'true' : null, text: label })]),
        rule,
      ]);
    };
    const table = this.table(cmp, docs);
    for (const el of table.querySelectorAll('[id]')) el.removeAttribute('id');
    return h('section', { class: 'compare-appendix', 'aria-label': t('compare.print.heading') }, [
      h('header', { class: 'print-head' }, [
        h('p', { class: 'print-title', 'data-user': 'true', text: title }),
        h('p', { class: 'print-subtitle', text: t('compare.print.heading') }),
      ]),
      h('div', { class: 'compare-rules' }, [
        side('A', docs.a, docs.aLabel, docs.aUser),
        side('B', docs.b, docs.bLabel, false),
      ]),
      table,
      this.findings(cmp),
      h('p', { class: 'print-foot', text: printedOn() }),
    ]);
  };

  CompareView.prototype.table = function (cmp, docs) {
    const cell = (value, cls) => h('td', { class: 'num' + (cls ? ' ' + cls : '') }, value);
    const diffClass = (ore) => (ore > 0 ? 'up' : ore < 0 ? 'down' : 'same');
    const head = h('tr', null, [
      h('th', { scope: 'col', text: t('result.recipient') }),
      h('th', { scope: 'col', class: 'num' }, [h('span', { class: 'compare-tag', text: 'A' }), ' ', h('span', { 'data-user': docs.aUser ? 'true' : null, text: docs.aLabel })]),
      h('th', { scope: 'col', class: 'num' }, [h('span', { class: 'compare-tag', text: 'B' }), ' ', h('span', { text: docs.bLabel })]),
      h('th', { scope: 'col', class: 'num', text: t('compare.diff') }),
      h('th', { scope: 'col', class: 'num', text: t('compare.diff_percent') }),
    ]);
    const body = h('tbody');
    for (const row of cmp.recipients) {
      const note = row.only_in ? h('span', { class: 'note', text: ' (' + t('compare.only_in.' + row.only_in) + ')' }) : null;
      body.appendChild(h('tr', { class: 'diff-' + diffClass(row.diff_ore), 'data-name': row.name }, [
        h('th', { scope: 'row' }, [h('span', { 'data-user': 'true', text: row.name }), note]),
        cell(row.only_in === 'b' ? '–' : format.kr(row.a_ore)),
        cell(row.only_in === 'a' ? '–' : format.kr(row.b_ore)),
        cell(format.krSigned(row.diff_ore), 'diff ' + diffClass(row.diff_ore)),
        cell(row.diff_percent === null ? '–' : format.percentSigned(row.diff_percent), 'diff ' + diffClass(row.diff_ore)),
      ]));
    }
    const totals = cmp.totals || {};
    const foot = h('tr', { class: 'totals' }, [
      h('th', { scope: 'row', text: t('result.totals') }),
      cell(format.kr(totals.a_ore)),
      cell(format.kr(totals.b_ore)),
      cell(format.krSigned(totals.diff_ore), 'diff ' + diffClass(totals.diff_ore)),
      cell(totals.diff_percent === null || totals.diff_percent === undefined ? '–' : format.percentSigned(totals.diff_percent), 'diff ' + diffClass(totals.diff_ore)),
    ]);
    const changed = cmp.recipients.filter((r) => r.diff_ore !== 0).length;
    return h('div', { class: 'table-scroll' }, h('table', { class: 'grid compare-table', id: 'compare-table' }, [
      h('caption', { text: t('compare.caption', { changed, n: cmp.recipients.length }) }),
      h('thead', null, head),
      body,
      h('tfoot', null, foot),
    ]));
  };

  CompareView.prototype.findings = function (cmp) {
    const box = h('div', { class: 'compare-findings' });
    const list = (items, kind) => {
      if (!items.length) return;
      box.appendChild(h('h3', { class: 'subheading', text: t('compare.findings.' + kind, { n: items.length }) }));
      const ul = h('ul', { class: 'findings-list compare-' + kind });
      for (const f of items) {
        ul.appendChild(h('li', { class: 'finding ' + f.severity }, [
          h('span', { class: 'badge ' + f.severity, text: t('severity.' + (f.severity || 'info')) }),
          h('span', { class: 'finding-text', text: message(f) }),
        ]));
      }
      box.appendChild(ul);
    };
    list(cmp.findings_added, 'added');
    list(cmp.findings_removed, 'removed');
    if (!cmp.findings_added.length && !cmp.findings_removed.length) box.appendChild(h('p', { class: 'hint', text: t('compare.findings.same') }));
    return box;
  };

  // Said once the slider rests: the shares and how many amounts change.
  CompareView.prototype.announce = function (cmp, docs) {
    window.clearTimeout(this.announceTimer);
    const changed = cmp.recipients.filter((r) => r.diff_ore !== 0).length;
    const text = docs.announce + ': ' + t('compare.caption', { changed, n: cmp.recipients.length });
    this.announceTimer = window.setTimeout(() => { this.live.textContent = text; }, ANNOUNCE_DELAY_MS);
  };

export { CompareView };
