// `tracker generate`: the same seed gives the same data; a different seed gives other data; the shape asked for
// is there; passwords are made per run and work; the command line prints the sign-in details.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../src/config.ts';
import { fixedClock } from '../../src/services/clock.ts';
import { createServices } from '../../src/services/index.ts';
import { authenticate } from '../../src/services/accounts.ts';
import type { Store } from '../../src/store/database.ts';
import { freshSqliteStore, freshStore, testDatabaseNames } from '../support/databases.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const TODAY = '2026-12-01';
const TABLES = ['organisations', 'memberships', 'plans', 'commitments', 'milestones', 'milestone_redates', 'kpis', 'kpi_readings', 'review_periods', 'progress_updates'] as const;

async function generated(seed: number, organisations = 3, store?: Store) {
  store ??= await freshSqliteStore();
  const services = createServices(store, { config: loadConfig({ DEMO: 'false' }), clock: fixedClock(TODAY) });
  const result = await services.syntheticData.generate({ organisations, seed });
  return { store, result };
}

/** Every generated row (users without their password hashes, which are salted). */
async function dump(store: Store): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of TABLES) out[table] = await store.db.selectFrom(table).selectAll().execute();
  out.users = await store.db.selectFrom('users').select(['id', 'email', 'name', 'created_at']).orderBy('id').execute();
  return out;
}

describe('generate', () => {
  it('makes the same data from the same seed, and other data from another', async () => {
    const a = await generated(42);
    const b = await generated(42);
    const c = await generated(43);
    try {
      const first = await dump(a.store);
      expect(await dump(b.store)).toEqual(first);
      expect(await dump(c.store)).not.toEqual(first);
      // Passwords are not derived from the seed: made afresh each run.
      expect(a.result.accounts[0]?.password).not.toBe(b.result.accounts[0]?.password);
    } finally {
      await Promise.all([a.store.close(), b.store.close(), c.store.close()]);
    }
  }, 60_000);

  it.each(testDatabaseNames())('makes the same rows on %s as on SQLite', async (database) => {
    const sqlite = await generated(11);
    const other = await generated(11, 3, await freshStore(database));
    try {
      const rows = (d: Record<string, unknown[]>) => JSON.stringify(Object.fromEntries(Object.entries(d).map(([t, list]) => [t, list.length])));
      expect(rows(await dump(other.store))).toBe(rows(await dump(sqlite.store)));
      expect(await other.store.db.selectFrom('progress_updates').select(['id', 'rag', 'state']).orderBy('id').execute())
        .toEqual(await sqlite.store.db.selectFrom('progress_updates').select(['id', 'rag', 'state']).orderBy('id').execute());
    } finally {
      await Promise.all([sqlite.store.close(), other.store.close()]);
    }
  }, 60_000);

  it('gives each organisation a plan of 12 commitments × 15 milestones, 5 KPIs with readings and 12 quarters of updates', async () => {
    const { store, result } = await generated(7);
    try {
      expect(result.organisations).toBe(3);
      const count = async (table: (typeof TABLES)[number]) => (await store.db.selectFrom(table).selectAll().execute()).length;
      expect(await count('organisations')).toBe(3);
      expect(await count('plans')).toBe(3);
      expect(await count('commitments')).toBe(36);
      expect(await count('milestones')).toBe(540);
      expect(await count('kpis')).toBe(15);
      expect(await count('kpi_readings')).toBe(15 * 12);
      const updates = await store.db.selectFrom('progress_updates').innerJoin('review_periods', 'review_periods.id', 'progress_updates.review_period_id')
        .select(['review_periods.label', 'review_periods.ends_on', 'progress_updates.state', 'progress_updates.rag']).execute();
      const labels = [...new Set(updates.map((u) => u.label))];
      expect(labels).toHaveLength(12);
      // Every period's updates are signed off except the latest (which ended before today).
      const latest = updates.reduce((m, u) => (u.ends_on > m ? u.ends_on : m), '');
      expect(latest < TODAY).toBe(true);
      expect(updates.filter((u) => u.ends_on < latest).every((u) => u.state === 'signed-off')).toBe(true);
      expect(updates.filter((u) => u.ends_on === latest).some((u) => u.state === 'submitted')).toBe(true);
      expect(updates.filter((u) => u.ends_on === latest).every((u) => u.state !== 'signed-off')).toBe(true);
      // Variety: ratings of every colour drift; some milestones overdue, some re-dated.
      expect(new Set(updates.map((u) => u.rag))).toEqual(new Set(['red', 'amber', 'green', 'blue']));
      const overdue = await store.db.selectFrom('milestones').selectAll().where('status', 'not in', ['done', 'dropped']).where('due_to', '<', TODAY).execute();
      expect(overdue.length).toBeGreaterThan(0);
      expect(await count('milestone_redates')).toBeGreaterThan(0);
      // The national reviewer covers every organisation; both accounts can sign in with the printed passwords.
      const [national, owner] = result.accounts;
      const reviewer = await authenticate(store.db, national?.email ?? '', national?.password ?? '');
      expect(reviewer?.memberships.filter((m) => m.role === 'reviewer')).toHaveLength(3);
      const planOwner = await authenticate(store.db, owner?.email ?? '', owner?.password ?? '');
      expect(planOwner?.memberships.map((m) => m.role)).toEqual(['plan-owner']);
    } finally {
      await store.close();
    }
  }, 60_000);

  it('runs from the command line with --orgs 3, printing progress and the sign-in details', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tracker-generate-'));
    try {
      const run = () =>
        spawnSync(process.execPath, ['bin/tracker.js', 'generate', '--orgs', '3', '--seed', '9', '--database-url', join(dir, 'national.sqlite')], {
          cwd: root,
          env: { ...process.env, DATA_DIR: dir, LOG_LEVEL: 'warn', TRACKER_TODAY: TODAY, SERVICE_URL: 'https://tracker.example' },
          encoding: 'utf8',
          timeout: 60_000,
        });
      const first = run();
      expect(first.stderr).toBe('');
      expect(first.status).toBe(0);
      // Not a terminal: plain progress lines.
      expect(first.stdout).toContain('Generated 3 of 3 organisations');
      expect(first.stdout).toMatch(/Generated 3 organisations \(\d+ rows, seed 9\) in \d+\.\d s\./);
      expect(first.stdout).toContain('Sign in at https://tracker.example/sign-in with:');
      expect(first.stdout).toMatch(/^ {2}national\.reviewer\.9@synthetic\.example\s{2,}\S{18}\s{2}Reviewer \(national: every organisation\), 3 organisations$/m);
      expect(first.stdout).toMatch(/^ {2}owner@\S+\.synthetic\.example\s{2,}\S{18}\s{2}Plan owner, /m);
      // A database that already has organisations is refused, not mixed with new ones.
      const again = run();
      expect(again.status).toBe(1);
      expect(again.stderr).toContain('already has organisations');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
