import { argumentError } from '../errors/argument-error.ts';
import { ShapeError } from '../errors/shape-error.ts';

/** The JSON form of a {@link Matrix}. */
export interface MatrixJson {
  /** Number of rows. */
  rows: number;
  /** Number of columns. */
  cols: number;
  /** Row-major entries. */
  data: number[];
}

/** A typed array of floats: the storage of a {@link Matrix}. */
export type FloatArray = Float64Array | Float32Array;

/** Either float precision the project computes in. */
export type DType = 'float64' | 'float32';

/**
 * A dense row-major matrix: entry (i, j) is `data[i * cols + j]`.
 *
 * Storage is a `Float64Array` by default (the reference precision); `Matrix<Float32Array>` is used by
 * float32 backends. `data` may be a view into a larger buffer (see {@link Matrix.rowRange}): no copy.
 *
 * @typeParam T - Storage type.
 * @example
 * ```ts
 * const a = Matrix.fromRows([[1, 2], [3, 4]]);
 * a.get(1, 0); // 3
 * const top = a.rowRange(0, 1); // 1×2 view sharing a's buffer
 * ```
 */
export class Matrix<T extends FloatArray = Float64Array> {
  /** Number of rows. */
  readonly rows: number;
  /** Number of columns. */
  readonly cols: number;
  /** Row-major storage of length `rows * cols`. */
  readonly data: T;

  /**
   * Wraps existing storage (no copy).
   *
   * @param rows - Number of rows (non-negative integer).
   * @param cols - Number of columns (non-negative integer).
   * @param data - Row-major storage of length `rows * cols`.
   * @throws {ArgumentRangeError} If a dimension is not a non-negative integer.
   * @throws {ShapeError} If `data.length !== rows * cols`.
   */
  constructor(rows: number, cols: number, data: T) {
    if (!Number.isInteger(rows) || rows < 0) {
      throw argumentError('range', 'Matrix', 'rows', 'a non-negative integer', rows);
    }
    if (!Number.isInteger(cols) || cols < 0) {
      throw argumentError('range', 'Matrix', 'cols', 'a non-negative integer', cols);
    }
    if (!(data instanceof Float64Array || data instanceof Float32Array)) {
      throw argumentError('type', 'Matrix', 'data', 'a Float64Array or Float32Array', data);
    }
    if (data.length !== rows * cols) {
      throw new ShapeError('Matrix', 'data', `length ${rows * cols}`, `length ${data.length}`);
    }
    this.rows = rows;
    this.cols = cols;
    this.data = data;
  }

  /**
   * A new zero-filled float64 matrix.
   *
   * @param rows - Number of rows.
   * @param cols - Number of columns.
   * @returns The matrix.
   */
  static zeros(rows: number, cols: number): Matrix<Float64Array> {
    if (!Number.isInteger(rows) || rows < 0) {
      throw argumentError('range', 'Matrix.zeros', 'rows', 'a non-negative integer', rows);
    }
    if (!Number.isInteger(cols) || cols < 0) {
      throw argumentError('range', 'Matrix.zeros', 'cols', 'a non-negative integer', cols);
    }
    return new Matrix(rows, cols, new Float64Array(rows * cols));
  }

  /**
   * The n×n identity.
   *
   * @param n - Size.
   * @returns The identity matrix.
   */
  static identity(n: number): Matrix<Float64Array> {
    const m = Matrix.zeros(n, n);
    for (let i = 0; i < n; i++) m.data[i * n + i] = 1;
    return m;
  }

  /**
   * Builds a float64 matrix from nested arrays (copies).
   *
   * @param rows - Array of equal-length rows of finite or non-finite numbers.
   * @returns The matrix.
   * @throws {ArgumentTypeError} If `rows` is not an array of arrays of numbers.
   * @throws {ShapeError} If rows have different lengths.
   */
  static fromRows(rows: ReadonlyArray<ArrayLike<number>>): Matrix<Float64Array> {
    if (!Array.isArray(rows))
      throw argumentError('type', 'Matrix.fromRows', 'rows', 'an array of rows', rows);
    const r = rows.length;
    const c = r === 0 ? 0 : (rows[0]?.length ?? 0);
    const data = new Float64Array(r * c);
    for (let i = 0; i < r; i++) {
      const row = rows[i];
      if (row === null || typeof row !== 'object' || typeof row.length !== 'number') {
        throw argumentError('type', 'Matrix.fromRows', `rows[${i}]`, 'an array of numbers', row);
      }
      if (row.length !== c)
        throw new ShapeError('Matrix.fromRows', `rows[${i}]`, `length ${c}`, `length ${row.length}`);
      for (let j = 0; j < c; j++) {
        const v = row[j];
        if (typeof v !== 'number')
          throw argumentError('type', 'Matrix.fromRows', `rows[${i}][${j}]`, 'a number', v);
        data[i * c + j] = v;
      }
    }
    return new Matrix(r, c, data);
  }

