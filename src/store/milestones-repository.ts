// Milestones: the current due window moves only by re-dating (with a reason and who approved it), which keeps
// the baseline as first agreed and writes the change to milestone_redates.
import type { Kysely, Selectable } from 'kysely';
import type { DueWindow, IsoDate, MilestoneStatus, Recurrence } from '../domain/types.ts';
import type { Database, MilestoneRedatesTable, MilestonesTable } from './schema.ts';
import type { MilestoneRecord, MilestoneRedateRecord } from './records.ts';
import { MILESTONE_STATUSES, RECURRENCES, now, oneOf, optionalOneOf, windowColumns, windowOf } from './column-values.ts';
import { nextPosition } from './positions.ts';
import { tableRows } from './table-rows.ts';
import { inTransaction } from './transaction.ts';

export interface NewMilestone {
  text: string;
  due?: DueWindow | null;
  recurrence?: Recurrence | null;
}

/**
 * Corrections of a milestone as recorded (a misread date, a typo). Setting `due` here does not write history:
 * a change of plan is a re-date.
 */
export type MilestoneChanges = Partial<{
  text: string;
  due: DueWindow | null;
  baseline: DueWindow | null;
  recurrence: Recurrence | null;
  position: number;
}>;

export interface Redated {
  milestone: MilestoneRecord;
  redate: MilestoneRedateRecord;
}

export function toMilestoneRecord(row: Selectable<MilestonesTable>): MilestoneRecord {
  return {
    id: row.id,
    commitmentId: row.commitment_id,
    position: row.position,
    text: row.text,
    due: windowOf(row.due_from, row.due_to),
    baseline: windowOf(row.baseline_from, row.baseline_to),
    recurrence: optionalOneOf(RECURRENCES, row.recurrence, 'milestones.recurrence'),
    status: oneOf(MILESTONE_STATUSES, row.status, 'milestones.status'),
    doneOn: row.done_on,
  };
}

function toRedateRecord(row: Selectable<MilestoneRedatesTable>): MilestoneRedateRecord {
  return {
    id: row.id,
    milestoneId: row.milestone_id,
    oldDue: windowOf(row.old_from, row.old_to),
    newDue: windowOf(row.new_from, row.new_to),
    reason: row.reason,
    changedBy: row.changed_by,
    changedAt: row.changed_at,
  };
}

const milestoneRows = tableRows('milestones', toMilestoneRecord);
const redateRows = tableRows('milestone_redates', toRedateRecord);

export async function createMilestone(db: Kysely<Database>, commitmentId: number, input: NewMilestone): Promise<MilestoneRecord> {
  const due = windowColumns(input.due ?? null);
  return milestoneRows.insert(db, {
    commitment_id: commitmentId,
    position: await nextPosition(db, { table: 'milestones', parent: 'commitment_id' }, commitmentId),
    text: input.text,
    due_from: due.from,
    due_to: due.to,
    baseline_from: due.from,
    baseline_to: due.to,
    recurrence: input.recurrence ?? null,
    status: 'not-started',
  });
}

export async function getMilestone(db: Kysely<Database>, id: number): Promise<MilestoneRecord | undefined> {
  return milestoneRows.byId(db, id);
}

export async function listMilestones(db: Kysely<Database>, commitmentId: number): Promise<MilestoneRecord[]> {
  return milestoneRows.listWhere(db, 'commitment_id', commitmentId, 'position', 'id');
}

export async function updateMilestone(db: Kysely<Database>, id: number, changes: MilestoneChanges): Promise<MilestoneRecord | undefined> {
  const due = changes.due !== undefined ? windowColumns(changes.due) : undefined;
  const baseline = changes.baseline !== undefined ? windowColumns(changes.baseline) : undefined;
  return milestoneRows.updateById(db, id, {
    text: changes.text,
    position: changes.position,
    recurrence: changes.recurrence,
    due_from: due?.from,
    due_to: due?.to,
    baseline_from: baseline?.from,
    baseline_to: baseline?.to,
  });
}

/** Sets the status. Done needs a date (`doneOn`, else today); any other status clears it. */
export async function setMilestoneStatus(
  db: Kysely<Database>,
  id: number,
  status: MilestoneStatus,
  doneOn?: IsoDate,
): Promise<MilestoneRecord | undefined> {
  const row = await db
    .updateTable('milestones')
    .set({ status, done_on: status === 'done' ? (doneOn ?? now().slice(0, 10)) : null })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row && toMilestoneRecord(row);
}

export function markMilestoneDone(db: Kysely<Database>, id: number, doneOn: IsoDate): Promise<MilestoneRecord | undefined> {
  return setMilestoneStatus(db, id, 'done', doneOn);
}

/**
 * Moves the current due window to `newDue` (null: no date any more), keeping the baseline, and records the old
 * and new windows with the reason and who approved it. Throws when the milestone does not exist or the reason
 * is empty.
 */
export async function redateMilestone(
  db: Kysely<Database>,
  id: number,
  newDue: DueWindow | null,
  reason: string,
  userId: number | null,
): Promise<Redated> {
  const why = reason.trim();
  if (why === '') throw new Error('Re-dating a milestone needs a reason');
  return inTransaction(db, async (trx) => {
    const current = await getMilestone(trx, id);
    if (!current) throw new Error(`Milestone ${id} does not exist`);
    const before = windowColumns(current.due);
    const after = windowColumns(newDue);
    const redate = await redateRows.insert(trx, {
      milestone_id: id,
      old_from: before.from,
      old_to: before.to,
      new_from: after.from,
      new_to: after.to,
      reason: why,
      changed_by: userId,
      changed_at: now(),
    });
    const row = await trx
      .updateTable('milestones')
      .set({ due_from: after.from, due_to: after.to })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return { milestone: toMilestoneRecord(row), redate };
  });
}

/** The milestone's re-dates, oldest first. */
export async function listMilestoneRedates(db: Kysely<Database>, milestoneId: number): Promise<MilestoneRedateRecord[]> {
  return redateRows.listWhere(db, 'milestone_id', milestoneId, 'changed_at', 'id');
}

/** Deletes the milestone with its history and evidence. */
export async function deleteMilestone(db: Kysely<Database>, id: number): Promise<boolean> {
  return milestoneRows.deleteById(db, id);
}
