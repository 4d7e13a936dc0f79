/**
 * `@prozesswerkstatt/method-library/seed`: the methods the library starts with, validated. A
 * separate entry, so pages that only filter (the board's picker) do not bundle every text.
 */
import { SEED_METHODS } from './methods/index.js';
import { seedMethodSchema, type Method } from './schema.js';

export { SEED_METHODS };

/** The seed methods parsed by the schema (trimmed); throws naming the first invalid method. */
export function validSeedMethods(): Method[] {
  return SEED_METHODS.map((method) => {
    const parsed = seedMethodSchema.safeParse(method);
    if (!parsed.success) {
      throw new Error(`seed method ${method.id}: ${parsed.error.message}`);
    }
    return parsed.data;
  });
}
