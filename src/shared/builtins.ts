// Node's built-in modules that only some commands use, loaded when first asked for rather than when
// the bundle starts: `health` loaded node:crypto, node:fs/promises and node:timers/promises at every
// start for nothing (docs/performance.md). `process.getBuiltinModule` loads synchronously and keeps
// the module, so a second call is a lookup.
import type * as Crypto from 'node:crypto';
import type * as FsPromises from 'node:fs/promises';
import type * as TimersPromises from 'node:timers/promises';

export const nodeCrypto = (): typeof Crypto => process.getBuiltinModule('node:crypto');
export const fsPromises = (): typeof FsPromises => process.getBuiltinModule('node:fs/promises');
export const timersPromises = (): typeof TimersPromises => process.getBuiltinModule('node:timers/promises');
