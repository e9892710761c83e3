// V8 flags for a short CLI run, set before anything else loads (imported first by both entries).
// V8 grows its young generation with the machine's memory and the survival rate; a rotation that
// holds 10,000 keys made it grow until the process peaked near 200 MB, mostly uncollected garbage.
// Without growth the same rotation peaks near 135 MB and a 3,000-key batch is as fast
// (scripts/bench.js, docs/performance.md).
// The old generation likewise grew by V8's default factor between full collections: requests in
// flight outlive a scavenge, so a batch promotes garbage steadily and its peak grew with the count
// (10,000 keys: +45 MB over 1,000), a rotation of 100,000 keys peaked at 285 MB. Growing it by 20%
// keeps a batch flat (+8 MB) and that rotation near 165 MB, at the cost of more full collections.
// WebAssembly stays on V8's baseline compiler: undici's HTTP parser (llhttp, one 33 KB function)
// was recompiled by the optimizing compiler after its first few answers, 40–45 ms of CPU and
// 20–40 MB of memory on another thread, in every run past `health` (a batch of one key); the
// baseline code parses a 3,000-key batch's answers for less than that (docs/performance.md).
// JavaScript reaches V8's top compiler (TurboFan) after 15,000 calls of a function, not 3,000: a
// 3,000-key batch compiled 39 functions with it (about 100 ms of compiling) whose mid-tier (Maglev)
// code was already fast; a run of 100,000 keys still gets it where it counts.
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--semi-space-growth-factor=1');
setFlagsFromString('--heap-growing-percent=20');
// Both, in this order: without tier-up alone V8 still tiers up dynamically; without dynamic tiering
// alone it compiles every function optimized at once. (`--liftoff-only` only takes on the command line.)
setFlagsFromString('--no-wasm-tier-up');
setFlagsFromString('--no-wasm-dynamic-tiering');
setFlagsFromString('--invocation-count-for-turbofan=15000');
