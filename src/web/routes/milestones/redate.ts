// Re-dating a milestone: a new due date (date boxes or words) and a mandatory reason. The baseline stays as
// first agreed and every re-date is kept, shown here as the milestone's history.
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../store/schema.ts';
import type { RouteDeps } from '../../route-deps.ts';
import { errorView, type FieldError } from '../../form-errors.ts';
import { listMilestoneRedates } from '../../../store/milestones-repository.ts';
import { getUser } from '../../../store/users-repository.ts';
import { redateMilestone } from '../../../services/plans.ts';
import { commitmentUrl, formBody, idParams } from '../commitments/access.ts';
import { editableMilestone, type MilestoneAccess } from './milestone-access.ts';
import { formatDue, readDueEntry } from './due-entry.ts';
import type { Fields } from './date-input.ts';

export const REASON_MAX = 500;
const FIELDS = ['reason', 'due-day', 'due-month', 'due-year', 'duePhrase', 'phraseChecked'];

async function history(db: Kysely<Database>, milestoneId: number) {
  const redates = await listMilestoneRedates(db, milestoneId);
  return Promise.all(
    redates.reverse().map(async (r) => ({
      label: `${formatDue(r.oldDue)} → ${formatDue(r.newDue)}`,
      reason: r.reason,
      by: r.changedBy === null ? 'unknown' : ((await getUser(db, r.changedBy))?.name ?? 'unknown'),
      at: r.changedAt,
      date: r.changedAt.slice(0, 10),
    })),
  );
}

async function page(db: Kysely<Database>, access: MilestoneAccess, values: Fields, extra: object = {}) {
  const { milestone, commitment } = access;
  return {
    pageTitle: 'Re-date milestone',
    milestone,
    commitment,
    currentDue: formatDue(milestone.due),
    baselineDue: formatDue(milestone.baseline),
    history: await history(db, milestone.id),
    backHref: commitmentUrl(commitment.id, undefined, `milestone-${milestone.id}`),
    values,
    reasonMax: REASON_MAX,
    ...extra,
  };
}

export async function redateMilestoneRoutes(app: FastifyInstance, { store }: RouteDeps): Promise<void> {
  app.get<{ Params: { id: number } }>(
    '/milestones/:id/redate',
    { preHandler: app.requireUser, schema: { params: idParams } },
    async (request, reply) => {
      const access = await editableMilestone(store.db, request, reply);
      if (!access) return reply;
      return reply.view('pages/milestones/redate.njk', await page(store.db, access, {}));
    },
  );

  app.post<{ Params: { id: number }; Body: Fields }>(
    '/milestones/:id/redate',
    { preHandler: app.requireUser, schema: { params: idParams, body: formBody(FIELDS) } },
    async (request, reply) => {
      const access = await editableMilestone(store.db, request, reply);
      if (!access) return reply;
      const { milestone } = access;
      const values = request.body;
      const reason = (values.reason ?? '').trim();
      const errors: FieldError[] = [];
      const due = readDueEntry(values, access.plan, 'New due date');
      if (due.kind === 'error') errors.push(...due.errors);
      if (due.kind === 'empty') errors.push({ field: 'due-day', message: 'Enter the new due date' });
      if (due.kind === 'due' && milestone.due && due.due.from === milestone.due.from && due.due.to === milestone.due.to) {
        errors.push({ field: 'due-day', message: `The new due date must be different from the current one (${formatDue(milestone.due)})` });
      }
      if (!reason) errors.push({ field: 'reason', message: 'Enter why the milestone is being re-dated' });
      else if (reason.length > REASON_MAX) errors.push({ field: 'reason', message: `Reason must be ${REASON_MAX} characters or fewer` });
      if (errors.length > 0) {
        return reply.code(400).view('pages/milestones/redate.njk', await page(store.db, access, values, errorView(errors)));
      }
      if (due.kind === 'check') {
        return reply.view('pages/milestones/redate.njk', await page(store.db, access, { ...values, phraseChecked: due.phrase }, { check: due }));
      }
      if (due.kind !== 'due') throw new Error('unreachable: a due date was required');
      await redateMilestone(store.db, milestone.id, due.due, reason, request.user?.id ?? null);
      return reply.redirect(commitmentUrl(milestone.commitmentId, 'milestone-redated', `milestone-${milestone.id}`), 303);
    },
  );
}
