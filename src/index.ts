import './heap.js';
import { runAction } from './platform/github.js';

await runAction();
