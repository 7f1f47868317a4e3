/** A JSON value: what `JSON.parse` returns (no `undefined`, no `NaN`/`Infinity`, no typed arrays). */
export type JsonValue =
  | null
  | boolean
  | number
  | string
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue };

/**
 * The JSON-safe form of a type, as written by {@link toJsonSafe}: every `number` may be `null`, which
 * stands for a number that was not finite. In an interval or accept region (`lo`/`hi`, `[lo, hi]`) a
 * `null` lower end means −∞ and a `null` upper end +∞; elsewhere `null` means NaN or ±∞ (the verdict
 * engine reports such a statistic as `inconclusive` with a note).
 */
export type JsonSafe<T> = T extends number
  ? number | null
  : T extends string | boolean | null | undefined
    ? T
    : T extends readonly [infer A, infer B]
      ? readonly [JsonSafe<A>, JsonSafe<B>]
      : T extends readonly (infer U)[]
        ? readonly JsonSafe<U>[]
        : T extends object
          ? { readonly [K in keyof T]: JsonSafe<T[K]> }
          : T;
