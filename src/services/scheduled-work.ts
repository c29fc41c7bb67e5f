// Scheduled work: the day's reminder e-mails, run once across every instance of the service. Each instance of
// `tracker serve` checks every REMINDERS_CHECK_MINUTES (15) whether it is past REMINDERS_HOUR (7, UK time) and the
// day's run has not been done; the first to claim the day's row in scheduled_runs sends, the others find it
// claimed and do nothing. `tracker reminders send` takes the same claim, so it never runs alongside a scheduled
// run; asked by hand it runs even when the day's run is done (each person's digest is still sent only once: see
// services/reminders.ts).
//
// A run that could not send everything (the SMTP server was down) is left 'incomplete', so the next check tries
// again; a run whose instance died is taken over once its claim is an hour old.
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { IsoDate } from '../domain/types.ts';
import type { Database } from '../store/schema.ts';
import { claimRun, findRun, finishRun, type ScheduledRun } from '../store/scheduled-runs-repository.ts';
import type { Clock } from './clock.ts';
import type { Mailer } from './mailer.ts';
import { sendDailyDigests, type ReminderDeps, type ReminderLog, type SendReport } from './reminders.ts';

export type { ScheduledRun } from '../store/scheduled-runs-repository.ts';

export const REMINDERS_JOB = 'reminders';

/** A claim older than this whose run never finished belongs to an instance that died: another may take it over. */
const STALE_AFTER_MS = 60 * 60 * 1000;

/** This process, as named in scheduled_runs and the logs. */
export const THIS_INSTANCE = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

export interface ReminderSchedule {
  /** REMINDERS=off (or false, no, 0) stops `serve` from sending reminders; the CLI still can. */
  enabled: boolean;
  /** The UK hour (0–23) from which the day's reminders are sent (REMINDERS_HOUR, default 7). */
  hour: number;
  /** How often each instance checks (REMINDERS_CHECK_MINUTES, default 15). */
  everyMs: number;
}

function wholeNumber(name: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > max) throw new Error(`${name} must be a whole number from 0 to ${max}, got "${value}"`);
  return n;
}

/** The schedule's settings from the environment. */
export function reminderSchedule(env: NodeJS.ProcessEnv): ReminderSchedule {
  return {
    enabled: !/^(off|false|no|0)$/i.test(env.REMINDERS?.trim() ?? ''),
    hour: wholeNumber('REMINDERS_HOUR', env.REMINDERS_HOUR, 7, 23),
    everyMs: Math.max(1, wholeNumber('REMINDERS_CHECK_MINUTES', env.REMINDERS_CHECK_MINUTES, 15, 24 * 60)) * 60_000,
  };
}

const ukHour = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: 'numeric', hourCycle: 'h23' });

/** The hour of the day in the UK at `at` (0–23), summer time included. */
export function hourInUk(at: Date): number {
  return Number(ukHour.format(at));
}

export type ReminderRun =
  | { ran: true; status: 'done' | 'incomplete'; report: SendReport }
  /** Not run here: `run` says who ran it or is running it. */
  | { ran: false; run: ScheduledRun | undefined };

export interface ReminderRunDeps {
  db: Kysely<Database>;
  clock: Clock;
  config: ReminderDeps['config'];
  mailer: Mailer;
  log: ReminderLog;
  instance?: string;
}

function summaryOf(report: SendReport): string {
  return `${report.sent.length} sent, ${report.alreadySent.length} already sent earlier, ${report.failed.length} not sent`;
}

/**
 * The day's reminders, sent by whichever instance claims the day's run. `again`: run even when the day's run is
 * done (by hand, from the CLI); never while another run is going on.
 */
export async function runDailyReminders(deps: ReminderRunDeps, day: IsoDate, options: { again?: boolean } = {}): Promise<ReminderRun> {
  const { db, clock, config, mailer, log, instance = THIS_INSTANCE } = deps;
  const at = clock.now();
  const claimed = await claimRun(db, {
    job: REMINDERS_JOB,
    day,
    instance,
    at: at.toISOString(),
    staleBefore: new Date(at.getTime() - STALE_AFTER_MS).toISOString(),
    again: options.again,
  });
  if (!claimed) return { ran: false, run: await findRun(db, REMINDERS_JOB, day) };
  const finish = (status: 'done' | 'incomplete', summary: string) =>
    finishRun(db, { job: REMINDERS_JOB, day, instance, status, at: clock.now().toISOString(), summary });
  try {
    const report = await sendDailyDigests({ db, mailer, config, log, now: () => clock.now() }, day);
    const status = report.failed.length === 0 ? 'done' : 'incomplete';
    await finish(status, summaryOf(report));
    return { ran: true, status, report };
  } catch (error) {
    await finish('incomplete', `failed: ${error instanceof Error ? error.message : String(error)}`);
    throw error;
  }
}

export interface ScheduleLog {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}

export interface RunningSchedule {
  /** One check now (also what the timer calls): sends the day's reminders when it is time and nobody has. */
  check(): Promise<void>;
  stop(): void;
}

/**
 * Checks now and every `schedule.everyMs` whether the day's reminders are due here, and sends them through `run`
 * (which claims the day, so only one instance sends). Checks never overlap within one process.
 */
export function startReminderSchedule(options: {
  schedule: ReminderSchedule;
  clock: Clock;
  run: (day: IsoDate) => Promise<ReminderRun>;
  log: ScheduleLog;
}): RunningSchedule {
  const { schedule, clock, run, log } = options;
  let checking: Promise<void> | null = null;
  const once = async (): Promise<void> => {
    if (hourInUk(clock.now()) < schedule.hour) return;
    const day = clock.today();
    try {
      const outcome = await run(day);
      if (outcome.ran) log.info({ day, status: outcome.status, sent: outcome.report.sent.length, failed: outcome.report.failed.length }, 'scheduled reminders run');
    } catch (err) {
      log.warn({ err, day }, 'scheduled reminders could not be sent; the next check tries again');
    }
  };
  const check = (): Promise<void> => {
    checking ??= once().finally(() => {
      checking = null;
    });
    return checking;
  };
  const timer = setInterval(() => void check(), schedule.everyMs);
  timer.unref();
  void check();
  return {
    check,
    stop: () => clearInterval(timer),
  };
}
