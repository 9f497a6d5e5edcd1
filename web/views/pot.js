// The pot (potten): the title and notes of the scenario, the total to split,
// the deductions taken off first, and the grant's dates.
import { h, clear, pointer } from '../dom.js';
import * as format from '../format.js';
import { t } from '../i18n.js';
import { field, input, button, rowButtons } from './fields.js';

  function AboutView(container) {
    this.container = container;
  }

  AboutView.prototype.render = function (scenario) {
    clear(this.container);
    this.container.appendChild(field({ path: '/title', label: t('about.title'), value: scenario.title, className: 'field-title' }));
    this.container.appendChild(field({
      label: t('about.notes'),
      control: (id) => h('textarea', {
        id,
        class: 'input textarea',
        rows: Math.min(6, Math.max(2, Math.ceil(String(scenario.notes || '').length / 110))),
        'data-path': '/notes',
        'data-kind': 'text',
        'data-user': 'true',
        value: scenario.notes || '',
      }),
    }));
  };

  function PotView(container) {
    this.container = container;
  }

  const DATES = ['period_start', 'period_end', 'requisition_deadline', 'report_deadline'];

  // context.path: a level below the scenario (levels.js), whose pot
  // is, unless it states one, what its recipient receives above.
  PotView.prototype.render = function (scenario, context) {
    clear(this.container);
    const pot = scenario.pot || {};
    const sub = context && context.path ? context : null;
    const totalHint = !sub ? t('pot.total.hint')
      : sub.parentAmountOre === null ? t('pot.total.sub_hint', { name: sub.parentName })
        : t('pot.total.sub_hint.amount', { name: sub.parentName, amount: format.kr(sub.parentAmountOre) });
    this.container.appendChild(field({ path: '/pot/total', kind: 'amount', optional: Boolean(sub), label: t('pot.total'), hint: totalHint, value: pot.total }));

    const deductions = pot.deductions || [];
    const list = h('div', { class: 'subsection', 'data-path': '/pot/deductions' }, [
      h('h3', { class: 'subheading', text: t('pot.deductions') }),
    ]);
    if (deductions.length === 0) list.appendChild(h('p', { class: 'hint', text: t('pot.deductions.none') }));
    deductions.forEach((d, i) => {
      const name = d.name || t('pot.deduction.unnamed', { n: i + 1 });
      list.appendChild(h('div', { class: 'inline-row', 'data-path': pointer('pot', 'deductions', i) }, [
        input({ path: pointer('pot', 'deductions', i, 'name'), value: d.name, ariaLabel: t('pot.deduction.name', { n: i + 1 }), className: 'grow' }),
        input({ path: pointer('pot', 'deductions', i, 'amount'), kind: 'amount', value: d.amount, ariaLabel: t('pot.deduction.amount', { name }), className: 'amount' }),
        rowButtons('deductions', i, deductions.length, name),
      ]));
    });
    list.appendChild(button({ action: 'add', data: { collection: 'deductions' }, text: t('pot.deduction.add'), className: 'secondary' }));
    this.container.appendChild(list);

    const dates = (pot.dates || {});
    const grid = h('div', { class: 'subsection' }, [h('h3', { class: 'subheading', text: t('pot.dates') })]);
    const row = h('div', { class: 'field-grid' });
    for (const key of DATES) {
      row.appendChild(field({ path: pointer('pot', 'dates', key), kind: 'date', optional: true, label: t('pot.dates.' + key), value: dates[key] }));
    }
    grid.appendChild(row);
    if (sub && sub.inheritsDates) grid.appendChild(h('p', { class: 'hint', text: t('pot.dates.inherited') }));
    this.container.appendChild(grid);
  };

export { AboutView, PotView };
