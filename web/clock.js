// The page's one clock: every dated text (the calendar's days left, the
// printed appendix's date, saved work's times, a snapshot's time) asks it,
// never `new Date()` directly, so that a test or a user can fix "today".

  const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
  const DAY_MS = 86400000;
  const listeners = [];
  let fixedToday = null;

  // Days since 1970-01-01 of a valid YYYY-MM-DD, else null.
  function dayNumber(iso) {
    const m = ISO_DATE.exec(String(iso || ''));
    if (!m) return null;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const ms = Date.UTC(y, mo - 1, d);
    const back = new Date(ms);
    if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
    return Math.round(ms / DAY_MS);
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
    // clock.set('2021-05-01') fixes today; set(null) goes back to the
    // computer's local date. Every dated text is redrawn.
    set(iso) {
      fixedToday = dayNumber(iso) !== null ? iso : null;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.push(listener);
    },
    dayNumber,
  };

export { clock, dayNumber };
