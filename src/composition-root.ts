// The composition root: the one place that opens the store, brings its schema up to date and makes the services
// from it. The web app, the command line and the exports are handed the services, never the store.
import type { Config } from './config.ts';
import { openStore, type StoreOptions } from './store/database.ts';
import { migrate } from './store/migrate.ts';
import { createServices, type Services } from './services/index.ts';
import type { Clock } from './services/clock.ts';

export interface OpenOptions extends StoreOptions {
  /** Default: the system clock, which honours TRACKER_TODAY. */
  clock?: Clock;
  /** false: the schema is not migrated (e.g. `tracker backup`, which reads the file as it is). */
  migrate?: boolean;
}

/** The services over the configured database, its schema brought up to date. `services.close()` closes it. */
export async function openServices(config: Config, options: OpenOptions = {}): Promise<Services> {
  const store = openStore(config.databaseUrl, options);
  try {
    if (options.migrate !== false) await migrate(store);
  } catch (err) {
    await store.close();
    throw err;
  }
  return createServices(store, { config, clock: options.clock });
}

/** Opens the services, hands them to `work` and closes them however `work` ends. */
export async function withServices<T>(config: Config, work: (services: Services) => Promise<T>, options: OpenOptions = {}): Promise<T> {
  const services = await openServices(config, options);
  try {
    return await work(services);
  } finally {
    await services.close();
  }
}
