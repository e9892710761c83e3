/**
 * Every flavor the dev server emulates, by name: one route module each. Emulating a new flavor is
 * its module here (a FlavorDef: 401 reason, error shape, defaults, chat charge, routes) and its
 * name in ../types.ts FLAVORS; the router, auth, rate limit and health are shared (../router.ts).
 */
import type { FlavorDef } from '../context.js';
import type { Flavor } from '../types.js';
import { v1 } from './v1.js';
import { v1a } from './v1a.js';
import { v1p } from './v1p.js';
import { v01 } from './v01.js';
import { v10 } from './v10.js';

export const FLAVOR_DEFS: Readonly<Record<Flavor, FlavorDef>> = Object.freeze({ v1, v01, v1p, v1a, v10 });
