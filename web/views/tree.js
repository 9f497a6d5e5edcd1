// Nested levels on the page: the breadcrumb above the editors says which
// level they edit (state grant → municipality → committee → measures), with
// what each level receives and splits, reconciled by the core; an overview
// of all levels; and, per row of the result table, "split further" or "open
// its level". Amounts come from the core's one result for the document.
import { h, clear } from '../dom.js';
import * as format from '../format.js';
import { t } from '../i18n.js';
import * as levels from '../levels.js';
import { findingMessage } from './findings.js';

  function mismatchAt(findings, path) {
    return findings.find((f) => f.code === 'nested.total_mismatch' && levels.levelOfFinding(f.path) === path) || null;
  }

  // hooks: {open(path), split(index), removeLevel(), document() → the
  // whole document, result() → its last good result or null, findings() →
  // every finding of the document, path() → the level being edited}
  function LevelsView(container, hooks) {
    this.container = container;
    this.hooks = hooks;
    this.overviewOpen = true; // until the user closes it
  }

  LevelsView.prototype.render = function () {
    const container = this.container;
    clear(container);
    const doc = this.hooks.document();
    const path = this.hooks.path();
    if (!doc) {
      container.hidden = true;
      return;
    }
    const every = levels.all(doc);
    if (every.length < 2 && !path) {
      container.hidden = true;
      return;
    }
    container.hidden = false;
    const result = this.hooks.result();
    const findings = this.hooks.findings();
    const chain = levels.chain(doc, path, result);

    const crumbs = h('ol', { class: 'breadcrumb' });
    chain.forEach((step, i) => {
      const last = i === chain.length - 1;
      const label = this.stepLabel(step, i);
      const amount = i === 0
        ? (step.result && step.result.totals ? format.kr(step.result.totals.final_ore) : '')
        : (step.row ? format.kr(step.row.final_ore) : '');
      const content = [h('span', { class: 'crumb-name', 'data-user': i === 0 && !doc.title ? null : 'true', text: label })];
      if (amount) content.push(' ', h('span', { class: 'crumb-amount', text: amount }));
      const item = last
        ? h('span', { class: 'crumb current', 'aria-current': 'location', 'data-level': step.path }, content)
        : h('button', { type: 'button', class: 'crumb', 'data-level': step.path }, content);
      if (!last) item.addEventListener('click', () => this.hooks.open(step.path));
      crumbs.appendChild(h('li', null, item));
    });
    // What the level being edited splits: its recipients and their sum.
    const here = chain[chain.length - 1];
    const count = (here.level && here.level.recipients || []).length;
    const split = here.result && here.result.totals ? format.kr(here.result.totals.final_ore) : '';
    crumbs.appendChild(h('li', { class: 'crumb-split' }, [
      h('span', { class: 'crumb-name', text: t('levels.recipients', { n: count }) }),
      split ? ' ' : null,
      split ? h('span', { class: 'crumb-amount', text: split }) : null,
    ]));

    const head = h('div', { class: 'levels-head' }, [
      h('h2', { class: 'levels-heading', id: 'levels-heading', tabindex: '-1', text: path ? t('levels.heading.sub', { depth: levels.depth(path) + 1 }) : t('levels.heading.top') }),
      crumbs,
    ]);
    container.appendChild(head);

    const mismatch = path ? mismatchAt(findings, path) : null;
    if (path) {
      const status = mismatch
        ? h('p', { class: 'level-status warning', role: 'note' }, [h('span', { class: 'finding-icon', 'aria-hidden': 'true', text: '!' }), h('span', { text: findingMessage(mismatch) })])
        : here.row && here.result
          ? h('p', { class: 'level-status ok', text: t('levels.reconciled', { name: here.name || '', amount: format.kr(here.row.final_ore) }) })
          : null;
      if (status) container.appendChild(status);
      const up = h('button', { type: 'button', class: 'button secondary small', 'data-level-action': 'up', text: t('levels.up') });
      up.addEventListener('click', () => this.hooks.open(levels.parent(path)));
      const remove = h('button', { type: 'button', class: 'button quiet small danger', 'data-level-action': 'remove', text: t('levels.remove') });
      remove.addEventListener('click', () => this.hooks.removeLevel());
      container.appendChild(h('div', { class: 'button-row level-actions' }, [up, remove]));
    }
    if (every.length > 1) container.appendChild(this.overview(doc, every, result, findings, path));
  };

  LevelsView.prototype.stepLabel = function (step, i) {
    if (i === 0) return step.level && step.level.title ? step.level.title : t('levels.top');
    return step.name || t('recipient.unnamed', { n: step.index + 1 });
  };

  // Every level as a nested list: what each receives and splits, and
  // whether it adds up.
  LevelsView.prototype.overview = function (doc, every, result, findings, path) {
    const details = h('details', { class: 'levels-overview', id: 'levels-overview' });
    if (this.overviewOpen) details.open = true;
    details.addEventListener('toggle', () => { this.overviewOpen = details.open; });
    details.appendChild(h('summary', null, h('span', { class: 'overview-title', text: t('levels.overview', { n: every.length }) })));
    const build = (levelPath) => {
      const level = levels.at(doc, levelPath);
      const ul = h('ul', { class: 'level-tree' });
      (level.recipients || []).forEach((recipient, i) => {
        if (!recipient || !recipient.sub) return;
        const sub = levels.child(levelPath, i);
        const row = levels.parentRow(result, sub);
        const subResult = levels.resultAt(result, sub);
        const mismatch = mismatchAt(findings, sub);
        const name = recipient.name || t('recipient.unnamed', { n: i + 1 });
        const open = h('button', { type: 'button', class: 'link-button level-link', 'data-level': sub, 'aria-current': sub === path ? 'location' : null }, [
          h('span', { 'data-user': 'true', text: name }),
        ]);
        open.addEventListener('click', () => this.hooks.open(sub));
        const facts = [];
        if (row) facts.push(t('levels.receives', { amount: format.kr(row.final_ore) }));
        if (subResult && subResult.totals) facts.push(t('levels.splits', { n: (recipient.sub.recipients || []).length, amount: format.kr(subResult.totals.final_ore) }));
        const li = h('li', { class: mismatch ? 'mismatch' : null }, [
          open,
          ' ',
          h('span', { class: 'level-facts', text: facts.join(' · ') }),
          ' ',
          mismatch ? h('span', { class: 'level-flag warning', text: t('levels.mismatch') }) : (row && subResult ? h('span', { class: 'level-flag ok', text: t('levels.ok') }) : null),
        ]);
        const deeper = build(sub);
        if (deeper.childNodes.length) li.appendChild(deeper);
        ul.appendChild(li);
      });
      return ul;
    };
    const top = h('button', { type: 'button', class: 'link-button level-link', 'data-level': '', 'aria-current': path === '' ? 'location' : null }, [
      h('span', { 'data-user': doc.title ? 'true' : null, text: doc.title || t('levels.top') }),
    ]);
    top.addEventListener('click', () => this.hooks.open(''));
    const root = h('ul', { class: 'level-tree root' }, h('li', null, [
      top,
      ' ',
      result && result.totals ? h('span', { class: 'level-facts', text: t('levels.splits', { n: (doc.recipients || []).length, amount: format.kr(result.totals.final_ore) }) }) : null,
      build(''),
    ]));
    details.appendChild(root);
    return details;
  };

  // Per row of the result table: split the recipient's amount one level
  // further, or open the level that already does. The visible words come
  // from the stylesheet (data-label), so that the row's cells keep only
  // the name and the amounts as text (copied, read by tests).
  LevelsView.prototype.decorate = function (table, good, path, level) {
    if (!table || !good || !level) return;
    const deep = levels.depth(path) >= levels.maxDepth();
    const recipients = level.recipients || [];
    [...table.tBodies[0].rows].forEach((tr) => {
      // Only drawn rows, each with its recipient's index (views/virtual-rows.js).
      if (!tr.hasAttribute('data-row')) return;
      const r = Number(tr.getAttribute('data-row'));
      const recipient = recipients[r];
      const row = good.result.recipients[r];
      if (!recipient || !row || !tr.cells[0]) return;
      const name = row.name || recipient.name || '';
      // A row the result view updated in place keeps its button when it
      // would be the same one.
      const old = tr.cells[0].querySelector(':scope > button.row-level');
      let button;
      if (recipient.sub) {
        const n = (recipient.sub.recipients || []).length;
        const label = t('levels.open_row', { n });
        button = h('button', { type: 'button', class: 'row-level open', 'data-label': '→ ' + label, 'data-split': String(r), 'aria-label': t('levels.open_row.of', { name, n }) });
        button.addEventListener('click', () => this.hooks.open(levels.child(path, r)));
      } else if (!deep) {
        button = h('button', { type: 'button', class: 'row-level', 'data-label': t('levels.split'), 'data-split': String(r), 'aria-label': t('levels.split.of', { name }) });
        button.addEventListener('click', () => this.hooks.split(r));
      }
      const key = button ? path + '\n' + r + '\n' + button.outerHTML : null;
      if (old && key !== null && old.levelKey === key) return;
      if (old) old.remove();
      if (button) {
        button.levelKey = key;
        tr.cells[0].appendChild(button);
      }
    });
  };

  // After moving to a level: the focus to its heading, so that the
  // breadcrumb is read first.
  LevelsView.prototype.focus = function () {
    const heading = this.container.querySelector('#levels-heading');
    if (heading && !this.container.hidden) heading.focus();
  };

export { LevelsView };
