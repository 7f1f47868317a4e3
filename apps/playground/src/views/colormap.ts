/** Colour maps for the heatmaps: viridis (sequential) and a blue–white–red diverging map. */

type Rgb = readonly [number, number, number];

const VIRIDIS: readonly Rgb[] = [
  [68, 1, 84],
  [72, 40, 120],
  [62, 73, 137],
  [49, 104, 142],
  [38, 130, 142],
  [31, 158, 137],
  [53, 183, 121],
  [109, 205, 89],
  [180, 222, 44],
  [253, 231, 37],
];

const DIVERGING: readonly Rgb[] = [
  [33, 102, 172],
  [103, 169, 207],
  [209, 229, 240],
  [247, 247, 247],
  [253, 219, 199],
  [239, 138, 98],
  [178, 24, 43],
];

function lerp(stops: readonly Rgb[], t: number): Rgb {
  const u = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(u));
  const f = u - i;
  const a = stops[i] as Rgb;
  const b = stops[i + 1] as Rgb;
  return [a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1]), a[2] + f * (b[2] - a[2])];
}

/** The colour of t ∈ [0, 1] (clamped; NaN → 0). */
export function colorAt(map: 'viridis' | 'diverging', t: number): Rgb {
  return lerp(map === 'viridis' ? VIRIDIS : DIVERGING, t);
}

/** A CSS linear-gradient of a map, for legends. */
export function cssGradient(map: 'viridis' | 'diverging'): string {
  const stops = map === 'viridis' ? VIRIDIS : DIVERGING;
  return `linear-gradient(to right, ${stops.map((c) => `rgb(${c.join(',')})`).join(', ')})`;
}
