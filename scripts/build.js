// Bundles the action (dist/index.js) and the CLI (dist/cli/index.js, started by dist/cli.js)
// with ncc. Two output folders because ncc names lazy chunks after the entry file.
// `node scripts/build.js [OUT]` builds into OUT instead of dist/ (the dist test compares them).
import { execFileSync } from 'node:child_process';
import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const out = process.argv[2] ?? 'dist';
const ncc = (entry, dir) =>
  execFileSync(process.execPath, ['node_modules/@vercel/ncc/dist/ncc/cli.js', 'build', entry, '-o', dir, '--license', 'licenses.txt', '-q'], { stdio: 'inherit' });

rmSync(out, { recursive: true, force: true });
ncc('src/index.ts', out);
ncc('src/cli.ts', path.join(out, 'cli'));
writeFileSync(path.join(out, 'cli.js'), "#!/usr/bin/env node\nimport './cli/index.js';\n");
chmodSync(path.join(out, 'cli.js'), 0o755);
