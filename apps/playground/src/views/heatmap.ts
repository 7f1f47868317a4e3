import { colorAt, cssGradient } from './colormap.ts';

/** Options of {@link drawHeatmap}. */
export interface HeatmapOptions {
  readonly map: 'viridis' | 'diverging';
  /** Colour range; defaults to [min, max] of the data (diverging: symmetric about 0). */
  readonly range?: readonly [number, number];
}

/** The colour range a heatmap of `data` uses. */
export function heatmapRange(data: ArrayLike<number>, options: HeatmapOptions): [number, number] {
  if (options.range) return [options.range[0], options.range[1]];
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < data.length; i++) {
    const v = data[i] as number;
    if (Number.isFinite(v)) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  if (!Number.isFinite(lo)) return [0, 1];
  if (options.map === 'diverging') {
    const m = Math.max(Math.abs(lo), Math.abs(hi)) || 1;
    return [-m, m];
  }
  return lo === hi ? [lo - 0.5, hi + 0.5] : [lo, hi];
}

/**
 * Draws an n×n row-major matrix into a canvas, one canvas pixel per entry (the page scales it up with
 * `image-rendering: pixelated`), and fills the legend element with the colour bar and its range.
 */
export function drawHeatmap(
  canvas: HTMLCanvasElement,
  legend: HTMLElement,
  data: ArrayLike<number>,
  n: number,
  options: HeatmapOptions,
): void {
  const [lo, hi] = heatmapRange(data, options);
  canvas.width = n;
  canvas.height = n;
  const ctx = canvas.getContext('2d');
  if (ctx === null) return;
  const img = ctx.createImageData(n, n);
  for (let i = 0; i < n * n; i++) {
    const [r, g, b] = colorAt(options.map, ((data[i] as number) - lo) / (hi - lo));
    img.data[4 * i] = r;
    img.data[4 * i + 1] = g;
    img.data[4 * i + 2] = b;
    img.data[4 * i + 3] = 255;
  }
  ctx.putImageData(img, 0, 0);
  legend.replaceChildren();
  const lo_ = document.createElement('span');
  lo_.textContent = formatNumber(lo);
  const bar = document.createElement('span');
  bar.className = 'bar';
  bar.style.background = cssGradient(options.map);
  const hi_ = document.createElement('span');
  hi_.textContent = formatNumber(hi);
  legend.append(lo_, bar, hi_);
}

/** Short number text for legends and captions. */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-3 || a >= 1e4)) return v.toExponential(2);
  return Number(v.toPrecision(3)).toString();
}
