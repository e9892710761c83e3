// undici's HTTP/1 client requires node:http2 when it loads (for the HTTP/2 client beside it), and
// node:http2 brings node:tls: about 15 ms of CPU at every start of the CLI, for runs against an
// http:// server that use neither (docs/performance.md, issue 21). The bundle's one
// `require("node:http2")` becomes an object holding node:http2's constants (undici reads some when it
// loads; taken from node:http2 here, at build time) that loads the real module the first time
// anything else is asked of it: an https server that offers HTTP/2 still gets it (ALPN).
import { constants } from 'node:http2';

const REQUIRE = 'module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");';

const stub = () =>
  [
    '(() => {',
    '  const load = () => __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");',
    `  const eager = { __esModule: undefined, constants: Object.freeze(${JSON.stringify(constants)}) };`,
    '  return new Proxy(eager, { get: (target, name) => (name in target ? target[name] : load()[name]) });',
    '})()',
  ].join('\n');

/** `sources` (file → text): the one requiring node:http2, with the lazy stand-in; throws unless exactly one does. */
export function lazyHttp2(sources) {
  const holders = Object.entries(sources).filter(([, text]) => text.includes(REQUIRE));
  const count = holders.reduce((n, [, text]) => n + text.split(REQUIRE).length - 1, 0);
  if (count !== 1) throw new Error(`lazy http2: expected one require of node:http2 in the bundle, found ${count}`);
  const [file, text] = holders[0];
  return { [file]: text.replace(REQUIRE, () => `module.exports = ${stub()};`) };
}
