// A 290-recipient scenario (as many as Sweden has municipalities) for the
// page and link benchmarks: the numbers of bench/lib/inputs.js for n = 290
// as a document with Stockholm's 75/25 model, an earmark and rounding to
// 1 000 kr. The names are made up from Swedish place-name parts, so that a
// link compresses about as well as one with real names would.
'use strict';

const { documentOf } = require('./scenario-n.js');

const HEADS = ['Al', 'Ar', 'Bo', 'Borg', 'Dals', 'Eke', 'Falk', 'Fin', 'Gisla', 'Grä', 'Hal', 'Hä', 'Hör', 'Kal',
  'Kar', 'Kinda', 'Kungs', 'Lax', 'Lin', 'Ljus', 'Mal', 'Mora', 'Norr', 'Ny', 'Ock', 'Ore', 'Ox', 'Ronne', 'Sala',
  'Sig', 'Sim', 'Skara', 'Sol', 'Stor', 'Sunds', 'Sur', 'Tran', 'Tid', 'Upp', 'Vall', 'Vara', 'Väs', 'Vim', 'Ystad',
  'Åmål', 'Ång', 'Öre', 'Öster'];
const TAILS = ['by', 'sala', 'köping', 'berg', 'hamn', 'ås', 'vik', 'ström', 'fors', 'holm', 'stad', 'dal', 'ryd',
  'näs', 'torp', 'tuna', 'sund', 'lund', 'ö', 'inge', 'red', 'gärde', 'boda', 'mark', 'havn', 'an'];

function names(count) {
  // Its own sequence: the numbers stay those of inputs.js.
  let x = 1996;
  const next = () => {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    return x;
  };
  const seen = new Set();
  const out = [];
  while (out.length < count) {
    let name = HEADS[next() % HEADS.length] + TAILS[next() % TAILS.length];
    if (next() % 5 === 0) name += ['s kommun', ' stad', 's kommun', 'a'][next() % 4];
    if (!seen.has(name)) {
      seen.add(name);
      out.push(name);
    }
  }
  return out;
}

function scenario290() {
  return documentOf(290, names(290), 'Benchmark: 290 kommuner (genererade)');
}

module.exports = { scenario290 };
