// The service layer: the only door to the data for pages, the JSON API, the command line and exports. Everything
// is made once here, from the store, the one clock and the settings (in the style of hmpps-template-typescript's
// `createServices`); callers receive `Services` and never the store.
import { sql } from 'kysely';
import type { Config } from '../config.ts';
import type { Store } from '../store/database.ts';
import { systemClock, type Clock } from './clock.ts';
import type { ServiceContext } from './context.ts';
import { resourceAccessService } from './resource-access.ts';
import { accountService } from './account-service.ts';
import { planService } from './plan-service.ts';
import { trackingService } from './tracking-service.ts';
import { reviewService } from './review-service.ts';
import { exportService } from './export-service.ts';
import { demoService } from './demo-service.ts';
import { apiTokenService } from './api-token-service.ts';
import { portfolioService } from './portfolio-service.ts';
import { syntheticDataService } from './synthetic-data-service.ts';
import { apiService } from './api-service.ts';
import { adminService } from './admin-service.ts';
import { scheduledWorkService } from './scheduled-work-service.ts';

export interface ServiceOptions {
  config: Config;
  /** Default: the system clock, which honours TRACKER_TODAY. */
  clock?: Clock;
}

export function createServices(store: Store, { config, clock = systemClock() }: ServiceOptions) {
  const ctx: ServiceContext = { db: store.db, dialect: store.dialect, clock, config };
  return {
    clock,
    dialect: store.dialect,
    /** Whether the database answers (for /health). */
    databaseAnswers: async (): Promise<boolean> => {
      try {
        await sql`select 1`.execute(store.db);
        return true;
      } catch {
        return false;
      }
    },
    access: resourceAccessService(ctx),
    accounts: accountService(ctx),
    plans: planService(ctx),
    tracking: trackingService(ctx),
    reviews: reviewService(ctx),
    exports: exportService(ctx),
    demo: demoService(ctx),
    apiTokens: apiTokenService(ctx),
    api: apiService(ctx),
    admin: adminService(ctx),
    portfolio: portfolioService(ctx),
    syntheticData: syntheticDataService(ctx),
    scheduledWork: scheduledWorkService(ctx),
    close: () => store.close(),
  };
}

export type Services = ReturnType<typeof createServices>;
