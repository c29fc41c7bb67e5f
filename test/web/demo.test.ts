import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.ts';
import { serveEnvironment } from '../../src/cli/commands/serve.ts';
import { DEMO_ACCOUNTS, ensureDemo } from '../../src/services/demo.ts';
import type { Store } from '../../src/store/database.ts';
import { listCommitments } from '../../src/store/commitments-repository.ts';
import { listKpiReadings, listKpis } from '../../src/store/kpis-repository.ts';
import { listMilestoneRedates, listMilestones } from '../../src/store/milestones-repository.ts';
import { listOrganisations } from '../../src/store/organisations-repository.ts';
import { getPlanRecord } from '../../src/store/plans-repository.ts';
import { listPeriodUpdates } from '../../src/store/progress-updates-repository.ts';
import { listReviewPeriods } from '../../src/store/review-periods-repository.ts';
import { client, createTestApp, type TestApp } from './support.ts';

const owner = DEMO_ACCOUNTS.find((a) => a.email === 'owner@demo.example')!;
const other = DEMO_ACCOUNTS.find((a) => a.email === 'other@demo.example')!;

/** The number shown in one of the overview's count boxes ("count-overdue", "count-due-soon"). */
function countBox(html: string, id: string): number {
  const match = new RegExp(`id="${id}"><span[^>]*>(\\d+)<`).exec(html);
  if (!match?.[1]) throw new Error(`no ${id} on the page`);
  return Number(match[1]);
}

/** The apps a test made, each with its data folder: closed and deleted after the test. */
let made: { t: TestApp; dir: string }[] = [];

/** An app whose data folder is a new temporary folder, closed (and the folder deleted) after the test. */
async function appInTempFolder(env: Record<string, string>): Promise<{ t: TestApp; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'tracker-demo-'));
  const t = await createTestApp({ ...env, DATA_DIR: dir });
  made.push({ t, dir });
  return { t, dir };
}

async function livingDemo(today: string): Promise<{ t: TestApp; dir: string; planId: number }> {
  vi.stubEnv('TRACKER_TODAY', today);
  const { t, dir } = await appInTempFolder({ DEMO: 'true' });
  const result = await ensureDemo(t.store, t.config, { today });
  expect(result.created).toBe(true);
  expect(result.planId).not.toBeNull();
  return { t, dir, planId: result.planId! };
}

/** What the demo holds, without ids or timestamps: the same creation date must give the same. */
async function contentOf(store: Store, planId: number) {
  const out: unknown[] = [];
  for (const c of await listCommitments(store.db, planId)) {
    for (const m of await listMilestones(store.db, c.id)) out.push([c.number, m.text, m.due, m.baseline, m.status, m.doneOn]);
    for (const k of await listKpis(store.db, c.id)) {
      out.push([c.number, k.text, k.unit, k.baseline, k.target, k.targetDate, k.direction]);
      out.push((await listKpiReadings(store.db, k.id)).map((r) => [r.date, r.value]));
    }
  }
  for (const p of await listReviewPeriods(store.db, planId)) {
    out.push([p.label, p.status, (await listPeriodUpdates(store.db, p.id)).map((u) => [u.rag, u.narrative, u.response, u.state])]);
  }
  return out;
}

