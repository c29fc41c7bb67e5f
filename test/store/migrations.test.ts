import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../../src/store/migrate.ts';
import { forEachDatabase } from '../support/databases.ts';
import { tableNames, tableRowCounts } from '../support/row-counts.ts';

const TABLES = [
  'audit_events', 'commitments', 'evidence', 'kpi_readings', 'kpis', 'memberships', 'milestone_redates', 'milestones',
  'monitoring_items', 'organisations', 'plans', 'progress_updates', 'review_periods', 'schema_migrations', 'sessions', 'users',
];

describe('migrations', () => {
  forEachDatabase((_name, getStore) => {
    it('create every table, recording each migration once', async () => {
      const store = getStore();
      expect(await tableNames(store)).toEqual(expect.arrayContaining(TABLES));
      const applied = await sql<{ name: string }>`select name from schema_migrations order by name`.execute(store.db);
      expect(applied.rows.map((r) => r.name)).toEqual(MIGRATIONS.map((m) => m.name));
      expect(applied.rows[0]?.name).toBe('001-initial');
    });

    it('do nothing when run again', async () => {
      const store = getStore();
      const before = await tableRowCounts(store);
      expect(await migrate(store)).toEqual([]);
      expect(await tableRowCounts(store)).toEqual(before);
    });

    it('enforce foreign keys: a commitment needs an existing plan', async () => {
      const { db } = getStore();
      await expect(
        db.insertInto('commitments').values({ plan_id: 999, number: 1, position: 0, title: 'x', summary: '' }).execute(),
      ).rejects.toThrow();
    });
  });
});
