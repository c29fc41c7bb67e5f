// The day's reminders on a schedule: not before REMINDERS_HOUR (UK time), once a day, tried again after a run the
// SMTP server interrupted, taken over from an instance that died, and never alongside a run going on elsewhere.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { fixedClock } from '../../src/services/clock.ts';
import { createServices } from '../../src/services/index.ts';
import { MailError, type Mailer } from '../../src/services/mailer.ts';
import { hourInUk, reminderSchedule } from '../../src/services/scheduled-work.ts';
import { claimRun, findRun } from '../../src/store/scheduled-runs-repository.ts';
import { forEachDatabase } from '../support/databases.ts';
import { seedPlanWithInternals } from '../web/public-plan-seed.ts';

const DAY = '2019-09-25';
const config = loadConfig({ DEMO: 'false', REMINDER_DAYS: '21' });
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
const EVERY_HOUR = { enabled: true, hour: 7, everyMs: 60 * 60_000 };

function mailer(sent: string[], failWith?: Error): Mailer {
  return {
    send: async (message) => {
      if (failWith) throw failWith;
      sent.push(message.to);
      return { messageId: null };
    },
    close: () => undefined,
  };
}

describe('the reminder schedule settings', () => {
  it('sends from 7 in the morning, checking every 15 minutes, unless REMINDERS=off', () => {
    expect(reminderSchedule({})).toEqual({ enabled: true, hour: 7, everyMs: 15 * 60_000 });
    expect(reminderSchedule({ REMINDERS: 'off', REMINDERS_HOUR: '9', REMINDERS_CHECK_MINUTES: '5' })).toEqual({ enabled: false, hour: 9, everyMs: 5 * 60_000 });
    expect(() => reminderSchedule({ REMINDERS_HOUR: '24' })).toThrow('REMINDERS_HOUR must be a whole number from 0 to 23, got "24"');
  });

  it('reads the hour in the UK, summer time included', () => {
    expect(hourInUk(new Date('2019-09-25T06:30:00Z'))).toBe(7);
    expect(hourInUk(new Date('2019-12-25T06:30:00Z'))).toBe(6);
  });
});

forEachDatabase((_name, getStore) => {
  const at = (utc: string) => createServices(getStore(), { config, clock: fixedClock(DAY, new Date(`${DAY}T${utc}Z`)) }).scheduledWork;

  it('sends nothing before the hour, then the day’s digests once', async () => {
    await seedPlanWithInternals(getStore().db);
    const sent: string[] = [];
    // 05:59 UTC is 06:59 in the UK (summer time): too early.
    const early = at('05:59:00').startReminderSchedule(mailer(sent), silent, EVERY_HOUR);
    await early.check();
    early.stop();
    expect(sent).toEqual([]);
    expect(await findRun(getStore().db, 'reminders', DAY)).toBeUndefined();

    const due = at('06:00:00').startReminderSchedule(mailer(sent), silent, EVERY_HOUR);
    await due.check();
    await due.check();
    due.stop();
    expect(sent).toHaveLength(3);
    expect(await findRun(getStore().db, 'reminders', DAY)).toMatchObject({ status: 'done', summary: '3 sent, 0 already sent earlier, 0 not sent' });
  });

  it('tries again at the next check after the SMTP server could not be reached', async () => {
    await seedPlanWithInternals(getStore().db);
    const work = at('09:00:00');
    const sent: string[] = [];
    const down = await work.runScheduledReminders(mailer(sent, new MailError('The SMTP server could not be reached', true)), silent, DAY);
    expect(down).toMatchObject({ ran: true, status: 'incomplete' });
    expect(await findRun(getStore().db, 'reminders', DAY)).toMatchObject({ status: 'incomplete' });

    const up = await work.runScheduledReminders(mailer(sent), silent, DAY);
    expect(up).toMatchObject({ ran: true, status: 'done' });
    expect(sent).toHaveLength(3);
  });

  it('leaves a run going on elsewhere alone, and takes over one whose instance died an hour ago', async () => {
    await seedPlanWithInternals(getStore().db);
    const { db } = getStore();
    const claim = (instance: string, time: string) =>
      claimRun(db, { job: 'reminders', day: DAY, instance, at: `${DAY}T${time}Z`, staleBefore: `${DAY}T00:00:00Z` });
    expect(await claim('other-instance', '08:30:00')).toBe(true);
    const sent: string[] = [];
    // Half an hour later: the other instance is still sending; not even by hand does this one start.
    const now = await at('09:00:00').sendRemindersNow(mailer(sent), silent, DAY);
    expect(now).toMatchObject({ ran: false, run: { status: 'running', instance: 'other-instance' } });
    expect(sent).toEqual([]);

    // Two hours after its claim it has not finished: it died, and this instance sends.
    const later = await at('10:31:00').runScheduledReminders(mailer(sent), silent, DAY, 'this-instance');
    expect(later).toMatchObject({ ran: true, status: 'done' });
    expect(sent).toHaveLength(3);
    expect(await findRun(db, 'reminders', DAY)).toMatchObject({ status: 'done', instance: 'this-instance' });
  });
});
