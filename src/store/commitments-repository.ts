// Commitments: the numbered rows of a plan, kept in order by `position`.
import type { Kysely, Selectable } from 'kysely';
import type { CommitmentsTable, Database } from './schema.ts';
import type { CommitmentRecord } from './records.ts';
import { nextPosition, reorder } from './positions.ts';
import { toCount } from './column-values.ts';
import { tableRows } from './table-rows.ts';

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

const commitmentRows = tableRows('commitments', toCommitmentRecord);

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
  return commitmentRows.insert(db, {
    plan_id: planId,
    number,
    position: await nextPosition(db, LIST, planId),
    title: input.title,
    summary: input.summary ?? '',
    lead_user_id: input.leadUserId ?? null,
  });
}

export async function getCommitment(db: Kysely<Database>, id: number): Promise<CommitmentRecord | undefined> {
  return commitmentRows.byId(db, id);
}

export async function listCommitments(db: Kysely<Database>, planId: number): Promise<CommitmentRecord[]> {
  return commitmentRows.listWhere(db, 'plan_id', planId, 'position', 'id');
}

export async function updateCommitment(
  db: Kysely<Database>,
  id: number,
  changes: CommitmentChanges,
): Promise<CommitmentRecord | undefined> {
  const { number, title, summary, leadUserId } = changes;
  return commitmentRows.updateById(db, id, { number, title, summary, lead_user_id: leadUserId });
}

/** Puts the plan's commitments in the order of `orderedIds` (each of them exactly once). */
export async function reorderCommitments(db: Kysely<Database>, planId: number, orderedIds: number[]): Promise<CommitmentRecord[]> {
  await reorder(db, LIST, planId, orderedIds);
  return listCommitments(db, planId);
}

/** Deletes the commitment with its KPIs, milestones, monitoring items, evidence and updates. */
export async function deleteCommitment(db: Kysely<Database>, id: number): Promise<boolean> {
  return commitmentRows.deleteById(db, id);
}
