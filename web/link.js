// Links that carry a whole scenario in the address fragment, so that a
// colleague opens exactly the same scenario. The fragment never reaches a
// server: the page reads it in the browser.
//
// Format 1, "#s1=" + base64url of:
//   length of the packed bytes (unsigned LEB128)
//   CRC-32 of the scenario's JSON text in UTF-8 (4 bytes, big-endian)
//   the JSON text, compressed with deflate-raw (CompressionStream)
// The scenario is in the core's canonical form (normalize). The length
// tells a link cut short in an e-mail from a damaged one, the checksum an
// altered one. The number in "#s1=" is the link format: a later format
// gets "#s2=", and this page says it is newer instead of misreading it.
// The first links ("#s=", before format 1) held the deflated JSON alone;
// they are still read.
(function (Fordela) {
  'use strict';

  const CURRENT = 1;
  const MAX_TEXT = 16 * 1024 * 1024; // a scenario in a link is small; refuse bombs

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
  function readVarint(bytes) {
    let value = 0;
    let scale = 1;
    for (let i = 0; i < bytes.length && i < 5; i += 1) {
      value += (bytes[i] & 127) * scale;
      if (bytes[i] < 128) return { value, size: i + 1 };
      scale *= 128;
    }
    return null;
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

  // scenario → "s1=…" for the hash
  async function encode(scenario) {
    const doc = Fordela.document.canonical(scenario);
    const raw = new TextEncoder().encode(JSON.stringify(doc));
    const packed = await deflate(raw);
    const crc = crc32(raw);
    const header = varint(packed.length).concat([crc >>> 24, (crc >>> 16) & 255, (crc >>> 8) & 255, crc & 255]);
    return 's' + CURRENT + '=' + toBase64Url(concat([Uint8Array.from(header), packed]));
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
    if (link.version === 0) {
      try {
        raw = await inflate(bytes);
      } catch (e) {
        return failed('damaged');
      }
    } else {
      const length = readVarint(bytes);
      if (!length) return failed('truncated');
      const start = length.size + 4;
      if (bytes.length < start + length.value) return failed('truncated');
      if (bytes.length > start + length.value) return failed('damaged');
      const crc = ((bytes[length.size] << 24) | (bytes[length.size + 1] << 16) | (bytes[length.size + 2] << 8) | bytes[length.size + 3]) >>> 0;
      try {
        raw = await inflate(bytes.subarray(start));
      } catch (e) {
        return failed('damaged');
      }
      if (crc32(raw) !== crc) return failed('altered');
    }

    let doc;
    try {
      doc = Fordela.document.parseJson(new TextDecoder('utf-8', { fatal: true }).decode(raw));
    } catch (e) {
      return failed('damaged');
    }
    const migrated = Fordela.document.migrate(doc);
    if (!migrated.ok) {
      const told = ['newer', 'too-many-recipients', 'too-deep', 'wrong-type'].includes(migrated.problem);
      return told ? migrated : failed('not-scenario', migrated.version);
    }
    return { ok: true, scenario: Fordela.document.canonical(migrated.scenario), legacy: link.version === 0 };
  }

  Fordela.link = { CURRENT, supported, fromHash, encode, decode, crc32 };
})(window.Fordela = window.Fordela || {});
