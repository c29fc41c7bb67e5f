// Runs work in one transaction: a new one on a plain connection, or inside the caller's when it already is one,
// so repository functions compose into a larger all-or-nothing change.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.ts';

export function inTransaction<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db);
  return db.transaction().execute((trx: Transaction<Database>) => work(trx));
}
