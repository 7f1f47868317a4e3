import { describe, expect, it } from 'vitest';
import { NTK_VERSIONS } from '../result/ntk-versions.ts';
import type { PointObservation } from './point-observation.ts';
import { pointObservationFromJson, pointObservationToJson } from './point-observation-json.ts';

const obs: PointObservation = {
  claimId: 'synthetic-claim',
  budget: 'full',
  seed: 7,
  index: 2,
  key: '0123456789abcdef',
  params: { depth: 3, activation: 'relu', bias: false },
  prediction: { mean: 1.5, ratio: Number.POSITIVE_INFINITY },
  measurement: {
    values: {
      mean: { value: 1.49, standardError: 0.01, samples: 100 },
      ratio: { value: Number.NaN, interval: [Number.NEGATIVE_INFINITY, 3] },
    },
    settings: { widths: [64, 64], note: 'x', nested: { lr: 0.1 } },
  },
  durationMs: 12.5,
  source: 'measured',
};

describe('pointObservationToJson / pointObservationFromJson', () => {
  it('pointObservationFromJson(pointObservationToJson(o)) restores o exactly, non-finite numbers included', () => {
    const text = pointObservationToJson(obs);
    expect(text).not.toMatch(/NaN[^"]|Infinity[^"]/); // strict JSON: tags are strings
    const back = pointObservationFromJson(text);
    expect(back.observation).toEqual(obs);
    expect(back.observation.measurement.values['ratio']?.value).toBeNaN();
    expect(back.boundsVersion).toBe(NTK_VERSIONS['@ntk/bounds']);
  });
  it('pointObservationToJson rejects typed arrays in settings', () => {
    const bad = { ...obs, measurement: { values: {}, settings: { w: new Float64Array(1) } } };
    expect(() => pointObservationToJson(bad)).toThrow(
      /pointObservationToJson: invalid argument. `observation.measurement.settings.w`/,
    );
  });
  it('pointObservationFromJson rejects text that is not a point record, naming the field', () => {
    expect(() => pointObservationFromJson('{')).toThrow(/pointObservationFromJson: invalid argument. `text`/);
    const good = JSON.parse(pointObservationToJson(obs));
    const broken = (patch: Record<string, unknown>) => JSON.stringify({ ...good, ...patch });
    expect(() => pointObservationFromJson(broken({ format: 'x' }))).toThrow(/`text.format`/);
    expect(() => pointObservationFromJson(broken({ index: -1 }))).toThrow(/`text.index`/);
    expect(() => pointObservationFromJson(broken({ key: 'abc' }))).toThrow(/`text.key`/);
    expect(() => pointObservationFromJson(broken({ budget: 'medium' }))).toThrow(/`text.budget`/);
    expect(() => pointObservationFromJson(broken({ prediction: { a: 'x' } }))).toThrow(/`text.prediction`/);
    expect(() => pointObservationFromJson(broken({ measurement: { values: { a: { v: 1 } } } }))).toThrow(
      /`text.measurement.values.a`/,
    );
  });
});
