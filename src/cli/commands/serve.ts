// `tracker serve`: migrate the database, add the demo data on a first run in demo mode, then serve the web app
// until SIGINT/SIGTERM, closing connections cleanly.
import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';

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

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run the web service (PORT, DATABASE_URL, DEMO… from the environment; see .env.example)')
    .option('-p, --port <port>', 'port to listen on (overrides PORT)')
    .option('--demo', 'demo mode: public demo accounts and a demo plan tracked up to today (never for real use; DEMO=true does the same)')
    .action(async (options: ServeOptions) => {
      // Loaded when the command runs, not when it is registered, so that `tracker --help` stays quick.
      const [{ openStore }, { migrate }, { buildApp }, { demoSignInText, ensureDemo }, { purgeExpiredSessions }] = await Promise.all([
        import('../../store/database.ts'),
        import('../../store/migrate.ts'),
        import('../../web/app.ts'),
        import('../../services/demo.ts'),
        import('../../services/accounts.ts'),
      ]);
      const config = loadConfig(serveEnvironment(process.env, options));
      const store = openStore(config.databaseUrl);
      await migrate(store);
      const app = await buildApp({ store, config });

      try {
        const demo = await ensureDemo(store, config);
        for (const note of demo.notes) app.log.info(note);
      } catch (err) {
        app.log.error({ err }, 'Demo data could not be added; the service runs without it');
      }

      const purge = () =>
        purgeExpiredSessions(store.db).then(
          (n) => n > 0 && app.log.info({ sessions: n }, 'expired sessions deleted'),
          (err: unknown) => app.log.warn({ err }, 'expired sessions could not be deleted'),
        );
      await purge();
      const purging = setInterval(() => void purge(), PURGE_EVERY_MS).unref();

      let closing = false;
      const shutdown = async (signal: string) => {
        if (closing) return;
        closing = true;
        clearInterval(purging);
        app.log.info({ signal }, 'shutting down');
        await app.close();
        await store.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void shutdown('SIGINT'));
      process.once('SIGTERM', () => void shutdown('SIGTERM'));

      await app.listen({ port: config.port, host: config.host });
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : config.port;
      const url = `http://localhost:${port}`;
      process.stdout.write(`Improvement Tracker is running at ${url}\n`);
      if (config.demo) process.stdout.write(`${demoSignInText(url)}\n`);
    });
}
