import { hash, verify } from '@node-rs/argon2';

/**
 * Password hashing with argon2id (the library's default algorithm) and its default cost: 19 MiB
 * of memory, 2 passes, 1 lane — the OWASP minimum for argon2id, about 30 ms here. The result is a
 * PHC string that carries algorithm, cost and salt, so the cost can be raised later without
 * breaking stored hashes.
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** True when `password` matches `passwordHash`; false (never a throw) for a malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * A valid hash of a password nobody knows, computed once: verified against when an email has no
 * account, so a failed login takes the same time whether or not the account exists.
 */
let decoyHash: Promise<string> | undefined;

/** Spends the time of one verification without revealing anything; always false. */
export async function verifyDecoy(password: string): Promise<false> {
  decoyHash ??= hash(`decoy-${Math.random()}`);
  await verifyPassword(await decoyHash, password);
  return false;
}
