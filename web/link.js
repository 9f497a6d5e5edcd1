// Links that carry a whole scenario in the hash (#s=…), deflated and
// base64url-encoded, so a colleague opens exactly the same scenario. The
// hash never reaches a server; the page reads it in the browser.
(function (Fordela) {
  'use strict';

  const MAX_TEXT = 4 * 1024 * 1024; // a scenario in a link is small; refuse bombs

  function toBase64Url(bytes) {
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) {
      binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    }
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function fromBase64Url(text) {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  function pipe(bytes, stream) {
    return new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer().then((b) => new Uint8Array(b));
  }

  function supported() {
    return typeof CompressionStream === 'function' && typeof DecompressionStream === 'function';
  }

  // scenario → "s=…" for the hash
  function encode(scenario) {
    const bytes = new TextEncoder().encode(JSON.stringify(scenario));
    return pipe(bytes, new CompressionStream('deflate-raw')).then((packed) => 's=' + toBase64Url(packed));
  }

  // the value after "#s=" → scenario (rejects what is not one)
  function decode(value) {
    let bytes;
    try {
      bytes = fromBase64Url(value);
    } catch (e) {
      return Promise.reject(new Error('not base64url'));
    }
    return pipe(bytes, new DecompressionStream('deflate-raw')).then((raw) => {
      if (raw.length > MAX_TEXT) throw new Error('too large');
      const scenario = JSON.parse(new TextDecoder().decode(raw));
      if (!scenario || scenario.format !== 'fordela-scenario') throw new Error('not a scenario');
      return scenario;
    });
  }

  Fordela.link = { supported, encode, decode };
})(window.Fordela = window.Fordela || {});
