// Gathers one scripts/bench run (the JSON lines of the native program and
// of bench/core.js, the document of bench/page.js) into bench/results.json,
// prints the tables, and puts them into docs/benchmarks.md between the
// "bench:begin" and "bench:end" marks.
// Usage: node bench/report.js RUN_DIR [--no-report]
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..');
const IMPLS = ['native', 'wasm', 'dinero', 'lrr'];

// The targets of the open issues: 13 (the page), 15 (the core and its
// module), 16 (links, characters on a 40-character https base).
const TARGETS = {
  edit_ms_290: 16,
  edit_ms_scale: { 10000: 50, 100000: 250 },
  open_100000_ms: 3000,
  heap_100000_mb: 300,
  first_result_over_blank: 3,
  native_ns: 60,
  wasm_over_native_large: 1.5,
  wasm_over_native_290: 3,
  peer_over_wasm: 10,
  core_gzip_bytes: 110 * 1024,
  page_gzip_bytes: 200 * 1024,
  link_base_chars: 40,
  stockholm_link: 500,
  example_link: 800,
  link_290: 3000,
};

function readLines(file) {
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim().startsWith('{')).map((l) => JSON.parse(l));
}

function version(command, args) {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n')[0].trim();
  } catch (e) {
    return null;
  }
}

// The load average when the run began (scripts/bench saved /proc/loadavg)
// and when it ended: on a shared machine, what the numbers competed with.
function load(runDir) {
  const file = path.join(runDir, 'loadavg-start');
  const start = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split(' ').slice(0, 3).map(Number) : null;
  return { start, end: os.loadavg().map((x) => Math.round(x * 100) / 100) };
}

function machine(runDir) {
  const cpus = os.cpus();
  return {
    load_average: load(runDir),
    cpu: cpus.length ? cpus[0].model.trim() : null,
    cores: cpus.length,
    memory_gib: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    chromium: version('/usr/bin/chromium', ['--version']),
    gxx: version('g++', ['--version']),
    emcc: version('emcc', ['--version']),
  };
}

