// A newcomer reads a module in one sitting: no file of src/ over 400 lines, no function over 80
// (docs/architecture.md). Measured with the TypeScript parser, so a function is what the language
// says it is: declarations, methods, arrows and function expressions, nested ones counted on their own.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const SRC = path.resolve(import.meta.dirname, '../src');
const MAX_FILE_LINES = 400;
const MAX_FUNCTION_LINES = 80;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

const lineCount = (text: string) => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);

/** Every function-like node of a file longer than `max` lines, as `file:line name (N lines)`. */
function longFunctions(file: string, max: number): string[] {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const name = node.name?.getText(source) ?? '(anonymous)';
      if (end - start + 1 > max)
        found.push(`${path.relative(SRC, file)}:${start + 1} ${name} (${end - start + 1} lines)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

test(`no file of src/ is over ${MAX_FILE_LINES} lines`, () => {
  const files = sourceFiles(SRC);
  expect(files.length).toBeGreaterThan(100);
  const long = files
    .map((file) => ({ file: path.relative(SRC, file), lines: lineCount(readFileSync(file, 'utf8')) }))
    .filter(({ lines }) => lines > MAX_FILE_LINES);
  expect(long).toEqual([]);
});

test(`no function of src/ is over ${MAX_FUNCTION_LINES} lines`, () => {
  expect(sourceFiles(SRC).flatMap((file) => longFunctions(file, MAX_FUNCTION_LINES))).toEqual([]);
});

test('the measures see a long file and a long function', () => {
  // The checks above can fail: this file's own long function and length, measured the same way.
  const probe = path.join(import.meta.dirname, '..', '__fixtures__', 'long-module.ts.txt');
  expect(lineCount(readFileSync(probe, 'utf8'))).toBeGreaterThan(MAX_FILE_LINES);
  expect(longFunctions(probe, MAX_FUNCTION_LINES)).toEqual([expect.stringMatching(/ tooLong \(8\d lines\)$/)]);
});
