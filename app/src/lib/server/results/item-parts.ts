/** How many parts an item was split into: the edit and split pages say so beside the item. */
import type { Db } from '../db.js';

/** The number of parts split off contribution `contributionId` of plan `planId`. */
export async function countParts(db: Db, planId: string, contributionId: string): Promise<number> {
  const row = await db
    .selectFrom('contributions')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('plan_id', '=', planId)
    .where('parent_id', '=', contributionId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
