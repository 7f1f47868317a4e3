import {
  argumentError,
  checkInteger,
  checkKey,
  checkMatrix,
  type FloatArray,
  foldIn,
  type Key,
  type Matrix,
  ShapeError,
} from '@ntk/core';
import { resolveFiniteSpec } from '../network/resolve-finite-spec.ts';
import type { NtkOutputMode } from '../ntk/types.ts';
import type { MomentsConfig } from './types.ts';

/** A validated {@link MomentsConfig} with defaults filled in. */
export interface ResolvedMomentsConfig {
  readonly config: MomentsConfig;
  readonly X1: Matrix<FloatArray>;
  readonly X2: Matrix<FloatArray> | undefined;
  readonly key: Key;
  readonly samples: number;
  readonly perLayer: boolean;
  readonly outputMode: NtkOutputMode;
  readonly entries: ReadonlyArray<readonly [number, number]> | null;
  readonly blockSize: number;
  readonly depth: number;
  /** Rows and columns of the full kernel. */
  readonly kernelShape: readonly [number, number];
  /** Shape of each statistic. */
  readonly shape: readonly [number, number];
  readonly fingerprint: string;
}

function fnv(h: number, bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ (bytes[i] as number), 16777619) >>> 0;
  return h;
}

function hashMatrix(m: Matrix<FloatArray>): string {
  const d = Float64Array.from(m.data);
  return `${m.rows}x${m.cols}:${fnv(2166136261, new Uint8Array(d.buffer)).toString(16)}`;
}

/**
 * Validates a Monte-Carlo config.
 *
 * @param fn - Calling function.
 * @param config - Candidate.
 * @returns The resolved config.
 * @throws {ArgumentTypeError} / {@link @ntk/core!ArgumentRangeError} / {@link @ntk/core!ShapeError} Naming the bad field.
 */
export function resolveMomentsConfig(fn: string, config: unknown): ResolvedMomentsConfig {
  if (config === null || typeof config !== 'object') {
    throw argumentError('type', fn, 'config', 'a MomentsConfig { spec, X1, key, samples, … }', config);
  }
  const c = config as MomentsConfig;
  const spec = resolveFiniteSpec(c.spec, fn);
  const X1 = checkMatrix(fn, 'config.X1', c.X1);
  const X2 = c.X2 === undefined ? undefined : checkMatrix(fn, 'config.X2', c.X2);
  if (X2 !== undefined && X2.cols !== X1.cols) {
    throw new ShapeError(fn, 'config.X2', `N2×${X1.cols}`, X2.shapeText, 'same input dimension as X1');
  }
  const key = checkKey(fn, 'config.key', c.key);
  const samples = checkInteger(fn, 'config.samples', c.samples, 1, 2 ** 32);
  const perLayer = c.perLayer ?? false;
  if (typeof perLayer !== 'boolean')
    throw argumentError('type', fn, 'config.perLayer', 'a boolean', perLayer);
  const outputMode = c.outputMode ?? 'mean';
  if (outputMode !== 'trace' && outputMode !== 'mean' && outputMode !== 'full') {
    throw argumentError('range', fn, 'config.outputMode', '"trace", "mean" or "full"', outputMode);
  }
  const blockSize = checkInteger(fn, 'config.blockSize', c.blockSize ?? 8, 1, 2 ** 20);
  const O = outputMode === 'full' ? spec.outputs : 1;
  const kernelShape = [X1.rows * O, (X2 ?? X1).rows * O] as const;
  let entries: ReadonlyArray<readonly [number, number]> | null = null;
  if (c.entries !== undefined) {
    if (!Array.isArray(c.entries) || c.entries.length === 0) {
      throw argumentError('type', fn, 'config.entries', 'a non-empty array of [i, j] pairs', c.entries);
    }
    entries = c.entries.map((e, n) => {
      if (!Array.isArray(e) || e.length !== 2) {
        throw argumentError('type', fn, `config.entries[${n}]`, 'a pair [i, j]', e);
      }
      checkInteger(fn, `config.entries[${n}][0]`, e[0], 0, kernelShape[0] - 1);
      checkInteger(fn, `config.entries[${n}][1]`, e[1], 0, kernelShape[1] - 1);
      return [e[0], e[1]] as const;
    });
  }
  const shape = entries === null ? kernelShape : ([entries.length, 1] as const);
  // Touch foldIn once so that a bad key fails here, not in a worker.
  foldIn(key, 0);
  const fingerprint = JSON.stringify({
    spec,
    X1: hashMatrix(X1),
    X2: X2 === undefined ? null : hashMatrix(X2),
    key: [key[0], key[1]],
    samples,
    perLayer,
    outputMode,
    entries,
    blockSize,
  });
  return {
    config: c,
    X1,
    X2,
    key,
    samples,
    perLayer,
    outputMode,
    entries,
    blockSize,
    depth: spec.depth,
    kernelShape,
    shape,
    fingerprint,
  };
}
