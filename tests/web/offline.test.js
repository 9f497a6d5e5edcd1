// Without a network: dist/fordela.html (scripts/package) opened from disk
// with every request refused computes Stockholm's 32 926 000 kr under a
// strict Content-Security-Policy of hashes; its links open on the page's
// home address when it has one, and say they open only on this computer
// when it has none; the served page, once its service worker is active,
// reloads and works offline; and so does the folder scripts/package
// writes for a web server, which offers the single file for download.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const os = require('node:os');
const { pathToFileURL } = require('node:url');
const web = require('./lib/page.js');

const DIST = path.join(web.ROOT, 'dist', 'fordela.html');

let browser;
let server;

before(async () => {
  // The file under test is built from the page as it is now.
  execFileSync(path.join(web.ROOT, 'scripts', 'package'), { stdio: 'pipe' });
  browser = await web.launch();
  server = await web.startServer();
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.close();
});

// Refuses everything but the file itself, as on a laptop with no network.
async function noNetwork(page) {
  const refused = [];
  await page.route('**', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    refused.push(url);
    return route.abort('internetdisconnected');
  });
  return refused;
}

// With the network gone: a reload still computes Stockholm, and an edit.
async function reloadOffline(context, page) {
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('#result-table');
  assert.equal(await web.figure(page, 'total'), '32 926 000 kr');
  await page.fill('[data-path="/pot/total"]', '30 mnkr');
  await web.settle(page);
  assert.equal(await web.figure(page, 'net'), '30 000 000 kr');
}

test('dist/fordela.html is one file: everything inline, a CSP of hashes, no unsafe-inline', () => {
  const html = fs.readFileSync(DIST, 'utf8');
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)[1];
  const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  assert.deepEqual(directives['default-src'], ["'none'"]);
  assert.ok(directives['script-src'].includes("'wasm-unsafe-eval'"));
  const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
  const hash = (text) => "'sha256-" + require('node:crypto').createHash('sha256').update(text).digest('base64') + "'";
  assert.deepEqual(directives['script-src'].filter((s) => s.startsWith("'sha256-")), scripts.map(hash));
  assert.deepEqual(directives['style-src'], styles.map(hash));
  assert.doesNotMatch(csp, /unsafe-inline|'self'|https?:|\*/);
  // The core and the page's bundle (web/gen/fordela-page.js).
  assert.ok(scripts.length === 2 && styles.length === 1);
  assert.doesNotMatch(html, /<script[^>]+src=|<link[^>]+rel="stylesheet"|rel="manifest"|sw\.js|web\/offline\.js/);
  // Nothing is loaded from a file or an address (links to other pages, <a
  // href>, load nothing).
  assert.doesNotMatch(html, /<(script|link|img|iframe|source|object|embed)\b[^>]*\s(src|href|data)="(?!data:|#)/, 'loads no file and no address');
  assert.ok(html.includes('AGFzbQ'), 'the WebAssembly is in it (base64 of "\\0asm")');
});

test('dist/fordela.html from disk with no network: Stockholm 2021 comes to 32 926 000 kr, and the work is kept', async () => {
  const context = await web.newContext(browser);
  const page = await context.newPage();
  const refused = await noNetwork(page);
  const watch = web.watch(page, null);
  const url = pathToFileURL(DIST).href;
  await web.open(page, url);
  assert.equal(await web.figure(page, 'formula'), '25 400 000 kr');
  assert.equal(await web.figure(page, 'total'), '32 926 000 kr');
  const rows = await web.resultTable(page);
  assert.ok(rows.find((r) => r[0] === 'Rinkeby-Kista').includes('6 954 200 kr'));
  await web.screenshot(page, 'file-dist-offline');

  // Edited, saved in the browser, back after a reload; the result as CSV.
  await page.fill('[data-path="/title"]', 'Utan nätverk');
  await page.waitForFunction(() => (localStorage.getItem('fordela.v1.index') || '').includes('Utan nätverk'));
  await page.reload();
  await page.waitForFunction(() => document.querySelector('[data-path="/title"]').value === 'Utan nätverk');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
  const csv = fs.readFileSync(await download.path(), 'utf8');
  assert.match(csv, /^\uFEFFMottagare;/);
  assert.match(csv, /\r\nSumma;.*;32926000\r\n\r\nPott;25400000\r\n/);
  await page.click('#lang-switch');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');

  assert.deepEqual(refused, []);
  assert.deepEqual(await watch.check(), []);
  await context.close();
});

