// The web app over a test's own store, made the way the composition root makes it: services from the store.
import type { FastifyInstance } from 'fastify';
import type { DestinationStream } from 'pino';
import type { Config } from '../../src/config.ts';
import type { Clock } from '../../src/services/clock.ts';
import { createServices } from '../../src/services/index.ts';
import type { Store } from '../../src/store/database.ts';
import { buildApp } from '../../src/web/app.ts';

export function appOver(
  store: Store,
  config: Config,
  options: { logger?: false | { stream?: DestinationStream; level?: string }; clock?: Clock } = {},
): Promise<FastifyInstance> {
  const services = createServices(store, { config, clock: options.clock });
  return buildApp({ services, config, logger: options.logger ?? false });
}
