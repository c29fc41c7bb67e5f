// What every service is made with: the database, which engine it is, the one clock and the settings.
import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { Dialect } from '../store/database.ts';
import type { Database } from '../store/schema.ts';
import type { Clock } from './clock.ts';

export interface ServiceContext {
  db: Kysely<Database>;
  dialect: Dialect;
  clock: Clock;
  config: Config;
}
