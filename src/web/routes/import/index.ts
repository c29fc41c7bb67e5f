// Importing a plan from a file: upload (GET/POST /organisations/:orgId/import) → preview of what was read
// (GET /organisations/:orgId/import/:draftId) → confirm (POST to the same address) → the new plan's page.
// Only those who may import plans for the organisation get here: other members get 403, anyone else 404.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import type { RouteDeps } from '../../route-deps.ts';
import { errorView } from '../../form-errors.ts';
import { can } from '../../../services/accounts.ts';
import { ImportError } from '../../../import/index.ts';
import {
  confirmImport,
  DRAFT_GONE_MESSAGE,
  getImportDraft,
  ImportDraftGoneError,
  uploadPlan,
  type ImportDraftKey,
} from '../../../services/import-preview.ts';
import { getOrganisation } from '../../../store/organisations-repository.ts';
import type { OrganisationRecord } from '../../../store/records.ts';
import { uploadedFile } from './uploaded-file.ts';
import { checkBeforeBody } from '../check-before-body.ts';
import { previewOf } from './preview-view.ts';

const ID = { type: 'integer', minimum: 1, maximum: 2147483647 };
const orgParams = { type: 'object', properties: { orgId: ID }, required: ['orgId'] };
const draftParams = {
  type: 'object',
  properties: { orgId: ID, draftId: { type: 'string', pattern: '^[A-Za-z0-9_-]{22}$' } },
  required: ['orgId', 'draftId'],
};

interface OrgParams {
  orgId: number;
}
interface DraftParams extends OrgParams {
  draftId: string;
}

const UPLOAD_PAGE = 'pages/import/upload.njk';

function sizeText(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? `${Number(mb.toFixed(1))} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export async function importRoutes(app: FastifyInstance, { store, config }: RouteDeps): Promise<void> {
  // Multipart bodies are accepted by these routes only. An oversized file is cut off rather than refused
  // outright, so that the upload page can say what went wrong.
  await app.register(multipart, {
    attachFieldsToBody: true,
    throwFileSizeLimit: false,
    limits: { fileSize: config.importMaxBytes, files: 1, fields: 5, fieldSize: 1024, parts: 6 },
  });

  /** The organisation, when the user may import plans for it; otherwise sends the refusal and returns null. */
  async function importableOrganisation(request: FastifyRequest, reply: FastifyReply, orgId: number): Promise<OrganisationRecord | null> {
    const organisation = can(request.user, 'plan:read', orgId) ? await getOrganisation(store.db, orgId) : undefined;
    if (!organisation) {
      await reply.code(404).view('pages/errors/404.njk', { pageTitle: 'Page not found' });
      return null;
    }
    if (!can(request.user, 'plan:import', orgId)) {
      await reply.code(403).view('pages/errors/403.njk', {
        pageTitle: 'You cannot import plans',
        message: `Only a plan owner of ${organisation.name} can import plans. Ask your plan owner if a plan needs importing.`,
      });
      return null;
    }
    return organisation;
  }

  const uploadPage = (organisation: OrganisationRecord, extra: object = {}) => ({
    pageTitle: 'Import a plan',
    organisation,
    maxSize: sizeText(config.importMaxBytes),
    ...extra,
  });

  const draftKey = (request: FastifyRequest<{ Params: DraftParams }>): ImportDraftKey => ({
    id: request.params.draftId,
    userId: request.user!.id,
    organisationId: request.params.orgId,
  });

  app.get<{ Params: OrgParams }>(
    '/organisations/:orgId/import',
    { preHandler: app.requireUser, schema: { params: orgParams } },
    async (request, reply) => {
      const organisation = await importableOrganisation(request, reply, request.params.orgId);
      if (!organisation) return reply;
      return reply.view(UPLOAD_PAGE, uploadPage(organisation));
    },
  );

  // Who may import is checked before the upload is read (onRequest), and again with the parsed parameters.
  const mayImport = checkBeforeBody((request, reply) => importableOrganisation(request, reply, (request.params as OrgParams).orgId));

  app.post<{ Params: OrgParams }>(
    '/organisations/:orgId/import',
    { onRequest: [app.requireUser, mayImport], preHandler: app.requireUser, schema: { params: orgParams } },
    async (request, reply) => {
      const organisation = await importableOrganisation(request, reply, request.params.orgId);
      if (!organisation) return reply;
      const file = await uploadedFile(request, 'file');
      let problem: string;
      if (!file) problem = 'Select a file to import';
      else if (file.tooLarge) problem = `The selected file must be ${sizeText(config.importMaxBytes)} or smaller`;
      else {
        try {
          const draftId = await uploadPlan(store.db, {
            organisationId: organisation.id,
            userId: request.user!.id,
            fileName: file.fileName,
            bytes: file.bytes,
            maxBytes: config.importMaxBytes,
          });
          return reply.redirect(`/organisations/${organisation.id}/import/${draftId}`, 303);
        } catch (err) {
          if (!(err instanceof ImportError)) throw err;
          request.log.info({ code: err.code }, 'import refused');
          problem = err.message;
        }
      }
      return reply.code(400).view(UPLOAD_PAGE, uploadPage(organisation, errorView([{ field: 'file', message: problem }])));
    },
  );

  app.get<{ Params: DraftParams }>(
    '/organisations/:orgId/import/:draftId',
    { preHandler: app.requireUser, schema: { params: draftParams } },
    async (request, reply) => {
      const organisation = await importableOrganisation(request, reply, request.params.orgId);
      if (!organisation) return reply;
      const draft = await getImportDraft(store.db, draftKey(request));
      if (!draft) return reply.code(404).view(UPLOAD_PAGE, uploadPage(organisation, { notice: DRAFT_GONE_MESSAGE }));
      return reply.view('pages/import/preview.njk', {
        pageTitle: 'Check the plan before you create it',
        organisation,
        draftId: draft.id,
        preview: previewOf(draft),
      });
    },
  );

  app.post<{ Params: DraftParams }>(
    '/organisations/:orgId/import/:draftId',
    { preHandler: app.requireUser, schema: { params: draftParams } },
    async (request, reply) => {
      const organisation = await importableOrganisation(request, reply, request.params.orgId);
      if (!organisation) return reply;
      try {
        const planId = await confirmImport(store.db, draftKey(request));
        return reply.redirect(`/plans/${planId}?imported=1`, 303);
      } catch (err) {
        if (!(err instanceof ImportDraftGoneError)) throw err;
        return reply.code(404).view(UPLOAD_PAGE, uploadPage(organisation, { notice: err.message }));
      }
    },
  );
}
