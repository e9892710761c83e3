import { runAction } from './platform/github.js';

await runAction();
