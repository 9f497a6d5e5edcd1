// The compressor of link format 3 (web/link.js): an adaptive binary
// arithmetic coder over a context-mixing model, written for links of a few
// hundred bytes, where deflate's block headers and its matching cost most.
// Integers only, so that every browser reads a link exactly as it was made.
(function (Fordela) {
  'use strict';

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
  const LIMIT = 60;
  const RATE = new Int32Array(LIMIT + 1);
  for (let n = 0; n <= LIMIT; n += 1) RATE[n] = Math.floor(131072 / (2 * n + 3));

  const ORDER2_BITS = 18; // hashed contexts of two and three bytes, and of the word
  const INPUTS = 6; // order 0, 1, 2, 3, the word, and a bias

  // The model: for each bit, the probabilities of the contexts mixed by
  // weights that learn which context to trust for this partial byte.
  function Model() {
    const size = 1 << ORDER2_BITS;
    this.p = [new Uint16Array(256), new Uint16Array(65536), new Uint16Array(size), new Uint16Array(size), new Uint16Array(size)];
    this.n = this.p.map((t) => new Uint8Array(t.length));
    for (const t of this.p) t.fill(32768);
    this.weights = new Int32Array(8 * INPUTS).fill(1 << 14);
    this.slot = new Int32Array(5);
    this.stretched = new Int32Array(INPUTS);
    this.c0 = 1; // the bits of the byte so far, after a leading 1
    this.c1 = 0;
    this.c2 = 0;
    this.c3 = 0;
    this.word = 0;
    this.base = new Int32Array(5); // per context, its hash for this byte
    this.mixed = 2048;
    this.newByte();
  }

  function hash(a, b) {
    return (Math.imul(a, 0x2f0b4c27) ^ Math.imul(b + 1, 0x5bd1e995)) >>> 0;
  }

  Model.prototype.newByte = function () {
    const mask = (1 << ORDER2_BITS) - 1;
    this.base[0] = 0;
    this.base[1] = this.c1 << 8;
    this.base[2] = (hash(this.c2 << 8 | this.c1, 2) << 8) & mask;
    this.base[3] = (hash(this.c3 << 16 | this.c2 << 8 | this.c1, 3) << 8) & mask;
    this.base[4] = (hash(this.word, 4) << 8) & mask;
  };

  // The probability (12 bits) that the next bit is a 1.
  Model.prototype.predict = function () {
    const c0 = this.c0;
    const w = this.weights;
    const at = (31 - Math.clz32(c0)) * INPUTS;
    let dot = 0;
    for (let i = 0; i < 5; i += 1) {
      const slot = this.base[i] ^ c0;
      this.slot[i] = slot;
      const s = STRETCH[this.p[i][slot] >> 4];
      this.stretched[i] = s;
      dot += w[at + i] * s;
    }
    this.stretched[5] = 256;
    dot += w[at + 5] * 256;
    let p = squash(Math.floor(dot / 65536));
    if (p < 1) p = 1;
    if (p > 4095) p = 4095;
    this.mixed = p;
    return p;
  };

  Model.prototype.update = function (bit) {
    const c0 = this.c0;
    const w = this.weights;
    const at = (31 - Math.clz32(c0)) * INPUTS;
    const error = ((bit << 12) - this.mixed) * 2;
    for (let i = 0; i < INPUTS; i += 1) w[at + i] += Math.floor((this.stretched[i] * error) / 1024);
    for (let i = 0; i < 5; i += 1) {
      const t = this.p[i];
      const slot = this.slot[i];
      const n = this.n[i][slot];
      t[slot] += Math.floor((((bit << 16) - bit) - t[slot]) * RATE[n] / 65536);
      if (n < LIMIT) this.n[i][slot] = n + 1;
    }
    this.c0 = (c0 << 1) | bit;
    if (this.c0 >= 256) {
      const byte = this.c0 & 255;
      this.c3 = this.c2;
      this.c2 = this.c1;
      this.c1 = byte;
      this.c0 = 1;
      const letter = (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte >= 128;
      this.word = letter ? hash(this.word, byte | 32) : 0;
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

  // A model that has read `primer` (bytes both sides know) first.
  function primed(primer) {
    const model = new Model();
    if (primer) {
      for (let i = 0; i < primer.length; i += 1) {
        for (let b = 7; b >= 0; b -= 1) {
          model.predict();
          model.update((primer[i] >> b) & 1);
        }
      }
    }
    return model;
  }

  Fordela.linkCoder = { encode, decode };
})(window.Fordela = window.Fordela || {});
