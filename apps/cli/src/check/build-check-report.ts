import { type ClaimResult, NTK_VERSIONS } from '@ntk/bounds';
import type { BackendInfo } from '@ntk/core';
import { type CheckReport, type CheckSettings, summarise } from '../report/check-report.ts';
import { CLI_VERSION } from '../version.ts';

/** What {@link buildCheckReport} puts together. */
export interface CheckReportParts {
  /** The run's settings. */
  readonly settings: CheckSettings;
  /** The backend that measured the points, and why it was chosen. */
  readonly backend: { readonly info: BackendInfo; readonly reason: string };
  /** A single run, or a merge of n shards. */
  readonly origin: CheckReport['origin'];
  /** When the run started (ISO 8601). */
  readonly startedAt: string;
  /** Wall time in ms. */
  readonly durationMs: number;
  /** One result per claim, in `settings.claims` order. */
  readonly results: readonly ClaimResult[];
}

/**
 * The `report.json` of `ntk check` (or of `ntk merge` of its shards): the parts given, the environment
 * (CLI version, Node, platform), the versions of the `@ntk` packages (`NTK_VERSIONS` and `@ntk/cli`) and
 * the verdict counts.
 *
 * @param parts - Settings, backend, origin, timing and results.
 * @returns The report.
 * @example
 * ```ts
 * const report = buildCheckReport({ settings, backend: { info: backend.info, reason }, origin: { kind: 'run' },
 *   startedAt: run.startedAt, durationMs: run.durationMs, results: run.results });
 * ```
 */
export function buildCheckReport(parts: CheckReportParts): CheckReport {
  return {
    format: 'ntk-check-report',
    formatVersion: 1,
    settings: parts.settings,
    backend: parts.backend,
    origin: parts.origin,
    environment: {
      cliVersion: CLI_VERSION,
      node: process.version,
      platform: process.platform,
      arch: process.arch,
    },
    versions: { ...NTK_VERSIONS, '@ntk/cli': CLI_VERSION },
    startedAt: parts.startedAt,
    durationMs: parts.durationMs,
    summary: summarise(parts.results),
    results: parts.results,
  };
}
