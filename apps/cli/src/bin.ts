// The process entry of `ntk`: real streams, cwd and environment; SIGINT aborts the run's signal (a second
// Ctrl-C quits at once); the exit code is main's.
import { main } from './main.ts';

const controller = new AbortController();
let interrupts = 0;
process.on('SIGINT', () => {
  interrupts++;
  if (interrupts > 1) process.exit(130);
  process.stderr.write('\nntk: stopping: finished work is kept (Ctrl-C again to quit at once)\n');
  controller.abort(new DOMException('interrupted by SIGINT', 'AbortError'));
});

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
  signal: controller.signal,
});
