import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '../errors/usage-error.ts';
import { writeFileAtomic } from '../io/write-file-atomic.ts';
import type { Shard } from './shard.ts';

/** The file every sharded run writes into its output directory, read by `ntk merge`. */
export const SHARD_MANIFEST_FILE = 'shard.json';

/** What was sharded: a claims run (`ntk check --shard`) or a Monte-Carlo run (`ntk empirical --shard`). */
export type ShardKind = 'check' | 'empirical-moments';

/**
 * The manifest of one shard's output directory: which run (kind + the settings that must agree across shards),
 * which shard, and whether it finished. `ntk merge` refuses shards of different runs, missing or repeated
 * shards and unfinished ones.
 */
export interface ShardManifest {
  /** Always `'ntk-shard'`. */
  readonly format: 'ntk-shard';
  /** Version of this format (1). */
  readonly formatVersion: 1;
  /** What was sharded. */
  readonly kind: ShardKind;
  /** Shard k of n. */
  readonly shard: Shard;
  /** Whether the shard ran to the end. */
  readonly complete: boolean;
  /** The run's settings (identical across the shards of one run; compared as JSON). */
  readonly settings: unknown;
  /** The `@ntk/cli` version that wrote it. */
  readonly cliVersion: string;
}

/** Writes a shard's manifest atomically into `dir`. */
export async function writeShardManifest(dir: string, manifest: ShardManifest): Promise<void> {
  await writeFileAtomic(join(dir, SHARD_MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
}

/**
 * Reads and checks the manifest in a shard directory.
 *
 * @param dir - A directory written by a run with `--shard`.
 * @returns The manifest.
 * @throws {UsageError} When it is missing or not a shard manifest (names the directory and the field).
 */
export async function readShardManifest(dir: string): Promise<ShardManifest> {
  let text: string;
  try {
    text = await readFile(join(dir, SHARD_MANIFEST_FILE), 'utf8');
  } catch {
    throw new UsageError(
      `${dir}: not a shard directory (no ${SHARD_MANIFEST_FILE}; write one with --shard k/n)`,
    );
  }
  let m: Record<string, unknown>;
  try {
    m = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new UsageError(`${dir}/${SHARD_MANIFEST_FILE}: not valid JSON`);
  }
  const bad = (field: string) => new UsageError(`${dir}/${SHARD_MANIFEST_FILE}: bad \`${field}\``);
  if (m === null || typeof m !== 'object' || m['format'] !== 'ntk-shard') throw bad('format');
  if (m['formatVersion'] !== 1) throw bad('formatVersion');
  if (m['kind'] !== 'check' && m['kind'] !== 'empirical-moments') throw bad('kind');
  const s = m['shard'] as Record<string, unknown> | undefined;
  if (
    s === undefined ||
    !Number.isSafeInteger(s['index']) ||
    !Number.isSafeInteger(s['count']) ||
    (s['index'] as number) < 1 ||
    (s['index'] as number) > (s['count'] as number)
  ) {
    throw bad('shard');
  }
  if (typeof m['complete'] !== 'boolean') throw bad('complete');
  return m as unknown as ShardManifest;
}

/**
 * Checks that a set of shard manifests makes one whole run: the same kind, count and settings, every shard
 * 1..n exactly once, each complete.
 *
 * @param dirs - The directories, in the order given.
 * @param manifests - Their manifests.
 * @returns The manifests and directories sorted by shard index.
 * @throws {UsageError} Naming the first problem (which directory, which shard).
 */
export function checkShardSet(
  dirs: readonly string[],
  manifests: readonly ShardManifest[],
): { readonly dirs: readonly string[]; readonly manifests: readonly ShardManifest[] } {
  const first = manifests[0];
  if (first === undefined) throw new UsageError('no shard directories given');
  const settings = JSON.stringify(first.settings);
  const byIndex = new Map<number, number>();
  manifests.forEach((m, i) => {
    if (m.kind !== first.kind) {
      throw new UsageError(
        `${dirs[i]}: a ${m.kind} shard cannot be merged with ${first.kind} shards (${dirs[0]})`,
      );
    }
    if (m.shard.count !== first.shard.count) {
      throw new UsageError(
        `${dirs[i]}: shard ${m.shard.index}/${m.shard.count} does not belong with ${first.shard.index}/${first.shard.count} (${dirs[0]})`,
      );
    }
    if (JSON.stringify(m.settings) !== settings) {
      throw new UsageError(
        `${dirs[i]}: its settings differ from those of ${dirs[0]} (not shards of the same run)`,
      );
    }
    if (!m.complete) {
      throw new UsageError(
        `${dirs[i]}: shard ${m.shard.index}/${m.shard.count} did not finish (rerun it with --resume)`,
      );
    }
    const seen = byIndex.get(m.shard.index);
    if (seen !== undefined) {
      throw new UsageError(`${dirs[i]}: shard ${m.shard.index}/${m.shard.count} is also in ${dirs[seen]}`);
    }
    byIndex.set(m.shard.index, i);
  });
  const missing: number[] = [];
  for (let k = 1; k <= first.shard.count; k++) if (!byIndex.has(k)) missing.push(k);
  if (missing.length > 0) {
    throw new UsageError(
      `missing shard${missing.length > 1 ? 's' : ''} ${missing.map((k) => `${k}/${first.shard.count}`).join(', ')}`,
    );
  }
  const order = [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, i]) => i);
  return {
    dirs: order.map((i) => dirs[i] as string),
    manifests: order.map((i) => manifests[i] as ShardManifest),
  };
}
