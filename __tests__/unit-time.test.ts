// Unit: server timestamps and the server's own day (src/quota-proxy/time.ts).
import { type DayStamp, dayAtOffset, offsetText, parseServerTime, serverDayFromRows } from '../src/quota-proxy/time.js';

const HOUR = 3_600_000;
const utc = (iso: string) => new Date(`${iso}Z`);
const stamp = (day: string, updatedAtUtc: string): DayStamp => ({ day, updatedAt: utc(updatedAtUtc) });

describe('parseServerTime', () => {
  test.each([
    ['epoch ms', 1764150631000, '2025-11-26T09:50:31.000Z'],
    ['epoch s', 1764150631, '2025-11-26T09:50:31.000Z'],
    ['epoch ms as text', '1764150631000', '2025-11-26T09:50:31.000Z'],
    ['epoch s as text', '1764150631', '2025-11-26T09:50:31.000Z'],
    ['SQL datetime (UTC, no zone)', '2026-11-26 09:50:31', '2026-11-26T09:50:31.000Z'],
    ['SQL with fraction', '2026-11-26 09:50:31.250', '2026-11-26T09:50:31.250Z'],
    ['SQL without seconds', '2026-11-26 09:50', '2026-11-26T09:50:00.000Z'],
    ['ISO without zone (UTC)', '2026-11-26T09:50:31', '2026-11-26T09:50:31.000Z'],
    ['ISO with Z', '2026-11-26T09:50:31.000Z', '2026-11-26T09:50:31.000Z'],
    ['ISO with offset', '2026-11-26T17:50:31+08:00', '2026-11-26T09:50:31.000Z'],
  ])('%s', (_what, value, iso) => {
    expect(parseServerTime(value)?.toISOString()).toBe(iso);
  });

  test.each([null, undefined, '', 'yesterday', '2026-13-45 99:99', Number.NaN, Number.POSITIVE_INFINITY, {}, [], true])(
    '%j is no time',
    (value) => {
      expect(parseServerTime(value)).toBeUndefined();
    },
  );
});

describe('dayAtOffset and offsetText', () => {
  test('the day of an instant at an offset', () => {
    const at = utc('2026-11-26T20:00:00').getTime();
    expect(dayAtOffset(at, 0)).toBe('2026-11-26');
    expect(dayAtOffset(at, 8 * HOUR)).toBe('2026-11-27');
    expect(dayAtOffset(at, -12 * HOUR)).toBe('2026-11-26');
    expect(dayAtOffset(utc('2026-11-26T02:00:00').getTime(), -3 * HOUR)).toBe('2026-11-25');
  });

  test.each([
    [0, 'UTC+0'],
    [8 * HOUR, 'UTC+8'],
    [-3.5 * HOUR, 'UTC−3:30'],
    [5.75 * HOUR, 'UTC+5:45'],
    [14 * HOUR, 'UTC+14'],
  ])('%d ms reads %s', (ms, text) => {
    expect(offsetText(ms)).toBe(text);
  });
});

describe('serverDayFromRows', () => {
  const now = (iso: string) => utc(iso).getTime();

  test('no usage rows: nothing known', () => {
    expect(serverDayFromRows([], now('2026-11-26T12:00:00'))).toEqual({ alternatives: [], newest: undefined });
  });

  test('a server in UTC+8: a row of the 27th updated at 20:00 UTC on the 26th puts it ahead of UTC', () => {
    const result = serverDayFromRows([stamp('2026-11-27', '2026-11-26T20:00:00')], now('2026-11-26T20:30:00'));
    expect(result.day).toBe('2026-11-27');
    expect(result.offsets![0]).toBeGreaterThanOrEqual(4 * HOUR);
    expect(result.alternatives).toEqual([]);
  });

  test('rows narrow the offsets down: a row at each side of the server’s midnight pins it', () => {
    const rows = [
      stamp('2026-11-26', '2026-11-26T15:50:00'), // 23:50 at +8
      stamp('2026-11-27', '2026-11-26T16:10:00'), // 00:10 at +8
    ];
    const result = serverDayFromRows(rows, now('2026-11-26T17:00:00'));
    expect(result.day).toBe('2026-11-27');
    expect(result.offsets).toEqual([8 * HOUR, 8 * HOUR]);
    expect(result.newest).toEqual(rows[1]);
  });

  test('when now may be on two days, the newest day with usage is chosen and the other named', () => {
    // Updated 10:00 UTC on day 26: the server is anywhere from −10:00 to +13:45. At 13:00 UTC that is the 26th or 27th.
    const result = serverDayFromRows([stamp('2026-11-26', '2026-11-26T10:00:00')], now('2026-11-26T13:00:00'));
    expect(result.day).toBe('2026-11-26');
    expect(result.alternatives).toEqual(['2026-11-27']);
  });

  test('a row that contradicts the newer ones (a reset of an old day, a change of zone) is passed over', () => {
    const rows = [
      stamp('2026-11-27', '2026-11-26T20:00:00'),
      stamp('2026-11-26', '2026-11-26T21:00:00'), // newer, its own: UTC … −3
      stamp('2026-11-20', '2026-11-26T19:00:00'), // an old day touched today: fits no offset left
    ];
    // Left: −12:00 … +2:45 from the newest row; at 21:10 UTC every one of them is still on the 26th.
    const result = serverDayFromRows(rows, now('2026-11-26T21:10:00'));
    expect(result.offsets).toEqual([-12 * HOUR, 2.75 * HOUR]);
    expect(result.newest).toEqual(rows[1]);
    expect(result.day).toBe('2026-11-26');
  });

  test('rows that are no days or no times are ignored', () => {
    const result = serverDayFromRows(
      [
        { day: 'today', updatedAt: utc('2026-11-26T10:00:00') },
        { day: '2026-11-26', updatedAt: new Date(Number.NaN) },
      ],
      now('2026-11-26T12:00:00'),
    );
    expect(result).toEqual({ alternatives: [], newest: undefined });
  });

  test('rows fitting no offset at all tell nothing', () => {
    const result = serverDayFromRows([stamp('2026-11-20', '2026-11-26T10:00:00')], now('2026-11-26T12:00:00'));
    expect(result.day).toBeUndefined();
    expect(result.alternatives).toEqual([]);
  });
});
