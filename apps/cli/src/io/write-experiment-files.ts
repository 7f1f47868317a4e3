import { join } from 'node:path';
import { vegaLiteToSvg } from '../figures/vega-lite-to-svg.ts';
import { writeFileAtomic } from './write-file-atomic.ts';

/** The paths of the three files a single experiment writes. */
export interface ExperimentFiles {
  /** `<name>.json`: everything (settings, versions, results). */
  readonly json: string;
  /** `<name>.csv`: the numbers as a table. */
  readonly csv: string;
  /** `<name>.svg`: the figure. */
  readonly svg: string;
}

/**
 * Writes a single experiment's `<name>.json` (pretty JSON), `<name>.csv` and `<name>.svg` (the Vega-Lite figure
 * rendered by {@link vegaLiteToSvg}) into `out`, each atomically.
 *
 * @param out - The output directory (prepared with `prepareOutDir`).
 * @param name - The base name (`kernel`, `empirical`, `train`).
 * @param content - The JSON document, the CSV text and the figure's Vega-Lite spec.
 * @returns The paths.
 * @throws The file system's error; the compiler's for a bad spec.
 * @example
 * ```ts
 * const files = await writeExperimentFiles(out, 'kernel', { json: doc, csv: kernelCsv(doc), figure: kernelFigure(doc) });
 * ```
 */
export async function writeExperimentFiles(
  out: string,
  name: string,
  content: { readonly json: unknown; readonly csv: string; readonly figure: object },
): Promise<ExperimentFiles> {
  const files = {
    json: join(out, `${name}.json`),
    csv: join(out, `${name}.csv`),
    svg: join(out, `${name}.svg`),
  };
  await writeFileAtomic(files.json, `${JSON.stringify(content.json, null, 2)}\n`);
  await writeFileAtomic(files.csv, content.csv);
  await writeFileAtomic(files.svg, await vegaLiteToSvg(content.figure));
  return files;
}
