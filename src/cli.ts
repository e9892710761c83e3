import './shared/v8-flags.js';
import { main } from './platform/cli.js';

process.exitCode = await main(process.argv.slice(2), process.env);
// Everything is written by now. Nothing should be left running, but if a connection undici still
// holds (a misbehaving proxy) kept the process alive, the command still ends, with its exit status.
setTimeout(() => process.exit(), 2000).unref();
