// The app over a fresh SQLite store seeded with the test portfolio, on the portfolio's fixed day: started before a
// file's tests and closed after them.
import { afterAll, beforeAll } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config.ts';
import { fixedClock } from '../../src/services/clock.ts';
import type { Store } from '../../src/store/database.ts';
import { appOver } from '../support/app.ts';
import { freshSqliteStore } from '../support/databases.ts';
import { client } from '../web/support.ts';
import { PASSWORD, TODAY, seedPortfolio, type SeededPortfolio } from './seed.ts';

export interface PortfolioApp {
  app: FastifyInstance;
  seeded: SeededPortfolio;
  /** A browser that has signed in with the e-mail address and the portfolio's password. */
  as(email: string): Promise<ReturnType<typeof client>>;
}

/** Registers the hooks that start and close the app; its fields are set once the file's tests begin. */
export function usePortfolioApp(): PortfolioApp {
  const portfolio = {
    async as(email: string) {
      const browser = client(portfolio.app);
      await browser.signIn(email, PASSWORD);
      return browser;
    },
  } as PortfolioApp;
  let store: Store | undefined;
  beforeAll(async () => {
    store = await freshSqliteStore();
    portfolio.seeded = await seedPortfolio(store.db);
    portfolio.app = await appOver(store, loadConfig({ DEMO: 'false' }), { clock: fixedClock(TODAY) });
  });
  afterAll(async () => {
    await portfolio.app?.close();
    await store?.close();
  });
  return portfolio;
}
