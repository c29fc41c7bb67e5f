// `tracker reminders send [--date YYYY-MM-DD]`: e-mails today's reminder digests (one per person per day, never
// twice: see services/reminders.ts). `tracker serve` sends them on a schedule (services/scheduled-work.ts); this
// command is for deployments that prefer cron, and for sending by hand. It takes the same once-a-day claim, so
// it never runs alongside a scheduled run; running it again the same day sends only what could not be sent before.
import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import type { ReminderLog } from '../../services/reminders.ts';

function isoDate(value: string): string {
  const parsed = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) {
    throw new Error(`--date must be a date written YYYY-MM-DD, got "${value}"`);
  }
  return value;
}

/** Errors on stderr, one line each (the summary of what was sent goes to stdout). Never the SMTP settings. */
const log: ReminderLog = {
  info: () => undefined,
  error: (_details, message) => void process.stderr.write(`${message}\n`),
};

export function registerReminders(program: Command): void {
  const reminders = program.command('reminders').description('reminder e-mails about milestones and review updates');

  reminders
    .command('send')
    .description('send the day’s reminder e-mails (SMTP_HOST, SMTP_PORT, MAIL_FROM, REMINDER_DAYS… from the environment)')
    .option('--date <date>', 'the day to send for, YYYY-MM-DD (default: today)')
    .action(async (options: { date?: string }) => {
      const day = options.date === undefined ? undefined : isoDate(options.date);
      // Loaded when the command runs, not when it is registered, so that `tracker --help` stays quick.
      const [{ openServices }, { createSmtpMailer }] = await Promise.all([import('../../composition-root.ts'), import('../../services/mailer.ts')]);
      const config = loadConfig();
      const services = await openServices(config);
      const mailer = createSmtpMailer(config.smtp);
      try {
        // Without --date: today on the services' clock (today in the UK, or TRACKER_TODAY).
        // The same once-a-day claim as the schedule in `tracker serve`: never alongside a run going on elsewhere.
        const run = await services.scheduledWork.sendRemindersNow(mailer, log, day);
        if (!run.ran) {
          const who = run.run ? ` by ${run.run.instance} (since ${run.run.claimedAt})` : '';
          process.stdout.write(`Reminders for ${day ?? services.clock.today()} are being sent now${who}: nothing sent from here.\n`);
          return;
        }
        const { report } = run;
        const lines = [
          `Reminders for ${report.day}: ${report.sent.length} sent, ${report.alreadySent.length} already sent earlier, ${report.failed.length} not sent`,
          ...report.sent.map((email) => `  sent to ${email}`),
        ];
        process.stdout.write(`${lines.join('\n')}\n`);
        if (report.failed.length > 0) {
          throw new Error(`${report.failed.length} reminder e-mail(s) could not be sent: ${report.failed[0]?.reason ?? ''}. Run again to retry them.`);
        }
      } finally {
        mailer.close();
        await services.close();
      }
    });
}
