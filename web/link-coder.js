// The compressor of link format 3 (web/link.js): an adaptive binary
// arithmetic coder over a context-mixing model, written for links of a few
// hundred bytes, where deflate's block headers and its matching cost most.
// Integers only, so that every browser reads a link exactly as it was made.
// The logistic function 4096 / (1 + e^(-x/256)) at x = -2048, -1920, …,
// 2048 (computed once and frozen as integers: Math.exp may differ in its
// last bit between browsers, and a link must not).

  const LOGISTIC = [1, 2, 4, 6, 10, 17, 27, 45, 74, 120, 194, 311, 488, 747, 1102, 1546, 2048,
    2550, 2994, 3349, 3608, 3785, 3902, 3976, 4022, 4051, 4069, 4079, 4086, 4090, 4092, 4094, 4095];

  // x (the log-odds, scaled by 256) → the probability of a 1, 12 bits.
  function squash(x) {
    if (x >= 2047) return 4095;
    if (x <= -2047) return 1;
    const i = (x + 2048) >> 7;
    const w = (x + 2048) & 127;
    return (LOGISTIC[i] * (128 - w) + LOGISTIC[i + 1] * w + 64) >> 7;
  }

  // Its inverse, as a table over the 4 096 probabilities.
  const STRETCH = new Int16Array(4096);
  (function () {
    let p = 0;
    for (let x = -2047; x <= 2047; x += 1) {
      const top = squash(x);
      for (; p <= top; p += 1) STRETCH[p] = x;
    }
    for (; p < 4096; p += 1) STRETCH[p] = 2047;
  })();

  // How fast a context learns: 1/(n + 1.5) for the n-th time it is seen
  // (16 bits), down to 1/LIMIT, so that the first bytes of a short text
  // already teach it.
  const LIMIT = 30;
  const MIX_RATE = 2;
  const APM_RATE = 16;
  const RATE = new Int32Array(LIMIT + 1);
  for (let n = 0; n <= LIMIT; n += 1) RATE[n] = Math.floor(131072 / (2 * n + 3));

  const HASH_BITS = 20; // one table for the hashed contexts
  const ORDERS = 7; // order 0, 1 (direct), then hashed: 2, 3, 4, the word, the word before with this one
  const INPUTS = ORDERS + 1; // and a bias
  const TABLE = (1 << HASH_BITS) + 65536 + 256; // the hashed table, then order 1 and 0
  const APM_ROW = Uint16Array.from({ length: 33 }, (_, i) => squash((i - 16) * 128) * 16); // at first, no change

  // The model: for each bit, the probabilities of the contexts mixed by
  // two sets of weights that learn which context to trust (one set per
  // place of the bit in its byte, one per byte before), then refined by
  // what such a probability turned out to mean after the byte before (an
  // adaptive probability map). A copy of `from` when given.
  function Model(from) {
    this.p = from ? from.p.slice() : new Uint16Array(TABLE).fill(32768);
    this.n = from ? from.n.slice() : new Uint8Array(TABLE);
    this.byPlace = from ? from.byPlace.slice() : new Int32Array(8 * INPUTS).fill(Math.floor(65536 / ORDERS));
    this.byByte = from ? from.byByte.slice() : new Int32Array(256 * INPUTS).fill(Math.floor(65536 / ORDERS));
    if (from) {
      this.apm = from.apm.slice();
    } else {
      this.apm = new Uint16Array(256 * 256 * 33);
      for (let at = 0; at < this.apm.length; at += 33) this.apm.set(APM_ROW, at);
    }
    this.slot = new Int32Array(ORDERS);
    this.base = from ? from.base.slice() : new Int32Array(ORDERS); // per context, its place or hash for this byte
    this.stretched = new Int32Array(INPUTS);
    this.stretched[ORDERS] = 256;
    this.c0 = from ? from.c0 : 1; // the bits of the byte so far, after a leading 1
    this.c4 = from ? from.c4 : 0; // the four bytes before, the last lowest
    this.word = from ? from.word : 0;
    this.lastWord = from ? from.lastWord : 0;
    this.atPlace = 0;
    this.atByte = 0;
    this.dotPlace = 0;
    this.dotByte = 0;
    this.apmAt = 0;
    this.apmWeight = 0;
    if (!from) this.newByte();
  }

  function hash(a, b) {
    return (Math.imul(a ^ (a >>> 15), 0x2f0b4c27) ^ Math.imul(b + 1, 0x5bd1e995)) >>> 0;
  }

  Model.prototype.newByte = function () {
    const c4 = this.c4;
    const direct = 1 << HASH_BITS;
    this.base[0] = direct + 65536;
    this.base[1] = direct + ((c4 & 255) << 8);
    this.base[2] = hash(c4 & 0xffff, 2);
    this.base[3] = hash(c4 & 0xffffff, 3);
    this.base[4] = hash(c4, 4);
    this.base[5] = hash(this.word, 5);
    this.base[6] = hash(this.word ^ Math.imul(this.lastWord, 31), 6);
  };

  function dot(weights, at, inputs) {
    let sum = 0;
    for (let i = 0; i < INPUTS; i += 1) sum += weights[at + i] * inputs[i];
    sum = Math.floor(sum / 65536);
    return sum < -2047 ? -2047 : sum > 2047 ? 2047 : sum;
  }

  function train(weights, at, inputs, error) {
    for (let i = 0; i < INPUTS; i += 1) weights[at + i] += Math.floor((inputs[i] * error) / 1024);
  }

  // The probability (12 bits) that the next bit is a 1.
  Model.prototype.predict = function () {
    const c0 = this.c0;
    const p = this.p;
    for (let i = 0; i < ORDERS; i += 1) {
      // The direct contexts index by the partial byte; the hashed ones
      // hash it in, and their slot is the hash's highest bits.
      const slot = i < 2 ? this.base[i] | c0 : Math.imul(this.base[i] ^ c0, 0x9e3779b1) >>> (32 - HASH_BITS);
      this.slot[i] = slot;
      this.stretched[i] = STRETCH[p[slot] >> 4];
    }
    this.atPlace = (31 - Math.clz32(c0)) * INPUTS;
    this.atByte = (this.c4 & 255) * INPUTS;
    this.dotPlace = dot(this.byPlace, this.atPlace, this.stretched);
    this.dotByte = dot(this.byByte, this.atByte, this.stretched);
    const st = (this.dotPlace + this.dotByte) >> 1;
    // The map: 33 points over the stretched probability, for this partial
    // byte after the byte before; between two points, both weighted.
    const pos = (st + 2048) * 32;
    this.apmWeight = pos & 4095;
    this.apmAt = (((this.c4 & 255) << 8) | c0) * 33 + (pos >> 12);
    const refined = (this.apm[this.apmAt] * (4096 - this.apmWeight) + this.apm[this.apmAt + 1] * this.apmWeight) >> 16;
    const mixed = (squash(st) + 3 * refined) >> 2;
    return mixed < 1 ? 1 : mixed > 4095 ? 4095 : mixed;
  };

  Model.prototype.update = function (bit) {
    train(this.byPlace, this.atPlace, this.stretched, ((bit << 12) - squash(this.dotPlace)) * MIX_RATE);
    train(this.byByte, this.atByte, this.stretched, ((bit << 12) - squash(this.dotByte)) * MIX_RATE);
    const target = (bit << 16) - bit;
    const apm = this.apm;
    const a = this.apmAt;
    apm[a] += Math.floor(((target - apm[a]) * (4096 - this.apmWeight)) / (4096 * APM_RATE));
    apm[a + 1] += Math.floor(((target - apm[a + 1]) * this.apmWeight) / (4096 * APM_RATE));
    const p = this.p;
    const n = this.n;
    for (let i = 0; i < ORDERS; i += 1) {
      const slot = this.slot[i];
      const seen = n[slot];
      p[slot] += Math.floor(((target - p[slot]) * RATE[seen]) / 65536);
      if (seen < LIMIT) n[slot] = seen + 1;
    }
    this.c0 = (this.c0 << 1) | bit;
    if (this.c0 >= 256) {
      const byte = this.c0 & 255;
      this.c4 = ((this.c4 << 8) | byte) >>> 0;
      this.c0 = 1;
      const letter = (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte >= 128;
      if (letter) this.word = hash(this.word, byte | 32);
      else if (this.word) {
        this.lastWord = this.word;
        this.word = 0;
      }
      this.newByte();
    }
  };

  // A carry-less binary arithmetic coder on 32 bits: the interval
  // [low, high] narrows by each bit's probability; a leading byte that no
  // longer changes goes out.
  function encode(bytes, primer) {
    const model = primed(primer);
    const out = [];
    let low = 0;
    let high = 0xffffffff;
    for (let i = 0; i < bytes.length; i += 1) {
      for (let b = 7; b >= 0; b -= 1) {
        const bit = (bytes[i] >> b) & 1;
        const p = model.predict();
        const range = high - low;
        const mid = low + Math.floor(range / 4096) * p + Math.floor(((range % 4096) * p) / 4096);
        if (bit) high = mid;
        else low = mid + 1;
        model.update(bit);
        while (((low ^ high) & 0xff000000) === 0) {
          out.push(high >>> 24);
          low = (low << 8) >>> 0;
          high = ((high << 8) | 255) >>> 0;
        }
      }
    }
    // One byte more says a number inside the interval: the reader fills
    // what follows with zeros, so zeros at the end need not be written.
    out.push((low >>> 24) + 1);
    while (out.length && out[out.length - 1] === 0) out.pop();
    return Uint8Array.from(out);
  }

  // The `length` bytes that `packed` codes; garbage (never an endless
  // loop) when `packed` is not such.
  function decode(packed, length, primer) {
    const model = primed(primer);
    const out = new Uint8Array(length);
    let at = 0;
    const next = () => (at < packed.length ? packed[at++] : 0);
    let low = 0;
    let high = 0xffffffff;
    let x = 0;
    for (let i = 0; i < 4; i += 1) x = ((x << 8) | next()) >>> 0;
    for (let i = 0; i < length; i += 1) {
      let byte = 0;
      for (let b = 0; b < 8; b += 1) {
        const p = model.predict();
        const range = high - low;
        const mid = low + Math.floor(range / 4096) * p + Math.floor(((range % 4096) * p) / 4096);
        const bit = x <= mid ? 1 : 0;
        if (bit) high = mid;
        else low = mid + 1;
        model.update(bit);
        byte = (byte << 1) | bit;
        while (((low ^ high) & 0xff000000) === 0) {
          low = (low << 8) >>> 0;
          high = ((high << 8) | 255) >>> 0;
          x = ((x << 8) | next()) >>> 0;
        }
      }
      out[i] = byte;
    }
    return out;
  }

  // A model that has read `primer` (bytes both sides know) first: read
  // once, then copied for each link.
  let last = null;
  function primed(primer) {
    if (!last || last.primer !== primer) {
      const model = new Model();
      for (let i = 0; primer && i < primer.length; i += 1) {
        for (let b = 7; b >= 0; b -= 1) {
          model.predict();
          model.update((primer[i] >> b) & 1);
        }
      }
      last = { primer, model };
    }
    return new Model(last.model);
  }

export { encode, decode };
