// The page rows of scripts/bench, in Debian's headless Chromium (the
// launch and the server of the page tests, tests/web/lib/page.js):
//   - bytes of the page as the browser loads it, raw and gzip -9;
//   - navigation to the first result on screen, beside a blank page loaded
//     the same way;
//   - an edit to the updated table with 290 recipients, and with 10 000
//     and 100 000 (a cell, and the pot, which changes every amount);
//   - opening a 100 000-recipient file to the first total on screen, and
//     the JS heap after it;
//   - the length of the link the page's "Kopiera länk" copies, for every
//     example and for the 290-recipient scenario, and of the same link in
//     format 1 (#s1=, the JSON) beside it.
// Prints one JSON document. Usage: node bench/page.js [--loads N] [--edits N]
//   [--scale-edits N] [--sizes 10000,100000]
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const web = require('../tests/web/lib/page.js');
const { scenario290 } = require('./lib/scenario290.js');
const { scenarioN } = require('./lib/scenario-n.js');

const ROOT = path.resolve(__dirname, '..');

function median(values) {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

// The nearest-rank 95th percentile.
function p95(values) {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)];
}

function round(ms) {
  return Math.round(ms * 100) / 100;
}

function sizes(files) {
  let raw = 0;
  let gzip = 0;
  const each = [];
  for (const file of files) {
    const data = fs.readFileSync(path.join(ROOT, file));
    const packed = zlib.gzipSync(data, { level: 9 }).length;
    raw += data.length;
    gzip += packed;
    each.push({ file, raw: data.length, gzip: packed });
  }
  return { raw, gzip, each };
}

// Records, before any of the page's scripts run, when `selector` first
// stands in the document, laid out (style and layout forced, as a frame
// would): ms since the navigation started.
function markFirst(selector) {
  window.__benchFirst = null;
  const found = () => {
    if (!document.querySelector(selector)) return false;
    void document.documentElement.offsetHeight;
    window.__benchFirst = performance.now();
    return true;
  };
  const observer = new MutationObserver(() => {
    if (found()) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
}

const FIRST_RESULT = '#result-table tr.totals';

async function firstLoad(browser, url, selector) {
  const context = await web.newContext(browser);
  await context.addInitScript(markFirst, selector);
  const page = await context.newPage();
  const requested = [];
  page.on('request', (req) => requested.push(req.url()));
  await page.goto(url);
  await page.waitForFunction(() => window.__benchFirst !== null, null, { timeout: 60000 });
  const ms = await page.evaluate(() => window.__benchFirst);
  await context.close();
  return { ms, requested };
}

// The page's "Öppna fil" with a scenario of `n` recipients (the 290 of
// scenario290.js, else scenario-n.js), from the disk as a user's file; ms
// from the file chosen to its first total on screen (laid out), measured
// in the page.
async function openN(page, n) {
  const doc = n === 290 ? scenario290() : scenarioN(n);
  const file = path.join(fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'fordela-bench-')), 'mottagare-' + n + '.json');
  fs.writeFileSync(file, JSON.stringify(doc, null, 2));
  await page.evaluate((n) => {
    window.__benchOpen = { start: null, end: null };
    document.getElementById('file-input').addEventListener('change', () => { window.__benchOpen.start = performance.now(); }, { capture: true, once: true });
    const shown = () => {
      const table = document.getElementById('result-table');
      const total = document.querySelector('#summary [data-figure="total"] dd');
      return table && table.getAttribute('aria-rowcount') === String(n + 2) && table.tFoot && total;
    };
    const observer = new MutationObserver(() => {
      if (!shown()) return;
      observer.disconnect();
      void document.documentElement.offsetHeight;
      window.__benchOpen.end = performance.now();
    });
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-rowcount'] });
  }, n);
  await page.setInputFiles('#file-input', file);
  await page.waitForFunction(() => window.__benchOpen.end !== null, null, { timeout: 300000 });
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  return page.evaluate(() => window.__benchOpen.end - window.__benchOpen.start);
}

async function open290(page) {
  return openN(page, 290);
}

