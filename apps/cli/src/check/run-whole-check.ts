import { join } from 'node:path';
import { type ClaimResult, claims as registry, runClaims } from '@ntk/bounds';
import { isAbortError } from '../errors/classify-error.ts';
import { writeFileAtomic } from '../io/write-file-atomic.ts';
import { createProgressReporter, type ProgressUpdate, progressMode } from '../progress/progress-reporter.ts';
import { buildCheckReport } from './build-check-report.ts';
import { checkProgressBars, sameBars } from './check-progress.ts';
import { RUN_STATE_FILE, writeRunState } from './check-run-state.ts';
import { clearStaleOutputs } from './clear-stale-outputs.ts';
import { countKeptPoints } from './count-kept-points.ts';
import { displayPath } from './display-path.ts';
import { createFinishedPointTracker } from './finished-point-tracker.ts';
import type { PreparedCheck } from './prepared-check.ts';
import { resumeCommand } from './resume-command.ts';
import { runStateBuilder } from './run-state-builder.ts';
import { createSerialQueue } from './serial-queue.ts';
import { claimResultJson, claimResultPath, writeCheckOutputs } from './write-check-outputs.ts';

/**
 * Runs every selected claim (`runClaims` of `@ntk/bounds`) into the output directory: `points/` (each point
 * saved as soon as it is measured), `results/<id>.json` (each claim as soon as it is done), `run.json`
 * (running → complete), then the report files and the verdict table (or the `--json` summary). Progress goes
 * to stderr: bars on a terminal (overall `claim i/n <id>`, current claim `point j/m`, with time left), else
 * lines (one per finished point and per claim).
 *
 * When `ctx.signal` is aborted (Ctrl-C), the run stops between steps; what is finished stays (atomic files),
 * `run.json` says `interrupted`, stderr says what was kept and the command to continue with `--resume`, and
 * the signal's reason is thrown (exit code 130).
 *
 * @param prepared - The checked input.
 * @throws The signal's reason when interrupted; the file system's error.
 * @example
 * ```ts
 * await runWholeCheck({ options, claims, settings, out, backend, choice, ctx });
 * ```
 */
export async function runWholeCheck(prepared: PreparedCheck): Promise<void> {
  const { options, claims, settings, out, backend, choice, ctx } = prepared;
  const resume = options.resume === true;
  const cacheDir = join(out, 'points');
  const queries = claims.map((c) => ({ claimId: c.id, points: c.grid[settings.budget].map((_, i) => i) }));
  const total = queries.reduce((s, q) => s + q.points.length, 0);
  const kept = () => countKeptPoints(cacheDir, queries, settings.budget, settings.seed);
  const state = runStateBuilder(prepared, null, total);
  const finished: string[] = [];
  const resultFiles: string[] = [];
  const runFile = join(out, RUN_STATE_FILE);

  await clearStaleOutputs(out, [...new Set([...registry.map((c) => c.id), ...settings.claims])], resume);
  await writeRunState(out, state('running', { claimsFinished: [], pointsKept: resume ? await kept() : 0 }));

  const mode = progressMode(ctx.stdout);
  const progress = createProgressReporter(ctx.stderr, { mode });
  const count = claims.length;
  const tracker = createFinishedPointTracker((p) => {
    if (mode === 'lines') {
      progress.log(
        `  ${p.claimId}: point ${p.pointPosition + 1}/${p.pointCount} done${p.source === 'cache' ? ' (cached)' : ''}`,
      );
    }
  });
  const writes = createSerialQueue();
  progress.log(
    `ntk check: ${count} claim${count === 1 ? '' : 's'}, ${total} point${total === 1 ? '' : 's'}, budget ${settings.budget}, ` +
      `seed ${settings.seed}, backend ${backend.info.name} (${choice.reason})${resume ? ', resuming' : ''}`,
  );

  let lastPoint: { claimId: string; position: number; count: number } | undefined;
  let lastBars: readonly ProgressUpdate[] = [];
  let results: readonly ClaimResult[];
  let startedAt: string;
  let durationMs: number;
  try {
    const run = await runClaims(claims, {
      budget: settings.budget,
      seed: settings.seed,
      level: settings.level,
      backend,
      signal: ctx.signal,
      cacheDir,
      resume,
      onProgress: (p) => {
        if (p.claim !== undefined) {
          tracker.progress(p.claim);
          lastPoint = { claimId: p.claimId, position: p.claim.pointPosition, count: p.claim.pointCount };
        }
        const point = lastPoint?.claimId === p.claimId ? lastPoint : undefined;
        const bars = checkProgressBars({
          claimPosition: p.claimPosition,
          claimCount: p.claimCount,
          claimId: p.claimId,
          fraction: p.fraction,
          remainingMs: p.remainingMs,
          pointPosition: p.claim?.pointPosition ?? point?.position,
          pointCount: p.claim?.pointCount ?? point?.count,
          claimFraction: p.claimFraction,
          claimRemainingMs: p.claim?.remainingMs ?? (p.claimFraction >= 1 ? 0 : null),
        });
        if (!sameBars(bars, lastBars)) progress.update(bars);
        lastBars = bars;
      },
      onResult: (result, position) => {
        tracker.flush();
        const verdict =
          result.status === 'failed' ? `failed (${result.error?.stage ?? 'error'})` : result.verdict;
        progress.log(`claim ${position + 1}/${count} ${result.claimId}: ${verdict}`);
        const path = claimResultPath(out, result.claimId);
        writes.push(async () => {
          await writeFileAtomic(path, claimResultJson(result));
          finished.push(result.claimId);
          resultFiles.push(path);
        });
        writes.push(async () =>
          writeRunState(out, state('running', { claimsFinished: finished, pointsKept: await kept() })),
        );
      },
    });
    await writes.drain();
    results = run.results;
    startedAt = run.startedAt;
    durationMs = run.durationMs;
  } catch (error) {
    progress.stop();
    await writes.drain().catch(() => {});
    const pointsKept = await kept();
    if (isAbortError(error)) {
      await writeRunState(out, state('interrupted', { claimsFinished: finished, pointsKept }));
      ctx.stderr.write(
        `ntk check: interrupted: kept ${pointsKept} of ${total} points in ${displayPath(cacheDir, ctx.cwd)} and ` +
          `${finished.length} of ${count} claim results in ${displayPath(join(out, 'results'), ctx.cwd)}; ` +
          `continue with: ${resumeCommand(options)}\n`,
      );
    } else {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      await writeRunState(out, state('failed', { claimsFinished: finished, pointsKept, error: message }));
    }
    throw error;
  }
  progress.stop();
  const report = buildCheckReport({
    settings,
    backend: { info: backend.info, reason: choice.reason },
    origin: { kind: 'run' },
    startedAt,
    durationMs,
    results,
  });
  await writeCheckOutputs(
    out,
    report,
    { results: resultFiles, run: runFile, points: cacheDir },
    ctx,
    options.json === true,
  );
  await writeRunState(out, state('complete', { claimsFinished: finished, pointsKept: await kept() }));
}
