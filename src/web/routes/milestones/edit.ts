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
import { EditConflictError, contentVersion } from '../../../services/edit-conflicts.ts';
import { conflictView } from '../../conflict-view.ts';

export const TEXT_MAX = 1000;
const STATUSES: readonly MilestoneStatus[] = ['not-started', 'in-progress', 'done', 'dropped'];
const FIELDS = ['text', 'status', 'due-day', 'due-month', 'due-year', 'duePhrase', 'phraseChecked', 'version'];

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
      return reply.view('pages/milestones/edit.njk', page(access, { text: access.milestone.text, status: access.milestone.status }, {
        readVersion: contentVersion(access.milestone),
      }));
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
      const readVersion = values.version;
      if (errors.length > 0) return reply.code(400).view('pages/milestones/edit.njk', page(access, values, { ...errorView(errors), readVersion }));
      if (due.kind === 'check') {
        return reply.view('pages/milestones/edit.njk', page(access, { ...values, phraseChecked: due.phrase }, { check: due, readVersion }));
      }

      const userId = request.user?.id ?? null;
      const newDue = due.kind === 'due' ? due.due : undefined;
      try {
        await editMilestone(store.db, milestone.id, { text, ...(newDue && { due: newDue, baseline: milestone.baseline ?? newDue }) }, userId, readVersion);
      } catch (error) {
        if (!(error instanceof EditConflictError)) throw error;
        // Saved by someone else since the form was read: theirs beside what was typed, which stays in the form.
        const conflict = await conflictView(store.db, 'milestone', null, [
          { label: 'Milestone', theirs: milestone.text, yours: text },
          { label: 'Status', theirs: milestone.status, yours: status },
        ], { entity: 'milestone', id: milestone.id });
        return reply.code(409).view('pages/milestones/edit.njk', page(access, values, { ...conflict, readVersion: contentVersion(milestone) }));
      }
      if (status !== milestone.status) await setMilestoneStatus(store.db, milestone.id, status, userId, todayIso());
      return reply.redirect(commitmentUrl(milestone.commitmentId, 'milestone-updated', `milestone-${milestone.id}`), 303);
    },
  );
}
