import './shared/v8-young-generation.js';
import { runAction } from './platform/github.js';

await runAction();
// As in cli.ts: once the step's outputs and artifact are done, a connection left behind cannot keep it running.
setTimeout(() => process.exit(), 2000).unref();
