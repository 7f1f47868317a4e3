/**
 * CSV text (RFC 4180 quoting where needed) from a header and rows; numbers are written with full float64
 * precision (`String(x)`, which round-trips), non-finite ones as `NaN`, `Infinity`, `-Infinity`.
 *
 * @param header - Column names.
 * @param rows - Rows of numbers or strings, each as long as the header.
 * @returns The text, ending with a newline.
 * @example
 * ```ts
 * toCsv(['i', 'j', 'ntk'], [[0, 0, 2.5]]); // 'i,j,ntk\n0,0,2.5\n'
 * ```
 */
export function toCsv(header: readonly string[], rows: readonly (readonly (number | string)[])[]): string {
  const cell = (v: number | string) => {
    const s = String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `${[header, ...rows].map((r) => r.map(cell).join(',')).join('\n')}\n`;
}
