// Commitments: the numbered rows of a plan, kept in order by `position`.
import type { Kysely, Selectable } from 'kysely';
import type { CommitmentsTable, Database } from './schema.ts';
import type { CommitmentRecord } from './records.ts';
import { nextPosition, reorder } from './positions.ts';
import { toCount } from './column-values.ts';

export interface NewCommitment {
  /** Defaults to one more than the highest number in the plan. */
  number?: number;
  title: string;
  summary?: string;
  leadUserId?: number | null;
}

export type CommitmentChanges = Partial<Pick<CommitmentRecord, 'number' | 'title' | 'summary' | 'leadUserId'>>;

const LIST = { table: 'commitments', parent: 'plan_id' } as const;

export function toCommitmentRecord(row: Selectable<CommitmentsTable>): CommitmentRecord {
  return {
    id: row.id,
    planId: row.plan_id,
    number: row.number,
    position: row.position,
    title: row.title,
    summary: row.summary,
    leadUserId: row.lead_user_id,
  };
}

export async function createCommitment(db: Kysely<Database>, planId: number, input: NewCommitment): Promise<CommitmentRecord> {
  let number = input.number;
  if (number === undefined) {
    const { highest } = await db
      .selectFrom('commitments')
      .select((eb) => eb.fn.max('number').as('highest'))
      .where('plan_id', '=', planId)
      .executeTakeFirstOrThrow();
    number = toCount(highest) + 1;
  }
  const row = await db
    .insertInto('commitments')
    .values({
      plan_id: planId,
      number,
      position: await nextPosition(db, LIST, planId),
      title: input.title,
      summary: input.summary ?? '',
      lead_user_id: input.leadUserId ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toCommitmentRecord(row);
}

export async function getCommitment(db: Kysely<Database>, id: number): Promise<CommitmentRecord | undefined> {
  const row = await db.selectFrom('commitments').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toCommitmentRecord(row);
}

export async function listCommitments(db: Kysely<Database>, planId: number): Promise<CommitmentRecord[]> {
  const rows = await db.selectFrom('commitments').selectAll().where('plan_id', '=', planId).orderBy('position').orderBy('id').execute();
  return rows.map(toCommitmentRecord);
}

export async function updateCommitment(
  db: Kysely<Database>,
  id: number,
  changes: CommitmentChanges,
): Promise<CommitmentRecord | undefined> {
  const set = {
    ...(changes.number !== undefined && { number: changes.number }),
    ...(changes.title !== undefined && { title: changes.title }),
    ...(changes.summary !== undefined && { summary: changes.summary }),
    ...(changes.leadUserId !== undefined && { lead_user_id: changes.leadUserId }),
  };
  if (Object.keys(set).length === 0) return getCommitment(db, id);
  const row = await db.updateTable('commitments').set(set).where('id', '=', id).returningAll().executeTakeFirst();
  return row && toCommitmentRecord(row);
}

/** Puts the plan's commitments in the order of `orderedIds` (each of them exactly once). */
export async function reorderCommitments(db: Kysely<Database>, planId: number, orderedIds: number[]): Promise<CommitmentRecord[]> {
  await reorder(db, LIST, planId, orderedIds);
  return listCommitments(db, planId);
}

/** Deletes the commitment with its KPIs, milestones, monitoring items, evidence and updates. */
export async function deleteCommitment(db: Kysely<Database>, id: number): Promise<boolean> {
  const result = await db.deleteFrom('commitments').where('id', '=', id).executeTakeFirst();
  return toCount(result.numDeletedRows) > 0;
}