// Edits population cells of the 290-recipient scenario one at a time, as
// typing does (an input event on the cell), and measures inside the page:
//   input   the page's own handling of the event (the store, the editor);
//   then the page waits out its typing debounce, which is not counted;
//   compute from the debounced recomputation calling the core (scenario to
//           JSON, the WebAssembly, JSON to objects) ...
//   render  ... to the result table rebuilt and laid out (style and layout
//           forced), including what the page does in the same task.
// edit = input + compute + render.
// The cells edited are those of rows drawn at the top of the long tables
// (web/views/virtual-rows.js draws the rows in view). With `pot`, the pot
// is edited instead: every amount changes.
async function edits(browser, url, count, n = 290, pot = false) {
  const context = await web.newContext(browser);
  const page = await context.newPage();
  await web.open(page, url);
  await page.waitForSelector(FIRST_RESULT);
  const openMs = await openN(page, n);
  // The renderer's main-thread CPU time (DevTools' ThreadTime), read around
  // each edit: what the edit cost when other work shares the cores, where
  // wall time also counts the waiting for a core.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const threadMs = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const m = metrics.find((x) => x.name === 'ThreadTime');
    return m ? m.value * 1000 : null;
  };

  await page.evaluate(() => {
    const core = window.Fordela && window.Fordela.core;
    if (!core || typeof core.compute !== 'function') throw new Error('Fordela.core.compute is not there to time');
    const compute = core.compute;
    const bench = { computeStart: null, computeEnd: null, parts: {} };
    window.__bench = bench;
    core.compute = function (...args) {
      bench.computeStart = performance.now();
      const result = compute.apply(this, args);
      bench.computeEnd = performance.now();
      return result;
    };
    // Where the render time goes: every method of the page's views, timed
    // while a recomputation is being shown (outermost calls only).
    let depth = 0;
    const views = window.Fordela.views || {};
    for (const [name, View] of Object.entries(views)) {
      if (typeof View !== 'function' || !View.prototype) continue;
      for (const method of Object.getOwnPropertyNames(View.prototype)) {
        const fn = View.prototype[method];
        if (method === 'constructor' || typeof fn !== 'function') continue;
        View.prototype[method] = function (...args) {
          if (bench.computeStart === null || depth > 0) return fn.apply(this, args);
          depth += 1;
          const start = performance.now();
          try {
            return fn.apply(this, args);
          } finally {
            depth -= 1;
            const key = name + '.' + method;
            bench.parts[key] = (bench.parts[key] || 0) + performance.now() - start;
          }
        };
      }
    }
    // One edit of recipient r's population; resolves when the result table
    // has been rebuilt and laid out.
    const rowText = (r) => {
      const tr = document.querySelector('#result-table tbody tr[data-row="' + r + '"]');
      return tr ? tr.textContent : null;
    };
    bench.edit = (i, r, pot) => {
      const result = document.getElementById('result');
      const cell = document.querySelector(pot ? '[data-path="/pot/total"]' : '[data-path="/recipients/' + r + '/values/befolkning"]');
      if (!cell) throw new Error('no population cell for recipient ' + r);
      const before = rowText(r);
      bench.computeStart = null;
      bench.parts = {};
      return new Promise((resolve, reject) => {
        const timeout = setTimeout(() => reject(new Error('the table did not change after edit ' + i)), 10000);
        let inputMs = 0;
        const observer = new MutationObserver(() => {
          if (bench.computeStart === null) return;
          observer.disconnect();
          const layoutStart = performance.now();
          void result.offsetHeight;
          const end = performance.now();
          clearTimeout(timeout);
          bench.parts.layout = end - layoutStart;
          const after = rowText(r);
          resolve({
            input: inputMs,
            compute: bench.computeEnd - bench.computeStart,
            render: end - bench.computeEnd,
            parts: bench.parts,
            changed: before !== after,
          });
        });
        observer.observe(result, { childList: true, subtree: true });
        // A clearly different population, so that the recipient's amount
        // moves; or a pot some 1 % larger or smaller each time.
        cell.value = pot ? String(Math.round(Number(String(cell.value).replace(/\s/g, '')) * (i % 2 ? 0.99 : 1.01))) : String(2000 + ((i * 7919 + r * 104729) % 198001));
        const start = performance.now();
        cell.dispatchEvent(new Event('input', { bubbles: true }));
        inputMs = performance.now() - start;
      });
    };
  });

  const samples = [];
  for (let i = 0; i < count; i += 1) {
    const before = await threadMs();
    const sample = await page.evaluate(([i, r, pot]) => window.__bench.edit(i, r, pot), [i, (i * 7) % 12, pot]);
    const after = await threadMs();
    sample.cpu = before === null || after === null ? null : after - before;
    samples.push(sample);
  }
  // The JS heap with the document open, after a garbage collection.
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await context.close();
  samples.openMs = openMs;
  samples.heapBytes = usedSize;
  return samples;
}

