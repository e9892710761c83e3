// Preloaded by the benchmark (`node --import`): records every file module the process loads (the
// bundle and the lazy chunks it imports) and writes `{ files, bytes, builtins }` to $LOADED_FILE at
// exit, so the bytes a command loads are counted from what Node actually read, not estimated;
// `builtins`: the public built-in modules (node:crypto…) loaded after this preload.
import { statSync, writeFileSync } from 'node:fs';
import module from 'node:module';
import { fileURLToPath } from 'node:url';

const loaded = new Set();
const builtinsBefore = new Set(process.moduleLoadList);
module.registerHooks({
  load(url, context, nextLoad) {
    if (url.startsWith('file:')) loaded.add(fileURLToPath(url));
    return nextLoad(url, context);
  },
});
process.on('exit', () => {
  if (!process.env.LOADED_FILE) return;
  const files = [...loaded].map((file) => ({ file, bytes: statSync(file).size }));
  const bytes = files.reduce((sum, f) => sum + f.bytes, 0);
  const builtins = process.moduleLoadList
    .filter((entry) => !builtinsBefore.has(entry) && /^NativeModule (?!internal\/)/.test(entry))
    .map((entry) => entry.slice('NativeModule '.length));
  writeFileSync(process.env.LOADED_FILE, JSON.stringify({ files, bytes, builtins }));
});
