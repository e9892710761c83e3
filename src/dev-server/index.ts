/**
 * A local quota-proxy-compatible dev server that emulates the five server flavors
 * (v1, v01, v1p, v1a, v10) over HTTP on 127.0.0.1, persisting to SQLite (node:sqlite).
 * Used by tests (real sockets), by `npm start`, and by the benchmark.
 */

export type { DevServerMainIo } from './cli.js';
export { DEV_SERVER_USAGE, devServerMain } from './cli.js';
export { DEMO_DAYS, DEMO_KEYS, seedUsageDemo } from './demo.js';
export { startDevServer } from './server.js';
export type { DevServer, DevServerOptions, Flavor, HealthMode } from './types.js';
export { FLAVORS, HEALTH_MODES } from './types.js';
