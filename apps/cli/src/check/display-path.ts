import { isAbsolute, relative } from 'node:path';

/**
 * A path as the CLI shows it to a person: relative to the working directory when it lies inside it
 * (`ntk-report/report.html`), else absolute.
 *
 * @param path - An absolute path.
 * @param cwd - The working directory.
 * @returns The path to show.
 * @example
 * ```ts
 * displayPath('/home/me/ntk-report/report.html', '/home/me'); // 'ntk-report/report.html'
 * ```
 */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}
