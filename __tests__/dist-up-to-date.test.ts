// The committed bundle is the code users run: it must be what src/ builds to.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');

function files(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full, base) : [path.relative(base, full)];
  });
}

test('dist/ matches a fresh build of src/', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'dist-'));
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.js'), out], { cwd: ROOT, stdio: 'pipe' });
  expect(files(path.join(ROOT, 'dist')).sort()).toEqual(files(out).sort());
  for (const file of files(out)) {
    expect({
      file,
      same: readFileSync(path.join(ROOT, 'dist', file)).equals(readFileSync(path.join(out, file))),
    }).toEqual({ file, same: true });
  }
}, 120_000);
