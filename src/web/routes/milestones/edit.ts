// Editing a milestone: its text and status, and its due date only while it has none (a change to an agreed
// date is a re-date, with a reason). The due date is entered in the date boxes or in words.
import type { FastifyInstance } from 'fastify';
import type { MilestoneStatus } from '../../../domain/types.ts';
import type { RouteDeps } from '../../route-deps.ts';
import { errorView, type FieldError } from '../../form-errors.ts';
import { editMilestone, setMilestoneStatus } from '../../../services/plans.ts';
import { commitmentUrl, formBody, idParams } from '../commitments/access.ts';
import { editableMilestone, type MilestoneAccess } from './milestone-access.ts';
import { formatDue, readDueEntry, type DueEntry } from './due-entry.ts';
import { todayIso, type Fields } from './date-input.ts';

export const TEXT_MAX = 1000;
const STATUSES: readonly MilestoneStatus[] = ['not-started', 'in-progress', 'done', 'dropped'];
const FIELDS = ['text', 'status', 'due-day', 'due-month', 'due-year', 'duePhrase', 'phraseChecked'];

function page(access: MilestoneAccess, values: Fields, extra: object = {}) {
  const { milestone, commitment } = access;
  return {
    pageTitle: 'Edit milestone',
    milestone,
    commitment,
    plan: access.plan,
    currentDue: milestone.due ? formatDue(milestone.due) : null,
    backHref: commitmentUrl(commitment.id, undefined, `milestone-${milestone.id}`),
    values,
    ...extra,
  };
}

export async function editMilestoneRoutes(app: FastifyInstance, { store }: RouteDeps): Promise<void> {
  app.get<{ Params: { id: number } }>(
    '/milestones/:id/edit',
    { preHandler: app.requireUser, schema: { params: idParams } },
    async (request, reply) => {
      const access = await editableMilestone(store.db, request, reply);
      if (!access) return reply;
      return reply.view('pages/milestones/edit.njk', page(access, { text: access.milestone.text, status: access.milestone.status }));
    },
  );

  app.post<{ Params: { id: number }; Body: Fields }>(
    '/milestones/:id/edit',
    { preHandler: app.requireUser, schema: { params: idParams, body: formBody(FIELDS) } },
    async (request, reply) => {
      const access = await editableMilestone(store.db, request, reply);
      if (!access) return reply;
      const { milestone } = access;
      const values = request.body;
      const text = (values.text ?? '').trim();
      const status = values.status as MilestoneStatus;
      const errors: FieldError[] = [];
      if (!text) errors.push({ field: 'text', message: 'Enter what the milestone is' });
      else if (text.length > TEXT_MAX) errors.push({ field: 'text', message: `Milestone must be ${TEXT_MAX} characters or fewer` });
      if (!STATUSES.includes(status)) errors.push({ field: 'status', message: 'Select the milestone’s status' });
      const due: DueEntry = milestone.due ? { kind: 'empty' } : readDueEntry(values, access.plan);
      if (due.kind === 'error') errors.push(...due.errors);
      if (errors.length > 0) return reply.code(400).view('pages/milestones/edit.njk', page(access, values, errorView(errors)));
      if (due.kind === 'check') {
        return reply.view('pages/milestones/edit.njk', page(access, { ...values, phraseChecked: due.phrase }, { check: due }));
      }

      const userId = request.user?.id ?? null;
      const newDue = due.kind === 'due' ? due.due : undefined;
      await editMilestone(store.db, milestone.id, { text, ...(newDue && { due: newDue, baseline: milestone.baseline ?? newDue }) }, userId);
      if (status !== milestone.status) await setMilestoneStatus(store.db, milestone.id, status, userId, todayIso());
      return reply.redirect(commitmentUrl(milestone.commitmentId, 'milestone-updated', `milestone-${milestone.id}`), 303);
    },
  );
}
