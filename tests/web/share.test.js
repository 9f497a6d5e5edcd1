// Links that carry a scenario (#s3=…, or #s2=…/#s1=… when that is
// shorter): every example survives the trip to a colleague's browser
// exactly in every format, as do a document of odd values and many
// generated ones; links main wrote in formats 1 and 2, and a frozen set
// of format 3, still open unchanged; a national key for all 290 municipalities is too long for
// Teams and the page says so; and a link that is broken, cut short,
// altered or from a newer Fördela says what is wrong while the work
// already open stays as it was.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const web = require('./lib/page.js');
const { scenario290 } = require('../../bench/lib/scenario290.js');

const EXAMPLES = ['stockholm-2021-model', 'stockholm-2021', 'linkoping-2021', 'linkoping-2022', 'linkoping-2022-tree', 'socialstyrelsen-2023'];

let browser;
let server;
const lengths = { note: 'Characters in the whole link, http://127.0.0.1:PORT/index.html#s3=…, as copied by the page; by_format: the same scenario in each format.', links: {}, by_format: {} };

before(async () => {
  browser = await web.launch();
  server = await web.startServer();
});

after(async () => {
  fs.mkdirSync(web.ARTIFACTS, { recursive: true });
  fs.writeFileSync(path.join(web.ARTIFACTS, 'link-lengths.json'), JSON.stringify(lengths, null, 2) + '\n');
  if (browser) await browser.close();
  if (server) await server.close();
});

// The scenario open in the page: the saved scenario the list marks current.
function openScenario(page) {
  return page.evaluate(() => {
    const index = JSON.parse(localStorage.getItem('fordela.v1.index'));
    return JSON.parse(localStorage.getItem('fordela.v1.entry.' + index.current));
  });
}

function listedTitles(page) {
  return page.evaluate(() => JSON.parse(localStorage.getItem('fordela.v1.index') || '{"entries":[]}').entries.map((e) => e.title));
}

// Copies the link with the page's button and returns it.
async function copyLink(page) {
  await page.click('#copy-link');
  await page.waitForSelector('#link-status[data-length]');
  return page.evaluate(() => navigator.clipboard.readText());
}

