// A scenario of n recipients for the page's benchmarks at scale (10 000,
// 100 000): the numbers of bench/lib/inputs.js for that n in the document
// of scenario290.js (Stockholm's 75/25 model, an earmark, rounding to
// 1 000 kr), the names numbered so that any n has unique ones.
'use strict';

const { generate } = require('./inputs.js');

const HEADS = ['Al', 'Bo', 'Dals', 'Eke', 'Falk', 'Gisla', 'Hal', 'Kal', 'Kungs', 'Lin', 'Mal', 'Norr', 'Ny', 'Ore',
  'Sala', 'Sol', 'Stor', 'Tran', 'Upp', 'Vall', 'Väs', 'Ystad', 'Åmål', 'Öster'];
const TAILS = ['by', 'köping', 'berg', 'hamn', 'vik', 'fors', 'holm', 'dal', 'lund', 'torp'];

function scenarioN(n) {
  const names = new Array(n);
  for (let i = 0; i < n; i += 1) names[i] = HEADS[i % HEADS.length] + TAILS[Math.floor(i / HEADS.length) % TAILS.length] + ' ' + (i + 1);
  return documentOf(n, names, 'Benchmark: ' + n + ' mottagare (genererade)');
}

// The benchmark's document for n recipients with the names given.
function documentOf(n, names, title) {
  const g = generate(n);
  const recipients = new Array(n);
  for (let i = 0; i < n; i += 1) {
    recipients[i] = {
      name: names[i],
      values: {
        utsatt: g.counts.utsatt[i],
        risk: g.counts.risk[i],
        sarskilt: g.counts.sarskilt[i],
        befolkning: g.population[i],
        skolsoc: g.earmark_ore[i] / 100,
      },
    };
  }
  return {
    format: 'fordela-scenario',
    version: 1,
    title,
    notes: '',
    pot: { total: g.pot_ore / 100, deductions: [], dates: {} },
    indicators: [
      { id: 'utsatt', label: 'Utsatta områden', kind: 'count' },
      { id: 'risk', label: 'Riskområden', kind: 'count' },
      { id: 'sarskilt', label: 'Särskilt utsatta områden', kind: 'count' },
      { id: 'befolkning', label: 'Befolkning', kind: 'count' },
      { id: 'skolsoc', label: 'Extra medel skolsociala team', kind: 'amount' },
    ],
    recipients,
    key: [
      { name: 'Utsatthet', share: 75, basis: 'weighted', weights: { utsatt: 1, risk: 2, sarskilt: 3 } },
      { name: 'Befolkning', share: 25, basis: 'indicator', indicator: 'befolkning' },
    ],
    earmarks: [{ name: 'Extra medel skolsociala team', indicator: 'skolsoc' }],
    rounding: { unit: 1000, method: 'largest-remainder', level: 'recipient' },
  };
}

module.exports = { scenarioN, documentOf };
