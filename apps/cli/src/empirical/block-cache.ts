import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MomentsUnit } from '@ntk/empirical';
import { UsageError } from '../errors/usage-error.ts';
import { writeFileAtomic } from '../io/write-file-atomic.ts';
import type { EmpiricalSettings } from './empirical-settings.ts';

/** The folder of finished Monte-Carlo blocks in a run's output directory (what `--resume` reuses). */
export const BLOCKS_DIR = 'blocks';

/** One finished block on disk: the run's settings and the one-block unit. */
interface BlockFile {
  readonly format: 'ntk-moments-block';
  readonly settings: EmpiricalSettings;
  readonly unit: MomentsUnit;
}

/**
 * The path of block b's file: `<out>/blocks/block-<b>.json`.
 *
 * @param out - The output directory.
 * @param index - Block index.
 * @returns The path.
 * @example
 * ```ts
 * blockPath('mc', 3); // 'mc/blocks/block-3.json'
 * ```
 */
export function blockPath(out: string, index: number): string {
  return join(out, BLOCKS_DIR, `block-${index}.json`);
}

/**
 * Saves a finished block atomically (so an interrupted run keeps it).
 *
 * @param out - The output directory.
 * @param index - Block index.
 * @param settings - The run's canonical settings.
 * @param unit - The one-block unit.
 * @example
 * ```ts
 * await saveBlock(out, 3, settings, unit);
 * ```
 */
export async function saveBlock(
  out: string,
  index: number,
  settings: EmpiricalSettings,
  unit: MomentsUnit,
): Promise<void> {
  const file: BlockFile = { format: 'ntk-moments-block', settings, unit };
  await writeFileAtomic(blockPath(out, index), `${JSON.stringify(file)}\n`);
}

/**
 * Loads a saved block for `--resume`: `null` when there is none (or it is unreadable, e.g. never finished),
 * the unit when it belongs to this run.
 *
 * @param out - The output directory.
 * @param index - Block index.
 * @param settings - The run's canonical settings.
 * @returns The one-block unit, or null.
 * @throws {UsageError} When the block was written by a run with other settings (names the first setting
 *   that differs), so `--resume` never mixes two runs.
 * @example
 * ```ts
 * const unit = await loadBlock(out, 3, settings);
 * ```
 */
export async function loadBlock(
  out: string,
  index: number,
  settings: EmpiricalSettings,
): Promise<MomentsUnit | null> {
  let file: BlockFile;
  try {
    file = JSON.parse(await readFile(blockPath(out, index), 'utf8')) as BlockFile;
  } catch {
    return null;
  }
  if (file?.format !== 'ntk-moments-block' || !Array.isArray(file.unit?.blocks)) return null;
  const saved = (file.settings ?? {}) as unknown as Record<string, unknown>;
  const now = settings as unknown as Record<string, unknown>;
  for (const k of Object.keys(now)) {
    if (JSON.stringify(saved[k]) !== JSON.stringify(now[k])) {
      throw new UsageError(
        `--resume: ${blockPath(out, index)} is from a run with another \`${k}\` (${JSON.stringify(saved[k])}, now ${JSON.stringify(now[k])}); use another --out or drop --resume`,
      );
    }
  }
  return file.unit;
}
