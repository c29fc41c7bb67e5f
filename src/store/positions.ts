// Order of the children of a plan or commitment (commitments, KPIs, milestones, monitoring items): `position`
// counts from 0 within the parent.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';
import { inTransaction } from './transaction.ts';

export type Ordered =
  | { table: 'commitments'; parent: 'plan_id' }
  | { table: 'kpis' | 'milestones' | 'monitoring_items'; parent: 'commitment_id' };

/** The position after the last child of the parent (0 for the first). */
export async function nextPosition(db: Kysely<Database>, list: Ordered, parentId: number): Promise<number> {
  const { rows } = await sql<{ last: number | null }>`
    select max(position) as last from ${sql.table(list.table)} where ${sql.ref(list.parent)} = ${parentId}`.execute(db);
  const last = rows[0]?.last;
  return last === null || last === undefined ? 0 : Number(last) + 1;
}

/**
 * Puts the parent's children in the order given. `orderedIds` must name each child exactly once, so a stale
 * form cannot silently drop or duplicate one.
 */
export async function reorder(db: Kysely<Database>, list: Ordered, parentId: number, orderedIds: number[]): Promise<void> {
  await inTransaction(db, async (trx) => {
    const { rows } = await sql<{ id: number }>`
      select id from ${sql.table(list.table)} where ${sql.ref(list.parent)} = ${parentId}`.execute(trx);
    const current = new Set(rows.map((r) => Number(r.id)));
    const given = new Set(orderedIds);
    if (given.size !== orderedIds.length || given.size !== current.size || orderedIds.some((id) => !current.has(id))) {
      throw new Error(`The new order must list each of the ${current.size} ${list.table.replace('_', ' ')} exactly once`);
    }
    for (const [position, id] of orderedIds.entries()) {
      await sql`update ${sql.table(list.table)} set position = ${position} where id = ${id}`.execute(trx);
    }
  });
}
