import { argumentError, Matrix } from '@ntk/core';
import type { EmpiricalMoments, MomentStats, MomentsBlock, MomentsUnit } from './types.ts';

const FN = 'mergeMomentsUnits';

function stats(n: number, mean: Float64Array, m2: Float64Array, rows: number, cols: number): MomentStats {
  const variance = new Float64Array(mean.length);
  const se = new Float64Array(mean.length);
  const ratio = new Float64Array(mean.length);
  let num = 0;
  let den = 0;
  for (let i = 0; i < mean.length; i++) {
    const m = mean[i] as number;
    const v = n > 1 ? (m2[i] as number) / (n - 1) : 0;
    variance[i] = v;
    se[i] = Math.sqrt(v / n);
    ratio[i] = m === 0 ? Infinity : ((m2[i] as number) / n + m * m) / (m * m);
    num += (m2[i] as number) / n + m * m;
    den += m * m;
  }
  return {
    mean: new Matrix(rows, cols, mean),
    variance: new Matrix(rows, cols, variance),
    stdError: new Matrix(rows, cols, se),
    ratio: new Matrix(rows, cols, ratio),
    frobeniusRatio: den === 0 ? Infinity : num / den,
  };
}

/**
 * Merges the units of a Monte-Carlo run into its moments: the blocks of all units are sorted by block
 * index and folded left to right with the exact pairwise update of Chan, Golub & LeVeque (1979):
 * n = n_a + n_b, δ = m_b − m_a, m = m_a + δ·n_b/n, M2 = M2_a + M2_b + δ²·n_a·n_b/n. The fold order depends
 * only on the block index, so any split of the keys into units (threads, processes, machines) gives the
 * same bits as a single run.
 *
 * @param units - Units from {@link empiricalMomentsUnit} (in any order; JSON round-trips are fine), covering
 *   every key 0..K−1 exactly once.
 * @returns The moments.
 * @throws {ArgumentRangeError} If the units come from different configs, overlap, or leave keys out.
 * @example
 * ```ts
 * const moments = mergeMomentsUnits(unitsFromFiles.map((t) => JSON.parse(t)));
 * ```
 */
export function mergeMomentsUnits(units: readonly MomentsUnit[]): EmpiricalMoments {
  if (!Array.isArray(units) || units.length === 0) {
    throw argumentError('type', FN, 'units', 'a non-empty array of units from empiricalMomentsUnit', units);
  }
  const first = units[0]!;
  for (let u = 0; u < units.length; u++) {
    const unit = units[u]!;
    if (unit === null || typeof unit !== 'object' || !Array.isArray(unit.blocks)) {
      throw argumentError('type', FN, `units[${u}]`, 'a unit from empiricalMomentsUnit', unit);
    }
    if (unit.fingerprint !== first.fingerprint) {
      throw argumentError(
        'range',
        FN,
        `units[${u}]`,
        'a unit of the same config as units[0]',
        unit.fingerprint,
      );
    }
  }
  const blocks: MomentsBlock[] = units.flatMap((u) => u.blocks).sort((a, b) => a.index - b.index);
  const K = first.samples;
  const expectedBlocks = Math.ceil(K / first.blockSize);
  const complete =
    blocks.length === expectedBlocks &&
    blocks.every(
      (blk, b) => blk.index === b && blk.count === Math.min(first.blockSize, K - b * first.blockSize),
    );
  if (!complete) {
    throw argumentError(
      'range',
      FN,
      'units',
      `units covering keys 0..${K - 1} exactly once (${expectedBlocks} blocks of ${first.blockSize}; got block indices ${blocks.map((blk) => blk.index).join(',')})`,
      units.map((u) => [u.start, u.end]),
    );
  }
  const nq = blocks[0]!.mean.length;
  const size = first.shape[0] * first.shape[1];
  const mean = Array.from({ length: nq }, () => new Float64Array(size));
  const m2 = Array.from({ length: nq }, () => new Float64Array(size));
  let n = 0;
  for (const blk of blocks) {
    const nb = blk.count;
    const total = n + nb;
    if (n === 0) {
      for (let q = 0; q < nq; q++) {
        mean[q]!.set(blk.mean[q]!);
        m2[q]!.set(blk.m2[q]!);
      }
      n = total;
      continue;
    }
    for (let q = 0; q < nq; q++) {
      const ma = mean[q]!;
      const sa = m2[q]!;
      const mb = blk.mean[q]!;
      const sb = blk.m2[q]!;
      for (let i = 0; i < size; i++) {
        const d = (mb[i] as number) - (ma[i] as number);
        ma[i] = (ma[i] as number) + (d * nb) / total;
        sa[i] = (sa[i] as number) + (sb[i] as number) + (d * d * n * nb) / total;
      }
    }
    n = total;
  }
  const [rows, cols] = first.shape;
  const all = mean.map((m, q) => stats(n, m, m2[q]!, rows, cols));
  return {
    samples: n,
    ntk: all[0]!,
    nngp: all[1]!,
    layers: first.layers > 0 ? all.slice(2) : null,
    shape: [rows, cols],
    fingerprint: first.fingerprint,
  };
}