async function withClipboard() {
  return web.newContext(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
}

// Opens `link` in a fresh browser and returns the scenario it stored.
async function openedElsewhere(link) {
  const other = await web.newContext(browser);
  const colleague = await other.newPage();
  const watchColleague = web.watch(colleague, server.origin);
  await web.open(colleague, link);
  await colleague.waitForFunction(() => /"current":"/.test(localStorage.getItem('fordela.v1.index') || ''));
  const opened = await openScenario(colleague);
  const table = await web.resultTable(colleague);
  // The hash is read once: a reload does not add the scenario again.
  assert.equal(await colleague.evaluate(() => location.hash), '');
  assert.deepEqual(await watchColleague.check(), []);
  await other.close();
  return { opened, table };
}

// The link of `scenario` in format `version`, as the page makes it.
function linkIn(page, scenario, version) {
  return page.evaluate(async ([s, v]) => location.href.split('#')[0] + '#' + (await Fordela.link.encode(s, v)), [scenario, version]);
}

test('the examples below are every example the page has', async () => {
  const context = await web.newContext(browser);
  const page = await context.newPage();
  await web.open(page, server.url);
  assert.deepEqual((await page.evaluate(() => Fordela.core.examples().map((e) => e.id))).sort(), EXAMPLES.slice().sort());
  await context.close();
});

for (const id of EXAMPLES) {
  test(`${id}: its link opens in a fresh browser as the same normalized scenario with the same result, in every format`, async () => {
    const context = await withClipboard();
    const page = await context.newPage();
    const watch = web.watch(page, server.origin);
    await web.open(page, server.url + '#example=' + id);
    const original = await page.evaluate((wanted) => {
      const example = Fordela.core.examples().find((e) => e.id === wanted).scenario;
      return { normalized: Fordela.core.normalize(example).scenario, result: JSON.stringify(Fordela.core.compute(example)) };
    }, id);
    const table = await web.resultTable(page);
    const link = await copyLink(page);
    assert.match(link, /#s3=[A-Za-z0-9_-]+$/, 'the coded columns are the shortest');
    lengths.links[id] = link.length;
    const json = await linkIn(page, original.normalized, 1);
    const columns = await linkIn(page, original.normalized, 2);
    assert.match(json, /#s1=/);
    assert.match(columns, /#s2=/);
    assert.ok(link.length < columns.length && columns.length < json.length);
    lengths.by_format[id] = { s1: json.length, s2: columns.length, s3: link.length };

    for (const each of [link, columns, json]) {
      const { opened, table: shown } = await openedElsewhere(each);
      assert.deepEqual(opened, original.normalized);
      assert.equal(JSON.stringify(opened), JSON.stringify(original.normalized), 'the keys in the same order too');
      assert.equal(await page.evaluate((s) => JSON.stringify(Fordela.core.compute(s)), opened), original.result);
      assert.deepEqual(shown, table);
    }
    assert.deepEqual(await watch.check(), []);
    await context.close();
  });
}

test('a document of odd values (amounts as typed, spaces, a minus sign, emoji, an error) comes back exactly from every format', async () => {
  const context = await withClipboard();
  const page = await context.newPage();
  await web.open(page, server.url);
  const odd = web.example('linkoping-2021');
  odd.title = 'Udda värden 🧮 – "citat" och \\ snedstreck';
  odd.notes = '';
  odd.pot.total = '1,50';
  odd.pot.deductions = [{ name: ' 7 ', amount: '−3' }, { name: '', amount: '25 400 000' }, { name: '__proto__', amount: 0.25 }];
  odd.recipients[0].values[Object.keys(odd.recipients[0].values)[0]] = ' 7 ';
  odd.recipients[1].values = {};
  odd.recipients[1].requisitioned = false;
  odd.key[0].share = 101; // an error: the document is not normalized, and travels as it is
  odd.extra = [1, -2, 1.5, 5e-324, 9007199254740991, -0.001, 'x', true, [], {}, [[0]], { a: [{ b: 1 }, { b: 'c' }] }];
  odd.orders = [{ a: 1, b: 2 }, { b: 3, a: 4 }, { c: 5 }, { a: 6, c: 7 }]; // no one order of keys for all
  const expected = JSON.parse(JSON.stringify(odd));
  assert.equal(await page.evaluate((s) => Fordela.core.normalize(s).ok, odd), false);
  for (const version of [1, 2, 3]) {
    const link = await linkIn(page, odd, version);
    assert.match(link, new RegExp('#s' + version + '='));
    const { opened } = await openedElsewhere(link);
    assert.deepEqual(opened, expected, 'format ' + version);
    assert.equal(JSON.stringify(opened), JSON.stringify(expected), 'format ' + version + ', the keys in the same order too');
  }
  await context.close();
});

// Format 3's frozen set guards its coder, primer and columns: links
// already sent must keep opening as they did.
for (const version of [1, 2, 3]) {
  test(`links written in format ${version} (#s${version}=, frozen in tests/web/data) still open unchanged`, async () => {
    const frozen = JSON.parse(fs.readFileSync(path.join(__dirname, 'data', `links-s${version}.json`), 'utf8')).links;
    assert.ok(Object.keys(frozen).length >= 2);
    for (const [id, { hash, scenario }] of Object.entries(frozen)) {
      assert.match(hash, new RegExp(`^#s${version}=`));
      const { opened } = await openedElsewhere(server.url + hash);
      assert.equal(JSON.stringify(opened), JSON.stringify(scenario), id);
    }
  });
}

// A national key over Sweden's 290 municipalities (made-up names and
// figures of a realistic spread, fixed by a seed): population and the
// Police's three area categories, requisition dates and the opt-in.
function nationalKey() {
  let seed = 20230512;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const first = ['Al', 'Berg', 'Borg', 'Dal', 'Ek', 'Fal', 'Gran', 'Hall', 'Hed', 'Kal', 'Kungs', 'Lid', 'Lin', 'Ljus', 'Mal', 'Norr', 'Ny', 'Os', 'Sala', 'Sand', 'Sig', 'Sköv', 'Sten', 'Sunds', 'Sö', 'Tran', 'Upp', 'Vall', 'Väs', 'Ål'];
  const last = ['by', 'köping', 'sund', 'vik', 'torp', 'hult', 'ås', 'berg', 'holm', 'stad'];
  const recipients = [];
  for (let i = 0; i < 290; i += 1) {
    const population = Math.round(2500 + 980000 * Math.pow(random(), 6));
    const areas = population > 60000 ? Math.floor(random() * 6) : 0;
    recipients.push({
      name: first[i % first.length] + last[Math.floor(i / first.length)],
      values: {
        befolkning: population,
        utsatt: areas,
        risk: areas > 2 ? Math.floor(random() * 3) : 0,
        sarskilt: areas > 3 ? Math.floor(random() * 3) : 0,
      },
      requisition_date: '2023-0' + (3 + Math.floor(random() * 2)) + '-' + String(1 + Math.floor(random() * 28)).padStart(2, '0'),
      opted_in: random() < 0.4,
    });
  }
  return {
    format: 'fordela-scenario',
    version: 1,
    title: 'Nationell nyckel 2023 – alla 290 kommuner (illustrativa tal)',
    notes: 'Illustrativa namn och tal. Hälften efter befolkning, hälften efter Polismyndighetens lägesbild.',
    pot: { total: '250 000 000 kr', deductions: [{ name: 'Administration', amount: '6,5 mnkr' }], dates: { period_start: '2023-01-01', period_end: '2023-12-31', requisition_deadline: '2023-05-12' } },
    indicators: [
      { id: 'befolkning', label: 'Befolkning', kind: 'count' },
      { id: 'utsatt', label: 'Utsatta områden', kind: 'count' },
      { id: 'risk', label: 'Riskområden', kind: 'count' },
      { id: 'sarskilt', label: 'Särskilt utsatta områden', kind: 'count' },
    ],
    recipients,
    key: [
      { name: 'Befolkning', share: 50, basis: 'indicator', indicator: 'befolkning' },
      { name: 'Lägesbild', share: 50, basis: 'weighted', weights: { utsatt: 1, risk: 2, sarskilt: 3 } },
    ],
    earmarks: [],
    rounding: { unit: 1, method: 'largest-remainder', level: 'recipient' },
  };
}

test('a national key for all 290 municipalities makes a link too long for Teams: the page warns and offers the file', async () => {
  const scenario = nationalKey();
  const context = await withClipboard();
  const page = await context.newPage();
  const watch = web.watch(page, server.origin);
  await web.open(page, server.url);
  await page.setInputFiles('#file-input', { name: 'nationell.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(scenario)) });
  // The table draws the rows in view and tells the whole count (views/virtual-rows.js).
  await page.waitForFunction(() => document.querySelector('#recipients-table').getAttribute('aria-rowcount') === '291');
  await page.waitForSelector('#result-table');
  const link = await copyLink(page);
  const shown = await page.getAttribute('#link-status', 'data-length');
  assert.equal(Number(shown), link.length);
  const status = await web.text(page, '#link-status');
  assert.match(status, new RegExp('lång: ' + link.length.toLocaleString('sv-SE').replace(/\s/g, ' ') + ' tecken'));
  assert.match(status, /Teams/);
  assert.equal(await page.isVisible('#link-status button'), true, 'offers saving the file');
  assert.ok(link.length > 2000);
  const json = Buffer.byteLength(JSON.stringify(scenario));
  lengths.links['national-key-290'] = link.length;
  lengths.national_key_290 = { link: link.length, scenario_json_bytes: json };
  console.log(`# link for 290 recipients: ${link.length} characters (the scenario as JSON: ${json} bytes)`);
  await web.screenshot(page, 'http-long-link');

  // Long or not, it still opens exactly.
  const other = await web.newContext(browser);
  const colleague = await other.newPage();
  await web.open(colleague, link);
  await colleague.waitForFunction(() => document.querySelector('#recipients-table').getAttribute('aria-rowcount') === '291');
  const expected = await page.evaluate((s) => Fordela.core.normalize(s).scenario, scenario);
  assert.deepEqual(await openScenario(colleague), expected);
  await other.close();

  // Saving the file from the warning.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#link-status button')]);
  assert.match(download.suggestedFilename(), /^nationell-nyckel-2023.*\.json$/);
  assert.deepEqual(await watch.check(), []);
  await context.close();
});

// ---- links that cannot be read ------------------------------------------------

// A context with work of one's own open: "Mitt arbete", saved.
async function withOwnWork() {
  const context = await withClipboard();
  const page = await context.newPage();
  await web.open(page, server.url + '#example=stockholm-2021-model');
  await page.fill('[data-path="/title"]', 'Mitt arbete');
  await page.waitForFunction(() => (localStorage.getItem('fordela.v1.index') || '').includes('Mitt arbete'));
  return { context, page };
}

// A link the page wrote, for tampering with; in format `version` if given.
async function linkOf(page, id, version) {
  await web.open(page, server.url + '#example=' + id);
  const example = () => page.evaluate((wanted) => Fordela.core.examples().find((e) => e.id === wanted).scenario, id);
  const link = version ? await linkIn(page, await example(), version) : await copyLink(page);
  return link.slice(link.indexOf('#'));
}

// The bytes of a #s1= payload: [length, crc32, deflated JSON].
function unpack(hash) {
  const bytes = Buffer.from(hash.replace(/^#s1=/, '').replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  let length = 0;
  let size = 0;
  for (let scale = 1; ; scale *= 128) {
    const b = bytes[size++];
    length += (b & 127) * scale;
    if (b < 128) break;
  }
  return { crc: bytes.subarray(size, size + 4), json: zlib.inflateRawSync(bytes.subarray(size + 4, size + 4 + length)).toString('utf8') };
}

function crc32(text) {
  return crc32Bytes(Buffer.from(text, 'utf8'));
}

function crc32Bytes(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  const out = Buffer.alloc(4);
  out.writeUInt32BE((crc ^ 0xffffffff) >>> 0);
  return out;
}

function pack(crc, json, version = 1) {
  const packed = zlib.deflateRawSync(Buffer.isBuffer(json) ? json : Buffer.from(json, 'utf8'));
  const header = [];
  for (let n = packed.length; ; n = Math.floor(n / 128)) {
    header.push(n >= 128 ? (n % 128) + 128 : n);
    if (n < 128) break;
  }
  return '#s' + version + '=' + Buffer.concat([Buffer.from(header), crc, packed]).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

async function expectUntouched(page, problem) {
  await page.waitForSelector('#notice:not([hidden])');
  const notice = await web.text(page, '#notice');
  assert.match(notice, problem);
  assert.match(notice, /Det du arbetade med är orört/);
  await page.waitForSelector('#result-table');
  assert.equal(await page.inputValue('[data-path="/title"]'), 'Mitt arbete');
  assert.deepEqual(await listedTitles(page), ['Mitt arbete']);
  assert.equal(await web.figure(page, 'total'), '32 926 000 kr');
  return notice;
}

// Each of `cases` ([what, hash, problem]) opened in a new tab.
async function expectEachUntouched(context, cases) {
  for (const [what, hash, problem] of cases) {
    const tab = await context.newPage();
    const watchTab = web.watch(tab, server.origin);
    await tab.goto(server.url + hash);
    await expectUntouched(tab, problem).catch((e) => { e.message = what + ': ' + e.message; throw e; });
    assert.deepEqual(await watchTab.check(), [], what);
    await tab.close();
  }
}

test('broken, cut, altered and newer links of format 1 each say what is wrong, and the work already open stays as it was', async () => {
  const { context, page } = await withOwnWork();
  const watch = web.watch(page, server.origin);
  const good = await linkOf(page, 'linkoping-2021', 1);
  const payload = good.slice('#s1='.length);
  const { crc, json } = unpack(good);
  const newer = JSON.stringify(Object.assign(JSON.parse(json), { version: 2 }));
  const cases = [
    ['not base64 at all', '#s1=' + payload.slice(0, 20) + '!!*' + payload.slice(23), /skadad och innehåller ingen läsbar fördelning/],
    ['cut in half, as a mail program may', '#s1=' + payload.slice(0, Math.floor(payload.length / 2)), /ofullständig: slutet saknas/],
    ['cut before the first full byte', '#s1=A', /ofullständig/],
    ['an amount changed by hand, the checksum kept', pack(crc, json.replace('1000000', '9000000')), /har ändrats efter att den skapades/],
    ['bytes flipped inside the packed data', '#s1=' + payload.slice(0, 12) + (payload[12] === 'A' ? 'B' : 'A') + payload.slice(13), /skadad|har ändrats|ofullständig/],
    ['from a newer Fördela', '#s9=' + payload, /nyare version av Fördela \(format 9\)/],
    ['a scenario document of a newer version', pack(crc32(newer), newer), /nyare version av Fördela \(format 2\)/],
    ['the first link format, damaged', '#s=AAAA', /ingen läsbar fördelning/],
  ];
  // Opened in a new tab (the page starting on the link) and in the tab
  // already open (the address changed to the link).
  await expectEachUntouched(context, cases);
  await web.open(page, server.url);
  await page.waitForFunction(() => document.querySelector('[data-path="/title"]').value === 'Mitt arbete');
  await page.goto(server.url + '#s1=' + payload.slice(0, 40));
  const notice = await expectUntouched(page, /ofullständig/);
  assert.doesNotMatch(notice, /\{/);
  await web.screenshot(page, 'http-truncated-link');
  assert.deepEqual(await watch.check(), []);
  await context.close();
});

test('format 2 links that are cut, altered, malformed or from a later format say so, and the work stays', async () => {
  const { context, page } = await withOwnWork();
  const good = await linkOf(page, 'socialstyrelsen-2023', 2);
  assert.match(good, /^#s2=/);
  const payload = good.slice('#s2='.length);
  const bytes = Buffer.from(payload, 'base64url');
  let size = 0;
  while (bytes[size] & 128) size += 1;
  const raw = zlib.inflateRawSync(bytes.subarray(size + 5));
  const altered = Buffer.from(raw);
  altered[altered.length - 3] ^= 1; // a number in the last column
  const noTag = Buffer.from([0, 200]); // no strings, then a value of no kind
  const cases = [
    ['cut in half', '#s2=' + payload.slice(0, Math.floor(payload.length / 2)), /ofullständig: slutet saknas/],
    ['a value changed, the checksum kept', pack(bytes.subarray(size + 1, size + 5), altered, 2), /har ändrats efter att den skapades/],
    ['columns that are no document, with a right checksum', pack(crc32Bytes(noTag), noTag, 2), /skadad och innehåller ingen läsbar fördelning/],
    ['a string number past the table', pack(crc32Bytes(Buffer.from([0, 5, 99])), Buffer.from([0, 5, 99]), 2), /skadad/],
    ['bytes left over after the document', pack(crc32Bytes(Buffer.concat([raw, Buffer.from([0])])), Buffer.concat([raw, Buffer.from([0])]), 2), /skadad/],
    ['read as format 3', '#s3=' + payload, /skadad|har ändrats|ofullständig/],
  ];
  await expectEachUntouched(context, cases);
  await context.close();
});

// The parts of a #s3= payload: [packed length, crc32, length of the coded
// bytes once decoded, length of the bits after them, the coded bytes, the
// bits].
function unpack3(hash) {
  const bytes = Buffer.from(hash.replace(/^#s3=/, ''), 'base64url');
  let at = 0;
  const varint = () => {
    let n = 0;
    for (let scale = 1; ; scale *= 128) {
      const b = bytes[at++];
      n += (b & 127) * scale;
      if (b < 128) return n;
    }
  };
  varint();
  const crc = bytes.subarray(at, at + 4);
  at += 4;
  const length = varint();
  const wide = varint();
  return { crc, length, coded: bytes.subarray(at, bytes.length - wide), wide: bytes.subarray(bytes.length - wide) };
}

function pack3(crc, length, coded, wide = Buffer.alloc(0)) {
  const varint = (n) => {
    const out = [];
    for (; ; n = Math.floor(n / 128)) {
      out.push(n >= 128 ? (n % 128) + 128 : n);
      if (n < 128) return Buffer.from(out);
    }
  };
  const packed = Buffer.concat([Buffer.from(coded), Buffer.from(wide)]);
  return '#s3=' + Buffer.concat([varint(packed.length), crc, varint(length), varint(wide.length), packed]).toString('base64url');
}

// The page's own coder, with format 3's primer.
function code(page, bytes) {
  return page.evaluate((b) => Array.from(Fordela.linkCoder.encode(Uint8Array.from(b), Fordela.linkPrimer())), Array.from(bytes));
}

function uncode(page, coded, length) {
  return page.evaluate(([b, n]) => Array.from(Fordela.linkCoder.decode(Uint8Array.from(b), n, Fordela.linkPrimer())), [Array.from(coded), length]);
}

test('format 3 links that are cut, altered, malformed, too large for their length or from a later format say so, and the work stays', async () => {
  const { context, page } = await withOwnWork();
  const good = await linkOf(page, 'socialstyrelsen-2023');
  assert.match(good, /^#s3=/);
  const payload = good.slice('#s3='.length);
  const { crc, length, coded, wide } = unpack3(good);
  assert.ok(wide.length > 0, 'the example has flags and numbers');
  const main = Buffer.from(await uncode(page, coded, length));
  assert.deepEqual(crc, crc32Bytes(Buffer.concat([main, wide])), 'the checksum is that of the unpacked bytes and the bits');
  const altered = Buffer.from(main);
  altered[altered.length - 3] ^= 1;
  const noTag = Buffer.from([0, 200]);
  const flipped = Buffer.from(coded);
  flipped[Math.floor(flipped.length / 2)] ^= 8;
  const flippedBit = Buffer.from(wide);
  flippedBit[0] ^= 64;
  const cases = [
    ['cut in half', '#s3=' + payload.slice(0, Math.floor(payload.length / 2)), /ofullständig: slutet saknas/],
    ['cut inside its header', '#s3=' + payload.slice(0, 7), /ofullständig: slutet saknas/],
    ['a value changed, the checksum kept', pack3(crc, altered.length, await code(page, altered), wide), /har ändrats efter att den skapades/],
    ['a bit flipped in the coded bytes', pack3(crc, length, flipped, wide), /har ändrats efter att den skapades/],
    ['a number\'s bit flipped', pack3(crc, length, coded, flippedBit), /har ändrats efter att den skapades/],
    ['columns that are no document, with a right checksum', pack3(crc32Bytes(noTag), noTag.length, await code(page, noTag)), /skadad och innehåller ingen läsbar fördelning/],
    ['bits left over after the document, with a right checksum', pack3(crc32Bytes(Buffer.concat([main, wide, Buffer.from([0])])), length, coded, Buffer.concat([wide, Buffer.from([0])])), /skadad och innehåller ingen läsbar fördelning/],
    ['more unpacked bytes claimed than the coder may give', pack3(crc, coded.length * 32 + 1, coded, wide), /skadad och innehåller ingen läsbar fördelning/],
    ['a quarter megabyte claimed by a few bytes', pack3(crc, 256 * 1024 + 1, coded.subarray(0, 8)), /skadad och innehåller ingen läsbar fördelning/],
    ['more bits claimed than the link holds', pack3(crc, length, coded.subarray(0, 4), Buffer.concat([coded.subarray(4), wide])), /skadad|har ändrats/],
    ['from a later format', '#s4=' + payload, /nyare version av Fördela \(format 4\)/],
  ];
  await expectEachUntouched(context, cases);
  await context.close();
});

// Documents of every shape a link may carry, from a seed: odd strings
// (emoji, right-to-left marks, NUL, quotes, empty, long notes), numbers of
// every shape (negative, decimal, tiny, huge, the largest exact integers;
// "1e309" and amounts as typed stay text), and columns of them.
function generatedDocuments(count, seed) {
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const pick = (list) => list[Math.floor(random() * list.length)];
  const STRINGS = ['', ' ', 'Norr', 'Söder', '🧮', '👩‍👩‍👧 familj', '\u200fעברית\u200e', 'مرحبا', '\u0000', '\u0001x', '"', '\\', '__proto__',
    'constructor', '1e309', '25 400 000', '−3', ' 7 ', '0', '-0', 'NaN', '2021-05-25', 'Å'.repeat(3), 'Kommun ' + 'A'];
  const NUMBERS = [0, 1, -1, 2.5, -0.001, 0.1 + 0.2, 1e21, 1e-7, 5e-324, 1.7976931348623157e308, 9007199254740991, -9007199254740991,
    9007199254740994, 123456.789, -2.5e-10, 25400000, 1054200, 100000, 4.85e6, 12345678901234567890];
  const WORDS = ['Lång', 'anteckning', 'om', 'fördelningen', 'ÅÄÖ', 'åäö', '🧮', 'kr', '2021', 'och', '\u200f', 'av', 'medel'];
  const note = () => Array.from({ length: 50 + Math.floor(random() * 300) }, () => pick(WORDS)).join(' ');
  const text = () => (random() < 0.1 ? note() : pick(STRINGS) + (random() < 0.5 ? pick(STRINGS) : ''));
  const number = () => {
    const r = random();
    if (r < 0.4) return pick(NUMBERS);
    if (r < 0.7) return Math.floor(random() * 2e6) - 1e6;
    return Number((random() * 1e6 - 5e5).toFixed(Math.floor(random() * 8)));
  };
  const scalar = () => pick([text, number, number, () => random() < 0.5, () => null])();
  const value = (depth) => {
    const r = random();
    if (depth > 3 || r < 0.4) return scalar();
    if (r < 0.55) return Array.from({ length: Math.floor(random() * 40) }, number);
    if (r < 0.65) return Array.from({ length: Math.floor(random() * 12) }, text);
    if (r < 0.8) {
      const keys = Array.from({ length: 1 + Math.floor(random() * 4) }, text);
      return Array.from({ length: Math.floor(random() * 20) }, () => {
        const o = {};
        for (const k of keys) if (random() < 0.8) o[k] = scalar();
        return o;
      });
    }
    if (r < 0.9) return Array.from({ length: Math.floor(random() * 5) }, () => value(depth + 1));
    const o = {};
    for (let i = Math.floor(random() * 5); i > 0; i -= 1) o[text()] = value(depth + 1);
    return o;
  };
  const documents = [];
  for (let i = 0; i < count; i += 1) {
    const doc = web.example('linkoping-2021');
    doc.title = text();
    doc.notes = text();
    for (const r of doc.recipients) {
      r.name = text();
      for (const k of Object.keys(r.values)) r.values[k] = random() < 0.5 ? number() : text();
    }
    doc.extra = value(0);
    documents.push(doc);
  }
  return documents;
}

test('200 generated documents of odd strings and numbers of every shape come back from format 3 exactly as from format 1', async () => {
  const context = await web.newContext(browser);
  const page = await context.newPage();
  await web.open(page, server.url);
  const documents = generatedDocuments(200, 16);
  const problems = await page.evaluate(async (docs) => {
    const out = [];
    let refused = 0;
    const open = async (hash) => {
      const read = await Fordela.link.decode(Fordela.link.fromHash('#' + hash));
      return read.ok ? JSON.stringify(read.scenario) : read.problem;
    };
    for (const [i, doc] of docs.entries()) {
      const one = await open(await Fordela.link.encode(doc, 1));
      const three = await Fordela.link.encode(doc, 3);
      if (three === null) {
        // Packs past 32:1: the page writes another format.
        refused += 1;
        if (/^s3=/.test(await Fordela.link.encode(doc)) || (await open(await Fordela.link.encode(doc))) !== one) out.push(i + ': no other format');
        continue;
      }
      const back = await open(three);
      if (one !== back) out.push(i + ': ' + one.slice(0, 200) + ' ≠ ' + back.slice(0, 200));
    }
    return { out, refused };
  }, documents);
  assert.deepEqual(problems.out, []);
  assert.ok(problems.refused < documents.length / 10, problems.refused + ' not in format 3');
  await context.close();
});

test('the coder of format 3 gives back any bytes exactly: empty, one, all alike, random, text, long', async () => {
  const context = await web.newContext(browser);
  const page = await context.newPage();
  await web.open(page, server.url);
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return Math.floor((seed / 2147483648) * 256);
  };
  const inputs = [[], [0], [255], Array(3000).fill(0), Array(3000).fill(255), Array.from({ length: 5000 }, random),
    Array.from(Buffer.from('Fördelning av statsbidrag till kommuner och regioner. '.repeat(40))),
    Array.from({ length: 2000 }, (_, i) => (random() < 128 ? 0 : i % 256))];
  for (const [i, bytes] of inputs.entries()) {
    const packed = await code(page, bytes);
    assert.deepEqual(await uncode(page, packed, bytes.length), bytes, 'input ' + i);
    const unprimed = await page.evaluate((b) => Array.from(Fordela.linkCoder.decode(Fordela.linkCoder.encode(Uint8Array.from(b)), b.length)), bytes);
    assert.deepEqual(unprimed, bytes, 'input ' + i + ' without the primer');
  }
  await context.close();
});

test('the bench\'s 290-recipient scenario comes back from format 3 exactly, with the same result', async () => {
  const context = await withClipboard();
  const page = await context.newPage();
  await web.open(page, server.url);
  const original = await page.evaluate((s) => ({ normalized: Fordela.core.normalize(s).scenario, result: JSON.stringify(Fordela.core.compute(s)) }), scenario290());
  const link = await linkIn(page, original.normalized, 3);
  const encoded = {};
  for (const version of [1, 2, 3]) encoded['s' + version] = (await linkIn(page, original.normalized, version)).length;
  lengths.by_format['bench-scenario290'] = encoded;
  lengths.links['bench-scenario290'] = link.length;
  const { opened } = await openedElsewhere(link);
  assert.equal(JSON.stringify(opened), JSON.stringify(original.normalized));
  assert.equal(await page.evaluate((s) => JSON.stringify(Fordela.core.compute(s)), opened), original.result);
  await context.close();
});

test('a link opened while other work is open becomes a second scenario in the list; the first stays', async () => {
  const { context, page } = await withOwnWork();
  const watch = web.watch(page, server.origin);
  const other = await withClipboard();
  const sender = await other.newPage();
  const hash = await linkOf(sender, 'linkoping-2022');
  await other.close();

  await web.open(page, server.url);
  await page.goto(server.url + hash);
  await page.waitForFunction(() => document.querySelector('[data-path="/title"]').value.startsWith('Linköping 2022'));
  assert.equal(await web.figure(page, 'formula'), '4 850 000 kr');
  assert.match(await web.text(page, '#link-status'), /ny fördelning.*Mitt arbete|ny fördelning/);
  const titles = await listedTitles(page);
  assert.equal(titles.length, 2);
  assert.ok(titles.includes('Mitt arbete'));
  // Back to the first from the list.
  await page.click('#scenarios-details summary');
  await page.click('#scenarios [data-scenario-action="open"]:text("Mitt arbete")');
  await page.waitForFunction(() => document.querySelector('[data-path="/title"]').value === 'Mitt arbete');
  assert.equal(await web.figure(page, 'total'), '32 926 000 kr');
  assert.deepEqual(await watch.check(), []);
  await context.close();
});

test('a link of the first format (#s=, deflated JSON alone) still opens, in its canonical form', async () => {
  const context = await web.newContext(browser);
  const page = await context.newPage();
  const watch = web.watch(page, server.origin);
  const scenario = JSON.parse(fs.readFileSync(path.join(web.ROOT, 'examples', 'linkoping-2021.json'), 'utf8'));
  scenario.title = 'Gammal länk';
  scenario.pot.total = '3 mkr';
  const hash = '#s=' + zlib.deflateRawSync(Buffer.from(JSON.stringify(scenario))).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  await web.open(page, server.url + hash);
  await page.waitForFunction(() => document.querySelector('[data-path="/title"]').value === 'Gammal länk');
  assert.equal(await web.figure(page, 'formula'), '3 000 000 kr');
  const opened = await openScenario(page);
  assert.equal(opened.pot.total, 3000000, 'migrated to the canonical form');
  assert.deepEqual(await watch.check(), []);
  await context.close();
});
