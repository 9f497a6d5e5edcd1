// The page's public address (its home), on which shared links are made so
// that they open wherever the page runs: the page's own address when it is
// served over http(s); opened from disk (file://), an address chosen once
// in this browser, else the one set at packaging (scripts/package --home,
// a <meta name="fordela-home">). Without any, a link names a file on this
// computer, and the page says so.
import { storage } from './store.js';

  const KEY = 'home'; // in storage

  // An absolute http(s) address without its fragment, or null.
  function clean(text) {
    let url;
    try {
      url = new URL(String(text || '').trim());
    } catch (e) {
      return null;
    }
    if (!/^https?:$/.test(url.protocol) || !url.hostname) return null;
    url.hash = '';
    return url.href;
  }

  function packaged() {
    const meta = document.querySelector('meta[name="fordela-home"]');
    return meta ? clean(meta.content) : null;
  }

  // {url, source} with source 'served', 'chosen' or 'packaged'; null when
  // the page has no address another computer can open.
  function address() {
    if (/^https?:$/.test(location.protocol)) return { url: location.href.split('#')[0], source: 'served' };
    const chosen = clean(storage.get(KEY));
    if (chosen) return { url: chosen, source: 'chosen' };
    const set = packaged();
    return set ? { url: set, source: 'packaged' } : null;
  }

  // Where a link starts: the home, else this page's own (file) address.
  function linkBase() {
    const home = address();
    return home ? home.url : location.href.split('#')[0];
  }

  // Keeps `text` as this browser's home; false when it is no http(s)
  // address or cannot be kept.
  function choose(text) {
    const url = clean(text);
    return url !== null && storage.set(KEY, url);
  }

export { address, linkBase, choose, clean };
