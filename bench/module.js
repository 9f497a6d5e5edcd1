// What the core's WebAssembly is made of: its sections, its largest
// functions by name and its largest pieces of data. Reads the module
// embedded in a single-file build (SINGLE_FILE: base64 in the script) or a
// .wasm file; names come from the "name" section, which a build linked
// with --profiling-funcs keeps (scripts/bench builds one in
// build/wasm-profile). Prints a JSON document, or a table with --table.
// Usage: node bench/module.js FILE [--top N] [--table]
'use strict';

const fs = require('node:fs');
const zlib = require('node:zlib');

const SECTION_NAMES = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount'];

function wasmBytes(file) {
  const bytes = fs.readFileSync(file);
  if (bytes.subarray(0, 4).equals(Buffer.from([0, 0x61, 0x73, 0x6d]))) return bytes;
  const match = /data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)/.exec(bytes.toString('latin1'));
  if (!match) throw new Error(file + ' holds no WebAssembly (neither a .wasm nor a single-file build)');
  return Buffer.from(match[1], 'base64');
}

// A reader of the binary format's unsigned LEB128 numbers and names.
function reader(bytes, at = 0) {
  return {
    at,
    u32() {
      let result = 0;
      let shift = 0;
      for (;;) {
        const byte = bytes[this.at++];
        result += (byte & 0x7f) * 2 ** shift;
        if (!(byte & 0x80)) return result;
        shift += 7;
      }
    },
    name() {
      const length = this.u32();
      const text = bytes.subarray(this.at, this.at + length).toString('utf8');
      this.at += length;
      return text;
    },
    // An init expression of a data segment: skipped up to its `end`.
    expr() {
      while (bytes[this.at++] !== 0x0b);
    },
  };
}

function shortened(name) {
  // --profiling-funcs keeps C++ names demangled already ("fordela::…(…)");
  // shorten long template arguments so that a table stays readable.
  return name.length > 110 ? name.slice(0, 107) + '…' : name;
}

function analyse(bytes) {
  const sections = [];
  const bodies = [];
  const data = [];
  const names = new Map();
  let imported = 0;
  const r = reader(bytes, 8);
  while (r.at < bytes.length) {
    const id = bytes[r.at++];
    const size = r.u32();
    const start = r.at;
    const end = start + size;
    let label = SECTION_NAMES[id] || 'unknown';
    if (id === 0) {
      const s = reader(bytes, start);
      label = 'custom "' + s.name() + '"';
      if (label === 'custom "name"') {
        while (s.at < end) {
          const sub = bytes[s.at++];
          const subSize = s.u32();
          const subEnd = s.at + subSize;
          if (sub === 1) {
            const count = s.u32();
            for (let i = 0; i < count; i += 1) {
              const index = s.u32();
              names.set(index, s.name());
            }
          }
          s.at = subEnd;
        }
      }
    } else if (id === 2) {
      const s = reader(bytes, start);
      const count = s.u32();
      for (let i = 0; i < count; i += 1) {
        s.name();
        s.name();
        const kind = bytes[s.at++];
        if (kind === 0) { s.u32(); imported += 1; }
        else if (kind === 1) { s.at += 1; const flags = s.u32(); s.u32(); if (flags & 1) s.u32(); }
        else if (kind === 2) { const flags = s.u32(); s.u32(); if (flags & 1) s.u32(); }
        else if (kind === 3) { s.at += 2; }
      }
    } else if (id === 10) {
      const s = reader(bytes, start);
      const count = s.u32();
      for (let i = 0; i < count; i += 1) {
        const bodySize = s.u32();
        bodies.push({ index: imported + i, bytes: bodySize, at: s.at });
        s.at += bodySize;
      }
    } else if (id === 11) {
      const s = reader(bytes, start);
      const count = s.u32();
      for (let i = 0; i < count; i += 1) {
        const flags = s.u32();
        if (flags === 2) s.u32();
        if (flags !== 1) s.expr();
        const length = s.u32();
        data.push(bytes.subarray(s.at, s.at + length));
        s.at += length;
      }
    }
    sections.push({ section: label, bytes: size });
    r.at = end;
  }
  return { sections, bodies, data, names };
}

// The data as the pieces a reader can name: runs of printable text (a
// string literal, the examples' JSON, a table of messages) and the rest.
function dataPieces(segments) {
  const pieces = [];
  let other = 0;
  for (const segment of segments) {
    let i = 0;
    while (i < segment.length) {
      let j = i;
      while (j < segment.length && segment[j] !== 0 && (segment[j] >= 0x20 || segment[j] === 0x0a || segment[j] === 0x09)) j += 1;
      if (j - i >= 16) {
        const text = segment.subarray(i, j).toString('utf8');
        pieces.push({ bytes: j - i, text: text.length > 70 ? text.slice(0, 67).replace(/\s+/g, ' ') + '…' : text.replace(/\s+/g, ' ') });
      } else {
        other += j - i;
      }
      i = j + 1;
      other += 1;
    }
  }
  pieces.sort((a, b) => b.bytes - a.bytes);
  return { pieces, other };
}

function main() {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a));
  if (!file) {
    console.error('usage: node bench/module.js FILE [--top N] [--table]');
    process.exit(2);
  }
  const topAt = args.indexOf('--top');
  const top = topAt >= 0 ? Number(args[topAt + 1]) : 20;
  const bytes = wasmBytes(file);
  const { sections, bodies, data, names } = analyse(bytes);
  const code = bodies.reduce((n, b) => n + b.bytes, 0);
  const functions = bodies
    .map((b) => ({ name: names.has(b.index) ? shortened(names.get(b.index)) : '#' + b.index, bytes: b.bytes }))
    .sort((a, b) => b.bytes - a.bytes);
  const { pieces, other } = dataPieces(data);
  const report = {
    file,
    wasm_bytes: bytes.length,
    wasm_gzip_bytes: zlib.gzipSync(bytes, { level: 9 }).length,
    named: names.size > 0,
    sections,
    functions: bodies.length,
    code_bytes: code,
    data_bytes: data.reduce((n, d) => n + d.length, 0),
    top_functions: functions.slice(0, top),
    top_functions_bytes: functions.slice(0, top).reduce((n, f) => n + f.bytes, 0),
    top_data: pieces.slice(0, top),
    data_other_bytes: other,
  };
  if (!args.includes('--table')) {
    console.log(JSON.stringify(report, null, 2));
    return;
  }
  console.log(`${file}: ${report.wasm_bytes} bytes of WebAssembly (${report.wasm_gzip_bytes} gzip -9); ` +
    `${report.functions} functions, ${report.code_bytes} bytes of code; ${report.data_bytes} bytes of data`);
  console.log('\n| function | bytes |\n|---|---:|');
  for (const f of report.top_functions) console.log(`| \`${f.name.replace(/\|/g, '\\|')}\` | ${f.bytes} |`);
  console.log('\n| data (text, first characters) | bytes |\n|---|---:|');
  for (const d of report.top_data) console.log(`| ${JSON.stringify(d.text).replace(/\|/g, '\\|')} | ${d.bytes} |`);
}

main();
