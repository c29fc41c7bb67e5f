// An archived organisation is read-only for its members, on every channel: its plans can be read, nothing changed.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { loadUser, can } from '../../src/services/accounts.ts';
import { setOrganisationArchived } from '../../src/store/organisations-repository.ts';
import { appOver } from '../support/app.ts';
import { freshSqliteStore } from '../support/databases.ts';
import { demoAccount } from '../support/demo-accounts.ts';
import { seedStaticDemo } from '../support/static-demo.ts';
import { client } from './support.ts';

describe('an archived organisation', () => {
  it('lets its plan owner read the plan but not change it, and says why', async () => {
    const store = await freshSqliteStore();
    const app = await appOver(store, loadConfig({ DEMO: 'false' }));
    try {
      const { planId } = await seedStaticDemo(store);
      const plan = await store.db.selectFrom('plans').select('organisation_id').where('id', '=', planId).executeTakeFirstOrThrow();
      const owner = demoAccount('owner@demo.example');
      const browser = client(app);
      await browser.signIn(owner.email, owner.password);
      expect((await browser.get(`/plans/${planId}/edit`)).statusCode).toBe(200);

      await setOrganisationArchived(store.db, plan.organisation_id, '2026-11-30T12:00:00.000Z');
      expect((await browser.get(`/plans/${planId}`)).statusCode).toBe(200);
      const edit = await browser.get(`/plans/${planId}/edit`);
      expect(edit.statusCode).toBe(403);
      expect(edit.body).toContain('This organisation is archived');

      const row = await store.db.selectFrom('users').select('id').where('email', '=', owner.email).executeTakeFirstOrThrow();
      const user = await loadUser(store.db, row.id);
      expect(can(user, 'plan:read', plan.organisation_id)).toBe(true);
      expect(can(user, 'commitment:edit', plan.organisation_id)).toBe(false);
      expect(can(user, 'plan:import', plan.organisation_id)).toBe(false);

      await setOrganisationArchived(store.db, plan.organisation_id, null);
      expect((await browser.get(`/plans/${planId}/edit`)).statusCode).toBe(200);
    } finally {
      await app.close();
      await store.close();
    }
  });
});