function fmt(value, digits) {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function kib(bytes) {
  return bytes === null || bytes === undefined ? '–' : fmt(bytes / 1024, 1) + ' KiB';
}

function build(runDir) {
  const lines = IMPLS.flatMap((impl) => readLines(path.join(runDir, impl + '.jsonl')));
  const byKey = new Map(lines.map((l) => [l.impl + ':' + l.n, l]));
  const sizes = [...new Set(lines.map((l) => l.n))].sort((a, b) => a - b);

  const core = [];
  const ratios = [];
  for (const n of sizes) {
    const native = byKey.get('native:' + n);
    const wasm = byKey.get('wasm:' + n);
    for (const impl of IMPLS) {
      const line = byKey.get(impl + ':' + n);
      if (!line) continue;
      const row = { impl, n, ns_per_recipient: Math.round(line.ns_per_recipient * 10) / 10, runs: line.runs };
      if (native && impl !== 'native') row.same_result = line.fingerprint === native.fingerprint;
      if (line.differ !== undefined) {
        row.recipients_differing = line.differ;
        row.max_difference_ore = line.max_diff_ore;
      }
      if (impl === 'native') {
        if (line.same_as_document !== undefined) row.same_as_document = line.same_as_document;
        row.ok = line.ok;
      }
      core.push(row);
    }
    const ratio = { n };
    if (native && wasm) ratio.wasm_over_native = round2(wasm.ns_per_recipient / native.ns_per_recipient);
    for (const peer of ['dinero', 'lrr']) {
      const line = byKey.get(peer + ':' + n);
      if (line && wasm) ratio[peer + '_over_wasm'] = round2(line.ns_per_recipient / wasm.ns_per_recipient);
    }
    ratios.push(ratio);
  }

  const pageDoc = fs.existsSync(path.join(runDir, 'page.json'))
    ? JSON.parse(fs.readFileSync(path.join(runDir, 'page.json'), 'utf8'))
    : { page: null, links: {} };

  const moduleFile = path.join(runDir, 'module.json');
  const module = fs.existsSync(moduleFile) ? JSON.parse(fs.readFileSync(moduleFile, 'utf8')) : null;

  return {
    date: new Date().toISOString().slice(0, 10),
    module,
    machine: machine(runDir),
    core,
    ratios,
    page: pageDoc.page,
    links: pageDoc.links,
    links_s1: pageDoc.links_s1,
    link_base: pageDoc.link_base,
    link_formats: pageDoc.link_formats,
  };
}

// A link's length had the page been at a 40-character https address.
function on40(results, chars) {
  return chars === undefined ? undefined : chars - (results.link_base || '').length + TARGETS.link_base_chars;
}

function round2(x) {
  return Math.round(x * 100) / 100;
}

function targets(results) {
  const out = [];
  const sizes = (list) => list.map((x) => 'n=' + x.n.toLocaleString('en-US'));
  const native = results.core.filter((c) => c.impl === 'native' && c.n >= 100000);
  out.push({
    target: 'native ≤ 60 ns per recipient at n ≥ 100 000 (issue 15)',
    measured: native.map((c) => 'n=' + c.n.toLocaleString('en-US') + ': ' + fmt(c.ns_per_recipient, 0) + ' ns').join(', ') || '–',
    met: native.length > 0 && native.every((c) => c.ns_per_recipient <= TARGETS.native_ns),
  });
  const large = results.ratios.filter((r) => r.n >= 100000 && r.wasm_over_native !== undefined);
  const small = results.ratios.filter((r) => r.n === 290 && r.wasm_over_native !== undefined);
  out.push({
    target: 'wasm ≤ 1.5× native at n ≥ 100 000, ≤ 3× at 290 (issue 15)',
    measured: [...small, ...large].map((r) => 'n=' + r.n.toLocaleString('en-US') + ': ' + fmt(r.wasm_over_native, 2) + '×').join(', ') || '–',
    met: large.length > 0 && large.every((r) => r.wasm_over_native <= TARGETS.wasm_over_native_large) &&
      small.every((r) => r.wasm_over_native <= TARGETS.wasm_over_native_290),
  });
  const big = results.ratios.filter((r) => r.n >= 10000);
  const fastestPeer = big.reduce((m, r) => Math.min(m, r.dinero_over_wasm ?? Infinity, r.lrr_over_wasm ?? Infinity), Infinity);
  out.push({
    target: 'wasm ≥ 10× faster than the fastest JS peer at n ≥ 10 000 (issue 15)',
    measured: 'fastest peer / wasm, worst case: ' + fmt(fastestPeer, 2) + '× (' + sizes(big).join(', ') + ')',
    met: big.length > 0 && fastestPeer >= TARGETS.peer_over_wasm,
  });
  const page = results.page || {};
  const core = (page.files || []).find((f) => f.file === 'web/gen/fordela-core.js');
  out.push({
    target: 'the core\'s script ≤ 110 KB gzip, the page ≤ 200 KB gzip (issue 15)',
    measured: 'core ' + kib(core && core.gzip) + ', page ' + kib(page.gzip_bytes),
    met: core !== undefined && core.gzip <= TARGETS.core_gzip_bytes && page.gzip_bytes <= TARGETS.page_gzip_bytes,
  });
  out.push({
    target: 'edit → table p50 ≤ 16 ms at 290 recipients (issue 13)',
    measured: 'p50 ' + fmt(page.edit_ms_p50, 1) + ' ms, p95 ' + fmt(page.edit_ms_p95, 1) + ' ms (main-thread CPU p50 ' + fmt(page.edit_cpu_ms_p50, 1) + ' ms)',
    met: page.edit_ms_p50 !== undefined && page.edit_ms_p50 <= TARGETS.edit_ms_290,
  });
  out.push({
    target: 'a pot change → table p50 ≤ 16 ms at 290 recipients (issue 13)',
    measured: 'p50 ' + fmt(page.pot_ms_p50, 1) + ' ms, p95 ' + fmt(page.pot_ms_p95, 1) + ' ms',
    met: page.pot_ms_p50 !== undefined && page.pot_ms_p50 <= TARGETS.edit_ms_290,
  });
  for (const row of page.scale || []) {
    const limit = TARGETS.edit_ms_scale[row.n];
    if (limit === undefined) continue;
    out.push({
      target: `edit → table and a pot change p50 ≤ ${limit} ms at ${fmt(row.n, 0)} recipients (issue 13)`,
      measured: 'edit p50 ' + fmt(row.edit_ms_p50, 0) + ' ms (compute ' + fmt(row.edit_parts_p50_ms.compute, 0) + ', render ' + fmt(row.edit_parts_p50_ms.render, 0) + '), pot p50 ' + fmt(row.pot_ms_p50, 0) + ' ms',
      met: row.edit_ms_p50 <= limit && row.pot_ms_p50 <= limit,
    });
    if (row.n === 100000) {
      out.push({
        target: 'a 100 000-recipient file opens to its first total ≤ 3 s, JS heap after it ≤ 300 MB (issue 13)',
        measured: fmt(row.open_ms, 0) + ' ms, ' + fmt(row.heap_mb, 0) + ' MB',
        met: row.open_ms <= TARGETS.open_100000_ms && row.heap_mb <= TARGETS.heap_100000_mb,
      });
    }
  }
  const overBlank = page.first_result_ms && page.blank_ms ? page.first_result_ms / page.blank_ms : undefined;
  out.push({
    target: 'first result ≤ 3× a blank page\'s load (issue 13)',
    measured: fmt(page.first_result_ms, 0) + ' ms against ' + fmt(page.blank_ms, 0) + ' ms: ' + fmt(overBlank, 1) + '×',
    met: overBlank !== undefined && overBlank <= TARGETS.first_result_over_blank,
  });
  const links = results.links || {};
  const stockholm = on40(results, links['stockholm-2021']);
  out.push({
    target: 'Stockholm 2021 link ≤ 500 characters (on a 40-character base)',
    measured: String(stockholm ?? '–'),
    met: stockholm !== undefined && stockholm <= TARGETS.stockholm_link,
  });
  const examples = Object.keys(links).filter((id) => id !== '290-recipients');
  const longest = examples.length ? Math.max(...examples.map((id) => on40(results, links[id]))) : undefined;
  out.push({
    target: 'every example\'s link ≤ 800 characters (on a 40-character base)',
    measured: 'longest ' + (longest ?? '–'),
    met: longest !== undefined && longest <= TARGETS.example_link,
  });
  const national = on40(results, links['290-recipients']);
  out.push({
    target: '290-recipient link ≤ 3 000 characters (on a 40-character base)',
    measured: String(national ?? '–'),
    met: national !== undefined && national <= TARGETS.link_290,
  });
  return out;
}

function markdown(results) {
  const lines = [];
  const m = results.machine;
  const loadText = m.load_average.start ? ` Load average ${m.load_average.start[0]} at the start, ${m.load_average.end[0]} at the end (other work on the same 2 cores).` : '';
  lines.push(`Run of ${results.date} on ${m.cores} cores (${m.cpu}), ${m.memory_gib} GiB; Node ${m.node}, ${m.chromium || 'Chromium'}, ${m.gxx ? m.gxx.replace(/^g\+\+ \(Debian [^)]*\) /, 'g++ ') : 'g++'}, ${m.emcc ? 'emcc ' + (m.emcc.match(/\d+\.\d+\.\d+/) || [''])[0] : 'emcc'}.${loadText}`);
  lines.push('');
  lines.push('**Core allocation**, ns per recipient (median of the runs shown), two components + one earmark, 1 000 kr units by largest remainder:');
  lines.push('');
  lines.push('| n | native | wasm | dinero | lrr | wasm / native | dinero / wasm | lrr / wasm | same result as native |');
  lines.push('|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  const sizes = results.ratios.map((r) => r.n);
  for (const n of sizes) {
    const row = (impl) => results.core.find((c) => c.impl === impl && c.n === n);
    const cell = (impl) => {
      const r = row(impl);
      return r ? fmt(r.ns_per_recipient, 0) + (r.runs !== 5 ? ` (${r.runs} runs)` : '') : '–';
    };
    const ratio = results.ratios.find((r) => r.n === n);
    const same = ['wasm', 'dinero', 'lrr'].map((impl) => {
      const r = row(impl);
      if (!r || r.same_result === undefined) return null;
      if (r.same_result) return impl + ' yes';
      return impl + ' no (' + (r.recipients_differing ?? '?').toLocaleString('en-US') + ' differ)';
    }).filter(Boolean).join('; ');
    lines.push(`| ${n.toLocaleString('en-US')} | ${cell('native')} | ${cell('wasm')} | ${cell('dinero')} | ${cell('lrr')} | ${fmt(ratio.wasm_over_native, 2)} | ${fmt(ratio.dinero_over_wasm, 2)} | ${fmt(ratio.lrr_over_wasm, 2)} | ${same} |`);
  }
  lines.push('');
  const p = results.page;
  if (p) {
    lines.push('**The page** (headless Chromium):');
    lines.push('');
    lines.push('| bytes raw | bytes gzip -9 | first result | blank page | edit → table p50 | edit → table p95 | edit, main-thread CPU p50 / p95 |');
    lines.push('|---:|---:|---:|---:|---:|---:|---:|');
    lines.push(`| ${kib(p.raw_bytes)} | ${kib(p.gzip_bytes)} | ${fmt(p.first_result_ms, 0)} ms | ${fmt(p.blank_ms, 0)} ms | ${fmt(p.edit_ms_p50, 1)} ms | ${fmt(p.edit_ms_p95, 1)} ms | ${fmt(p.edit_cpu_ms_p50, 1)} / ${fmt(p.edit_cpu_ms_p95, 1)} ms |`);
    lines.push('');
    const core = (p.files || []).find((f) => f.file === 'web/gen/fordela-core.js');
    const parts = p.edit_parts_p50_ms || {};
    const render = Object.entries(p.render_parts_p50_ms || {}).slice(0, 4).map(([k, v]) => `${k} ${fmt(v, 1)}`).join(', ');
    lines.push(`Of the bytes, \`web/gen/fordela-core.js\` (the WebAssembly, base64 inside a script) is ${kib(core && core.raw)} raw, ${kib(core && core.gzip)} gzip.` +
      ` An edit's median parts: input ${fmt(parts.input, 1)} ms, compute ${fmt(parts.compute, 1)} ms, render ${fmt(parts.render, 1)} ms` +
      (render ? ` (largest: ${render} ms)` : '') +
      ` (${p.edits} edits; ${p.loads} loads for the first result).` +
      (p.dist_gzip_bytes ? ` \`dist/fordela.html\`: ${kib(p.dist_raw_bytes)} raw, ${kib(p.dist_gzip_bytes)} gzip.` : ''));
    lines.push('');
  }
  const links = results.links || {};
  if (Object.keys(links).length) {
    lines.push('**Links** copied by the page ("Kopiera länk"), characters, with the base `' + (results.link_base || '').replace(/:\d+\//, ':PORT/') + '`'
      + ' (' + (results.link_base || '').length + ' characters), on a 40-character https base, and the same link as `#s1=`:');
    lines.push('');
    lines.push('| scenario | format | characters | on a 40-character base | as `#s1=` |');
    lines.push('|---|---|---:|---:|---:|');
    for (const [id, chars] of Object.entries(links)) {
      const json = (results.links_s1 || {})[id];
      lines.push(`| ${id} | \`${(results.link_formats || {})[id] || ''}\` | ${chars.toLocaleString('en-US')} | ${on40(results, chars).toLocaleString('en-US')} | ${json === undefined ? '–' : json.toLocaleString('en-US')} |`);
    }
    lines.push('');
  }
  const mod = results.module;
  if (mod) {
    const code = mod.sections.find((x) => x.section === 'code');
    lines.push(`**The module** (\`bench/module.js\` on a build that keeps the names, \`build/wasm-profile\`): ${kib(mod.wasm_bytes)} of WebAssembly (${kib(mod.wasm_gzip_bytes)} gzip -9), ` +
      `${mod.functions} functions in ${kib(code && code.bytes)} of code, ${kib(mod.data_bytes)} of data. ` +
      `The ${mod.top_functions.length} largest functions hold ${kib(mod.top_functions_bytes)}:`);
    lines.push('');
    lines.push('| function | bytes |');
    lines.push('|---|---:|');
    for (const f of mod.top_functions) lines.push(`| \`${f.name.replace(/\|/g, '\\|').replace(/`/g, "'")}\` | ${f.bytes.toLocaleString('en-US')} |`);
    lines.push('');
    lines.push('The largest pieces of data (runs of text, first characters):');
    lines.push('');
    lines.push('| data | bytes |');
    lines.push('|---|---:|');
    for (const d of mod.top_data.slice(0, 10)) lines.push(`| ${JSON.stringify(d.text).replace(/\|/g, '\\|')} | ${d.bytes.toLocaleString('en-US')} |`);
    lines.push('');
  }
  lines.push('**Targets:**');
  lines.push('');
  lines.push('| target | measured | reached |');
  lines.push('|---|---|---|');
  for (const t of targets(results)) lines.push(`| ${t.target} | ${t.measured} | ${t.met ? 'yes' : 'no'} |`);
  return lines.join('\n');
}

function updateReport(table) {
  const file = path.join(ROOT, 'docs', 'benchmarks.md');
  const text = fs.readFileSync(file, 'utf8');
  const begin = '<!-- bench:begin -->';
  const end = '<!-- bench:end -->';
  const a = text.indexOf(begin);
  const b = text.indexOf(end);
  if (a < 0 || b < a) return false;
  fs.writeFileSync(file, text.slice(0, a + begin.length) + '\n' + table + '\n' + text.slice(b));
  return true;
}

function main() {
  const args = process.argv.slice(2);
  const runDir = args.find((a) => !a.startsWith('--'));
  if (!runDir) {
    console.error('usage: node bench/report.js RUN_DIR [--no-report]');
    process.exit(2);
  }
  const results = build(runDir);
  results.targets = targets(results);
  // The shape of issue 5 first; the details after.
  const ordered = {
    core: results.core,
    page: results.page,
    links: results.links,
    links_s1: results.links_s1,
    module: results.module,
    ratios: results.ratios,
    targets: results.targets,
    link_base: results.link_base,
    link_formats: results.link_formats,
    machine: results.machine,
    date: results.date,
  };
  fs.writeFileSync(path.join(__dirname, 'results.json'), JSON.stringify(ordered, null, 2) + '\n');
  const table = markdown(results);
  console.log(table);
  if (!args.includes('--no-report')) {
    if (updateReport(table)) console.log('\n(docs/benchmarks.md: benchmark tables updated)');
  }
}

main();
