// The change paths of docs/architecture.md, held: a command or a flavor added in one place and
// forgotten in another fails here, not in a user's run.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runWrite } from '../__fixtures__/write-commands.js';
import { RUNNERS } from '../src/commands/index.js';
import { COMMAND_HELP, COMMAND_SPECS, COMMANDS } from '../src/config/commands.js';
import { INPUTS } from '../src/config/inputs.js';
import { type DevServer, FLAVORS as EMULATED_FLAVORS, startDevServer } from '../src/dev-server/index.js';
import { adapterFor } from '../src/quota-proxy/detect.js';
import { FLAVORS as CLIENT_FLAVORS } from '../src/quota-proxy/types.js';
import { Redactor, shortenKey } from '../src/shared/redact.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

describe.each(COMMANDS.map((command) => [command]))('command %s', (command) => {
  test('has its module, its record, its runner, and is documented', () => {
    expect(existsSync(path.join(ROOT, `src/commands/${command}.ts`))).toBe(true);
    // The runner table the flow dispatches through (src/run.ts names no command).
    expect(read('src/commands/index.ts')).toContain(`'./${command}.js'`);
    expect(typeof RUNNERS[command]).toBe('function');
    // Its record: every input it takes is a known input.
    const known = new Set(INPUTS.map((input) => input.name));
    expect(COMMAND_SPECS[command].inputs.filter((name) => !known.has(name))).toEqual([]);
    // Its row in docs/commands.md: the summary --help shows (`<` as markdown needs it), where it is described.
    const summary = COMMAND_HELP[command].summary.replace(/</g, '&lt;');
    expect(read('docs/commands.md')).toContain(`| \`${command}\` | ${summary} | `);
  });
});

describe.each(CLIENT_FLAVORS.map((flavor) => [flavor]))('flavor %s', (flavor) => {
  let server: DevServer | undefined;
  afterEach(() => server?.close());

  test('has its adapter, its emulation and its section in docs/flavors.md', () => {
    expect(adapterFor(flavor).flavor).toBe(flavor);
    expect(EMULATED_FLAVORS).toContain(flavor);
    expect(read('docs/flavors.md')).toContain(flavor);
  });

  test('its key shape is shortened by the redactor without being registered', async () => {
    server = await startDevServer({
      flavor,
      ...(flavor === 'v10' ? { rateLimit: false as const, health: 'ok' as const } : {}),
    });
    const { report, rows } = await runWrite(server, { command: 'generate', name: `shape-${flavor}` });
    expect(report.ok).toBe(true);
    const key = rows[0]!.key!;
    // A fresh redactor knows only the key shapes written into it: a flavor with a new shape must add it.
    expect(new Redactor().redact(`the key ${key} leaked`)).toBe(`the key ${shortenKey(key)} leaked`);
  });
});

test('the client and the dev server know the same flavors', () => {
  expect([...EMULATED_FLAVORS].sort()).toEqual([...CLIENT_FLAVORS].sort());
});
