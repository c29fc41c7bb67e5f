// Evidence: adding a note, link or file to a monitoring item or a milestone, and downloading a stored file —
// only by signed-in members of the organisation, always as an attachment under the name it was uploaded with.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteDeps } from '../../route-deps.ts';
import type { EvidenceTarget } from '../../../store/monitoring-repository.ts';
import { getMonitoringItem } from '../../../store/monitoring-repository.ts';
import { getMilestone } from '../../../store/milestones-repository.ts';
import { can } from '../../../services/accounts.ts';
import { addEvidenceWithFile, ALLOWED_EXTENSIONS_TEXT, findEvidenceFile } from '../../../services/evidence-files.ts';
import { errorView, type FieldError } from '../../form-errors.ts';
import { commitmentAccess, commitmentUrl, forbidden, idParams, notFound, type CommitmentAccess } from '../commitments/access.ts';
import { partsOf, readDateInput, todayIso, type Fields } from '../milestones/date-input.ts';
import { acceptEvidenceUploads, formFields, formFile } from './multipart-form.ts';
import { readEvidenceEntry } from './evidence-form.ts';
import { checkBeforeBody } from '../check-before-body.ts';

type Request = FastifyRequest<{ Params: { id: number } }>;

interface Target {
  access: CommitmentAccess;
  target: EvidenceTarget;
  /** What the evidence is for: the monitoring item's or milestone's text. */
  about: string;
  kind: 'monitoring item' | 'milestone';
  anchor: string;
}

/** "attachment; filename=…" with an ASCII fallback and the UTF-8 name. */
export function attachmentHeader(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export async function evidenceRoutes(app: FastifyInstance, { store, config }: RouteDeps): Promise<void> {
  const db = store.db;
  await acceptEvidenceUploads(app);

  const loaders: Record<string, (id: number) => Promise<Omit<Target, 'access'> & { commitmentId: number } | undefined>> = {
    'monitoring-items': async (id) => {
      const item = await getMonitoringItem(db, id);
      return item && { commitmentId: item.commitmentId, target: { monitoringItemId: id }, about: item.text, kind: 'monitoring item', anchor: `monitoring-item-${id}` };
    },
    milestones: async (id) => {
      const m = await getMilestone(db, id);
      return m && { commitmentId: m.commitmentId, target: { milestoneId: id }, about: m.text, kind: 'milestone', anchor: `milestone-${id}` };
    },
  };

  async function editableTarget(area: string, request: Request, reply: FastifyReply): Promise<Target | null> {
    const found = await loaders[area]?.(request.params.id);
    const access = found && (await commitmentAccess(db, request.user, found.commitmentId));
    if (!found || !access) {
      await notFound(reply);
      return null;
    }
    if (!access.canEdit) {
      await forbidden(reply);
      return null;
    }
    return { ...found, access };
  }

  const page = (t: Target, action: string, values: Fields, extra: object = {}) => ({
    pageTitle: 'Add evidence',
    commitment: t.access.commitment,
    about: t.about,
    kind: t.kind,
    action,
    allowedTypes: ALLOWED_EXTENSIONS_TEXT,
    backHref: commitmentUrl(t.access.commitment.id, undefined, t.anchor),
    values,
    ...extra,
  });

  for (const area of Object.keys(loaders)) {
    const url = `/${area}/:id/evidence/new`;
    app.get<{ Params: { id: number } }>(url, { preHandler: app.requireUser, schema: { params: idParams } }, async (request, reply) => {
      const t = await editableTarget(area, request, reply);
      if (!t) return reply;
      const today = partsOf(todayIso());
      return reply.view('pages/evidence/new.njk', page(t, `/${area}/${request.params.id}/evidence/new`, { 'date-day': today.day, 'date-month': today.month, 'date-year': today.year }));
    });

    // Who may add evidence is checked before the upload is read (onRequest), and again with the parsed parameters.
    const mayAdd = checkBeforeBody((request, reply) => editableTarget(area, request as Request, reply));
    const onRequest = [app.requireUser, mayAdd];
    app.post<{ Params: { id: number } }>(url, { onRequest, preHandler: app.requireUser, schema: { params: idParams } }, async (request, reply) => {
      const t = await editableTarget(area, request, reply);
      if (!t) return reply;
      const values = formFields(request);
      const errors: FieldError[] = [];
      const date = readDateInput(values, 'date', 'Date of the evidence');
      if (date.kind === 'empty') errors.push({ field: 'date-day', message: 'Enter the date of the evidence' });
      if (date.kind === 'error') errors.push(date.error);
      const evidence = readEvidenceEntry(values, await formFile(request, 'evidenceFile'), true);
      errors.push(...evidence.errors);
      if (errors.length > 0 || date.kind !== 'date' || !evidence.entry) {
        return reply.code(400).view('pages/evidence/new.njk', page(t, `/${area}/${request.params.id}/evidence/new`, values, errorView(errors)));
      }
      await addEvidenceWithFile(db, config.dataDir, t.target, { date: date.iso, ...evidence.entry }, request.user?.id ?? null);
      return reply.redirect(commitmentUrl(t.access.commitment.id, 'evidence-added', t.anchor), 303);
    });
  }

  app.get<{ Params: { id: number } }>('/evidence/:id/file', { preHandler: app.requireUser, schema: { params: idParams } }, async (request, reply) => {
    const file = await findEvidenceFile(db, config.dataDir, request.params.id);
    if (!file || !can(request.user, 'plan:read', file.owner.organisationId)) return notFound(reply);
    const bytes = await file.read().catch(() => null);
    if (!bytes) return notFound(reply);
    return reply
      .header('content-type', file.contentType)
      .header('content-disposition', attachmentHeader(file.name))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .send(bytes);
  });
}
