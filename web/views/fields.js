// Form controls bound to a place in the scenario: each carries the JSON
// pointer of its value (data-path) and how to read it (data-kind), so one
// event handler in web/edits.js can write any of them back, and findings with
// the same path land beside them.
import { h, uniqueId } from '../dom.js';
import { inputValue } from '../format.js';
import { t } from '../i18n.js';

  const INPUT_MODES = { amount: 'decimal', decimal: 'decimal', date: 'numeric' };

  // kind: 'text' | 'amount' | 'decimal' | 'date'
  // optional: an emptied field removes the member instead of keeping "".
  function input(opts) {
    const kind = opts.kind || 'text';
    return h('input', {
      type: 'text',
      id: opts.id,
      class: ['input', 'input-' + kind, opts.className].filter(Boolean).join(' '),
      'data-path': opts.path,
      'data-kind': kind,
      'data-optional': opts.optional ? 'true' : null,
      'data-user': kind === 'text' ? 'true' : null,
      'aria-label': opts.ariaLabel,
      'aria-describedby': opts.describedBy,
      inputmode: INPUT_MODES[kind],
      placeholder: kind === 'date' ? t('date.placeholder') : opts.placeholder,
      autocomplete: 'off',
      spellcheck: kind === 'text' ? null : 'false',
      value: kind === 'text' ? (opts.value === undefined || opts.value === null ? '' : String(opts.value)) : inputValue(opts.value),
    });
  }

  // A labelled field: <div class="field"><label>…</label><input>[hint]</div>
  function field(opts) {
    const id = opts.id || uniqueId('f');
    const hintId = opts.hint ? id + '-hint' : null;
    const control = opts.control
      ? opts.control(id, hintId)
      : input(Object.assign({}, opts, { id, describedBy: hintId, className: opts.inputClass }));
    return h('div', { class: 'field' + (opts.className ? ' ' + opts.className : '') }, [
      h('label', { for: id, text: opts.label }),
      control,
      opts.hint ? h('p', { class: 'hint', id: hintId, text: opts.hint }) : null,
    ]);
  }

  // options: [{value, label}]
  function select(opts) {
    const el = h('select', {
      id: opts.id,
      class: 'select' + (opts.className ? ' ' + opts.className : ''),
      'data-path': opts.path,
      'data-kind': 'select',
      'aria-label': opts.ariaLabel,
      'aria-describedby': opts.describedBy,
    });
    let found = false;
    for (const option of opts.options) {
      const selected = option.value === opts.value;
      found = found || selected;
      el.appendChild(h('option', { value: option.value, selected, text: option.label }));
    }
    if (!found && opts.value !== undefined && opts.value !== null && opts.value !== '') {
      // A value the page does not offer (e.g. from a file): keep it
      // visible so the core's finding about it makes sense.
      el.appendChild(h('option', { value: opts.value, selected: true, text: String(opts.value) }));
    } else if (!found) {
      el.insertBefore(h('option', { value: '', selected: true, text: t('select.choose') }), el.firstChild);
    }
    return el;
  }

  function checkbox(opts) {
    return h('input', {
      type: 'checkbox',
      id: opts.id,
      class: 'checkbox',
      'data-path': opts.path,
      'data-kind': 'bool',
      'aria-label': opts.ariaLabel,
      checked: Boolean(opts.checked),
    });
  }

  // A button handled by web/edits.js: data-action names the command, the rest of
  // the dataset its arguments.
  function button(opts) {
    const attrs = {
      type: 'button',
      class: 'button ' + (opts.className || ''),
      'data-action': opts.action,
      'aria-label': opts.ariaLabel,
      title: opts.title || opts.ariaLabel,
      disabled: opts.disabled ? true : null,
    };
    for (const key of Object.keys(opts.data || {})) attrs['data-' + key] = opts.data[key];
    return h('button', attrs, opts.text);
  }

  // Up / down / remove buttons for row `index` of `count` in `collection`.
  function rowButtons(collection, index, count, name) {
    const data = { collection, index };
    return h('div', { class: 'row-buttons' }, [
      button({ action: 'move-up', data, className: 'icon', text: '↑', ariaLabel: t('row.up', { name }), disabled: index === 0 }),
      button({ action: 'move-down', data, className: 'icon', text: '↓', ariaLabel: t('row.down', { name }), disabled: index === count - 1 }),
      button({ action: 'remove', data, className: 'icon danger', text: '✕', ariaLabel: t('row.remove', { name }) }),
    ]);
  }

export { input, field, select, checkbox, button, rowButtons };
