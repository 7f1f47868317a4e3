import type { PhaseDocument } from './phase-document.ts';

/** log₁₀ χ₁ is shown clamped to ±this (χ₁ from 0.32 to 3.2); the files hold the exact values. */
export const LOG_CHI1_CLAMP = 0.5;

/**
 * The Vega-Lite spec of `phase.svg` (inline data, for `vegaLiteToSvg`): a heatmap of log₁₀ χ₁ over the σ_w² ×
 * σ_b² grid (blue: ordered, χ₁ < 1; orange: chaotic, χ₁ > 1) with the edge-of-chaos curve χ₁ = 1 drawn over
 * it in black; with `depth`, below it the normalised NTK ρ_Θ^l against the layer l at the profile's points.
 *
 * @param doc - The phase document.
 * @returns A Vega-Lite v6 spec.
 * @example
 * ```ts
 * const svg = await vegaLiteToSvg(phaseFigure(doc));
 * ```
 */
export function phaseFigure(doc: PhaseDocument): Record<string, unknown> {
  const { sigmaW2, sigmaB2 } = doc.grid;
  const hw = ((sigmaW2.at(-1) as number) - (sigmaW2[0] as number)) / (sigmaW2.length - 1) / 2;
  const hb = ((sigmaB2.at(-1) as number) - (sigmaB2[0] as number)) / (sigmaB2.length - 1) / 2;
  const cells = doc.points.map((p) => ({
    w0: p.sigmaW2 - hw,
    w1: p.sigmaW2 + hw,
    b0: p.sigmaB2 - hb,
    b1: p.sigmaB2 + hb,
    logChi1: Math.max(-LOG_CHI1_CLAMP, Math.min(LOG_CHI1_CLAMP, Math.log10(p.chi1))),
  }));
  const [wLo, wHi] = [(sigmaW2[0] as number) - hw, (sigmaW2.at(-1) as number) + hw];
  const [bLo, bHi] = [(sigmaB2[0] as number) - hb, (sigmaB2.at(-1) as number) + hb];
  const edge = doc.edgeOfChaos
    .filter((p) => p.sigmaW2 !== null && p.sigmaW2 >= wLo && p.sigmaW2 <= wHi)
    .map((p) => ({ sigmaW2: p.sigmaW2, sigmaB2: p.sigmaB2 }));
  const x = { scale: { domain: [wLo, wHi], nice: false, zero: false } };
  const y = { scale: { domain: [bLo, bHi], nice: false, zero: false } };
  const diagram = {
    title: {
      text: `Phase diagram of ${doc.settings.activation} at infinite width`,
      subtitle: 'blue: ordered, orange: chaotic, black: χ₁ = 1',
    },
    width: 360,
    height: 300,
    layer: [
      {
        data: { values: cells },
        mark: 'rect',
        encoding: {
          x: { field: 'w0', type: 'quantitative', title: 'σ_w²', ...x },
          x2: { field: 'w1' },
          y: { field: 'b0', type: 'quantitative', title: 'σ_b²', ...y },
          y2: { field: 'b1' },
          color: {
            field: 'logChi1',
            type: 'quantitative',
            title: 'log₁₀ χ₁',
            scale: { scheme: 'blueorange', domain: [-LOG_CHI1_CLAMP, LOG_CHI1_CLAMP], clamp: true },
          },
        },
      },
      {
        data: { values: edge },
        mark: { type: 'line', color: 'black', strokeWidth: 2, point: { color: 'black', size: 12 } },
        encoding: {
          x: { field: 'sigmaW2', type: 'quantitative', ...x },
          y: { field: 'sigmaB2', type: 'quantitative', ...y },
          order: { field: 'sigmaB2' },
        },
      },
    ],
  };
  const profiles = doc.profiles;
  const schema = 'https://vega.github.io/schema/vega-lite/v6.json';
  if (profiles === undefined) return { $schema: schema, ...diagram };
  const values = profiles.points.flatMap((p) =>
    p.rho.map((rho, l) => ({
      layer: l + 1,
      rho,
      point: `σ_w² ${p.sigmaW2.toPrecision(4)}, σ_b² ${p.sigmaB2.toPrecision(3)}: ${p.phase}`,
    })),
  );
  return {
    $schema: schema,
    vconcat: [
      diagram,
      {
        title: {
          text: 'Normalised NTK against depth',
          subtitle: `ρ_Θ^l = Θ^l(x, x′)/√(Θ^l(x, x) Θ^l(x′, x′)), inputs at 60°, L = ${profiles.depth}`,
        },
        width: 360,
        height: 300,
        data: { values },
        mark: { type: 'line', point: profiles.depth <= 40 },
        encoding: {
          x: { field: 'layer', type: 'quantitative', title: 'layer l' },
          y: { field: 'rho', type: 'quantitative', title: 'ρ_Θ^l', scale: { zero: false } },
          color: { field: 'point', type: 'nominal', title: null, legend: { labelLimit: 400 } },
        },
      },
    ],
  };
}
