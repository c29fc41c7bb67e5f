// `tracker serve`: migrate the database, add the demo data on a first run in demo mode, then serve the web app
// until SIGINT/SIGTERM, closing connections cleanly. Each instance also checks for the day's reminder e-mails
// (sent once across instances) and deletes expired sessions.
import type { Command } from 'commander';
import type { FastifyBaseLogger } from 'fastify';
import { loadConfig, type Config } from '../../config.ts';
import type { Services } from '../../services/index.ts';

const PURGE_EVERY_MS = 60 * 60 * 1000;

export interface ServeOptions {
  port?: string;
  /** Demo mode: the demo accounts and the living demo plan on a first run (wins over DEMO in the environment). */
  demo?: boolean;
}

/** The environment the service's settings are read from: the process's, with the command line's overrides. */
export function serveEnvironment(env: NodeJS.ProcessEnv, options: ServeOptions): NodeJS.ProcessEnv {
  return {
    ...env,
    ...(options.port === undefined ? {} : { PORT: options.port }),
    ...(options.demo ? { DEMO: 'true' } : {}),
  };
}

/**
 * The day's reminder e-mails on a schedule, sent once across every instance (services/scheduled-work.ts), unless
 * REMINDERS=off or no SMTP server is set. Returns what to stop on shutdown.
 */
async function scheduleReminders(services: Services, config: Config, log: FastifyBaseLogger): Promise<{ stop(): void } | null> {
  // Loaded when the command runs, like everything heavy (`tracker --help` stays quick).
  const [{ reminderSchedule }, { createSmtpMailer }] = await Promise.all([
    import('../../services/scheduled-work-service.ts'),
    import('../../services/mailer.ts'),
  ]);
  const schedule = reminderSchedule(process.env);
  if (!schedule.enabled) {
    log.info('reminder e-mails are not scheduled (REMINDERS=off)');
    return null;
  }
  if (!config.smtp.host) {
    log.info('reminder e-mails are not scheduled: no SMTP server is set (SMTP_HOST)');
    return null;
  }
  const mailer = createSmtpMailer(config.smtp);
  const running = services.scheduledWork.startReminderSchedule(mailer, log, schedule);
  log.info({ hour: schedule.hour, everyMinutes: schedule.everyMs / 60_000 }, 'reminder e-mails scheduled daily from this hour (UK time)');
  return {
    stop: () => {
      running.stop();
      mailer.close();
    },
  };
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run the web service (PORT, DATABASE_URL, DEMO… from the environment; see .env.example)')
    .option('-p, --port <port>', 'port to listen on (overrides PORT)')
    .option('--demo', 'demo mode: public demo accounts and a demo plan tracked up to today (never for real use; DEMO=true does the same)')
    .action(async (options: ServeOptions) => {
      // Loaded when the command runs, not when it is registered, so that `tracker --help` stays quick.
      const [{ openServices }, { buildApp }] = await Promise.all([import('../../composition-root.ts'), import('../../web/app.ts')]);
      const config = loadConfig(serveEnvironment(process.env, options));
      const services = await openServices(config);
      const app = await buildApp({ services, config });

      try {
        const demo = await services.demo.ensure();
        for (const note of demo.notes) app.log.info(note);
      } catch (err) {
        app.log.error({ err }, 'Demo data could not be added; the service runs without it');
      }

      const purge = () =>
        services.accounts.purgeExpiredSessions().then(
          (n) => n > 0 && app.log.info({ sessions: n }, 'expired sessions deleted'),
          (err: unknown) => app.log.warn({ err }, 'expired sessions could not be deleted'),
        );
      await purge();
      const purging = setInterval(() => void purge(), PURGE_EVERY_MS).unref();
      const reminders = await scheduleReminders(services, config, app.log);

      let closing = false;
      const shutdown = async (signal: string) => {
        if (closing) return;
        closing = true;
        clearInterval(purging);
        reminders?.stop();
        app.log.info({ signal }, 'shutting down');
        await app.close();
        await services.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void shutdown('SIGINT'));
      process.once('SIGTERM', () => void shutdown('SIGTERM'));

      await app.listen({ port: config.port, host: config.host });
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : config.port;
      const url = `http://localhost:${port}`;
      process.stdout.write(`Improvement Tracker is running at ${url}\n`);
      if (config.demo) process.stdout.write(`${services.demo.signInText(url)}\n`);
    });
}
