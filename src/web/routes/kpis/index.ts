// KPI pages: add a KPI to a commitment, edit it, and record a reading. The commitment page shows the result.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteDeps } from '../../route-deps.ts';
import type { KpiRecord } from '../../../store/records.ts';
import { getKpi } from '../../../store/kpis-repository.ts';
import { addKpi, editKpi, recordKpiReading } from '../../../services/plans.ts';
import { errorView } from '../../form-errors.ts';
import { commitmentAccess, commitmentUrl, forbidden, formBody, idParams, notFound, type CommitmentAccess } from '../commitments/access.ts';
import { partsOf, todayIso, type Fields } from '../milestones/date-input.ts';
import { kpiFields, readKpiForm, readReadingForm } from './kpi-form.ts';
import { EditConflictError, contentVersion } from '../../../services/edit-conflicts.ts';
import { conflictView } from '../../conflict-view.ts';

const KPI_FIELDS = ['text', 'unit', 'baseline', 'target', 'targetDate-day', 'targetDate-month', 'targetDate-year', 'direction'];
const READING_FIELDS = ['date-day', 'date-month', 'date-year', 'value', 'note', 'source'];

type Request = FastifyRequest<{ Params: { id: number } }>;

export async function kpiRoutes(app: FastifyInstance, { store }: RouteDeps): Promise<void> {
  const db = store.db;

  /** The commitment when the user may edit it; otherwise sends the refusal and returns null. */
  async function editable(request: Request, reply: FastifyReply, commitmentId: number | undefined): Promise<CommitmentAccess | null> {
    const access = commitmentId === undefined ? undefined : await commitmentAccess(db, request.user, commitmentId);
    if (!access) {
      await notFound(reply);
      return null;
    }
    if (!access.canEdit) {
      await forbidden(reply);
      return null;
    }
    return access;
  }

  async function editableKpi(request: Request, reply: FastifyReply): Promise<{ access: CommitmentAccess; kpi: KpiRecord } | null> {
    const kpi = await getKpi(db, request.params.id);
    const access = await editable(request, reply, kpi?.commitmentId);
    return kpi && access ? { access, kpi } : null;
  }

  const formPage = (access: CommitmentAccess, kpi: KpiRecord | null, values: Fields, extra: object = {}) => ({
    pageTitle: kpi ? 'Edit KPI' : 'Add a KPI',
    commitment: access.commitment,
    kpi,
    action: kpi ? `/kpis/${kpi.id}/edit` : `/commitments/${access.commitment.id}/kpis/new`,
    backHref: commitmentUrl(access.commitment.id, undefined, kpi ? `kpi-${kpi.id}` : 'kpis'),
    values,
    ...extra,
  });

  app.get<{ Params: { id: number } }>('/commitments/:id/kpis/new', { preHandler: app.requireUser, schema: { params: idParams } }, async (request, reply) => {
    const access = await editable(request, reply, request.params.id);
    if (!access) return reply;
    return reply.view('pages/kpis/form.njk', formPage(access, null, { direction: 'higher' }));
  });

  app.post<{ Params: { id: number }; Body: Fields }>(
    '/commitments/:id/kpis/new',
    { preHandler: app.requireUser, schema: { params: idParams, body: formBody(KPI_FIELDS) } },
    async (request, reply) => {
      const access = await editable(request, reply, request.params.id);
      if (!access) return reply;
      const { kpi, errors } = readKpiForm(request.body);
      if (!kpi) return reply.code(400).view('pages/kpis/form.njk', formPage(access, null, request.body, errorView(errors)));
      const created = await addKpi(db, access.commitment.id, kpi, request.user?.id ?? null);
      return reply.redirect(commitmentUrl(access.commitment.id, 'kpi-added', `kpi-${created.id}`), 303);
    },
  );

  app.get<{ Params: { id: number } }>('/kpis/:id/edit', { preHandler: app.requireUser, schema: { params: idParams } }, async (request, reply) => {
    const found = await editableKpi(request, reply);
    if (!found) return reply;
    return reply.view('pages/kpis/form.njk', formPage(found.access, found.kpi, kpiFields(found.kpi), { readVersion: contentVersion(found.kpi) }));
  });

  app.post<{ Params: { id: number }; Body: Fields }>(
    '/kpis/:id/edit',
    { preHandler: app.requireUser, schema: { params: idParams, body: formBody([...KPI_FIELDS, 'version']) } },
    async (request, reply) => {
      const found = await editableKpi(request, reply);
      if (!found) return reply;
      const readVersion = request.body.version;
      const { kpi, errors } = readKpiForm(request.body);
      if (!kpi) return reply.code(400).view('pages/kpis/form.njk', formPage(found.access, found.kpi, request.body, { ...errorView(errors), readVersion }));
      try {
        await editKpi(db, found.kpi.id, kpi, request.user?.id ?? null, readVersion);
      } catch (error) {
        if (!(error instanceof EditConflictError)) throw error;
        // Saved by someone else since the form was read: theirs beside what was typed, which stays in the form.
        const theirs = kpiFields(found.kpi);
        const rows = [['text', 'KPI'], ['unit', 'Unit'], ['baseline', 'Baseline'], ['target', 'Target'], ['direction', 'Better when']]
          .map(([field, label]) => ({ label: label!, theirs: theirs[field!] ?? '', yours: request.body[field!] ?? '' }));
        const conflict = await conflictView(db, 'KPI', null, rows, { entity: 'kpi', id: found.kpi.id });
        return reply.code(409).view('pages/kpis/form.njk', formPage(found.access, found.kpi, request.body, { ...conflict, readVersion: contentVersion(found.kpi) }));
      }
      return reply.redirect(commitmentUrl(found.access.commitment.id, 'kpi-updated', `kpi-${found.kpi.id}`), 303);
    },
  );

  const readingPage = (access: CommitmentAccess, kpi: KpiRecord, values: Fields, extra: object = {}) => ({
    pageTitle: 'Record a reading',
    commitment: access.commitment,
    kpi,
    backHref: commitmentUrl(access.commitment.id, undefined, `kpi-${kpi.id}`),
    values,
    ...extra,
  });

  app.get<{ Params: { id: number } }>('/kpis/:id/readings/new', { preHandler: app.requireUser, schema: { params: idParams } }, async (request, reply) => {
    const found = await editableKpi(request, reply);
    if (!found) return reply;
    const today = partsOf(todayIso());
    return reply.view(
      'pages/kpis/reading.njk',
      readingPage(found.access, found.kpi, { 'date-day': today.day, 'date-month': today.month, 'date-year': today.year }),
    );
  });

  app.post<{ Params: { id: number }; Body: Fields }>(
    '/kpis/:id/readings/new',
    { preHandler: app.requireUser, schema: { params: idParams, body: formBody(READING_FIELDS) } },
    async (request, reply) => {
      const found = await editableKpi(request, reply);
      if (!found) return reply;
      const { reading, errors } = readReadingForm(request.body);
      if (!reading) return reply.code(400).view('pages/kpis/reading.njk', readingPage(found.access, found.kpi, request.body, errorView(errors)));
      await recordKpiReading(db, found.kpi.id, reading, request.user?.id ?? null);
      return reply.redirect(commitmentUrl(found.access.commitment.id, 'reading-recorded', `kpi-${found.kpi.id}`), 303);
    },
  );
}
