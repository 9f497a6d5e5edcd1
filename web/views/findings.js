// Findings (problems the core found) shown twice: beside the field each
// concerns, located by its JSON-pointer path, and in a summary list whose
// entries move the focus to that field.
import { h, clear, findBound, uniqueId } from '../dom.js';
import * as i18n from '../i18n.js';
import { t } from '../i18n.js';
import * as levels from '../levels.js';

  const CONTROL = /^(INPUT|SELECT|TEXTAREA)$/;
  const ORDER = { error: 0, warning: 1, info: 2 };

  function message(finding) {
    const lang = i18n.lang();
    const m = finding.message || {};
    return m[lang] || m.sv || m.en || finding.code || '';
  }

  function sorted(findings) {
    return findings
      .map((f, i) => ({ f, i }))
      .sort((a, b) => (ORDER[a.f.severity] ?? 3) - (ORDER[b.f.severity] ?? 3) || a.i - b.i)
      .map(({ f }) => f);
  }

  // Where a message for element el goes: after a control, into a row's
  // first editable cell, after a table, or at the end of a group.
  function placeMessage(el, msg) {
    if (CONTROL.test(el.tagName)) {
      el.insertAdjacentElement('afterend', msg);
    } else if (el.tagName === 'TR') {
      const cell = el.querySelector('td.name-cell') || el.cells[el.cells.length - 1];
      cell.appendChild(msg);
    } else if (el.tagName === 'TABLE') {
      (el.closest('.table-scroll') || el).insertAdjacentElement('afterend', msg);
    } else {
      el.appendChild(msg);
    }
  }

  function FindingsView(editorRoot, summaryContainer) {
    this.root = editorRoot;
    this.summary = summaryContainer;
  }

  FindingsView.prototype.undecorate = function () {
    for (const msg of this.root.querySelectorAll('.finding-msg')) msg.remove();
    for (const el of this.root.querySelectorAll('[data-finding]')) {
      el.removeAttribute('data-finding');
      el.removeAttribute('aria-invalid');
      el.classList.remove('invalid', 'warned');
      const original = el.getAttribute('data-described');
      if (original === '') el.removeAttribute('aria-describedby');
      else if (original !== null) el.setAttribute('aria-describedby', original);
      el.removeAttribute('data-described');
    }
  };

  // Marks each field a finding concerns and writes the message beside it.
  FindingsView.prototype.decorate = function (findings) {
    this.undecorate();
    for (const finding of findings) {
      const el = finding.path !== undefined ? findBound(this.root, finding.path) : null;
      if (!el || el === this.root) continue;
      const id = uniqueId('finding');
      const msg = h('p', { class: 'finding-msg ' + finding.severity, id }, [
        h('span', { class: 'finding-icon', 'aria-hidden': 'true', text: finding.severity === 'error' ? '!' : 'i' }),
        h('span', { text: message(finding) }),
      ]);
      placeMessage(el, msg);
      const control = CONTROL.test(el.tagName) ? el : null;
      if (control) {
        if (!control.hasAttribute('data-finding')) {
          control.setAttribute('data-described', control.getAttribute('aria-describedby') || '');
        }
        control.setAttribute('data-finding', finding.severity);
        control.setAttribute('aria-describedby', ((control.getAttribute('aria-describedby') || '') + ' ' + id).trim());
        if (finding.severity === 'error') {
          control.setAttribute('aria-invalid', 'true');
          control.classList.add('invalid');
        } else {
          control.classList.add('warned');
        }
      }
    }
  };

  // The summary list; each entry can take the user to its field.
  FindingsView.prototype.renderSummary = function (findings) {
    clear(this.summary);
    if (!findings.length) return;
    const errors = findings.filter((f) => f.severity === 'error').length;
    this.summary.appendChild(h('h3', {
      class: 'findings-heading',
      text: errors ? t('findings.heading.errors', { n: errors }) : t('findings.heading'),
    }));
    const list = h('ul', { class: 'findings-list' });
    for (const finding of sorted(findings)) {
      const item = h('li', { class: 'finding ' + finding.severity }, [
        h('span', { class: 'badge ' + finding.severity, text: t('severity.' + (finding.severity || 'info')) }),
        finding.levelName ? h('span', { class: 'finding-level', 'data-user': 'true', text: finding.levelName }) : null,
        h('span', { class: 'finding-text', text: message(finding) }),
      ]);
      // A finding of another level (levels) takes the user there.
      if (finding.level !== undefined) {
        item.appendChild(h('button', {
          type: 'button',
          class: 'link-button',
          'data-action': 'goto-level',
          'data-level': finding.level,
          text: t('levels.goto'),
        }));
      } else if (finding.path && findBound(this.root, finding.path)) {
        item.appendChild(h('button', {
          type: 'button',
          class: 'link-button',
          'data-action': 'goto-finding',
          'data-path': null,
          'data-target': finding.path,
          text: t('findings.goto'),
        }));
      }
      list.appendChild(item);
    }
    this.summary.appendChild(list);
  };

  // Moves the focus to the field of a finding, opening what hides it.
  FindingsView.prototype.focusPath = function (path) {
    const el = findBound(this.root, path);
    if (!el) return;
    let details = el.closest('details');
    while (details) {
      details.open = true;
      details = details.parentElement.closest('details');
    }
    const target = CONTROL.test(el.tagName) ? el : el.querySelector('input, select, textarea') || el;
    if (target === el && !CONTROL.test(el.tagName)) target.setAttribute('tabindex', '-1');
    target.focus();
    target.scrollIntoView({ block: 'center' });
  };

export { FindingsView, message as findingMessage };
