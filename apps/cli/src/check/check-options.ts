import type { Budget } from '@ntk/bounds';
import type { CliBackendName } from '../backend/resolve-cli-backend.ts';
import type { Shard } from '../shard/shard.ts';

/** The parsed flags of `ntk check`. */
export interface CheckOptions {
  /** `--claims id,…` (all claims when absent). */
  readonly claims?: readonly string[];
  /** `--budget` (default `quick`). */
  readonly budget: Budget;
  /** `--seed` (default 0). */
  readonly seed: number;
  /** `--backend` (default `cpu`). */
  readonly backend: CliBackendName;
  /** `--out` as given (default `ntk-report`). */
  readonly out: string;
  /** `--shard k/n`. */
  readonly shard?: Shard;
  /** `--resume`. */
  readonly resume?: boolean;
  /** `--list`. */
  readonly list?: boolean;
  /** `--json`. */
  readonly json?: boolean;
}
