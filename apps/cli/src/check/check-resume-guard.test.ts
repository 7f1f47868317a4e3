import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors/usage-error.ts';
import { assertResumable } from './check-resume-guard.ts';
import type { CheckRunState } from './check-run-state.ts';
import { checkSettings } from './check-settings.ts';

const settings = checkSettings(['a', 'b'], 'quick', 3, 'cpu');
const state = (over: Partial<CheckRunState> = {}): CheckRunState =>
  ({ settings, shard: null, origin: { kind: 'run' }, ...over }) as CheckRunState;

describe('assertResumable', () => {
  it('accepts the same settings and shard', () => {
    expect(() => assertResumable(state(), settings, null, 'out')).not.toThrow();
    const shard = { index: 2, count: 3 };
    expect(() => assertResumable(state({ shard }), settings, { index: 2, count: 3 }, 'out')).not.toThrow();
  });

  it.each([
    [checkSettings(['b', 'a'], 'quick', 3, 'cpu'), null, /--claims a,b, not --claims b,a/],
    [checkSettings(['a', 'b'], 'full', 3, 'cpu'), null, /--budget quick, not --budget full/],
    [checkSettings(['a', 'b'], 'quick', 4, 'cpu'), null, /--seed 3, not --seed 4/],
    [checkSettings(['a', 'b'], 'quick', 3, 'auto'), null, /--backend cpu, not --backend auto/],
    [settings, { index: 1, count: 2 }, /--shard none, not --shard 1\/2/],
  ] as const)('refuses a different setting, naming it (%#)', (next, shard, message) => {
    expect(() => assertResumable(state(), next, shard, 'out')).toThrow(UsageError);
    expect(() => assertResumable(state(), next, shard, 'out')).toThrow(message);
  });

  it('refuses a merged directory', () => {
    expect(() =>
      assertResumable(state({ origin: { kind: 'merge', shards: 2 } }), settings, null, 'm'),
    ).toThrow(/holds a merge of shards/);
  });
});
