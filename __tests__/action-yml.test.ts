// action.yml declares exactly the inputs the code reads, with the same defaults.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { INPUTS } from '../src/config/inputs.js';

/** The README (the action's inputs) and docs/gitlab.md (the component's): where inputs tables are. */
const INPUT_TABLES = () =>
  ['README.md', 'docs/gitlab.md']
    .map((file) => readFileSync(path.resolve(import.meta.dirname, '..', file), 'utf8'))
    .join('\n');

const action = parse(readFileSync(path.resolve(import.meta.dirname, '../action.yml'), 'utf8')) as {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
};

test('runs on node24 from the committed bundle', () => {
  expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
});

/** The inputs of the action: the table's, but for the flags of the command line alone. */
const ACTION_INPUTS = INPUTS.filter((i) => !i.cliOnly);

test('every input the code reads is declared, and nothing else', () => {
  expect(Object.keys(action.inputs).sort()).toEqual(ACTION_INPUTS.map((i) => i.name).sort());
});

test.each(ACTION_INPUTS.map((i) => [i.name, i.default]))('input %s has default %p', (name, def) => {
  expect(String(action.inputs[name]!.default ?? '')).toBe(def);
  expect(action.inputs[name]!.description.length).toBeGreaterThan(20);
});

test('the inputs parseOptions actually reads are exactly the declared ones', async () => {
  const { parseOptions, COMMANDS } = await import('../src/config/options.js');
  const { cliContext } = await import('../src/config/context.js');
  const read = new Set<string>();
  for (const command of COMMANDS) {
    const given: Record<string, string> = {
      command,
      'admin-token': 't',
      key: 'k',
      'older-than-days': '30',
      'label-prefix': 'auto-',
    };
    parseOptions(
      (name) => {
        read.add(name);
        return given[name] ?? '';
      },
      {},
      cliContext({}),
    );
  }
  const cliOnly = new Set(INPUTS.filter((i) => i.cliOnly).map((i) => i.name));
  expect([...read].filter((name) => !cliOnly.has(name)).sort()).toEqual(Object.keys(action.inputs).sort());
});

describe('one source of truth: COMMANDS and FLAVORS', () => {
  test("action.yml's command and server-flavor inputs name exactly COMMANDS and FLAVORS", async () => {
    const { commandList } = await import('../src/config/commands.js');
    const { FLAVORS } = await import('../src/quota-proxy/types.js');
    expect(action.inputs.command!.description).toContain(`What to do: ${commandList()}.`);
    expect(action.inputs['server-flavor']!.description).toContain(
      `${FLAVORS.slice(0, -1).join(', ')} or ${FLAVORS.at(-1)}.`,
    );
  });

  test("the command rows of the README's and the GitLab component's inputs tables name every command", async () => {
    const { COMMANDS } = await import('../src/config/commands.js');
    const readme = INPUT_TABLES();
    const rows = readme.split('\n').filter((line) => line.startsWith('| `command` |'));
    expect(rows.length).toBeGreaterThan(0);
    const listed = `${COMMANDS.slice(0, -1)
      .map((c) => `\`${c}\``)
      .join(', ')} or \`${COMMANDS.at(-1)}\``;
    for (const row of rows) expect(row).toContain(listed);
  });

  test('the dev server emulates exactly the flavors the client knows (one list)', async () => {
    const client = await import('../src/quota-proxy/types.js');
    const devServer = await import('../src/dev-server/types.js');
    expect(devServer.FLAVORS).toBe(client.FLAVORS);
  });
});

describe('one source of truth: defaults', () => {
  test("every default in the inputs tables (README, the component's in docs/gitlab.md) is the INPUTS default", () => {
    const readme = INPUT_TABLES();
    const checked: string[] = [];
    for (const input of INPUTS.filter((i) => i.default !== '')) {
      for (const line of readme.split('\n').filter((l) => l.startsWith(`| \`${input.name}\` |`))) {
        expect([input.name, line.split('|')[2]!.trim()]).toEqual([input.name, `\`${input.default}\``]);
        checked.push(input.name);
      }
    }
    expect(checked.length).toBeGreaterThan(10);
  });

  test('parseOptions takes its defaults from INPUTS: an input set to its default changes nothing', async () => {
    const { parseOptions } = await import('../src/config/options.js');
    const { cliContext } = await import('../src/config/context.js');
    const context = cliContext({});
    const base: Record<string, string> = { command: 'batch', 'admin-token': 't', output: 'keys.csv', name: 'n' };
    const unset = parseOptions((name) => base[name] ?? '', {}, context);
    for (const input of INPUTS.filter((i) => i.default !== '' && i.name !== 'command')) {
      const given = { ...base, [input.name]: input.default };
      expect([input.name, parseOptions((name) => given[name] ?? '', {}, context)]).toEqual([input.name, unset]);
    }
  });

  test('options.ts writes no default of its own for an input (no `get(…) || literal`)', () => {
    const source = readFileSync(path.resolve(import.meta.dirname, '../src/config/options.ts'), 'utf8');
    expect(source).not.toMatch(/get\('[a-z-]+'\) \|\| '/);
  });
});

describe('the GitLab component maps onto the same inputs', () => {
  const template = readFileSync(path.resolve(import.meta.dirname, '../templates/quota-keys.yml'), 'utf8');
  const spec = parse(template.split(/^---$/m)[0]!) as {
    spec: { inputs: Record<string, { default?: unknown; options?: string[]; description: string }> };
  };
  const inputs = spec.spec.inputs;

  test('its command options are COMMANDS, and its default the action default', async () => {
    const { COMMANDS } = await import('../src/config/commands.js');
    expect(inputs.command!.options).toEqual([...COMMANDS]);
    const { commandList } = await import('../src/config/commands.js');
    expect(inputs.command!.description).toBe(`What to do: ${commandList()}.`);
    expect(inputs.command!.default).toBe(INPUTS.find((i) => i.name === 'command')!.default);
  });

  test('every component input that is a quota-keys input has its default (empty where the tool computes one)', () => {
    const byName = new Map(INPUTS.map((i) => [i.name, i]));
    const mapped = Object.keys(inputs).filter((name) => byName.has(name));
    expect(mapped.sort()).toEqual(['command', 'count', 'limit', 'name', 'url']);
    for (const name of mapped) expect([name, String(inputs[name]!.default)]).toEqual([name, byName.get(name)!.default]);
    // and the job passes each of them as the flag of the same name
    for (const name of mapped.filter((n) => n !== 'command'))
      expect(template).toContain(`--${name} "$[[ inputs.${name} ]]"`);
  });
});
