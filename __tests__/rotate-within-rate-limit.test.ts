// rotate --replace on a rate-limited server (v10: 30 admin requests per 15 minutes): only as many
// keys as can be both replaced and deleted now are rotated; the rest stay due, none is lost.

import { DAY_MS, runWrite } from '../__fixtures__/write-commands.js';
import { startDevServer } from '../src/dev-server/index.js';

test('rotates the oldest keys that fit the window, leaves the rest due, replaces every key it deleted', async () => {
  const server = await startDevServer({ flavor: 'v10', rateLimit: { max: 12, windowSeconds: 900 } });
  try {
    const old = server.seedKeys(10, { labelPrefix: 'auto-', createdAt: new Date(Date.now() - 40 * DAY_MS) });
    const { report, warnings } = await runWrite(server, {
      command: 'rotate',
      'older-than-days': '30',
      'label-prefix': 'auto-',
      replace: 'true',
      'skip-health-check': 'true',
    });
    // 12 per window: one list page leaves 11, so 5 deletes and 5 creates fit.
    expect({ ok: report.ok, failure: report.failure }).toEqual({ ok: true, failure: undefined });
    expect(report.outputs).toMatchObject({ 'deleted-count': '5', 'created-count': '5' });
    expect(warnings.join('\n')).toMatch(/rotating the 5 oldest now; the other 5 stay due/);
    const left = new Set(server.allKeys().map((k) => k.key));
    expect(old.filter((k) => left.has(k))).toHaveLength(5);
    expect(server.allKeys()).toHaveLength(10);
  } finally {
    await server.close();
  }
});

test('on-rate-limit: fail rotates what fits now as well, and fails naming the keys left due', async () => {
  const server = await startDevServer({ flavor: 'v10', rateLimit: { max: 12, windowSeconds: 900 } });
  try {
    const old = server.seedKeys(10, { labelPrefix: 'auto-', createdAt: new Date(Date.now() - 40 * DAY_MS) });
    const { report } = await runWrite(server, {
      command: 'rotate',
      'older-than-days': '30',
      'label-prefix': 'auto-',
      replace: 'true',
      'on-rate-limit': 'fail',
      'skip-health-check': 'true',
    });
    expect(report.ok).toBe(false);
    expect(report.outputs).toMatchObject({ 'deleted-count': '5', 'created-count': '5' });
    expect(report.failure).toMatch(
      new RegExp(
        String.raw`need 20 \(a replacement and a delete each\): rotating the 5 oldest now;` +
          String.raw` the other 5 stay due \(on-rate-limit is fail\): run again after`,
      ),
    );
    const left = new Set(server.allKeys().map((k) => k.key));
    expect(old.filter((k) => left.has(k))).toHaveLength(5);
    expect(server.allKeys()).toHaveLength(10);
  } finally {
    await server.close();
  }
});

test('a window with no room for one rotation: nothing is replaced or deleted', async () => {
  const server = await startDevServer({ flavor: 'v10', rateLimit: { max: 2, windowSeconds: 900 } });
  try {
    const old = server.seedKeys(3, { labelPrefix: 'auto-', createdAt: new Date(Date.now() - 40 * DAY_MS) });
    const { report } = await runWrite(server, {
      command: 'rotate',
      'older-than-days': '30',
      'label-prefix': 'auto-',
      replace: 'true',
      'skip-health-check': 'true',
    });
    expect(report.ok).toBe(false);
    expect(report.failure).toMatch(
      /leaves 1 request\(s\) .*: nothing was replaced or deleted \(waiting \d+ s is more than max-wait-seconds leaves/,
    );
    expect(
      server
        .allKeys()
        .map((k) => k.key)
        .sort(),
    ).toEqual([...old].sort());
  } finally {
    await server.close();
  }
});
