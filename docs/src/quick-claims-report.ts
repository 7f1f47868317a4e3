// The claims page's default report: the whole @ntk/bounds registry at its quick budget (seed 0), written where
// `ntk check` writes its report (ntk-report/report.json), unless NTK_CLAIMS_REPORT names another report.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runClaims } from '@ntk/bounds';
import { CLAIMS_REPORT_ENV, DEFAULT_CLAIMS_REPORT } from './claims.ts';

/** Where the quick report went (or null when `NTK_CLAIMS_REPORT` names a report to render instead). */
export async function writeQuickClaimsReport(
  repoRoot: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
  log: (line: string) => void = console.log,
): Promise<string | null> {
  const named = env[CLAIMS_REPORT_ENV];
  if (named !== undefined && named !== '') return null;
  const run = await runClaims('all', {
    budget: 'quick',
    seed: 0,
    onResult: (r, position) =>
      log(`claims report: claim ${position + 1} ${r.claimId}: ${r.status === 'ok' ? r.verdict : 'failed'}`),
  });
  const path = resolve(repoRoot, DEFAULT_CLAIMS_REPORT);
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(run, null, 2)}\n`);
  renameSync(tmp, path);
  log(`claims report: ${run.results.length} claims in ${(run.durationMs / 1000).toFixed(1)} s → ${path}`);
  return path;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await writeQuickClaimsReport(resolve(dirname(fileURLToPath(import.meta.url)), '../..'));
}
