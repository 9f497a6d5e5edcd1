// "How was this computed": each recipient's name in the result table opens
// a dialog with the core's explanation (explain()), step by step with the
// actual numbers, in the page's language; it can be copied as plain text
// and printed on its own. The figures at its top are the result's own.
import { core } from '../core.js';
import { h, clear } from '../dom.js';
import * as format from '../format.js';
import * as i18n from '../i18n.js';
import { t } from '../i18n.js';
import { findingMessage } from './findings.js';

  const lang = () => i18n.lang();

  // "123/4" → true when the fraction is a whole number of öre.
  function whole(fraction) {
    return /\/1$/.test(String(fraction || '')) || !/\//.test(String(fraction || ''));
  }

  // hooks: {document() → {doc, above}: the whole document and the names
  // leading down to the level shown (explain()'s arguments), good() →
  // {result, scenario} of the level, copy(text) → Promise<bool>}
  function ExplainView(hooks) {
    this.hooks = hooks;
    this.opener = null;
    this.current = null; // {name, index}
    this.dialog = h('dialog', { class: 'explain-dialog', 'aria-labelledby': 'explain-title', id: 'explain-dialog' });
    document.body.appendChild(this.dialog);
    // Escape (the dialog's cancel) and the close button both end here.
    this.dialog.addEventListener('close', () => this.closed());
    this.dialog.addEventListener('click', (event) => {
      // A click on the backdrop (outside the panel) closes it too.
      if (event.target === this.dialog) this.dialog.close();
    });
  }

  // The names in the result table become buttons that open the explanation.
  ExplainView.prototype.decorate = function (table, good) {
    if (!table || !good) return;
    const rows = good.result.recipients || [];
    for (const tr of table.tBodies[0].rows) {
      // Only drawn rows, each with its recipient's index (views/virtual-rows.js).
      if (!tr.hasAttribute('data-row')) continue;
      const r = Number(tr.getAttribute('data-row'));
      const row = rows[r];
      const span = tr.cells[0] && tr.cells[0].querySelector('span[data-user]');
      if (!row || !span) continue;
      const name = span.textContent;
      const button = h('button', {
        type: 'button',
        class: 'explain-open',
        'data-user': 'true',
        'data-explain': String(r),
        'aria-haspopup': 'dialog',
        'aria-label': t('explain.open', { name }),
        title: t('explain.open', { name }),
        text: name,
      });
      button.addEventListener('click', () => this.open(r, button));
      span.replaceWith(button);
    }
  };

  ExplainView.prototype.open = function (index, opener) {
    const good = this.hooks.good();
    const row = good && good.result.recipients && good.result.recipients[index];
    if (!row) return;
    this.opener = opener || document.activeElement;
    this.current = { index, name: row.name };
    this.render();
    document.body.classList.add('printing-explanation');
    if (!this.dialog.open) this.dialog.showModal();
    const heading = this.dialog.querySelector('#explain-title');
    if (heading) heading.focus();
  };

  ExplainView.prototype.isOpen = function () {
    return this.dialog.open;
  };

  ExplainView.prototype.close = function () {
    if (this.dialog.open) this.dialog.close();
  };

  ExplainView.prototype.closed = function () {
    document.body.classList.remove('printing-explanation');
    const opener = this.opener;
    this.opener = null;
    this.current = null;
    // Back to the name that opened it (re-rendered since, perhaps).
    let target = opener && document.body.contains(opener) ? opener : null;
    if (!target && opener) target = document.querySelector('[data-explain="' + opener.getAttribute('data-explain') + '"]');
    if (target) target.focus();
  };

  ExplainView.prototype.render = function () {
    const dialog = this.dialog;
    clear(dialog);
    const good = this.hooks.good();
    const { index, name } = this.current;
    const row = good.result.recipients[index];
    const shown = this.hooks.document();
    let explanation;
    try {
      explanation = shown ? core.explain(shown.doc, name, shown.above) : null;
    } catch (e) {
      explanation = null;
    }
    const title = h('h2', { id: 'explain-title', class: 'explain-title', tabindex: '-1' }, [
      t('explain.title') + ' ',
      h('span', { 'data-user': 'true', text: name }),
    ]);
    const close = h('button', { type: 'button', class: 'button icon explain-close', 'aria-label': t('explain.close'), title: t('explain.close'), text: '✕' });
    close.addEventListener('click', () => dialog.close());
    dialog.appendChild(h('div', { class: 'explain-head' }, [title, close]));
    if (good.scenario.title) dialog.appendChild(h('p', { class: 'explain-scenario', 'data-user': 'true', text: good.scenario.title }));

    // The result's figures for this recipient.
    const figures = [
      { id: 'exact', label: t('explain.exact'), value: (whole(row.exact) ? '' : '≈ ') + format.kr(row.exact_ore) },
      { id: 'fraction', label: t('explain.fraction'), value: String(row.exact) + ' ' + t('explain.ore'), secondary: true },
      { id: 'rounding', label: t('explain.rounding'), value: format.krSigned(row.rounding_ore) },
      { id: 'formula', label: t('explain.formula'), value: format.kr(row.formula_ore) },
    ];
    if ((row.earmarks_ore || []).length) {
      (good.scenario.earmarks || []).forEach((earmark, e) => {
        if (row.earmarks_ore[e] === undefined) return;
        figures.push({ id: 'earmark-' + e, label: earmark.name || t('earmarks.unnamed', { n: e + 1 }), user: true, value: format.kr(row.earmarks_ore[e]) });
      });
    }
    if (row.redistribution_ore) figures.push({ id: 'redistribution', label: t('result.redistribution'), value: format.kr(row.redistribution_ore) });
    figures.push({ id: 'final', label: t('explain.final'), value: format.kr(row.final_ore), emphasis: true });
    const list = h('dl', { class: 'explain-figures' });
    for (const f of figures) {
      list.appendChild(h('div', { class: 'explain-figure' + (f.emphasis ? ' emphasis' : '') + (f.secondary ? ' secondary' : ''), 'data-figure': f.id }, [
        h('dt', { 'data-user': f.user ? 'true' : null, text: f.label }),
        h('dd', { text: f.value }),
      ]));
    }
    dialog.appendChild(list);

    const body = h('div', { class: 'explain-body' });
    if (explanation && explanation.ok && Array.isArray(explanation.steps)) {
      body.appendChild(h('h3', { class: 'subheading', text: t('explain.steps') }));
      const steps = h('ol', { class: 'explain-steps' });
      for (const step of explanation.steps) {
        steps.appendChild(h('li', { class: 'explain-step kind-' + step.kind, 'data-kind': step.kind, text: step[lang()] || step.sv || '' }));
      }
      body.appendChild(steps);
    } else {
      const message = explanation && explanation.findings && explanation.findings[0];
      body.appendChild(h('p', { class: 'notice warning', text: message ? findingMessage(message) : t('explain.unavailable') }));
    }
    // What the core warns of about this recipient.
    const own = ((good.findings || [])).filter((f) => f.path === '/recipients/' + index || String(f.path).startsWith('/recipients/' + index + '/'));
    if (own.length) {
      const notes = h('ul', { class: 'explain-findings' });
      for (const f of own) notes.appendChild(h('li', { class: 'finding-msg ' + f.severity, text: findingMessage(f) }));
      body.appendChild(notes);
    }
    dialog.appendChild(body);

    const status = h('span', { class: 'copy-status', role: 'status' });
    const copy = h('button', { type: 'button', class: 'button', text: t('explain.copy') });
    const text = explanation && explanation.ok && explanation.text ? explanation.text[lang()] || explanation.text.sv : '';
    copy.disabled = !text;
    copy.addEventListener('click', () => {
      Promise.resolve(this.hooks.copy(text)).then((ok) => {
        status.textContent = ok ? t('explain.copied') : t('copy.failed');
      });
    });
    const print = h('button', { type: 'button', class: 'button quiet', text: t('explain.print') });
    print.addEventListener('click', () => window.print());
    const done = h('button', { type: 'button', class: 'button quiet', text: t('explain.close') });
    done.addEventListener('click', () => dialog.close());
    dialog.appendChild(h('div', { class: 'explain-actions' }, [copy, print, done, status]));
    dialog.setAttribute('data-plain', text);
  };

  // After a recomputation or a change of language: the open panel follows.
  ExplainView.prototype.refresh = function () {
    if (!this.dialog.open || !this.current) return;
    const good = this.hooks.good();
    const row = good && good.result.recipients && good.result.recipients[this.current.index];
    if (!row || row.name !== this.current.name) {
      this.dialog.close();
      return;
    }
    const focused = document.activeElement;
    const wasTitle = focused && focused.id === 'explain-title';
    this.render();
    if (wasTitle || !this.dialog.contains(document.activeElement)) this.dialog.querySelector('#explain-title').focus();
  };

export { ExplainView };
