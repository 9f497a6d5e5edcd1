// The distribution key (fördelningsnyckel): its components with their
// shares and bases, and the earmarked amounts added on top.
import { h, clear, pointer, uniqueId, own } from '../dom.js';
import { t } from '../i18n.js';
import { field, select, button, rowButtons } from './fields.js';
import { indicatorName } from './recipients.js';

  const BASES = ['weighted', 'indicator', 'equal', 'fixed', 'cost'];

  function componentName(component, index) {
    return (component && component.name) || t('key.component.unnamed', { n: index + 1 });
  }

  function indicatorOptions(indicators, kind) {
    return indicators
      .map((ind, i) => ({ ind, i }))
      .filter(({ ind }) => !kind || ind.kind === kind || (kind === 'count' && ind.kind !== 'amount'))
      .map(({ ind, i }) => ({ value: ind.id, label: indicatorName(ind, i) }));
  }

  function KeyView(container) {
    this.container = container;
  }

  KeyView.prototype.render = function (scenario) {
    clear(this.container);
    const key = scenario.key || [];
    const indicators = scenario.indicators || [];
    const list = h('div', { class: 'components', 'data-path': '/key' });
    key.forEach((component, k) => list.appendChild(this.renderComponent(component, k, key.length, indicators)));
    this.container.appendChild(list);
    this.container.appendChild(button({ action: 'add', data: { collection: 'key' }, text: t('key.add'), className: 'secondary' }));
  };

  KeyView.prototype.renderComponent = function (component, k, count, indicators) {
    const name = componentName(component, k);
    const base = ['key', k];
    const basisHintId = uniqueId('basis-hint');
    const box = h('fieldset', { class: 'component', 'data-path': pointer(...base) }, [
      h('legend', { text: t('key.component.legend', { n: k + 1 }) }),
    ]);
    box.appendChild(h('div', { class: 'component-head' }, [
      field({ path: pointer(...base, 'name'), label: t('key.name'), value: component.name, className: 'grow' }),
      field({ path: pointer(...base, 'share'), kind: 'decimal', label: t('key.share'), value: component.share, className: 'share', inputClass: 'number' }),
      field({
        label: t('key.basis'),
        className: 'basis',
        control: (id) => select({
          id,
          path: pointer(...base, 'basis'),
          value: component.basis,
          describedBy: basisHintId,
          options: BASES.map((b) => ({ value: b, label: t('basis.' + b) })),
        }),
      }),
    ]));
    const buttons = rowButtons('key', k, count, name);
    buttons.classList.add('component-buttons');
    box.appendChild(buttons);
    box.appendChild(h('p', { class: 'hint', id: basisHintId, text: BASES.includes(component.basis) ? t('basis.' + component.basis + '.hint') : '' }));

    if (component.basis === 'weighted') {
      const weights = component.weights || {};
      const grid = h('div', { class: 'weights', 'data-path': pointer(...base, 'weights') }, [
        h('p', { class: 'subheading', text: t('key.weights') }),
      ]);
      const shown = indicators.filter((ind) => ind.kind !== 'amount' || own(weights, ind.id) !== undefined);
      if (!shown.length) grid.appendChild(h('p', { class: 'hint', text: t('key.weights.none') }));
      const row = h('div', { class: 'field-grid' });
      for (const ind of shown) {
        row.appendChild(field({
          path: pointer(...base, 'weights', ind.id),
          kind: 'decimal',
          optional: true,
          label: indicatorName(ind, indicators.indexOf(ind)),
          value: own(weights, ind.id),
          inputClass: 'number short',
          placeholder: '0',
        }));
      }
      grid.appendChild(row);
      box.appendChild(grid);
    } else if (component.basis === 'indicator' || component.basis === 'fixed') {
      const kind = component.basis === 'fixed' ? 'amount' : 'count';
      box.appendChild(field({
        label: t(component.basis === 'fixed' ? 'key.column.amount' : 'key.column'),
        className: 'column-choice',
        control: (id) => select({
          id,
          path: pointer(...base, 'indicator'),
          value: component.indicator,
          options: indicatorOptions(indicators, kind),
        }),
      }));
    }
    return box;
  };

  function EarmarksView(container) {
    this.container = container;
  }

  EarmarksView.prototype.render = function (scenario) {
    clear(this.container);
    const earmarks = scenario.earmarks || [];
    const indicators = scenario.indicators || [];
    this.container.appendChild(h('p', { class: 'hint', text: t('earmarks.hint') }));
    const list = h('div', { class: 'earmarks', 'data-path': '/earmarks' });
    earmarks.forEach((earmark, e) => {
      const name = earmark.name || t('earmarks.unnamed', { n: e + 1 });
      list.appendChild(h('div', { class: 'earmark', 'data-path': pointer('earmarks', e) }, [
        field({ path: pointer('earmarks', e, 'name'), label: t('earmarks.name'), value: earmark.name, className: 'grow' }),
        field({
          label: t('earmarks.column'),
          className: 'column-choice',
          control: (id) => select({
            id,
            path: pointer('earmarks', e, 'indicator'),
            value: earmark.indicator,
            options: indicatorOptions(indicators, 'amount'),
          }),
        }),
        field({ path: pointer('earmarks', e, 'stated_total'), kind: 'amount', optional: true, label: t('earmarks.stated'), value: earmark.stated_total, inputClass: 'number' }),
        rowButtons('earmarks', e, earmarks.length, name),
      ]));
    });
    if (earmarks.length) this.container.appendChild(list);
    this.container.appendChild(button({ action: 'add', data: { collection: 'earmarks' }, text: t('earmarks.add'), className: 'secondary' }));
  };

  const METHODS = ['largest-remainder', 'dhondt', 'sainte-lague', 'huntington-hill', 'adams', 'dean'];

  function RoundingView(container) {
    this.container = container;
  }

  RoundingView.prototype.render = function (scenario) {
    clear(this.container);
    const rounding = scenario.rounding || {};
    const method = rounding.method || 'largest-remainder';
    this.container.appendChild(field({ path: '/rounding/unit', kind: 'amount', optional: true, label: t('rounding.unit'), hint: t('rounding.unit.hint'), value: rounding.unit, placeholder: '1', inputClass: 'number' }));
    const methodHint = 'rounding-method-hint';
    this.container.appendChild(h('div', { class: 'field' }, [
      h('label', { for: 'rounding-method', text: t('rounding.method') }),
      select({
        id: 'rounding-method',
        path: '/rounding/method',
        value: method,
        describedBy: methodHint,
        options: METHODS.map((m) => ({ value: m, label: t('method.' + m) })),
      }),
      h('p', { class: 'hint explain', id: methodHint, text: METHODS.includes(method) ? t('method.' + method + '.explain') : '' }),
    ]));
    if (method === 'sainte-lague') {
      this.container.appendChild(field({ path: '/rounding/first_divisor', kind: 'decimal', optional: true, label: t('rounding.first_divisor'), hint: t('rounding.first_divisor.hint'), value: rounding.first_divisor, placeholder: '1', inputClass: 'number short' }));
    }
    this.container.appendChild(field({
      label: t('rounding.level'),
      control: (id, hintId) => select({
        id,
        path: '/rounding/level',
        value: rounding.level || 'recipient',
        describedBy: hintId,
        options: [
          { value: 'recipient', label: t('level.recipient') },
          { value: 'component', label: t('level.component') },
        ],
      }),
      hint: t('level.' + (rounding.level === 'component' ? 'component' : 'recipient') + '.explain'),
    }));
    this.container.appendChild(field({ path: '/rounding/min_units', kind: 'decimal', optional: true, label: t('rounding.min_units'), hint: t('rounding.min_units.hint'), value: rounding.min_units, placeholder: '0', inputClass: 'number short' }));
  };

export { componentName, KeyView, EarmarksView, RoundingView };
