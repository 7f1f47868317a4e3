import { UsageError } from '../errors/usage-error.ts';

/**
 * Flag value parsers for commander (`.option('--seed <n>', '…', integerFlag('--seed'))`): each turns the text
 * into a value or throws a {@link UsageError} naming the flag and the text, so a bad flag exits with code 2
 * and one line.
 */

/** An integer flag (optionally bounded below). */
export function integerFlag(flag: string, min: number = Number.MIN_SAFE_INTEGER): (text: string) => number {
  return (text) => {
    const v = Number(text);
    if (text.trim() === '' || !Number.isSafeInteger(v) || v < min) {
      throw new UsageError(
        `${flag} must be an integer${min > Number.MIN_SAFE_INTEGER ? ` ≥ ${min}` : ''}, got ${JSON.stringify(text)}`,
      );
    }
    return v;
  };
}

/** A finite number flag. */
export function numberFlag(flag: string): (text: string) => number {
  return (text) => {
    const v = Number(text);
    if (text.trim() === '' || !Number.isFinite(v)) {
      throw new UsageError(`${flag} must be a finite number, got ${JSON.stringify(text)}`);
    }
    return v;
  };
}

/** A comma-separated list flag (empty items dropped); `item` parses each item. */
export function listFlag<T = string>(
  flag: string,
  item: (text: string) => T = (t) => t as T,
): (text: string) => T[] {
  return (text) => {
    const items = text
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    if (items.length === 0)
      throw new UsageError(`${flag} must be a comma-separated list, got ${JSON.stringify(text)}`);
    return items.map(item);
  };
}

/** A flag whose value is one of a fixed set. */
export function choiceFlag<T extends string>(flag: string, choices: readonly T[]): (text: string) => T {
  return (text) => {
    if (!(choices as readonly string[]).includes(text)) {
      throw new UsageError(
        `${flag} must be ${choices.map((c) => `'${c}'`).join(' or ')}, got ${JSON.stringify(text)}`,
      );
    }
    return text as T;
  };
}
