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

/** The plain text fields of one record kind, each as a string. */
export type TextFields<K extends TextRecordKind> = { [F in TextFieldName<K>]: string };

/** The plain text fields of a record kind as a zod shape to spread into the record's schema. */
export function textFieldsShape<K extends TextRecordKind>(
  kind: K,
): { [F in TextFieldName<K>]: z.ZodString } {
  return Object.fromEntries(
    textFieldNames(kind).map((field) => [field, limitedText(kind, field)]),
  ) as { [F in TextFieldName<K>]: z.ZodString };
}

/**
 * The plain text fields of a record kind for its JSON form: as {@link textFieldsShape}, but a
 * missing field reads as empty, as it does in a document. A file written before a field existed
 * stays valid without a schema migration.
 */
export function textFieldsJSONShape<K extends TextRecordKind>(
  kind: K,
): { [F in TextFieldName<K>]: z.ZodDefault<z.ZodString> } {
  return Object.fromEntries(
    textFieldNames(kind).map((field) => [field, limitedText(kind, field).default('')]),
  ) as { [F in TextFieldName<K>]: z.ZodDefault<z.ZodString> };
}

/** Every plain text field of a record kind, empty: the defaults of a new record. */
export function emptyTextFields<K extends TextRecordKind>(kind: K): TextFields<K> {
  return Object.fromEntries(textFieldNames(kind).map((field) => [field, ''])) as TextFields<K>;
}

/** The names of a record kind's plain text fields, in the contract's order. */
export function textFieldNames<K extends TextRecordKind>(kind: K): TextFieldName<K>[] {
  return Object.keys(TEXT_LIMITS[kind]) as TextFieldName<K>[];
}

/**
 * Every stored key that holds plain text, in any record. The names do not collide with a
 * non-text key of another record kind, so the store can tell a text field by its key alone.
 */
export const PLAIN_TEXT_KEYS: ReadonlySet<string> = new Set(
  Object.values(TEXT_LIMITS).flatMap((fields) => Object.keys(fields)),
);
