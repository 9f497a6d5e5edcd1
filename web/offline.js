// Registers the service worker (sw.js) of the served page, so that after
// the first visit Fördela opens and works with no network, and can be
// installed as an app. Skipped on file:// (and wherever service workers
// cannot register, e.g. private windows): the page works the same without,
// so a refusal is not an error worth a word.
(function () {
  'use strict';

  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('sw.js').catch(() => {});
  });
})();