describe('the living demo', () => {
  beforeEach(() => {
    made = [];
  });
  afterEach(async () => {
    vi.unstubAllEnvs();
    for (const m of made) {
      await m.t.close();
      rmSync(m.dir, { recursive: true, force: true });
    }
  });

  it('is a plan of the financial year containing today, tracked up to today, as a newcomer sees it', async () => {
    const { t, planId } = await livingDemo('2026-12-01');

    const plan = (await getPlanRecord(t.store.db, planId))!;
    expect(plan.title).toBe('Kestrel Vale Council improvement plan 2026/27');
    expect(plan.period).toEqual({ from: '2026-04-01', to: '2027-03-31' });
    expect((await listOrganisations(t.store.db)).map((o) => o.name)).toEqual(['Fenbridge District Council', 'Kestrel Vale Council']);
    const again = await ensureDemo(t.store, t.config, { today: '2026-12-01' });
    expect(again.created).toBe(false);

    const browser = client(t.app);
    const signInPage = await browser.get('/sign-in');
    expect(signInPage.body).toContain('Demo accounts');
    expect(signInPage.body).toContain(owner.password);
    await browser.signIn(owner.email, owner.password);

    // The overview: at least 8 commitments, some milestones overdue and some due in the next 30 days.
    const overview = await browser.get(`/plans/${planId}`);
    expect(overview.statusCode).toBe(200);
    expect(overview.body.match(/<tr class="govuk-table__row" id="commitment-\d+">/g)?.length).toBeGreaterThanOrEqual(8);
    expect(countBox(overview.body, 'count-overdue')).toBeGreaterThanOrEqual(1);
    expect(countBox(overview.body, 'count-overdue')).toBeLessThanOrEqual(3);
    expect(countBox(overview.body, 'count-due-soon')).toBeGreaterThanOrEqual(1);

    // Milestones due before today: mostly done, each done one with evidence.
    const commitments = await listCommitments(t.store.db, planId);
    const milestones = (await Promise.all(commitments.map((c) => listMilestones(t.store.db, c.id)))).flat();
    const pastDue = milestones.filter((m) => !m.recurrence && m.baseline && m.baseline.to < '2026-12-01');
    const done = pastDue.filter((m) => m.status === 'done');
    expect(done.length).toBeGreaterThan(pastDue.length * 0.7);
    for (const m of done) expect(m.doneOn! <= '2026-12-01').toBe(true);

    // One milestone re-dated with a reason: its commitment page shows the baseline and the new date.
    const redated = [];
    for (const m of milestones) if ((await listMilestoneRedates(t.store.db, m.id)).length > 0) redated.push(m);
    expect(redated).toHaveLength(1);
    const moved = redated[0]!;
    expect(moved.baseline).not.toEqual(moved.due);
    const commitmentPage = await browser.get(`/commitments/${moved.commitmentId}`);
    expect(commitmentPage.body).toMatch(/baseline [^<]+ → now [^<]+ \([^)]*agreed the new date/);

    // KPIs: a unit, baseline and target, and readings up to today (one off track).
    const kpis = (await Promise.all(commitments.map((c) => listKpis(t.store.db, c.id)))).flat();
    expect(kpis.length).toBeGreaterThanOrEqual(8);
    for (const k of kpis) {
      expect(k.unit).not.toBeNull();
      expect(k.target).not.toBeNull();
      const readings = await listKpiReadings(t.store.db, k.id);
      expect(readings.length).toBeGreaterThanOrEqual(7);
      expect(readings.at(-1)!.date <= '2026-12-01').toBe(true);
    }
    const complaints = commitments.find((c) => c.number === 3)!;
    const complaintsPage = await browser.get(`/commitments/${complaints.id}`);
    expect(complaintsPage.statusCode).toBe(200);
    expect(complaintsPage.body).toMatch(/off track/i);

    // The previous quarter is signed off with an update and the organisation's response for every commitment;
    // the current quarter is open with one update drafted.
    const periods = await listReviewPeriods(t.store.db, planId);
    const previous = periods.find((p) => p.label === '2026/27 Q2')!;
    const current = periods.find((p) => p.label === '2026/27 Q3')!;
    expect(previous.status).toBe('signed-off');
    const signed = await listPeriodUpdates(t.store.db, previous.id);
    expect(signed).toHaveLength(commitments.length);
    for (const u of signed) {
      expect(u.state).toBe('signed-off');
      expect(u.rag).not.toBeNull();
      expect(u.response).toBeTruthy();
    }
    const withKpis = signed.filter((u) => u.kpiRefs.length > 0);
    expect(withKpis.length).toBeGreaterThanOrEqual(7);
    expect(withKpis[0]!.narrative).toMatch(/ on \d+ \w+ 2026/);
    expect(current.status).toBe('open');
    const drafts = await listPeriodUpdates(t.store.db, current.id);
    expect(drafts.map((u) => u.state)).toEqual(['draft']);

    const periodPage = await browser.get(`/reviews/${previous.id}`);
    expect(periodPage.statusCode).toBe(200);
    expect(periodPage.body.match(/Signed off/g)?.length).toBeGreaterThanOrEqual(commitments.length);

    // The other organisation's user cannot see it.
    const outsider = client(t.app);
    await outsider.signIn(other.email, other.password);
    expect((await outsider.get(`/plans/${planId}`)).statusCode).toBe(404);
  }, 120_000);

  it('in the first quarter of a year starts the plan a quarter early, so that quarter is signed off', async () => {
    const { t, planId } = await livingDemo('2031-05-10');
    const plan = (await getPlanRecord(t.store.db, planId))!;
    expect(plan.title).toBe('Kestrel Vale Council improvement plan 2031/32');
    expect(plan.period).toEqual({ from: '2031-01-01', to: '2032-03-31' });
    const periods = await listReviewPeriods(t.store.db, planId);
    expect(periods.find((p) => p.label === '2030/31 Q4')?.status).toBe('signed-off');
    const current = periods.find((p) => p.label === '2031/32 Q1')!;
    expect(current.status).toBe('open');
    expect((await listPeriodUpdates(t.store.db, current.id)).map((u) => u.state)).toEqual(['draft']);

    const browser = client(t.app);
    await browser.signIn(owner.email, owner.password);
    const overview = await browser.get(`/plans/${planId}`);
    expect(countBox(overview.body, 'count-overdue')).toBeGreaterThanOrEqual(1);
    expect(countBox(overview.body, 'count-due-soon')).toBeGreaterThanOrEqual(1);
    // Weekdays of dates written without a year were worked out again for 2031.
    const commitments = await listCommitments(t.store.db, planId);
    const texts = (await Promise.all(commitments.map((c) => listMilestones(t.store.db, c.id)))).flat().map((m) => m.text);
    expect(texts).toContain('Case file audit workshop 1 – Thursday 22nd May');
    expect(texts).toContain("Independent review of the council's governance – Thursday 18th September");
  });

  it('gives the same demo for the same creation date', async () => {
    const first = await livingDemo('2027-08-15');
    const second = await livingDemo('2027-08-15');
    expect(await contentOf(second.t.store, second.planId)).toEqual(await contentOf(first.t.store, first.planId));
  }, 120_000);

  it('still creates the demo accounts, and says why, when the plan file is missing', async () => {
    const { t } = await appInTempFolder({ DEMO: 'true' });
    const result = await ensureDemo(t.store, t.config, { today: '2026-12-01', planFile: join(tmpdir(), 'no-such-plan-for-tracker-tests.txt') });
    expect(result.planId).toBeNull();
    expect(result.notes.join('\n')).toMatch(/Demo plan not loaded: .*no-such-plan-for-tracker-tests\.txt was not found/);
    const res = await client(t.app).signIn(owner.email, owner.password);
    expect(res.statusCode).toBe(303);
  });

  it('does nothing with demo mode off, and hides the demo accounts', async () => {
    const { t } = await appInTempFolder({});
    const result = await ensureDemo(t.store, t.config);
    expect(result.created).toBe(false);
    expect(await listOrganisations(t.store.db)).toEqual([]);
    const page = await client(t.app).get('/sign-in');
    expect(page.body).not.toContain('Demo accounts');
    expect(page.body).not.toContain(owner.password);
  });
});

