// undici requires node:assert in most of its files and only calls it as `assert(condition)`: an
// invariant that holds unless undici itself is broken. Loading node:assert costs every start of the
// CLI 1–2 ms (docs/performance.md). The bundle's require of it becomes a function that checks the
// condition itself and loads node:assert only to throw (the same AssertionError); any other member
// (`assert.strictEqual`…, named from node:assert at build time) loads it when first read.
import assert from 'node:assert';

const REQUIRE = 'module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");';

const stub = () =>
  [
    '(() => {',
    '  const load = () => __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");',
    '  function assert(value, message) {',
    '    if (!value) load().apply(undefined, arguments);',
    '  }',
    `  for (const name of ${JSON.stringify(Object.keys(assert))})`,
    '    Object.defineProperty(assert, name, { get: () => load()[name], enumerable: true });',
    '  return assert;',
    '})()',
  ].join('\n');

/** `sources` (file → text): the one requiring node:assert, with the lazy stand-in; none when no file does. */
export function lazyAssert(sources) {
  const holders = Object.entries(sources).filter(([, text]) => text.includes(REQUIRE));
  if (holders.length > 1) throw new Error(`lazy assert: node:assert required in ${holders.length} files`);
  return Object.fromEntries(
    holders.map(([file, text]) => [file, text.replace(REQUIRE, () => `module.exports = ${stub()};`)]),
  );
}
