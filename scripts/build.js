// Bundles the action (dist/index.js) and the CLI (dist/cli/index.js, started by dist/cli.js)
// with ncc. Two output folders because ncc names lazy chunks after the entry file.
import { execFileSync } from 'node:child_process';
import { chmodSync, rmSync, writeFileSync } from 'node:fs';

const ncc = (entry, out) =>
  execFileSync('ncc', ['build', entry, '-o', out, '--license', 'licenses.txt', '-q'], { stdio: 'inherit' });

rmSync('dist', { recursive: true, force: true });
ncc('src/index.ts', 'dist');
ncc('src/cli.ts', 'dist/cli');
writeFileSync('dist/cli.js', "#!/usr/bin/env node\nimport './cli/index.js';\n");
chmodSync('dist/cli.js', 0o755);
