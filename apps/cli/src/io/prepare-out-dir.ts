import { randomBytes } from 'node:crypto';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UsageError } from '../errors/usage-error.ts';

/**
 * Makes sure an output directory exists and can be written before any work starts: it is created (with its
 * parents) if missing, and a probe file is written into it and removed. A path that is a file, lies under a
 * file, or cannot be created or written is a {@link UsageError} naming the flag and the path (exit code 2),
 * so a long run never fails at its end for want of a place to put the results.
 *
 * @param dir - The directory (relative to `cwd`).
 * @param cwd - Base for a relative `dir`.
 * @param flag - The flag that named it, for the message (default `--out`).
 * @returns The absolute path.
 * @throws {UsageError} When the directory cannot be used.
 * @example
 * ```ts
 * const out = await prepareOutDir(options.out ?? 'ntk-report', process.cwd());
 * ```
 */
export async function prepareOutDir(dir: string, cwd: string, flag = '--out'): Promise<string> {
  const path = resolve(cwd, dir);
  const info = await stat(path).catch(() => undefined);
  if (info !== undefined && !info.isDirectory()) {
    throw new UsageError(`${flag} ${dir}: not a directory`);
  }
  try {
    await mkdir(path, { recursive: true });
    const probe = join(path, `.ntk-write-probe-${randomBytes(4).toString('hex')}`);
    await writeFile(probe, '');
    await rm(probe, { force: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new UsageError(`${flag} ${dir}: cannot write there (${code})`);
  }
  return path;
}
