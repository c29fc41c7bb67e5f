// The drafts behind the import preview, on every test database: a draft is its uploader's alone, expires, and
// confirming it creates the plan once.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../src/import/index.ts';
import { confirmImport, getImportDraft, ImportDraftGoneError, IMPORT_DRAFT_HOURS, uploadPlan } from '../../src/services/import-preview.ts';
import { findOrCreateOrganisation } from '../../src/store/organisations-repository.ts';
import { getPlan, listPlans } from '../../src/store/plans-repository.ts';
import { insertUser } from '../../src/store/users-repository.ts';
import type { Store } from '../../src/store/database.ts';
import { forEachDatabase } from '../support/databases.ts';
import { tableRowCounts } from '../support/row-counts.ts';
import { PLAN_TXT } from '../fixtures/plans/fixture-files.ts';

const HOUR = 3_600_000;

async function setUp(store: Store) {
  const organisation = await findOrCreateOrganisation(store.db, 'Org A');
  const owner = await insertUser(store.db, { email: 'owner@a.example', name: 'Olive Owner', passwordHash: 'x' });
  const colleague = await insertUser(store.db, { email: 'owner2@a.example', name: 'Otto Owner', passwordHash: 'x' });
  const upload = { organisationId: organisation.id, userId: owner.id, fileName: 'plan.txt', bytes: readFileSync(PLAN_TXT), maxBytes: 1024 * 1024 };
  return { organisationId: organisation.id, ownerId: owner.id, colleagueId: colleague.id, upload };
}

describe('import drafts', () => {
  forEachDatabase((_name, getStore) => {
    it('keep what was read for the uploader until confirmed, then create that plan once', async () => {
      const store = getStore();
      const { organisationId, ownerId, colleagueId, upload } = await setUp(store);
      const id = await uploadPlan(store.db, upload);
      const key = { id, userId: ownerId, organisationId };

      const draft = await getImportDraft(store.db, key);
      expect(draft?.plan.commitments).toHaveLength(7);
      expect(draft?.format).toBe('txt');
      expect(await getImportDraft(store.db, { ...key, userId: colleagueId })).toBeNull();
      await expect(confirmImport(store.db, { ...key, userId: colleagueId })).rejects.toBeInstanceOf(ImportDraftGoneError);

      const planId = await confirmImport(store.db, key);
      expect((await getPlan(store.db, planId))?.commitments.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect(await getImportDraft(store.db, key)).toBeNull();
      await expect(confirmImport(store.db, key)).rejects.toBeInstanceOf(ImportDraftGoneError);
      expect(await listPlans(store.db, organisationId)).toHaveLength(1);
    });

    it(`expire after ${IMPORT_DRAFT_HOURS} hours, and expired ones are cleared by the next upload`, async () => {
      const store = getStore();
      const { organisationId, ownerId, upload } = await setUp(store);
      const uploadedAt = new Date('2019-05-01T09:00:00Z');
      const id = await uploadPlan(store.db, upload, uploadedAt);
      const key = { id, userId: ownerId, organisationId };
      const later = (hours: number) => new Date(uploadedAt.getTime() + hours * HOUR);

      expect(await getImportDraft(store.db, key, later(IMPORT_DRAFT_HOURS - 0.1))).not.toBeNull();
      expect(await getImportDraft(store.db, key, later(IMPORT_DRAFT_HOURS))).toBeNull();
      await expect(confirmImport(store.db, key, later(IMPORT_DRAFT_HOURS + 1))).rejects.toBeInstanceOf(ImportDraftGoneError);

      await uploadPlan(store.db, upload, later(IMPORT_DRAFT_HOURS + 1));
      expect((await tableRowCounts(store)).import_drafts).toBe(1);
      expect(await listPlans(store.db, organisationId)).toEqual([]);
    });

    it('store nothing for a file that cannot be read (only the upload, counted against the user’s limit)', async () => {
      const store = getStore();
      const { upload } = await setUp(store);
      const before = await tableRowCounts(store);
      await expect(uploadPlan(store.db, { ...upload, bytes: new Uint8Array(Buffer.from('no table here\n')) })).rejects.toBeInstanceOf(ImportError);
      expect(await tableRowCounts(store)).toEqual({ ...before, import_attempts: (before.import_attempts ?? 0) + 1 });
    });
  });
});
