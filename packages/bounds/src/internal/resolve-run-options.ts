import { argumentError, type Backend, cpuBackend } from '@ntk/core';
import type { Budget } from '../claim/types.ts';

/** Options shared by the run functions. @internal */
export interface RunOptionsInput {
  readonly budget?: Budget;
  readonly seed?: number;
  readonly backend?: Backend;
  readonly signal?: AbortSignal;
  readonly cacheDir?: string;
  readonly resume?: boolean;
  readonly level?: number;
}

/** Validated options with defaults. @internal */
export interface ResolvedRunOptions {
  readonly budget: Budget;
  readonly seed: number;
  readonly backend: Backend;
  readonly signal: AbortSignal | undefined;
  readonly cacheDir: string | undefined;
  readonly resume: boolean;
  readonly level: number;
}

/** Validates the run options (throwing argument errors that name `fn`) and applies the defaults. @internal */
export function resolveRunOptions(fn: string, options: RunOptionsInput): ResolvedRunOptions {
  if (options === null || typeof options !== 'object') {
    throw argumentError('type', fn, 'options', 'an options object', options);
  }
  const budget = options.budget ?? 'quick';
  if (budget !== 'quick' && budget !== 'full') {
    throw argumentError('range', fn, 'options.budget', "'quick' or 'full'", budget);
  }
  const seed = options.seed ?? 0;
  if (!Number.isSafeInteger(seed)) throw argumentError('range', fn, 'options.seed', 'a safe integer', seed);
  const level = options.level ?? 0.95;
  if (!(typeof level === 'number' && level > 0 && level < 1)) {
    throw argumentError('range', fn, 'options.level', 'a number in (0, 1)', level);
  }
  if (options.cacheDir !== undefined && (typeof options.cacheDir !== 'string' || options.cacheDir === '')) {
    throw argumentError('type', fn, 'options.cacheDir', 'a non-empty directory path', options.cacheDir);
  }
  if (options.resume !== undefined && typeof options.resume !== 'boolean') {
    throw argumentError('type', fn, 'options.resume', 'a boolean', options.resume);
  }
  if (options.resume === true && options.cacheDir === undefined) {
    throw argumentError('range', fn, 'options.resume', 'used together with options.cacheDir', true);
  }
  if (options.signal !== undefined && !(options.signal instanceof AbortSignal)) {
    throw argumentError('type', fn, 'options.signal', 'an AbortSignal', options.signal);
  }
  const backend = options.backend ?? cpuBackend();
  if (backend === null || typeof backend !== 'object' || typeof backend.info !== 'object') {
    throw argumentError('type', fn, 'options.backend', 'a Backend (e.g. cpuBackend())', backend);
  }
  return {
    budget,
    seed,
    backend,
    signal: options.signal,
    cacheDir: options.cacheDir,
    resume: options.resume ?? false,
    level,
  };
}
