// The import of recipients and their values from a CSV file or from rows
// pasted from Excel: a panel that shows what the rows will do before they
// change anything. The reading and the plan are done elsewhere
// (web/import.js, files.js, the core's readCsv).
import { h, clear, append } from '../dom.js';
import { t } from '../i18n.js';

  // commands: {file(File), text(string), apply(mode), close()}
  function ImportView(container, commands) {
    this.container = container;
    this.commands = commands;
    // note: how the file was read, when not as UTF-8
    this.state = { open: false, text: '', fileName: '', note: '', plan: null, effect: null, problem: '', mode: 'merge' };
    this.textTimer = null;
    this.render();
  }

  // A change of what is shown; the panel is built again only when it opens
  // or closes, so that the text being pasted keeps its caret.
  ImportView.prototype.set = function (changes) {
    const rebuild = 'open' in changes && changes.open !== this.state.open;
    Object.assign(this.state, changes);
    if (rebuild || !document.getElementById('import-dynamic')) this.render();
    else this.update();
  };

  ImportView.prototype.render = function () {
    const s = this.state;
    const focusedId = document.activeElement && this.container.contains(document.activeElement) ? document.activeElement.id : null;
    clear(this.container);
    const toggle = h('button', {
      type: 'button', id: 'import-toggle', class: 'button secondary',
      'aria-expanded': s.open ? 'true' : 'false', 'aria-controls': 'import-panel',
    }, t('import.open'));
    toggle.addEventListener('click', () => {
      if (this.state.open) this.commands.close();
      else this.set({ open: true });
      const focus = document.getElementById(this.state.open ? 'import-choose' : 'import-toggle');
      if (focus) focus.focus();
    });
    this.container.appendChild(toggle);
    if (!s.open) return;

    const fileInput = h('input', { type: 'file', id: 'import-file', accept: '.csv,.txt,.tsv,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', hidden: true });
    fileInput.addEventListener('change', () => {
      const file = fileInput.files && fileInput.files[0];
      fileInput.value = '';
      if (file) this.commands.file(file);
    });
    const choose = h('button', { type: 'button', id: 'import-choose', class: 'button secondary' }, t('import.file'));
    choose.addEventListener('click', () => fileInput.click());
    const textarea = h('textarea', { id: 'import-text', class: 'textarea', rows: '4', spellcheck: 'false', 'data-user': 'true' });
    textarea.value = s.text;
    textarea.addEventListener('input', () => {
      this.state.text = textarea.value;
      window.clearTimeout(this.textTimer);
      this.textTimer = window.setTimeout(() => this.commands.text(textarea.value), 300);
    });

    const apply = h('button', { type: 'button', id: 'import-apply', class: 'button' }, t('import.apply'));
    apply.addEventListener('click', () => this.commands.apply(this.state.mode));
    const cancel = h('button', { type: 'button', id: 'import-cancel', class: 'button quiet' }, t('import.cancel'));
    cancel.addEventListener('click', () => this.commands.close());

    this.container.appendChild(h('div', { id: 'import-panel', class: 'import-panel' }, [
      h('h3', { class: 'section-subheading', text: t('import.heading') }),
      h('p', { class: 'hint', text: t('import.hint') }),
      h('div', { class: 'button-row' }, [choose, fileInput, h('span', { id: 'import-file-name', class: 'import-file-name', 'data-user': 'true' })]),
      h('div', { class: 'field' }, [h('label', { for: 'import-text', text: t('import.paste') }), textarea]),
      h('div', { id: 'import-dynamic' }, [
        h('div', { id: 'import-preview', class: 'import-preview', role: 'status' }),
        h('p', { id: 'import-problem', class: 'notice error', role: 'alert', hidden: true }),
        h('div', { id: 'import-modes' }),
      ]),
      h('div', { class: 'button-row' }, [apply, cancel]),
    ]));
    this.update();
    if (focusedId) {
      const el = document.getElementById(focusedId);
      if (el) el.focus();
    }
  };

  // The parts that follow the rows read: the preview, a problem, the mode.
  ImportView.prototype.update = function () {
    const s = this.state;
    const dynamic = document.getElementById('import-dynamic');
    if (!dynamic) return;
    document.getElementById('import-file-name').textContent = s.fileName;
    document.getElementById('import-apply').disabled = !s.plan;
    const preview = document.getElementById('import-preview');
    clear(preview);
    if (s.plan) append(preview, this.preview());
    const problem = document.getElementById('import-problem');
    problem.textContent = s.problem;
    problem.hidden = !s.problem;
    const modes = document.getElementById('import-modes');
    clear(modes);
    if (!s.plan) return;
    modes.appendChild(h('fieldset', { class: 'import-mode' }, [
      h('legend', { text: t('import.mode') }),
      ...['replace', 'merge'].map((mode) => {
        const id = 'import-mode-' + mode;
        const radio = h('input', { type: 'radio', id, name: 'import-mode', value: mode, checked: s.mode === mode });
        radio.addEventListener('change', () => { this.state.mode = mode; });
        return h('div', { class: 'radio' }, [radio, h('label', { for: id, text: t('import.mode.' + mode) })]);
      }),
    ]));
  };

  ImportView.prototype.preview = function () {
    const { plan, effect } = this.state;
    const kind = (k) => t(k === 'amount' ? 'kind.amount' : 'kind.count').toLowerCase();
    const lines = [
      plan.headerless ? t('import.summary.headerless', { rows: effect.rows }) : t('import.summary', { rows: effect.rows, name: plan.nameHeader || '1' }),
      t('import.effect.matched', { matched: effect.matched, added: effect.added }),
    ];
    if (effect.dropped.length) {
      lines.push(t('import.effect.dropped', { n: effect.dropped.length, names: effect.dropped.slice(0, 5).join(', ') + (effect.dropped.length > 5 ? ' …' : '') }));
    }
    const columns = plan.columns.map((c) => h('li', { 'data-user': 'true' }, c.isNew
      ? t('import.column.new', { header: c.header || c.label, kind: kind(c.kind) })
      : t('import.column.existing', { header: c.header || '–', label: c.label })));
    return [
      this.state.note ? h('p', { class: 'hint import-note', text: this.state.note }) : null,
      ...lines.map((text) => h('p', { class: 'import-line', text })),
      columns.length ? h('p', { class: 'import-line', text: t('import.columns') }) : null,
      columns.length ? h('ul', { class: 'import-columns' }, columns) : null,
      plan.skipped.length ? h('p', { class: 'hint', text: t('import.skipped', { list: plan.skipped.join(', ') }) }) : null,
      plan.titles.length ? h('p', { class: 'hint', 'data-user': 'true', text: t('import.titles', { lines: plan.titles.join(' / ') }) }) : null,
      plan.totals.length ? h('p', { class: 'hint', 'data-user': 'true', text: t('import.totals', { names: plan.totals.join(', ') }) }) : null,
    ];
  };

export { ImportView };
