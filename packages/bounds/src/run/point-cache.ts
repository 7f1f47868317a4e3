import type { Budget, ClaimParams } from '../claim/types.ts';
import { NTK_VERSIONS } from '../result/ntk-versions.ts';
import { pointCachePath } from './point-cache-path.ts';
import type { PointObservation } from './point-observation.ts';
import { pointObservationFromJson, pointObservationToJson } from './point-observation-json.ts';

type Fs = typeof import('node:fs/promises');
let fsModule: Promise<Fs> | undefined;

/**
 * `node:fs/promises`, loaded on first use only (so that the package bundles for browsers, where no cache
 * directory is ever given). The specifier is a variable so that bundlers do not try to resolve it.
 */
function loadFs(): Promise<Fs> {
  const specifier = 'node:fs/promises';
  fsModule ??= import(/* @vite-ignore */ specifier) as Promise<Fs>;
  return fsModule;
}

let tempCounter = 0;

/**
 * Writes one observation to its cache file atomically (temporary file in the same directory, then rename).
 * @internal
 */
export async function writeCachedPoint(cacheDir: string, observation: PointObservation): Promise<void> {
  const fs = await loadFs();
  const path = pointCachePath(
    cacheDir,
    observation.claimId,
    observation.budget,
    observation.seed,
    observation.index,
  );
  await fs.mkdir(path.slice(0, path.lastIndexOf('/')), { recursive: true });
  const pid = (globalThis as { process?: { pid?: number } }).process?.pid ?? 0;
  const temp = `${path}.${pid}-${tempCounter++}.tmp`;
  try {
    await fs.writeFile(temp, pointObservationToJson(observation), 'utf8');
    await fs.rename(temp, path);
  } catch (e) {
    await fs.rm(temp, { force: true });
    throw e;
  }
}

/** What a cached point must match to be reused. @internal */
export interface CacheFingerprint {
  readonly claimId: string;
  readonly budget: Budget;
  readonly seed: number;
  readonly index: number;
  readonly key: string;
  readonly params: ClaimParams;
}

/**
 * Reads a cached observation if there is one whose fingerprint (claim id, params, budget, seed, index, key
 * and `@ntk/bounds` version) matches; a missing, unreadable or stale file gives `undefined` (the point is
 * measured again and the file overwritten).
 * @internal
 */
export async function readCachedPoint(
  cacheDir: string,
  expected: CacheFingerprint,
): Promise<PointObservation | undefined> {
  const fs = await loadFs();
  const path = pointCachePath(cacheDir, expected.claimId, expected.budget, expected.seed, expected.index);
  let text: string;
  try {
    text = await fs.readFile(path, 'utf8');
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') return undefined;
    throw e;
  }
  let record: ReturnType<typeof pointObservationFromJson>;
  try {
    record = pointObservationFromJson(text);
  } catch {
    return undefined;
  }
  const o = record.observation;
  const matches =
    record.boundsVersion === NTK_VERSIONS['@ntk/bounds'] &&
    o.claimId === expected.claimId &&
    o.budget === expected.budget &&
    o.seed === expected.seed &&
    o.index === expected.index &&
    o.key === expected.key &&
    sameParams(o.params, expected.params);
  return matches ? { ...o, source: 'cache' } : undefined;
}

function sameParams(a: ClaimParams, b: ClaimParams): boolean {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && Object.is(a[k], b[k]));
}
