// Two instances of the service on one database, as behind a load balancer: two apps, each over its own store
// (its own connections) on the same PostgreSQL schema, listening on two ports. Whatever one instance does must
// hold on the other: a sign-in, a write, a sign-out, and the day's reminders, which go out once however many
// instances start sending at the same moment. Also on two connections to one SQLite file (one machine).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { fixedClock } from '../../src/services/clock.ts';
import { createServices } from '../../src/services/index.ts';
import type { Mailer } from '../../src/services/mailer.ts';
import { openStore, type Store } from '../../src/store/database.ts';
import { migrate } from '../../src/store/migrate.ts';
import { appOver } from '../support/app.ts';
import { testDatabaseNames } from '../support/databases.ts';
import { PASSWORD, seedPlanWithInternals, type SeededPublicPlan } from '../web/public-plan-seed.ts';

const DAY = '2019-09-25';
const config = loadConfig({ DEMO: 'false', REMINDER_DAYS: '21', LOG_LEVEL: 'silent' });

interface Pair {
  stores: [Store, Store];
  cleanUp(): Promise<void>;
}

async function adminQuery(url: string, text: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await admin.connect();
  try {
    await admin.query(text);
  } finally {
    await admin.end();
  }
}

/** Two stores on one fresh PostgreSQL schema, migrated by both at once (as two instances starting together do). */
async function postgresPair(url: string): Promise<Pair> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  await adminQuery(url, `create schema ${schema}`);
  const stores: [Store, Store] = [openStore(url, { pgSchema: schema, poolSize: 4 }), openStore(url, { pgSchema: schema, poolSize: 4 })];
  const cleanUp = async () => {
    await Promise.all(stores.map((s) => s.close()));
    await adminQuery(url, `drop schema if exists ${schema} cascade`);
  };
  try {
    const ran = await Promise.all(stores.map((s) => migrate(s)));
    // One instance applied the migrations; the other waited for it and found nothing left to do.
    expect(ran.map((r) => r.length).sort((a, b) => a - b)).toEqual([0, ran.flat().length]);
  } catch (error) {
    await cleanUp();
    throw error;
  }
  return { stores, cleanUp };
}

