import type { Kysely } from 'kysely';
import type { Database } from '../schema/database.js';

/**
 * Accounts and plans for storage tests of plan-scoped tables: each account id stands for its
 * name ("ada" → Ada, ada@example.org), each plan id for its document (`plans/<id>`) and title
 * (P1), led by the first account.
 */
export async function seedAccountsAndPlans(
  db: Kysely<Database>,
  accounts: readonly [string, ...string[]],
  plans: readonly string[],
): Promise<void> {
  await db
    .insertInto('users')
    .values(
      accounts.map((id) => ({
        id,
        email: `${id}@example.org`,
        name: id.charAt(0).toUpperCase() + id.slice(1),
        password_hash: 'h',
      })),
    )
    .execute();
  await db
    .insertInto('plans')
    .values(
      plans.map((id) => ({
        id,
        doc_name: `plans/${id}`,
        title: id.toUpperCase(),
        facilitator_id: accounts[0],
      })),
    )
    .execute();
}
