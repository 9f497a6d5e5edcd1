// The JS rows of scripts/bench: one implementation per process (so that
// one's garbage and heap do not weigh on another), timed end to end from
// the input columns (JS arrays) to the output column (a JS array of öre per
// recipient). Prints one JSON line per size.
// Usage: node bench/core.js wasm|dinero|lrr [--runs R] N...
'use strict';

const path = require('node:path');
const { generate, fingerprint } = require('./lib/inputs.js');

const ROOT = path.resolve(__dirname, '..');
const CORE = path.join(ROOT, 'web', 'gen', 'fordela-core.js');

// A run slower than this at the largest sizes gets fewer repeats.
const SLOW_RUN_MS = 30000;
const FEW_RUNS = 3;

// ---- the implementations: input columns → total öre per recipient -------

// Fördela's core compiled to WebAssembly (web/gen/fordela-core.js): the
// typed arrays are copied into the module's heap, the result copied out
// into new Float64Arrays, all inside computeColumns.
function wasmSplit(core) {
  return (input) => {
    const result = core.computeColumns({
      pot_ore: input.pot_ore,
      unit_ore: input.unit_ore,
      method: 'largest-remainder',
      level: 'recipient',
      components: [
        { share: input.shares[0], basis: input.weighted },
        { share: input.shares[1], basis: input.population },
      ],
      earmarks: [input.earmark_ore],
    });
    if (!result.ok) throw new Error('wasm: ' + result.findings.map((f) => f.code).join(', '));
    return result.total_ore;
  };
}

// dinero.js 2 with its bigint calculator: allocate() splits a Dinero
// object by integer ratios, in the object's smallest unit. "Rounded to
// 1 000 kr" is a currency whose smallest unit is 1 000 kr (TKR below): the
// pot in whole 1 000-kr units is allocated by ratios that are the
// recipients' exact combined quotas over a common denominator
// (frame₁·b₁·B₂ + frame₂·b₂·B₁), far past 2^53, hence bigint. The frames
// themselves are allocate(pot in öre, [75, 25]).
async function dineroSplit() {
  const d = await import('dinero.js/bigint');
  const TKR = { code: 'TKR', base: 10n, exponent: 0n };
  return (input) => {
    const n = input.n;
    const unit = BigInt(input.unit_ore);
    const pot = d.dinero({ amount: BigInt(input.pot_ore), currency: d.SEK });
    const [f1, f2] = d.allocate(pot, input.shares.map(BigInt)).map((x) => d.toSnapshot(x).amount);
    const b1 = new Array(n);
    const b2 = new Array(n);
    let sum1 = 0n;
    let sum2 = 0n;
    for (let i = 0; i < n; i += 1) {
      b1[i] = BigInt(input.weighted[i]);
      b2[i] = BigInt(input.population[i]);
      sum1 += b1[i];
      sum2 += b2[i];
    }
    const ratios = new Array(n);
    for (let i = 0; i < n; i += 1) ratios[i] = f1 * b1[i] * sum2 + f2 * b2[i] * sum1;
    // The 777 kr below one unit stay unallocated, as in Fördela.
    const units = d.dinero({ amount: (f1 + f2) / unit, currency: TKR });
    const shares = d.allocate(units, ratios);
    const total = new Float64Array(n);
    for (let i = 0; i < n; i += 1) {
      total[i] = Number(d.toSnapshot(shares[i]).amount * unit) + input.earmark_ore[i];
    }
    return total;
  };
}

// largest-remainder-round 1.1: Array.prototype.spread(total) rounds an
// array of numbers (doubles) to integers adding up to total, by largest
// remainder. "Rounded to 1 000 kr" is spreading the pot's whole 1 000-kr
// units over the recipients' combined quotas (frame₁·b₁/B₁ + frame₂·b₂/B₂,
// in doubles); the frames are [75, 25].spread(pot in öre).
function lrrSplit() {
  // The package's main file extends Array.prototype and exports nothing.
  require('largest-remainder-round');
  return (input) => {
    const n = input.n;
    const [f1, f2] = input.shares.slice().spread(input.pot_ore);
    let sum1 = 0;
    let sum2 = 0;
    for (let i = 0; i < n; i += 1) {
      sum1 += input.weighted[i];
      sum2 += input.population[i];
    }
    const quotas = new Array(n);
    for (let i = 0; i < n; i += 1) quotas[i] = (f1 * input.weighted[i]) / sum1 + (f2 * input.population[i]) / sum2;
    const units = quotas.spread(Math.floor((f1 + f2) / input.unit_ore));
    const total = new Float64Array(n);
    for (let i = 0; i < n; i += 1) total[i] = units[i] * input.unit_ore + input.earmark_ore[i];
    return total;
  };
}