/** Two connections to one SQLite file (instances on one machine). */
async function sqlitePair(): Promise<Pair> {
  const dir = mkdtempSync(join(tmpdir(), 'tracker-two-'));
  const file = join(dir, 'tracker.sqlite');
  const first = openStore(file);
  await migrate(first);
  const stores: [Store, Store] = [first, openStore(file)];
  return {
    stores,
    cleanUp: async () => {
      await Promise.all(stores.map((s) => s.close()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A browser talking to the instances over HTTP, keeping its cookies whichever instance set them. */
function browser() {
  const cookies = new Map<string, string>();
  const request = async (base: string, path: string, form?: Record<string, string>) => {
    const response = await fetch(`${base}${path}`, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: form ? new URLSearchParams(form).toString() : undefined,
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at);
      const value = pair.slice(at + 1);
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) cookies.delete(name);
      else cookies.set(name, value);
    }
    return { status: response.status, location: response.headers.get('location'), cache: response.headers.get('x-page-cache'), body: await response.text() };
  };
  const csrf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
  return {
    get: (base: string, path: string) => request(base, path),
    /** Reads the form on `formBase` and posts it to `postBase`: the two may be different instances. */
    async submit(formBase: string, postBase: string, path: string, form: Record<string, string>) {
      const page = await request(formBase, path);
      return request(postBase, path, { _csrf: csrf(page.body), ...form });
    },
  };
}

function countingMailer(sent: string[]): Mailer {
  return {
    async send(message) {
      // Slow enough that the two runs overlap.
      await new Promise((resolve) => setTimeout(resolve, 20));
      sent.push(message.to);
      return { messageId: null };
    },
    close: () => undefined,
  };
}

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

if (process.env.CI === 'true' && !process.env.TEST_DATABASE_URL) {
  it('runs on PostgreSQL in CI', () => {
    throw new Error('CI=true but TEST_DATABASE_URL is not set: the two-instance test must run on PostgreSQL');
  });
}

for (const name of testDatabaseNames()) {
  describe(`two instances on one ${name} database`, () => {
    let pair: Pair;
    let seeded: SeededPublicPlan;
    const apps: FastifyInstance[] = [];
    const bases: string[] = [];

    beforeAll(async () => {
      pair = name === 'postgres' ? await postgresPair(process.env.TEST_DATABASE_URL ?? '') : await sqlitePair();
      seeded = await seedPlanWithInternals(pair.stores[0].db);
      for (const store of pair.stores) {
        const app = await appOver(store, config, { clock: fixedClock(DAY) });
        apps.push(app);
        bases.push(await app.listen({ port: 0, host: '127.0.0.1' }));
      }
    });
    afterAll(async () => {
      await Promise.all(apps.map((a) => a.close()));
      await pair?.cleanUp();
    });

    it('keeps a session made through one instance on the other, and ends it everywhere on sign-out', async () => {
      const [a = '', b = ''] = bases;
      const olivia = browser();
      // The sign-in form (and its CSRF token) comes from one instance; the other accepts it.
      const signedIn = await olivia.submit(a, b, '/sign-in', { email: seeded.owner.email, password: PASSWORD });
      expect(signedIn.status).toBe(303);

      const commitment = seeded.plan.commitments[0]!;
      const page = await olivia.get(a, `/commitments/${commitment.id}`);
      expect(page.status).toBe(200);
      expect(page.body).toContain(commitment.title);
      expect(page.body).toContain('Olivia Owner');

      const signedOut = await olivia.submit(b, b, '/sign-out', {});
      expect(signedOut.status).toBe(303);
      const after = await olivia.get(a, `/commitments/${commitment.id}`);
      expect(after.status).toBe(302);
      expect(after.location).toMatch(/^\/sign-in/);
    });

    it('shows a write made through one instance on the other, with a form read on one and posted to the other', async () => {
      const [a = '', b = ''] = bases;
      const olivia = browser();
      await olivia.submit(b, b, '/sign-in', { email: seeded.owner.email, password: PASSWORD });
      const commitment = seeded.plan.commitments[0]!;
      const milestone = commitment.milestones[0]!;
      // Instance b renders the page and keeps it (plugins/page-cache.ts): the second visit is served from memory.
      await olivia.get(b, `/commitments/${commitment.id}`);
      expect((await olivia.get(b, `/commitments/${commitment.id}`)).cache).toBe('hit');
      const url = `/milestones/${milestone.id}/redate`;
      const saved = await olivia.submit(b, a, url, { 'due-day': '30', 'due-month': '6', 'due-year': '2019', reason: 'Recruitment panel delayed' });
      expect(saved.status).toBe(303);

      const page = await olivia.get(b, `/commitments/${commitment.id}`);
      expect(page.cache).toBeNull();
      expect(page.body).toContain('now 30 June 2019 (Recruitment panel delayed, Olivia Owner)');
    });

    it('sends the day’s reminders once when both instances start the scheduled run at the same moment', async () => {
      // 10:00 in the UK on the day: past the default REMINDERS_HOUR (7).
      const clock = fixedClock(DAY, new Date(`${DAY}T09:00:00Z`));
      const sent: [string[], string[]] = [[], []];
      const schedule = { enabled: true, hour: 7, everyMs: 60 * 60_000 };
      const runs = pair.stores.map((store, i) =>
        createServices(store, { config, clock }).scheduledWork.startReminderSchedule(countingMailer(sent[i]!), silent, schedule),
      );
      // Each instance checks as it starts; wait for both checks to end.
      await Promise.all(runs.map((r) => r.check()));
      for (const r of runs) r.stop();

      const everyone = [...sent[0], ...sent[1]].sort();
      expect(everyone).toEqual([seeded.owner.email, seeded.lead.email, seeded.reviewer.email].sort());
      // One instance sent them all; the other found the day's run claimed.
      expect(sent.map((s) => s.length).sort()).toEqual([0, 3]);

      // A later check on either instance, and the command line asked by hand, send nothing more.
      const later = createServices(pair.stores[1], { config, clock }).scheduledWork;
      const again: string[] = [];
      expect(await later.runScheduledReminders(countingMailer(again), silent, DAY)).toMatchObject({ ran: false, run: { status: 'done' } });
      const byHand = await later.sendRemindersNow(countingMailer(again), silent, DAY);
      expect(byHand.ran && byHand.status).toBe('done');
      expect(byHand.ran && [...byHand.report.alreadySent].sort()).toEqual(everyone);
      expect(again).toEqual([]);
    });
  });
}
