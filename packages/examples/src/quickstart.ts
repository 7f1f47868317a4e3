// The README quick start: the infinite-width NTK of a ReLU network on points at prescribed angles, printed
// beside the Monte-Carlo mean of the empirical NTK of finite networks (and its standard error), so a reader
// sees the theory and a measurement agree. Seeds are fixed and printed: the output is the same on every run.

import { mlpKernels } from '@ntk/analytic';
import { key, type MlpSpec, pointsAtAngles } from '@ntk/core';
import { empiricalMoments } from '@ntk/empirical';

/** Runs the example and returns the text it prints. */
export async function quickstart(options: { width?: number; samples?: number } = {}): Promise<string> {
  const width = options.width ?? 512;
  const samples = options.samples ?? 16;
  const seed = 0;
  const angles = [0, Math.PI / 6, Math.PI / 3, Math.PI / 2, (2 * Math.PI) / 3];
  const x = pointsAtAngles(angles, 16); // ‖x‖² = d, so x·x'/d = cos(angle)
  const spec: MlpSpec = { activation: 'relu', depth: 3, sigmaW2: 2, sigmaB2: 0.1 };

  const { ntk } = mlpKernels(spec, x);
  const mc = await empiricalMoments({ spec: { ...spec, widths: width }, X1: x, key: key(seed), samples });

  const lines: string[] = [];
  lines.push(`@ntk quick start: ReLU MLP, depth ${spec.depth}, σ_w² = 2, σ_b² = 0.1, NTK parameterisation`);
  lines.push(
    `inputs: ${angles.length} points in d = 16 at angles ${angles.map((a) => `${Math.round((a * 180) / Math.PI)}°`).join(', ')} from the first`,
  );
  lines.push('');
  lines.push('infinite-width NTK Θ (analytic):');
  lines.push(ntk.format(5));
  lines.push('');
  lines.push(`empirical NTK, mean over ${samples} networks of width ${width} (key(${seed})):`);
  lines.push(mc.ntk.mean.format(5));
  lines.push('');
  lines.push('first row, theory vs measurement ± standard error:');
  for (let j = 0; j < angles.length; j++) {
    const t = ntk.get(0, j);
    const m = mc.ntk.mean.get(0, j);
    const se = mc.ntk.stdError.get(0, j);
    lines.push(
      `  Θ(x0, x${j}) = ${t.toFixed(4)}   measured ${m.toFixed(4)} ± ${se.toFixed(4)}   (${((m - t) / se).toFixed(1)} SE)`,
    );
  }
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await quickstart());
}