function loadCore() {
  return require(CORE)();
}

// ---- timing -------------------------------------------------------------

// One sample: `calls` calls in a row, per call in CPU time of the process
// (its GC threads included) and in wall time. CPU time is what the tables
// show: the machine's 2 cores are often shared with other work.
function time(split, input, calls) {
  let out;
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (let c = 0; c < calls; c += 1) out = split(input);
  const wall = Number(process.hrtime.bigint() - start) / calls;
  const used = process.cpuUsage(cpu);
  return { ns: ((used.user + used.system) * 1000) / calls, wall, out };
}

const MIN_SAMPLE_MS = 20;
const WARM_UP_MS = 300;

function median(values) {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

// How the peer's answer differs from the core's: recipients with another
// amount, and the largest difference in öre.
function compare(out, reference) {
  let differ = 0;
  let maxDiff = 0;
  for (let i = 0; i < reference.length; i += 1) {
    const diff = Math.abs(out[i] - reference[i]);
    if (diff !== 0) differ += 1;
    if (diff > maxDiff) maxDiff = diff;
  }
  return { differ, max_diff_ore: maxDiff };
}

async function main() {
  const args = process.argv.slice(2);
  const impl = args.shift();
  let runs = 5;
  const sizes = [];
  while (args.length) {
    const arg = args.shift();
    if (arg === '--runs') runs = Number(args.shift());
    else if (/^\d+$/.test(arg)) sizes.push(Number(arg));
    else throw new Error('unknown argument ' + arg);
  }
  const makers = { wasm: async () => wasmSplit(await loadCore()), dinero: dineroSplit, lrr: async () => lrrSplit() };
  if (!makers[impl] || sizes.length === 0 || !(runs >= 1)) {
    console.error('usage: node bench/core.js wasm|dinero|lrr [--runs R] N...');
    process.exit(2);
  }
  const split = await makers[impl]();
  const reference = impl === 'wasm' ? split : wasmSplit(await loadCore());

  // Warm the JIT (and the wasm module's heap) on a small input first.
  split(generate(290));

  for (const n of sizes) {
    const input = generate(n);
    // A warm-up at each size (V8 compiles wasm and JS in tiers: hot code is
    // recompiled optimised after a while), except where one run takes long:
    // then the first timed run counts, and the sizes before it warmed the code.
    let last = time(split, input, 1);
    for (let spent = last.ns, count = 1; spent < WARM_UP_MS * 1e6 && count < 100 && last.ns / 1e6 <= 2000; count += 1) {
      last = time(split, input, 1);
      spent += last.ns;
    }
    const calls = Math.max(1, Math.floor(MIN_SAMPLE_MS / Math.max(0.001, last.ns / 1e6)));
    const times = [];
    const walls = [];
    let planned = runs;
    if (last.ns / 1e6 > 2000) {
      times.push(last.ns);
      walls.push(last.wall);
      if (last.ns / 1e6 > SLOW_RUN_MS) planned = Math.min(runs, FEW_RUNS);
    }
    while (times.length < planned) {
      last = time(split, input, calls);
      times.push(last.ns);
      walls.push(last.wall);
    }
    const mid = median(times);
    const line = {
      impl,
      n,
      runs: times.length,
      calls_per_run: calls,
      median_ms: mid / 1e6,
      ns_per_recipient: mid / n,
      wall_ns_per_recipient: median(walls) / n,
      fingerprint: fingerprint(last.out),
    };
    if (impl !== 'wasm') Object.assign(line, compare(last.out, reference(input)));
    console.log(JSON.stringify(line));
  }
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : String(e));
  process.exit(1);
});
