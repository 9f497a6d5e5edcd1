// Rounding effects: what rounding to whole units gave or took from each
// recipient (the result's rounding_ore, the table's rounding column), said
// in words under the table, and the core's warnings about rounding (a
// method moving someone more than a unit from the exact quota, the Alabama
// paradox, a tie, money left over) shown where they cannot be missed: at
// the top of the page and beside the table.
import { h, clear } from '../dom.js';
import * as format from '../format.js';
import { t } from '../i18n.js';
import { findingMessage } from './findings.js';

  const APPORTIONED = ['weighted', 'indicator', 'equal'];
  const CODES = ['rounding.quota_violation', 'rounding.alabama', 'apportion.tie', 'rounding.not_allocated', 'rounding.not_allocated_parts'];

  // hooks: {goToRounding()}
  function RoundingEffectsView(container, alerts, hooks) {
    this.container = container;
    this.alerts = alerts;
    this.hooks = hooks;
  }

  // state: {good: {result, scenario} | null, findings (the level's own), errors}
  RoundingEffectsView.prototype.render = function (state) {
    clear(this.container);
    clear(this.alerts);
    const good = state.good;
    const warnings = (state.findings || []).filter((f) => CODES.includes(f.code));
    if (warnings.length) {
      this.alerts.appendChild(h('ul', { class: 'rounding-alerts' }, warnings.map((f) => h('li', { class: 'rounding-alert ' + f.severity, 'data-code': f.code }, [
        h('span', { class: 'badge ' + f.severity, text: t('effects.badge.' + f.code) }),
        ' ',
        h('span', { class: 'rounding-alert-text', text: findingMessage(f) }),
        ' ',
        h('a', { href: '#rounding-effects', class: 'rounding-alert-link', text: t('effects.more') }),
      ]))));
    }
    if (!good) return;
    const { result } = good;
    const rows = result.recipients || [];
    const apportioned = (result.components || []).some((c) => APPORTIONED.includes(c.basis));
    if (!apportioned && !warnings.length) return;

    const box = h('section', { class: 'effects-box' + (warnings.length ? ' has-warnings' : ''), 'aria-labelledby': 'effects-heading' }, [
      h('h3', { id: 'effects-heading', class: 'subheading', text: t('effects.heading') }),
    ]);
    if (apportioned) {
      const rounding = result.rounding || {};
      box.appendChild(h('p', { class: 'effects-text', text: t('effects.explain', {
        unit: format.roundingUnit(rounding.unit_ore),
        method: t('method.' + (rounding.method || 'largest-remainder')),
      }) }));
      // The largest gain and loss, as the result states them.
      let up = null;
      let down = null;
      for (const row of rows) {
        if (typeof row.rounding_ore !== 'number') continue;
        if (row.rounding_ore > 0 && (!up || row.rounding_ore > up.rounding_ore)) up = row;
        if (row.rounding_ore < 0 && (!down || row.rounding_ore < down.rounding_ore)) down = row;
      }
      const facts = h('ul', { class: 'effects-facts' });
      if (up) facts.appendChild(h('li', { 'data-effect': 'gain' }, [t('effects.gain') + ' ', h('span', { 'data-user': 'true', text: up.name }), ' ', h('strong', { class: 'up', text: format.krSigned(up.rounding_ore) })]));
      if (down) facts.appendChild(h('li', { 'data-effect': 'loss' }, [t('effects.loss') + ' ', h('span', { 'data-user': 'true', text: down.name }), ' ', h('strong', { class: 'down', text: format.krSigned(down.rounding_ore) })]));
      if (facts.childNodes.length) box.appendChild(facts);
    }
    if (warnings.length) {
      const list = h('ul', { class: 'effects-warnings' });
      for (const f of warnings) {
        list.appendChild(h('li', { class: 'finding-msg ' + f.severity, 'data-code': f.code }, [
          h('span', { class: 'finding-icon', 'aria-hidden': 'true', text: '!' }),
          h('span', null, [h('strong', { text: t('effects.title.' + f.code) + ' ' }), findingMessage(f)]),
        ]));
      }
      box.appendChild(list);
      const go = h('button', { type: 'button', class: 'button secondary small no-print', text: t('effects.go') });
      go.addEventListener('click', () => this.hooks.goToRounding());
      box.appendChild(go);
    }
    this.container.appendChild(box);
  };

export { RoundingEffectsView };
