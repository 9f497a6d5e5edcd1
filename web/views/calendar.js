// The grant's calendar and the report back (återrapportering): the dates
// that bind the grant with the days left from today, each recipient's
// activity dates and what it reports as used (the core warns of activity
// outside the period and computes what is unused, to be repaid), and a
// checklist of the grant's conditions. Day counts are date arithmetic on
// the local calendar, not money; every amount comes from the core.
import { dayNumber, clock } from '../clock.js';
import { h, clear, pointer } from '../dom.js';
import * as format from '../format.js';
import * as i18n from '../i18n.js';
import { t } from '../i18n.js';
import { input } from './fields.js';
import { recipientName } from './recipients.js';

  const DAY_MS = 86400000;
  const SOON_DAYS = 30;
  const DATES = ['period_start', 'requisition_deadline', 'period_end', 'report_deadline'];
  const CONDITIONS = ['requisitioned', 'used_in_period', 'reported', 'repaid', 'not_replacing'];

  // Whole days from today to a date: negative when it has passed.
  function daysUntil(iso, today) {
    const a = dayNumber(today);
    const b = dayNumber(iso);
    return a === null || b === null ? null : b - a;
  }

  function dateText(iso) {
    const n = dayNumber(iso);
    if (n === null) return String(iso || '');
    return new Intl.DateTimeFormat(i18n.lang() === 'en' ? 'en-GB' : 'sv-SE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
      .format(new Date(n * DAY_MS));
  }

  function relative(days) {
    if (days === 0) return t('calendar.today_is');
    if (days === 1) return t('calendar.tomorrow');
    if (days === -1) return t('calendar.yesterday');
    return days > 0 ? t('calendar.in_days', { n: days }) : t('calendar.days_ago', { n: -days });
  }

  // ---- the view --------------------------------------------------------------------

  // hooks: {dates() → {dates, inherited}, storageKey() → the work the
  //         checklist is kept with | null, notes (web/library.js's
  //         workNotes, which keep it), path() → the level, goToDates()}
  function CalendarView(container, hooks) {
    this.container = container;
    this.hooks = hooks;
    this.state = null;
  }

  // The parts the user edits: activity dates and used amounts per
  // recipient (bound to the level by data-path), and the checklist.
  CalendarView.prototype.render = function (scenario) {
    clear(this.container);
    this.timeline = h('div', { class: 'calendar-timeline' });
    this.container.appendChild(this.timeline);

    const recipients = scenario.recipients || [];
    const body = h('tbody');
    recipients.forEach((recipient, r) => {
      const name = recipientName(recipient, r);
      const activity = recipient.activity || {};
      body.appendChild(h('tr', null, [
        h('th', { scope: 'row', 'data-user': 'true', text: name }),
        h('td', { class: 'activity-cell', 'data-path': pointer('recipients', r, 'activity') }, [
          h('div', { class: 'date-pair' }, [
            input({ path: pointer('recipients', r, 'activity', 'from'), kind: 'date', optional: true, value: activity.from, ariaLabel: t('calendar.activity.from.of', { name }), className: 'date' }),
            h('span', { class: 'dash', 'aria-hidden': 'true', text: '–' }),
            input({ path: pointer('recipients', r, 'activity', 'to'), kind: 'date', optional: true, value: activity.to, ariaLabel: t('calendar.activity.to.of', { name }), className: 'date' }),
          ]),
        ]),
        h('td', { class: 'num' }, input({ path: pointer('recipients', r, 'used'), kind: 'amount', optional: true, value: recipient.used, ariaLabel: t('calendar.used.of', { name }), className: 'number' })),
        h('td', { class: 'num', 'data-out': 'final-' + r }),
        h('td', { class: 'num', 'data-out': 'unused-' + r }),
      ]));
    });
    const foot = h('tr', { class: 'totals' }, [
      h('th', { scope: 'row', text: t('result.totals') }),
      h('td'),
      h('td', { class: 'num', 'data-out': 'used-total' }),
      h('td', { class: 'num', 'data-out': 'final-total' }),
      h('td', { class: 'num', 'data-out': 'unused-total' }),
    ]);
    this.container.appendChild(h('h3', { class: 'subheading', text: t('calendar.report.heading') }));
    this.container.appendChild(h('p', { class: 'hint', text: t('calendar.report.hint') }));
    this.container.appendChild(h('div', { class: 'table-scroll' }, h('table', { class: 'grid report-table', id: 'report-table' }, [
      h('caption', { class: 'visually-hidden', text: t('calendar.report.caption') }),
      h('thead', null, h('tr', null, [
        h('th', { scope: 'col', text: t('recipients.name') }),
        h('th', { scope: 'col', text: t('calendar.activity') }),
        h('th', { scope: 'col', class: 'num', text: t('calendar.used') }),
        h('th', { scope: 'col', class: 'num', text: t('calendar.granted') }),
        h('th', { scope: 'col', class: 'num', text: t('calendar.unused') }),
      ])),
      body,
      h('tfoot', null, foot),
    ])));

    this.checklist = h('fieldset', { class: 'checklist' }, [h('legend', { text: t('calendar.conditions') })]);
    this.checklist.appendChild(h('p', { class: 'hint', text: t('calendar.conditions.hint') }));
    const ticked = this.readChecks();
    for (const item of CONDITIONS) {
      const id = 'condition-' + item;
      const box = h('input', { type: 'checkbox', class: 'checkbox', id, checked: Boolean(ticked[item]), 'data-condition': item, 'aria-describedby': id + '-status' });
      box.addEventListener('change', () => this.writeCheck(item, box.checked));
      this.checklist.appendChild(h('div', { class: 'condition' }, [
        box,
        h('div', null, [
          h('label', { for: id, text: t('calendar.condition.' + item) }),
          h('p', { class: 'hint condition-status', id: id + '-status', 'data-status': item }),
        ]),
      ]));
    }
    this.container.appendChild(this.checklist);
    // The cells update() fills, found once (not one query per cell and edit).
    this.outCells = new Map();
    for (const cell of this.container.querySelectorAll('[data-out]')) this.outCells.set(cell.getAttribute('data-out'), cell);
    if (this.state) this.update(this.state);
  };

  // ---- the checklist, kept in this browser ------------------------------------------

  // The ticks are the user's own notes on the work, not part of the
  // decision document (the core would refuse unknown fields): they are kept
  // in this browser (hooks.notes: web/library.js's workNotes), per saved
  // allocation and level, and travel with neither links nor files.
  CalendarView.prototype.readChecks = function () {
    const key = this.hooks.storageKey();
    return key ? this.hooks.notes.checks(key, this.hooks.path()) : {};
  };

  CalendarView.prototype.writeCheck = function (item, value) {
    const key = this.hooks.storageKey();
    if (key) this.hooks.notes.keepCheck(key, this.hooks.path(), item, value);
  };

  // ---- what follows from the dates and the result -------------------------------------

  // state: {good: {result, scenario} | null, findings (the level's own)}
  CalendarView.prototype.update = function (state) {
    this.state = state;
    if (!this.timeline) return;
    const today = clock.today();
    const { dates, inherited } = this.hooks.dates();
    this.renderTimeline(dates, inherited, today);

    const result = state.good ? state.good.result : null;
    const rows = result ? result.recipients || [] : [];
    const set = (id, text) => {
      const cell = this.outCells.get(id);
      if (cell && cell.textContent !== text) cell.textContent = text;
    };
    const has = (v) => v !== undefined && v !== null;
    rows.forEach((row, r) => {
      set('final-' + r, format.kr(row.final_ore));
      set('unused-' + r, has(row.unused_ore) ? format.kr(row.unused_ore) : '');
    });
    const totals = result ? result.totals || {} : {};
    set('used-total', has(totals.used_ore) ? format.kr(totals.used_ore) : '');
    set('final-total', has(totals.final_ore) ? format.kr(totals.final_ore) : '');
    set('unused-total', has(totals.unused_ore) ? format.kr(totals.unused_ore) : '');
    this.container.classList.toggle('stale', Boolean(state.errors));

    const findings = state.findings || [];
    const count = (code) => findings.filter((f) => f.code === code).length;
    const status = {};
    const deadline = dates.requisition_deadline;
    const late = count('requisition.after_deadline');
    status.requisitioned = [
      deadline ? t('calendar.status.deadline', { date: dateText(deadline), when: this.when(deadline, today) }) : t('calendar.status.no_date'),
      late ? t('calendar.status.late', { n: late }) : '',
    ];
    const outside = count('activity.outside_period');
    status.used_in_period = [
      dates.period_start || dates.period_end ? t('calendar.status.period', { from: dates.period_start ? dateText(dates.period_start) : '…', to: dates.period_end ? dateText(dates.period_end) : '…' }) : t('calendar.status.no_date'),
      outside ? t('calendar.status.outside', { n: outside }) : '',
    ];
    status.reported = [dates.report_deadline ? t('calendar.status.deadline', { date: dateText(dates.report_deadline), when: this.when(dates.report_deadline, today) }) : t('calendar.status.no_date')];
    status.repaid = [has(totals.unused_ore) ? t('calendar.status.repay', { amount: format.kr(totals.unused_ore) }) : t('calendar.status.no_used')];
    const overspent = count('report.overspent');
    if (overspent) status.repaid.push(t('calendar.status.overspent', { n: overspent }));
    status.not_replacing = [t('calendar.status.declaration')];
    for (const item of CONDITIONS) {
      const el = this.container.querySelector('[data-status="' + item + '"]');
      if (!el) continue;
      const [first, warning] = status[item];
      clear(el);
      el.appendChild(document.createTextNode(first));
      if (warning) el.appendChild(h('span', { class: 'condition-warning', text: ' ' + warning }));
    }
  };

  CalendarView.prototype.when = function (iso, today) {
    const days = daysUntil(iso, today);
    return days === null ? '' : relative(days);
  };

  CalendarView.prototype.renderTimeline = function (dates, inherited, today) {
    const box = this.timeline;
    clear(box);
    box.appendChild(h('p', { class: 'calendar-today', 'data-today': today }, [
      h('span', { text: t('calendar.today', { date: dateText(today) }) }),
    ]));
    const items = DATES.filter((k) => dates[k]).map((k) => ({ key: k, date: dates[k], days: daysUntil(dates[k], today) }));
    this.anyDate = items.length > 0;
    if (!items.length) {
      const go = h('button', { type: 'button', class: 'link-button', text: t('calendar.no_dates.go') });
      go.addEventListener('click', () => this.hooks.goToDates());
      box.appendChild(h('p', { class: 'hint' }, [t('calendar.no_dates') + ' ', go]));
      this.next = null;
      return;
    }
    items.sort((a, b) => (a.days === null) - (b.days === null) || a.days - b.days);
    const upcoming = items.find((i) => i.days !== null && i.days >= 0 && i.key !== 'period_start');
    const list = h('ol', { class: 'timeline' });
    for (const item of items) {
      const state = item.days === null ? 'unknown' : item.days < 0 ? 'past' : item.days <= SOON_DAYS ? 'soon' : 'future';
      list.appendChild(h('li', {
        class: 'timeline-item ' + state + (item === upcoming ? ' next' : ''),
        'data-date-key': item.key,
        'data-days': item.days === null ? null : String(item.days),
      }, [
        h('span', { class: 'timeline-label', text: t('calendar.date.' + item.key) }),
        h('time', { class: 'timeline-date', datetime: dayNumber(item.date) === null ? null : item.date, text: dateText(item.date) }),
        h('span', { class: 'timeline-days', text: item.days === null ? t('calendar.invalid') : relative(item.days) }),
      ]));
    }
    box.appendChild(list);
    const start = dayNumber(dates.period_start);
    const end = dayNumber(dates.period_end);
    const now = dayNumber(today);
    if (start !== null && end !== null && now !== null && now >= start && now <= end) {
      box.appendChild(h('p', { class: 'calendar-period', text: t('calendar.period_running', { n: end - now }) }));
    }
    if (inherited) box.appendChild(h('p', { class: 'hint', text: t('calendar.inherited') }));
    this.next = upcoming ? { key: upcoming.key, date: upcoming.date, days: upcoming.days } : null;
  };

  // One line for the section's closed heading: the next date that binds.
  CalendarView.prototype.nextText = function () {
    if (!this.next) return this.anyDate ? t('calendar.all_past') : '';
    return t('calendar.next', { what: t('calendar.date.' + this.next.key), date: dateText(this.next.date), when: relative(this.next.days) });
  };


export { CalendarView };
