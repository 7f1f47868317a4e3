import cliProgress from 'cli-progress';
import type { OutputStream } from '../context.ts';
import { formatDuration } from './format-duration.ts';

/** One bar's state: how far, what it is working on, and the estimated time left (`null`: not known yet). */
export interface ProgressUpdate {
  /** Fraction done, in [0, 1]. */
  readonly fraction: number;
  /** What is being done, e.g. `claim 3/13 jacot-2018-init-convergence`. */
  readonly label: string;
  /** Estimated milliseconds left, or `null`. */
  readonly remainingMs: number | null;
}

/**
 * Shows the progress of a long command: on a terminal, live bars (cli-progress, one per entry of
 * `update`: e.g. overall and the current item) with percentages and time left; otherwise plain lines,
 * written when the first bar's label changes or at most every `intervalMs` (default 5 s), so logs stay
 * short. `off` shows nothing (e.g. `--json` runs that want a clean stderr are still free to log).
 */
export interface ProgressReporter {
  /** New state of the bars (the first is the overall one). */
  update(bars: readonly ProgressUpdate[]): void;
  /** A line of text printed above the bars (or as is, in line mode). */
  log(line: string): void;
  /** Removes the bars (keeps the lines); call when done or interrupted. */
  stop(): void;
}

/** Options of {@link createProgressReporter}. */
export interface ProgressOptions {
  /** `bars` (a terminal), `lines` (a log file, CI) or `off`. */
  readonly mode: 'bars' | 'lines' | 'off';
  /** Least time between two plain lines with the same label, in ms (default 5000). */
  readonly intervalMs?: number;
  /** Clock (tests). */
  readonly now?: () => number;
}

/**
 * Creates a {@link ProgressReporter} writing to `stream` (stderr, so stdout keeps the results).
 * `bars` needs a real terminal stream (`process.stderr` on a TTY); use `progressMode` to choose.
 *
 * @param stream - Where to write.
 * @param options - Mode, line interval, clock.
 * @returns The reporter.
 * @example
 * ```ts
 * const progress = createProgressReporter(ctx.stderr, { mode: progressMode(ctx.stdout) });
 * progress.update([{ fraction: 0.5, label: 'claim 2/4', remainingMs: 30_000 }]);
 * progress.stop();
 * ```
 */
export function createProgressReporter(stream: OutputStream, options: ProgressOptions): ProgressReporter {
  if (options.mode === 'off') return { update: () => {}, log: () => {}, stop: () => {} };
  if (options.mode === 'lines') return lineReporter(stream, options);
  return barReporter(stream);
}

/**
 * Bars when `stdout` is a terminal (a person is watching), plain lines otherwise (a pipe, a log, CI).
 *
 * @param stdout - The command's stdout.
 * @returns The mode.
 */
export function progressMode(stdout: OutputStream): 'bars' | 'lines' {
  return stdout.isTTY === true ? 'bars' : 'lines';
}

function lineReporter(stream: OutputStream, options: ProgressOptions): ProgressReporter {
  const now = options.now ?? (() => Date.now());
  const interval = options.intervalMs ?? 5000;
  let lastLabel = '';
  let lastAt = -Infinity;
  return {
    update(bars) {
      const first = bars[0];
      if (first === undefined) return;
      const t = now();
      if (first.label === lastLabel && t - lastAt < interval && first.fraction < 1) return;
      lastLabel = first.label;
      lastAt = t;
      const parts = bars.map(
        (b) => `${b.label} ${Math.floor(100 * clamp(b.fraction))}% (~${formatDuration(b.remainingMs)} left)`,
      );
      stream.write(`${parts.join(' · ')}\n`);
    },
    log(line) {
      stream.write(`${line}\n`);
    },
    stop() {},
  };
}

function barReporter(stream: OutputStream): ProgressReporter {
  const multi = new cliProgress.MultiBar(
    {
      stream: stream as unknown as NodeJS.WritableStream,
      format: ' {bar} {percentage}% | {label} | ~{left} left',
      hideCursor: true,
      clearOnComplete: true,
      autopadding: true,
      barsize: 24,
      etaBuffer: 1,
    },
    cliProgress.Presets.shades_classic,
  );
  const bars: cliProgress.SingleBar[] = [];
  return {
    update(states) {
      states.forEach((s, i) => {
        const payload = { label: s.label, left: formatDuration(s.remainingMs) };
        const value = Math.round(1000 * clamp(s.fraction));
        let bar = bars[i];
        if (bar === undefined) {
          bar = multi.create(1000, value, payload);
          bars.push(bar);
        } else {
          bar.update(value, payload);
        }
      });
    },
    log(line) {
      multi.log(`${line}\n`);
    },
    stop() {
      multi.stop();
    },
  };
}

function clamp(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}
