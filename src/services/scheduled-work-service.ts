// The scheduled-work service: the day's reminders sent once across every instance (see scheduled-work.ts), for
// `tracker serve`'s schedule and for `tracker reminders send`, on the one clock.
import type { IsoDate } from '../domain/types.ts';
import type { ServiceContext } from './context.ts';
import type { Mailer } from './mailer.ts';
import type { ReminderLog } from './reminders.ts';
import { reminderSchedule, runDailyReminders, startReminderSchedule, type ReminderSchedule, type ScheduleLog } from './scheduled-work.ts';

export type { ReminderRun, ReminderSchedule, RunningSchedule, ScheduledRun, ScheduleLog } from './scheduled-work.ts';
export { reminderSchedule } from './scheduled-work.ts';

export function scheduledWorkService({ db, clock, config }: ServiceContext) {
  const reminders = (mailer: Mailer, log: ReminderLog, day: IsoDate, again: boolean, instance?: string) =>
    runDailyReminders({ db, clock, config, mailer, log, instance }, day, { again });
  return {
    /**
     * The day's reminders (today unless a day is given) by hand: waits for no schedule and runs even when the
     * day's run is done, but not while another instance is running it.
     */
    sendRemindersNow: (mailer: Mailer, log: ReminderLog, day: IsoDate = clock.today(), instance?: string) => reminders(mailer, log, day, true, instance),
    /** The day's scheduled run: does nothing when another instance has done it or is doing it. */
    runScheduledReminders: (mailer: Mailer, log: ReminderLog, day: IsoDate = clock.today(), instance?: string) => reminders(mailer, log, day, false, instance),
    /** Starts checking on `schedule` (default: from the environment); `stop()` it before closing the services. */
    startReminderSchedule: (mailer: Mailer, log: ReminderLog & ScheduleLog, schedule: ReminderSchedule = reminderSchedule(process.env)) =>
      startReminderSchedule({ schedule, clock, log, run: (day) => reminders(mailer, log, day, false) }),
  };
}

export type ScheduledWorkService = ReturnType<typeof scheduledWorkService>;
