import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MomentsUnit } from '@ntk/empirical';
import { UsageError } from '../errors/usage-error.ts';
import { writeFileAtomic } from '../io/write-file-atomic.ts';

/** The file a shard of `ntk empirical --samples K --shard k/n` writes beside its `shard.json`. */
export const MOMENTS_UNIT_FILE = 'moments-unit.json';

/** The content of {@link MOMENTS_UNIT_FILE}: the shard's unit of Monte-Carlo blocks and the inputs it measured. */
export interface MomentsUnitFile {
  /** Always `'ntk-moments-unit'`. */
  readonly format: 'ntk-moments-unit';
  /** Version of this format (1). */
  readonly formatVersion: 1;
  /** The inputs (so the merge needs neither the data files nor the cwd of the shards). */
  readonly data: { readonly description: string; readonly x: number[][] };
  /** The keys [start, end) of the shard, unmerged (from `empiricalMomentsUnit`). */
  readonly unit: MomentsUnit;
}

/**
 * Writes a shard's unit file atomically.
 *
 * @param dir - The shard's output directory.
 * @param file - The content.
 * @returns The path written.
 * @example
 * ```ts
 * await writeMomentsUnitFile(out, { format: 'ntk-moments-unit', formatVersion: 1, data, unit });
 * ```
 */
export async function writeMomentsUnitFile(dir: string, file: MomentsUnitFile): Promise<string> {
  const path = join(dir, MOMENTS_UNIT_FILE);
  await writeFileAtomic(path, `${JSON.stringify(file)}\n`);
  return path;
}

/**
 * Reads a shard's unit file.
 *
 * @param dir - The shard's output directory.
 * @returns The content.
 * @throws {UsageError} When it is missing or malformed (names the file).
 * @example
 * ```ts
 * const { unit, data } = await readMomentsUnitFile('mc-1');
 * ```
 */
export async function readMomentsUnitFile(dir: string): Promise<MomentsUnitFile> {
  const path = join(dir, MOMENTS_UNIT_FILE);
  let value: unknown;
  try {
    value = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`${path}: ${code === undefined ? 'not valid JSON' : `cannot read it (${code})`}`);
  }
  const v = value as Partial<MomentsUnitFile> | null;
  if (v === null || typeof v !== 'object' || v.format !== 'ntk-moments-unit' || v.formatVersion !== 1) {
    throw new UsageError(`${path}: not a moments unit file of ntk empirical`);
  }
  if (
    typeof v.data !== 'object' ||
    v.data === null ||
    !Array.isArray(v.data.x) ||
    typeof v.data.description !== 'string'
  ) {
    throw new UsageError(`${path}: bad \`data\``);
  }
  if (typeof v.unit !== 'object' || v.unit === null || !Array.isArray(v.unit.blocks)) {
    throw new UsageError(`${path}: bad \`unit\``);
  }
  return v as MomentsUnitFile;
}
