// KPI pages: add a KPI to a commitment, edit it, and record a reading. The commitment page shows the result.
import type { FastifyInstance } from 'fastify';
import { FIELD_LIMITS } from '../../../domain/field-limits.ts';
import type { CommitmentRecord, KpiRecord } from '../../../domain/records.ts';
import type { RouteDeps } from '../../route-deps.ts';
import { errorView } from '../../form-errors.ts';
import { idParams } from '../../validation.ts';
import { partsOf, type Fields } from '../../date-input.ts';
import { EditConflictError, contentVersion } from '../../../services/edit-conflicts.ts';
import { conflictView } from '../../conflict-view.ts';
import { commitmentUrl, EDIT_REFUSAL } from '../commitments/urls.ts';
import { loadedCommitment, loadedKpi } from '../commitments/loaded.ts';
import { allProblems } from '../commitments/form-problems.ts';
import { kpiFields, readKpiForm, readReadingForm } from './kpi-form.ts';
import { kpiForm, readingForm } from './schemas.ts';

type Route = { Params: { id: number }; Body: Fields };

export async function kpiRoutes(app: FastifyInstance, { services }: RouteDeps): Promise<void> {
  const onCommitment = { access: { kind: 'commitment', action: 'commitment:edit', refusal: EDIT_REFUSAL } } as const;
  const onKpi = { access: { kind: 'kpi', action: 'commitment:edit', refusal: EDIT_REFUSAL } } as const;

  const formPage = (commitment: CommitmentRecord, kpi: KpiRecord | null, values: Fields, extra: object = {}) => ({
    pageTitle: kpi ? 'Edit KPI' : 'Add a KPI',
    commitment,
    kpi,
    action: kpi ? `/kpis/${kpi.id}/edit` : `/commitments/${commitment.id}/kpis/new`,
    backHref: commitmentUrl(commitment.id, undefined, kpi ? `kpi-${kpi.id}` : 'kpis'),
    limits: FIELD_LIMITS,
    values,
    ...extra,
  });

  app.get<Route>('/commitments/:id/kpis/new', { config: onCommitment, schema: { params: idParams } }, async (request, reply) => {
    return reply.view('pages/kpis/form.njk', formPage(loadedCommitment(request).commitment, null, { direction: 'higher' }));
  });

  app.post<Route>(
    '/commitments/:id/kpis/new',
    { config: onCommitment, attachValidation: true, schema: { params: idParams, body: kpiForm } },
    async (request, reply) => {
      const { commitment } = loadedCommitment(request);
      const values = request.body ?? {};
      const { kpi, errors: own } = readKpiForm(values);
      const errors = allProblems(request, kpiForm, own);
      if (!kpi || errors.length > 0) return reply.code(400).view('pages/kpis/form.njk', formPage(commitment, null, values, errorView(errors)));
      const created = await services.tracking.addKpi(request.user, commitment.id, kpi);
      return reply.redirect(commitmentUrl(commitment.id, 'kpi-added', `kpi-${created.id}`), 303);
    },
  );

  app.get<Route>('/kpis/:id/edit', { config: onKpi, schema: { params: idParams } }, async (request, reply) => {
    const { commitment, kpi } = loadedKpi(request);
    return reply.view('pages/kpis/form.njk', formPage(commitment, kpi, kpiFields(kpi), { readVersion: contentVersion(kpi) }));
  });

  app.post<Route>(
    '/kpis/:id/edit',
    { config: onKpi, attachValidation: true, schema: { params: idParams, body: kpiForm } },
    async (request, reply) => {
      const { commitment, kpi: stored } = loadedKpi(request);
      const values = request.body ?? {};
      const readVersion = values.version;
      const { kpi, errors: own } = readKpiForm(values);
      const errors = allProblems(request, kpiForm, own);
      if (!kpi || errors.length > 0) {
        return reply.code(400).view('pages/kpis/form.njk', formPage(commitment, stored, values, { ...errorView(errors), readVersion }));
      }
      try {
        await services.tracking.editKpi(request.user, stored.id, kpi, readVersion);
      } catch (error) {
        if (!(error instanceof EditConflictError)) throw error;
        // Saved by someone else since the form was read: theirs beside what was typed, which stays in the form.
        const theirs = kpiFields(stored);
        const rows = [['text', 'KPI'], ['unit', 'Unit'], ['baseline', 'Baseline'], ['target', 'Target'], ['direction', 'Better when']]
          .map(([field, label]) => ({ label: label!, theirs: theirs[field!] ?? '', yours: values[field!] ?? '' }));
        const conflict = await conflictView(services, 'KPI', null, rows, { entity: 'kpi', id: stored.id });
        return reply.code(409).view('pages/kpis/form.njk', formPage(commitment, stored, values, { ...conflict, readVersion: contentVersion(stored) }));
      }
      return reply.redirect(commitmentUrl(commitment.id, 'kpi-updated', `kpi-${stored.id}`), 303);
    },
  );

  const readingPage = (commitment: CommitmentRecord, kpi: KpiRecord, values: Fields, extra: object = {}) => ({
    pageTitle: 'Record a reading',
    commitment,
    kpi,
    backHref: commitmentUrl(commitment.id, undefined, `kpi-${kpi.id}`),
    limits: FIELD_LIMITS,
    values,
    ...extra,
  });

  app.get<Route>('/kpis/:id/readings/new', { config: onKpi, schema: { params: idParams } }, async (request, reply) => {
    const { commitment, kpi } = loadedKpi(request);
    const today = partsOf(services.clock.today());
    return reply.view('pages/kpis/reading.njk', readingPage(commitment, kpi, { 'date-day': today.day, 'date-month': today.month, 'date-year': today.year }));
  });

  app.post<Route>(
    '/kpis/:id/readings/new',
    { config: onKpi, attachValidation: true, schema: { params: idParams, body: readingForm } },
    async (request, reply) => {
      const { commitment, kpi } = loadedKpi(request);
      const values = request.body ?? {};
      const { reading, errors: own } = readReadingForm(values, services.clock.today());
      const errors = allProblems(request, readingForm, own);
      if (!reading || errors.length > 0) return reply.code(400).view('pages/kpis/reading.njk', readingPage(commitment, kpi, values, errorView(errors)));
      await services.tracking.recordKpiReading(request.user, kpi.id, reading);
      return reply.redirect(commitmentUrl(commitment.id, 'reading-recorded', `kpi-${kpi.id}`), 303);
    },
  );
}
