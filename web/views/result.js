// The result: the summary figures at the top of the page, the rule with
// its inputs, the table of amounts per recipient and the totals. Every
// amount is an öre integer from the core's result document; this file only
// formats them.
import { clock } from '../clock.js';
import { core } from '../core.js';
import { h, clear, own } from '../dom.js';
import * as format from '../format.js';
import * as i18n from '../i18n.js';
import { t } from '../i18n.js';
import { componentName } from './key.js';
import { recipientName, indicatorName } from './recipients.js';
import { VirtualRows } from './virtual-rows.js';

  const APPORTIONED = ['weighted', 'indicator', 'equal'];

  function has(value) {
    return value !== undefined && value !== null;
  }

  // The columns of the result table, shared by the page, the copy for Word
  // and Excel, and the print view. Each: {id, header, note, value(row),
  // total, kind: 'amount'|'signed', emphasis}.
  function resultColumns(result, scenario) {
    const components = result.components || [];
    const rows = result.recipients || [];
    const totals = result.totals || {};
    const earmarks = scenario.earmarks || [];
    const columns = [];
    const anyApportioned = components.some((c) => APPORTIONED.includes(c.basis));

    if (components.length > 1 || anyApportioned) {
      components.forEach((component, i) => {
        const exact = rows.length > 0 && rows.every((r) => r.components && r.components[i] && r.components[i].amount_ore === null);
        let total = has(component.allocated_ore) ? component.allocated_ore : null;
        if (total === null && exact) total = component.frame_ore;
        if (total === null && components.length === 1) total = totals.formula_ore;
        columns.push({
          id: 'component-' + i,
          header: component.name || componentName(null, i),
          userHeader: true,
          note: exact ? t('result.exact') : null,
          value: (r) => {
            const c = r.components && r.components[i];
            if (!c) return null;
            return has(c.amount_ore) ? c.amount_ore : c.exact_ore;
          },
          total,
          kind: 'amount',
          secondary: exact,
        });
      });
    }
    if (anyApportioned) {
      // What rounding gave (+) or took (−) from the exact amount: shown,
      // not muted, as the decision has to account for it.
      columns.push({ id: 'rounding', header: t('result.rounding'), note: t('result.rounding.note'), value: (r) => r.rounding_ore, total: null, kind: 'signed' });
    }
    const hasEarmarks = rows.length > 0 && (rows[0].earmarks_ore || []).length > 0;
    const redistribution = result.redistribution;
    columns.push({ id: 'formula', header: t('result.formula'), value: (r) => r.formula_ore, total: totals.formula_ore, kind: 'amount', emphasis: !hasEarmarks && !redistribution });
    if (hasEarmarks) {
      const count = rows[0].earmarks_ore.length;
      for (let e = 0; e < count; e += 1) {
        const fromResult = result.earmarks && result.earmarks[e];
        let total = fromResult && has(fromResult.total_ore) ? fromResult.total_ore : null;
        if (total === null && count === 1) total = totals.earmarks_ore;
        columns.push({
          id: 'earmark-' + e,
          header: (earmarks[e] && earmarks[e].name) || t('earmarks.unnamed', { n: e + 1 }),
          userHeader: true,
          note: t('result.earmarked'),
          value: (r) => (r.earmarks_ore || [])[e],
          total,
          kind: 'amount',
        });
      }
      columns.push({ id: 'total', header: t('result.total'), value: (r) => r.total_ore, total: totals.total_ore, kind: 'amount', emphasis: !redistribution });
    }
    if (redistribution) {
      // Signed by the core: minus what a recipient that did not requisition gives back.
      columns.push({ id: 'unrequisitioned', header: t('result.unrequisitioned'), value: (r) => r.unrequisitioned_ore, total: totals.unrequisitioned_ore, kind: 'amount' });
      columns.push({ id: 'redistribution', header: t('result.redistribution'), value: (r) => r.redistribution_ore, total: totals.redistributed_ore, kind: 'amount' });
      columns.push({ id: 'final', header: t('result.final'), value: (r) => r.final_ore, total: totals.final_ore, kind: 'amount', emphasis: true });
    }
    return columns;
  }

  function amountText(column, value) {
    if (!has(value)) return '';
    return column.kind === 'signed' ? format.krSigned(value) : format.kr(value);
  }

  // Plain-language lines describing the rule, for the screen and print.
  function ruleLines(result, scenario) {
    const lines = [];
    const totals = result.totals || {};
    const indicators = scenario.indicators || [];
    // Names in these lines stand inside the page's own words: isolated.
    const isolate = i18n.isolate;
    const label = (id) => {
      const i = indicators.findIndex((ind) => ind.id === id);
      return isolate(i >= 0 ? indicatorName(indicators[i], i) : String(id || '–'));
    };
    const amountOf = (value) => {
      if (!has(value) || value === '') return '';
      try {
        const parsed = core.parseAmount(value);
        return parsed.ok ? format.kr(parsed.ore) : String(value);
      } catch (e) {
        return String(value);
      }
    };

    let pot = t('rule.pot', { total: format.kr(totals.pot_ore) });
    const deductions = (scenario.pot && scenario.pot.deductions) || [];
    if (deductions.length) {
      const parts = deductions.map((d, i) => isolate(d.name || t('pot.deduction.unnamed', { n: i + 1 })) + ' ' + amountOf(d.amount));
      pot += ' ' + t('rule.deductions', { list: parts.join(', '), net: format.kr(totals.net_ore) });
    }
    lines.push({ term: t('rule.pot.term'), text: pot });

    (scenario.key || []).forEach((component, k) => {
      let how;
      if (component.basis === 'weighted') {
        const weights = Object.keys(component.weights || {})
          .map((id) => label(id) + ' × ' + format.inputValue(component.weights[id]));
        how = t('rule.basis.weighted', { weights: weights.join(', ') });
      } else if (component.basis === 'indicator') {
        how = t('rule.basis.indicator', { column: label(component.indicator) });
      } else if (component.basis === 'fixed') {
        how = t('rule.basis.fixed', { column: label(component.indicator) });
      } else if (component.basis === 'equal') {
        how = t('rule.basis.equal');
      } else if (component.basis === 'cost') {
        how = t('rule.basis.cost');
      } else {
        how = String(component.basis);
      }
      lines.push({
        term: t('rule.component.term', { n: k + 1 }),
        text: isolate(componentName(component, k)) + ': ' + format.inputValue(component.share) + ' % – ' + how,
      });
    });

    (scenario.earmarks || []).forEach((earmark, e) => {
      const name = isolate(earmark.name || t('earmarks.unnamed', { n: e + 1 }));
      let text = name === label(earmark.indicator) ? name : name + ' – ' + t('rule.earmark', { column: label(earmark.indicator) });
      if (has(earmark.stated_total) && earmark.stated_total !== '') text += ' ' + t('rule.earmark.stated', { total: amountOf(earmark.stated_total) });
      lines.push({ term: t('rule.earmark.term'), text });
    });

    const rounding = result.rounding || {};
    const method = rounding.method || 'largest-remainder';
    let rule = t('rule.rounding', {
      unit: format.roundingUnit(rounding.unit_ore),
      method: t('method.' + method),
      level: t('level.' + (rounding.level === 'component' ? 'component' : 'recipient')),
    });
    const sr = scenario.rounding || {};
    if (method === 'sainte-lague' && has(sr.first_divisor)) rule += ' ' + t('rule.first_divisor', { value: format.inputValue(sr.first_divisor) });
    if (has(sr.min_units) && String(sr.min_units) !== '0') rule += ' ' + t('rule.min_units', { value: format.inputValue(sr.min_units) });
    lines.push({ term: t('rule.rounding.term'), text: rule });

    const dates = (scenario.pot && scenario.pot.dates) || {};
    const dateParts = [];
    if (dates.period_start || dates.period_end) dateParts.push(t('rule.period', { from: dates.period_start || '…', to: dates.period_end || '…' }));
    if (dates.requisition_deadline) dateParts.push(t('rule.requisition', { date: dates.requisition_deadline }));
    if (dates.report_deadline) dateParts.push(t('rule.report', { date: dates.report_deadline }));
    if (dateParts.length) lines.push({ term: t('rule.dates.term'), text: dateParts.join('. ') + '.' });
    return lines;
  }

  // The rule as a list of terms: on the page, in its print, and for each
  // side of a printed comparison.
  function ruleList(result, scenario) {
    const rule = h('dl', { class: 'rule' });
    for (const line of ruleLines(result, scenario)) {
      rule.appendChild(h('div', { class: 'rule-line' }, [h('dt', { text: line.term }), h('dd', { text: line.text })]));
    }
    return rule;
  }

  // The figures shown at the top of the page, label → öre.
  function summaryFigures(result) {
    const totals = result.totals || {};
    const figures = [
      { id: 'net', label: t('summary.net'), value: totals.net_ore },
      { id: 'formula', label: t('summary.formula'), value: totals.formula_ore },
      { id: 'not-allocated', label: t('summary.not_allocated'), value: totals.not_allocated_ore, warn: has(totals.not_allocated_ore) && totals.not_allocated_ore !== 0 },
    ];
    if (totals.earmarks_ore) figures.push({ id: 'earmarks', label: t('summary.earmarks'), value: totals.earmarks_ore });
    figures.push({ id: 'total', label: t('summary.total'), value: totals.total_ore, emphasis: !result.redistribution });
    if (result.redistribution) {
      figures.push({ id: 'redistributed', label: t('summary.redistributed'), value: totals.redistributed_ore });
      figures.push({ id: 'final', label: t('summary.final'), value: totals.final_ore, emphasis: true });
    }
    return figures;
  }

  function SummaryView(container, live) {
    this.container = container;
    this.live = live;
    this.lastSentence = '';
  }

  // state: {good: {result, scenario} | null, errors: n, warnings: n}
  SummaryView.prototype.render = function (state) {
    clear(this.container);
    if (!state.good) {
      this.container.appendChild(h('p', { class: 'summary-empty', text: state.errors ? t('summary.none.errors') : t('summary.none') }));
      this.announce(state.errors ? t('summary.none.errors') : '');
      return;
    }
    const figures = summaryFigures(state.good.result);
    const list = h('dl', { class: 'figures' + (state.errors ? ' stale' : '') });
    for (const f of figures) {
      list.appendChild(h('div', { class: 'figure' + (f.warn ? ' warn' : '') + (f.emphasis ? ' emphasis' : ''), 'data-figure': f.id }, [
        h('dt', { text: f.label }),
        h('dd', { text: format.kr(f.value) }),
      ]));
    }
    this.container.appendChild(list);
    const status = state.errors
      ? h('p', { class: 'status error' }, [h('a', { href: '#findings', text: t('summary.stale', { n: state.errors }) })])
      : state.warnings
        ? h('p', { class: 'status warning' }, [h('a', { href: '#findings', text: t('summary.warnings', { n: state.warnings }) })])
        : h('p', { class: 'status ok', text: t('summary.ok') });
    status.appendChild(document.createTextNode(' '));
    status.appendChild(h('a', { href: '#result-section', class: 'to-result', text: t('summary.to_result') }));
    this.container.appendChild(status);

    const sentence = (state.errors ? t('summary.stale', { n: state.errors }) + ' ' : '')
      + figures.map((f) => f.label + ' ' + format.kr(f.value)).join(', ') + '.';
    this.announce(sentence);
  };

  // After a change of language: nothing stale in the old one.
  SummaryView.prototype.reset = function () {
    window.clearTimeout(this.announceTimer);
    this.lastSentence = '';
    this.live.textContent = '';
  };

  // Said once the typing has paused, not after every recomputation.
  SummaryView.prototype.announce = function (sentence) {
    if (sentence === this.lastSentence) return;
    this.lastSentence = sentence;
    window.clearTimeout(this.announceTimer);
    this.announceTimer = window.setTimeout(() => { this.live.textContent = sentence; }, 1200);
  };

  // The day it was printed, as dates are written in a decision paper (2026-11-29).
  function printedOn() {
    return t('print.generated', { version: core.version(), date: clock.today() });
  }

  function ResultView(container) {
    this.container = container;
    this.query = '';
    // The printed date follows the page's clock, also when it is set after
    // the result was drawn, or when the page stayed open past midnight.
    const redate = () => {
      const foot = this.container.querySelector('.print-foot');
      if (foot) foot.textContent = printedOn();
    };
    clock.subscribe(redate);
    window.addEventListener('beforeprint', redate);
    // A long table is drawn near the view only: the print gets every row,
    // built when the browser prints and dropped after.
    window.addEventListener('beforeprint', () => this.drawForPrint());
    window.addEventListener('afterprint', () => this.dropPrint());
  }

  ResultView.prototype.render = function (state) {
    if (state.good && this.update(state)) return;
    this.shown = null;
    if (this.rows) this.rows.stop();
    this.rows = null;
    clear(this.container);
    if (!state.good) {
      this.container.appendChild(h('p', { class: 'hint', text: state.errors ? t('result.none.errors') : t('result.none') }));
      return;
    }
    const { result, scenario } = state.good;
    this.good = state.good;
    this.columns = resultColumns(result, scenario);
    if (state.errors) {
      this.container.appendChild(h('p', { class: 'stale-banner', role: 'note', text: t('result.stale') }));
    }
    const body = h('div', { class: 'result-body' + (state.errors ? ' stale' : '') });
    body.appendChild(h('header', { class: 'print-only print-head' }, [
      h('p', { class: 'print-title', 'data-user': 'true', text: scenario.title || t('result.heading') }),
      scenario.notes ? h('p', { class: 'print-notes', 'data-user': 'true', text: scenario.notes }) : null,
    ]));
    body.appendChild(h('p', { class: 'print-only print-foot', text: printedOn() }));

    body.appendChild(h('section', { class: 'rule-box', 'aria-labelledby': 'rule-heading' }, [
      h('h3', { id: 'rule-heading', class: 'subheading', text: t('rule.heading') }),
      ruleList(result, scenario),
    ]));

    const count = (result.recipients || []).length;
    const virtual = VirtualRows.virtual(count);
    const table = buildTable(result, scenario, { id: 'result-table', rows: false });
    table.setAttribute('aria-rowcount', String(count + 2));
    table.tHead.rows[0].setAttribute('aria-rowindex', '1');
    const scroller = h('div', { class: 'table-scroll' }, table);
    this.rows = new VirtualRows({
      scroller,
      body: table.tBodies[0],
      columns: this.columns.length + 1,
      draw: (r) => this.drawRow(r),
      update: (tr, r) => this.updateRow(tr, r),
      // Rows drawn on scrolling get the name's buttons too (decision.js).
      drawn: () => { if (this.shown) this.container.dispatchEvent(new CustomEvent('rowsdrawn', { bubbles: true })); },
    });
    scroller.addEventListener('keydown', (event) => this.rows.onKeydown(event, (tr, c) => {
      const cell = tr.cells[c];
      if (!cell) return null;
      return (c === 0 && cell.querySelector('button.explain-open')) || cell;
    }));
    this.filter = null;
    if (virtual) {
      this.filter = VirtualRows.filterBox({
        id: 'result-filter',
        label: t('filter.result'),
        controls: 'result-table',
        value: this.query,
        onChange: (query) => {
          this.query = query;
          this.showRows();
          this.container.dispatchEvent(new CustomEvent('rowsdrawn', { bubbles: true }));
        },
      });
      body.appendChild(this.filter.element);
    }
    body.appendChild(scroller);
    body.appendChild(totalsList(result));
    // The values the result came from are printed with it: for a long table
    // built only when printing.
    body.appendChild(virtual ? h('div', { class: 'print-only basis-later' }) : basisTable(scenario));
    this.container.appendChild(body);
    this.showRows();
    table.tFoot.rows[0].setAttribute('aria-rowindex', String(count + 2));
    this.shown = { shape: tableShape(state), body };
  };

  // The rows the filter lets through, drawn near the view.
  ResultView.prototype.showRows = function () {
    const { result, scenario } = this.good;
    const rows = result.recipients || [];
    const query = this.filter ? this.query : '';
    const list = VirtualRows.matching(rows.length, query, (r) => rowName(rows[r], scenario, r));
    this.rows.setRows(list, rows.length);
    if (this.filter) this.filter.count(list ? list.length : rows.length, rows.length, query);
  };

  function rowName(row, scenario, r) {
    return row.name || recipientName((scenario.recipients || [])[r], r);
  }

  ResultView.prototype.drawRow = function (r) {
    const { result, scenario } = this.good;
    return resultRow(result.recipients[r], rowName(result.recipients[r], scenario, r), this.columns, true);
  };

  // A drawn row brought up to the result now shown: its amounts set in
  // place, its name cell drawn again only when the name or its notes changed.
  ResultView.prototype.updateRow = function (tr, r) {
    const { result, scenario } = this.good;
    const row = result.recipients[r];
    if (!row) return;
    const name = rowName(row, scenario, r);
    const key = nameKey(row, name);
    if (tr.nameKey !== key) {
      const fresh = resultRow(row, name, this.columns, true);
      tr.replaceChild(fresh.cells[0], tr.cells[0]);
      tr.nameKey = key;
      tr.className = fresh.className;
    }
    this.columns.forEach((column, c) => setText(tr.cells[c + 1], amountText(column, column.value(row))));
  };

  // For the print: every row of a long table, and the values it came from.
  ResultView.prototype.drawForPrint = function () {
    if (!this.shown || !this.rows || !this.rows.virtual) return;
    this.dropPrint();
    const { result, scenario } = this.good;
    const scroller = this.rows.scroller;
    const all = h('div', { class: 'print-only result-print' }, buildTable(result, scenario, { id: 'result-print-table' }));
    scroller.parentNode.insertBefore(all, scroller.nextSibling);
    const later = this.shown.body.querySelector('.basis-later');
    if (later) later.appendChild(basisTable(scenario));
  };

  ResultView.prototype.dropPrint = function () {
    if (!this.shown) return;
    for (const el of this.shown.body.querySelectorAll('.result-print')) el.remove();
    const later = this.shown.body.querySelector('.basis-later');
    if (later) clear(later);
  };

  // What the page shows of a result besides the amounts and the names: when
  // it is the same as before an edit, the drawn rows are updated in place
  // rather than the whole result rebuilt (the same text, less work).
  function tableShape(state) {
    const { result, scenario } = state.good;
    const columns = resultColumns(result, scenario).map((c) => [c.id, c.header, c.note, c.kind, Boolean(c.emphasis), Boolean(c.secondary), Boolean(c.userHeader)]);
    const indicators = (scenario.indicators || []).map((ind, i) => [ind.id, indicatorName(ind, i), ind.kind]);
    return JSON.stringify([i18n.lang(), Boolean(state.errors), scenario.title || '', scenario.notes || '', core.version(), columns,
      (result.recipients || []).length, (scenario.recipients || []).length, indicators]);
  }

  // Sets an element's text only when it changed.
  function setText(el, text) {
    if (el && el.textContent !== text) el.textContent = text;
  }

  // Keeps `old` where it equals `fresh`, else puts `fresh` in its place.
  function keepOrReplace(old, fresh) {
    if (!old || !old.parentNode) return false;
    if (!old.isEqualNode(fresh)) old.parentNode.replaceChild(fresh, old);
    return true;
  }

  // The in-place update of render(); false when the result must be rebuilt.
  ResultView.prototype.update = function (state) {
    const shown = this.shown;
    if (!shown || !this.rows || !this.container.contains(shown.body)) return false;
    const shape = tableShape(state);
    if (shape !== shown.shape) return false;
    const { result, scenario } = state.good;
    const body = shown.body;
    const table = body.querySelector('#result-table');
    const basis = body.querySelector('.basis-box table');
    const ruleBox = body.querySelector('.rule-box');
    const totalsBox = body.querySelector('.totals-box');
    const indicators = scenario.indicators || [];
    const recipients = scenario.recipients || [];
    if (!table || !table.tBodies[0] || !table.tFoot || !ruleBox || !totalsBox) return false;

    keepOrReplace(ruleBox.querySelector('dl.rule'), ruleList(result, scenario));

    this.good = state.good;
    this.columns = resultColumns(result, scenario);
    this.rows.refresh();
    const totalCells = table.tFoot.rows[0].cells;
    this.columns.forEach((column, c) => setText(totalCells[c + 1], amountText(column, column.total)));

    keepOrReplace(totalsBox, totalsList(result));

    if (basis && !this.rows.virtual) {
      const basisRows = basis.tBodies[0].rows;
      recipients.forEach((rec, r) => {
        const cells = basisRows[r].cells;
        indicators.forEach((ind, i) => setText(cells[i + 1], format.inputValue(own(rec.values, ind.id))));
      });
    }
    if (body.querySelector('.result-print')) this.drawForPrint();
    return true;
  };

  function nameKey(row, name) {
    return JSON.stringify([name, row.requisitioned === false, Boolean(row.pending)]);
  }

  // One recipient's row of the result table. `focusable`: its amount cells
  // can take the focus, for moving between cells with the keyboard.
  function resultRow(row, name, columns, focusable) {
    const tr = h('tr', { class: row.requisitioned === false ? 'not-requisitioned' : null }, [
      h('th', { scope: 'row' }, [
        h('span', { 'data-user': 'true', text: name }),
        row.requisitioned === false ? h('span', { class: 'note', text: ' (' + t('result.not_requisitioned') + ')' }) : null,
        row.pending ? h('span', { class: 'note', text: ' (' + t('result.pending') + ')' }) : null,
      ]),
    ]);
    for (const column of columns) {
      tr.appendChild(h('td', { class: 'num' + (column.emphasis ? ' emphasis' : '') + (column.secondary ? ' secondary' : ''), tabindex: focusable ? '-1' : null }, amountText(column, column.value(row))));
    }
    tr.nameKey = nameKey(row, name);
    return tr;
  }

  // The result table as DOM; also used, detached, for the clipboard.
  function buildTable(result, scenario, opts) {
    const columns = resultColumns(result, scenario);
    const rows = result.recipients || [];
    const head = h('tr', null, [h('th', { scope: 'col', text: t('result.recipient') })]);
    for (const column of columns) {
      head.appendChild(h('th', { scope: 'col', class: 'num' + (column.emphasis ? ' emphasis' : '') + (column.secondary ? ' secondary' : '') }, [
        h('span', { 'data-user': column.userHeader ? 'true' : null, text: column.header }),
        column.note ? h('span', { class: 'note', text: ' (' + column.note + ')' }) : null,
      ]));
    }
    const body = h('tbody');
    // rows: false leaves the body empty, for the page's drawn-near-the-view rows.
    if (!opts || opts.rows !== false) {
      rows.forEach((row, r) => body.appendChild(resultRow(row, rowName(row, scenario, r), columns, false)));
      }
    const totalRow = h('tr', { class: 'totals' }, [h('th', { scope: 'row', text: t('result.totals') })]);
    for (const column of columns) {
      totalRow.appendChild(h('td', { class: 'num' + (column.emphasis ? ' emphasis' : '') + (column.secondary ? ' secondary' : '') }, amountText(column, column.total)));
    }
    return h('table', { class: 'grid result', id: opts && opts.id }, [
      h('caption', { 'data-user': 'true', text: scenario.title || t('result.heading') }),
      h('thead', null, head),
      body,
      h('tfoot', null, totalRow),
    ]);
  }

  function totalsList(result) {
    const totals = result.totals || {};
    const items = [
      { label: t('totals.pot'), value: totals.pot_ore },
      totals.deductions_ore ? { label: t('totals.deductions'), value: totals.deductions_ore } : null,
      totals.deductions_ore ? { label: t('totals.net'), value: totals.net_ore } : null,
      { label: t('totals.formula'), value: totals.formula_ore },
      { label: t('totals.not_allocated'), value: totals.not_allocated_ore, warn: totals.not_allocated_ore !== 0 },
      totals.earmarks_ore ? { label: t('totals.earmarks'), value: totals.earmarks_ore } : null,
      { label: t('totals.total'), value: totals.total_ore },
    ];
    if (result.redistribution) {
      items.push({ label: t('totals.pool'), value: result.redistribution.pool_ore });
      items.push({ label: t('totals.redistributed'), value: totals.redistributed_ore });
      items.push({ label: t('totals.pool_left'), value: result.redistribution.not_allocated_ore, warn: result.redistribution.not_allocated_ore !== 0 });
      items.push({ label: t('totals.final'), value: totals.final_ore });
    }
    const list = h('dl', { class: 'totals-list' });
    for (const item of items.filter(Boolean)) {
      list.appendChild(h('div', { class: item.warn ? 'warn' : null }, [h('dt', { text: item.label }), h('dd', { text: format.kr(item.value) })]));
    }
    return h('section', { class: 'totals-box', 'aria-labelledby': 'totals-heading' }, [
      h('h3', { id: 'totals-heading', class: 'subheading', text: t('totals.heading') }),
      list,
    ]);
  }

  // The indicator values the result was computed from: printed with the
  // result so that the decision can be audited.
  function basisTable(scenario) {
    const indicators = scenario.indicators || [];
    const recipients = scenario.recipients || [];
    if (!indicators.length) return h('div', { class: 'print-only' });
    const head = h('tr', null, [h('th', { scope: 'col', text: t('result.recipient') })]);
    indicators.forEach((ind, i) => head.appendChild(h('th', { scope: 'col', class: 'num' }, [
      h('span', { 'data-user': 'true', text: indicatorName(ind, i) }),
      ind.kind === 'amount' ? h('span', { text: ' ' + t('unit.kr') }) : null,
    ])));
    const body = h('tbody');
    recipients.forEach((rec, r) => {
      const tr = h('tr', null, [h('th', { scope: 'row', 'data-user': 'true', text: recipientName(rec, r) })]);
      for (const ind of indicators) tr.appendChild(h('td', { class: 'num', text: format.inputValue(own(rec.values, ind.id)) }));
      body.appendChild(tr);
    });
    return h('section', { class: 'basis-box print-only', 'aria-labelledby': 'basis-heading' }, [
      h('h3', { id: 'basis-heading', class: 'subheading', text: t('basis.heading') }),
      h('table', { class: 'grid compact' }, [h('thead', null, head), body]),
    ]);
  }

export { resultColumns, ruleList, printedOn, buildTable as buildResultTable, SummaryView, ResultView };
