import { resolveCliBackend } from '../backend/resolve-cli-backend.ts';
import type { CliContext } from '../context.ts';
import { prepareOutDir } from '../io/prepare-out-dir.ts';
import type { CheckOptions } from './check-options.ts';
import { assertResumable } from './check-resume-guard.ts';
import { readRunState } from './check-run-state.ts';
import { checkSettings } from './check-settings.ts';
import { claimListJson, formatClaimList } from './format-claim-list.ts';
import { runCheckShard } from './run-check-shard.ts';
import { runWholeCheck } from './run-whole-check.ts';
import { selectClaims } from './select-claims.ts';

/**
 * `ntk check`: checks the input (claim ids, output directory, `run.json` for `--resume`, backend) before any
 * work, then runs the claims ({@link runWholeCheck}) or, with `--shard k/n`, this shard's points
 * ({@link runCheckShard}). With `--list`, prints the registry instead.
 *
 * @param options - The parsed flags.
 * @param ctx - The CLI context (its `signal` stops the run cleanly).
 * @throws {UsageError} For bad input (exit code 2); the signal's reason when interrupted (exit code 130);
 *   other errors when the run cannot go on (exit code 1).
 * @example
 * ```ts
 * await runCheck({ claims: ['hayou-2019-ntk-depth-rates'], budget: 'quick', seed: 0, backend: 'cpu',
 *   out: 'ntk-report' }, ctx);
 * ```
 */
export async function runCheck(options: CheckOptions, ctx: CliContext): Promise<void> {
  const claims = selectClaims(options.claims);
  if (options.list === true) {
    ctx.stdout.write(
      options.json === true ? `${JSON.stringify(claimListJson(claims), null, 2)}\n` : formatClaimList(claims),
    );
    return;
  }
  const settings = checkSettings(
    claims.map((c) => c.id),
    options.budget,
    options.seed,
    options.backend,
  );
  const out = await prepareOutDir(options.out, ctx.cwd);
  if (options.resume === true) {
    const previous = await readRunState(out, '--resume');
    if (previous !== undefined) assertResumable(previous, settings, options.shard ?? null, options.out);
  }
  const { backend, choice } = await resolveCliBackend(options.backend);
  try {
    const prepared = { options, claims, settings, out, backend, choice, ctx };
    if (options.shard === undefined) await runWholeCheck(prepared);
    else await runCheckShard(prepared, options.shard);
  } finally {
    backend.dispose();
  }
}
