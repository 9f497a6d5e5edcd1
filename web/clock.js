// The page's one clock: every dated text (the calendar's days left, the
// printed appendix's date, saved work's times, a snapshot's time) asks it,
// never `new Date()` directly, so that a test or a user can fix "today".
(function (Fordela) {
  'use strict';

  const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
  const listeners = [];
  let fixedToday = null;

  function validIsoDate(iso) {
    const m = ISO_DATE.exec(String(iso || ''));
    if (!m) return false;
    const back = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    return back.getUTCFullYear() === Number(m[1]) && back.getUTCMonth() === Number(m[2]) - 1 && back.getUTCDate() === Number(m[3]);
  }

  function pad(n) {
    return String(n).padStart(2, '0');
  }

  const clock = {
    // The instant now (the browser's time, which tests fix).
    now() {
      return new Date();
    },
    // Today on the local calendar, YYYY-MM-DD: the fixed day when one is set.
    today() {
      if (fixedToday) return fixedToday;
      const now = clock.now();
      return now.getFullYear() + '-' + pad(now.getMonth() + 1) + '-' + pad(now.getDate());
    },
    // Fordela.clock.set('2021-05-01') fixes today; set(null) goes back to the
    // computer's local date. Every dated text is redrawn.
    set(iso) {
      fixedToday = validIsoDate(iso) ? iso : null;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.push(listener);
    },
  };

  Fordela.clock = clock;
})(window.Fordela = window.Fordela || {});