// Edit → table and pot → table at n recipients, the opening of the file,
// and the heap after the edits.
async function scaleRow(browser, url, n, count) {
  const cells = await edits(browser, url, count, n, false);
  const pots = await edits(browser, url, Math.max(3, Math.ceil(count / 2)), n, true);
  const total = (s) => s.input + s.compute + s.render;
  return {
    n,
    edit_ms_p50: round(median(cells.map(total))),
    edit_ms_p95: round(p95(cells.map(total))),
    pot_ms_p50: round(median(pots.map(total))),
    pot_ms_p95: round(p95(pots.map(total))),
    edit_parts_p50_ms: {
      input: round(median(cells.map((s) => s.input))),
      compute: round(median(cells.map((s) => s.compute))),
      render: round(median(cells.map((s) => s.render))),
    },
    pot_parts_p50_ms: {
      input: round(median(pots.map((s) => s.input))),
      compute: round(median(pots.map((s) => s.compute))),
      render: round(median(pots.map((s) => s.render))),
    },
    open_ms: round(cells.openMs),
    heap_mb: round(cells.heapBytes / (1024 * 1024)),
    edits: cells.length,
    pot_edits: pots.length,
  };
}

// The median of each part of the render over the edits, largest first;
// "other" is what no view method nor the layout accounts for (storage, the
// page's own bookkeeping).
function renderParts(samples) {
  const names = new Set();
  for (const s of samples) {
    let named = 0;
    for (const [name, ms] of Object.entries(s.parts)) {
      names.add(name);
      named += ms;
    }
    s.parts.other = Math.max(0, s.render - named);
    names.add('other');
  }
  const out = {};
  const rows = [...names].map((name) => [name, median(samples.map((s) => s.parts[name] || 0))]);
  rows.sort((a, b) => b[1] - a[1]);
  for (const [name, ms] of rows) if (ms >= 0.05) out[name] = round(ms);
  return out;
}

// "Kopiera länk", and what it put on the clipboard: {link, json}, json
// the same scenario's link in format 1.
async function copiedLink(page) {
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await page.click('#copy-link');
  await page.waitForFunction(() => navigator.clipboard.readText().then((t) => t !== ''), null, { timeout: 10000 });
  return page.evaluate(async () => {
    const link = await navigator.clipboard.readText();
    const read = await Fordela.link.decode(Fordela.link.fromHash(link.slice(link.indexOf('#'))));
    return { link, json: link.slice(0, link.indexOf('#') + 1) + (await Fordela.link.encode(read.scenario, 1)) };
  });
}

