import { describe, expect, it } from 'vitest';
import { listAuditEvents, recordAudit, type NewAuditEvent } from '../../src/store/audit-repository.ts';
import { createOrganisation } from '../../src/store/organisations-repository.ts';
import { forEachDatabase } from '../support/databases.ts';
import { insertTestUser } from '../support/fixtures.ts';

describe('audit repository', () => {
  forEachDatabase((_name, getStore) => {
    it('records who changed what, with before and after as they were', async () => {
      const { db } = getStore();
      const org = await createOrganisation(db, 'Org');
      const user = await insertTestUser(db);
      const change: NewAuditEvent = {
        organisationId: org.id,
        userId: user,
        entity: 'milestone',
        entityId: 7,
        action: 'redate',
        before: { due: { from: '2019-04-01', to: '2019-05-31' }, text: 'Chair “appointed”' },
        after: { due: null },
      };
      const event = await recordAudit(db, change);
      expect(event).toMatchObject(change);
      expect(Date.parse(event.at)).not.toBeNaN();
      expect(await listAuditEvents(db, org.id)).toEqual([event]);
    });

    it('lists an organisation’s events newest first, filtered and limited', async () => {
      const { db } = getStore();
      const org = await createOrganisation(db, 'Org');
      const other = await createOrganisation(db, 'Other');
      const base = { userId: null, entityId: 1, action: 'update' };
      const first = await recordAudit(db, { ...base, organisationId: org.id, entity: 'plan' });
      const second = await recordAudit(db, { ...base, organisationId: org.id, entity: 'kpi', before: null });
      const third = await recordAudit(db, { ...base, organisationId: org.id, entity: 'plan', entityId: 2 });
      await recordAudit(db, { ...base, organisationId: other.id, entity: 'plan' });
      expect(second).toMatchObject({ before: null, after: null });
      expect((await listAuditEvents(db, org.id)).map((e) => e.id)).toEqual([third.id, second.id, first.id]);
      expect((await listAuditEvents(db, org.id, { entity: 'plan' })).map((e) => e.id)).toEqual([third.id, first.id]);
      expect((await listAuditEvents(db, org.id, { entity: 'plan', entityId: 1 })).map((e) => e.id)).toEqual([first.id]);
      expect((await listAuditEvents(db, org.id, { limit: 1 })).map((e) => e.id)).toEqual([third.id]);
    });
  });
});