  /**
   * Copies a float32 matrix (or any matrix) into float64 storage.
   *
   * @param m - Source.
   * @returns A float64 copy.
   */
  static fromFloat32(m: Matrix<FloatArray>): Matrix<Float64Array> {
    return new Matrix(m.rows, m.cols, Float64Array.from(m.data));
  }

  /** Shape as `[rows, cols]`. */
  get shape(): [number, number] {
    return [this.rows, this.cols];
  }

  /** Shape as text, `rows×cols`, for messages. */
  get shapeText(): string {
    return `${this.rows}×${this.cols}`;
  }

  /**
   * Entry (i, j), unchecked for speed.
   *
   * @param i - Row.
   * @param j - Column.
   * @returns The entry.
   */
  get(i: number, j: number): number {
    return this.data[i * this.cols + j] as number;
  }

  /**
   * Sets entry (i, j), unchecked for speed.
   *
   * @param i - Row.
   * @param j - Column.
   * @param v - Value.
   */
  set(i: number, j: number, v: number): void {
    this.data[i * this.cols + j] = v;
  }

  /**
   * Row i as a view (no copy).
   *
   * @param i - Row index.
   * @returns A typed-array view of the row.
   * @throws {ArgumentRangeError} If `i` is out of range.
   */
  row(i: number): T {
    if (!Number.isInteger(i) || i < 0 || i >= this.rows) {
      throw argumentError('range', 'Matrix.row', 'i', `an integer in [0, ${this.rows - 1}]`, i);
    }
    return this.data.subarray(i * this.cols, (i + 1) * this.cols) as T;
  }

  /**
   * Rows `[start, end)` as a matrix view sharing this storage (no copy).
   *
   * @param start - First row.
   * @param end - One past the last row.
   * @returns The view.
   * @throws {ArgumentRangeError} If the range is invalid.
   */
  rowRange(start: number, end: number): Matrix<T> {
    if (!Number.isInteger(start) || start < 0 || start > this.rows) {
      throw argumentError('range', 'Matrix.rowRange', 'start', `an integer in [0, ${this.rows}]`, start);
    }
    if (!Number.isInteger(end) || end < start || end > this.rows) {
      throw argumentError('range', 'Matrix.rowRange', 'end', `an integer in [${start}, ${this.rows}]`, end);
    }
    return new Matrix(end - start, this.cols, this.data.subarray(start * this.cols, end * this.cols) as T);
  }

  /** A deep copy with the same storage type. */
  clone(): Matrix<T> {
    return new Matrix(this.rows, this.cols, this.data.slice() as T);
  }

  /** The transpose, as a new float64 matrix. */
  transpose(): Matrix<Float64Array> {
    const { rows, cols, data } = this;
    const out = new Float64Array(rows * cols);
    for (let i = 0; i < rows; i++)
      for (let j = 0; j < cols; j++) out[j * rows + i] = data[i * cols + j] as number;
    return new Matrix(cols, rows, out);
  }

  /** The diagonal (min(rows, cols) entries) as a new `Float64Array`. */
  diagonal(): Float64Array {
    const n = Math.min(this.rows, this.cols);
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = this.data[i * this.cols + i] as number;
    return out;
  }

  /** A float32 copy (rounds to nearest float32). */
  toFloat32(): Matrix<Float32Array> {
    return new Matrix(this.rows, this.cols, Float32Array.from(this.data));
  }

  /** A float64 copy (exact for float32 input). */
  toFloat64(): Matrix<Float64Array> {
    return new Matrix(this.rows, this.cols, Float64Array.from(this.data));
  }

  /** Nested arrays, for JSON or printing. */
  toArray(): number[][] {
    const out: number[][] = [];
    for (let i = 0; i < this.rows; i++)
      out.push(Array.from(this.data.subarray(i * this.cols, (i + 1) * this.cols)));
    return out;
  }

  /** JSON form: `{ rows, cols, data: number[] }`. */
  toJSON(): MatrixJson {
    return { rows: this.rows, cols: this.cols, data: Array.from(this.data) };
  }

  /**
   * Fixed-width text rendering, for examples and the CLI.
   *
   * @param digits - Significant digits (default 6).
   * @returns The matrix as lines of text.
   */
  format(digits = 6): string {
    const cells = this.toArray().map((r) => r.map((v) => v.toPrecision(digits)));
    const w = Math.max(1, ...cells.flat().map((s) => s.length));
    return cells.map((r) => r.map((s) => s.padStart(w)).join('  ')).join('\n');
  }
}

/**
 * Checks that a value is a {@link Matrix} and returns it; used at public entry points.
 *
 * @param fn - Calling function, for the message.
 * @param argument - Argument name.
 * @param value - Value to check.
 * @returns The matrix.
 * @throws {ArgumentTypeError} If it is not a Matrix.
 */
export function checkMatrix(fn: string, argument: string, value: unknown): Matrix<FloatArray> {
  if (!(value instanceof Matrix)) throw argumentError('type', fn, argument, 'a Matrix', value);
  return value;
}