async function links(browser, url) {
  const context = await web.newContext(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await web.open(page, url);
  await page.waitForSelector(FIRST_RESULT);
  const ids = await page.$$eval('#example-picker option', (options) => options.map((o) => o.value));
  const out = {};
  for (const id of ids) {
    const tab = await context.newPage();
    await web.open(tab, url + '#example=' + encodeURIComponent(id));
    await tab.waitForFunction((id) => document.getElementById('example-picker').value === id, id);
    out[id] = await copiedLink(tab);
    await tab.close();
  }
  await open290(page);
  out['290-recipients'] = await copiedLink(page);
  await context.close();
  return out;
}

async function main() {
  const args = process.argv.slice(2);
  let loads = 7;
  let editCount = 50;
  let scaleEdits = 10;
  let scaleSizes = [10000, 100000];
  while (args.length) {
    const arg = args.shift();
    if (arg === '--loads') loads = Number(args.shift());
    else if (arg === '--edits') editCount = Number(args.shift());
    else if (arg === '--scale-edits') scaleEdits = Number(args.shift());
    else if (arg === '--sizes') scaleSizes = args.shift().split(',').filter(Boolean).map(Number);
    else throw new Error('unknown argument ' + arg);
  }

  const server = await web.startServer();
  const browser = await web.launch();
  try {
    const blankUrl = server.origin + '/bench/blank.html';
    // Alternating, so that a slow moment of the machine hits both.
    const first = [];
    const blank = [];
    let requested = [];
    await firstLoad(browser, server.url, FIRST_RESULT); // warms the server and the disk cache
    for (let i = 0; i < loads; i += 1) {
      blank.push((await firstLoad(browser, blankUrl, '#blank')).ms);
      const load = await firstLoad(browser, server.url, FIRST_RESULT);
      first.push(load.ms);
      requested = load.requested;
    }

    // What the browser fetched for the page: files of the repository.
    const files = [...new Set(requested
      .filter((u) => u.startsWith(server.origin + '/'))
      .map((u) => decodeURIComponent(new URL(u).pathname).replace(/^\//, '')))];
    const bytes = sizes(files);
    const dist = fs.existsSync(path.join(ROOT, 'dist', 'fordela.html')) ? sizes(['dist/fordela.html']) : null;

    const samples = await edits(browser, server.url, editCount);
    const editMs = samples.map((s) => s.input + s.compute + s.render);
    const pots290 = await edits(browser, server.url, Math.max(3, Math.ceil(editCount / 2)), 290, true);
    const potMs290 = pots290.map((s) => s.input + s.compute + s.render);
    const scale = [];
    for (const n of scaleSizes) scale.push(await scaleRow(browser, server.url, n, scaleEdits));
    const copied = await links(browser, server.url);
    const base = server.url;

    const result = {
      page: {
        raw_bytes: bytes.raw,
        gzip_bytes: bytes.gzip,
        first_result_ms: round(median(first)),
        blank_ms: round(median(blank)),
        edit_ms_p50: round(median(editMs)),
        edit_ms_p95: round(p95(editMs)),
        files: bytes.each,
        dist_raw_bytes: dist ? dist.raw : null,
        dist_gzip_bytes: dist ? dist.gzip : null,
        loads,
        first_result_runs_ms: first.map(round),
        blank_runs_ms: blank.map(round),
        edits: samples.length,
        edit_cpu_ms_p50: samples[0].cpu === null ? null : round(median(samples.map((s) => s.cpu))),
        edit_cpu_ms_p95: samples[0].cpu === null ? null : round(p95(samples.map((s) => s.cpu))),
        edit_parts_p50_ms: {
          input: round(median(samples.map((s) => s.input))),
          compute: round(median(samples.map((s) => s.compute))),
          render: round(median(samples.map((s) => s.render))),
        },
        render_parts_p50_ms: renderParts(samples),
        edits_that_changed_the_row: samples.filter((s) => s.changed).length,
        pot_ms_p50: round(median(potMs290)),
        pot_ms_p95: round(p95(potMs290)),
        // Larger documents (bench/lib/scenario-n.js): edit → table and pot →
        // table, the file opened to its first total, the JS heap after.
        scale,
      },
      links: {},
      links_s1: {},
      link_base: base,
      link_formats: {},
    };
    for (const [id, { link, json }] of Object.entries(copied)) {
      result.links[id] = link.length;
      result.links_s1[id] = json.length;
      result.link_formats[id] = link.slice(base.length).replace(/=.*$/, '=…');
    }
    process.stdout.write(JSON.stringify(result) + '\n');
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : String(e));
  process.exit(1);
});
