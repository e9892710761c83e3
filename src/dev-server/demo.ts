// The usage demo (`dev-server --seed-demo`, `npm start`, the README's summary and dashboard): eight
// keys with two weeks of usage, each with a story a team lead looks for — growing towards its limit,
// steady, a spike on the last day, gone quiet, idle.
import type { DevServer } from './types.js';

const DAY_MS = 86_400_000;
export const DEMO_DAYS = 14;

/** label stem, daily limit, requests on day i of DEMO_DAYS (oldest first). */
export const DEMO_KEYS: ReadonlyArray<[label: string, limit: number, perDay: (i: number) => number]> = [
  ['partner-acme', 500, (i) => 180 + 20 * i],
  ['trial-alice', 100, (i) => 40 + (i % 3) * 5],
  ['trial-bob', 100, (i) => (i === DEMO_DAYS - 1 ? 95 : 6 + (i % 4))],
  ['internal-ci', 1000, (i) => 120 + ((i * 37) % 50)],
  ['trial-carol', 100, (i) => (i < 5 ? 12 : 0)],
  ['trial-dave', 100, (i) => (i % 5 === 0 ? 3 : 0)],
  ['vip-globex', 5000, (i) => 900 + 150 * i],
  ['trial-erin', 100, () => 0],
];

/** Seeds the demo keys (labels `<stem>-1`) and their usage on the server's last DEMO_DAYS days. */
export function seedUsageDemo(server: Pick<DevServer, 'seedKeys' | 'recordUsage' | 'day'>, now = Date.now()): string[] {
  const days = Array.from({ length: DEMO_DAYS }, (_, i) => server.day(new Date(now - (DEMO_DAYS - 1 - i) * DAY_MS)));
  return DEMO_KEYS.map(([label, limit, perDay]) => {
    const key = server.seedKeys(1, { labelPrefix: `${label}-`, dailyLimit: limit })[0]!;
    for (const [i, day] of days.entries()) if (perDay(i) > 0) server.recordUsage(key, perDay(i), day);
    return key;
  });
}
