// Shared by the page's browser tests: Debian's Chromium through
// playwright-core (no browser download), a tiny static server on an
// ephemeral port, and a watch over each page for console errors, CSP
// violations and requests leaving the page's origin.
'use strict';

const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { chromium } = require('playwright-core');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const CORE = path.join(ROOT, 'web', 'gen', 'fordela-core.js');
const PAGE_BUNDLE = path.join(ROOT, 'web', 'gen', 'fordela-page.js');

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

// The newest modification time of the page's modules (web/, not web/gen/).
function newestModule(dir = path.join(ROOT, 'web')) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'gen') newest = Math.max(newest, newestModule(file));
    else if (entry.isFile() && entry.name.endsWith('.js')) newest = Math.max(newest, fs.statSync(file).mtimeMs);
  }
  return newest;
}

// The tests run the page as it ships: the core and the bundle of the
// page's modules, which must be there and not older than any module.
function requireCore() {
  if (!fs.existsSync(CORE)) {
    throw new Error('web/gen/fordela-core.js is missing: run scripts/build wasm first');
  }
  if (!fs.existsSync(PAGE_BUNDLE) || fs.statSync(PAGE_BUNDLE).mtimeMs < newestModule()) {
    throw new Error('web/gen/fordela-page.js is missing or older than web/: run scripts/build page first');
  }
}

// Serves the repository root (or `root`) on 127.0.0.1 at a free port.
function startServer(root = ROOT) {
  const server = http.createServer((req, res) => {
    let urlPath;
    try {
      urlPath = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    } catch {
      res.writeHead(400);
      res.end();
      return;
    }
    if (urlPath.endsWith('/')) urlPath += 'index.html';
    const file = path.join(root, path.normalize(urlPath));
    if (!file.startsWith(root + path.sep)) {
      res.writeHead(404);
      res.end();
      return;
    }
    fs.readFile(file, (err, data) => {
      if (err) {
        res.writeHead(404);
        res.end();
        return;
      }
      res.writeHead(200, { 'Content-Type': MIME[path.extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-store' });
      res.end(data);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const origin = 'http://127.0.0.1:' + server.address().port;
      resolve({ origin, url: origin + '/index.html', close: () => new Promise((r) => server.close(r)) });
    });
  });
}

const FILE_URL = pathToFileURL(path.join(ROOT, 'index.html')).href;

function launch() {
  requireCore();
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

// Records everything a page must never do. `origin` is the server's
// origin (or null for file://).
function watch(page, origin) {
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push('console error: ' + msg.text());
  });
  page.on('pageerror', (err) => problems.push('page error: ' + err.message));
  page.on('request', (req) => {
    const url = req.url();
    const ok = url.startsWith('file://') || url.startsWith('data:') || url.startsWith('blob:')
      || (origin && (url === origin || url.startsWith(origin + '/')));
    if (!ok) problems.push('request to another origin: ' + url);
  });
  return {
    problems,
    // CSP violations are also logged as console errors; this catches
    // report-only cases too.
    async check() {
      const violations = await page.evaluate(() => window.__cspViolations || []);
      for (const v of violations) problems.push('CSP violation: ' + v);
      return problems;
    },
  };
}

// The browser's clock in every test: a fixed instant, never the machine's
// today. FORDELA_TEST_NOW moves it (scripts/test-clock runs the suites at
// other dates); a test that needs a given day sets the page's own clock
// with Fordela.clock.set('YYYY-MM-DD').
const TEST_NOW = process.env.FORDELA_TEST_NOW || '2026-11-29T12:00:00Z';

async function newContext(browser, options) {
  const context = await browser.newContext(Object.assign({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' }, options));
  context.setDefaultTimeout(10000);
  const now = new Date(TEST_NOW);
  if (Number.isNaN(now.getTime())) throw new Error('FORDELA_TEST_NOW is not a date: ' + TEST_NOW);
  await context.clock.setFixedTime(now);
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI);
    });
  });
  return context;
}

// Opens the page and waits until the core has produced a result.
async function open(page, url) {
  await page.goto(url);
  await page.waitForSelector('#result-table, #summary .figures, .notice:not([hidden])');
}

