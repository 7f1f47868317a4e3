import type { Command } from 'commander';
import { BACKEND_NAMES } from '../backend/resolve-cli-backend.ts';
import { parseDataFlag } from '../data/data-settings.ts';
import { choiceFlag, integerFlag } from './parse-flags.ts';

/**
 * The flags the single-experiment commands share, declared once so they read and parse the same everywhere.
 * Values without a commander default come from the command's JSON Schema (so a config file's value is not
 * overridden by a flag that was not given).
 */

/**
 * Adds `--data <spec>` (parsed by `parseDataFlag`).
 *
 * @param command - The command.
 * @param defaultSpec - The default the command's schema applies, for the help text (e.g. `sphere:8:3`).
 * @param what - What the data are, for the help text (default `inputs`).
 * @returns The command.
 */
export function addDataFlag(command: Command, defaultSpec: string, what = 'inputs'): Command {
  return command.option(
    '--data <spec>',
    `${what}: sphere:N:D, angles:N:D, gaussian:N:D, mnist:N or csv:PATH (default ${defaultSpec})`,
    parseDataFlag,
  );
}

/**
 * Adds `--seed <n>` (an integer ≥ 0; the schema's default is 0).
 *
 * @param command - The command.
 * @param what - What the seed draws, for the help text (e.g. `the data and the networks`).
 * @returns The command.
 */
export function addSeedFlag(command: Command, what: string): Command {
  return command.option('--seed <n>', `seed of ${what} (default 0)`, integerFlag('--seed', 0));
}

/**
 * Adds `--backend <name>` (`cpu`, `gpujs`, `onnx`, `wasm`, `auto`; the schema's default is `cpu`).
 *
 * @param command - The command.
 * @returns The command.
 */
export function addBackendFlag(command: Command): Command {
  return command.option(
    '--backend <name>',
    `compute backend: ${BACKEND_NAMES.join(', ')} (default cpu)`,
    choiceFlag('--backend', BACKEND_NAMES),
  );
}

/**
 * Adds `--config <file>`, `--out <dir>` (with its default) and `--json`.
 *
 * @param command - The command.
 * @param defaultOut - The default output directory (e.g. `ntk-kernel`).
 * @returns The command.
 */
export function addOutputFlags(command: Command, defaultOut: string): Command {
  return command
    .option(
      '--config <file>',
      'settings from a .json/.yaml file (keys: the flag names in camelCase; flags override it)',
    )
    .option('--out <dir>', 'output directory', defaultOut)
    .option('--json', 'print one JSON document (the summary and the files) on stdout instead of the table');
}