describe('tracker serve and demo mode', () => {
  it('is off unless --demo or DEMO=true asks for it, and --demo wins', () => {
    expect(loadConfig(serveEnvironment({}, {})).demo).toBe(false);
    expect(loadConfig(serveEnvironment({}, { demo: true })).demo).toBe(true);
    expect(loadConfig(serveEnvironment({ DEMO: 'false' }, { demo: true })).demo).toBe(true);
    expect(loadConfig(serveEnvironment({ DEMO: 'true' }, {})).demo).toBe(true);
    expect(loadConfig(serveEnvironment({}, { port: '4321' })).port).toBe(4321);
  });

  /** Starts `tracker serve` on a temp DATA_DIR and a free port; returns the sign-in page and what it printed. */
  async function serve(args: string[]): Promise<{ signIn: string; printed: string }> {
    const dir = mkdtempSync(join(tmpdir(), 'tracker-serve-'));
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', TRACKER_TODAY: '2026-12-01' };
    delete env.DEMO;
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, ['bin/tracker.js', 'serve', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    // Listened for from the start, so that a serve that fails at once is reported, not waited for.
    const exited = new Promise((r) => child.once('exit', r));
    let printed = '';
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          printed += chunk.toString();
          const found = /running at (http:\/\/localhost:\d+)/.exec(printed);
          if (found?.[1]) resolve(found[1]);
        });
        child.stderr.on('data', (chunk: Buffer) => (printed += chunk.toString()));
        child.on('exit', (code) => reject(new Error(`tracker serve exited (${code}): ${printed}`)));
      });
      const signIn = await (await fetch(`${url.replace('localhost', '127.0.0.1')}/sign-in`)).text();
      return { signIn, printed };
    } finally {
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('a plain `tracker serve` creates no demo and shows no demo passwords; with --demo it does', async () => {
    const [plain, demo] = await Promise.all([serve([]), serve(['--demo'])]);
    expect(plain.signIn).not.toContain('Demo accounts');
    expect(plain.signIn).not.toContain(owner.password);
    expect(plain.printed).not.toContain(owner.password);

    expect(demo.signIn).toContain('Demo accounts');
    expect(demo.signIn).toContain(owner.password);
    expect(demo.printed).toContain(owner.password);
  }, 180_000);
});
