import { planDocumentName } from '@prozesswerkstatt/contract';
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database, NewVersionRow, VersionStatus } from '../schema/database.js';
import { isApprovedVersionImmutableError } from '../schema/dialect-schema.js';

import type { SchemaTestContext } from './schema-test-database.js';

export type { SchemaTestContext } from './schema-test-database.js';

/**
 * Checks the database-level guard of both dialects: an approved version and its approvals can be
 * neither updated nor deleted, while versions in other states can.
 */
export function runApprovedVersionGuardTests(
  name: string,
  setup: () => Promise<SchemaTestContext>,
): void {
  describe(`approved versions are immutable: ${name}`, () => {
    let context: SchemaTestContext;
    let db: Kysely<Database>;

    beforeEach(async () => {
      context = await setup();
      db = context.db;
    });
    afterEach(() => context.teardown());

    async function insertVersion(status: VersionStatus): Promise<string> {
      const version: NewVersionRow = {
        id: randomUUID(),
        doc_name: planDocumentName(randomUUID()),
        kind: 'named',
        label: 'Fassung 1',
        note: null,
        state: new Uint8Array([0, 0]),
        canonical_json: '{}',
        sha256: '44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
        author_id: 'user-1',
        status,
      };
      await db.insertInto('versions').values(version).execute();
      await db
        .insertInto('version_approvals')
        .values({
          version_id: version.id,
          user_id: 'user-2',
          role: 'facilitator',
          decision: 'approved',
          reason: null,
        })
        .execute();
      return version.id;
    }

    it('rejects updating or deleting an approved version', async () => {
      const id = await insertVersion('approved');

      const update = db.updateTable('versions').set({ label: 'changed' }).where('id', '=', id);
      await expect(update.execute()).rejects.toSatisfy(isApprovedVersionImmutableError);
      const demote = db.updateTable('versions').set({ status: 'draft' }).where('id', '=', id);
      await expect(demote.execute()).rejects.toSatisfy(isApprovedVersionImmutableError);
      const remove = db.deleteFrom('versions').where('id', '=', id);
      await expect(remove.execute()).rejects.toSatisfy(isApprovedVersionImmutableError);

      const row = await db
        .selectFrom('versions')
        .select(['label', 'status', 'created_at'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ label: 'Fassung 1', status: 'approved' });
      expect(row.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    });

    it('rejects changing or deleting the approvals of an approved version', async () => {
      const id = await insertVersion('approved');
      const approvals = db
        .updateTable('version_approvals')
        .set({ reason: 'x' })
        .where('version_id', '=', id);
      await expect(approvals.execute()).rejects.toSatisfy(isApprovedVersionImmutableError);
      const remove = db.deleteFrom('version_approvals').where('version_id', '=', id);
      await expect(remove.execute()).rejects.toSatisfy(isApprovedVersionImmutableError);
    });

    it('lets a draft be edited, approved, and deleted while still a draft', async () => {
      const draft = await insertVersion('draft');
      await db
        .updateTable('versions')
        .set({ label: 'Fassung 2' })
        .where('id', '=', draft)
        .execute();
      await db
        .updateTable('version_approvals')
        .set({ reason: 'ok' })
        .where('version_id', '=', draft)
        .execute();
      await db.deleteFrom('versions').where('id', '=', draft).execute();
      const left = await db
        .selectFrom('version_approvals')
        .selectAll()
        .where('version_id', '=', draft)
        .execute();
      expect(left).toEqual([]); // cascaded

      const inReview = await insertVersion('in_review');
      await db
        .updateTable('versions')
        .set({ status: 'approved' })
        .where('id', '=', inReview)
        .execute();
      const update = db
        .updateTable('versions')
        .set({ note: 'too late' })
        .where('id', '=', inReview);
      await expect(update.execute()).rejects.toSatisfy(isApprovedVersionImmutableError);
    });

    it('records the submission before approval and refuses to change it afterwards', async () => {
      const id = await insertVersion('draft');
      const submittedAt = new Date().toISOString();
      await db
        .updateTable('versions')
        .set({ status: 'in_review', submitted_by: 'user-1', submitted_at: submittedAt })
        .where('id', '=', id)
        .execute();
      await db.updateTable('versions').set({ status: 'approved' }).where('id', '=', id).execute();
      const resubmit = db
        .updateTable('versions')
        .set({ submitted_by: 'user-3' })
        .where('id', '=', id);
      await expect(resubmit.execute()).rejects.toSatisfy(isApprovedVersionImmutableError);
      const row = await db
        .selectFrom('versions')
        .select(['submitted_by', 'submitted_at'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row.submitted_by).toBe('user-1');
      expect(new Date(row.submitted_at!).toISOString()).toBe(submittedAt);
    });

    it('rejects values outside the allowed kinds and states', async () => {
      const id = await insertVersion('draft');
      const bad = db
        .updateTable('versions')
        .set({ status: 'published' as VersionStatus })
        .where('id', '=', id);
      await expect(bad.execute()).rejects.toThrow();
    });
  });
}
