import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { assembleClaimResult, type ClaimResult, findClaim } from '@ntk/bounds';
import type { BackendInfo } from '@ntk/core';
import type { MergeOptions } from '../commands/merge.ts';
import type { CliContext } from '../context.ts';
import { UsageError } from '../errors/usage-error.ts';
import { writeFileAtomic } from '../io/write-file-atomic.ts';
import type { CheckSettings } from '../report/check-report.ts';
import type { ShardManifest } from '../shard/shard-manifest.ts';
import { CLI_VERSION } from '../version.ts';
import { buildCheckReport } from './build-check-report.ts';
import { type CheckRunState, RUN_STATE_FILE, writeRunState } from './check-run-state.ts';
import { collectShardPoints } from './collect-shard-points.ts';
import { claimResultJson, claimResultPath, writeCheckOutputs } from './write-check-outputs.ts';

/**
 * `ntk merge` of the shards of an `ntk check --shard k/n` run: reads every shard's points, checks that each
 * (claim, point) pair is present exactly once (`collectShardPoints`), assembles each claim's result with
 * `assembleClaimResult` of `@ntk/bounds` (the same result as an unsharded run, apart from the timing and
 * provenance fields), and writes what a single run writes — `report.json` (origin `merge`), `report.md`,
 * `report.html`, `figures/`, `results/<id>.json`, `run.json` — then prints the verdict table (or the
 * `--json` summary).
 *
 * @param dirs - The shard directories, sorted by shard index (checked by `checkShardSet`).
 * @param manifests - Their manifests, in the same order.
 * @param out - The output directory (absolute, prepared).
 * @param ctx - The CLI context.
 * @param options - `--json`.
 * @throws {UsageError} For settings that are not a check run's, a missing or repeated point, a bad point
 *   file (exit code 2); the file system's error.
 * @example
 * ```ts
 * await mergeCheckShards(['/tmp/s1', '/tmp/s2'], manifests, '/tmp/report', ctx, { out: '/tmp/report' });
 * ```
 */
export async function mergeCheckShards(
  dirs: readonly string[],
  manifests: readonly ShardManifest[],
  out: string,
  ctx: CliContext,
  options: MergeOptions,
): Promise<void> {
  const start = performance.now();
  const settings = checkSettingsOf(manifests[0] as ShardManifest, dirs[0] as string);
  const claims = settings.claims.map((id) => {
    try {
      return findClaim(id);
    } catch {
      throw new UsageError(`${dirs[0]}/shard.json: unknown claim id '${id}' (written by another version?)`);
    }
  });
  const states = await Promise.all(dirs.map((d) => readShardRunState(d)));
  const first = states[0] as CheckRunState;
  const info = first.backend.info as BackendInfo;
  states.forEach((s, i) => {
    if (JSON.stringify(s.backend.info) !== JSON.stringify(info)) {
      ctx.stderr.write(
        `ntk merge: note: ${dirs[i]} ran on backend ${(s.backend.info as BackendInfo).name}, ` +
          `${dirs[0]} on ${info.name}; the report names ${info.name}\n`,
      );
    }
  });
  const startedAt = states.map((s) => s.startedAt).sort()[0] ?? new Date().toISOString();
  const durationMs = states.reduce((sum, s) => sum + (Number.isFinite(s.durationMs) ? s.durationMs : 0), 0);

  const observations = await collectShardPoints(dirs, claims, settings.budget, settings.seed);
  const results: ClaimResult[] = claims.map((claim, i) =>
    assembleClaimResult(claim, observations[i] ?? [], { level: settings.level, backend: info, startedAt }),
  );
  const resultFiles: string[] = [];
  for (const r of results) {
    const path = claimResultPath(out, r.claimId);
    await writeFileAtomic(path, claimResultJson(r));
    resultFiles.push(path);
  }
  const origin = { kind: 'merge', shards: dirs.length } as const;
  const report = buildCheckReport({
    settings,
    backend: { info, reason: first.backend.reason },
    origin,
    startedAt,
    durationMs,
    results,
  });
  const runFile = join(out, RUN_STATE_FILE);
  await writeCheckOutputs(out, report, { results: resultFiles, run: runFile }, ctx, options.json === true);
  const total = observations.reduce((s, o) => s + o.length, 0);
  await writeRunState(out, {
    format: 'ntk-check-run',
    formatVersion: 1,
    status: 'complete',
    settings,
    shard: null,
    origin,
    backend: { info, reason: first.backend.reason },
    claimsFinished: settings.claims,
    pointsKept: total,
    pointsTotal: total,
    startedAt,
    updatedAt: new Date().toISOString(),
    durationMs: performance.now() - start,
    cliVersion: CLI_VERSION,
  });
}

/** The check settings of a shard manifest, checked. */
function checkSettingsOf(manifest: ShardManifest, dir: string): CheckSettings {
  const s = manifest.settings as Partial<CheckSettings> | null;
  const bad = (field: string) => new UsageError(`${dir}/shard.json: bad \`settings.${field}\``);
  if (s === null || typeof s !== 'object') throw bad('');
  if (s.budget !== 'quick' && s.budget !== 'full') throw bad('budget');
  if (!Number.isSafeInteger(s.seed)) throw bad('seed');
  if (!Array.isArray(s.claims) || s.claims.some((c) => typeof c !== 'string')) throw bad('claims');
  if (!(typeof s.level === 'number' && s.level > 0 && s.level < 1)) throw bad('level');
  if (typeof s.backend !== 'string') throw bad('backend');
  return s as CheckSettings;
}

/** A shard's `run.json` (which backend measured its points), required for a merge. */
async function readShardRunState(dir: string): Promise<CheckRunState> {
  const path = join(dir, RUN_STATE_FILE);
  let state: CheckRunState;
  try {
    state = JSON.parse(await readFile(path, 'utf8')) as CheckRunState;
  } catch {
    throw new UsageError(`${path}: missing or not JSON (not written by \`ntk check --shard\`?)`);
  }
  if (
    state?.format !== 'ntk-check-run' ||
    typeof state.backend?.info !== 'object' ||
    state.backend.info === null
  ) {
    throw new UsageError(`${path}: not an \`ntk check\` run state`);
  }
  return state;
}
