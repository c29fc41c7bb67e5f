// Editing a milestone: its text and status, and its due date only while it has none (a change to an agreed
// date is a re-date, with a reason). The due date is entered in the date boxes or in words. The rule about
// which due date may change here, and saving it all at once, are the tracking service's.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { MilestoneStatus } from '../../../domain/types.ts';
import { FIELD_LIMITS } from '../../../domain/field-limits.ts';
import type { RouteDeps } from '../../route-deps.ts';
import { errorView, type FieldError } from '../../form-errors.ts';
import { idParams } from '../../validation.ts';
import type { Fields } from '../../date-input.ts';
import { EditConflictError, contentVersion } from '../../../services/edit-conflicts.ts';
import { conflictView } from '../../conflict-view.ts';
import { commitmentUrl, EDIT_REFUSAL } from '../commitments/urls.ts';
import { loadedMilestone } from '../commitments/loaded.ts';
import { allProblems } from '../commitments/form-problems.ts';
import { formatDue, readDueEntry, type DueEntry } from './due-entry.ts';
import { editForm } from './schemas.ts';

const STATUSES: readonly MilestoneStatus[] = ['not-started', 'in-progress', 'done', 'dropped'];

function page(request: FastifyRequest, values: Fields, extra: object = {}) {
  const { milestone, commitment, plan } = loadedMilestone(request);
  return {
    pageTitle: 'Edit milestone',
    milestone,
    commitment,
    plan,
    currentDue: milestone.due ? formatDue(milestone.due) : null,
    backHref: commitmentUrl(commitment.id, undefined, `milestone-${milestone.id}`),
    limits: FIELD_LIMITS,
    values,
    ...extra,
  };
}

export async function editMilestoneRoutes(app: FastifyInstance, { services }: RouteDeps): Promise<void> {
  const access = { kind: 'milestone', action: 'commitment:edit', refusal: EDIT_REFUSAL } as const;

  app.get<{ Params: { id: number } }>('/milestones/:id/edit', { config: { access }, schema: { params: idParams } }, async (request, reply) => {
    const { milestone } = loadedMilestone(request);
    return reply.view('pages/milestones/edit.njk', page(request, { text: milestone.text, status: milestone.status }, {
      readVersion: contentVersion(milestone),
    }));
  });

  app.post<{ Params: { id: number }; Body: Fields }>(
    '/milestones/:id/edit',
    { config: { access }, attachValidation: true, schema: { params: idParams, body: editForm } },
    async (request, reply) => {
      const { milestone, plan } = loadedMilestone(request);
      const values = request.body ?? {};
      const text = (values.text ?? '').trim();
      const status = values.status as MilestoneStatus;
      const own: FieldError[] = [];
      if (!text) own.push({ field: 'text', message: 'Enter what the milestone is' });
      if (!STATUSES.includes(status)) own.push({ field: 'status', message: 'Select the milestone’s status' });
      const due: DueEntry = milestone.due ? { kind: 'empty' } : readDueEntry(values, plan);
      if (due.kind === 'error') own.push(...due.errors);
      const errors = allProblems(request, editForm, own);
      const readVersion = values.version;
      if (errors.length > 0) return reply.code(400).view('pages/milestones/edit.njk', page(request, values, { ...errorView(errors), readVersion }));
      if (due.kind === 'check') {
        return reply.view('pages/milestones/edit.njk', page(request, { ...values, phraseChecked: due.phrase }, { check: due, readVersion }));
      }

      try {
        await services.tracking.editMilestone(request.user, milestone.id, { text, status, ...(due.kind === 'due' && { due: due.due }) }, readVersion);
      } catch (error) {
        if (!(error instanceof EditConflictError)) throw error;
        // Saved by someone else since the form was read: theirs beside what was typed, which stays in the form.
        const conflict = await conflictView(services, 'milestone', null, [
          { label: 'Milestone', theirs: milestone.text, yours: text },
          { label: 'Status', theirs: milestone.status, yours: status },
        ], { entity: 'milestone', id: milestone.id });
        return reply.code(409).view('pages/milestones/edit.njk', page(request, values, { ...conflict, readVersion: contentVersion(milestone) }));
      }
      return reply.redirect(commitmentUrl(milestone.commitmentId, 'milestone-updated', `milestone-${milestone.id}`), 303);
    },
  );
}
