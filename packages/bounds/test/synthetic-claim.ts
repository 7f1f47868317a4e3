// A synthetic claim for the runner's tests: "the mean of X is μ" at a few grid points, measured by averaging
// keyed normal draws X = μ + shift + σ·Z. Equivalence test per point: the measured − predicted difference must
// lie within ±tolerance. With many draws it is supported; with shift > tolerance contradicted; with few draws
// (an interval wider than the accept region) inconclusive.
import { type Key, normal, splitKey } from '@ntk/core';
import type { Claim, ClaimParams } from '../src/claim/types.ts';
import { meanEstimate } from '../src/stats/mean-estimate.ts';

/** Grid point of the synthetic claim. */
export interface MeanParams extends ClaimParams {
  readonly mu: number;
}

/** Options of the synthetic claim. */
export interface SyntheticOptions {
  readonly id?: string;
  /** Offset of the measured mean from the prediction (0: the claim is true). */
  readonly shift?: number;
  /** Draws per point at quick / full budget. */
  readonly quickSamples?: number;
  readonly fullSamples?: number;
  /** Half-width of the accept region of each point's difference. */
  readonly tolerance?: number;
  /** Called at the start of every measure (to count calls, abort, or throw). */
  readonly onMeasure?: (params: MeanParams, index: number) => void;
  /** Throw from tests(). */
  readonly failTests?: boolean;
}

export function syntheticClaim(options: SyntheticOptions = {}): Claim<MeanParams> {
  const shift = options.shift ?? 0;
  const tolerance = options.tolerance ?? 0.1;
  const sigma = 1;
  const quick = [0.5, 1, 2, 4].map((mu) => ({ mu }));
  const full = [0.5, 1, 2, 4, 8, 16].map((mu) => ({ mu }));
  return {
    id: options.id ?? 'synthetic-mean',
    title: 'Synthetic: the mean of X is μ',
    citation: {
      authors: ['A. Author', 'B. Author'],
      title: 'A synthetic paper',
      year: 2024,
      venue: 'Nowhere 2024',
      arxiv: '2401.00001',
      locator: 'Theorem 1',
    },
    statement: 'The mean of X equals μ.',
    formula: '\\mathbb{E}[X] = \\mu',
    conditions: ['X = μ + σZ with Z standard normal'],
    conventions: 'None to convert.',
    assumptions: ['σ = 1'],
    method: 'monte-carlo',
    grid: { quick, full },
    predict: (p) => ({ mean: p.mu, bound: Number.POSITIVE_INFINITY }),
    async measure(p, ctx) {
      const index =
        ctx.budget === 'quick' ? quick.findIndex((q) => q.mu === p.mu) : full.findIndex((q) => q.mu === p.mu);
      options.onMeasure?.(p, index);
      const n = ctx.budget === 'quick' ? (options.quickSamples ?? 4000) : (options.fullSamples ?? 4000);
      const blocks = 4;
      const keys = splitKey(ctx.key, blocks);
      const all = new Float64Array(n);
      for (let b = 0; b < blocks; b++) {
        ctx.signal?.throwIfAborted();
        const lo = Math.floor((b * n) / blocks);
        const hi = Math.floor(((b + 1) * n) / blocks);
        const z = normal(keys[b] as Key, hi - lo);
        for (let i = lo; i < hi; i++) all[i] = p.mu + shift + sigma * (z[i - lo] as number);
        ctx.onProgress?.({ fraction: (b + 1) / blocks, message: `block ${b + 1}/${blocks}` });
        await Promise.resolve();
      }
      return {
        values: { mean: meanEstimate(all), nan: { value: Number.NaN } },
        settings: { samples: n, sigma, shift },
      };
    },
    tests(observations) {
      if (options.failTests) throw new Error('tests exploded');
      return observations.map((o) => {
        const m = o.measurement.values['mean'];
        const se = m?.standardError ?? 0;
        return {
          id: `mean-mu-${o.params.mu}`,
          description: `measured − predicted mean at μ = ${o.params.mu}; accept |Δ| ≤ ${tolerance}`,
          statistic: {
            value: (m?.value ?? Number.NaN) - (o.prediction['mean'] as number),
            standardError: se,
          },
          accept: { lo: -tolerance, hi: tolerance },
        };
      });
    },
    figure(observations) {
      return {
        title: 'Mean vs μ',
        x: { title: 'μ', scale: 'log' },
        y: { title: 'E[X]' },
        series: [
          {
            name: 'theory',
            role: 'prediction',
            points: observations.map((o) => ({ x: o.params.mu, y: o.prediction['mean'] as number })),
          },
          {
            name: 'measured',
            role: 'measurement',
            points: observations.map((o) => {
              const m = o.measurement.values['mean'] as { value: number; standardError: number };
              return {
                x: o.params.mu,
                y: m.value,
                lo: m.value - 2 * m.standardError,
                hi: m.value + 2 * m.standardError,
              };
            }),
          },
        ],
      };
    },
  };
}

/** A result without its timing and provenance fields (for comparing runs). */
export function comparable(result: unknown): unknown {
  const r = JSON.parse(JSON.stringify(result));
  delete r.startedAt;
  delete r.durationMs;
  for (const p of r.observations ?? []) {
    delete p.durationMs;
    delete p.source;
  }
  return r;
}
