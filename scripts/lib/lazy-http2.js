// undici's HTTP/1 client requires node:http2 when it loads (for the HTTP/2 client beside it), and
// node:http2 brings node:tls: about 15 ms of CPU at every start of the CLI, for runs against an
// http:// server that use neither (docs/performance.md, issue 21). The bundle's one
// `require("node:http2")` becomes an object that loads the real module the first time anything is
// asked of it but the constants undici's HTTP/2 client names (read when it loads: their values are
// taken from node:http2 here, at build time); an https server that offers HTTP/2 still gets it (ALPN).
import { readFileSync } from 'node:fs';
import { constants } from 'node:http2';
import { createRequire } from 'node:module';

const REQUIRE = 'module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");';

/** The constants undici's HTTP/2 client names, with their values; any other constant is read from node:http2. */
function namedConstants() {
  const source = readFileSync(createRequire(import.meta.url).resolve('undici/lib/dispatcher/client-h2.js'), 'utf8');
  const names = [...new Set(source.match(/\b(?:NG)?HTTP2_[A-Z0-9_]+\b/g))].filter((name) => name in constants);
  return Object.fromEntries(names.map((name) => [name, constants[name]]));
}

const stub = () =>
  [
    '(() => {',
    '  const load = () => __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");',
    `  const named = ${JSON.stringify(namedConstants())};`,
    '  const constants = new Proxy(named, { get: (t, name) => (name in t ? t[name] : load().constants[name]) });',
    '  const eager = { __esModule: undefined, constants };',
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
