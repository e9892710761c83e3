// An unpaged key listing (v1: 100,000 keys are 11 MB) is not parsed whole: its array of keys is
// located in the text and parsed a hundred keys at a time as the keys are made, so its parsed
// objects never pile up (docs/performance.md). It reads exactly what JSON.parse reads, and what
// JSON.parse refuses it refuses: a broken key in a large listing fails the listing as a bad answer,
// before any row. The splitter against JSON.parse on many shapes and broken texts; then the bundled
// CLI against a server of the test's own answering a 1.5 MB listing.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { runCliBundle } from '../__fixtures__/run-process.js';
import { adapterFor } from '../src/quota-proxy/detect.js';
import { keysInParts, readListing, SPLIT_FROM, SplitListing, splitListing } from '../src/quota-proxy/listing-text.js';

/** What a split listing reads: its shape with every part's keys put back, as JSON.parse would give. */
function whole(listing: SplitListing): unknown {
  const keys = [...listing.parts()].flatMap(([, body]) => (Array.isArray(body) ? body : (body as { keys: [] }).keys));
  return Array.isArray(listing.shape) ? keys : { ...(listing.shape as object), keys };
}

const key = (i: number) => ({
  key: `sk-${String(i).padStart(48, '0')}`,
  label: `team-${i}`,
  created_at: 1764150000000,
});
const odd = [
  { key: 'k "quoted" \\ back\\slash', label: '标签 \u2028 é', created_at: -1.5e3, extra: [1, [2, { a: '}]' }]] },
  { key: '\\', label: '', created_at: null, nested: { keys: ['not', 'this'] }, t: true, f: false },
];
const keys = (n: number) => [...odd, ...Array.from({ length: n }, (_, i) => key(i))];

const GOOD: Record<string, string> = {
  v1: JSON.stringify({ keys: keys(2500) }),
  'v01 (members around)': JSON.stringify({ count: 2502, keys: keys(2500), mode: 'file' }),
  'v1p (bare array)': JSON.stringify(keys(2500)),
  'v1a, pretty': JSON.stringify({ success: true, keys: keys(30), count: 32 }, null, 2),
  'v10 page': JSON.stringify({ success: true, keys: keys(3), pagination: { total: 5, hasMore: false } }),
  'empty list': ' { "keys" : [ ] } ',
  '__proto__ member': '{"__proto__":{"polluted":1},"keys":[{"key":"a"}]}',
};

test.each(Object.entries(GOOD))('%s: split, it reads what JSON.parse reads', (_name, text) => {
  const listing = splitListing(text);
  expect(listing).toBeInstanceOf(SplitListing);
  const read = whole(listing!);
  expect(read).toEqual(JSON.parse(text));
  expect(Object.getPrototypeOf(read)).toBe(Object.getPrototypeOf(JSON.parse(text)));
  expect(({} as { polluted?: number }).polluted).toBeUndefined();
});

const BROKEN = [
  '{"keys":[{"key":"a"} {"key":"b"}]}',
  '{"keys":[{"key":"a"},]}',
  '{"keys":[{"key":"a"}]',
  '{"keys":[{"key":"a"}]} x',
  '\uFEFF{"keys":[]}',
  '{"keys":[{"key":"a}]}',
  '{"keys":[{]}]}',
  '{"keys":[1 2]}',
  '{"keys":[tru]}',
  '{"keys":[{"key":"a"}],}',
  '{"keys" [1]}',
  '{"count":01,"keys":[]}',
  '[{"key":"a"}]]',
  '{"keys":[{"key":"a\u0001"}]}',
];

test.each(BROKEN)('%s: what JSON.parse refuses is refused', (text) => {
  expect(() => JSON.parse(text)).toThrow(SyntaxError);
  // As the client reads: split where it can (then each part parsed), else JSON.parse whole.
  const read = () => {
    const listing = splitListing(text);
    return listing ? whole(listing) : JSON.parse(text);
  };
  expect(read).toThrow(SyntaxError);
});

test('a second keys member (JSON.parse keeps the last) is left to JSON.parse', () => {
  expect(splitListing('{"keys":[1],"keys":[2]}')).toBeUndefined();
});

test('a paged answer read in parts: the same keys, the next offset after all of them, every id for the guard', () => {
  const page = { success: true, keys: keys(2500), pagination: { total: 9999, hasMore: true } };
  const v10 = adapterFor('v10');
  const split = keysInParts(v10, splitListing(JSON.stringify(page))!, 100);
  const whole = v10.parseListing(page, 100);
  expect([...split.parts].flat()).toEqual(whole.keys);
  expect(split.next).toBe(whole.next);
  expect(split.ids).toEqual(whole.keys.map((k) => k.key));
});

test('only a large answer is split; a small one is JSON.parse', () => {
  expect(readListing(GOOD.v1!)).toEqual(JSON.parse(GOOD.v1!));
  const large = JSON.stringify({ keys: keys(SPLIT_FROM / 80) });
  expect(large.length).toBeGreaterThan(SPLIT_FROM);
  expect(readListing(large)).toBeInstanceOf(SplitListing);
});

describe('the bundled CLI', () => {
  let server: Server;
  let url: string;
  let listing = '';
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'qk-split-listing-'));
    server = createServer((req, res) => {
      const body = req.url?.startsWith('/admin/keys')
        ? listing
        : req.url?.startsWith('/admin/usage')
          ? '{"items":[],"total":0,"limit":1,"offset":0,"has_more":false}'
          : '{"ok":true}';
      res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  const many = Array.from({ length: 15_000 }, (_, i) => key(i));

  test('lists every key of a 1.5 MB unpaged listing into the CSV', async () => {
    listing = JSON.stringify({ keys: many });
    expect(listing.length).toBeGreaterThan(SPLIT_FROM);
    const csv = path.join(dir, 'keys.csv');
    const { code, stderr } = await runCliBundle(['list', '-u', url, '-t', 'a-token-of-the-test', '--output', csv]);
    expect({ code, stderr }).toMatchObject({ code: 0 });
    const rows = readFileSync(csv, 'utf8').trim().split('\r\n').slice(1);
    expect(rows.map((row) => row.split(',')[1])).toEqual(many.map((k) => k.key));
  });

  test('a broken key near its end fails the listing as not JSON, with no CSV', async () => {
    listing = JSON.stringify({ keys: many }).replace(/\{"key":"sk-0+14990"/, '{"key":"sk-broken" "x"');
    const csv = path.join(dir, 'broken.csv');
    const { code, stdout, stderr } = await runCliBundle(['list', '-u', url, '-t', 'a-token', '--output', csv]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^error: GET \S+\/admin\/keys answered 200 with something that is not the expected JSON/m);
    expect(stdout).not.toContain('sk-0000');
    expect(existsSync(csv)).toBe(false);
  });
});
