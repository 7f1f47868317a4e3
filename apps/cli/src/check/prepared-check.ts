import type { BackendChoice } from '@ntk/backend-auto';
import type { Claim } from '@ntk/bounds';
import type { Backend } from '@ntk/core';
import type { CliContext } from '../context.ts';
import type { CheckSettings } from '../report/check-report.ts';
import type { CheckOptions } from './check-options.ts';

/** An `ntk check` run whose input has been checked, ready to measure (see `runCheck`). */
export interface PreparedCheck {
  /** The flags. */
  readonly options: CheckOptions;
  /** The claims, in run order. */
  readonly claims: readonly Claim[];
  /** The settings recorded in the output files. */
  readonly settings: CheckSettings;
  /** The output directory (absolute; exists and is writable). */
  readonly out: string;
  /** The backend (the caller disposes it). */
  readonly backend: Backend;
  /** Which backend and why. */
  readonly choice: BackendChoice;
  /** The CLI context. */
  readonly ctx: CliContext;
}
