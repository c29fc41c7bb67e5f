// Reminder digests sent to a real SMTP server (smtp-server) listening on 127.0.0.1 in this process.
import type { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createSmtpMailer } from '../../src/services/mailer.ts';
import { sendDailyDigests, type ReminderDeps } from '../../src/services/reminders.ts';
import type { Store } from '../../src/store/database.ts';
import { updateCommitment } from '../../src/store/commitments-repository.ts';
import { listDigestsOfDay } from '../../src/store/reminders-repository.ts';
import { freshSqliteStore } from '../support/databases.ts';
import { nth } from '../support/fixtures.ts';
import { INTERNAL_TEXT, seedPlanWithInternals, type SeededPublicPlan } from '../web/public-plan-seed.ts';
import { SMTP_PASS, SMTP_USER, closedPort, startSmtpServer, type Received } from './smtp-test-server.ts';

const TODAY = '2019-09-25';

function logCollector() {
  const lines: string[] = [];
  return {
    lines,
    info: (details: object, message: string) => lines.push(`INFO ${message} ${JSON.stringify(details)}`),
    error: (details: object, message: string) => lines.push(`ERROR ${message} ${JSON.stringify(details)}`),
  };
}

describe('daily reminder digests by e-mail', () => {
  const received: Received[] = [];
  let smtp: { server: SMTPServer; port: number };
  let store: Store;
  let seeded: SeededPublicPlan;

  beforeAll(async () => {
    smtp = await startSmtpServer(received);
  });
  afterAll(async () => new Promise<void>((resolve) => smtp.server.close(() => resolve())));

  beforeEach(async () => {
    received.length = 0;
    store = await freshSqliteStore();
    seeded = await seedPlanWithInternals(store.db);
    // The lead leads commitment 1 only.
    await updateCommitment(store.db, nth(seeded.plan.commitments, 1).id, { leadUserId: null });
  });
  afterEach(async () => store.close());

  /** New deps each time, as after a restart: nothing kept in memory between runs. */
  function deps(port: number, log = logCollector()): ReminderDeps & { log: ReturnType<typeof logCollector> } {
    const config = loadConfig({
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(port),
      SMTP_USER,
      SMTP_PASS,
      MAIL_FROM: 'Improvement Tracker <tracker@lancs.example>',
      REMINDER_DAYS: '21',
      SERVICE_URL: 'https://tracker.lancs.example',
    });
    return { db: store.db, mailer: createSmtpMailer(config.smtp), config, log };
  }

  it('sends each person one digest with their own milestones and reviews, and nothing twice after a restart', async () => {
    const first = deps(smtp.port);
    const report = await sendDailyDigests(first, TODAY);
    first.mailer.close();
    expect(report.failed).toEqual([]);
    expect(received.map((m) => m.to).sort()).toEqual([[seeded.owner.email], [seeded.lead.email], [seeded.reviewer.email]].sort());

    const byRecipient = new Map(received.map((m) => [m.to[0], m]));
    const owner = byRecipient.get(seeded.owner.email)!;
    expect(owner.subject).toBe('Improvement Tracker reminders for 25 September 2019: 2 milestones overdue, 1 milestone due soon');
    expect(owner.text).toContain('Hello Olivia Owner,');
    expect(owner.text).toContain('- Appointment of Permanent Chair by April/May 2019: was due 31 May 2019 (117 days ago)');
    expect(owner.text).toContain('- Workshop 1 – Wednesday 15th May: was due 15 May 2019 (133 days ago)');
    expect(owner.text).toContain('Milestones due in the next 21 days (1)');
    expect(owner.text).toContain('- Assurance framework refreshed by end of Q2: due 30 September 2019 (in 5 days)');
    expect(owner.text).not.toContain('Draft strategy');
    expect(owner.text).toContain('https://tracker.lancs.example/');

    const lead = byRecipient.get(seeded.lead.email)!;
    expect(lead.subject).toBe('Improvement Tracker reminders for 25 September 2019: 1 milestone overdue');
    expect(lead.text).toContain('Appointment of Permanent Chair');
    expect(lead.text).not.toContain('Workshop 1');

    const reviewer = byRecipient.get(seeded.reviewer.email)!;
    expect(reviewer.subject).toBe('Improvement Tracker reminders for 25 September 2019: 2 review updates due');
    expect(reviewer.text).toContain('- Lancashire LEP improvement plan 2019/20, 2019/20 Q1: was due 14 July 2019 (73 days ago)');
    expect(reviewer.text).toContain('No update submitted yet for commitment 3.');
    expect(reviewer.text).toContain('- Lancashire LEP improvement plan 2019/20, 2019/20 Q2: due 14 October 2019 (in 19 days)');
    expect(reviewer.text).toContain('No update submitted yet for commitments 1, 2 and 3.');
    expect(received.some((m) => m.to.includes('victor.viewer@lancs.example'))).toBe(false);

    // A restart: new mailer, new deps, the same database. Nothing is sent again.
    const second = deps(smtp.port);
    const again = await sendDailyDigests(second, TODAY);
    second.mailer.close();
    expect(again.sent).toEqual([]);
    expect(again.alreadySent.sort()).toEqual([seeded.owner.email, seeded.lead.email, seeded.reviewer.email].sort());
    expect(received).toHaveLength(3);

    // The next day is a new digest.
    const nextDay = deps(smtp.port);
    expect((await sendDailyDigests(nextDay, '2019-09-26')).sent).toHaveLength(3);
    nextDay.mailer.close();
    expect(received).toHaveLength(6);
    for (const line of [...first.log.lines, ...second.log.lines]) expect(line).not.toContain(SMTP_PASS);
  });

  it('logs a clear error when the SMTP server cannot be reached, records nothing as sent, and sends on the next run', async () => {
    const down = deps(await closedPort());
    const report = await sendDailyDigests(down, TODAY);
    down.mailer.close();
    expect(report.sent).toEqual([]);
    expect(report.failed).toHaveLength(3);
    expect(report.failed[0]?.reason).toMatch(/^The SMTP server 127\.0\.0\.1:\d+ could not be reached \(ECONNREFUSED\): check SMTP_HOST and SMTP_PORT$/);
    expect(down.log.lines.filter((l) => l.startsWith('ERROR Reminder digest to'))).toHaveLength(1);
    expect(down.log.lines.join('\n')).not.toContain(SMTP_PASS);
    expect(await listDigestsOfDay(store.db, TODAY)).toEqual([]);
    expect(received).toHaveLength(0);

    const up = deps(smtp.port);
    const retried = await sendDailyDigests(up, TODAY);
    up.mailer.close();
    expect(retried.sent).toHaveLength(3);
    expect((await listDigestsOfDay(store.db, TODAY)).map((d) => d.status)).toEqual(['sent', 'sent', 'sent']);
  });

  it('refuses to record a digest the server rejected for a wrong password', async () => {
    const wrong = deps(smtp.port);
    const mailer = createSmtpMailer({ ...loadConfig({}).smtp, host: '127.0.0.1', port: smtp.port, user: SMTP_USER, pass: 'not-the-password' });
    const report = await sendDailyDigests({ ...wrong, mailer }, TODAY);
    mailer.close();
    expect(report.failed[0]?.reason).toContain('refused the user name or password');
    expect(report.failed.map((f) => f.reason).join(' ')).not.toContain('not-the-password');
    expect(await listDigestsOfDay(store.db, TODAY)).toEqual([]);
    expect(received).toHaveLength(0);
  });

  it('never puts internal update texts into reminders', async () => {
    const run = deps(smtp.port);
    await sendDailyDigests(run, TODAY);
    run.mailer.close();
    const all = received.map((m) => m.text).join('\n');
    expect(all).not.toContain(INTERNAL_TEXT.draft);
    expect(all).not.toContain(INTERNAL_TEXT.response);
  });
});
