import type { JsonValue } from '../result/json-types.ts';

/**
 * A Vega-Lite (v6) specification as plain JSON, as {@link toVegaLite} writes it. Render it with
 * `vega-embed`, or compile it with `vega-lite`'s `compile` to a Vega spec; `@ntk/bounds` itself does not
 * depend on either.
 */
export interface VegaLiteSpec {
  /** The schema URL, `https://vega.github.io/schema/vega-lite/v6.json`. */
  readonly $schema: string;
  /** The rest of the spec. */
  readonly [property: string]: JsonValue;
}
