// The JSON API's changes, each made through the service function the page for it uses, so it is checked and
// audited the same way and recorded as the token's user. What was sent wrong comes back as field errors, never
// thrown; a change the thing's state no longer allows throws ReviewStateError (409), a role that does not allow it
// ReviewForbiddenError (403), something gone NotFoundError (404).
import type { DueWindow, MilestoneStatus, Rag } from '../domain/types.ts';
import type { FieldError } from '../domain/update-flow.ts';
import type { CurrentUser } from './accounts.ts';
import type { ServiceContext } from './context.ts';
import { addEvidence, recordKpiReading, redateMilestone, setMilestoneStatus } from './plans.ts';
import { saveUpdate, submitUpdate } from './reviews/index.ts';
import { apiReads, updateView, type ApiEvidence, type ApiMilestoneDetail, type ApiUpdate } from './api-reads.ts';
import type { KpiReadingRecord } from '../domain/records.ts';
import { inTransaction } from '../store/transaction.ts';

export type ApiChecked<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export interface MilestoneChange {
  status?: MilestoneStatus;
  /** When it was done (status 'done'); today when not given. */
  doneOn?: string;
  /** A new due window: a change of plan, so `reason` is required and the re-date is kept in its history. */
  due?: DueWindow;
  reason?: string;
}

export interface ReadingInput { date: string; value: number; note?: string | null; source?: string | null }
export interface EvidenceInput { date: string; note: string; link?: string | null }
export interface UpdateInput { rag: Rag; narrative: string; kpiRefs?: number[]; ragOverrideReason?: string | null }

const isWebLink = (text: string) => /^https?:\/\/[^\s]+$/i.test(text);

export function apiWrites(ctx: ServiceContext) {
  const { db, clock } = ctx;
  const reads = apiReads(ctx);

  return {
    async changeMilestone(user: CurrentUser, milestoneId: number, change: MilestoneChange): Promise<ApiChecked<ApiMilestoneDetail>> {
      const errors: FieldError[] = [];
      const reason = change.reason?.trim() ?? '';
      const today = clock.today();
      if (change.status === undefined && change.due === undefined) errors.push({ field: 'status', message: 'Send a status, a new due date, or both' });
      if (change.due && !reason) errors.push({ field: 'reason', message: 'Give the reason the milestone is being re-dated' });
      if (change.due && change.due.from > change.due.to) errors.push({ field: 'due', message: 'The due window must not end before it starts' });
      if (change.doneOn !== undefined && change.status !== 'done') errors.push({ field: 'doneOn', message: 'A date done goes with the status "done"' });
      if (change.doneOn !== undefined && change.doneOn > today) errors.push({ field: 'doneOn', message: 'Date done must be today or in the past' });
      const current = await reads.milestone(milestoneId);
      if (change.due && current.due && change.due.from === current.due.from && change.due.to === current.due.to) {
        errors.push({ field: 'due', message: 'The new due date must be different from the current one' });
      }
      if (errors.length > 0) return { ok: false, errors };
      // A re-date and a new status are saved together or not at all.
      await inTransaction(db, async (trx) => {
        if (change.due) await redateMilestone(trx, milestoneId, change.due, reason, user.id);
        if (change.status !== undefined) {
          await setMilestoneStatus(trx, milestoneId, change.status, user.id, change.status === 'done' ? (change.doneOn ?? today) : undefined);
        }
      });
      return { ok: true, value: await reads.milestone(milestoneId) };
    },

    async recordReading(user: CurrentUser, kpiId: number, input: ReadingInput): Promise<ApiChecked<KpiReadingRecord>> {
      if (!Number.isFinite(input.value)) return { ok: false, errors: [{ field: 'value', message: 'Enter the reading as a number' }] };
      const reading = await recordKpiReading(db, kpiId, {
        date: input.date, value: input.value, note: input.note?.trim() || null, source: input.source?.trim() || null,
      }, user.id);
      return { ok: true, value: reading };
    },

    async addEvidence(user: CurrentUser, milestoneId: number, input: EvidenceInput): Promise<ApiChecked<ApiEvidence>> {
      const errors: FieldError[] = [];
      const note = input.note.trim();
      const link = input.link?.trim() || null;
      if (!note) errors.push({ field: 'note', message: 'Enter a note saying what the evidence is' });
      if (link && !isWebLink(link)) errors.push({ field: 'link', message: 'Enter a link that starts with http:// or https://' });
      if (input.date > clock.today()) errors.push({ field: 'date', message: 'The date must be today or in the past' });
      if (errors.length > 0) return { ok: false, errors };
      const e = await addEvidence(db, { milestoneId, date: input.date, note, link }, user.id);
      return { ok: true, value: { id: e.id, date: e.date, note: e.note, link: e.link, hasFile: e.filePath !== null, createdAt: e.createdAt } };
    },

    async saveDraft(user: CurrentUser, periodId: number, commitmentId: number, input: UpdateInput): Promise<ApiChecked<ApiUpdate>> {
      const saved = await saveUpdate(db, user, {
        commitmentId, periodId, rag: input.rag, narrative: input.narrative, kpiRefs: input.kpiRefs ?? [],
        ragOverrideReason: input.ragOverrideReason ?? null,
      }, { today: clock.today() });
      return saved.ok ? { ok: true, value: updateView(saved.value) } : saved;
    },

    async submit(user: CurrentUser, periodId: number, commitmentId: number): Promise<ApiChecked<ApiUpdate>> {
      const submitted = await submitUpdate(db, user, commitmentId, periodId);
      return submitted.ok ? { ok: true, value: updateView(submitted.value) } : submitted;
    },
  };
}

export type ApiWrites = ReturnType<typeof apiWrites>;
