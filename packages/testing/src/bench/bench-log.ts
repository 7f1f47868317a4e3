import os from 'node:os';

/** Where a benchmark script puts its rows: printed as JSON lines at once, kept for the closing table. */
export interface BenchLog {
  /** Every row emitted so far. */
  readonly rows: Record<string, unknown>[];
  /** Prints a row as one JSON line and keeps it. */
  emit(row: Record<string, unknown>): void;
  /** The 1-minute load average (2 decimals), recorded in every row: figures under load mislead. */
  load(): number;
  /** Emits the `env` row: Node, CPUs, load, and what the script adds (e.g. threads). */
  env(extra?: Record<string, unknown>): void;
  /** Prints the Markdown table of the `ntk-structured` rows (N, backend, dtype, threads, seconds, GFLOP/s, load). */
  printNtkTable(): void;
}

/**
 * Creates the {@link BenchLog} of a benchmark script (`bench/run.ts` of a package; figures, never assertions).
 *
 * @returns The log.
 * @example
 * ```ts
 * const log = createBenchLog();
 * log.env({ threads: 2 });
 * log.emit({ bench: 'matmul', seconds: 0.01, load1: log.load() });
 * ```
 */
export function createBenchLog(): BenchLog {
  const rows: Record<string, unknown>[] = [];
  const emit = (row: Record<string, unknown>): void => {
    rows.push(row);
    console.log(JSON.stringify(row));
  };
  return {
    rows,
    emit,
    load: () => +(os.loadavg()[0] as number).toFixed(2),
    env: (extra = {}) =>
      emit({
        bench: 'env',
        node: process.version,
        cpus: os.cpus().length,
        cpu: os.cpus()[0]?.model,
        load: os.loadavg(),
        ...extra,
      }),
    printNtkTable: () => {
      console.log(
        '\n| N | backend | dtype | threads | seconds | GFLOP/s | load1 |\n|---|---|---|---|---|---|---|',
      );
      for (const r of rows.filter((x) => x['bench'] === 'ntk-structured')) {
        console.log(
          `| ${r['N']} | ${r['backend']} | ${r['dtype']} | ${r['threads']} | ${r['seconds']} | ${r['gflops']} | ${r['load1']} |`,
        );
      }
    },
  };
}

/**
 * The value of a `--name value` command-line flag, or the default.
 *
 * @param args - The arguments (`process.argv.slice(2)`).
 * @param name - The flag, e.g. `--sizes`.
 * @param fallback - Its default.
 * @returns The value.
 */
export function benchFlag(args: readonly string[], name: string, fallback: string): string {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? (args[i + 1] as string) : fallback;
}

/**
 * The best wall time of `repeat` runs after one warm-up run, in seconds.
 *
 * @param fn - What to time.
 * @param repeat - Timed runs.
 * @returns The fastest run's seconds.
 */
export async function bestSeconds(fn: () => Promise<unknown>, repeat: number): Promise<number> {
  await fn();
  let b = Number.POSITIVE_INFINITY;
  for (let r = 0; r < repeat; r++) {
    const t0 = performance.now();
    await fn();
    b = Math.min(b, (performance.now() - t0) / 1000);
  }
  return b;
}
