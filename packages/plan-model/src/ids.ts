import { nanoid } from 'nanoid';

/** Length of generated ids: 21 nanoid characters ≈ 126 random bits, collision-free in practice. */
const ID_LENGTH = 21;

/**
 * A new stable random id for a record. nanoid only needs `crypto.getRandomValues`, which browsers
 * also offer in non-secure (plain http) contexts, unlike `crypto.randomUUID`.
 */
export function newId<T extends string>(): T {
  return nanoid(ID_LENGTH) as T;
}
