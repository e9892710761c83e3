// Runs the CLI's main() in this process (as dist/cli.js would, without the bundle), keeping what it
// writes to stdout and stderr. The bundle tests (cli-bundle, gitlab-cli-dotenv…) run the same through dist/.
import { main } from '../src/platform/cli.js';

export async function runCliInProcess(argv: string[], env: NodeJS.ProcessEnv) {
  let stdout = '';
  let stderr = '';
  const write = { out: process.stdout.write, err: process.stderr.write };
  const errorListeners = process.stdout.listeners('error');
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  }) as typeof process.stderr.write;
  try {
    const code = await main(argv, env);
    return { code, stdout, stderr };
  } finally {
    process.stdout.write = write.out;
    process.stderr.write = write.err;
    // main() listens for EPIPE on stdout; one call's listener must not outlive it here.
    for (const listener of process.stdout.listeners('error'))
      if (!errorListeners.includes(listener)) process.stdout.off('error', listener as () => void);
  }
}
