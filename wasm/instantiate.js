// Prepended to the generated loader (--pre-js): instantiates the embedded
// WebAssembly straight from its bytes. Left alone, emscripten 3.1.6 first
// fetch()es its own data: URL, which the page's Content-Security-Policy
// (no "connect-src data:") refuses and reports as a violation before the
// loader falls back to decoding the bytes itself. getBinary, wasmBinaryFile
// and readyPromiseReject are the loader's own names (-sMODULARIZE).
Module['instantiateWasm'] = function (imports, receiveInstance) {
  WebAssembly.instantiate(getBinary(wasmBinaryFile), imports).then(function (output) {
    receiveInstance(output.instance);
  }, readyPromiseReject);
  return {};
};
