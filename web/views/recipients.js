// The recipients (mottagare) and their indicator values: the columns are
// edited in a small list of their own, the values in one table with a row
// per recipient. Rows pasted from Excel or Word are handled in app.js.
import { h, clear, pointer, own } from '../dom.js';
import * as format from '../format.js';
import * as i18n from '../i18n.js';
import { t } from '../i18n.js';
import { input, select, button, rowButtons, checkbox } from './fields.js';
import { VirtualRows } from './virtual-rows.js';

  function recipientName(recipient, index) {
    return (recipient && recipient.name) || t('recipient.unnamed', { n: index + 1 });
  }

  function indicatorName(indicator, index) {
    return (indicator && indicator.label) || t('indicator.unnamed', { n: index + 1 });
  }

  function IndicatorsView(container) {
    this.container = container;
  }

  IndicatorsView.prototype.render = function (scenario) {
    clear(this.container);
    const indicators = scenario.indicators || [];
    const table = h('table', { class: 'grid compact', 'data-path': '/indicators' }, [
      h('caption', { class: 'visually-hidden', text: t('indicators.caption') }),
      h('thead', null, h('tr', null, [
        h('th', { scope: 'col', text: t('indicators.label') }),
        h('th', { scope: 'col', text: t('indicators.kind') }),
        h('th', { scope: 'col' }, h('span', { class: 'visually-hidden', text: t('table.actions') })),
      ])),
    ]);
    const body = h('tbody');
    indicators.forEach((indicator, i) => {
      const name = indicatorName(indicator, i);
      body.appendChild(h('tr', { 'data-path': pointer('indicators', i) }, [
        h('td', null, input({ path: pointer('indicators', i, 'label'), value: indicator.label, ariaLabel: t('indicators.label.of', { n: i + 1 }) })),
        h('td', null, select({
          path: pointer('indicators', i, 'kind'),
          value: indicator.kind,
          ariaLabel: t('indicators.kind.of', { name }),
          options: [
            { value: 'count', label: t('kind.count') },
            { value: 'amount', label: t('kind.amount') },
          ],
        })),
        h('td', null, rowButtons('indicators', i, indicators.length, name)),
      ]));
    });
    table.appendChild(body);
    if (indicators.length) this.container.appendChild(h('div', { class: 'table-scroll' }, table));
    else this.container.appendChild(h('p', { class: 'hint', text: t('indicators.none') }));
    this.container.appendChild(button({ action: 'add', data: { collection: 'indicators' }, text: t('indicators.add'), className: 'secondary' }));
  };

  function RecipientsView(container) {
    this.container = container;
  }

  // The columns of the recipients table a paste fills, left to right.
  RecipientsView.columns = function (scenario) {
    return ['name'].concat((scenario.indicators || []).map((ind) => ind.id));
  };

  // The table is built once per set of columns; rows are drawn only near
  // the view (VirtualRows in virtual-rows.js) and, on an edit, updated in place: the
  // field being typed in keeps its text and caret.
  RecipientsView.prototype.render = function (scenario) {
    const indicators = scenario.indicators || [];
    const recipients = scenario.recipients || [];
    this.scenario = scenario;
    const shape = JSON.stringify([i18n.lang(), VirtualRows.virtual(recipients.length),
      indicators.map((ind, i) => [ind.id, indicatorName(ind, i), ind.kind])]);
    if (!this.rows || shape !== this.shape || !this.container.contains(this.rows.body)) this.build(scenario, shape);
    this.table.setAttribute('aria-rowcount', String(recipients.length + 1));
    this.showRows();
  };

  RecipientsView.prototype.build = function (scenario, shape) {
    if (this.rows) this.rows.stop();
    clear(this.container);
    this.shape = shape;
    const indicators = scenario.indicators || [];
    const recipients = scenario.recipients || [];
    const headRow = h('tr', { 'aria-rowindex': '1' }, [
      h('th', { scope: 'col', class: 'num narrow', text: t('recipients.number') }),
      h('th', { scope: 'col', text: t('recipients.name') }),
    ]);
    indicators.forEach((indicator, i) => {
      headRow.appendChild(h('th', { scope: 'col', class: 'num' }, [
        h('span', { 'data-user': 'true', text: indicatorName(indicator, i) }),
        h('span', { class: 'unit', text: indicator.kind === 'amount' ? ' ' + t('unit.kr') : '' }),
      ]));
    });
    headRow.appendChild(h('th', { scope: 'col' }, h('span', { class: 'visually-hidden', text: t('table.actions') })));

    const body = h('tbody');
    this.table = h('table', { class: 'grid recipients', id: 'recipients-table', 'data-path': '/recipients' }, [
      h('caption', { class: 'visually-hidden', text: t('recipients.caption') }),
      h('thead', null, headRow),
      body,
    ]);
    const scroller = h('div', { class: 'table-scroll' }, this.table);
    this.rows = new VirtualRows({
      scroller,
      body,
      columns: indicators.length + 3,
      draw: (r) => this.drawRow(r),
      update: (tr, r) => this.updateRow(tr, r),
    });
    this.filter = null;
    if (VirtualRows.virtual(recipients.length)) {
      this.filter = VirtualRows.filterBox({
        id: 'recipients-filter',
        label: t('filter.recipients'),
        controls: 'recipients-table',
        value: this.query,
        onChange: (query) => {
          this.query = query;
          this.showRows();
        },
      });
      this.container.appendChild(this.filter.element);
    }
    scroller.addEventListener('keydown', (event) => this.rows.onKeydown(event, (tr, c) => {
      const cell = tr.cells[c];
      return cell ? cell.querySelector('input, button:not([disabled])') : null;
    }));
    this.container.appendChild(scroller);
    this.container.appendChild(h('div', { class: 'button-row' }, [
      button({ action: 'add', data: { collection: 'recipients' }, text: t('recipients.add'), className: 'secondary' }),
      h('p', { class: 'hint', id: 'paste-hint', text: t('recipients.paste.hint') }),
    ]));
  };

  // The rows the filter lets through, drawn near the view.
  RecipientsView.prototype.showRows = function () {
    const recipients = this.scenario.recipients || [];
    const query = this.filter ? this.query : '';
    const list = VirtualRows.matching(recipients.length, query, (r) => recipients[r] && recipients[r].name);
    this.rows.setRows(list, recipients.length);
    if (this.filter) this.filter.count(list ? list.length : recipients.length, recipients.length, query);
  };

  // Draws recipient r's row and scrolls it into view (a row just added at
  // the end of a long table), letting it through a filter that hid it.
  RecipientsView.prototype.reveal = function (r) {
    if (!this.rows) return;
    if (this.rows.positionOf(r) < 0 && this.filter) {
      this.query = '';
      this.filter.input.value = '';
      this.showRows();
    }
    const position = this.rows.positionOf(r);
    if (position >= 0) this.rows.reveal(position);
  };

  RecipientsView.prototype.drawRow = function (r) {
    const recipients = this.scenario.recipients || [];
    const indicators = this.scenario.indicators || [];
    const recipient = recipients[r];
      const name = recipientName(recipient, r);
      const values = recipient.values || {};
      const row = h('tr', { 'data-path': pointer('recipients', r) }, [
        h('td', { class: 'num narrow muted', text: String(r + 1) }),
        h('td', { class: 'name-cell' }, input({
          path: pointer('recipients', r, 'name'),
          value: recipient.name,
          ariaLabel: t('recipients.name.of', { n: r + 1 }),
          className: 'name',
        })),
      ]);
      indicators.forEach((indicator, i) => {
        row.appendChild(h('td', { class: 'num' }, input({
          path: pointer('recipients', r, 'values', indicator.id),
          kind: indicator.kind === 'amount' ? 'amount' : 'decimal',
          optional: true,
          value: own(values, indicator.id),
          ariaLabel: t('recipients.value.of', { indicator: indicatorName(indicator, i), name }),
          className: 'number',
        })));
      });
      row.appendChild(h('td', { class: 'actions' }, rowButtons('recipients', r, recipients.length, name)));
    row.rowKey = rowKey(recipient, r, recipients.length);
    return row;
  };

  function syncAttributes(el, like) {
    for (const attr of [...el.attributes]) if (!like.hasAttribute(attr.name)) el.removeAttribute(attr.name);
    for (const attr of [...like.attributes]) if (el.getAttribute(attr.name) !== attr.value) el.setAttribute(attr.name, attr.value);
    if (el.textContent !== like.textContent) el.textContent = like.textContent;
  }

  function rowKey(recipient, r, count) {
    return JSON.stringify([r, count, recipient && recipient.name, recipient && recipient.values]);
  }

  // A drawn row made to show recipient r: only what differs is touched; the
  // field with the focus stays the same element, so its caret stays.
  RecipientsView.prototype.updateRow = function (tr, r) {
    const recipients = this.scenario.recipients || [];
    const key = rowKey(recipients[r], r, recipients.length);
    if (tr.rowKey === key) return;
    const fresh = this.drawRow(r);
    tr.rowKey = key;
    tr.setAttribute('data-path', fresh.getAttribute('data-path'));
    const active = document.activeElement;
    [...fresh.cells].forEach((cell, c) => {
      const old = tr.cells[c];
      if (!old) return;
      const field = old.querySelector('input');
      const next = cell.querySelector('input');
      if (field && next) {
        for (const attr of ['data-path', 'aria-label']) {
          if (field.getAttribute(attr) !== next.getAttribute(attr)) field.setAttribute(attr, next.getAttribute(attr));
        }
        // Typing writes the field's text to the document, so a field that
        // differs from it was changed by something else (a paste, a move).
        if (field.value !== next.value) field.value = next.value;
        return;
      }
      if (old.isEqualNode(cell)) return;
      const buttons = old.querySelectorAll('button');
      const nextButtons = cell.querySelectorAll('button');
      if (old.contains(active) && buttons.length === nextButtons.length) {
        // The row's buttons, one of them pressed: the same elements, told their new row.
        buttons.forEach((b, i) => syncAttributes(b, nextButtons[i]));
      } else {
        tr.replaceChild(cell, old);
      }
    });
  };

  function RequisitionView(container) {
    this.container = container;
  }

  RequisitionView.prototype.render = function (scenario) {
    clear(this.container);
    const recipients = scenario.recipients || [];
    const body = h('tbody');
    recipients.forEach((recipient, r) => {
      const name = recipientName(recipient, r);
      body.appendChild(h('tr', null, [
        h('th', { scope: 'row', 'data-user': 'true', text: name }),
        h('td', { class: 'center' }, checkbox({
          path: pointer('recipients', r, 'requisitioned'),
          checked: recipient.requisitioned !== false,
          ariaLabel: t('requisition.requisitioned.of', { name }),
        })),
        h('td', null, input({
          path: pointer('recipients', r, 'requisition_date'),
          kind: 'date',
          optional: true,
          value: recipient.requisition_date,
          ariaLabel: t('requisition.date.of', { name }),
          className: 'date',
        })),
        h('td', { class: 'center' }, checkbox({
          path: pointer('recipients', r, 'opted_in'),
          checked: recipient.opted_in === true,
          ariaLabel: t('requisition.opted_in.of', { name }),
        })),
      ]));
    });
    this.container.appendChild(h('p', { class: 'hint', text: t('requisition.hint') }));
    this.container.appendChild(h('div', { class: 'table-scroll' }, h('table', { class: 'grid compact' }, [
      h('caption', { class: 'visually-hidden', text: t('requisition.caption') }),
      h('thead', null, h('tr', null, [
        h('th', { scope: 'col', text: t('recipients.name') }),
        h('th', { scope: 'col', class: 'center', text: t('requisition.requisitioned') }),
        h('th', { scope: 'col', text: t('requisition.date') }),
        h('th', { scope: 'col', class: 'center', text: t('requisition.opted_in') }),
      ])),
      body,
    ])));
  };

  function CostsView(container) {
    this.container = container;
  }

  CostsView.prototype.render = function (scenario) {
    clear(this.container);
    this.scenario = scenario;
    const recipients = scenario.recipients || [];
    const body = h('tbody');
    recipients.forEach((recipient, r) => {
      const name = recipientName(recipient, r);
      const cost = recipient.cost || {};
      const base = ['recipients', r, 'cost'];
      const others = h('div', { class: 'other-costs', 'data-path': pointer(...base, 'other') });
      (cost.other || []).forEach((other, o) => {
        const otherName = other.name || t('costs.other.unnamed', { n: o + 1 });
        others.appendChild(h('div', { class: 'inline-row', 'data-path': pointer(...base, 'other', o) }, [
          input({ path: pointer(...base, 'other', o, 'name'), value: other.name, ariaLabel: t('costs.other.name.of', { name, n: o + 1 }), className: 'grow' }),
          input({ path: pointer(...base, 'other', o, 'amount'), kind: 'amount', value: other.amount, ariaLabel: t('costs.other.amount.of', { name, other: otherName }), className: 'amount' }),
          button({ action: 'remove', data: { collection: 'other-costs', recipient: r, index: o }, className: 'icon danger', text: '✕', ariaLabel: t('row.remove', { name: otherName }) }),
        ]));
      });
      others.appendChild(button({ action: 'add', data: { collection: 'other-costs', recipient: r }, className: 'secondary small', text: t('costs.other.add'), ariaLabel: t('costs.other.add.of', { name }) }));
      body.appendChild(h('tr', { 'data-path': pointer(...base), class: cost.pending === true ? 'pending' : null }, [
        h('th', { scope: 'row', 'data-user': 'true', 'data-name-of': String(r), text: name }),
        h('td', { class: 'num' }, input({ path: pointer(...base, 'posts'), kind: 'decimal', optional: true, value: cost.posts, ariaLabel: t('costs.posts.of', { name }), className: 'number short' })),
        h('td', { class: 'num' }, input({ path: pointer(...base, 'cost_per_post'), kind: 'amount', optional: true, value: cost.cost_per_post, ariaLabel: t('costs.per_post.of', { name }), className: 'number' })),
        h('td', { class: 'num' }, input({ path: pointer(...base, 'months'), kind: 'decimal', optional: true, value: cost.months, placeholder: '12', ariaLabel: t('costs.months.of', { name }), className: 'number short' })),
        h('td', null, others),
        h('td', { class: 'center' }, checkbox({
          path: pointer(...base, 'pending'),
          checked: cost.pending === true,
          ariaLabel: t('costs.pending.of', { name }),
        })),
        h('td', { class: 'num cost-live', 'data-cost-of': String(r) }),
      ]));
    });
    this.container.appendChild(h('p', { class: 'hint', text: t('costs.hint') }));
    this.container.appendChild(h('div', { class: 'table-scroll' }, h('table', { class: 'grid costs-table' }, [
      h('caption', { class: 'visually-hidden', text: t('costs.caption') }),
      h('thead', null, h('tr', null, [
        h('th', { scope: 'col', text: t('costs.item') }),
        h('th', { scope: 'col', class: 'num', text: t('costs.posts') }),
        h('th', { scope: 'col', class: 'num', text: t('costs.per_post') }),
        h('th', { scope: 'col', class: 'num', text: t('costs.months') }),
        h('th', { scope: 'col', text: t('costs.other') }),
        h('th', { scope: 'col', class: 'center', text: t('costs.pending') }),
        h('th', { scope: 'col', class: 'num', text: t('costs.cost') }),
      ])),
      body,
    ])));
    this.showCosts(this.result);
  };

  // While a field of the table is typed in, the view is not drawn again:
  // the items' names, which follow their costs, are brought up to date.
  CostsView.prototype.refresh = function (scenario) {
    (scenario.recipients || []).forEach((recipient, r) => {
      const cell = this.container.querySelector('[data-name-of="' + r + '"]');
      if (cell) cell.textContent = recipientName(recipient, r);
    });
  };

  // Each item's cost as the core computed it (result.recipients[].cost_ore),
  // beside its inputs; a pending item's is shown as not decided. Without a
  // result of the scenario as it is now, a dash: never an earlier cost.
  CostsView.prototype.showCosts = function (result) {
    this.result = result || null;
    const rows = (result && result.recipients) || [];
    const recipients = (this.scenario && this.scenario.recipients) || [];
    for (const cell of this.container.querySelectorAll('[data-cost-of]')) {
      const r = Number(cell.getAttribute('data-cost-of'));
      const row = rows[r];
      // A row removed or moved since the result was computed is not this one.
      const known = row && typeof row.cost_ore === 'number' && recipients[r] && row.name === recipients[r].name;
      cell.textContent = known ? format.kr(row.cost_ore) : '–';
      if (known && row.pending) cell.appendChild(h('span', { class: 'pending-note', text: ' ' + t('costs.pending.note') }));
    }
  };

export { recipientName, indicatorName, IndicatorsView, RecipientsView, RequisitionView, CostsView };
