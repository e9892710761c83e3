// action.yml declares exactly the inputs the code reads, with the same defaults.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { INPUTS } from '../src/config/inputs.js';

const action = parse(readFileSync(path.resolve(import.meta.dirname, '../action.yml'), 'utf8')) as {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
};

test('runs on node24 from the committed bundle', () => {
  expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
});

test('every input the code reads is declared, and nothing else', () => {
  expect(Object.keys(action.inputs).sort()).toEqual(INPUTS.map((i) => i.name).sort());
});

test.each(INPUTS.map((i) => [i.name, i.default]))('input %s has default %p', (name, def) => {
  expect(String(action.inputs[name]!.default ?? '')).toBe(def);
  expect(action.inputs[name]!.description.length).toBeGreaterThan(20);
});

test('the inputs parseOptions actually reads are exactly the declared ones', async () => {
  const { parseOptions, COMMANDS } = await import('../src/config/options.js');
  const { cliContext } = await import('../src/config/context.js');
  const read = new Set<string>();
  for (const command of COMMANDS) {
    const given: Record<string, string> = { command, 'admin-token': 't', key: 'k', 'older-than-days': '30', 'label-prefix': 'auto-' };
    parseOptions(
      (name) => {
        read.add(name);
        return given[name] ?? '';
      },
      {},
      cliContext({}),
    );
  }
  expect([...read].sort()).toEqual(Object.keys(action.inputs).sort());
});
