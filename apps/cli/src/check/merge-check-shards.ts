import type { MergeOptions } from '../commands/merge.ts';
import type { CliContext } from '../context.ts';
import type { ShardManifest } from '../shard/shard-manifest.ts';

// PLACEHOLDER (skeleton): replaced by the check implementation.
export async function mergeCheckShards(
  _dirs: readonly string[],
  _manifests: readonly ShardManifest[],
  _out: string,
  _ctx: CliContext,
  _options: MergeOptions,
): Promise<void> {
  throw new Error('mergeCheckShards: not built yet');
}
