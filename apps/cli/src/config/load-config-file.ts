import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { oneLine } from '../errors/classify-error.ts';
import { UsageError } from '../errors/usage-error.ts';

/**
 * Reads a command's config file: JSON (`.json`) or YAML (`.yaml`, `.yml`, parsed by the `yaml` package). The
 * top level must be an object (mapping). A missing file, another extension, a syntax error (with its line)
 * or a non-object is a {@link UsageError} naming the file.
 *
 * @param file - Path to the file (relative to `cwd`).
 * @param cwd - Base for a relative path.
 * @returns The parsed object (not yet validated: see {@link resolveConfig}).
 * @throws {UsageError} When the file cannot be read or parsed.
 * @example
 * ```ts
 * const raw = await loadConfigFile('kernel.yaml', process.cwd()); // { activation: 'relu', depth: 3, … }
 * ```
 */
export async function loadConfigFile(file: string, cwd: string): Promise<Record<string, unknown>> {
  const ext = extname(file).toLowerCase();
  if (ext !== '.json' && ext !== '.yaml' && ext !== '.yml') {
    throw new UsageError(`--config ${file}: expected a .json, .yaml or .yml file`);
  }
  let text: string;
  try {
    text = await readFile(resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new UsageError(
      `--config ${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  let value: unknown;
  try {
    value = ext === '.json' ? JSON.parse(text) : parseYaml(text, { prettyErrors: true });
  } catch (error) {
    const what = ext === '.json' ? 'JSON' : 'YAML';
    throw new UsageError(`--config ${file}: not valid ${what}: ${oneLine((error as Error).message)}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new UsageError(`--config ${file}: the top level must be an object of settings`);
  }
  return value as Record<string, unknown>;
}
