import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/**
 * Renders a Vega-Lite spec to a standalone SVG document in Node, with no browser and no network: the spec
 * is compiled to Vega by `vega-lite`, run in a headless `vega.View` (renderer `none`) and serialised with
 * `toSVG()`. The data must be inline (`data.values`), as in the specs of `toVegaLite` (`@ntk/bounds`) and of
 * the CLI's own figures. Text widths are estimated (no canvas package), which is enough for axes and titles.
 *
 * @param spec - A Vega-Lite v6 spec with inline data.
 * @returns SVG text (starts with `<svg`).
 * @throws The compiler's error for an invalid spec.
 * @example
 * ```ts
 * const svg = await vegaLiteToSvg(result.vegaLite);
 * await writeFileAtomic('figure.svg', svg);
 * ```
 */
export async function vegaLiteToSvg(spec: object): Promise<string> {
  const compiled = compile(spec as TopLevelSpec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logLevel: vega.Error });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
