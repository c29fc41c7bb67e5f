// What every route module receives when app.ts registers it.
import type { Config } from '../config.ts';
import type { Store } from '../store/database.ts';

export interface RouteDeps {
  store: Store;
  config: Config;
}
