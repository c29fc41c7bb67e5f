import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { recordAudit, verifyAuditChain } from '../../src/store/audit-repository.ts';
import { createOrganisation } from '../../src/store/organisations-repository.ts';
import type { Dialect } from '../../src/store/database.ts';
import type { Database } from '../../src/store/schema.ts';
import { forEachDatabase } from '../support/databases.ts';
import { insertTestUser } from '../support/fixtures.ts';

/** What someone with direct access to the database could do: remove the append-only triggers. */
async function dropGuards(db: Kysely<Database>, dialect: Dialect): Promise<void> {
  if (dialect === 'postgres') {
    await sql`drop trigger audit_events_no_change on audit_events`.execute(db);
  } else {
    await sql`drop trigger audit_events_no_update`.execute(db);
    await sql`drop trigger audit_events_no_delete`.execute(db);
  }
}

async function fiveEvents(db: Kysely<Database>) {
  const org = await createOrganisation(db, 'Org');
  const user = await insertTestUser(db);
  const events = [];
  for (let i = 1; i <= 5; i++) {
    events.push(await recordAudit(db, { organisationId: org.id, userId: user, entity: 'milestone', entityId: i, action: 'update', after: { text: `v${i}` } }));
  }
  return { org, user, events };
}

describe('tamper-evident audit trail', () => {
  forEachDatabase((name, getStore) => {
    it('chains events and verifies a whole chain', async () => {
      const { db } = getStore();
      const { events } = await fiveEvents(db);
      expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
      expect(events[1]?.prevHash).toBe(events[0]?.hash);
      expect(await verifyAuditChain(db)).toEqual({ ok: true, events: 5 });
    });

    it('refuses to change or delete an event', async () => {
      const { db } = getStore();
      const { events } = await fiveEvents(db);
      await expect(db.updateTable('audit_events').set({ action: 'nothing' }).where('id', '=', events[0]!.id).execute()).rejects.toThrow(/append-only/);
      await expect(db.deleteFrom('audit_events').where('id', '=', events[0]!.id).execute()).rejects.toThrow(/append-only/);
      expect(await verifyAuditChain(db)).toEqual({ ok: true, events: 5 });
    });

    it('keeps who did it when the user and organisation are deleted', async () => {
      const { db } = getStore();
      const { org, user, events } = await fiveEvents(db);
      const person = await db.selectFrom('users').select(['name', 'email']).where('id', '=', user).executeTakeFirstOrThrow();
      await db.deleteFrom('memberships').where('user_id', '=', user).execute();
      await db.deleteFrom('users').where('id', '=', user).execute();
      await db.deleteFrom('organisations').where('id', '=', org.id).execute();
      const row = await db.selectFrom('audit_events').selectAll().where('id', '=', events[2]!.id).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ user_id: user, user_name: person.name, user_email: person.email, organisation_name: 'Org' });
      expect((await verifyAuditChain(db)).ok).toBe(true);
    });

    it('names the event that was edited', async () => {
      const { db } = getStore();
      const { events } = await fiveEvents(db);
      await dropGuards(db, name);
      await db.updateTable('audit_events').set({ after: '{"text":"forged"}' }).where('id', '=', events[2]!.id).execute();
      expect(await verifyAuditChain(db)).toMatchObject({ ok: false, eventId: events[2]!.id, seq: 3, problem: expect.stringMatching(/edited/) });
    });

    it('names the event after one that was deleted', async () => {
      const { db } = getStore();
      const { events } = await fiveEvents(db);
      await dropGuards(db, name);
      await db.deleteFrom('audit_events').where('id', '=', events[1]!.id).execute();
      expect(await verifyAuditChain(db)).toMatchObject({ ok: false, eventId: events[2]!.id });
    });

    it('names the first of two events that were swapped, even with their sequence numbers swapped too', async () => {
      const { db } = getStore();
      const { events } = await fiveEvents(db);
      await dropGuards(db, name);
      const [second, fourth] = [events[1]!, events[3]!];
      await db.updateTable('audit_events').set({ seq: -1 }).where('id', '=', second.id).execute();
      await db.updateTable('audit_events').set({ seq: 2 }).where('id', '=', fourth.id).execute();
      await db.updateTable('audit_events').set({ seq: 4 }).where('id', '=', second.id).execute();
      expect(await verifyAuditChain(db)).toMatchObject({ ok: false, eventId: fourth.id, seq: 2 });
    });

    it('appends concurrent events one after the other', async () => {
      const { db } = getStore();
      const org = await createOrganisation(db, 'Org');
      await Promise.all(Array.from({ length: 12 }, (_, i) =>
        recordAudit(db, { organisationId: org.id, userId: null, entity: 'plan', entityId: i, action: 'update' })));
      expect(await verifyAuditChain(db)).toEqual({ ok: true, events: 12 });
    });
  });
});
