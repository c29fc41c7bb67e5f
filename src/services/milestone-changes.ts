// Changing a milestone from its pages: editing it, re-dating it and marking it done. Each command stores all it
// changes, with the audit events, in one transaction, so a refused or failed part leaves nothing half-saved.
import type { Kysely } from 'kysely';
import type { MilestoneRecord, MilestoneRedateRecord } from '../domain/records.ts';
import type { DueWindow, IsoDate, MilestoneStatus } from '../domain/types.ts';
import type { Database } from '../store/schema.ts';
import { getMilestone, listMilestoneRedates } from '../store/milestones-repository.ts';
import { getUser } from '../store/users-repository.ts';
import { inTransaction } from '../store/transaction.ts';
import { withStoredFile, type UploadedFile } from './evidence-files.ts';
import { NotFoundError, addEvidence, editMilestone, setMilestoneStatus } from './plans.ts';

type Db = Kysely<Database>;

export interface MilestoneEdit {
  text: string;
  status: MilestoneStatus;
  /** A due date for a milestone that has none yet. */
  due?: DueWindow;
}

/**
 * Saves the milestone's text and status, and its due date only while it has none: a change to an agreed date is
 * a re-date, with a reason (`redateMilestone`), so a due date sent for a dated milestone is ignored. The first due
 * date also becomes the baseline. A change of status is dated `today` (the day it was done, for "done").
 * Refused with EditConflictError when the milestone changed after `readVersion` was read.
 */
export function saveMilestoneEdit(
  db: Db,
  milestoneId: number,
  edit: MilestoneEdit,
  userId: number | null,
  today: IsoDate,
  readVersion?: string,
): Promise<MilestoneRecord> {
  return inTransaction(db, async (trx) => {
    const before = await getMilestone(trx, milestoneId);
    if (!before) throw new NotFoundError(`There is no milestone ${milestoneId}`);
    const due = before.due ? undefined : edit.due;
    const edited = await editMilestone(trx, milestoneId, { text: edit.text, ...(due && { due, baseline: before.baseline ?? due }) }, userId, readVersion);
    if (edit.status === before.status) return edited;
    return setMilestoneStatus(trx, milestoneId, edit.status, userId, today);
  });
}

export interface DoneEvidence {
  note: string | null;
  link: string | null;
  file: UploadedFile | null;
}

/** Marks the milestone done on `doneOn`, with the evidence (dated that day) if any was given: all or nothing. */
export function markMilestoneDone(
  db: Db,
  dataDir: string,
  milestoneId: number,
  doneOn: IsoDate,
  evidence: DoneEvidence | null,
  userId: number | null,
): Promise<MilestoneRecord> {
  return withStoredFile(dataDir, evidence?.file, (filePath) =>
    inTransaction(db, async (trx) => {
      if (evidence) await addEvidence(trx, { milestoneId, date: doneOn, note: evidence.note, link: evidence.link, filePath }, userId);
      return setMilestoneStatus(trx, milestoneId, 'done', userId, doneOn);
    }),
  );
}

export interface RedateEntry {
  redate: MilestoneRedateRecord;
  /** Who re-dated it ("unknown" when nobody is recorded). */
  by: string;
}

/** The milestone's re-dates, newest first, with who made each. */
export async function redateHistory(db: Db, milestoneId: number): Promise<RedateEntry[]> {
  const redates = await listMilestoneRedates(db, milestoneId);
  return Promise.all(
    redates.reverse().map(async (redate) => ({
      redate,
      by: redate.changedBy === null ? 'unknown' : ((await getUser(db, redate.changedBy))?.name ?? 'unknown'),
    })),
  );
}
