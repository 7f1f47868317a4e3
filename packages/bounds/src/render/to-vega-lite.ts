import { argumentError } from '@ntk/core';
import type { FigureData } from '../claim/types.ts';
import type { JsonValue } from '../result/json-types.ts';
import type { VegaLiteSpec } from './vega-lite-spec.ts';

/** Options of {@link toVegaLite}. */
export interface VegaLiteOptions {
  /** Plot width in pixels (default 420). */
  readonly width?: number;
  /** Plot height in pixels (default 280). */
  readonly height?: number;
}

/** The Vega-Lite schema the specs are written for. */
const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/**
 * A prediction-vs-measurement figure as a Vega-Lite (v6) spec: plain JSON, rendered by `vega-embed` in a
 * page or compiled by `vega-lite`. Three layers over one inline data table: the prediction series as lines,
 * the measurement series as filled points, and their intervals (`lo`–`hi`) as error bars; colour (with the
 * legend) by series name; `log` axes where the figure asks for them; the figure's title and axis titles.
 *
 * Points that cannot be drawn are left out and counted in the spec's `description`: a non-finite x or y,
 * or a value ≤ 0 on a log axis. An interval is drawn only when both ends are finite (and > 0 on a log y).
 *
 * @param figure - The claim's figure (`claim.figure(observations)`).
 * @param options - Size.
 * @returns The Vega-Lite spec.
 * @throws ArgumentTypeError if `figure` is not a {@link FigureData} (names the field);
 *   ArgumentRangeError if a size is not a positive number.
 * @example
 * ```ts
 * const spec = toVegaLite({
 *   title: 'E[K] vs depth', x: { title: 'depth' }, y: { title: 'E[K]', scale: 'log' },
 *   series: [
 *     { name: 'theory', role: 'prediction', points: [{ x: 1, y: 2 }, { x: 2, y: 4 }] },
 *     { name: 'measured', role: 'measurement', points: [{ x: 1, y: 2.1, lo: 1.9, hi: 2.3 }] },
 *   ],
 * });
 * ```
 */
export function toVegaLite(figure: FigureData, options: VegaLiteOptions = {}): VegaLiteSpec {
  const fn = 'toVegaLite';
  const width = options.width ?? 420;
  const height = options.height ?? 280;
  if (!(width > 0 && Number.isFinite(width)))
    throw argumentError('range', fn, 'options.width', 'a number > 0', width);
  if (!(height > 0 && Number.isFinite(height))) {
    throw argumentError('range', fn, 'options.height', 'a number > 0', height);
  }
  if (figure === null || typeof figure !== 'object')
    throw argumentError('type', fn, 'figure', 'a FigureData', figure);
  if (typeof figure.title !== 'string')
    throw argumentError('type', fn, 'figure.title', 'a string', figure.title);
  for (const axis of ['x', 'y'] as const) {
    const a = figure[axis];
    if (a === null || typeof a !== 'object' || typeof a.title !== 'string') {
      throw argumentError('type', fn, `figure.${axis}`, '{ title: string, scale?: "linear" | "log" }', a);
    }
    if (a.scale !== undefined && a.scale !== 'linear' && a.scale !== 'log') {
      throw argumentError('type', fn, `figure.${axis}.scale`, '"linear" or "log"', a.scale);
    }
  }
  if (!Array.isArray(figure.series))
    throw argumentError('type', fn, 'figure.series', 'an array', figure.series);
  const logX = figure.x.scale === 'log';
  const logY = figure.y.scale === 'log';
  const drawable = (v: number | undefined, log: boolean): v is number =>
    typeof v === 'number' && Number.isFinite(v) && (!log || v > 0);
  const rows: JsonValue[] = [];
  const names: string[] = [];
  let omitted = 0;
  figure.series.forEach((s, i) => {
    if (s === null || typeof s !== 'object' || typeof s.name !== 'string') {
      throw argumentError('type', fn, `figure.series[${i}].name`, 'a string', s?.name);
    }
    if (s.role !== 'prediction' && s.role !== 'measurement') {
      throw argumentError('type', fn, `figure.series[${i}].role`, '"prediction" or "measurement"', s.role);
    }
    if (!Array.isArray(s.points)) {
      throw argumentError(
        'type',
        fn,
        `figure.series[${i}].points`,
        'an array of { x, y, lo?, hi? }',
        s.points,
      );
    }
    if (!names.includes(s.name)) names.push(s.name);
    for (const p of s.points) {
      if (!drawable(p?.x, logX) || !drawable(p?.y, logY)) {
        omitted++;
        continue;
      }
      const row: Record<string, JsonValue> = { series: s.name, role: s.role, x: p.x, y: p.y };
      if (drawable(p.lo, logY) && drawable(p.hi, logY)) {
        row['lo'] = p.lo;
        row['hi'] = p.hi;
      }
      rows.push(row);
    }
  });
  const x = {
    field: 'x',
    type: 'quantitative',
    title: figure.x.title,
    scale: logX ? { type: 'log' } : { zero: false },
  };
  const y = {
    field: 'y',
    type: 'quantitative',
    title: figure.y.title,
    scale: logY ? { type: 'log' } : { zero: false },
  };
  const color = { field: 'series', type: 'nominal', title: 'series', scale: { domain: names } };
  const onePoint = figure.series.some((s) => s.role === 'prediction' && s.points.length === 1);
  const spec: VegaLiteSpec = {
    $schema: SCHEMA,
    title: figure.title,
    ...(omitted > 0
      ? { description: `${omitted} point(s) left out: non-finite, or not positive on a log axis.` }
      : {}),
    width,
    height,
    data: { values: rows },
    layer: [
      {
        transform: [{ filter: "datum.role === 'prediction'" }],
        mark: { type: 'line', strokeWidth: 2, point: onePoint },
        encoding: { x, y, color },
      },
      {
        transform: [{ filter: "datum.role === 'measurement' && isValid(datum.lo) && isValid(datum.hi)" }],
        mark: { type: 'rule', strokeWidth: 1.5 },
        encoding: { x, y: { ...y, field: 'lo' }, y2: { field: 'hi' }, color },
      },
      {
        transform: [{ filter: "datum.role === 'measurement'" }],
        mark: { type: 'point', filled: true, size: 45 },
        encoding: {
          x,
          y,
          color,
          tooltip: [
            { field: 'series', type: 'nominal' },
            { field: 'x', type: 'quantitative', title: figure.x.title },
            { field: 'y', type: 'quantitative', title: figure.y.title },
            { field: 'lo', type: 'quantitative' },
            { field: 'hi', type: 'quantitative' },
          ],
        },
      },
    ],
  };
  return spec;
}
