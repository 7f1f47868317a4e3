// Test helpers: run the CLI in-process (main with captured streams) or spawn the built `ntk` as a user would.
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type { CliContext } from '../../src/context.ts';
import { main } from '../../src/main.ts';

/** What a CLI run printed and returned. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The built entry a user runs (`bin/ntk.js` → `dist/bin.js`; `pnpm build` first: turbo does it for tests). */
export const NTK_BIN: string = resolve(import.meta.dirname, '../../bin/ntk.js');

/** Runs `ntk …argv` in-process; stdout/stderr are captured (not terminals unless `tty`). */
export async function runCli(
  argv: readonly string[],
  options: {
    cwd?: string;
    env?: Record<string, string | undefined>;
    signal?: AbortSignal;
    tty?: boolean;
  } = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const ctx: CliContext = {
    stdout: { write: (s: string) => (stdout += s), isTTY: options.tty ?? false, columns: 120 },
    stderr: { write: (s: string) => (stderr += s), isTTY: options.tty ?? false, columns: 120 },
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? {},
    signal: options.signal ?? new AbortController().signal,
  };
  const code = await main(argv, ctx);
  return { code, stdout, stderr };
}

/** Spawns the built `ntk` with `node`; resolves when it exits. `onSpawn` gets the child (e.g. to send SIGINT). */
export function spawnCli(
  argv: readonly string[],
  options: {
    cwd?: string;
    env?: Record<string, string | undefined>;
    onSpawn?: (child: ChildProcess) => void;
  } = {},
): Promise<CliRun & { readonly signal: NodeJS.Signals | null }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [NTK_BIN, ...argv], {
      cwd: options.cwd ?? process.cwd(),
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code, signal) => done({ code: code ?? -1, stdout, stderr, signal }));
    options.onSpawn?.(child);
  });
}
