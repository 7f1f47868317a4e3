// The claims page's default report: `ntk check --budget quick --seed 0` (the whole @ntk/bounds registry) run
// in-process into ntk-report/ (report.json, report.md, report.html, figures/), where `pnpm start` writes it too,
// unless NTK_CLAIMS_REPORT names another report to render.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '@ntk/cli';
import { CLAIMS_REPORT_ENV, DEFAULT_CLAIMS_REPORT } from './claims.ts';

/** Where the quick report went (or null when `NTK_CLAIMS_REPORT` names a report to render instead). */
export async function writeQuickClaimsReport(
  repoRoot: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<string | null> {
  const named = env[CLAIMS_REPORT_ENV];
  if (named !== undefined && named !== '') return null;
  const path = resolve(repoRoot, DEFAULT_CLAIMS_REPORT);
  const code = await main(['check', '--budget', 'quick', '--seed', '0', '--out', dirname(path)], {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: repoRoot,
    env,
    signal: new AbortController().signal,
  });
  if (code !== 0) throw new Error(`claims report: ntk check exited with code ${code}`);
  return path;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await writeQuickClaimsReport(resolve(dirname(fileURLToPath(import.meta.url)), '../..'));
}
