// The benchmark's inputs (bench/inputs.md): the same numbers for a given n
// here as in bench/core_bench.cpp, from the same xorshift32 sequence, and
// the fingerprint both sides print so that rows can be compared.
'use strict';

const SEED = 20210525;
const UNIT_ORE = 1000 * 100; // 1 000 kr
const SHARES = [75, 25]; // per cent: weighted counts, population

function xorshift32(seed) {
  let x = seed >>> 0;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
}

// {n, pot_ore, unit_ore, weighted, population, earmark_ore}: the columns
// as Float64Arrays (whole numbers, exact as JS numbers).
function generate(n) {
  const next = xorshift32(SEED);
  const weighted = new Float64Array(n);
  const population = new Float64Array(n);
  const earmark = new Float64Array(n);
  const utsatt = new Uint8Array(n);
  const risk = new Uint8Array(n);
  const sarskilt = new Uint8Array(n);
  for (let i = 0; i < n; i += 1) {
    utsatt[i] = next() % 3;
    risk[i] = next() % 2;
    sarskilt[i] = next() % 2;
    weighted[i] = utsatt[i] + 2 * risk[i] + 3 * sarskilt[i];
    population[i] = 2000 + (next() % 198001);
    earmark[i] = (next() % 2001) * 100 * 100;
  }
  return {
    n,
    pot_ore: n * 100000 * 100 + 777 * 100,
    unit_ore: UNIT_ORE,
    shares: SHARES,
    weighted,
    population,
    earmark_ore: earmark,
    counts: { utsatt, risk, sarskilt },
  };
}

// FNV-1a over the low and high 32 bits of each (non-negative) amount.
function fingerprint(amounts) {
  let h = 2166136261;
  for (let i = 0; i < amounts.length; i += 1) {
    const v = amounts[i];
    const lo = v % 4294967296;
    const hi = (v - lo) / 4294967296;
    h = Math.imul(h ^ lo, 16777619) >>> 0;
    h = Math.imul(h ^ hi, 16777619) >>> 0;
  }
  return h >>> 0;
}

module.exports = { SEED, UNIT_ORE, SHARES, generate, fingerprint };
