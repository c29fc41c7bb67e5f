// Counts the queries a store's database runs, for tests that check a page is read in a fixed number of queries.
import type { KyselyPlugin } from 'kysely';
import type { Store } from '../../src/store/database.ts';

export interface CountedStore {
  /** The same store, its database counting every query it runs (subqueries are part of their query). */
  store: Store;
  /** How many queries have run since the start or the last reset. */
  count(): number;
  reset(): void;
}

export function countingQueries(store: Store): CountedStore {
  let count = 0;
  const counter: KyselyPlugin = {
    transformQuery: (args) => args.node,
    transformResult: async (args) => {
      count += 1;
      return args.result;
    },
  };
  return {
    store: { ...store, db: store.db.withPlugin(counter) },
    count: () => count,
    reset: () => {
      count = 0;
    },
  };
}
