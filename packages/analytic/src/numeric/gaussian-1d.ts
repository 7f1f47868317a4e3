import { gaussLegendre } from './gauss-legendre.ts';

const INV_SQRT_2PI = 0.3989422804014327;

/** A composite Gauss–Legendre rule for E[g(z)], z ~ N(0, 1), on [−range, range]: nodes and weights × density. */
export interface NormalRule {
  readonly nodes: Float64Array;
  readonly weights: Float64Array;
}

/**
 * Builds the composite rule on [−range, range] with panels of at most `panelWidth`, split at `breaks` (sorted or
 * not; those outside the range are ignored). Weights include the N(0, 1) density.
 */
export function normalRule(
  breaks: readonly number[],
  order: number,
  panelWidth: number,
  range: number,
): NormalRule {
  const pts: number[] = [-range, range];
  for (const b of breaks) if (b > -range && b < range && Number.isFinite(b)) pts.push(b);
  pts.sort((a, b) => a - b);
  const edges: number[] = [];
  for (let i = 0; i + 1 < pts.length; i++) {
    const a = pts[i] as number;
    const b = pts[i + 1] as number;
    if (b - a <= 0) continue;
    const m = Math.max(1, Math.ceil((b - a) / panelWidth));
    for (let k = 0; k < m; k++) edges.push(a + ((b - a) * k) / m);
  }
  edges.push(range);
  const { nodes: gx, weights: gw } = gaussLegendre(order);
  const panels = edges.length - 1;
  const nodes = new Float64Array(panels * order);
  const weights = new Float64Array(panels * order);
  let p = 0;
  for (let i = 0; i < panels; i++) {
    const a = edges[i] as number;
    const b = edges[i + 1] as number;
    const h = (b - a) / 2;
    const mid = (a + b) / 2;
    for (let k = 0; k < order; k++) {
      const z = mid + h * (gx[k] as number);
      nodes[p] = z;
      weights[p] = h * (gw[k] as number) * INV_SQRT_2PI * Math.exp(-0.5 * z * z);
      p++;
    }
  }
  return { nodes, weights };
}

/** E[f(√q z)], z ~ N(0, 1), by a composite rule split at the kinks (kink/√q). q = 0 gives f(0). */
export function gaussian1d(
  f: (x: number) => number,
  q: number,
  kinks: readonly number[],
  order: number,
  panelWidth: number,
  range: number,
): number {
  if (q === 0) return f(0);
  const r = Math.sqrt(q);
  const rule = normalRule(
    kinks.map((k) => k / r),
    order,
    panelWidth,
    range,
  );
  let sum = 0;
  for (let i = 0; i < rule.nodes.length; i++)
    sum += (rule.weights[i] as number) * f(r * (rule.nodes[i] as number));
  return sum;
}
