// The reminders preview page, and `tracker reminders send` run as a user runs it, against a real SMTP server.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { sendDailyDigests } from '../../src/services/reminders.ts';
import { openStore } from '../../src/store/database.ts';
import { migrate } from '../../src/store/migrate.ts';
import { listDigestsOfDay } from '../../src/store/reminders-repository.ts';
import { SMTP_PASS, SMTP_USER, closedPort, startSmtpServer, type Received } from '../services/smtp-test-server.ts';
import { client, createTestApp, type TestApp } from './support.ts';
import { PASSWORD, seedPlanWithInternals, type SeededPublicPlan } from './public-plan-seed.ts';

const DAY = '2019-09-25';

describe('the reminders preview page', () => {
  let t: TestApp;
  let seeded: SeededPublicPlan;
  beforeEach(async () => {
    vi.stubEnv('TRACKER_TODAY', DAY);
    t = await createTestApp({ REMINDER_DAYS: '21' });
    seeded = await seedPlanWithInternals(t.store.db);
  });
  afterEach(async () => {
    vi.unstubAllEnvs();
    await t.close();
  });

  it('shows the plan owner who would get which reminder today, without sending anything', async () => {
    const owner = client(t.app);
    await owner.signIn(seeded.owner.email, PASSWORD);
    const page = await owner.get('/reminders/preview');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('What the daily reminder e-mails for 25 September 2019 say');
    expect(page.body).toContain('3 people would get a reminder today.');
    for (const person of [seeded.owner, seeded.lead, seeded.reviewer]) expect(page.body).toContain(person.email);
    expect(page.body).not.toContain(seeded.viewer.email);
    expect(page.body).toContain('Improvement Tracker reminders for 25 September 2019: 2 review updates due');
    expect(page.body).toContain('Appointment of Permanent Chair by April/May 2019: was due 31 May 2019');
    expect(page.body).toContain('No e-mail server is set up (SMTP_HOST)');
    expect(page.body).not.toContain('govuk-tag--green">\n    Sent');
    expect(await listDigestsOfDay(t.store.db, DAY)).toEqual([]);

    // Once sent, the page says so.
    const sent: string[] = [];
    await sendDailyDigests(
      {
        db: t.store.db,
        mailer: { send: async (m) => (sent.push(m.to), { messageId: null }), close: () => undefined },
        config: t.config,
        log: { info: () => undefined, error: () => undefined },
      },
      DAY,
    );
    expect(sent).toHaveLength(3);
    const after = await owner.get('/reminders/preview');
    expect(after.body.match(/govuk-tag--green">\s*Sent/g)).toHaveLength(3);
  });

  it('is only for plan owners and admins', async () => {
    for (const person of [seeded.lead, seeded.reviewer, seeded.viewer]) {
      const browser = client(t.app);
      await browser.signIn(person.email, PASSWORD);
      const res = await browser.get('/reminders/preview');
      expect(res.statusCode).toBe(403);
      expect(res.body).not.toContain(seeded.owner.email);
    }
    const anonymous = await client(t.app).get('/reminders/preview');
    expect(anonymous.statusCode).toBe(302);
  });
});

// Each run starts the whole CLI through tsx: seconds each, more on a busy machine.
describe('tracker reminders send', { timeout: 240_000 }, () => {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const received: Received[] = [];
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let dir: string;
  let databaseUrl: string;

  /** Runs the CLI as a child process (asynchronously: the SMTP server runs in this process). */
  async function tracker(args: string[], port: number) {
    const child = spawn(process.execPath, ['bin/tracker.js', ...args], {
      cwd: root,
      env: {
        ...process.env, DATABASE_URL: databaseUrl, DATA_DIR: dir, DEMO: 'false', TRACKER_TODAY: '',
        SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port), SMTP_USER, SMTP_PASS, MAIL_FROM: 'tracker@lancs.example', REMINDER_DAYS: '21',
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const [code] = (await once(child, 'close')) as [number];
    return { code, stdout, stderr };
  }

  beforeAll(async () => {
    smtp = await startSmtpServer(received);
    dir = mkdtempSync(join(tmpdir(), 'tracker-reminders-'));
    databaseUrl = join(dir, 'reminders.sqlite');
    const store = openStore(databaseUrl);
    await migrate(store);
    await seedPlanWithInternals(store.db);
    await store.close();
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('fails clearly while the SMTP server is down, then sends each digest once, and nothing on a second run', async () => {
    const down = await tracker(['reminders', 'send', '--date', DAY], await closedPort());
    expect(down.code).toBe(1);
    expect(down.stderr).toMatch(/could not be reached \(ECONNREFUSED\): check SMTP_HOST and SMTP_PORT/);
    expect(down.stderr + down.stdout).not.toContain(SMTP_PASS);
    expect(received).toHaveLength(0);

    const first = await tracker(['reminders', 'send', '--date', DAY], smtp.port);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`Reminders for ${DAY}: 3 sent, 0 already sent earlier, 0 not sent`);
    expect(received).toHaveLength(3);

    const second = await tracker(['reminders', 'send', '--date', DAY], smtp.port);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(`Reminders for ${DAY}: 0 sent, 3 already sent earlier, 0 not sent`);
    expect(received).toHaveLength(3);
  });

  it('refuses a date that is not YYYY-MM-DD', async () => {
    const bad = await tracker(['reminders', 'send', '--date', '25/09/2019'], smtp.port);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--date must be a date written YYYY-MM-DD, got "25/09/2019"');
  });
});
