import { BACKEND_NAMES, type CliBackendName } from '../backend/resolve-cli-backend.ts';
import type { ConfigSchema } from '../config/resolve-config.ts';
import { DATA_SCHEMA, type DataSettings } from '../data/data-settings.ts';
import { canonicalData } from '../empirical/canonical-data.ts';
import { UsageError } from '../errors/usage-error.ts';
import { NETWORK_PROPERTIES, type NetworkSettings } from '../spec/network-settings.ts';

/** The optimisers of `ntk train` (those of `@ntk/dynamics`, with their default hyper-parameters). */
export const TRAIN_OPTIMIZERS: readonly ['sgd', 'momentum', 'adam'] = ['sgd', 'momentum', 'adam'];

/** The heavy-ball momentum μ of `--optimizer momentum` (the `@ntk/dynamics` default). */
export const TRAIN_MOMENTUM = 0.9;

/**
 * The settings of `ntk train` (flags, or config-file keys of the same names): the network, the data, the
 * target (an expression in x1…xd, or `labels` for MNIST's one-hot labels), the number of full-batch steps, the
 * learning rate (`auto`: half the largest stable rate of the analytic NTK, see `resolveLearningRate`), the
 * optimiser, the seed and the backend.
 */
export interface TrainSettings extends NetworkSettings {
  /** The training inputs. */
  readonly data: DataSettings;
  /** `labels` (MNIST one-hot) or an expression in x1…xd. */
  readonly target: string;
  /** Optimiser steps (full batch). */
  readonly steps: number;
  /** η, or `auto`. */
  readonly lr: number | 'auto';
  /** `sgd` (plain gradient descent), `momentum` (heavy ball, μ = 0.9) or `adam`. */
  readonly optimizer: (typeof TRAIN_OPTIMIZERS)[number];
  /** The run's seed. */
  readonly seed: number;
  /** The compute backend. */
  readonly backend: CliBackendName;
}

/** The JSON Schema of {@link TrainSettings} (defaults: sphere:16:3, 200 steps, lr auto, sgd, seed 0, cpu). */
export const TRAIN_SCHEMA: ConfigSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    ...NETWORK_PROPERTIES,
    data: { ...DATA_SCHEMA, default: { kind: 'sphere', n: 16, d: 3 } },
    target: { type: 'string', minLength: 1, maxLength: 500 },
    steps: { type: 'integer', minimum: 0, maximum: 1000000, default: 200 },
    lr: { default: 'auto' },
    optimizer: { enum: [...TRAIN_OPTIMIZERS], default: 'sgd' },
    seed: { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER, default: 0 },
    backend: { enum: [...BACKEND_NAMES], default: 'cpu' },
  },
};

/**
 * The default target: `labels` for MNIST, else `sin(2*x1)`.
 *
 * @param data - The data settings.
 * @returns The target.
 * @example
 * ```ts
 * defaultTarget({ kind: 'mnist', n: 64 }); // 'labels'
 * ```
 */
export function defaultTarget(data: DataSettings): string {
  return data.kind === 'mnist' ? 'labels' : 'sin(2*x1)';
}

/**
 * Checks what the schema cannot (lr: a positive number or `auto`), fills in the target's default and
 * orders the keys canonically.
 *
 * @param raw - Settings validated by {@link TRAIN_SCHEMA} (target possibly missing).
 * @param lrFromFlag - Whether `lr` came from the flag (for the message).
 * @param source - How to name the config file.
 * @returns The settings.
 * @throws {UsageError} For a bad `lr`.
 * @example
 * ```ts
 * const s = finishTrainSettings(resolveConfig(TRAIN_SCHEMA, file, flags), flags.lr !== undefined, '--config t.yaml');
 * ```
 */
export function finishTrainSettings(
  raw: Omit<TrainSettings, 'target'> & { readonly target?: string },
  lrFromFlag: boolean,
  source: string,
): TrainSettings {
  const lr = raw.lr;
  if (!(lr === 'auto' || (typeof lr === 'number' && Number.isFinite(lr) && lr > 0))) {
    throw new UsageError(
      `${lrFromFlag ? '--lr' : source}: \`lr\` must be a positive number or "auto", got ${JSON.stringify(lr)}`,
    );
  }
  return {
    activation: raw.activation,
    depth: raw.depth,
    width: raw.width,
    sigmaW2: raw.sigmaW2,
    sigmaB2: raw.sigmaB2,
    parameterization: raw.parameterization,
    data: canonicalData(raw.data),
    target: raw.target ?? defaultTarget(raw.data),
    steps: raw.steps,
    lr,
    optimizer: raw.optimizer,
    seed: raw.seed,
    backend: raw.backend,
  };
}
