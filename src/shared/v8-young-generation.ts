// Imported first by both entries. V8 grows its young generation with the machine's memory and the
// survival rate; a rotation that holds 10,000 keys made it grow until the process peaked near
// 200 MB, mostly uncollected garbage. Without growth the same rotation peaks near 135 MB and a
// 3,000-key batch is as fast (scripts/bench.js, docs/performance.md).
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--semi-space-growth-factor=1');
