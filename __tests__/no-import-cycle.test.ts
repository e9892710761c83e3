// The layers point one way (entries → run → commands → domain → flavor adapters): no module of
// src/ reaches itself again through its imports. Type-only imports count too: they are how the
// last cycle (commands importing their contract back from run.ts) crept in.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const SRC = path.resolve(import.meta.dirname, '../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** The src/ files a file imports (static, dynamic and type-only), by resolved path. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]!);
  return specs.map((spec) => path.resolve(path.dirname(file), spec).replace(/\.js$/, '.ts'));
}

/** src/ file → the src/ files it imports. */
function importGraph(): Map<string, string[]> {
  const files = sourceFiles(SRC);
  return new Map(files.map((f) => [f, importsOf(f).filter((t) => files.includes(t))]));
}

/** Every cycle found by a depth-first walk, each as the list of files around it. */
function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file)!) {
      if (state.get(next) === 'open') found.push(stack.slice(stack.indexOf(next)).map((f) => path.relative(SRC, f)));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return found;
}

test('the walk finds a cycle when one is there (a check that cannot fail proves nothing)', () => {
  const graph = importGraph();
  const run = path.join(SRC, 'run.ts');
  const command = graph.get(run)!.find((f) => f.includes(`${path.sep}commands${path.sep}`))!;
  expect(command).toBeDefined();
  // The old shape: a command importing its contract back from run.ts.
  graph.get(command)!.push(run);
  expect(cycles(graph)).toContainEqual(expect.arrayContaining(['run.ts', path.relative(SRC, command)]));
});

test('no import cycle in src/', () => {
  expect(cycles(importGraph())).toEqual([]);
});
