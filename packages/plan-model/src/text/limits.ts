import { TEXT_LIMITS } from '@prozesswerkstatt/contract';
import { z } from 'zod';

/**
 * The longest text each plain text field accepts, in UTF-16 code units: the contract's table
 * (the limits schema version 2 already enforced; plan-model never cuts a user's text to fit).
 * Documented in the README's table.
 */
export { TEXT_LIMITS };

/** A record kind that has plain text fields. */
export type TextRecordKind = keyof typeof TEXT_LIMITS;

/** The plain text fields of one record kind. */
export type TextFieldName<K extends TextRecordKind> = keyof (typeof TEXT_LIMITS)[K] & string;

/** Zod schema of one plain text field: any string up to the field's limit (empty allowed). */
export function limitedText<K extends TextRecordKind>(kind: K, field: TextFieldName<K>) {
  return z.string().max(TEXT_LIMITS[kind][field] as number);
}

/**
 * Every stored key that holds plain text, in any record. The names do not collide with a
 * non-text key of another record kind, so the store can tell a text field by its key alone.
 */
export const PLAIN_TEXT_KEYS: ReadonlySet<string> = new Set(
  Object.values(TEXT_LIMITS).flatMap((fields) => Object.keys(fields)),
);