async function text(page, selector) {
  const value = await page.textContent(selector);
  return normalize(value);
}

// Non-breaking and narrow spaces as plain spaces, runs collapsed.
function normalize(value) {
  return String(value || '').replace(/[\u00a0\u202f\s]+/g, ' ').trim();
}

async function figure(page, id) {
  return text(page, '[data-figure="' + id + '"] dd');
}

// The result table as [[cell text]], header row first.
async function resultTable(page) {
  const rows = await page.$$eval('#result-table tr', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  return rows.map((r) => r.map(normalize));
}

function screenshot(page, name, options) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return page.screenshot(Object.assign({ path: path.join(ARTIFACTS, name + '.png') }, options));
}

// Waits for the debounced recomputation (and save) after an edit: at
// least the typing pause, then until the page says nothing is queued, so
// a slow machine waits longer instead of failing.
async function settle(page) {
  await page.waitForTimeout(250);
  await page.waitForFunction(() => !window.Fordela || !window.Fordela.busy || !window.Fordela.busy());
}

// The browser and the server a test file shares: started before its
// tests, closed after them; `ready(browser, server)` hands them over.
function suite(ready) {
  const { before, after } = require('node:test');
  let browser;
  let server;
  before(async () => {
    browser = await launch();
    server = await startServer();
    ready(browser, server);
  });
  after(async () => {
    if (browser) await browser.close();
    if (server) await server.close();
  });
}

// A page of its own (storage, clipboard) opened at url, watched for console
// errors, CSP violations and requests leaving the page (server's origin;
// none allowed from file://): {page, close()}, where close() fails the test
// on anything the watch saw.
async function session(browser, server, url, options) {
  const assert = require('node:assert/strict');
  const context = await newContext(browser, options);
  const page = await context.newPage();
  const seen = watch(page, url.startsWith('file:') ? null : server.origin);
  await open(page, url);
  await settle(page);
  return {
    page,
    async close() {
      assert.deepEqual(await seen.check(), []);
      await context.close();
    },
  };
}

// An example's scenario document, as examples/ holds it.
function example(id) {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'examples', id + '.json'), 'utf8'));
}

// Clicks what downloads a file: {name, bytes}.
async function downloadOf(page, selector) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: download.suggestedFilename(), bytes: fs.readFileSync(await download.path()) };
}

// CSV as Swedish Excel reads it: UTF-8 after its BOM, ';' between cells,
// RFC 4180 quotes, CRLF line ends. Throws (an assertion) on anything else.
function readExcelCsv(bytes) {
  const assert = require('node:assert/strict');
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with a BOM');
  const text = bytes.subarray(3).toString('utf8');
  assert.doesNotMatch(text, /^sep=/);
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i += 1; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') { row.push(cell); cell = ''; } else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i += 1; } else cell += c;
  }
  assert.equal(row.length + cell.length, 0, 'ends with CRLF');
  return rows;
}

// The result's Excel CSV (rows of readExcelCsv) in its two parts: the
// table, and the summary after the empty line (docs/csv-format.md).
function excelParts(rows) {
  const blank = rows.findIndex((r) => r.length === 1 && r[0] === '');
  return blank < 0 ? { table: rows, summary: [] } : { table: rows.slice(0, blank), summary: rows.slice(blank + 1) };
}

// "6214587,50" → 621458750 öre, as Excel reads a number with a decimal comma.
function excelOre(cell) {
  const assert = require('node:assert/strict');
  assert.match(cell, /^-?\d+(,\d\d)?$/, 'a plain number: ' + cell);
  const [kronor, decimals = '00'] = cell.split(',');
  return Number(kronor) * 100 + (kronor.startsWith('-') ? -1 : 1) * Number(decimals);
}

module.exports = {
  ROOT, ARTIFACTS, FILE_URL, TEST_NOW,
  launch, startServer, newContext, watch, open, text, normalize, figure, resultTable, screenshot, settle,
  suite, session, example, downloadOf, readExcelCsv, excelParts, excelOre,
};
