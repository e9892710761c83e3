#!/usr/bin/env node
import module from 'node:module';

// undici 8 (the HTTP client) needs Node.js 22.19 or later: say so in one line, not with a stack trace.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 19)) {
  process.stderr.write(`quota-keys: Node.js 22.19 or later is needed, this is ${process.version}.\n`);
  process.exit(1);
}
module.enableCompileCache?.();
await import('./cli/index.js');
