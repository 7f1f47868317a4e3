import { Matrix } from '@ntk/core';
import type { MomentsConfig } from './types.ts';

/** A {@link MomentsConfig} as structured-clone/JSON-safe data (matrices as { rows, cols, data }, key as numbers). */
export interface WireMomentsConfig extends Omit<MomentsConfig, 'X1' | 'X2' | 'key'> {
  readonly X1: { rows: number; cols: number; data: number[] };
  readonly X2?: { rows: number; cols: number; data: number[] };
  readonly key: [number, number];
}

/**
 * Converts a config to plain data for a worker message (exact: float64 values are copied, not rounded).
 *
 * @param c - Config.
 * @returns Plain data.
 */
export function toWireConfig(c: MomentsConfig): WireMomentsConfig {
  const m = (x: Matrix): { rows: number; cols: number; data: number[] } => ({
    rows: x.rows,
    cols: x.cols,
    data: Array.from(x.data),
  });
  const { X1, X2, key, ...rest } = c;
  return {
    ...rest,
    X1: m(X1),
    ...(X2 === undefined ? {} : { X2: m(X2) }),
    key: [key[0] as number, key[1] as number],
  };
}

/**
 * Inverse of {@link toWireConfig}.
 *
 * @param w - Plain data.
 * @returns The config.
 */
export function fromWireConfig(w: WireMomentsConfig): MomentsConfig {
  const m = (x: { rows: number; cols: number; data: number[] }): Matrix =>
    new Matrix(x.rows, x.cols, Float64Array.from(x.data));
  const { X1, X2, key, ...rest } = w;
  return { ...rest, X1: m(X1), ...(X2 === undefined ? {} : { X2: m(X2) }), key: Uint32Array.from(key) };
}
