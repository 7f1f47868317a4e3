import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { foldIn, gaussianCloud, type Key, key, loadMnist, Matrix, pointsAtAngles, sphere } from '@ntk/core';
import { UsageError } from '../errors/usage-error.ts';
import type { DataSettings } from './data-settings.ts';

/** The inputs of an experiment, with MNIST's labels when the data are MNIST digits. */
export interface LoadedData {
  /** n×d inputs, one per row. */
  readonly x: Matrix;
  /** n×10 one-hot labels (MNIST only). */
  readonly y?: Matrix;
  /** Digit labels (MNIST only). */
  readonly labels?: Int32Array;
  /** A short description for tables and figure titles, e.g. `8 points on the sphere in ℝ³`. */
  readonly description: string;
}

/** The stream of a run's seed that draws its data: `foldIn(key(seed), 0)` (networks use other streams). */
export function dataKey(seed: number): Key {
  return foldIn(key(seed), 0);
}

/**
 * Loads or draws the inputs described by {@link DataSettings}; random data come from {@link dataKey}(seed),
 * so the same seed gives the same points on every machine.
 *
 * @param settings - What data.
 * @param seed - The run's seed.
 * @param cwd - Base for a relative CSV path.
 * @returns The inputs (and MNIST labels).
 * @throws {UsageError} For an unreadable or malformed CSV file (names the file, the line and the column), or
 *   when the `mnist` package is missing.
 * @example
 * ```ts
 * const { x } = await loadData({ kind: 'sphere', n: 8, d: 3 }, 0, process.cwd());
 * ```
 */
export async function loadData(settings: DataSettings, seed: number, cwd: string): Promise<LoadedData> {
  const k = dataKey(seed);
  switch (settings.kind) {
    case 'sphere':
      return {
        x: sphere(k, settings.n, settings.d),
        description: `${settings.n} points on the sphere of radius √${settings.d} in ℝ^${settings.d}`,
      };
    case 'gaussian':
      return {
        x: gaussianCloud(k, settings.n, settings.d),
        description: `${settings.n} Gaussian points in ℝ^${settings.d}`,
      };
    case 'angles': {
      if (settings.d < 2) throw new UsageError('data: angles needs d ≥ 2 (points in a plane)');
      const thetas = Array.from({ length: settings.n }, (_, i) =>
        settings.n === 1 ? 0 : (i * Math.PI) / (settings.n - 1),
      );
      return {
        x: pointsAtAngles(thetas, settings.d),
        description: `${settings.n} points at angles 0…π in ℝ^${settings.d}`,
      };
    }
    case 'mnist': {
      let m: Awaited<ReturnType<typeof loadMnist>>;
      try {
        m = await loadMnist({ n: settings.n, key: k });
      } catch (error) {
        throw new UsageError(`data: MNIST: ${(error as Error).message}`);
      }
      return { x: m.x, y: m.y, labels: m.labels, description: `${settings.n} MNIST digits` };
    }
    case 'csv':
      return { x: await readCsvMatrix(settings.path, cwd), description: `points of ${settings.path}` };
  }
}

/**
 * Reads a CSV file of numbers (comma-separated, one row per line, no header, blank lines ignored) into a
 * matrix. Every row must have the same number of columns and every cell must be a finite number.
 *
 * @param file - The path (relative to `cwd`).
 * @param cwd - Base directory.
 * @returns The matrix.
 * @throws {UsageError} Naming the file, line and column of the first bad cell.
 */
export async function readCsvMatrix(file: string, cwd: string): Promise<Matrix> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new UsageError(`data: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const rows: number[][] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    const cells = line.split(',').map((c, j) => {
      const v = Number(c);
      if (c.trim() === '' || !Number.isFinite(v)) {
        throw new UsageError(
          `data: ${file}:${i + 1}: column ${j + 1} is not a finite number (${JSON.stringify(c)})`,
        );
      }
      return v;
    });
    if (rows.length > 0 && cells.length !== rows[0]?.length) {
      throw new UsageError(`data: ${file}:${i + 1}: ${cells.length} columns, expected ${rows[0]?.length}`);
    }
    rows.push(cells);
  });
  if (rows.length === 0) throw new UsageError(`data: ${file} has no rows`);
  return Matrix.fromRows(rows);
}
