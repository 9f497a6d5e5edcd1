// What the served page has to work offline and be installed: the web app
// manifest and the service worker (sw.js), which keeps the page's files so
// that after the first visit Fördela opens with no network; and, where
// scripts/package published the single file beside the page (a <meta
// name="fordela-offline-file">), the offer to download it. Both only over
// http(s): a page opened from disk (file://) can fetch no manifest and
// register no worker, and works the same without, so nothing is tried and
// nothing is logged there. A refused registration (a private window, a
// policy) is not worth a word either.
(function () {
  'use strict';

  if (!/^https?:$/.test(location.protocol)) return;
  const single = document.querySelector('meta[name="fordela-offline-file"]');
  const offer = document.getElementById('offline-file');
  if (single && offer) {
    offer.querySelector('a').href = single.content;
    offer.hidden = false;
  }
  const manifest = document.createElement('link');
  manifest.rel = 'manifest';
  manifest.href = 'manifest.webmanifest';
  document.head.appendChild(manifest);
  if (!('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('sw.js').catch(() => {});
  });
})();
