import type { ClaimResult } from '@ntk/bounds';
import type { BackendInfo } from '@ntk/core';

/** The settings of an `ntk check` run: with `versions`, what is needed to repeat it. */
export interface CheckSettings {
  /** The budget. */
  readonly budget: 'quick' | 'full';
  /** The seed (every point's key is `pointKey(seed, claimId, index)`). */
  readonly seed: number;
  /** The claim ids, in run order. */
  readonly claims: readonly string[];
  /** Family-wise confidence level of each claim's verdict. */
  readonly level: number;
  /** The `--backend` value asked for. */
  readonly backend: string;
}

/** Counts of verdicts (failed runs are counted apart, not as a verdict). */
export interface CheckSummary {
  readonly total: number;
  readonly supported: number;
  readonly contradicted: number;
  readonly inconclusive: number;
  readonly failed: number;
}

/**
 * What `ntk check` (or `ntk merge` of its shards) writes as `report.json`: the settings, the environment, one
 * `ClaimResult` of `@ntk/bounds` per claim (in run order) and a summary. Its JSON Schema is
 * `schema/report.schema.json` (`@ntk/cli/report.schema.json`). The docs site's claims page reads it.
 *
 * Two runs with the same settings give equal `results` apart from the timing and provenance fields that
 * `ClaimResult` documents (`startedAt`, `durationMs`, `observations[].durationMs`, `observations[].source`),
 * however the run was split (shards merged with `ntk merge`) or interrupted and resumed.
 */
export interface CheckReport {
  /** Always `'ntk-check-report'`. */
  readonly format: 'ntk-check-report';
  /** Version of this format (1). */
  readonly formatVersion: 1;
  /** The run's settings. */
  readonly settings: CheckSettings;
  /** The backend that ran the measurements and why it was chosen. */
  readonly backend: { readonly info: BackendInfo; readonly reason: string };
  /** How the report was made: one run, or a merge of n shards. */
  readonly origin: { readonly kind: 'run' } | { readonly kind: 'merge'; readonly shards: number };
  /** The CLI, Node and platform that ran it. */
  readonly environment: {
    readonly cliVersion: string;
    readonly node: string;
    readonly platform: string;
    readonly arch: string;
  };
  /** Versions of the `@ntk` packages used. */
  readonly versions: Readonly<Record<string, string>>;
  /** When the run started (ISO 8601; timing). */
  readonly startedAt: string;
  /** Wall time in ms (timing). */
  readonly durationMs: number;
  /** Verdict counts. */
  readonly summary: CheckSummary;
  /** One result per claim, in `settings.claims` order. */
  readonly results: readonly ClaimResult[];
}

/**
 * Counts the verdicts of a set of results (a failed run counts as `failed`, whatever its verdict field).
 *
 * @param results - The results.
 * @returns The summary.
 */
export function summarise(results: readonly ClaimResult[]): CheckSummary {
  const failed = results.filter((r) => r.status === 'failed').length;
  const ok = results.filter((r) => r.status === 'ok');
  return {
    total: results.length,
    supported: ok.filter((r) => r.verdict === 'supported').length,
    contradicted: ok.filter((r) => r.verdict === 'contradicted').length,
    inconclusive: ok.filter((r) => r.verdict === 'inconclusive').length,
    failed,
  };
}
