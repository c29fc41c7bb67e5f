// The web import journey: a file is read into a draft that is kept (for its uploader, for a while) so that it can
// be previewed, and confirming creates exactly the plan previewed, with its audit event, in one transaction.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { PlanDraft } from '../domain/types.ts';
import { ImportError, type PlanFormat } from '../import/index.ts';
import { countImportAttempts, recordImportAttempt } from '../store/import-attempts-repository.ts';
import { readPlanIsolated } from '../import/read-plan-isolated.ts';
import type { Database } from '../store/schema.ts';
import {
  deleteExpiredImportDrafts,
  findImportDraft,
  insertImportDraft,
  takeImportDraft,
  type ImportDraftKey,
  type ImportDraftRow,
} from '../store/import-drafts-repository.ts';
import { inTransaction } from '../store/transaction.ts';
import { importPlan } from './plans.ts';

type Db = Kysely<Database>;

export type { ImportDraftKey } from '../store/import-drafts-repository.ts';

/** How long an uploaded plan waits for confirmation. */
export const IMPORT_DRAFT_HOURS = 2;

const HOUR = 3_600_000;
const FORMATS: readonly PlanFormat[] = ['docx', 'xlsx', 'csv', 'txt'];

export const DRAFT_GONE_MESSAGE =
  'This upload has expired or has already been used, so no plan was created from it. Upload the file again.';

/** The draft to confirm does not exist, is someone else's, has expired or was already confirmed. */
export class ImportDraftGoneError extends Error {
  override name = 'ImportDraftGoneError';
  constructor() {
    super(DRAFT_GONE_MESSAGE);
  }
}

export interface PlanUpload {
  organisationId: number;
  userId: number;
  fileName: string;
  bytes: Uint8Array;
  maxBytes: number;
}

export interface ImportDraft {
  id: string;
  organisationId: number;
  fileName: string;
  format: PlanFormat;
  plan: PlanDraft;
  expiresAt: string;
}

function toDraft(row: ImportDraftRow): ImportDraft {
  const format = FORMATS.find((f) => f === row.format);
  if (!format) throw new Error(`Unexpected value "${row.format}" in import_drafts.format`);
  return {
    id: row.id,
    organisationId: row.organisationId,
    fileName: row.fileName,
    format,
    plan: JSON.parse(row.draftJson) as PlanDraft,
    expiresAt: row.expiresAt,
  };
}

/** Uploads a user may make in UPLOAD_WINDOW_MINUTES, counted in the database so every instance agrees. */
export const UPLOADS_PER_WINDOW = 10;
export const UPLOAD_WINDOW_MINUTES = 10;

/** Counts the upload against the user's limit, or refuses it (before the file is read) when it is over. */
async function countUpload(db: Db, userId: number, now: Date): Promise<void> {
  const since = new Date(now.getTime() - UPLOAD_WINDOW_MINUTES * 60_000).toISOString();
  if ((await countImportAttempts(db, userId, since)) >= UPLOADS_PER_WINDOW) {
    throw new ImportError(
      'too-many',
      `You have uploaded ${UPLOADS_PER_WINDOW} files in the last ${UPLOAD_WINDOW_MINUTES} minutes, the most allowed. Wait a few minutes, then try again.`,
    );
  }
  await recordImportAttempt(db, userId, now.toISOString(), new Date(now.getTime() - 24 * HOUR).toISOString());
}

/**
 * Reads the uploaded file and keeps what was read as a draft for the preview; returns the draft's id.
 * A file that cannot be read throws the importer's ImportError and stores nothing.
 */
export async function uploadPlan(db: Db, upload: PlanUpload, now = new Date()): Promise<string> {
  await countUpload(db, upload.userId, now);
  // Read in a worker thread with memory and time limits, so that a hostile file costs that worker only.
  const { format, ...plan } = await readPlanIsolated(upload.bytes, { fileName: upload.fileName, maxBytes: upload.maxBytes });
  const id = randomBytes(16).toString('base64url');
  await inTransaction(db, async (trx) => {
    await deleteExpiredImportDrafts(trx, now.toISOString());
    await insertImportDraft(trx, {
      id,
      organisationId: upload.organisationId,
      userId: upload.userId,
      fileName: upload.fileName,
      format,
      draftJson: JSON.stringify(plan),
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + IMPORT_DRAFT_HOURS * HOUR).toISOString(),
    });
  });
  return id;
}

/** The user's draft for the organisation, or null when it does not exist or has expired. */
export async function getImportDraft(db: Db, key: ImportDraftKey, now = new Date()): Promise<ImportDraft | null> {
  const row = await findImportDraft(db, key, now.toISOString());
  return row ? toDraft(row) : null;
}

/** Creates the plan from the draft (used up in the same transaction); returns the new plan's id. */
export function confirmImport(db: Db, key: ImportDraftKey, now = new Date()): Promise<number> {
  return inTransaction(db, async (trx) => {
    const row = await takeImportDraft(trx, key, now.toISOString());
    if (!row) throw new ImportDraftGoneError();
    const draft = toDraft(row);
    return importPlan(trx, draft.organisationId, draft.plan, key.userId, { sourceName: draft.fileName });
  });
}
