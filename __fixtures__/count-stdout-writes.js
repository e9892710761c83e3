// A preload (`node --import`): counts the process's writes to stdout and puts the number in the file
// named by COUNT_STDOUT_WRITES when the process exits.
import { writeFileSync } from 'node:fs';

const write = process.stdout.write.bind(process.stdout);
let writes = 0;
process.stdout.write = (...args) => {
  writes += 1;
  return write(...args);
};
process.on('exit', () => writeFileSync(process.env.COUNT_STDOUT_WRITES, String(writes)));
