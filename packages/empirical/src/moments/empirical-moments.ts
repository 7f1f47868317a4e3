import { argumentError, type Backend, checkInteger } from '@ntk/core';
import { empiricalMomentsUnit } from './empirical-moments-unit.ts';
import { mergeMomentsUnits } from './merge-moments-units.ts';
import { resolveMomentsConfig } from './resolve-moments-config.ts';
import type { EmpiricalMoments, MomentsConfig, MomentsProgress, MomentsUnit } from './types.ts';
import { toWireConfig } from './wire-config.ts';

const FN = 'empiricalMoments';

/** Options of {@link empiricalMoments}. */
export interface EmpiricalMomentsOptions {
  /** 0 (default): run in this thread; n ≥ 1: n Node worker threads, one block of keys per task. */
  readonly workers?: number;
  /** Backend for the in-thread run (workers = 0 only; workers use the float64 CPU reference). */
  readonly backend?: Backend;
  /** Called after each initialisation with { done, total }. */
  readonly onProgress?: (progress: MomentsProgress) => void;
  /** Cancels the run (workers are terminated); the promise rejects with `signal.reason`. */
  readonly signal?: AbortSignal;
}

function blockRanges(samples: number, blockSize: number): [number, number][] {
  const out: [number, number][] = [];
  for (let s = 0; s < samples; s += blockSize) out.push([s, Math.min(samples, s + blockSize)]);
  return out;
}

/**
 * Monte-Carlo moments of the empirical NTK, the empirical NNGP and (optionally) the per-layer Θ̂_l over K
 * random initialisations key_k = foldIn(config.key, k): mean, unbiased variance, standard error and
 * E[x²]/E[x]² of every entry (or of `config.entries`), streamed in float64 (Welford per block of keys, then
 * the exact pairwise merge in block order: see {@link empiricalMomentsUnit} and {@link mergeMomentsUnits}).
 * The result is bit-identical for any number of workers, and to units run in separate processes.
 *
 * In the infinite-width limit (NTK parameterisation) the mean tends to the analytic Θ and Σ of
 * `@ntk/analytic` (Jacot et al. 2018, "Neural Tangent Kernel", NeurIPS), with fluctuations O(1/√width)
 * (Hanin & Nica 2020, "Finite Depth and Width Corrections to the Neural Tangent Kernel", ICLR).
 *
 * @param config - Spec, inputs, key, K and options (plain data).
 * @param options - Workers, backend, progress, cancellation.
 * @returns The moments.
 * @throws {ArgumentTypeError} / {@link @ntk/core!ArgumentRangeError} / {@link @ntk/core!ShapeError} For a bad config or option.
 *   Rejects with `signal.reason` when aborted, or with a worker's error.
 * @example
 * ```ts
 * const m = await empiricalMoments(
 *   { spec: { activation: 'relu', depth: 2, widths: 256, sigmaW2: 2 }, X1: X, key: key(0), samples: 64 },
 *   { workers: 2, onProgress: ({ done, total }) => console.log(done, '/', total) },
 * );
 * m.ntk.mean.get(0, 1); m.ntk.stdError.get(0, 1);
 * ```
 */
export async function empiricalMoments(
  config: MomentsConfig,
  options: EmpiricalMomentsOptions = {},
): Promise<EmpiricalMoments> {
  const r = resolveMomentsConfig(FN, config);
  const workers = checkInteger(FN, 'options.workers', options.workers ?? 0, 0, 256);
  if (workers > 0 && options.backend !== undefined) {
    throw argumentError(
      'range',
      FN,
      'options.backend',
      'omitted when workers > 0 (workers use the CPU reference)',
      options.backend.info,
    );
  }
  if (options.onProgress !== undefined && typeof options.onProgress !== 'function') {
    throw argumentError('type', FN, 'options.onProgress', 'a function', options.onProgress);
  }
  const signal = options.signal;
  if (signal?.aborted) throw signal.reason;
  let done = 0;
  const tick = (): void => {
    done++;
    options.onProgress?.({ done, total: r.samples });
  };
  const ranges = blockRanges(r.samples, r.blockSize);
  if (workers === 0) {
    const unit = await empiricalMomentsUnit(config, 0, r.samples, {
      ...(options.backend === undefined ? {} : { backend: options.backend }),
      ...(signal === undefined ? {} : { signal }),
      onSample: tick,
    });
    return mergeMomentsUnits([unit]);
  }
  const units = await runOnWorkers(config, ranges, Math.min(workers, ranges.length), tick, signal);
  return mergeMomentsUnits(units);
}

async function runOnWorkers(
  config: MomentsConfig,
  ranges: [number, number][],
  count: number,
  tick: () => void,
  signal: AbortSignal | undefined,
): Promise<MomentsUnit[]> {
  const { Worker } = await import('node:worker_threads');
  const here = import.meta.url;
  const fromSource = here.endsWith('.ts');
  const url = new URL(fromSource ? './moments-worker.ts' : './moments-worker.js', here);
  let make = (): InstanceType<typeof Worker> => new Worker(url);
  if (fromSource) {
    // Running from TypeScript sources (tests, tsx): the worker registers tsx's loader, then imports the
    // entry with the same `@ntk/source` condition.
    const { createRequire } = await import('node:module');
    const { pathToFileURL } = await import('node:url');
    const pkg = createRequire(here).resolve('tsx/package.json');
    const tsx = pathToFileURL(pkg.replace(/package\.json$/, 'dist/esm/api/index.mjs')).href;
    const code = `import(${JSON.stringify(tsx)}).then((m) => m.register()).then(() => import(${JSON.stringify(url.href)}));`;
    make = () => new Worker(code, { eval: true, execArgv: ['--conditions=@ntk/source'] });
  }
  const wire = toWireConfig(config);
  const pool = Array.from({ length: count }, make);
  const results: MomentsUnit[] = [];
  let next = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      let active = 0;
      let failed = false;
      const fail = (e: unknown): void => {
        if (failed) return;
        failed = true;
        reject(e);
      };
      const onAbort = (): void => fail(signal!.reason);
      signal?.addEventListener('abort', onAbort, { once: true });
      const feed = (w: (typeof pool)[number]): void => {
        if (failed) return;
        if (next >= ranges.length) {
          if (active === 0) {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          }
          return;
        }
        const id = next++;
        const [start, end] = ranges[id]!;
        active++;
        w.postMessage({ type: 'run', id, config: wire, start, end });
      };
      for (const w of pool) {
        w.on('message', (msg: { type: string; unit?: MomentsUnit; name?: string; message?: string }) => {
          if (failed) return;
          if (msg.type === 'sample') tick();
          else if (msg.type === 'done') {
            results.push(msg.unit!);
            active--;
            feed(w);
          } else if (msg.type === 'error') {
            const e = new Error(msg.message);
            e.name = msg.name ?? 'Error';
            fail(e);
          }
        });
        w.on('error', fail);
        w.on('exit', (code) => {
          if (code !== 0) fail(new Error(`${FN}: a worker exited with code ${code}`));
        });
        feed(w);
      }
    });
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return results;
}
