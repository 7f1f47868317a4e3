import type { MlpSpec, Parameterization } from '@ntk/core';
import type { Command } from 'commander';
import type { ConfigSchema } from '../config/resolve-config.ts';
import { choiceFlag, integerFlag, numberFlag } from '../flags/parse-flags.ts';

/**
 * The network part of an experiment's settings (flags or config file keys of the same names):
 * `activation` (a built-in name such as `relu`, `erf`, `tanh`, or a mathjs expression in `x`), `depth` (hidden
 * layers, DESIGN's convention), `width` (hidden width of finite networks), `sigmaW2`, `sigmaB2` (σ_w², σ_b²)
 * and `parameterization` (`ntk` or `standard`).
 */
export interface NetworkSettings {
  /** The activation: built-in name or mathjs expression. */
  readonly activation: string;
  /** Hidden layers (≥ 0). */
  readonly depth: number;
  /** Hidden width of finite networks. */
  readonly width: number;
  /** Weight variance σ_w². */
  readonly sigmaW2: number;
  /** Bias variance σ_b². */
  readonly sigmaB2: number;
  /** `ntk` (default) or `standard`. */
  readonly parameterization: Parameterization;
}

/** JSON Schema properties of {@link NetworkSettings}, with defaults (relu, depth 2, width 512, σ_w² 2, σ_b² 0, ntk). */
export const NETWORK_PROPERTIES: Readonly<Record<string, ConfigSchema>> = {
  activation: { type: 'string', minLength: 1, maxLength: 500, default: 'relu' },
  depth: { type: 'integer', minimum: 0, maximum: 10000, default: 2 },
  width: { type: 'integer', minimum: 1, maximum: 1000000, default: 512 },
  sigmaW2: { type: 'number', exclusiveMinimum: 0, default: 2 },
  sigmaB2: { type: 'number', minimum: 0, default: 0 },
  parameterization: { enum: ['ntk', 'standard'], default: 'ntk' },
};

/**
 * Adds the network flags to a command: `--activation`, `--depth`, `--width` (unless `withWidth` is false),
 * `--sigma-w2`, `--sigma-b2`, `--parameterization`. Their values land in the options as `activation`, `depth`,
 * `width`, `sigmaW2`, `sigmaB2`, `parameterization` (the config keys). No defaults here: they come from the
 * schema, so a config file's values are not overridden by flags that were not given.
 *
 * @param command - The command.
 * @param withWidth - Whether the command has finite networks (default true).
 * @returns The command.
 */
export function addNetworkFlags(command: Command, withWidth = true): Command {
  command
    .option(
      '--activation <name|expr>',
      'activation: relu, erf, tanh, gelu, … or a mathjs expression in x (default relu)',
    )
    .option('--depth <L>', 'hidden layers (default 2)', integerFlag('--depth', 0));
  if (withWidth)
    command.option(
      '--width <n>',
      'hidden width of the finite networks (default 512)',
      integerFlag('--width', 1),
    );
  return command
    .option('--sigma-w2 <v>', 'weight variance σ_w² (default 2)', numberFlag('--sigma-w2'))
    .option('--sigma-b2 <v>', 'bias variance σ_b² (default 0)', numberFlag('--sigma-b2'))
    .option(
      '--parameterization <p>',
      'ntk or standard (default ntk)',
      choiceFlag('--parameterization', ['ntk', 'standard']),
    );
}

/**
 * The `MlpSpec` of `@ntk/core` for the settings (finite widths when `finite`).
 *
 * @param s - Validated settings.
 * @param finite - Whether to set the hidden widths (for finite networks).
 * @returns The spec.
 */
export function mlpSpecOf(s: NetworkSettings, finite: boolean): MlpSpec {
  return {
    activation: s.activation,
    depth: s.depth,
    ...(finite ? { widths: s.width } : {}),
    sigmaW2: s.sigmaW2,
    sigmaB2: s.sigmaB2,
    parameterization: s.parameterization,
  };
}

/**
 * The network settings given as flags (as commander parsed them), for `resolveConfig`'s `fromFlags`: the six
 * keys (five without width), `undefined` where a flag was not given.
 *
 * @param options - The command's parsed options.
 * @param withWidth - Whether the command has `--width`.
 * @returns The values by config key.
 */
export function networkFlagValues(
  options: Readonly<Partial<Record<keyof NetworkSettings, unknown>>>,
  withWidth = true,
): Record<string, unknown> {
  return {
    activation: options.activation,
    depth: options.depth,
    ...(withWidth ? { width: options.width } : {}),
    sigmaW2: options.sigmaW2,
    sigmaB2: options.sigmaB2,
    parameterization: options.parameterization,
  };
}
