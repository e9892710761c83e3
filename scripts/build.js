// Bundles the action (dist/index.js) and the CLI (dist/cli/index.js, started by dist/cli.js)
// with ncc. Two output folders because ncc names lazy chunks after the entry file.
// `node scripts/build.js [OUT]` builds into OUT instead of dist/ (the dist test compares them).
// The bundle is built beside OUT and swapped in at the end, so a failed build leaves OUT as it was.
import { execFileSync } from 'node:child_process';
import { chmodSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { asciiOnly } from './lib/ascii-only.js';
import { lazyAssert } from './lib/lazy-assert.js';
import { lazyHttp2 } from './lib/lazy-http2.js';

const out = process.argv[2] ?? 'dist';
const staging = `${out}.building-${process.pid}`;
const ncc = (entry, dir) =>
  execFileSync(
    process.execPath,
    ['node_modules/@vercel/ncc/dist/ncc/cli.js', 'build', entry, '-o', dir, '--license', 'licenses.txt', '-q'],
    { stdio: 'inherit' },
  );

try {
  ncc('src/index.ts', staging);
  ncc('src/cli.ts', path.join(staging, 'cli'));
  // node:http2 (and node:tls with it) loaded only when an HTTP/2 connection is made (scripts/lib/lazy-http2.js).
  for (const dir of [staging, path.join(staging, 'cli')]) {
    const files = readdirSync(dir).filter((f) => f.endsWith('.js'));
    const sources = Object.fromEntries(files.map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));
    for (const [file, text] of Object.entries(lazyHttp2(sources))) sources[file] = text;
    // node:assert loaded only when an assertion fails or another member is read (scripts/lib/lazy-assert.js).
    for (const [file, text] of Object.entries(lazyAssert(sources))) sources[file] = text;
    // Every file ASCII: one-byte source strings for V8 (scripts/lib/ascii-only.js).
    for (const [file, text] of Object.entries(asciiOnly(sources))) sources[file] = text;
    for (const [file, text] of Object.entries(sources)) writeFileSync(path.join(dir, file), text);
  }
  // The compile cache keeps V8's bytecode of the bundle between runs of the CLI (about 20 ms of its start-up).
  writeFileSync(
    path.join(staging, 'cli.js'),
    [
      '#!/usr/bin/env node',
      "import module from 'node:module';",
      '',
      '// undici 8 (the HTTP client) needs Node.js 22.19 or later: say so in one line, not with a stack trace.',
      "const [major, minor] = process.versions.node.split('.').map(Number);",
      'if (major < 22 || (major === 22 && minor < 19)) {',
      '  process.stderr.write(`quota-keys: Node.js 22.19 or later is needed, this is ${process.version}.\\n`);',
      '  process.exit(1);',
      '}',
      'module.enableCompileCache?.();',
      "await import('./cli/index.js');",
      '',
    ].join('\n'),
  );
  chmodSync(path.join(staging, 'cli.js'), 0o755);
  // Every script still parses after the rewrites above (a chunk is loaded only when needed: a syntax
  // error in one would otherwise show only when a run reaches it).
  for (const dir of [staging, path.join(staging, 'cli')])
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.js')))
      execFileSync(process.execPath, ['--check', path.join(dir, file)], { stdio: 'inherit' });
  rmSync(out, { recursive: true, force: true });
  renameSync(staging, out);
} finally {
  rmSync(staging, { recursive: true, force: true });
}
