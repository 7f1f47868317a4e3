import type { KernelDocument } from './kernel-document.ts';

/** Largest number of inputs shown in the heatmap (the first ones; the files hold all of them). */
export const HEATMAP_MAX_INPUTS = 100;

/**
 * The Vega-Lite spec of `kernel.svg` (inline data, for `vegaLiteToSvg`): for `angles` data, Θ(x₀, x_θ) and
 * Σ(x₀, x_θ) against the angle θ (in units of π) between the inputs; otherwise a heatmap of Θ(x_i, x_j) (the
 * first {@link HEATMAP_MAX_INPUTS} inputs when there are more).
 *
 * @param doc - The kernel document.
 * @returns A Vega-Lite v6 spec.
 * @example
 * ```ts
 * const svg = await vegaLiteToSvg(kernelFigure(doc));
 * ```
 */
export function kernelFigure(doc: KernelDocument): Record<string, unknown> {
  const s = doc.settings;
  const net = `${s.activation}, depth ${s.depth}, σ_w² = ${s.sigmaW2}, σ_b² = ${s.sigmaB2}`;
  const thetas = doc.data.thetas;
  if (thetas !== undefined) {
    const values = thetas.flatMap((t, j) => [
      { theta: t / Math.PI, kernel: 'NTK Θ(x₀, x_θ)', value: doc.ntk[0]?.[j] as number },
      { theta: t / Math.PI, kernel: 'NNGP Σ(x₀, x_θ)', value: doc.nngp[0]?.[j] as number },
    ]);
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: { text: 'Infinite-width kernels against the angle', subtitle: net },
      width: 420,
      height: 280,
      data: { values },
      mark: { type: 'line', point: true },
      encoding: {
        x: { field: 'theta', type: 'quantitative', title: 'angle θ between the inputs (× π)' },
        y: { field: 'value', type: 'quantitative', title: 'kernel value' },
        color: { field: 'kernel', type: 'nominal', title: null },
      },
    };
  }
  const n = Math.min(doc.ntk.length, HEATMAP_MAX_INPUTS);
  const values: { i: number; j: number; ntk: number }[] = [];
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) values.push({ i, j, ntk: doc.ntk[i]?.[j] as number });
  const shown = n < doc.ntk.length ? ` (first ${n} of ${doc.ntk.length} inputs)` : '';
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: `Infinite-width NTK Θ(x_i, x_j)${shown}`, subtitle: `${net}; ${doc.data.description}` },
    width: 360,
    height: 360,
    data: { values },
    mark: 'rect',
    encoding: {
      x: { field: 'j', type: 'ordinal', title: 'j' },
      y: { field: 'i', type: 'ordinal', title: 'i' },
      color: { field: 'ntk', type: 'quantitative', title: 'Θ', scale: { scheme: 'viridis' } },
    },
  };
}
