// Imported first by both entries. V8 grows its young generation with the machine's memory and the
// survival rate; a rotation that holds 10,000 keys made it grow until the process peaked near
// 200 MB, mostly uncollected garbage. Without growth the same rotation peaks near 135 MB and a
// 3,000-key batch is as fast (scripts/bench.js, docs/performance.md).
// The old generation likewise grew by V8's default factor between full collections: requests in
// flight outlive a scavenge, so a batch promotes garbage steadily and its peak grew with the count
// (10,000 keys: +45 MB over 1,000), a rotation of 100,000 keys peaked at 285 MB. Growing it by 20%
// keeps a batch flat (+8 MB) and that rotation near 165 MB, at the cost of more full collections.
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--semi-space-growth-factor=1');
setFlagsFromString('--heap-growing-percent=20');
