// What every route module receives when app.ts registers it: the services (never the store) and the settings.
import type { Config } from '../config.ts';
import type { Services } from '../services/index.ts';

export interface RouteDeps {
  services: Services;
  config: Config;
}