test('dist/fordela.html without a home address: the link opens only on this computer, the page says so and offers the file', async () => {
  const context = await web.newContext(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  const refused = await noNetwork(page);
  const watch = web.watch(page, null);
  await web.open(page, pathToFileURL(DIST).href + '#example=linkoping-2022');
  await page.click('#copy-link');
  await page.waitForSelector('#link-status[data-length]');
  const link = await page.inputValue('#link-field');
  assert.match(link, /^file:\/\/.*fordela\.html#s[123]=/);
  assert.match(await web.text(page, '#link-status'), /öppnas bara på den här datorn/);
  assert.equal(await page.getAttribute('#link-status', 'class'), 'notice link-box warning');
  assert.equal(await page.isVisible('#link-status button:text("Spara som fil")'), true, 'offers the file');
  assert.equal(await page.isVisible('#home-field'), true, 'asks for the address');
  await web.screenshot(page, 'file-link-local');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#link-status button:text("Spara som fil")')]);
  assert.match(download.suggestedFilename(), /\.json$/);
  // On this computer it still opens.
  const other = await web.newContext(browser);
  const tab = await other.newPage();
  const watchTab = web.watch(tab, null);
  await web.open(tab, link);
  await tab.waitForFunction(() => document.querySelector('[data-path="/title"]').value.startsWith('Linköping 2022'));
  assert.equal(await web.figure(tab, 'not-allocated'), '150 000 kr');
  assert.deepEqual(await watchTab.check(), []);
  await other.close();
  assert.deepEqual(refused, []);
  assert.deepEqual(await watch.check(), []);
  await context.close();
});

test('dist/fordela.html: a home address given once in the page is kept in this browser and links are made on it', async () => {
  const context = await web.newContext(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  const watch = web.watch(page, null);
  await web.open(page, pathToFileURL(DIST).href + '#example=linkoping-2021');
  await page.click('#copy-link');
  await page.waitForSelector('#home-field');
  await page.fill('#home-field', 'fordela.example.org');
  await page.click('#home-use');
  assert.match(await web.text(page, '#link-status'), /börjar med https:\/\//);
  await page.fill('#home-field', 'https://fordela.example.org/kommun/');
  await page.click('#home-use');
  // The link's status is drawn again when the address is taken, so the
  // field may be missing for a moment: wait for it to hold the new link.
  await page.waitForFunction(() => {
    const field = document.getElementById('link-field');
    return field !== null && /^https:/.test(field.value);
  });
  assert.match(await page.inputValue('#link-field'), /^https:\/\/fordela\.example\.org\/kommun\/#s[123]=/);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await page.inputValue('#link-field'));
  assert.doesNotMatch(await web.text(page, '#link-status'), /bara på den här datorn/);
  await page.reload();
  await page.waitForSelector('#result-table');
  await page.click('#copy-link');
  await page.waitForSelector('#link-status[data-length]');
  assert.match(await page.inputValue('#link-field'), /^https:\/\/fordela\.example\.org\/kommun\/#s[123]=/);
  assert.equal(await page.isVisible('#home-field'), false);
  assert.deepEqual(await watch.check(), []);
  await context.close();
});

test('the single file packaged with --home makes links that open on that address with the same result', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fordela-home-'));
  const file = path.join(dir, 'fordela.html');
  execFileSync(path.join(web.ROOT, 'scripts', 'package'), ['--home', server.url, file], { stdio: 'pipe' });
  const context = await web.newContext(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  const refused = await noNetwork(page);
  const watch = web.watch(page, null);
  await web.open(page, pathToFileURL(file).href + '#example=stockholm-2021');
  const table = await web.resultTable(page);
  await page.click('#copy-link');
  await page.waitForSelector('#link-status[data-length]');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(link.startsWith(server.url + '#s3='), link.slice(0, 80));
  assert.match(await web.text(page, '#link-status'), /Länken är kopierad/);
  assert.doesNotMatch(await web.text(page, '#link-status'), /bara på den här datorn/);
  const expected = await page.evaluate(() => Fordela.core.normalize(Fordela.core.examples().find((e) => e.id === 'stockholm-2021').scenario).scenario);

  const other = await web.newContext(browser);
  const colleague = await other.newPage();
  const watchColleague = web.watch(colleague, server.origin);
  await web.open(colleague, link);
  await colleague.waitForFunction(() => document.querySelector('[data-path="/title"]').value.startsWith('Stockholm 2021'));
  assert.deepEqual(await web.resultTable(colleague), table);
  assert.equal(await web.figure(colleague, 'total'), '32 926 000 kr');
  const stored = await colleague.evaluate(() => {
    const index = JSON.parse(localStorage.getItem('fordela.v1.index'));
    return JSON.parse(localStorage.getItem('fordela.v1.entry.' + index.current));
  });
  assert.deepEqual(stored, expected);
  assert.deepEqual(await watchColleague.check(), []);
  await other.close();
  assert.deepEqual(refused, []);
  assert.deepEqual(await watch.check(), []);
  await context.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the served page keeps working offline once its service worker is active, and can be installed', async () => {
  const context = await web.newContext(browser);
  const page = await context.newPage();
  const watch = web.watch(page, server.origin);
  await web.open(page, server.url);
  const href = await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
    return document.querySelector('link[rel="manifest"]').href;
  });
  // Read from here: the page itself may connect nowhere (no connect-src).
  const manifest = await (await fetch(href)).json();
  assert.equal(manifest.short_name, 'Fördela');
  assert.equal(manifest.display, 'standalone');
  assert.ok(manifest.icons.some((i) => i.sizes === '512x512'));
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const cache = await caches.open(names[0]);
    return { names, urls: (await cache.keys()).map((r) => new URL(r.url).pathname) };
  });
  assert.deepEqual(cached.names, ['fordela-v1']);
  for (const file of ['/index.html', '/web/gen/fordela-page.js', '/web/gen/fordela-core.js', '/web/style.css', '/manifest.webmanifest', '/web/icons/icon-192.png']) {
    assert.ok(cached.urls.includes(file), file + ' is cached');
  }

  await reloadOffline(context, page);
  await web.screenshot(page, 'http-offline');
  await context.setOffline(false);
  assert.deepEqual(await watch.check(), []);
  await context.close();
});

test('the folder for a web server (dist/site) works served, offers the single file, and works offline after the first visit', async () => {
  const siteDir = path.join(web.ROOT, 'dist', 'site');
  for (const file of ['index.html', 'sw.js', 'manifest.webmanifest', 'fordela.html', 'web/gen/fordela-page.js', 'web/gen/fordela-core.js']) {
    assert.ok(fs.existsSync(path.join(siteDir, file)), file);
  }
  assert.equal(fs.readFileSync(path.join(siteDir, 'fordela.html'), 'utf8'), fs.readFileSync(DIST, 'utf8'));
  const site = await web.startServer(siteDir);
  try {
    const context = await web.newContext(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    const watch = web.watch(page, site.origin);
    await web.open(page, site.origin + '/');
    assert.equal(await web.figure(page, 'total'), '32 926 000 kr');
    // The download is offered once the service worker controls the page:
    // one fresh-clone run clicked it while the worker was taking the page
    // over, and no download started (not understood yet; docs/hardening.md).
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
      }
    });
    const offer = page.locator('#offline-file a');
    assert.equal(await offer.isVisible(), true);
    assert.equal(await offer.textContent(), 'Ladda ner för användning utan nät');
    const [download] = await Promise.all([page.waitForEvent('download'), offer.click()]);
    assert.equal(download.suggestedFilename(), 'fordela.html');
    assert.equal(fs.readFileSync(await download.path(), 'utf8'), fs.readFileSync(DIST, 'utf8'));
    // Served, the page knows its address: links are made on it.
    await page.click('#copy-link');
    await page.waitForSelector('#link-status[data-length]');
    assert.ok((await page.inputValue('#link-field')).startsWith(site.origin + '/#s3='));

    await reloadOffline(context, page);
    await context.setOffline(false);
    assert.deepEqual(await watch.check(), []);
    await context.close();
  } finally {
    await site.close();
  }
});

test('the page served from the repository does not offer a file that is not there', async () => {
  const context = await web.newContext(browser);
  const page = await context.newPage();
  await web.open(page, server.url);
  assert.equal(await page.isVisible('#offline-file'), false);
  await context.close();
});

test('the page allows the service worker and the manifest from its own origin, and nothing more', () => {
  const html = fs.readFileSync(path.join(web.ROOT, 'index.html'), 'utf8');
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)[1];
  assert.match(csp, /(^|; )worker-src 'self'(;|$)/);
  assert.match(csp, /(^|; )manifest-src 'self'(;|$)/);
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|https?:|\*/);
});
