#!/usr/bin/env bash
# Submits a sharded `ntk check` run: N array tasks (default 8), then the merge once all of them succeeded.
#
#   ./submit.sh 16            # 16 shards into shards/1 … shards/16, the report into ntk-report/
#
# Run it from the directory the jobs should work in (a file system every node sees); the environment
# (NTK_SEED, NTK_BUDGET, NTK_CLAIMS, NTK_SHARDS_DIR, NTK_REPORT_DIR) is passed on to both jobs.
set -euo pipefail

n=${1:-8}
if ! [[ $n =~ ^[1-9][0-9]*$ ]]; then
  echo "submit.sh: the number of shards must be a positive integer, got '${n}'" >&2
  exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)

array=$(sbatch --parsable --array="1-${n}" "$here/ntk-check-array.sbatch")
array=${array%%;*} # --parsable prints "jobid" or "jobid;cluster"
merge=$(sbatch --parsable --dependency="afterok:${array}" "$here/ntk-merge.sbatch")
merge=${merge%%;*}
echo "submitted: shards ${array} (array 1-${n}), merge ${merge} (after all shards succeed)"
