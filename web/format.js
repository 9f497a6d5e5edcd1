// The one place amounts and numbers are turned into text. Amounts arrive
// from the core as integers of öre; they are split into kronor and öre with
// BigInt (never float division) and grouped by Intl.NumberFormat('sv-SE'),
// which formats decimal strings exactly.
import * as i18n from './i18n.js';

  const whole = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });
  const withOre = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const decimal = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 6, useGrouping: true });

  // öre (integer number, bigint or digit string) → {negative, kronor, ore}
  // as digit strings; null when the value is not an integer.
  function splitOre(value) {
    let n;
    try {
      if (typeof value === 'number' && !Number.isSafeInteger(value)) return null;
      n = BigInt(value);
    } catch (e) {
      return null;
    }
    const negative = n < 0n;
    const abs = negative ? -n : n;
    return { negative, kronor: (abs / 100n).toString(), ore: (abs % 100n).toString().padStart(2, '0') };
  }

  // Decimal string in kronor, exact: "-6214587.5" style with two decimals
  // only when there are öre ("6214587", "6214587.50").
  function oreToDecimalString(value) {
    const p = splitOre(value);
    if (!p) return null;
    return (p.negative ? '-' : '') + p.kronor + (p.ore === '00' ? '' : '.' + p.ore);
  }

  // "6 214 587 kr" (U+00A0 between groups and before kr, U+2212 minus).
  function kr(value) {
    const number = krNumber(value);
    return number === '' ? '' : number + '\u00a0kr';
  }

  // A rounding unit as it follows "till hela …": "100 000 kr", and for one
  // öre "ören" (not "0,01 kr").
  function roundingUnit(ore) {
    return ore === 1 ? i18n.t('unit.ore') : kr(ore);
  }

  // "+1 234 kr" / "−1 234 kr" / "0 kr": for differences such as rounding.
  function krSigned(value) {
    const text = kr(value);
    const p = splitOre(value);
    return p && !p.negative && (p.kronor !== '0' || p.ore !== '00') ? '+' + text : text;
  }

  // "6 214 587" without the unit, for table cells under a "(kr)" heading.
  function krNumber(value) {
    const s = oreToDecimalString(value);
    if (s === null) return '';
    return (s.includes('.') ? withOre : whole).format(s);
  }

  // Plain form for Swedish Excel: "6214587" or "6214587,50", "-12,05".
  function krPlain(value) {
    const s = oreToDecimalString(value);
    return s === null ? '' : s.replace('.', ',');
  }

  // A number from the scenario document for an input field: JSON numbers
  // are shown the Swedish way ("46 600", "2,5"); strings the user typed are
  // kept exactly as typed.
  function inputValue(value) {
    if (value === undefined || value === null) return '';
    if (typeof value === 'number' && Number.isFinite(value)) {
      // String(n) is the shortest exact decimal for JSON numbers; reject
      // exponent forms rather than misformat them.
      const s = String(value);
      return /e/i.test(s) ? s : decimal.format(s);
    }
    return String(value);
  }

  // A per cent the core wrote as a decimal string ("-8.6", "12.5", "0.0"),
  // signed the Swedish way: "−8,6 %", "+12,5 %", "0,0 %"; '' for null.
  function percentSigned(value) {
    if (value === null || value === undefined || !/^-?\d+(\.\d+)?$/.test(String(value))) return '';
    const s = String(value);
    const negative = s.startsWith('-');
    const digits = negative ? s.slice(1) : s;
    const zero = !/[1-9]/.test(digits);
    return (zero ? '' : negative ? '\u2212' : '+') + digits.replace('.', ',') + '\u00a0%';
  }

  // A number that is not an amount (a count, a typed weight) grouped the way
  // the language writes it: "50 000" in Swedish, "50,000" in English.
  function number(n, language = i18n.lang()) {
    return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'sv-SE').format(n);
  }

  // A decimal the core wrote ("-12.5", a per cent) in the plain form for
  // Swedish Excel ("-12,5"); '' for anything else.
  function decimalPlain(value) {
    return value !== null && value !== undefined && /^-?\d+(\.\d+)?$/.test(String(value)) ? String(value).replace('.', ',') : '';
  }

export { number, roundingUnit, kr, krSigned, krNumber, krPlain, decimalPlain, oreToDecimalString, inputValue, percentSigned };
