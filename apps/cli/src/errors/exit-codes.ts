/**
 * The exit codes of the `ntk` command: 0 success (whatever the verdicts of `ntk check`), 1 a failure to run
 * (an I/O error, a computation that threw), 2 a usage error ({@link UsageError}: bad flags, config, ids,
 * output directory), 130 interrupted by SIGINT (Ctrl-C; finished work is kept, rerun with `--resume`).
 */
export const EXIT: { readonly ok: 0; readonly failure: 1; readonly usage: 2; readonly interrupted: 130 } = {
  ok: 0,
  failure: 1,
  usage: 2,
  interrupted: 130,
};
