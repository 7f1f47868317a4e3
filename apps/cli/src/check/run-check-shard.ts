import { join } from 'node:path';
import { estimateRemainingMs, measureClaimPoints } from '@ntk/bounds';
import { isAbortError } from '../errors/classify-error.ts';
import { createProgressReporter, type ProgressUpdate, progressMode } from '../progress/progress-reporter.ts';
import type { Shard } from '../shard/shard.ts';
import { SHARD_MANIFEST_FILE, type ShardManifest, writeShardManifest } from '../shard/shard-manifest.ts';
import { CLI_VERSION } from '../version.ts';
import { checkProgressBars, sameBars } from './check-progress.ts';
import { RUN_STATE_FILE, writeRunState } from './check-run-state.ts';
import { countKeptPoints } from './count-kept-points.ts';
import { displayPath } from './display-path.ts';
import type { PreparedCheck } from './prepared-check.ts';
import { resumeCommand } from './resume-command.ts';
import { runStateBuilder } from './run-state-builder.ts';
import { shardClaimPoints } from './shard-pairs.ts';
import { shellQuote } from './shell-quote.ts';

/** What `ntk check --shard k/n --json` prints on stdout. */
export interface CheckShardSummaryJson {
  /** Always `'ntk-check-shard-summary'`. */
  readonly format: 'ntk-check-shard-summary';
  /** The output directory (absolute). */
  readonly out: string;
  /** Which shard. */
  readonly shard: Shard;
  /** Points of this shard: in all, measured now, taken from the cache (`--resume`). */
  readonly points: { readonly total: number; readonly measured: number; readonly cached: number };
  /** The files: the manifest, the run state and the point cache directory. */
  readonly files: { readonly manifest: string; readonly run: string; readonly points: string };
}

/**
 * `ntk check --shard k/n`: measures this shard's (claim, point) pairs — dealt round-robin over the run's
 * pairs in claim then point order (`shardClaimPoints`) — with `measureClaimPoints` into `<out>/points`, and
 * writes `shard.json` (kind `check`, the run's settings, complete at the end) and `run.json`; no report
 * (`ntk merge` of all shards writes it). Interruption and `--resume` work as for a whole run.
 *
 * @param prepared - The checked input.
 * @param shard - Shard k of n.
 * @throws The signal's reason when interrupted; a `ClaimRunError` when a claim's code fails (exit code 1);
 *   the file system's error.
 * @example
 * ```ts
 * await runCheckShard(prepared, { index: 2, count: 3 });
 * ```
 */
export async function runCheckShard(prepared: PreparedCheck, shard: Shard): Promise<void> {
  const { options, settings, out, backend, choice, ctx } = prepared;
  const resume = options.resume === true;
  const cacheDir = join(out, 'points');
  const plan = shardClaimPoints(prepared.claims, settings.budget, shard).filter((p) => p.points.length > 0);
  const queries = plan.map((p) => ({ claimId: p.claim.id, points: p.points }));
  const total = queries.reduce((s, q) => s + q.points.length, 0);
  const kept = () => countKeptPoints(cacheDir, queries, settings.budget, settings.seed);
  const state = runStateBuilder(prepared, shard, total);
  const manifest = (complete: boolean): ShardManifest => ({
    format: 'ntk-shard',
    formatVersion: 1,
    kind: 'check',
    shard,
    complete,
    settings,
    cliVersion: CLI_VERSION,
  });
  const finished: string[] = [];
  await writeShardManifest(out, manifest(false));
  await writeRunState(out, state('running', { claimsFinished: [], pointsKept: resume ? await kept() : 0 }));

  const mode = progressMode(ctx.stdout);
  const progress = createProgressReporter(ctx.stderr, { mode });
  const where = `shard ${shard.index}/${shard.count}`;
  progress.log(
    `ntk check ${where}: ${total} of the run's points (${plan.length} claim${plan.length === 1 ? '' : 's'}), ` +
      `budget ${settings.budget}, seed ${settings.seed}, backend ${backend.info.name} (${choice.reason})` +
      `${resume ? ', resuming' : ''}`,
  );
  const start = performance.now();
  let done = 0;
  let lastBars: readonly ProgressUpdate[] = [];
  let measured = 0;
  let cached = 0;
  try {
    for (const [position, { claim, points }] of plan.entries()) {
      const before = done;
      await measureClaimPoints(claim, {
        points,
        budget: settings.budget,
        seed: settings.seed,
        backend,
        signal: ctx.signal,
        cacheDir,
        resume,
        onProgress: (p) => {
          const fraction = total === 0 ? 1 : (before + p.fraction * points.length) / total;
          const bars = checkProgressBars({
            claimPosition: position,
            claimCount: plan.length,
            claimId: claim.id,
            fraction,
            remainingMs: estimateRemainingMs(
              performance.now() - start,
              fraction,
              cached / Math.max(total, 1),
            ),
            pointPosition: p.pointPosition,
            pointCount: p.pointCount,
            claimFraction: p.fraction,
            claimRemainingMs: p.remainingMs,
          });
          if (!sameBars(bars, lastBars)) progress.update(bars);
          lastBars = bars;
        },
        onPoint: (o) => {
          done++;
          if (o.source === 'cache') cached++;
          else measured++;
          if (mode === 'lines') {
            progress.log(
              `  ${claim.id}: point ${o.index} done (${done}/${total} of ${where})${o.source === 'cache' ? ' (cached)' : ''}`,
            );
          }
        },
      });
      finished.push(claim.id);
      await writeRunState(out, state('running', { claimsFinished: finished, pointsKept: await kept() }));
    }
  } catch (error) {
    progress.stop();
    const pointsKept = await kept();
    if (isAbortError(error)) {
      await writeRunState(out, state('interrupted', { claimsFinished: finished, pointsKept }));
      ctx.stderr.write(
        `ntk check: interrupted: kept ${pointsKept} of ${total} points of ${where} in ` +
          `${displayPath(cacheDir, ctx.cwd)}; continue with: ${resumeCommand(options)}\n`,
      );
    } else {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      await writeRunState(out, state('failed', { claimsFinished: finished, pointsKept, error: message }));
    }
    throw error;
  }
  progress.stop();
  await writeRunState(out, state('complete', { claimsFinished: finished, pointsKept: await kept() }));
  await writeShardManifest(out, manifest(true));
  const files = {
    manifest: join(out, SHARD_MANIFEST_FILE),
    run: join(out, RUN_STATE_FILE),
    points: cacheDir,
  };
  if (options.json === true) {
    const summary: CheckShardSummaryJson = {
      format: 'ntk-check-shard-summary',
      out,
      shard,
      points: { total, measured, cached },
      files,
    };
    ctx.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    return;
  }
  const show = (p: string) => displayPath(p, ctx.cwd);
  ctx.stdout.write(
    `${[
      `${where}: ${total} point${total === 1 ? '' : 's'} (${measured} measured, ${cached} from the cache) of ${plan.length} claim${plan.length === 1 ? '' : 's'}`,
      'Wrote:',
      `  ${show(files.points)}/`,
      `  ${show(files.manifest)}`,
      `  ${show(files.run)}`,
      `When all ${shard.count} shards are done: ntk merge <the ${shard.count} shard directories> --out ntk-report` +
        ` (this one: ${shellQuote(options.out)})`,
    ].join('\n')}\n`,
  );
}
