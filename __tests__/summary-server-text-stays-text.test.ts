// The job summary shows labels, key strings and server days in facts, tables and Mermaid charts.
// A server of the test's own (v1p's answer shapes) hands back labels that try Markdown and HTML
// (an image, a disguised link, a mention, math, table pipes, a fence that closes the chart) and a
// key string with line breaks and a fence, under an empty label (the chart then names the key).
// The summary keeps its own structure: each chart is a chart of our grammar, each table row has its
// cells, and no server text becomes a link, an image, HTML, a mention or a code fence. A server day
// that is not a day is an unexpected answer, not a chart title.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runBundledAction } from '../scripts/lib/simulate-runner.js';

const LABELS = [
  '<img src=x onerror=alert(1)>',
  '[Re-run the job](https://evil.example/run)',
  '@octo-org/admins look',
  '$\\color{red}{\\Huge PWNED}$',
  'a|b|c',
  'line\n```\n</details><script>alert(2)</script>',
  '*bold* _em_ ~~gone~~ `code`',
];
const FENCED_KEY = 'sk-\n```\n%%{init: {"theme":"dark"}}%%\nflowchart LR\nA-->B\n```\nend0';

interface FakeAnswers {
  day: string;
}

/** A v1p-shaped server: /healthz, a bare-array key list, the usage of its day with every key. */
async function startFakeV1p(answers: FakeAnswers): Promise<{ url: string; close: () => Promise<void> }> {
  const keys = [
    ...LABELS.map((label, i) => ({ key: `roc_${'a1b2c3d4'.repeat(3)}${String(i).padStart(8, '0')}`, label })),
    { key: FENCED_KEY, label: '' },
  ];
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    const json = (body: unknown) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (path === '/healthz') return json({ ok: true });
    if (path === '/admin/keys')
      return json(keys.map((k) => ({ ...k, created_at: Date.now(), daily_limit: 100, is_active: 1 })));
    if (path === '/admin/usage')
      return json({ day: answers.day, keys: keys.map((k) => ({ ...k, requests: 90, daily_limit: 100 })) });
    res.writeHead(404).end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

// The only lines a Mermaid block of ours may hold.
const MERMAID_LINE = new RegExp(
  [
    '%%\\{init: .*\\}%%',
    'xychart-beta( horizontal)?',
    '    title "[^"`\\n]*"',
    '    x-axis \\[("[^"`\\n]*"(, )?)+\\]',
    '    y-axis "[^"`\\n]*" \\d+ --> \\d+',
    '    (bar|line) \\[[\\d, ]+\\]',
  ]
    .map((line) => `^${line}$`)
    .join('|'),
);

function blocks(markdown: string): string[][] {
  const lines = markdown.split('\n');
  const found: string[][] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.startsWith('```')) continue;
    const end = lines.indexOf('```', i + 1);
    expect(end).toBeGreaterThan(i);
    found.push(lines.slice(i, end + 1));
    i = end;
  }
  return found;
}

test('usage --days 1 and 3: labels and a key string never leave their cell or their chart', async () => {
  const fake = await startFakeV1p({ day: '2026-12-07' });
  try {
    for (const days of ['1', '3']) {
      const result = await runBundledAction({
        command: 'usage',
        days,
        url: fake.url,
        'admin-token': 'fake-admin-token-123',
        'server-flavor': 'v1p',
      });
      expect(result.code).toBe(0);
      const summary = result.summary;
      const fenced = blocks(summary);
      expect(fenced.length).toBeGreaterThan(0);
      for (const block of fenced) {
        expect(['```mermaid', '```sh']).toContain(block[0]);
        if (block[0] !== '```mermaid') continue;
        for (const line of block.slice(1, -1)) expect(line).toMatch(MERMAID_LINE);
      }
      // The summary's own markup (`- **Name:** value`) left out: what remains is values and cells.
      const outside = summary
        .split('\n')
        .filter((line) => !fenced.some((block) => block.includes(line)))
        .join('\n')
        .replace(/\*\*[^*\n]+?:\*\*/g, '');
      // No raw HTML, link, image, mention or math from the server: each active character escaped.
      for (const active of ['<', '[', '@', '$', '`', '*', '~']) {
        const raw = [...outside.matchAll(new RegExp(`(?<!\\\\)\\${active}`, 'g'))].length;
        expect({ active, raw }).toEqual({ active, raw: 0 });
      }
      // Every table row has the header's cells: a label's pipe is one cell's text.
      const cells = (line: string) => line.split(/(?<!\\)\|/).length;
      for (const table of outside.split(/\n(?!\|)[^\n]*/)) {
        const rows = table.split('\n').filter((line) => line.startsWith('|'));
        for (const row of rows) expect({ row, cells: cells(row) }).toEqual({ row, cells: cells(rows[0]!) });
      }
      expect(outside).toContain('\\<img src=x onerror=alert(1)\\>');
      expect(outside).toContain('\\[Re-run the job\\](https://evil.example/run)');
    }
  } finally {
    await fake.close();
  }
});

test('a server day that is not YYYY-MM-DD is an unexpected answer, never a title', async () => {
  const fake = await startFakeV1p({ day: '2026-12-07"]\n```\n<img src=x>' });
  try {
    const result = await runBundledAction({
      command: 'usage',
      url: fake.url,
      'admin-token': 'fake-admin-token-123',
      'server-flavor': 'v1p',
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('the usage day is not a day as YYYY-MM-DD');
    expect(result.summary).not.toContain('```mermaid');
    expect(result.summary).not.toMatch(/(?<!\\)</);
  } finally {
    await fake.close();
  }
});
