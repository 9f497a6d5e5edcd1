// Links that carry a whole scenario in the address fragment, so that a
// colleague opens exactly the same scenario. The fragment never reaches a
// server: the page reads it in the browser.
//
// Every format is "#sN=" + base64url of:
//   length of the packed bytes (unsigned LEB128)
//   CRC-32 of the unpacked bytes (4 bytes, big-endian)
//   format 3 only: the length of the coded bytes once decoded, and of the
//     bits that follow them (LEB128 each)
//   the packed bytes
// Format 1 ("#s1=") packs the scenario's JSON text in UTF-8, format 2
// ("#s2=") the same JSON value in columns (below), both deflated
// (deflate-raw, CompressionStream). Format 3 ("#s3=") writes the columns a
// little differently (below) and codes them with linkCoder
// (web/link-coder.js: a context-mixing arithmetic coder in integers,
// primed with the frozen text of web/link-primer.js) instead of deflate,
// which on a few hundred bytes spends most of them on its block headers and
// matches: about a third shorter than format 2. The page writes whichever
// format is shortest. The scenario is in the core's canonical form
// (normalize). The length tells a link cut short in an e-mail from a
// damaged one, the checksum an altered one. A later format gets "#s4=",
// and this page says it is newer instead of misreading it. The first links
// ("#s=", before format 1) held the deflated JSON alone; they are still
// read.
//
// Format 2, the columns: a table of strings (count, then each as its
// UTF-8 length and bytes; the format's own words are built in), then the
// document as one value: a tag and its content. A number m × 10^e is one
// varint (decimal()); another number is its text; a string is its place
// in the table (0: the next one not used before); an object is its keys
// and values; an array is its length and its elements as one column. A
// column is one kind for all its values: numbers (fixed width, in byte
// planes), strings, booleans (bits), objects whose keys keep one order
// (the keys once, then per key which objects have it and their values as
// a column: a table, such as the recipients), or any values (each with
// its tag). Every value comes back exactly as it went in: strings are
// never read as numbers.
//
// Format 3, the same columns, except: each string of the table is its
// UTF-8 ended by a 0 (a 0 or 1 inside it written as 1 and the byte); a
// column of numbers is one frame (frameOf(): the numbers as whole numbers
// over one shared power of ten, less the smallest, over their common
// step, each in as many bits as the largest needs: the exponent, the
// smallest and the step as varints, the width as a byte); a table says per
// key whether every object has it (1) or which do. The flags and the
// frames' numbers are not coded: they go, as bits one after another, after
// the coded bytes. Its unpacked bytes (what the checksum covers) are the
// coded bytes decoded, then those bits.
import { parseJson, canonical, migrate } from './document.js';
import * as linkCoder from './link-coder.js';
import { linkPrimer } from './link-primer.js';

  const CURRENT = 3;
  const MAX_TEXT = 16 * 1024 * 1024; // a scenario in a link is small; refuse bombs
  // Format 3's coded bytes decode to at most MAX_RAW, and to at most
  // MAX_RATIO times their length (a scenario packs about 2:1 to 4:1), so
  // that a hostile link is refused before it is decoded, or decodes in a
  // second or two; the page writes another format for a scenario past
  // these (2 000 recipients take some 30 KB; the 100 000 the page edits,
  // document.MAX_RECIPIENTS, go as format 2, within MAX_TEXT).
  const MAX_RAW = 256 * 1024;
  const MAX_RATIO = 32;
  // The text format 3's coder reads before a link's bytes
  // (web/link-primer.js), made once.
  let primer = null;
  const PRIMER = () => primer || (primer = linkPrimer());

  function supported() {
    return typeof CompressionStream === 'function' && typeof DecompressionStream === 'function';
  }

  // ---- bytes ---------------------------------------------------------------

  function toBase64Url(bytes) {
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) {
      binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    }
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  // null when the text is not base64url; 'short' when its length cannot be
  // (a link cut in the middle of a character group).
  function fromBase64Url(text) {
    if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
    if (text.length % 4 === 1) return 'short';
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  let crcTable = null;
  function crc32(bytes) {
    if (!crcTable) {
      crcTable = new Uint32Array(256);
      for (let n = 0; n < 256; n += 1) {
        let c = n;
        for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
        crcTable[n] = c >>> 0;
      }
    }
    let crc = 0xffffffff;
    for (let i = 0; i < bytes.length; i += 1) crc = crcTable[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
    return (crc ^ 0xffffffff) >>> 0;
  }

  function concat(parts) {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }

  function deflate(bytes) {
    const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    return new Response(stream).arrayBuffer().then((b) => new Uint8Array(b));
  }

  // Inflates, stopping at MAX_TEXT; rejects on data that is not deflate.
  async function inflate(bytes) {
    const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
    const chunks = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > MAX_TEXT) {
        reader.cancel().catch(() => {});
        throw new Error('too large');
      }
      chunks.push(value);
    }
    return concat(chunks);
  }

  function varint(n) {
    const out = [];
    do {
      let byte = n % 128;
      n = Math.floor(n / 128);
      if (n > 0) byte += 128;
      out.push(byte);
    } while (n > 0);
    return out;
  }

  // {value, size}, or null when the bytes end inside the number.
  function readVarint(bytes, limit = 5) {
    let value = 0;
    let scale = 1;
    for (let i = 0; i < bytes.length && i < limit; i += 1) {
      value += (bytes[i] & 127) * scale;
      if (bytes[i] < 128) return { value, size: i + 1 };
      scale *= 128;
    }
    return null;
  }

  // ---- format 2: the columns ---------------------------------------------------

  const TAG = { NULL: 0, FALSE: 1, TRUE: 2, DECIMAL: 3, NUMBER: 4, STRING: 5, ARRAY: 6, OBJECT: 7 };
  const COLUMN = { ANY: 0, DECIMAL: 1, STRING: 2, BOOL: 3, OBJECT: 4, INTEGER: 5, FRAME: 6 };
  const MAX_NESTING = 64; // deeper than any scenario (24 levels); the rest is said by migrate
  // The strings every scenario is made of (docs/scenario-format.md): the
  // table starts with them, so a link carries only its own. Frozen with
  // format 2: a change here is format 3.
  const KNOWN_STRINGS = ['', 'fordela-scenario', 'format', 'version', 'title', 'notes', 'pot', 'total', 'deductions',
    'name', 'amount', 'dates', 'period_start', 'period_end', 'requisition_deadline', 'report_deadline', 'indicators',
    'id', 'label', 'kind', 'count', 'recipients', 'values', 'requisitioned', 'requisition_date', 'opted_in', 'cost',
    'posts', 'cost_per_post', 'months', 'other', 'activity', 'from', 'to', 'used', 'sub', 'key', 'share', 'basis',
    'weights', 'indicator', 'weighted', 'equal', 'fixed', 'earmarks', 'stated_total', 'rounding', 'unit', 'method',
    'first_divisor', 'level', 'min_units', 'largest-remainder', 'dhondt', 'sainte-lague', 'huntington-hill', 'adams',
    'dean', 'recipient', 'component'];

  // A number as m × 10^e in one varint: zigzag(m) × 16 + (e + 7), e from
  // −7 to 8 (5 900 000 is 59 × 10^5, 0.25 is 25 × 10^−2), or null when it
  // is not exactly such a number.
  function decimal(v) {
    const parts = decimalParts(v, 8);
    if (!parts) return null;
    const { m, e } = parts;
    if (e < -7 || e > 8 || Math.abs(m) >= 2 ** 47) return null;
    return (m < 0 ? -2 * m - 1 : 2 * m) * 16 + (e + 7);
  }
  // A number written in plain digits as {m, e}, m × 10^e with m a safe
  // integer and e at most `top`, or null.
  function decimalParts(v, top) {
    if (typeof v !== 'number' || !Number.isFinite(v)) return null;
    const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(String(v));
    if (!match) return null;
    let digits = (match[2] + (match[3] || '')).replace(/^0+(?=\d)/, '');
    let e = -(match[3] || '').length;
    while (e < top && digits.length > 1 && digits.endsWith('0')) {
      digits = digits.slice(0, -1);
      e += 1;
    }
    const m = Number(match[1] + digits);
    if (!Number.isSafeInteger(m) || fromDecimal(m, e) !== v) return null;
    return { m, e };
  }
  function fromDecimal(m, e) {
    return Number(String(m) + 'e' + e);
  }
  function readDecimal(n) {
    const z = Math.floor(n / 16);
    return fromDecimal(z % 2 ? -(z + 1) / 2 : z / 2, (n % 16) - 7);
  }

  const zigzag = (n) => (n < 0 ? -2 * n - 1 : 2 * n);
  const unzigzag = (z) => (z % 2 ? -(z + 1) / 2 : z / 2);
  function gcd(a, b) {
    while (b) [a, b] = [b, a % b];
    return a;
  }

  // Format 3's column of numbers: each m × 10^e as a whole number over
  // the column's smallest e, less the smallest of them, over their common
  // factor, in as many bits as the largest needs. {e, low, step, width,
  // steps}, or null when a value is no such number.
  function frameOf(values) {
    const parts = values.map((v) => decimalParts(v, 400));
    if (parts.includes(null)) return null;
    const e = parts.reduce((min, p) => Math.min(min, p.e), Infinity);
    const whole = parts.map((p) => (p.e === e ? p.m : Number(p.m + '0'.repeat(p.e - e))));
    if (!whole.every((m, i) => Number.isSafeInteger(m) && fromDecimal(m, e) === values[i])) return null;
    const low = whole.reduce((min, m) => Math.min(min, m), Infinity);
    if (Math.abs(low) >= 2 ** 52 || Math.abs(e) > 400) return null;
    const offsets = whole.map((m) => m - low);
    if (!offsets.every(Number.isSafeInteger)) return null;
    const step = offsets.reduce(gcd, 0) || 1;
    const steps = offsets.map((o) => o / step);
    let width = 0;
    for (const k of steps) while (k >= 2 ** width) width += 1;
    return { e, low, step, width, steps };
  }

  const isPlainObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

  // The columns of a JSON value in format `version`: {strings, bytes,
  // wide}. Format 3 writes the bits (flags and the numbers of frames) apart
  // from the bytes, one after another: they are left as they are, where a
  // model would only learn noise.
  function columns(doc, version) {
    const strings = [];
    const index = new Map(KNOWN_STRINGS.map((k, i) => [k, i]));
    const out = [];
    const wide = [];
    let wideBits = 0;
    const putBits = (k, width) => {
      for (let b = width - 1; b >= 0; b -= 1, wideBits += 1) {
        if (wideBits % 8 === 0) wide.push(0);
        if (Math.floor(k / 2 ** b) % 2) wide[wide.length - 1] |= 128 >> (wideBits % 8);
      }
    };
    const put = (n) => { for (const b of varint(n)) out.push(b); };
    // 0 for a string not used before (the next in the table), else its
    // number + 1: a column of new names is all zeros.
    const text = (s) => {
      if (index.has(s)) {
        put(index.get(s) + 1);
      } else {
        index.set(s, index.size);
        strings.push(s);
        put(0);
      }
    };

    function value(v) {
      if (v === null) out.push(TAG.NULL);
      else if (v === false || v === true) out.push(v ? TAG.TRUE : TAG.FALSE);
      else if (decimal(v) !== null) { out.push(TAG.DECIMAL); put(decimal(v)); }
      else if (typeof v === 'number') { out.push(TAG.NUMBER); text(String(v)); }
      else if (typeof v === 'string') { out.push(TAG.STRING); text(v); }
      else if (Array.isArray(v)) { out.push(TAG.ARRAY); put(v.length); if (v.length) column(v); }
      else {
        const keys = Object.keys(v);
        out.push(TAG.OBJECT);
        put(keys.length);
        for (const k of keys) { text(k); value(v[k]); }
      }
    }

    // A column of numbers in fixed width, lowest bytes of all first: the
    // high bytes, mostly alike, then pack well.
    function planes(numbers) {
      let width = 1;
      for (const n of numbers) while (n >= 256 ** width) width += 1;
      out.push(width);
      for (let b = 0; b < width; b += 1) for (const n of numbers) out.push(Math.floor(n / 256 ** b) % 256);
    }

    // The keys of a column of objects in one order that each object's
    // keys follow (some may lack some: the canonical form leaves out
    // values of 0), or null.
    function unionKeys(values) {
      if (!values.every(isPlainObject)) return null;
      // Each object's keys in turn are edges of a graph; the order is its
      // topological sort, first seen first among the free.
      const seen = new Map();
      const after = new Map();
      const before = new Map();
      for (const o of values) {
        const keys = Object.keys(o);
        keys.forEach((k, i) => {
          if (!seen.has(k)) {
            seen.set(k, seen.size);
            after.set(k, new Set());
            before.set(k, 0);
          }
          if (i > 0 && !after.get(keys[i - 1]).has(k)) {
            after.get(keys[i - 1]).add(k);
            before.set(k, before.get(k) + 1);
          }
        });
      }
      const order = [];
      const free = [...seen.keys()].filter((k) => before.get(k) === 0);
      while (free.length) {
        free.sort((a, b) => seen.get(a) - seen.get(b));
        const k = free.shift();
        order.push(k);
        for (const next of after.get(k)) {
          before.set(next, before.get(next) - 1);
          if (before.get(next) === 0) free.push(next);
        }
      }
      return order.length === seen.size ? order : null; // a cycle: no one order
    }

    function bits(flags) {
      if (version === 3) {
        for (const f of flags) putBits(f ? 1 : 0, 1);
        return;
      }
      for (let i = 0; i < flags.length; i += 8) {
        let byte = 0;
        for (let j = 0; j < 8 && i + j < flags.length; j += 1) if (flags[i + j]) byte |= 1 << j;
        out.push(byte);
      }
    }

    function column(values) {
      const keys = unionKeys(values);
      const frame = version === 3 ? frameOf(values) : null;
      if (frame) {
        out.push(COLUMN.FRAME);
        put(zigzag(frame.e));
        put(zigzag(frame.low));
        put(frame.step);
        out.push(frame.width);
        for (const k of frame.steps) putBits(k, frame.width);
        return;
      }
      const decimals = values.map(decimal);
      const integers = values.every((v) => Number.isInteger(v) && Math.abs(v) < 2 ** 52)
        ? values.map((v) => (v < 0 ? -2 * v - 1 : 2 * v)) : null;
      const size = (list) => list.reduce((n, v) => n + varint(v).length, 0);
      if (integers && (decimals.includes(null) || Math.max(...integers) <= Math.max(...decimals))) {
        out.push(COLUMN.INTEGER);
        planes(integers);
      } else if (decimals.every((d) => d !== null)) {
        out.push(COLUMN.DECIMAL);
        planes(decimals);
      } else if (values.every((v) => typeof v === 'string')) {
        out.push(COLUMN.STRING);
        for (const v of values) text(v);
      } else if (values.every((v) => typeof v === 'boolean')) {
        out.push(COLUMN.BOOL);
        bits(values);
      } else if (keys) {
        // The keys once; then per key, which objects have it (bits) and
        // their values as a column.
        out.push(COLUMN.OBJECT);
        put(keys.length);
        for (const k of keys) text(k);
        // 1: every object has every key (format 3: this key), and no bits
        // follow.
        const full = values.every((o) => Object.keys(o).length === keys.length);
        if (version !== 3) out.push(full ? 1 : 0);
        for (const k of keys) {
          const has = values.map((o) => Object.prototype.hasOwnProperty.call(o, k));
          const all = version === 3 ? !has.includes(false) : full;
          if (version === 3) out.push(all ? 1 : 0);
          if (!all) bits(has);
          const present = values.filter((o, i) => has[i]).map((o) => o[k]);
          if (present.length) column(present);
        }
      } else {
        out.push(COLUMN.ANY);
        for (const v of values) value(v);
      }
    }

    value(doc);
    return { strings, bytes: out, wide };
  }

  // JSON value → the unpacked bytes of format 2 or 3. Format 3 ends each
  // string with a 0 (a 0 or 1 inside it is written 1 and the byte), so
  // that its text reads as text to the coder, with no lengths between.
  function toColumns(doc, version) {
    const { strings, bytes, wide } = columns(doc, version);
    const encoder = new TextEncoder();
    const parts = [Uint8Array.from(varint(strings.length))];
    for (const s of strings) {
      const utf8 = encoder.encode(s);
      if (version === 3) {
        const escaped = [];
        for (const b of utf8) {
          if (b < 2) escaped.push(1);
          escaped.push(b);
        }
        escaped.push(0);
        parts.push(Uint8Array.from(escaped));
      } else {
        parts.push(Uint8Array.from(varint(utf8.length)), utf8);
      }
    }
    parts.push(Uint8Array.from(bytes));
    const main = concat(parts);
    return { raw: concat([main, Uint8Array.from(wide)]), split: main.length };
  }

  // The unpacked bytes of format 2 or 3 → the JSON value; throws on bytes
  // that are not such (damaged). Format 3's bits start at `split`.
  function fromColumns(raw, version, split = raw.length) {
    const bytes = raw.subarray(0, split);
    const wide = raw.subarray(split);
    let at = 0;
    let wideAt = 0; // in bits
    let budget = MAX_TEXT; // about the length of the JSON text that comes out, as format 1 allows
    const damaged = () => new Error('damaged');
    const byte = () => {
      if (at >= bytes.length) throw damaged();
      return bytes[at++];
    };
    const count = () => {
      const read = readVarint(bytes.subarray(at, at + 8), 8);
      if (!read || !Number.isSafeInteger(read.value)) throw damaged();
      at += read.size;
      return read.value;
    };
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const strings = KNOWN_STRINGS.slice();
    const stringCount = count();
    if (stringCount > bytes.length) throw damaged();
    for (let i = 0; i < stringCount; i += 1) {
      if (version === 3) {
        const utf8 = [];
        for (let b = byte(); b !== 0; b = byte()) utf8.push(b === 1 ? byte() : b);
        strings.push(decoder.decode(Uint8Array.from(utf8)));
      } else {
        const length = count();
        if (at + length > bytes.length) throw damaged();
        strings.push(decoder.decode(bytes.subarray(at, at + length)));
        at += length;
      }
    }
    const spend = (n) => {
      budget -= n;
      if (budget < 0) throw damaged();
    };
    let used = KNOWN_STRINGS.length;
    const text = () => {
      const ref = count();
      let i = ref - 1;
      if (ref === 0) i = used++;
      else if (i >= used) throw damaged();
      if (i >= strings.length) throw damaged();
      spend(strings[i].length);
      return strings[i];
    };
    // As JSON.parse does: "__proto__" is a key like any other.
    const set = (o, k, v) => Object.defineProperty(o, k, { value: v, writable: true, enumerable: true, configurable: true });

    function value(depth) {
      if (depth > MAX_NESTING) throw damaged();
      spend(2);
      const tag = byte();
      switch (tag) {
        case TAG.NULL: return null;
        case TAG.FALSE: return false;
        case TAG.TRUE: return true;
        case TAG.DECIMAL: return readDecimal(count());
        case TAG.NUMBER: {
          // Read as format 1 reads a number: one JavaScript cannot hold
          // exactly stays its text.
          const n = parseJson(text());
          if (typeof n !== 'number' && typeof n !== 'string') throw damaged();
          return n;
        }
        case TAG.STRING: return text();
        case TAG.ARRAY: {
          const n = count();
          return n ? column(n, depth + 1) : [];
        }
        case TAG.OBJECT: {
          const o = {};
          const n = count();
          for (let i = 0; i < n; i += 1) {
            const k = text();
            set(o, k, value(depth + 1));
          }
          return o;
        }
        default: throw damaged();
      }
    }

    // The next n numbers of `width` bits each in format 3.
    function wideNumbers(n, width) {
      if (wideAt + n * width > wide.length * 8) throw damaged();
      const numbers = new Array(n);
      for (let i = 0; i < n; i += 1) {
        let k = 0;
        for (let b = 0; b < width; b += 1, wideAt += 1) k = k * 2 + ((wide[wideAt >> 3] >> (7 - (wideAt & 7))) & 1);
        numbers[i] = k;
      }
      return numbers;
    }

    function bits(n) {
      if (version === 3) return wideNumbers(n, 1).map(Boolean);
      if (at + Math.ceil(n / 8) > bytes.length) throw damaged();
      const flags = new Array(n);
      for (let i = 0; i < n; i += 1) flags[i] = (bytes[at + (i >> 3)] & (1 << (i & 7))) !== 0;
      at += Math.ceil(n / 8);
      return flags;
    }

    function planes(n) {
      const width = byte();
      if (width < 1 || width > 7 || at + width * n > bytes.length) throw damaged();
      const numbers = new Array(n).fill(0);
      for (let b = 0; b < width; b += 1) for (let i = 0; i < n; i += 1) numbers[i] += bytes[at++] * 256 ** b;
      return numbers;
    }

    function column(n, depth) {
      if (depth > MAX_NESTING) throw damaged();
      spend(2 * n);
      const kind = byte();
      const out = new Array(n);
      if (kind === COLUMN.FRAME && version === 3) {
        const e = unzigzag(count());
        const low = unzigzag(count());
        const step = count();
        const width = byte();
        if (Math.abs(e) > 400 || width > 53) throw damaged();
        for (const [i, k] of wideNumbers(n, width).entries()) {
          const m = low + k * step;
          if (!Number.isSafeInteger(m)) throw damaged();
          out[i] = fromDecimal(m, e);
          if (!Number.isFinite(out[i])) throw damaged();
        }
      } else if (kind === COLUMN.DECIMAL) {
        for (const [i, d] of planes(n).entries()) out[i] = readDecimal(d);
      } else if (kind === COLUMN.INTEGER) {
        for (const [i, z] of planes(n).entries()) out[i] = z % 2 ? -(z + 1) / 2 : z / 2;
      } else if (kind === COLUMN.STRING) {
        for (let i = 0; i < n; i += 1) out[i] = text();
      } else if (kind === COLUMN.BOOL) {
        bits(n).forEach((b, i) => { out[i] = b; });
      } else if (kind === COLUMN.OBJECT) {
        const keys = [];
        const k = count();
        if (k > bytes.length) throw damaged();
        for (let i = 0; i < k; i += 1) keys.push(text());
        for (let i = 0; i < n; i += 1) out[i] = {};
        const full = version === 3 ? 0 : byte();
        if (full > 1) throw damaged();
        for (const key of keys) {
          const all = version === 3 ? byte() : full;
          if (all > 1) throw damaged();
          const has = all ? new Array(n).fill(true) : bits(n);
          const present = has.filter(Boolean).length;
          const values = present ? column(present, depth + 1) : [];
          let next = 0;
          for (let i = 0; i < n; i += 1) if (has[i]) set(out[i], key, values[next++]);
        }
      } else if (kind === COLUMN.ANY) {
        for (let i = 0; i < n; i += 1) out[i] = value(depth);
      } else {
        throw damaged();
      }
      return out;
    }

    const doc = value(0);
    if (at !== bytes.length || Math.ceil(wideAt / 8) !== wide.length) throw damaged();
    return doc;
  }

  // ---- links -----------------------------------------------------------------

  // location.hash → {version, payload} for "#s1=…" (version 1), "#s=…"
  // (version 0, the first links) and any "#sN=…"; null for other hashes.
  function fromHash(hash) {
    const match = /^#s(\d*)=([\s\S]*)$/.exec(hash || '');
    if (!match) return null;
    const version = match[1] === '' ? 0 : Number(match[1]);
    // "#s0=" is no format: only the bare "#s=" is the first one.
    return { version: match[1] !== '' && version < 1 ? -1 : version, payload: match[2] };
  }

  // Format `version` of the unpacked bytes: the header, then packed
  // (deflated, or in format 3 coded by linkCoder); null when
  // format 3 would claim more than MAX_RATIO.
  async function pack(version, raw, split) {
    let packed;
    if (version === 3) {
      const coded = linkCoder.encode(raw.subarray(0, split), PRIMER());
      if (split > Math.min(MAX_RAW, MAX_RATIO * coded.length) || raw.length - split > MAX_RAW) return null;
      packed = concat([coded, raw.subarray(split)]);
    } else {
      packed = await deflate(raw);
    }
    const crc = crc32(raw);
    const header = varint(packed.length).concat([crc >>> 24, (crc >>> 16) & 255, (crc >>> 8) & 255, crc & 255]);
    if (version === 3) header.push(...varint(split), ...varint(raw.length - split));
    return 's' + version + '=' + toBase64Url(concat([Uint8Array.from(header), packed]));
  }

  // scenario → "s3=…", "s2=…" or "s1=…" for the hash, whichever is
  // shortest (a scenario of a few words may pack smaller as JSON).
  // `version` asks for one of them.
  async function encode(scenario, version) {
    const doc = canonical(scenario);
    const make = (v) => {
      if (v === 1) return pack(1, new TextEncoder().encode(JSON.stringify(doc)));
      const { raw, split } = toColumns(doc, v);
      return pack(v, raw, split);
    };
    if (version) return make(version);
    const links = (await Promise.all([make(1), make(2), make(3)])).filter(Boolean);
    return links.reduce((best, link) => (link.length < best.length ? link : best));
  }

  // What mail programs do to a long link: line breaks and spaces inside it,
  // percent-encoding, a full stop or bracket glued to its end.
  function clean(payload) {
    let text = payload;
    try {
      text = decodeURIComponent(text);
    } catch (e) { /* keep it as it is */ }
    return text.replace(/\s+/g, '').replace(/[.,;:!?)\]}>'"»”]+$/, '');
  }

  function failed(problem, version) {
    return { ok: false, problem, version };
  }

  // {version, payload} → {ok: true, scenario} or {ok: false, problem,
  // version?}, problem one of 'unsupported' (this browser cannot inflate),
  // 'damaged', 'truncated', 'altered', 'newer', 'not-scenario'. Never
  // rejects.
  async function decode(link) {
    if (!link) return failed('damaged');
    if (link.version > CURRENT) return failed('newer', link.version);
    if (!Number.isInteger(link.version) || link.version < 0) return failed('damaged');
    if (!supported()) return failed('unsupported');
    const bytes = fromBase64Url(clean(link.payload));
    if (bytes === 'short') return failed(link.version === 0 ? 'damaged' : 'truncated');
    if (!bytes || bytes.length === 0) return failed('damaged');

    let raw;
    let unpacked = null;
    let tail = null;
    if (link.version === 0) {
      try {
        raw = await inflate(bytes);
      } catch (e) {
        return failed('damaged');
      }
    } else {
      const length = readVarint(bytes);
      if (!length) return failed('truncated');
      let start = length.size + 4;
      // Format 3: after the checksum, the lengths of the coded bytes once
      // decoded and of the bits that follow them.
      if (link.version === 3) {
        unpacked = readVarint(bytes.subarray(start));
        tail = unpacked && readVarint(bytes.subarray(start + unpacked.size));
        if (!tail) return failed('truncated');
        start += unpacked.size + tail.size;
      }
      if (bytes.length < start + length.value) return failed('truncated');
      if (bytes.length > start + length.value) return failed('damaged');
      const crc = ((bytes[length.size] << 24) | (bytes[length.size + 1] << 16) | (bytes[length.size + 2] << 8) | bytes[length.size + 3]) >>> 0;
      if (unpacked) {
        const coded = length.value - tail.value;
        if (coded < 0 || unpacked.value > Math.min(MAX_RAW, MAX_RATIO * coded)) return failed('damaged');
        const main = linkCoder.decode(bytes.subarray(start, start + coded), unpacked.value, PRIMER());
        raw = concat([main, bytes.subarray(start + coded)]);
      } else {
        try {
          raw = await inflate(bytes.subarray(start));
        } catch (e) {
          return failed('damaged');
        }
      }
      if (crc32(raw) !== crc) return failed('altered');
    }

    let doc;
    try {
      doc = link.version >= 2 ? fromColumns(raw, link.version, unpacked ? unpacked.value : raw.length) : parseJson(new TextDecoder('utf-8', { fatal: true }).decode(raw));
    } catch (e) {
      return failed('damaged');
    }
    const migrated = migrate(doc);
    if (!migrated.ok) {
      const told = ['newer', 'too-many-recipients', 'too-deep', 'wrong-type'].includes(migrated.problem);
      return told ? migrated : failed('not-scenario', migrated.version);
    }
    return { ok: true, scenario: canonical(migrated.scenario), legacy: link.version === 0 };
  }

export { CURRENT, supported, fromHash, encode, decode, crc32 };
