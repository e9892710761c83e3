// Unit: the readers every flavor adapter reads answers of unknown shape with (src/quota-proxy/flavors/shape.ts).
import { asArray, asObject, dayOf, num, requireKey, ShapeError, str } from '../src/quota-proxy/flavors/shape.js';

describe('dayOf', () => {
  test.each(['2026-11-26', '2024-02-29', '2000-02-29', '1999-12-31'])('%s is a day', (day) => {
    expect(dayOf(day, 'the day')).toBe(day);
  });

  test.each([null, undefined, ''])('%p: no day given', (value) => {
    expect(dayOf(value, 'the day')).toBe('');
  });

  test.each([
    '2026-02-30',
    '2025-02-29',
    '1900-02-29',
    '2026-13-01',
    '2026-00-10',
    '2026-11-26T00:00:00Z',
    '2026-11-26 ',
    '26-11-2026',
    '2026/11/26',
    '<img src=x>',
    '2026-11-26\n2026-11-27',
    '20261126',
  ])('%j is refused as an unexpected answer naming what', (value) => {
    expect(() => dayOf(value, "a usage row's day")).toThrow(ShapeError);
    expect(() => dayOf(value, "a usage row's day")).toThrow(
      "unexpected answer: a usage row's day is not a day as YYYY-MM-DD",
    );
  });

  test('a number or an object is not a day either', () => {
    expect(() => dayOf(20261126, 'd')).toThrow(ShapeError);
    expect(() => dayOf({ day: '2026-11-26' }, 'd')).toThrow(ShapeError);
  });
});

describe('num', () => {
  test.each([
    [5, 5],
    [0, 0],
    [4_294_967_295, 4_294_967_295],
    ['42', 42],
    [' 7 ', 7],
    ['1e3', 1000],
  ])('%j → %j', (value, expected) => {
    expect(num(value)).toBe(expected);
  });
  test.each([
    Number.NaN,
    Number.POSITIVE_INFINITY,
    '',
    '  ',
    'abc',
    '12abc',
    null,
    undefined,
    true,
    {},
    [],
    'Infinity',
    // Not a count: negative, fractional, past what the per-day counts hold.
    -3.5,
    -5,
    '-5',
    1.5,
    4_294_967_296,
    1e308,
  ])('%j → undefined', (value) => {
    expect(num(value)).toBeUndefined();
  });
});

describe('str', () => {
  test('text as it is; null and undefined empty; anything else as text', () => {
    expect(str('a')).toBe('a');
    expect(str(null)).toBe('');
    expect(str(undefined)).toBe('');
    expect(str(0)).toBe('0');
    expect(str(false)).toBe('false');
    expect(str({})).toBe('[object Object]');
  });
});

describe('asObject, asArray, requireKey', () => {
  test('an object is an object; a list, null or text is not', () => {
    const value = { a: 1 };
    expect(asObject(value, 'x')).toBe(value);
    for (const bad of [[], null, undefined, 'x', 1])
      expect(() => asObject(bad, 'the key list')).toThrow('unexpected answer: the key list is not a JSON object');
  });

  test('a list is a list; an object is not', () => {
    const value = [1];
    expect(asArray(value, 'x')).toBe(value);
    for (const bad of [{}, null, 'x', { length: 1 }]) expect(() => asArray(bad, 'keys')).toThrow('keys is not a list');
  });

  test('a key is non-empty text', () => {
    expect(requireKey({ key: 'k' }, 'a key')).toBe('k');
    for (const item of [{}, { key: '' }, { key: 5 }, { key: null }, { key: ['k'] }])
      expect(() => requireKey(item, 'the created key')).toThrow('unexpected answer: the created key has no "key"');
  });
});
