import { argumentError, Matrix } from '@ntk/core';
import type { Mlp } from './mlp.ts';

/**
 * Checks that a value looks like an {@link Mlp} (spec, inputDim, one layer per depth + 1, activation).
 * Shapes are validated where networks are made ({@link initMlp}, {@link importMlpWeights}).
 *
 * @param fn - Calling function.
 * @param net - Candidate.
 * @returns The network.
 * @throws {ArgumentTypeError} If it is not a network.
 */
export function checkMlp(fn: string, net: unknown): Mlp {
  const n = net as Partial<Mlp> | null;
  if (
    n === null ||
    typeof n !== 'object' ||
    typeof n.spec !== 'object' ||
    typeof n.inputDim !== 'number' ||
    !Array.isArray(n.layers) ||
    n.layers.length !== (n.spec?.depth ?? -1) + 1 ||
    !n.layers.every((l) => l.W instanceof Matrix && l.b instanceof Float64Array) ||
    typeof n.activation?.phi?.fn !== 'function'
  ) {
    throw argumentError('type', fn, 'net', 'a network (from initMlp or importMlpWeights)', net);
  }
  return n as Mlp;
}
