// A bar chart of the amounts per recipient, split by component, earmark
// and redistribution. Built as SVG by hand; the result table is its
// accessible equivalent, so the chart is an image labelled to say so.
import { h, svg, clear } from '../dom.js';
import * as format from '../format.js';
import * as i18n from '../i18n.js';
import { t } from '../i18n.js';
import { recipientName } from './recipients.js';

  const WIDTH = 860;
  const LABEL_WIDTH = 230;
  const VALUE_WIDTH = 120;
  const BAR = 22;
  const GAP = 12;
  const TOP = 8;
  const MAX_LABEL = 40;

  // The segments each bar is made of: [{label, value(row)}].
  function segments(result, scenario) {
    const rows = result.recipients || [];
    const components = result.components || [];
    const list = [];
    const allGiven = components.length > 0 && rows.every((r) => (r.components || []).every((c) => c && c.amount_ore !== null && c.amount_ore !== undefined));
    if (components.length > 1 && allGiven) {
      components.forEach((c, i) => list.push({ label: c.name || String(i + 1), user: true, value: (r) => r.components[i].amount_ore }));
    } else {
      list.push({ label: t('result.formula'), value: (r) => r.formula_ore });
    }
    const earmarks = scenario.earmarks || [];
    const count = rows.length ? (rows[0].earmarks_ore || []).length : 0;
    for (let e = 0; e < count; e += 1) {
      list.push({ label: (earmarks[e] && earmarks[e].name) || t('earmarks.unnamed', { n: e + 1 }), user: true, value: (r) => r.earmarks_ore[e] });
    }
    if (result.redistribution) list.push({ label: t('result.redistribution'), value: (r) => r.redistribution_ore });
    return list;
  }

  function ChartView(container) {
    this.container = container;
    // Drawing 290 bars after every keystroke is wasted while the chart is
    // far off screen: it is drawn once it comes near the view (or the page
    // is printed) from the last state it was given.
    this.visible = true;
    this.pending = null;
    if (typeof window.IntersectionObserver === 'function') {
      this.visible = false;
      new window.IntersectionObserver((entries) => {
        this.visible = entries[entries.length - 1].isIntersecting;
        if (this.visible) this.flush();
      }, { rootMargin: '1200px 0px' }).observe(container);
      const flush = () => this.flush();
      window.addEventListener('beforeprint', flush);
      const print = window.matchMedia ? window.matchMedia('print') : null;
      if (print && typeof print.addEventListener === 'function') print.addEventListener('change', flush);
    }
  }

  // Draws the state the chart was last given, if it has not been drawn.
  ChartView.prototype.flush = function () {
    const state = this.pending;
    if (!state) return;
    this.pending = null;
    this.draw(state);
  };

  ChartView.prototype.render = function (state) {
    if (!this.visible) {
      // Nothing out of date stays drawn while the chart waits off screen
      // (a scroll, a full-page screenshot or a find would show the previous
      // scenario's bars): the old drawing goes, its height kept so that the
      // page does not jump.
      if (!this.pending && this.container.firstChild) {
        this.container.style.minHeight = this.container.getBoundingClientRect().height + 'px';
        clear(this.container);
      }
      this.pending = state;
      return;
    }
    this.pending = null;
    this.draw(state);
  };

  ChartView.prototype.draw = function (state) {
    clear(this.container);
    this.container.style.minHeight = '';
    if (!state.good) return;
    const { result, scenario } = state.good;
    const rows = result.recipients || [];
    const parts = segments(result, scenario);
    // Bar lengths only: a drawing scale, not an amount anyone reads.
    const sums = rows.map((r) => parts.reduce((s, p) => s + Math.max(0, Number(p.value(r) || 0)), 0));
    const max = Math.max(0, ...sums);
    if (!rows.length || max <= 0) return;

    const legend = h('ul', { class: 'legend', 'aria-hidden': 'true' });
    parts.forEach((part, i) => legend.appendChild(h('li', null, [
      h('span', { class: 'swatch seg-' + (i % 8) }),
      h('span', { 'data-user': part.user ? 'true' : null, text: part.label }),
    ])));

    const height = TOP * 2 + rows.length * (BAR + GAP) - GAP;
    const plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
    const chart = svg('svg', {
      class: 'chart' + (state.errors ? ' stale' : ''),
      viewBox: '0 0 ' + WIDTH + ' ' + height,
      role: 'img',
      'aria-label': t('chart.label'),
      preserveAspectRatio: 'xMinYMin meet',
    });
    chart.appendChild(svg('line', { class: 'axis', x1: LABEL_WIDTH, x2: LABEL_WIDTH, y1: 0, y2: height }));
    // The labels are shortened here, measured once per string in the
    // labels' font, when that font is known (after the first drawing).
    const fit = labelFont ? (name) => fitText(name, labelFont) : null;
    rows.forEach((row, r) => {
      const y = TOP + r * (BAR + GAP);
      const name = row.name || recipientName((scenario.recipients || [])[r], r);
      const label = svg('text', { class: 'bar-label', 'data-user': 'true', 'data-name': name, x: LABEL_WIDTH - 8, y: y + BAR / 2, 'text-anchor': 'end', 'dominant-baseline': 'central' });
      const shortened = fit ? fit(name) : null;
      label.textContent = shortened === null ? (name.length > MAX_LABEL ? name.slice(0, MAX_LABEL - 1) + '…' : name) : shortened;
      if (shortened !== null && shortened !== name) label.appendChild(svg('title', null, name));
      chart.appendChild(label);
      let x = LABEL_WIDTH;
      parts.forEach((part, i) => {
        const value = Math.max(0, Number(part.value(row) || 0));
        if (!value) return;
        const w = (value / max) * plot;
        const rect = svg('rect', { class: 'bar seg-' + (i % 8) + (row.requisitioned === false ? ' faded' : ''), x, y, width: Math.max(w, 0.5), height: BAR });
        rect.appendChild(svg('title', null, (part.user ? i18n.isolate(part.label) : part.label) + ': ' + format.kr(part.value(row))));
        chart.appendChild(rect);
        x += w;
      });
      const shown = result.redistribution ? row.final_ore : row.total_ore;
      chart.appendChild(svg('text', { class: 'bar-value', x: x + 6, y: y + BAR / 2, 'dominant-baseline': 'central' }, format.kr(shown)));
    });

    this.container.appendChild(h('figure', { class: 'chart-figure' }, [
      legend,
      chart,
      h('figcaption', { class: 'hint', text: t('chart.caption') }),
    ]));
    if (!fit) {
      labelFont = fontOf(chart.querySelector('.bar-label'));
      if (labelFont) {
        for (const label of chart.querySelectorAll('.bar-label')) {
          const name = label.getAttribute('data-name');
          const text = fitText(name, labelFont);
          if (label.textContent !== text) label.textContent = text;
          if (text !== name) label.appendChild(svg('title', null, name));
        }
      } else {
        fitLabels(chart);
      }
    }
  };

  // The labels' font as a canvas font string (read from the style, which
  // needs no layout), or null where it cannot be measured that way.
  let labelFont = null;
  let measureContext;
  const widths = new Map(); // font → (text → width)

  function fontOf(label) {
    if (!label || !window.getComputedStyle) return null;
    if (measureContext === undefined) {
      try {
        measureContext = document.createElement('canvas').getContext('2d') || null;
      } catch (e) {
        measureContext = null;
      }
    }
    if (!measureContext || typeof measureContext.measureText !== 'function') return null;
    const style = window.getComputedStyle(label);
    if (!style.fontSize || !style.fontFamily) return null;
    return [style.fontStyle, style.fontWeight, style.fontSize, style.fontFamily].join(' ');
  }

  function textWidth(text, font) {
    let known = widths.get(font);
    if (!known) {
      known = new Map();
      widths.set(font, known);
    }
    let width = known.get(text);
    if (width === undefined) {
      if (measureContext.font !== font) measureContext.font = font;
      width = measureContext.measureText(text).width;
      known.set(text, width);
    }
    return width;
  }

  // What fitLabels shows for a name, with the width measured on a canvas
  // in the same font instead of laid out in the chart.
  function fitText(name, font) {
    const room = LABEL_WIDTH - 14;
    let text = name.length > MAX_LABEL ? name.slice(0, MAX_LABEL - 1) + '…' : name;
    let length = name.length;
    while (length > 4 && textWidth(text, font) > room) {
      length -= 1;
      text = name.slice(0, length).trimEnd() + '…';
    }
    return text;
  }

  // Shortens names that do not fit left of the bars, once the text can be
  // measured (the full name stays in a tooltip and in the table).
  function fitLabels(chart) {
    const room = LABEL_WIDTH - 14;
    for (const label of chart.querySelectorAll('.bar-label')) {
      const name = label.getAttribute('data-name');
      let length = name.length;
      if (typeof label.getComputedTextLength !== 'function') continue;
      while (length > 4 && label.getComputedTextLength() > room) {
        length -= 1;
        label.textContent = name.slice(0, length).trimEnd() + '…';
      }
      if (label.textContent !== name) label.appendChild(svg('title', null, name));
    }
  }

export { ChartView };
