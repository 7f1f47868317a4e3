import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Writes a file atomically: the data goes to a temporary file beside it (`<path>.<pid>.<n>.tmp`), which is
 * then renamed over `path`. A reader (or a rerun after Ctrl-C) sees the old file or the new one, never a
 * part. The parent directory is created if missing.
 *
 * @param path - Destination.
 * @param data - Text (UTF-8) or bytes.
 * @throws The file system's error (`EACCES`, `ENOTDIR`, …); the temporary file is removed.
 * @example
 * ```ts
 * await writeFileAtomic('ntk-report/report.json', `${JSON.stringify(report, null, 2)}\n`);
 * ```
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${counter++}.tmp`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

let counter = 0;
