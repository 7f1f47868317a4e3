import type { MergeOptions } from '../commands/merge.ts';
import type { CliContext } from '../context.ts';
import type { ShardManifest } from '../shard/shard-manifest.ts';

// PLACEHOLDER (skeleton): replaced by the empirical implementation.
export async function mergeMomentsShards(
  _dirs: readonly string[],
  _manifests: readonly ShardManifest[],
  _out: string,
  _ctx: CliContext,
  _options: MergeOptions,
): Promise<void> {
  throw new Error('mergeMomentsShards: not built yet');
}
