import { z } from 'zod';

/**
 * The kinds of value an environment variable holds. Every variable treats a blank value as unset
 * (an empty `ORIGIN` crashes adapter-node, and an empty secret would be a silent
 * misconfiguration); its message completes "VARIABLE must be …".
 */

const MAX_INTEGER = Number.MAX_SAFE_INTEGER;

function blankAsUnset(value: unknown): unknown {
  return typeof value === 'string' && value.trim() === '' ? undefined : value;
}

/** A trimmed string, unset when blank. */
export function optionalText(): z.ZodType<string | undefined, unknown> {
  return z.preprocess(blankAsUnset, z.string().trim().optional());
}

/** A trimmed string with a default. */
export function text(fallback: string): z.ZodType<string, unknown> {
  return optionalText().transform((value) => value ?? fallback);
}

/** A whole number between `least` and `most`, written in decimal. */
function wholeNumber(least: number, most: number): z.ZodType<number, string> {
  const rule =
    most !== MAX_INTEGER
      ? `an integer between ${least} and ${most}`
      : least === 0
        ? 'a non-negative integer'
        : least === 1
          ? 'a positive integer'
          : `an integer of at least ${least}`;
  return z.string().transform((raw, context) => {
    const value = Number(raw);
    if (
      !/^-?\d+$/.test(raw.trim()) ||
      !Number.isSafeInteger(value) ||
      value < least ||
      value > most
    ) {
      context.addIssue({ code: 'custom', message: `must be ${rule}` });
      return z.NEVER;
    }
    return value;
  });
}

/** A whole number, unset when blank. */
export function optionalInteger(
  least: number,
  most = MAX_INTEGER,
): z.ZodType<number | undefined, unknown> {
  return z.preprocess(blankAsUnset, wholeNumber(least, most).optional());
}

/** A whole number with a default. */
export function integer(
  fallback: number,
  least: number,
  most = MAX_INTEGER,
): z.ZodType<number, unknown> {
  return optionalInteger(least, most).transform((value) => value ?? fallback);
}

/** A TCP port with a default. */
export function port(fallback: number): z.ZodType<number, unknown> {
  return integer(fallback, 0, 65535);
}

/** A URL of one of these schemes (`http:`, `ws:`, …), unset when blank. */
export function optionalUrl(schemes: readonly string[]): z.ZodType<string | undefined, unknown> {
  const rule = `a URL starting with ${schemes.map((scheme) => `${scheme}//`).join(' or ')}`;
  return optionalText().refine((value) => value === undefined || urlOf(value, schemes), {
    message: `must be ${rule}`,
  });
}

function urlOf(value: string, schemes: readonly string[]): boolean {
  try {
    return schemes.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** A secret of at least `least` characters, unset when blank. */
export function optionalSecret(least: number): z.ZodType<string | undefined, unknown> {
  return optionalText().refine((value) => value === undefined || value.length >= least, {
    message: `must be at least ${least} characters long`,
  });
}

/** One of these words, with a default. */
export function oneOf<const T extends string>(
  words: readonly [T, ...T[]],
  fallback: T,
): z.ZodType<T, unknown> {
  return optionalText()
    .refine((value) => value === undefined || (words as readonly string[]).includes(value), {
      message: `must be one of ${words.join(', ')}`,
    })
    .transform((value) => (value as T | undefined) ?? fallback);
}

/** A value matching `pattern` (described by `rule`), unset when blank. */
export function optionalMatching(
  pattern: RegExp,
  rule: string,
): z.ZodType<string | undefined, unknown> {
  return optionalText().refine((value) => value === undefined || pattern.test(value), {
    message: `must be ${rule}`,
  });
}

/** A setting's value, or `fallback` when unset (a default that differs per process). */
export function withDefault<T>(
  setting: z.ZodType<T | undefined, unknown>,
  fallback: T,
): z.ZodType<T, unknown> {
  return setting.transform((value) => value ?? fallback);
}
