// Marking a milestone as done: the date it was done (today unless changed) and, optionally, evidence — a note,
// a link or an uploaded file. The form is multipart so that it works without JavaScript. Who may mark it done is
// the access rule's, checked before the upload is read.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { FIELD_LIMITS } from '../../../domain/field-limits.ts';
import type { RouteDeps } from '../../route-deps.ts';
import { errorView, type FieldError } from '../../form-errors.ts';
import { idParams } from '../../validation.ts';
import { partsOf, readDateInput, type Fields } from '../../date-input.ts';
import { ALLOWED_EXTENSIONS_TEXT } from '../../../services/tracking-service.ts';
import { commitmentUrl, EDIT_REFUSAL } from '../commitments/urls.ts';
import { loadedMilestone } from '../commitments/loaded.ts';
import { allProblems, dateError } from '../commitments/form-problems.ts';
import { acceptEvidenceUploads, formFields, formFile } from '../evidence/multipart-form.ts';
import { readEvidenceEntry } from '../evidence/evidence-form.ts';
import { doneForm } from '../evidence/schemas.ts';
import { formatDue } from './due-entry.ts';

function page(request: FastifyRequest, values: Fields, extra: object = {}) {
  const { milestone, commitment } = loadedMilestone(request);
  return {
    pageTitle: 'Mark milestone as done',
    milestone,
    commitment,
    currentDue: formatDue(milestone.due),
    backHref: commitmentUrl(commitment.id, undefined, `milestone-${milestone.id}`),
    allowedTypes: ALLOWED_EXTENSIONS_TEXT,
    limits: FIELD_LIMITS,
    values,
    ...extra,
  };
}

export async function doneMilestoneRoutes(app: FastifyInstance, { services }: RouteDeps): Promise<void> {
  await acceptEvidenceUploads(app);
  const access = { kind: 'milestone', action: 'commitment:edit', refusal: EDIT_REFUSAL } as const;

  app.get<{ Params: { id: number } }>('/milestones/:id/done', { config: { access }, schema: { params: idParams } }, async (request, reply) => {
    const { milestone } = loadedMilestone(request);
    const day = partsOf(milestone.doneOn ?? services.clock.today());
    return reply.view('pages/milestones/done.njk', page(request, { 'doneOn-day': day.day, 'doneOn-month': day.month, 'doneOn-year': day.year }));
  });

  app.post<{ Params: { id: number } }>(
    '/milestones/:id/done',
    { config: { access }, attachValidation: true, schema: { params: idParams, body: doneForm } },
    async (request, reply) => {
      const { milestone } = loadedMilestone(request);
      const values = formFields(request);
      const own: FieldError[] = [];
      const doneOn = readDateInput(values, 'doneOn', 'Date done');
      if (doneOn.kind === 'empty') own.push({ field: 'doneOn-day', message: 'Enter the date the milestone was done' });
      if (doneOn.kind === 'error') own.push(dateError(doneOn.problem));
      if (doneOn.kind === 'date' && doneOn.iso > services.clock.today()) own.push({ field: 'doneOn-day', message: 'Date done must be today or in the past' });
      const evidence = readEvidenceEntry(values, await formFile(request, 'evidenceFile'), false);
      own.push(...evidence.errors);
      const errors = allProblems(request, doneForm, own);
      if (errors.length > 0 || doneOn.kind !== 'date') {
        return reply.code(400).view('pages/milestones/done.njk', page(request, values, errorView(errors)));
      }
      await services.tracking.markMilestoneDone(request.user, milestone.id, doneOn.iso, evidence.entry);
      return reply.redirect(commitmentUrl(milestone.commitmentId, 'milestone-done', `milestone-${milestone.id}`), 303);
    },
  );
}
